"""The search box (toolbar): places, provinces, enclaves, missions, incidents by name, in English,
Russian or Kazakh, in Cyrillic or Latin letters. Results drop down as you type; Enter or a click
selects the feature and zooms to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from gis_app.core.search import Hit, SearchIndex
from gis_app.ui.i18n import Retranslating

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # what the box shows while a result is highlighted or chosen


class SearchBox(Retranslating, QLineEdit):
    result_chosen = Signal(str, str)   # layer id, feature id

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
            self._index = self._factory()  # reads every layer once (~0.2 s), on first use
        return self._index

    def search(self, text: str) -> list[Hit]:
        self.hits = self.index.search(text, self.lang, limit=15) if text.strip() else []
        self.results.clear()
        for hit in self.hits:
            shown = hit.name if hit.matched == hit.name else f"{hit.name} ({hit.matched})"
            item = QStandardItem(f"{shown} — {hit.layer_title}")
            item.setData(hit, HIT_ROLE)
            item.setData(hit.name, NAME_ROLE)
            item.setToolTip(hit.matched)
            self.results.appendRow(item)
        return self.hits

    def _update(self, text: str) -> None:
        self.search(text)
        if self.hits:
            self.completer_.complete()

    def _activated(self, index) -> None:
        """A result chosen in the drop-down (index of the completer's model)."""
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self._choose(hit)

    def choose_first(self) -> bool:
        """Enter: take the best hit for the text in the box."""
        hits = self.search(self.text())
        if not hits:
            return False
        self._choose(hits[0])
        return True

    def _choose(self, hit: Hit) -> None:
        self.blockSignals(True)
        self.setText(hit.name)
        self.blockSignals(False)
        self.completer_.popup().hide()
        self.result_chosen.emit(hit.layer_id, hit.feature_id)
