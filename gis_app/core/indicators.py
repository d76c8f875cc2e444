"""Labels of the claims' indicators and units in English, Russian and Kazakh (no Qt).

The claims table names a figure by a key (`uniformed_personnel`, unit `persons`); what a reader
sees comes from `layers/indicators.toml`, one source of truth for the info panel, the charts and
the popups:

    [indicators.uniformed_personnel]
    en = "Uniformed personnel in UN peacekeeping"
    ru = "…"
    kk = "…"

    [units.persons]
    en = "persons"
    …

An indicator missing from the file is named from its key in English ("killed_kyrgyz_side" ->
"Killed Kyrgyz side"), a missing unit by its key; `gis-app validate` reports both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import paths, safe_io, text_tables
from .i18n import LANGUAGES, pick

FILE_NAME = "indicators.toml"
SECTIONS = ("indicators", "units")

_UPPER = r"kaz|kgz|tjk|un|gdp|usd"
_PROPER = r"kyrgyz|tajik|uzbek|japanese|afghan|afghanistan"


def english_label(indicator: str) -> str:
    """'killed_kyrgyz_side' -> 'Killed Kyrgyz side': the key in words, for an indicator with no label."""
    text = indicator.replace("_", " ").strip()
    text = re.sub(rf"\b({_UPPER})\b", lambda m: m.group(1).upper(), text)
    text = re.sub(rf"\b({_PROPER})\b", lambda m: m.group(1).capitalize(), text)
    return text[:1].upper() + text[1:]


def in_sentence(label: str, lang: str) -> str:
    """A label to go inside an English sentence: 'Drugs seized' -> 'drugs seized', while
    'UN payment…', 'Afghanistan's share…' or 'Japanese geologists…' keep their capital.
    Russian and Kazakh sentences quote the label «…» and keep it as it is."""
    if lang != "en" or not label:
        return label
    first = re.match(r"[\w'’-]+", label)
    word = first.group(0) if first else ""
    if word[1:] != word[1:].lower() or re.fullmatch(rf"({_PROPER})(['’]s)?", word.lower()):
        return label
    return label[:1].lower() + label[1:]


@dataclass(frozen=True)
class Labels:
    """Indicator and unit labels by key, each a {lang: text} mapping."""

    indicators: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    units: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def indicator(self, key: str, lang: str) -> str:
        return pick(self.indicators.get(key), lang) or english_label(key)

    def unit(self, key: str, lang: str) -> str:
        return pick(self.units.get(key), lang) or key

    def missing(self, claims: Iterable) -> list[str]:
        """A problem line for each indicator or unit of `claims` without a label in every language."""
        used: dict[tuple[str, str], str] = {}  # (section, key) -> the first claim using it
        for claim in claims:
            used.setdefault(("indicators", claim.indicator), claim.claim_id)
            if claim.unit:
                used.setdefault(("units", claim.unit), claim.claim_id)
        out = []
        for (section, key), claim_id in used.items():
            texts = getattr(self, section).get(key)
            kind = section[:-1]
            if texts is None:
                out.append(f"{FILE_NAME}: {kind} '{key}' (claim {claim_id}) has no labels; add "
                           f"[{section}.{text_tables.toml_key(key)}] with en, ru and kk")
                continue
            lacking = [lang for lang in LANGUAGES if not (texts.get(lang) or "").strip()]
            if lacking:
                out.append(f"{FILE_NAME}: {kind} '{key}' has no {', '.join(lacking)} label")
        return out


def labels_path(folder: Path | None = None) -> Path:
    return (folder or paths.layers_dir()) / FILE_NAME


def load_labels(path: Path | None = None) -> tuple[Labels, list[str]]:
    """The labels in `path` (default layers/indicators.toml), and a problem line for each part
    that cannot be read; a missing or broken file gives no labels (the keys stand in)."""
    path = path or labels_path()
    try:
        raw = safe_io.load_toml(path)
    except safe_io.UnsafeFileError as exc:
        if exc.kind == safe_io.NOT_FOUND:
            return Labels(), [f"{path.name}: not found (the indicator and unit labels)"]
        if exc.kind == safe_io.SYNTAX:
            return Labels(), [f"{path.name}: not valid TOML: {exc.detail}"]
        return Labels(), [str(exc)]
    tables, problems = text_tables.sections(raw, SECTIONS, path.name)
    return Labels(tables["indicators"], tables["units"]), problems


def labels(folder: Path | None = None) -> Labels:
    """The labels of `folder` (default: the layers folder), read again when the file changes."""
    return text_tables.cached(labels_path(folder), lambda path: load_labels(path)[0])
