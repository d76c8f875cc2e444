"""The language service: the one place the interface and data language changes.

Holders of a language used to be ten objects and a `findChildren` broadcast. Now the service
installs the translators (every widget's retranslate_ui runs on the LanguageChange that follows),
sets the document's language (the page and the data follow it) and emits `changed` once; the
panels that show data are connected to it by the window. The user's remembered choice changes only
when the user picks a language, not when a project opens in its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from gis_app.core.document import AtlasDocument
from gis_app.ui import i18n


class LanguageService(QObject):
    changed = Signal(str)

    def __init__(self, document: AtlasDocument, settings: QSettings | None, lang: str, parent=None):
        super().__init__(parent)
        self.document, self.settings = document, settings
        self.current = lang
        self.switches = 0  # for scripts/bench.py and tests
        document.set_language(lang)
        i18n.install(lang)  # before any text is set: the first texts are already translated

    def set(self, lang: str, remember: bool = True) -> None:
        """Switch to `lang`; `remember`: the user chose it (a project's language is not)."""
        if lang not in i18n.LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        if remember:
            i18n.remember_language(self.settings, lang)
        if lang == self.current:
            return
        self.current = lang
        self.switches += 1
        self.document.set_language(lang)
        self.changed.emit(lang)
        i18n.install(lang)  # posts LanguageChange: each widget retranslates once, after this
