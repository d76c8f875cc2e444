"""Texts in the atlas's three languages, with the fallback chain kk -> ru -> en."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "ru", "kk")
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
