"""The interface language: Qt translators, the remembered choice, and locale-aware formatting.

English is the source language: the texts in the code are English, so English needs no translation
except for plural forms (atlas_en.ts holds only those). Kazakh and Russian come from
resources/i18n/atlas_<lang>.ts, compiled to .qm with lrelease (bundled with PySide6) into the cache
the first time a .ts is seen (keyed by a hash of its contents), so a fresh checkout, a test run or
an edited .ts always shows current translations, with no build step to forget.

Switching: `install(lang)` replaces the application's translators; Qt then sends LanguageChange to
every widget, whose `retranslate_ui()` sets its texts again (the convention every widget follows).
Data texts (layer titles, feature names) are not Qt's business: widgets showing them offer
`set_lang(lang)` and go through gis_app.core.i18n.pick / feature_name.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from gis_app.core import paths
from gis_app.core.i18n import LANGUAGES
from gis_app.ui import settings as typed_settings

log = logging.getLogger(__name__)

def settings() -> QSettings:
    """The atlas's own settings file as a raw QSettings (window layout, map state, language, citation
    style, recent files). New code reads and writes through gis_app.ui.settings (typed keys):
    `typed_settings.open_settings()`, or `typed_settings.wrap()` of this."""
    return QSettings(typed_settings.ORGANIZATION, typed_settings.APPLICATION)


class Retranslating:
    """Mixin for widgets (listed before the Qt base class): each LanguageChange, sent by Qt when a
    translator is installed, calls the widget's retranslate_ui(), which sets all its texts."""

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


NATIVE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}  # each in its own language
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}  # en_GB: the atlas writes British English
SETTINGS_KEY = typed_settings.LANGUAGE.name
QM_FORMAT = 1  # bump to recompile every cached .qm

_installed: list[QTranslator] = []


# --- .ts -> .qm -------------------------------------------------------------------------------
def ts_path(lang: str) -> Path:
    return paths.i18n_dir() / f"atlas_{lang}.ts"


def qt_tool(name: str) -> str | None:
    """A Qt Linguist tool (lupdate, lrelease): PySide6's bundled binary, else one on PATH."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / name
        if bundled.is_file() and os.access(bundled, os.X_OK):
            return str(bundled)
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def compile_ts(ts: Path, qm: Path) -> subprocess.CompletedProcess:
    """Run lrelease on one .ts; the .qm is written atomically (other processes may read it)."""
    tool = qt_tool("lrelease")
    if tool is None:
        raise FileNotFoundError("lrelease not found (it ships with PySide6)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(f"{qm.stem}.{os.getpid()}.tmp.qm")
    result = subprocess.run([tool, str(ts), "-qm", str(tmp)], capture_output=True, text=True, timeout=60)
    if result.returncode != 0 or not tmp.exists():
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"lrelease failed on {ts.name}: {result.stderr.strip() or result.stdout.strip()}")
    tmp.replace(qm)
    stem = qm.stem.rsplit("-", 1)[0]  # atlas_kk-<hash>: drop the earlier versions of this .ts
    for old in qm.parent.glob(f"{stem}-*.qm"):
        if old != qm and ".tmp" not in old.name:  # not another process's file in the making
            old.unlink(missing_ok=True)
    return result


def qm_cache_path(lang: str) -> Path | None:
    """Where the compiled form of the current atlas_<lang>.ts lives (named by a hash of its
    contents, so an edited .ts is compiled again); None if there is no .ts."""
    try:
        digest = hashlib.sha256(ts_path(lang).read_bytes() + f"|{QM_FORMAT}".encode()).hexdigest()[:16]
    except OSError:
        return None
    return paths.cache_dir() / "i18n" / f"atlas_{lang}-{digest}.qm"


def qm_path(lang: str) -> Path | None:
    """The compiled translation of `lang`, compiled now if missing or stale; None if there is none."""
    ts, qm = ts_path(lang), qm_cache_path(lang)
    if qm is None:
        return None
    if not qm.exists():
        try:
            compile_ts(ts, qm)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            log.warning("cannot compile the %s translation: %s", lang, exc)
            return None
    return qm


# --- translators ------------------------------------------------------------------------------
def install(lang: str) -> bool:
    """Make `lang` the interface language of the running application, at once.

    Removes the previous translators and installs ours plus Qt's own (qtbase: the standard dialog
    buttons); every widget then receives LanguageChange. Returns False if our translation for a
    language other than English could not be loaded (the interface then stays in English)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale(lang))
    ok = lang == "en"
    qm = qm_path(lang)
    if qm is not None:
        ours = QTranslator(app)
        if ours.load(str(qm)):
            _installed.append(ours)
            ok = True
        else:
            log.warning("cannot load %s", qm)
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{lang}", qt_dir):
            _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    return ok


