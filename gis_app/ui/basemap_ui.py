"""File → Open basemap…: a tile archive (.mbtiles, .pmtiles; raster or vector tiles) of the user's
shown under every layer, offline; its row in the Layers dock (shown, opacity, which vector schema was
recognised, the file's attribution, damaged tiles, remove).

The document owns the setting (AtlasDocument.basemap: path, opacity, visible; saved in the project
with the path relative to it); this controller follows it: it opens the archive (core/tile_archive)
and serves it to every map page of the process (ui/tile_scheme), so the window's map, exports and
slides all draw it. Every change is one undo step. A file that cannot be used is refused with a
message and changes nothing; a project whose basemap file went missing still opens, keeps the
setting, and says why the basemap is not drawn.
The web map leaves the basemap out (a tile archive is no part of one self-contained page): its
export message says so (webmap_dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout

from gis_app.core import safe_io
from gis_app.core.events import Change, Kind
from gis_app.core.tile_archive import ArchiveError, TileArchive, open_archive
from gis_app.ui import file_errors, tile_scheme
from gis_app.ui.i18n import Retranslating

OPACITY_MERGE = 0x6261  # QUndoCommand.id: a slider drag is one undo step


def refusal(exc: Exception) -> str:
    """Why a file cannot be the basemap, in the interface language."""
    if isinstance(exc, safe_io.UnsafeFileError):
        return file_errors.describe(exc)
    reason = getattr(exc, "reason", "")
    texts = {
        "not-archive": QCoreApplication.translate(
            "Basemap", "{0} is not a tile archive (MBTiles or PMTiles)."),
        "compression": QCoreApplication.translate(
            "Basemap", "{0} holds vector tiles compressed in a way the atlas cannot read."),
        "format": QCoreApplication.translate(
            "Basemap", "{0} holds tiles that are neither images (PNG, JPEG, WebP, AVIF) nor vector tiles."),
        "empty": QCoreApplication.translate("Basemap", "{0} holds no tiles."),
        "damaged": QCoreApplication.translate(
            "Basemap", "{0} is damaged and cannot be read as a tile archive."),
    }
    path = getattr(exc, "path", None)
    return texts.get(reason, "{0}: " + str(exc)).format(path.name if path is not None else "")


def serve_entry(entry: dict | None) -> str:
    """Serve a project's basemap ({"path", "opacity", "visible"}) to the map pages of this process
    (the command line's exports); "" or why it cannot be shown (English, for a log)."""
    if not entry:
        tile_scheme.serve(None)
        return ""
    try:
        archive = open_archive(entry["path"])
    except (safe_io.UnsafeFileError, ArchiveError) as exc:
        tile_scheme.serve(None)
        return f"the basemap is not drawn: {exc}"
    tile_scheme.serve(archive, entry["opacity"], entry["visible"])
    return ""


class _SetBasemap(QUndoCommand):
    def __init__(self, document, before: dict | None, after: dict | None, text: str):
        super().__init__(text)
        self.document, self.before, self.after = document, before, after

    def redo(self) -> None:
        self.document.set_basemap(self.after)

    def undo(self) -> None:
        self.document.set_basemap(self.before)

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return OPACITY_MERGE if self.before and self.after and \
            self.before["path"] == self.after["path"] and self.before["visible"] == self.after["visible"] \
            else -1

    def mergeWith(self, other) -> bool:  # noqa: N802
        if other.id() != self.id() or other.before != self.after:
            return False
        self.after = other.after
        return True


class BasemapRow(Retranslating, QFrame):
    """The basemap's row under the layer tree: shown, its name, opacity, attribution, Remove."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.shown = QCheckBox(self)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.remove_button = QPushButton(self)
        self.schema = QLabel(self)     # vector tiles: which schema the default style recognised
        self.schema.setTextFormat(Qt.TextFormat.PlainText)
        self.schema.setWordWrap(True)
        self.credit = QLabel(self)
        self.credit.setTextFormat(Qt.TextFormat.PlainText)  # the file's words, never markup
        self.credit.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        top = QHBoxLayout()
        top.addWidget(self.shown, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.opacity)
        layout.addWidget(self.schema)
        layout.addWidget(self.credit)
        layout.addWidget(self.problem)
        self.name = ""
        self.archive: TileArchive | None = None
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.shown.setText(self.tr("Your basemap: {0}").format(self.name))
        self.shown.setToolTip(self.tr("Show or hide your basemap under the layers"))
        self.opacity.setToolTip(self.tr("Opacity of your basemap"))
        self.opacity.setAccessibleName(self.tr("Opacity of your basemap"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Take your basemap off the map (the file stays)"))
        archive = self.archive
        self.schema.setVisible(archive is not None and archive.vector)
        if archive is not None and archive.vector:
            names = {"openmaptiles": "OpenMapTiles", "shortbread": "Shortbread", "protomaps": "Protomaps"}
            self.schema.setText(
                self.tr("Vector tiles, {0} schema: drawn in the atlas's style").format(names[archive.schema])
                if archive.schema in names else
                self.tr("Vector tiles, a schema the atlas does not know: every layer drawn in grey"))


class BasemapController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.row = BasemapRow(window.layer_panel)
        self.problem = ""                        # why the project's basemap is not drawn, if it is not
        self._opened: TileArchive | None = None  # opened by choose(), served by _changed()
        tile_scheme.ensure_handler().broken.connect(self._broken)

    def install(self) -> None:
        w = self.window
        w.actions.set_handler("open_basemap", self.choose)
        w.layer_panel.layout().addWidget(self.row)
        self.row.shown.toggled.connect(lambda on: self._edit(visible=bool(on)))
        self.row.opacity.valueChanged.connect(lambda v: self._edit(opacity=v / 100))
        self.row.remove_button.clicked.connect(self.remove)
        self.document.subscribe(self._changed)
        self._follow()

    # --- what the user does -------------------------------------------------------------------------
    def choose(self) -> bool:
        prompts = self.window.prompts
        path = prompts.open_file("import", self.tr("Open basemap"),
                                 self.tr("Tile archives (*.mbtiles *.pmtiles);;All files (*)"))
        return bool(path) and self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Show the archive at `path` under the map (one undo step); a message and nothing changed
        if it cannot be used."""
        path = Path(path).absolute()
        try:
            archive = open_archive(path)
        except (safe_io.UnsafeFileError, ArchiveError) as exc:
            self.window.prompts.warn(self.tr("Basemap not opened"), refusal(exc), str(exc))
            return False
        self._opened = archive
        self._push({"path": str(path), "opacity": 1.0, "visible": True}, self.tr("Open basemap"))
        return True

    def remove(self) -> None:
        if self.document.basemap is not None:
            self._push(None, self.tr("Remove basemap"))

    def _edit(self, **changes) -> None:
        now = self.document.basemap
        if now is None or all(now.get(k) == v for k, v in changes.items()):
            return
        text = self.tr("Basemap opacity") if "opacity" in changes else self.tr("Show or hide basemap")
        self._push({**now, **changes}, text)

    def _push(self, after: dict | None, text: str) -> None:
        before = dict(self.document.basemap) if self.document.basemap else None
        self.window.undo_stack.push(_SetBasemap(self.document, before, after, text))

    def _broken(self, count: int) -> None:
        """A damaged or oversized vector tile was left blank: say so under the layer tree (the rest draws)."""
        if self.document.basemap is None or tile_scheme.served.archive is None:
            return
        self.problem = self.tr("Tiles of this basemap that are damaged or too large to draw are left "
                               "blank ({0} so far).").format(count)
        self._show_row(self.document.basemap)

    # --- following the document ---------------------------------------------------------------------
    def _changed(self, what: Change) -> None:
        if Kind.BASEMAP in what:
            self._follow()

    def _follow(self) -> None:
        entry = self.document.basemap
        archive = tile_scheme.served.archive
        if entry is None:
            tile_scheme.serve(None)
            self.problem = ""
        elif archive is None or archive.path != Path(entry["path"]):
            opened, self._opened = self._opened, None
            if opened is not None and opened.path == Path(entry["path"]):
                archive = opened
            else:
                try:
                    archive = open_archive(entry["path"])
                except (safe_io.UnsafeFileError, ArchiveError) as exc:
                    archive = None
                    self.problem = refusal(exc)
            tile_scheme.serve(archive, entry["opacity"], entry["visible"])
            if archive is not None:
                self.problem = ""
        else:
            tile_scheme.serve(archive, entry["opacity"], entry["visible"])
        self._show_row(entry)

    def _show_row(self, entry: dict | None) -> None:
        row, archive = self.row, tile_scheme.served.archive
        row.setVisible(entry is not None)
        if entry is None:
            return
        row.name = (archive.name if archive is not None and archive.name else Path(entry["path"]).name)
        row.archive = archive
        for widget in (row.shown, row.opacity):
            widget.blockSignals(True)
        row.shown.setChecked(entry["visible"])
        row.opacity.setValue(round(entry["opacity"] * 100))
        for widget in (row.shown, row.opacity):
            widget.blockSignals(False)
        row.retranslate_ui()
        credit = archive.attribution if archive is not None else ""
        row.credit.setText(credit)
        row.credit.setVisible(bool(credit))
        row.problem.setText(self.problem)
        row.problem.setVisible(bool(self.problem))
        row.opacity.setEnabled(archive is not None)
        row.shown.setToolTip(entry["path"])


def install(window) -> BasemapController:
    controller = BasemapController(window)
    controller.install()
    window.basemap = controller
    window.destroyed.connect(lambda *_: tile_scheme.serve(None))  # the next window starts without it
    return controller
