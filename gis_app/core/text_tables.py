"""TOML files of texts in three languages by section and key ([section] key = {en = …, ru = …,
kk = …}): the indicator and unit labels (indicators.py) and the figures' reader notes
(claim_notes.py) are both kept so. One reader, one cache by the file's change time."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
Tables = dict[str, dict[str, dict[str, str]]]  # section -> key -> language -> text


def toml_key(key: str) -> str:
    """A key as it is written in TOML (quoted when it is not bare)."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else '"' + key.replace('"', '\\"') + '"'


def sections(raw: dict, names: tuple[str, ...], file_name: str,
             clean: Callable[[str], str] = str.strip) -> tuple[Tables, list[str]]:
    """{section: {key: {lang: text}}} for each of `names`, and a problem line for each part that
    is not texts (that part left out, the rest kept)."""
    problems = [f"{file_name}: unknown section [{key}] (expected {', '.join(names)})"
                for key in raw if key not in names]
    tables: Tables = {}
    for section in names:
        entries = raw.get(section, {})
        tables[section] = {}
        if not isinstance(entries, dict):
            problems.append(f"{file_name}: [{section}] must be a table of texts")
            continue
        for key, texts in entries.items():
            if not isinstance(texts, dict) or not all(isinstance(t, str) for t in texts.values()):
                problems.append(f"{file_name}: [{section}.{toml_key(key)}] must hold texts: en = \"…\" …")
                continue
            tables[section][key] = {lang: clean(text) for lang, text in texts.items()}
    return tables, problems


_CACHE: dict[Path, tuple[int, object]] = {}


def cached(path: Path, load: Callable[[Path], T]) -> T:
    """`load(path)`, read again only when the file changed (or appeared, or went)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    hit = _CACHE.get(path)
    if hit is None or hit[0] != stamp:
        hit = (stamp, load(path))
        _CACHE[path] = hit
    return hit[1]  # type: ignore[return-value]
