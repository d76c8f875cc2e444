"""The search box (toolbar): places, provinces, enclaves, missions, incidents by name, in English,
Russian or Kazakh, in Cyrillic or Latin letters. Results drop down as you type; Enter or a click
selects the feature and zooms to it.

The index is built on first use in a worker thread, one layer at a time: the window stays usable
while a big layer (a million points) is read and indexed, searches meanwhile use the layers indexed
so far, and the results are refreshed when the index is complete."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from gis_app.core.search import Hit, SearchIndex
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import tip

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # what the box shows while a result is highlighted or chosen


class SearchBox(Retranslating, QLineEdit):
    result_chosen = Signal(str, str)   # layer id, feature id
    indexed = Signal()                 # from the worker thread: the index is complete

    def __init__(self, index_factory: Callable[[], SearchIndex], lang: str = "en", parent=None):
        super().__init__(parent)
        self._factory, self._index = index_factory, None
        self.lang = lang
        self.hits: list[Hit] = []
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setCompletionRole(NAME_ROLE)  # the box shows the name, not "name — layer"
        self.completer_.activated[type(self.results.index(0, 0))].connect(self._activated)
        self.setCompleter(self.completer_)
        # Enter in the drop-down: the highlighted result, once (the completer's own handling also
        # sent Enter on to the box, which chose the best hit for the text a second time). A filter
        # installed after the completer's runs before it.
        self.completer_.popup().installEventFilter(self)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.textEdited.connect(self._update)
        self.returnPressed.connect(self.choose_first)
        self.indexed.connect(self._index_complete)
        self._worker: threading.Thread | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(self.tr("Search places, enclaves, missions, incidents…"))
        self.setToolTip(self.tr("Names in English, Russian or Kazakh; Cyrillic or Latin (Osh, Ош)"))
        self.setAccessibleName(self.tr("Search"))
        self.setAccessibleDescription(
            self.tr("Type a name, then choose a result with the arrow keys and Enter"))
        self.completer_.popup().setAccessibleName(self.tr("Search results"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.completer_.popup() and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.completer_.popup().currentIndex()
            self.completer_.popup().hide()
            if current.isValid():
                self._activated(current)
            else:
                self.choose_first()
            return True
        return super().eventFilter(watched, event)

    def set_lang(self, lang: str) -> None:
        self.lang = lang

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = self._factory()  # not built yet: see start_indexing
        return self._index

    def reset_index(self) -> None:
        """The layers changed (the user's own came or went): index them again, on the next search."""
        self._index, self._worker = None, None

    def start_indexing(self) -> None:
        """Build the index in a worker thread (once); `indexed` is emitted when it is complete."""
        index = self.index
        if self._worker is not None or index.complete:
            return

        def work():
            try:
                index.build()
            finally:
                self.indexed.emit()  # queued to the UI thread

        self._worker = threading.Thread(target=work, name="search-index", daemon=True)
        self._worker.start()

    def wait_indexed(self, timeout: float = 60.0) -> bool:
        self.start_indexing()
        if self._worker is not None:
            self._worker.join(timeout)
        return self.index.complete

    def focusInEvent(self, event):  # noqa: N802
        super().focusInEvent(event)
        self.start_indexing()  # likely to search soon: start reading the layers now

    def _index_complete(self) -> None:
        # Only for a search still waiting for its results: a result already chosen (or the box
        # left) must not bring the drop-down back.
        if getattr(self, "_awaiting", False) and self.text().strip() and self.hasFocus():
            self._update(self.text())

    def search(self, text: str) -> list[Hit]:
        index = self.index
        self.start_indexing()
        self.hits = index.search(text, self.lang, limit=15, wait=False) if text.strip() else []
        self.results.clear()
        for hit in self.hits:
            shown = hit.name if hit.matched == hit.name else f"{hit.name} ({hit.matched})"
            item = QStandardItem(f"{shown} — {hit.layer_title}")
            item.setData(hit, HIT_ROLE)
            item.setData(hit.name, NAME_ROLE)
            item.setToolTip(tip(hit.matched))
            self.results.appendRow(item)
        if text.strip() and not index.complete:
            busy = QStandardItem(self.tr("Still reading layers ({0} of {1})…").format(
                index.total - len(index.pending), index.total))
            busy.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.appendRow(busy)
        return self.hits

    def _update(self, text: str) -> None:
        self.search(text)
        self._awaiting = not self.index.complete
        if self.hits:
            self.completer_.complete()

    def _activated(self, index) -> None:
        """A result chosen in the drop-down (index of the completer's model)."""
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self._choose(hit)

    def choose_first(self) -> bool:
        """Enter: take the best hit for the text in the box (what is indexed so far)."""
        hits = self.search(self.text())
        if not hits:
            return False
        self._choose(hits[0])
        return True

    def _choose(self, hit: Hit) -> None:
        self._awaiting = False
        self.blockSignals(True)
        self.setText(hit.name)
        self.blockSignals(False)
        self.completer_.popup().hide()
        self.result_chosen.emit(hit.layer_id, hit.feature_id)
