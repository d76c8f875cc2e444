"""The sources dock: the bibliography of the visible layers and the user's own sources, in the chosen
citation style, with export to BibTeX and RIS (for Zotero, EndNote, JabRef...); import, add, edit and
remove of the user's sources (ui/evidence_ui.py answers the requests)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gis_app.core import atomic, citations
from gis_app.core.catalog import Catalog
from gis_app.core.events import Change, Kind
from gis_app.core.map_sources import user_cited
from gis_app.core.map_state import MapState
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import tip
from gis_app.ui.prompts import Prompts, prompts_for
from gis_app.ui.rich_citation import HTML_ROLE, CitationDelegate

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SourcesPanel(Retranslating, QWidget):
    import_requested = Signal()
    add_requested = Signal()
    edit_requested = Signal(str)     # a source id of the user's
    remove_requested = Signal(str)

    def __init__(self, catalog: Catalog, state: MapState, bibliography: dict[str, dict],
                 style: str = citations.DEFAULT_STYLE, parent=None, prompts: Prompts | None = None):
        super().__init__(parent)
        self.prompts = prompts  # None: the main window's (gis_app.ui.prompts.prompts_for)
        self.catalog, self.state, self.bibliography, self.style = catalog, state, bibliography, style
        self.ids: list[str] = []
        self.user_ids: list[str] = []  # the user's own sources, listed after the layers'
        self._stale = True  # formatting every citation takes ~0.3 s: done when the panel is seen
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setItemDelegate(CitationDelegate(self.list))  # the style's italics
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap when the dock is resized
        self.list.itemDoubleClicked.connect(self._open)
        self.copy_button, self.bibtex_button, self.ris_button = QPushButton(self), QPushButton(self), \
            QPushButton(self)
        self.copy_button.clicked.connect(self.copy_selected)
        self.bibtex_button.clicked.connect(lambda: self._export_dialog("bib"))
        self.ris_button.clicked.connect(lambda: self._export_dialog("ris"))
        self.import_button, self.add_button, self.edit_button, self.remove_button = \
            (QPushButton(self) for _ in range(4))
        self.import_button.clicked.connect(self.import_requested.emit)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.edit_button.clicked.connect(lambda: self._own() and self.edit_requested.emit(self._own()))
        self.remove_button.clicked.connect(lambda: self._own() and self.remove_requested.emit(self._own()))
        self.export_button = QToolButton(self)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setVisible(False)  # until the window gives it its menu
        self.list.itemSelectionChanged.connect(self._selection_changed)
        own_buttons = QHBoxLayout()
        for button in (self.import_button, self.add_button, self.edit_button, self.remove_button):
            own_buttons.addWidget(button)
        own_buttons.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.bibtex_button)
        buttons.addWidget(self.ris_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(own_buttons)
        state.subscribe(self._state_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected references (all, if none is selected)"))
        self.bibtex_button.setText(self.tr("BibTeX…"))
        self.bibtex_button.setToolTip(self.tr("Export these sources as BibTeX (.bib)"))
        self.ris_button.setText(self.tr("RIS…"))
        self.ris_button.setToolTip(self.tr("Export these sources as RIS (.ris) for Zotero or EndNote"))
        self.list.setToolTip(self.tr("Double-click a source with a link to open it in the web browser"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import a bibliography: CSL-JSON, BibTeX or RIS"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add a source by hand"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected source (only your own)"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected source (only your own)"))
        self.export_button.setText(self.tr("More…"))
        self.export_button.setToolTip(self.tr("Export the sources of this map or of the project, or the "
                                              "figures with their sources"))
        for button in (self.import_button, self.add_button, self.edit_button, self.remove_button,
                       self.export_button):
            button.setAccessibleName(button.toolTip())
        self.refresh()

    def set_style(self, style: str) -> None:
        if style in citations.STYLES and style != self.style:
            self.style = style
            self.refresh()

    def _state_changed(self, what: Change) -> None:
        if Kind.VISIBLE in what:
            self.refresh()

    def refresh(self) -> None:
        """Which sources the visible layers cite (cheap); formatted when the panel is seen."""
        ids = citations.cited_by_layers(self._visible_layers(), self.bibliography)
        # the project's cites and its figures' sources on the visible layers (core/map_sources.py)
        cited = user_cited(getattr(self, "user", None), self.state.visible_ids())
        self.cited = set(cited)
        ids += cited
        self.ids = list(dict.fromkeys([*(i for i in ids if i in self.bibliography),
                                       *(i for i in self.user_ids if i in self.bibliography)]))
        self._stale = True
        if self.isVisible():
            self._fill()

    def _visible_layers(self):
        return [self.catalog.layer(i) for i in self.state.visible_ids()]

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._fill()

    def _fill(self) -> None:
        self._stale = False
        self.list.clear()
        self.ids = citations.sorted_ids(self.ids, self.style, self.bibliography)  # the style's order
        for item_id in self.ids:
            try:
                text = citations.format_citation(item_id, self.style, self.bibliography)
            except Exception:  # noqa: BLE001 - citeproc on an odd entry of the user's: its title stands in
                text = str(self.bibliography[item_id].get("title") or item_id)
            entry = QListWidgetItem(text)
            entry.setData(ID_ROLE, item_id)
            entry.setData(HTML_ROLE, citations.citation_html(item_id, self.style, self.bibliography))
            url = citations.item_url(self.bibliography[item_id])
            own = self.tr("Your own source") if item_id in self.user_ids else \
                self.tr("Cited in this project") if item_id in getattr(self, "cited", ()) else ""
            if url or own:
                entry.setToolTip(tip("\n".join(t for t in (own, url) if t)))
            if own:
                entry.setForeground(QColor("#1a5e20"))
            self.list.addItem(entry)
        self.summary.setText(self.tr("{0} sources of the {1} visible layers ({2})").format(
            len([i for i in self.ids if i not in self.user_ids]), len(self._visible_layers()),
            citations.STYLE_NAMES[self.style]))
        if self.user_ids:
            self.summary.setText(self.summary.text() + " " + self.tr("and {0} of your own").format(
                len(self.user_ids)))
        self._selection_changed()

    def entries(self) -> list[str]:
        if self._stale:
            self._fill()
        return [self.list.item(i).text() for i in range(self.list.count())]

    def copy_selected(self) -> None:
        if self._stale:
            self._fill()
        items = self.list.selectedItems() or [self.list.item(i) for i in range(self.list.count())]
        QGuiApplication.clipboard().setText("\n".join(item.text() for item in items))

    def _open(self, item: QListWidgetItem) -> None:
        url = citations.item_url(self.bibliography.get(item.data(ID_ROLE), {}))
        if url:
            QDesktopServices.openUrl(QUrl(url))  # the system browser, never inside the atlas

    def export(self, path: str) -> None:
        """Write the listed sources to `path`: .ris as RIS, anything else as BibTeX."""
        if self._stale:
            self._fill()
        items = [self.bibliography[i] for i in self.ids]
        text = citations.to_ris(items) if path.lower().endswith(".ris") else citations.to_bibtex(items)
        atomic.write_bytes(path, text.encode("utf-8"))  # whole or not at all

    def _export_dialog(self, fmt: str) -> None:
        filters = self.tr("BibTeX (*.bib)") if fmt == "bib" else self.tr("RIS (*.ris)")
        title = self.tr("Export sources")
        prompts = prompts_for(self, self.prompts)
        path = prompts.save_file("export", title, f"atlas-sources.{fmt}", filters)
        if not path:
            return
        try:
            self.export(path)
        except OSError as exc:
            prompts.warn(self.tr("Not saved"), self.tr("Could not write {0}: {1}").format(
                path, exc.strerror or str(exc)))

    # --- the user's own sources ---------------------------------------------------------------------
    def set_evidence(self, evidence, user_ids: list[str], user: dict | None = None) -> None:
        """The combined bibliography, the user's own source ids and the user's evidence (its cites)."""
        self.bibliography, self.user_ids, self.user = evidence.bibliography, list(user_ids), user
        self.refresh()

    def set_export_menu(self, menu) -> None:
        self.export_button.setMenu(menu)
        self.export_button.setVisible(True)

    def _own(self) -> str:
        items = self.list.selectedItems()
        item_id = items[0].data(ID_ROLE) if len(items) == 1 else ""
        return item_id if item_id in self.user_ids else ""

    def _selection_changed(self) -> None:
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(bool(self._own()))
