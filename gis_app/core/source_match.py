"""Ids and duplicates of sources: ASCII ids with a u_ prefix, the same work found by DOI, link or
title (case, accents, punctuation and ё/е ignored), and two entries merged. No Qt."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable

PREFIX = "u_"


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
                      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                      "iu", "ia", "a", "g", "q", "ng", "o", "u", "u", "h", "i"], strict=True))


def slug(text: str, limit: int = 40) -> str:
    """An id-safe ASCII form of `text` ('Петров_2021' -> 'Petrov_2021')."""
    text = "".join(_CYRILLIC.get(ch.lower(), ch).capitalize() if ch.isupper() and ch.lower() in _CYRILLIC
                   else _CYRILLIC.get(ch, ch) for ch in str(text))
    text = unicodedata.normalize("NFKD", text)
    text = re.sub(r"[^A-Za-z0-9_.:-]+", "_", text.encode("ascii", "ignore").decode())
    text = re.sub(r"_{2,}", "_", text).strip("_")  # 'Петров & Ким' -> 'Petrov_Kim', not 'Petrov___Kim'
    return text[:limit] or "item"


def new_id(base: str, taken: Iterable[str]) -> str:
    """'u_<base>', made unique against `taken` with _2, _3…"""
    taken = set(taken)
    stem = PREFIX + slug(base.removeprefix(PREFIX))
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


def normal_doi(doi: str) -> str:
    doi = str(doi or "").strip()
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.IGNORECASE)
    return doi.lower()


def normal_url(url: str) -> str:
    url = str(url or "").strip().lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    return url.rstrip("/")


def normal_title(title: str) -> str:
    """Case, accents, punctuation and spacing ignored; ё as е (as the Russian spelling allows)."""
    text = unicodedata.normalize("NFKD", str(title or "")).casefold().replace("ё", "е").replace("ё", "е")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def duplicate_of(item: dict, sources: Iterable[dict]) -> tuple[dict, str] | None:
    """The first of `sources` that is the same work as `item` (by DOI, URL or title), and how."""
    doi, url, title = normal_doi(item.get("DOI", "")), normal_url(item.get("URL", "")), \
        normal_title(item.get("title", ""))
    for other in sources:
        if doi and doi == normal_doi(other.get("DOI", "")):
            return other, "doi"
    for other in sources:
        if url and url == normal_url(other.get("URL", "")):
            return other, "url"
    for other in sources:
        if len(title) >= 8 and title == normal_title(other.get("title", "")):
            return other, "title"
    return None


def merged(existing: dict, new: dict) -> dict:
    """`existing` with what it lacks filled in from `new` (its id and its own values kept)."""
    out = copy.deepcopy(existing)
    for key, value in new.items():
        if key not in ("id", "x-added") and not out.get(key):
            out[key] = copy.deepcopy(value)
    return out
