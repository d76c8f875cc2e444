"""The style editor of a user layer: one symbol, categories by a field, or graduated classes with
breaks and a colour ramp (core/style_build.py builds the same style model the TOML layers use),
plus its label field, its name field, its popup fields and its time field."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from gis_app.core import style_build
from gis_app.core.features import FeatureStore

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class StyleEditor(QDialog):
    """Edits one user layer of `document`; `apply()` writes the choices back (one change)."""

    def __init__(self, document, features: FeatureStore, layer_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("styleEditor")
        self.document, self.features, self.layer_id = document, features, layer_id
        self.entry = document.user_layer(layer_id)
        self.props = [f.get("properties") or {} for f in features.layer(layer_id).features]
        self.fields = [k for k in (self.props[0] if self.props else {}) if k != "id"]
        style = self.entry.get("style") or {}
        self.title_edit = QLineEdit(str(self.entry.get("title", "")), self)
        self.mode = QComboBox(self)
        for key, text in (("single", self.tr("Single symbol")),
                          ("categories", self.tr("Categories by a field")),
                          ("graduated", self.tr("Graduated classes"))):
            self.mode.addItem(text, key)
        self.mode.setCurrentIndex(2 if "choropleth" in style else 1 if "categories" in style else 0)
        colour_key = "stroke" if self.entry.get("geometry") == "line" else "fill"
        self.colour = QLineEdit(str(style.get(colour_key) or style.get("stroke") or "#3388ff"), self)
        self.stroke = QLineEdit(str(style.get("stroke") or "#333333"), self)
        self.field = self._field_box(
            (style.get("categories") or style.get("choropleth") or {}).get("property", ""), empty=False)
        self.classes = QSpinBox(self)
        self.classes.setRange(2, 7)
        self.classes.setValue(len((style.get("choropleth") or {}).get("colors", [])) or 5)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Quantiles"), "quantile")
        self.method.addItem(self.tr("Equal intervals"), "equal")
        self.ramp = QComboBox(self)
        for name in style_build.RAMPS:
            self.ramp.addItem(name, name)
        self.label_field = self._field_box(self.entry.get("label_field", ""))
        self.name_field = self._field_box(self.entry.get("name_field", ""))
        self.time_field = self._field_box(self.entry.get("time_field", ""))
        self.popup = QListWidget(self)
        chosen = set(self.entry.get("popup_fields") or [])
        for f in self.fields:
            item = QListWidgetItem(f, self.popup)  # field names are data: shown as text
            item.setCheckState(Qt.CheckState.Checked if f in chosen else Qt.CheckState.Unchecked)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Style"), self.mode)
        form.addRow(self.tr("Colour (#rrggbb)"), self.colour)
        form.addRow(self.tr("Outline (#rrggbb)"), self.stroke)
        form.addRow(self.tr("Field"), self.field)
        form.addRow(self.tr("Classes"), self.classes)
        form.addRow(self.tr("Breaks"), self.method)
        form.addRow(self.tr("Colour ramp"), self.ramp)
        form.addRow(self.tr("Label field"), self.label_field)
        form.addRow(self.tr("Name field (search, Info)"), self.name_field)
        form.addRow(self.tr("Date field (time filter)"), self.time_field)
        form.addRow(self.tr("Popup fields"), self.popup)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel, self)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Style of {0}").format(self.entry.get("title", "")))

    def _field_box(self, current: str, empty: bool = True) -> QComboBox:
        box = QComboBox(self)
        if empty:
            box.addItem(self.tr("(none)"), "")
        for f in self.fields:
            box.addItem(f, f)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def style(self) -> dict:
        """The style the choices make; ValueError says what is wrong."""
        base = dict(self.entry.get("style") or {})
        colour, stroke = self.colour.text().strip(), self.stroke.text().strip()
        for value in (colour, stroke):
            if not HEX.match(value):
                raise ValueError(self.tr("{0} is not a colour written #rrggbb").format(value))
        key = "stroke" if self.entry.get("geometry") == "line" else "fill"
        base = style_build.single(base, **{key: colour}, **({"stroke": stroke} if key == "fill" else {}))
        mode, field = self.mode.currentData(), self.field.currentData()
        if mode == "categories":
            return style_build.categories(base, field, (p.get(field) for p in self.props),
                                          self.entry.get("geometry", ""))
        if mode == "graduated":
            return style_build.graduated(base, field, (p.get(field) for p in self.props),
                                         self.classes.value(), self.method.currentData(),
                                         self.ramp.currentData())
        return base

    def apply(self) -> None:
        popup = [self.popup.item(i).text() for i in range(self.popup.count())
                 if self.popup.item(i).checkState() == Qt.CheckState.Checked]
        self.document.update_user_layer(
            self.layer_id, title=self.title_edit.text().strip() or self.entry.get("title", ""),
            style=self.style(), label_field=self.label_field.currentData(),
            name_field=self.name_field.currentData(), time_field=self.time_field.currentData(),
            popup_fields=popup)

    def _ok(self) -> None:
        try:
            self.apply()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