# --- the remembered choice ----------------------------------------------------------------------
def system_language(system: QLocale | None = None) -> str:
    """kk, ru or en from the system locale; any other language gives English."""
    language = (system or QLocale.system()).language()
    return {QLocale.Language.Kazakh: "kk", QLocale.Language.Russian: "ru"}.get(language, "en")


def saved_language(settings) -> str | None:
    """The remembered interface language; `settings` a typed Settings, a QSettings or None."""
    typed = typed_settings.wrap(settings)
    return typed.get(typed_settings.LANGUAGE) if typed is not None else None


def initial_language(settings, override: str | None = None) -> str:
    """The language to start in: the command line's, else the remembered one, else the system's."""
    if override in LANGUAGES:
        return override
    return saved_language(settings) or system_language()


def remember_language(settings, lang: str) -> None:
    typed = typed_settings.wrap(settings)
    if typed is not None:
        typed.set(typed_settings.LANGUAGE, lang)


# --- numbers and dates for the locale ---------------------------------------------------------------
def locale(lang: str) -> QLocale:
    return QLocale(LOCALES.get(lang, LOCALES["en"]))


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """5 000 000 and 41,2 in Kazakh and Russian (no-break space, decimal comma); 5,000,000 in English."""
    return locale(lang).toString(float(value), "f", max(0, decimals))


def format_zoom(zoom: float, lang: str) -> str:
    """A zoom level without trailing zeros: 5, 5,25 (kk, ru), 5.25 (en)."""
    return locale(lang).toString(float(zoom), "g", 4)


def format_scale(denominator: int, lang: str) -> str:
    return "1:" + format_number(denominator, lang)


def format_lat_lon(lat: float, lon: float, lang: str) -> str:
    """41,2345° с. е.  69,1234° ш. б. / 41,2345° с. ш. … / 41.2345° N  69.1234° E"""
    # Written out in full: lupdate finds QCoreApplication.translate(...) calls, not aliases of it.
    if lat >= 0:
        ns = QCoreApplication.translate("Coordinates", "{0}° N")
    else:
        ns = QCoreApplication.translate("Coordinates", "{0}° S")
    if lon >= 0:
        ew = QCoreApplication.translate("Coordinates", "{0}° E")
    else:
        ew = QCoreApplication.translate("Coordinates", "{0}° W")
    return (ns.format(format_number(abs(lat), lang, 4)) + "  "
            + ew.format(format_number(abs(lon), lang, 4)))


def format_date(iso: str, lang: str) -> str:
    """A data date (YYYY, YYYY-MM or YYYY-MM-DD) as the locale writes it; other text unchanged.

    en: May 2022, 3 May 2022; ru: май 2022 г., 3 мая 2022 г.; kk: 2022 ж. мамыр, 2022 ж. 3 мамыр."""
    parts = iso.split("-")
    if not parts or not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return iso
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 0
    day = int(parts[2]) if len(parts) > 2 else 0
    if month and not 1 <= month <= 12 or day and not QDate(year, month, day).isValid():
        return iso
    loc = locale(lang)
    # A month with a day takes the genitive in Russian (3 мая), alone the nominative (май).
    month_name = ""
    if month:
        month_name = loc.monthName(month) if day or lang == "kk" else loc.standaloneMonthName(month)
    day_month = " ".join(str(p) for p in (day or "", month_name) if p)
    if lang == "kk":
        return " ".join(p for p in (f"{year} ж.", day_month) if p)
    if lang == "ru":
        return " ".join(p for p in (day_month, f"{year} г.") if p)
    return " ".join(p for p in (day_month, str(year)) if p)
