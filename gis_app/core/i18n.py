"""Texts in the atlas's three languages, with the fallback chain kk -> ru -> en."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("kk", "ru", "en")  # the one list: the Language menu's order, and every check's
FALLBACK = {"kk": ("kk", "ru", "en"), "ru": ("ru", "en"), "en": ("en",)}


def pick(texts: Mapping[str, str] | str | None, lang: str) -> str:
    """The text for `lang`, else the next language in its fallback chain, else any text."""
    if texts is None:
        return ""
    if isinstance(texts, str):
        return texts
    for code in FALLBACK.get(lang, ("en",)):
        if texts.get(code):
            return texts[code]
    return next((t for t in texts.values() if t), "")


def feature_name(props: Mapping, lang: str) -> str:
    """A feature's name from its `name`, `name_ru`, `name_kk` properties."""
    texts = {"en": props.get("name"), "ru": props.get("name_ru"), "kk": props.get("name_kk")}
    return pick({k: str(v) for k, v in texts.items() if v}, lang)


# Number formats of the three locales (the CLDR data Qt's QLocale uses for kk_KZ, ru_RU, en_GB),
# for core code that formats numbers without Qt; the UI uses gis_app.ui.i18n (QLocale), and a test
# checks both agree.
NUMBER_SEPARATORS = {"en": (",", "."), "ru": ("\u00a0", ","), "kk": ("\u00a0", ",")}  # group, decimal


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """`value` with the group and decimal separators of `lang`: 5 000 000 (kk, ru), 5,000,000 (en)."""
    group, point = NUMBER_SEPARATORS.get(lang, NUMBER_SEPARATORS["en"])
    text = f"{value:,.{max(0, decimals)}f}"
    return text.replace(",", "\x00").replace(".", point).replace("\x00", group)
