"""The forms of digitising and citing: where to draw (a new layer or an existing one), a feature's
attributes and sources, and the sources cited for a feature or a whole layer. Every text the user
types is kept as plain text; every choice of a source is from the shipped bibliography or the
project's own sources, named by author and year."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gis_app.core import digitised as dg
from gis_app.core.evidence import short_citation
from gis_app.ui.i18n import Retranslating
from gis_app.ui.refusal_text import digitise_text

ID_ROLE = Qt.ItemDataRole.UserRole


def source_label(item: dict, lang: str) -> str:
    """ "Kurmangali & Jaukhan 2025 — Title" (plain text: a list item)."""
    title = str(item.get("title") or "").strip()
    short = short_citation(item, lang)
    return f"{short} — {title[:90]}" if title else short


class SourcePicker(Retranslating, QWidget):
    """The sources to cite: a filter and a list of checkable sources (the shipped bibliography and
    the project's own, marked), and "New source…" when the window gives a way to add one. The one
    source picker of the window: `single` (a figure's one source, ui/claim_editor.py) ticks one
    source at a time, a click on a row ticks it."""

    new_source_requested = Signal()

    def __init__(self, sources: dict[str, dict], own: set[str], checked: list[str], lang: str = "en",
                 can_add: bool = False, parent=None, single: bool = False):
        super().__init__(parent)
        self.lang, self.own, self.single = lang, own, single
        self.heading = QLabel(self)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(160)
        if single:
            self.list.itemChanged.connect(self._only_one)
            self.list.itemClicked.connect(lambda row: row.setCheckState(Qt.CheckState.Checked))
        self.new_button = QPushButton(self)
        self.new_button.setVisible(can_add)
        self.new_button.clicked.connect(self.new_source_requested)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.set_sources(sources, checked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("The source that states it:") if self.single
                             else self.tr("Sources (tick each one that states it):"))
        self.filter.setPlaceholderText(self.tr("Filter the sources…"))
        self.filter.setAccessibleName(self.tr("Filter the sources"))
        self.list.setAccessibleName(self.tr("Sources"))
        self.new_button.setText(self.tr("New source…"))

    def set_sources(self, sources: dict[str, dict], checked: list[str] | None = None) -> None:
        """Fill the list (again: a source just added), keeping what was ticked."""
        keep = set(self.checked_ids() if checked is None else checked)
        self.list.clear()
        own_mark = self.tr("(yours)")
        rows = sorted(sources.items(), key=lambda kv: (kv[0] not in keep, kv[0] not in self.own,
                                                       source_label(kv[1], self.lang).lower()))
        for source_id, item in rows:
            text = source_label(item, self.lang)
            row = QListWidgetItem(f"{own_mark} {text}" if source_id in self.own else text, self.list)
            row.setData(ID_ROLE, source_id)
            row.setToolTip(text)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if source_id in keep else Qt.CheckState.Unchecked)
        self._filter(self.filter.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            row = self.list.item(i)
            row.setHidden(bool(needle) and needle not in row.text().lower())

    def _only_one(self, row: QListWidgetItem) -> None:
        if row.checkState() != Qt.CheckState.Checked:
            return
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            other = self.list.item(i)
            if other is not row and other.checkState() == Qt.CheckState.Checked:
                other.setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.list.setCurrentItem(row)

    def checked_ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, source_id: str, checked: bool = True) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == source_id:
                self.list.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                if checked:
                    self.list.scrollToItem(self.list.item(i))
                return True
        return False


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
    box = QDialogButtonBox(ok | cancel, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class TargetDialog(Retranslating, QDialog):
    """Where to digitise: a new empty layer (title, geometry, fields) or an existing user layer."""

    def __init__(self, layers: list[tuple[str, str, str]], parent=None):
        """`layers`: (id, title, geometry) of the user layers that can take points, lines or polygons."""
        super().__init__(parent)
        self.layers = layers
        self.new_radio, self.old_radio = QRadioButton(self), QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.old_radio)
        self.title_edit = QLineEdit(self)
        self.geometry_box = QComboBox(self)
        self.fields_edit = QLineEdit("name", self)
        self.dated_box = QCheckBox(self)
        self.layer_box = QComboBox(self)
        for layer_id, title, _geometry in layers:
            self.layer_box.addItem(title, layer_id)
        self.old_radio.setEnabled(bool(layers))
        (self.old_radio if layers else self.new_radio).setChecked(True)
        self.form = QFormLayout()
        self.title_label, self.geometry_label = QLabel(self), QLabel(self)
        self.fields_label, self.layer_label = QLabel(self), QLabel(self)
        self.form.addRow(self.new_radio)
        self.form.addRow(self.title_label, self.title_edit)
        self.form.addRow(self.geometry_label, self.geometry_box)
        self.form.addRow(self.fields_label, self.fields_edit)
        self.form.addRow(self.dated_box)
        self.form.addRow(self.old_radio)
        self.form.addRow(self.layer_label, self.layer_box)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a00;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        for widget in (self.new_radio, self.old_radio):
            widget.toggled.connect(self._enable)
        self.retranslate_ui()
        self._enable()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Digitise features"))
        self.new_radio.setText(self.tr("Draw into a &new layer"))
        self.old_radio.setText(self.tr("Draw into an &existing layer of mine"))
        self.title_label.setText(self.tr("Layer title:"))
        self.geometry_label.setText(self.tr("Holds:"))
        self.fields_label.setText(self.tr("Fields:"))
        self.fields_edit.setToolTip(self.tr("The attribute fields, separated by commas"))
        self.dated_box.setText(self.tr("Each feature has a date (the time filter reads it)"))
        self.layer_label.setText(self.tr("Layer:"))
        current = self.geometry_box.currentIndex()
        self.geometry_box.clear()
        for key, text in (("point", self.tr("Points")), ("line", self.tr("Lines")),
                          ("polygon", self.tr("Polygons"))):
            self.geometry_box.addItem(text, key)
        self.geometry_box.setCurrentIndex(max(0, current))

    def _enable(self, *_args) -> None:
        new = self.new_radio.isChecked()
        for widget in (self.title_edit, self.geometry_box, self.fields_edit, self.dated_box):
            widget.setEnabled(new)
        self.layer_box.setEnabled(not new)

    def result_values(self) -> dict:
        if self.old_radio.isChecked():
            return {"layer": self.layer_box.currentData()}
        return {"title": self.title_edit.text().strip(), "geometry": self.geometry_box.currentData(),
                "fields": self.fields_edit.text().split(","), "dated": self.dated_box.isChecked()}

    def accept(self) -> None:
        if self.new_radio.isChecked() and not self.title_edit.text().strip():
            self.error.setText(self.tr("Give the new layer a title."))
            return
        try:
            dg.check_fields(self.fields_edit.text().split(","))
        except dg.DigitiseError as exc:
            self.error.setText(digitise_text(exc))
            return
        super().accept()


class FeatureForm(Retranslating, QDialog):
    """A feature's attributes (the layer's fields; "Add field…" makes one more) and its sources."""

    def __init__(self, title: str, fields: list[str], values: dict, sources: dict[str, dict],
                 own: set[str], checked: list[str], lang: str = "en",
                 ask_field: Callable[[], str | None] | None = None, can_add_source: bool = False,
                 date_field: str = "", parent=None):
        super().__init__(parent)
        self.layer_title, self.ask_field, self.date_field = title, ask_field, date_field
        self.edits: dict[str, QLineEdit] = {}
        fields_box = QWidget(self)
        self.form = QFormLayout(fields_box)
        scroll = QScrollArea(self)  # an imported layer may have dozens of fields
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields_box)
        scroll.setMaximumHeight(240)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.fields_scroll = scroll
        self.add_field_button = QPushButton(self)
        self.add_field_button.clicked.connect(self.add_field_asked)
        self.add_field_button.setVisible(ask_field is not None)
        self.sources = SourcePicker(sources, own, checked, lang, can_add_source, self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a00;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.add_field_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.sources, 1)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        for field in fields:
            self.add_field(field, values.get(field))
        self.retranslate_ui()
        self.resize(520, 520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Feature of “{0}”").format(self.layer_title))
        self.add_field_button.setText(self.tr("Add field…"))

    def add_field(self, name: str, value=None) -> QLineEdit:
        if name in self.edits:
            return self.edits[name]
        edit = QLineEdit("" if value is None else str(value), self)
        edit.setAccessibleName(name)
        if name == self.date_field:
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))  # the date's pattern, as the reader writes it
        self.form.addRow(name + ":", edit)
        self.edits[name] = edit
        return edit

    def add_field_asked(self) -> None:
        name = self.ask_field() if self.ask_field else None
        if name is None:
            return
        try:
            fields = dg.check_fields([name])
        except dg.DigitiseError as exc:
            self.error.setText(digitise_text(exc))
            return
        if fields:
            edit = self.add_field(fields[0])
            edit.setFocus()
            self.fields_scroll.ensureWidgetVisible(edit)

    def fields(self) -> list[str]:
        return list(self.edits)

    def values(self) -> dict:
        """The attributes typed (an empty field is left out)."""
        return {name: edit.text().strip() for name, edit in self.edits.items() if edit.text().strip()}

    def result_values(self) -> dict:
        return {"properties": self.values(), "fields": self.fields(), "sources": self.sources.checked_ids()}

    def accept(self) -> None:
        problem = dg.date_problem({"time_field": self.date_field}, self.values())
        if problem:
            self.error.setText(problem)
            return
        if not self.sources.checked_ids():
            self.error.setText(self.tr("No source is ticked: tick the one that states this feature, or "
                                       "press OK again to keep it without a source for now."))
            if not getattr(self, "_warned", False):
                self._warned = True  # a second OK keeps the feature uncited (validate will say so)
                return
        super().accept()


class CiteDialog(Retranslating, QDialog):
    """The sources cited for a feature, or for its whole layer (a user layer); with no feature
    (`feature_text` ""), the layer's."""

    def __init__(self, feature_text: str, layer_text: str, layer_allowed: bool,
                 cites: dict[str, list[str]], sources: dict[str, dict], own: set[str], lang: str = "en",
                 can_add_source: bool = False, parent=None):
        """`cites`: {"feature": ids, "layer": ids} cited now."""
        super().__init__(parent)
        self.cites, self.items = cites, sources
        self.feature_text, self.layer_text = feature_text, layer_text
        self.feature_radio, self.layer_radio = QRadioButton(self), QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.feature_radio)
        group.addButton(self.layer_radio)
        self._scope = "feature" if feature_text else "layer"  # no feature: the layer's own sources
        self.feature_radio.setVisible(bool(feature_text))
        (self.feature_radio if feature_text else self.layer_radio).setChecked(True)
        self.layer_radio.setEnabled(layer_allowed)
        self.layer_radio.setVisible(layer_allowed)
        self.sources = SourcePicker(sources, own, cites.get(self._scope, []), lang, can_add_source, self)
        self.feature_radio.toggled.connect(self._scope_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.feature_radio)
        layout.addWidget(self.layer_radio)
        layout.addWidget(self.sources, 1)
        layout.addWidget(_buttons(self))
        self.retranslate_ui()
        self.resize(520, 460)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Cite sources"))
        self.feature_radio.setText(self.tr("For this feature: {0}").format(self.feature_text))
        self.layer_radio.setText(self.tr("For the whole layer: {0}").format(self.layer_text))

    def _scope_changed(self, *_args) -> None:
        self.cites[self._scope] = self.sources.checked_ids()
        self._scope = "feature" if self.feature_radio.isChecked() else "layer"
        self.sources.set_sources(self.items, self.cites.get(self._scope, []))

    def result_values(self) -> dict:
        return {"scope": self._scope, "sources": self.sources.checked_ids()}
