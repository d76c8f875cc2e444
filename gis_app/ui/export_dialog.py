"""File > Export map…: title, page, DPI and layout elements, with a live preview of the page."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from gis_app.core.annotations import Annotations
from gis_app.core.catalog import Catalog
from gis_app.core.events import Change, Kind
from gis_app.core.map_sources import MapEvidence
from gis_app.core.map_state import MapState
from gis_app.render.layout import layout_geometry, paint_layout
from gis_app.render.layout_model import CUSTOM, PRESETS, ExportOptions
from gis_app.ui.export import MapRenderer, export_georef, export_map, layout_context
from gis_app.ui.i18n import Retranslating
from gis_app.ui.prompts import Prompts, prompts_for

log = logging.getLogger(__name__)

GEOREF = {"pgw": "png", "tif": "tif"}  # format key -> file suffix of the georeferenced images
PREVIEW_WIDTH = 560
ELEMENTS = ("legend", "scale_bar", "north_arrow", "inset", "attribution", "footer")


class ExportDialog(Retranslating, QDialog):
    def __init__(
        self, catalog: Catalog, state: MapState, annotations: Annotations, lang: str = "en", parent=None,
        prompts: Prompts | None = None, document=None,
    ):
        super().__init__(parent)
        self.document = document  # the window's: its figures and sources go into the export
        self.prompts = prompts  # None: the main window's (gis_app.ui.prompts.prompts_for)
        self.setObjectName("exportDialog")
        self.catalog, self.state, self.annotations, self.lang = catalog, state, annotations, lang
        self._renderer: MapRenderer | None = None
        self._picture = None
        self._picture_key = None
        self.preview_image = QImage()
        self.last_result = None
        self._rendering = False

        self.title_edit = QLineEdit(self)
        self.subtitle_edit = QLineEdit(self)
        self.page_combo = QComboBox(self)
        for key in (*PRESETS, CUSTOM):
            self.page_combo.addItem("", key)
        self.width_box, self.height_box = QSpinBox(self), QSpinBox(self)
        for box, value in ((self.width_box, 1920), (self.height_box, 1080)):
            box.setRange(200, 12000)
            box.setValue(value)
        self.dpi_box = QSpinBox(self)
        self.dpi_box.setRange(96, 600)
        self.dpi_box.setValue(300)
        self.format_combo = QComboBox(self)
        for fmt in ("png", "pdf", "svg", *GEOREF):
            self.format_combo.addItem("", fmt)
        self.checks = {name: QCheckBox(self) for name in ELEMENTS}
        for check in self.checks.values():
            check.setChecked(True)
        self.preview = QLabel(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setMinimumSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * 0.75))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #777;")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.form = QFormLayout()
        self.labels = {k: QLabel(self) for k in ("title", "subtitle", "page", "custom", "dpi", "format")}
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.width_box)
        custom_row.addWidget(QLabel("×", self))
        custom_row.addWidget(self.height_box)
        self.form.addRow(self.labels["title"], self.title_edit)
        self.form.addRow(self.labels["subtitle"], self.subtitle_edit)
        self.form.addRow(self.labels["page"], self.page_combo)
        self.form.addRow(self.labels["custom"], custom_row)
        self.form.addRow(self.labels["dpi"], self.dpi_box)
        self.form.addRow(self.labels["format"], self.format_combo)
        self.elements_box = QGroupBox(self)
        elements = QVBoxLayout(self.elements_box)
        for check in self.checks.values():
            elements.addWidget(check)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self._export_clicked)
        self.buttons.rejected.connect(self.close)

        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addWidget(self.elements_box)
        side.addStretch(1)
        main = QHBoxLayout()
        main.addLayout(side)
        main.addWidget(self.preview, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addWidget(self.status)
        outer.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.update_preview)
        state.subscribe(self._source_changed)
        if annotations.events is not state.events:  # a window's document: one stream for both
            annotations.subscribe(self._source_changed)
        for edit in (self.title_edit, self.subtitle_edit):
            edit.textChanged.connect(self.schedule_preview)
        for combo in (self.page_combo, self.format_combo):
            combo.currentIndexChanged.connect(self.schedule_preview)
        for box in (self.width_box, self.height_box, self.dpi_box):
            box.valueChanged.connect(self.schedule_preview)
        for check in self.checks.values():
            check.toggled.connect(self.schedule_preview)
        self.page_combo.currentIndexChanged.connect(self._page_changed)
        self.retranslate_ui()
        self._page_changed()
        self.resize(1000, 560)
        self.schedule_preview()

    # --- texts ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for box in (self.width_box, self.height_box):
            box.setSuffix(self.tr(" px"))
        self.setWindowTitle(self.tr("Export map"))
        for key, text in (
            ("title", self.tr("Title:")),
            ("subtitle", self.tr("Subtitle:")),
            ("page", self.tr("Page:")),
            ("custom", self.tr("Custom size:")),
            ("dpi", self.tr("Resolution (DPI):")),
            ("format", self.tr("Format:")),
        ):
            self.labels[key].setText(text)
        self.title_edit.setPlaceholderText(self.tr("Map title"))
        self.subtitle_edit.setPlaceholderText(self.tr("Subtitle (optional)"))
        names = {
            "A4-landscape": self.tr("A4 landscape"),
            "A4-portrait": self.tr("A4 portrait"),
            "A3-landscape": self.tr("A3 landscape"),
            "A3-portrait": self.tr("A3 portrait"),
            "slide-16x9": self.tr("Slide 16:9"),
            CUSTOM: self.tr("Custom pixels"),
        }
        for i in range(self.page_combo.count()):
            self.page_combo.setItemText(i, names[self.page_combo.itemData(i)])
        formats = {
            "png": self.tr("PNG image"),
            "pdf": self.tr("PDF document (text stays text)"),
            "svg": self.tr("SVG drawing"),
            "pgw": self.tr("Georeferenced PNG: the map alone, with world file (.pgw) and .prj"),
            "tif": self.tr("GeoTIFF: the map alone, georeferenced"),
        }
        for i in range(self.format_combo.count()):
            self.format_combo.setItemText(i, formats[self.format_combo.itemData(i)])
        self.elements_box.setTitle(self.tr("Include"))
        texts = {
            "legend": self.tr("Legend"),
            "scale_bar": self.tr("Scale bar"),
            "north_arrow": self.tr("North arrow"),
            "inset": self.tr("Locator inset"),
            "attribution": self.tr("Attribution (map data credits)"),
            "footer": self.tr("Footer with the sources of the visible layers"),
        }
        for name, check in self.checks.items():
            check.setText(texts[name])
        self.export_button.setText(self.tr("Export…"))

    # --- options -------------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        return ExportOptions(
            title=self.title_edit.text().strip(),
            subtitle=self.subtitle_edit.text().strip(),
            page=self.page_combo.currentData(),
            custom_px=(self.width_box.value(), self.height_box.value()),
            dpi=self.dpi_box.value(),
            **{k: c.isChecked() for k, c in self.checks.items()},
        )

    def _page_changed(self) -> None:
        custom = self.page_combo.currentData() == CUSTOM
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)

    def schedule_preview(self) -> None:
        self._timer.start()
        options = self.options()
        w, h = options.page_px()
        self.status.setText(self.tr("Page: {0} × {1} px at {2} DPI").format(w, h, options.dpi))

    # --- preview -------------------------------------------------------------------------------
    def update_preview(self) -> None:
        """Paint the layout at preview size; the map is rendered again only when its frame changes."""
        if self._rendering:  # a render waits in a nested event loop, where the timer can fire again
            self._timer.start()
            return
        self._rendering = True
        try:
            self._update_preview()
        finally:
            self._rendering = False

    def _update_preview(self) -> None:
        options = self.options()
        if options.problems():
            self.status.setText("; ".join(options.problems()))
            return
        page_w, page_h = options.page_px()
        scale = PREVIEW_WIDTH / page_w if page_w >= page_h else PREVIEW_WIDTH * 0.75 / page_h
        pw, ph = max(50, round(page_w * scale)), max(50, round(page_h * scale))
        evidence = self.evidence()
        context = layout_context(self.catalog, self.state, self.lang, None, evidence)
        frame = layout_geometry(None, QRectF(0, 0, pw, ph), options, context).map
        fw, fh = max(16, round(frame.width())), max(16, round(frame.height()))
        key = (
            fw,
            fh,
            round(options.dpi * scale, 1),
            json.dumps(self.state.to_dict(), sort_keys=True),
            json.dumps(self.annotations.to_list(), sort_keys=True),
            json.dumps(evidence.figures(self.catalog) if evidence else {}, sort_keys=True),
        )
        if key != self._picture_key:
            try:
                if self._renderer is None:
                    self._renderer = MapRenderer(
                        self.catalog, self.state, self.lang, self.annotations.to_list(), evidence
                    )
                else:
                    self._renderer.update_source(self.state, self.annotations.to_list(), evidence)
                self._picture = self._renderer.render(fw, fh, options.dpi * scale)
                self._picture_key = key
            except TimeoutError as exc:
                self.status.setText(str(exc))
                self._picture = None
        context = layout_context(self.catalog, self.state, self.lang, self._picture, evidence)
        image = QImage(pw, ph, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        try:
            paint_layout(
                painter,
                QRectF(0, 0, pw, ph),
                self._picture.image if self._picture else None,
                options,
                context,
            )
        finally:
            painter.end()
        self.preview_image = image
        self.preview.setPixmap(QPixmap.fromImage(image))

    # --- export --------------------------------------------------------------------------------
    def _export_clicked(self) -> None:
        fmt = self.format_combo.currentData()
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "pdf": self.tr("PDF document (*.pdf)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "pgw": self.tr("PNG image (*.png)"),
            "tif": self.tr("GeoTIFF image (*.tif)"),
        }
        suffix = GEOREF.get(fmt, fmt)
        path = prompts_for(self, self.prompts).save_file("export", self.tr("Export map"),
                                                         f"atlas-map.{suffix}", filters[fmt])
        if path:
            if not path.lower().endswith(f".{suffix}"):
                path += f".{suffix}"
            self.export_to(Path(path))

    def export_to(self, path: Path):
        options = self.options()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.format_combo.currentData() in GEOREF:  # the map alone, at the page's pixels
                self.last_result = export_georef(path, options.page_px(), options.dpi, self.catalog,
                                                 self.state, self.lang, self.annotations.to_list(),
                                                 evidence=self.evidence())
            else:
                self.last_result = export_map(
                    path, options, self.catalog, self.state, self.lang, self.annotations.to_list(),
                    # the preview's page: no second page to build
                    renderer=self._renderer, evidence=self.evidence())
            self._picture_key = None  # that page now holds the export's size
        except (TimeoutError, OSError, ValueError) as exc:
            QGuiApplication.restoreOverrideCursor()
            prompts_for(self, self.prompts).warn(
                self.tr("Not exported"), self.tr("Could not export the map: {0}").format(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        w, h = self.last_result.size
        self.status.setText(self.tr("Wrote {0} ({1} × {2} px)").format(str(path), w, h))
        return self.last_result

    def set_lang(self, lang: str) -> None:
        """Layer titles and map labels of the preview (and the export) in `lang`."""
        if lang != self.lang:
            self.lang = lang
            self._release_renderer()  # its page was built for the old language
            self._picture_key = None
            self.schedule_preview()

    def evidence(self) -> MapEvidence | None:
        """The project's evidence as it is now (None: a dialog with no document)."""
        return MapEvidence.of(self.document) if self.document is not None else None

    def _source_changed(self, what: Change) -> None:
        """The window's map or annotations changed: the preview follows."""
        if what.kinds - {Kind.SELECTION, Kind.DIRTY}:
            self.schedule_preview()

    def _release_renderer(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None

    def closeEvent(self, event):  # noqa: N802
        self._release()
        super().closeEvent(event)

    def done(self, result):
        self._release()
        super().done(result)

    def _release(self) -> None:
        self._timer.stop()
        self.state.unsubscribe(self._source_changed)
        self.annotations.unsubscribe(self._source_changed)
        self._release_renderer()
