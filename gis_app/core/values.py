"""Attribute values in the reader's language: the `<field>_ru` / `<field>_kk` convention.

A text property `status` (English) has its Russian and Kazakh variants in `status_ru` and
`status_kk`, as `name` has `name_ru` and `name_kk` (layers/README.md). Every place that shows a value
(popups, info panel, attribute table, legend, charts, exports) goes through `field_text`, with the
fallback kk -> ru -> en of `gis_app.core.i18n.pick`. A popup entry says how its value is shown:
"text" (the default: translated), "country" (an ISO 3166-1 alpha-3 code shown as the country's
name) or "verbatim" (a code, an identifier or a source's own spelling, shown as it is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .i18n import format_number, pick

VARIANTS = {"ru": "_ru", "kk": "_kk"}
SHOWS = ("text", "country", "verbatim")
ISO3 = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
LETTER = re.compile(r"[^\W\d_]")


def variants(props: Mapping, field: str) -> dict[str, str]:
    """The field's texts by language: {"en": props[field], "ru": props[field_ru], "kk": ...}."""
    out = {}
    for lang, key in (("en", field), ("ru", field + VARIANTS["ru"]), ("kk", field + VARIANTS["kk"])):
        value = props.get(key)
        if isinstance(value, str) and value:
            out[lang] = value
    return out


def is_variant(key: str, keys: Iterable[str]) -> bool:
    """Whether `key` is the ru/kk variant of another property in `keys` (name_ru of name …)."""
    keys = set(keys)
    return any(key.endswith(s) and key[: -len(s)] in keys for s in VARIANTS.values())


def is_year_field(field: str) -> bool:
    return field == "year" or field.startswith("year_") or field.endswith("_year")


def plain(value, lang: str = "en", field: str = "") -> str:
    """A non-text value as the locale writes it: numbers grouped (322 164), lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        if is_year_field(field):
            return f"{value:.0f}" if float(value).is_integer() else str(value)
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
        return format_number(value, lang, min(decimals, 6))
    if isinstance(value, list):
        return ", ".join(plain(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain(v, lang)}" for k, v in value.items())
    return str(value)


def field_text(props: Mapping, field: str, lang: str, shows: str = "text",
               countries: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """What a reader of `lang` sees for the property `field` (empty when the feature has none)."""
    value = props.get(field)
    if shows == "country" and isinstance(value, str) and countries and value in countries:
        return pick(countries[value], lang) or value
    if isinstance(value, str) and shows == "text":
        return pick(variants(props, field), lang)
    return plain(value, lang, field)


def needs_languages(value) -> bool:
    """Whether a value is words a reader must read in their language (not a number, date or code)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return bool(text) and not DATE.match(text) and not ISO3.match(text) and bool(LETTER.search(text))


def missing_languages(props: Mapping, field: str) -> list[str]:
    """The languages a visible text value lacks ([] when it is not text or has all three)."""
    if not needs_languages(props.get(field)):
        return []
    have = variants(props, field)
    return [lang for lang in ("ru", "kk") if lang not in have]


def country_names(features: Iterable[Mapping]) -> dict[str, dict[str, str]]:
    """{code: {"en", "ru", "kk"}} from the countries layer's features, by its id and its ISO code."""
    out: dict[str, dict[str, str]] = {}
    for feature in features:
        props = feature.get("properties") or {}
        names = variants(props, "name")
        if not names:
            continue
        for key in (props.get("id"), props.get("iso_a3")):
            if isinstance(key, str) and ISO3.match(key):
                out.setdefault(key, names)
    return out
