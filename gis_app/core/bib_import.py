"""Reading a bibliography exported from Zotero, Mendeley, EndNote, JabRef…: CSL-JSON, BibTeX (with
bibtexparser 2 and pylatexenc for the LaTeX escapes), RIS (rispy). No Qt.

Every file goes through the file gate (core/safe_io.py: size limit, UTF-8). Each entry becomes a
CSL-JSON item with a `u_` id; an entry that cannot be read is named in `problems` and the others are
kept. Nothing here touches the project: `plan` says which entries duplicate a known source (by DOI,
URL or title) so the caller can ask whether to merge them or keep both.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import safe_io
from . import user_evidence as ue
from .refusal import RefusalError, Why

FORMATS = ("csl", "bibtex", "ris")
SUFFIXES = {".json": "csl", ".csljson": "csl", ".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris",
            ".txt": None}
LIMIT = safe_io.LIMITS["bibliography"]
MAX_ENTRIES = ue.MAX_SOURCES


class BibliographyError(RefusalError):
    """The file as a whole cannot be read (str(): why in English; `.code`, `.args_` for the window;
    `.unsafe`: the file gate's refusal, when that was the reason)."""

    unsafe: Exception | None = None


@dataclass
class Imported:
    items: list[dict] = field(default_factory=list)   # CSL-JSON, ids "u_…"
    problems: list[str] = field(default_factory=list)
    format: str = ""


def sniff(path: Path, text: str) -> str:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:2000]
    if head[:1] in "[{":
        return "csl"
    if re.search(r"^TY  - ", head, re.MULTILINE):
        return "ris"
    if re.search(r"@\w+\s*[{(]", head):
        return "bibtex"
    raise BibliographyError(f"{path.name}: not a bibliography the atlas reads (CSL-JSON, BibTeX or RIS)",
                            "not-bibliography", name=path.name)


def read_file(path: str | Path, taken: set[str] | None = None) -> Imported:
    """The entries of a bibliography file; ids made unique against `taken`. BibliographyError when
    the file cannot be read at all (too large, not UTF-8, not a bibliography)."""
    path = Path(path)
    try:
        text = safe_io.read_text(path, LIMIT)
    except safe_io.UnsafeFileError as exc:
        if exc.kind == safe_io.NOT_TEXT:
            raise BibliographyError(f"{path.name}: not UTF-8 text ({exc.detail}); export it as UTF-8",
                                    "not-utf8", name=path.name) from exc
        refused = BibliographyError(str(exc), "unsafe", name=path.name)
        refused.unsafe = exc
        raise refused from exc
    return read_text(text, sniff(path, text), path.name, taken)


def read_text(text: str, fmt: str, name: str = "bibliography", taken: set[str] | None = None) -> Imported:
    reader = {"csl": _csl, "bibtex": _bibtex, "ris": _ris}[fmt]
    raw, problems = reader(text, name)
    if len(raw) > MAX_ENTRIES:
        problems.append(Why(f"{name}: {len(raw)} entries; only the first {MAX_ENTRIES} are read", "too-many",
                            name=name, count=len(raw), limit=MAX_ENTRIES))
        raw = raw[:MAX_ENTRIES]
    out = Imported(format=fmt, problems=problems)
    used = set(taken or ())
    for i, (key, item) in enumerate(raw):
        item["id"] = ue.new_id(key or item.get("title", "") or f"item{i + 1}", used)
        kept, why = ue.clean_source(item)
        why = why or ue.source_problem(kept)
        if kept is None or why:
            out.problems.append(Why(f"{name}: entry {i + 1} ({str(key)[:60] or 'no key'}) skipped: {why}",
                                    "entry-skipped", name=name, n=i + 1, key=str(key)[:60], why=why))
            continue
        used.add(kept["id"])
        out.items.append(kept)
    return out


# --- CSL-JSON ----------------------------------------------------------------------------------------
def _csl(text: str, name: str) -> tuple[list[tuple[str, dict]], list[str]]:
    try:
        value = safe_io.parse_json(text, name).value
    except safe_io.UnsafeFileError as exc:
        raise BibliographyError(f"{name}: not valid CSL-JSON ({exc.detail or exc})", "csl-invalid", name=name,
                                detail=str(exc.detail or exc)) from exc
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        value = value["items"]
    if not isinstance(value, list):
        raise BibliographyError(f"{name}: CSL-JSON must be an array of items", "csl-not-array", name=name)
    out, problems = [], []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(Why(f"{name}: entry {i + 1} skipped: not a table", "entry-not-table", name=name,
                                n=i + 1))
            continue
        out.append((str(item.get("id") or ""), dict(item)))
    return out, problems


# --- BibTeX ------------------------------------------------------------------------------------------
BIB_TYPES = {"article": "article-journal", "book": "book", "inbook": "chapter", "incollection": "chapter",
             "inproceedings": "paper-conference", "conference": "paper-conference",
             "techreport": "report", "report": "report", "phdthesis": "thesis", "mastersthesis": "thesis",
             "thesis": "thesis", "online": "webpage", "www": "webpage", "misc": "document",
             "manual": "report", "booklet": "pamphlet", "dataset": "dataset", "unpublished": "manuscript",
             "newspaper": "article-newspaper"}
BIB_FIELDS = {"title": "title", "journal": "container-title", "journaltitle": "container-title",
              "booktitle": "container-title", "howpublished": "container-title",
              "publisher": "publisher", "institution": "publisher", "organization": "publisher",
              "school": "publisher", "address": "publisher-place", "location": "publisher-place",
              "volume": "volume", "number": "issue", "issue": "issue", "pages": "page",
              "doi": "DOI", "url": "URL", "note": "note", "abstract": "abstract", "isbn": "ISBN",
              "issn": "ISSN", "langid": "language", "language": "language", "edition": "edition",
              "shorttitle": "title-short", "titleaddon": "title-short", "series": "collection-title"}
LANGS = {"russian": "ru", "english": "en", "kazakh": "kk", "ukrainian": "uk", "uzbek": "uz",
         "kyrgyz": "ky", "tajik": "tg", "german": "de", "french": "fr", "chinese": "zh"}
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                           "sep", "oct", "nov", "dec"))}


def _latex(text: str) -> str:
    """LaTeX escapes and braces to text ({\\\"u} -> ü, \\& -> &, {Ц}ентр -> Центр, -- -> –)."""
    from pylatexenc.latex2text import LatexNodes2Text
    try:
        out = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True).latex_to_text(text)
    except Exception:  # noqa: BLE001 - pylatexenc on broken input: keep the text as written
        out = text.replace("{", "").replace("}", "")
    return " ".join(out.split())


def _bib_name(text: str) -> dict:
    text = text.strip()
    if text.startswith("{") and text.endswith("}") and _balanced(text[1:-1]):
        return {"literal": _latex(text[1:-1])}
    if "," in text:
        family, _, given = text.partition(",")
        return {k: v for k, v in (("family", _latex(family)), ("given", _latex(given))) if v}
    words = text.split()
    if len(words) == 1:
        return {"family": _latex(words[0])}
    return {"family": _latex(words[-1]), "given": _latex(" ".join(words[:-1]))}


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _split_names(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[{}]|\s+and\s+", text):
        token = m.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            parts.append(text[start:m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _bibtex(text: str, name: str) -> tuple[list[tuple[str, dict]], list[str]]:
    import bibtexparser
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # its failures are our problems
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # noqa: BLE001 - a parser bug on hostile input is a refusal, not a crash
        raise BibliographyError(f"{name}: not readable as BibTeX ({exc})", "bibtex-unreadable", name=name,
                                detail=str(exc)) from exc
    problems = []
    for block in library.failed_blocks:
        line = getattr(block, "start_line", None)
        where = f"at line {line + 1}" if isinstance(line, int) else ""
        error = getattr(block, "error", None)
        why = str(getattr(error, "abort_reason", "") or error or "syntax error").strip()[:160]
        problems.append(Why(f"{name}: the entry {where} could not be read ({why})", "bibtex-entry", name=name,
                            line=line + 1 if isinstance(line, int) else 0, detail=why))
    out = []
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        kind = entry.entry_type.lower()
        item: dict = {"type": BIB_TYPES.get(kind, "document")}
        if kind == "article" and re.search(r"newspaper|газета", fields.get("journal", ""), re.I):
            item["type"] = "article-newspaper"
        for role in ("author", "editor"):
            if fields.get(role):
                item[role] = [_bib_name(n) for n in _split_names(fields[role])]
        for bib, csl in BIB_FIELDS.items():
            if fields.get(bib) and csl not in item:
                value = re.sub(r"\\([%#_&~])", r"\1", fields[bib]) if bib == "url" else _latex(fields[bib])
                item[csl] = value.replace("--", "–") if bib == "pages" else value
        if item.get("language"):
            item["language"] = LANGS.get(item["language"].lower(), item["language"])
        date = _bib_date(fields)
        if date:
            item["issued"] = date
        accessed = ue.date_to_csl(fields.get("urldate", "")[:10])
        if accessed:
            item["accessed"] = accessed
        if item.get("DOI"):
            item["DOI"] = ue.normal_doi(item["DOI"])
        out.append((entry.key, item))
    return out, problems


def _bib_date(fields: dict) -> dict | None:
    if fields.get("date"):
        return ue.date_to_csl(fields["date"][:10])
    year = re.search(r"\d{4}", fields.get("year", ""))
    if not year:
        return None
    parts = [int(year.group(0))]
    month = fields.get("month", "").strip().lower()[:3]
    number = MONTHS.get(month) or (int(month) if month.isdigit() and 1 <= int(month) <= 12 else None)
    if number:
        parts.append(number)
    return {"date-parts": [parts]}


# --- RIS ---------------------------------------------------------------------------------------------
RIS_TYPES = {"JOUR": "article-journal", "JFULL": "article-journal", "MGZN": "article-magazine",
             "NEWS": "article-newspaper", "BOOK": "book", "CHAP": "chapter", "RPRT": "report",
             "THES": "thesis", "ELEC": "webpage", "WEB": "webpage", "DATA": "dataset",
             "STAT": "legislation", "LEGAL": "legislation", "CONF": "paper-conference",
             "CPAPER": "paper-conference", "GEN": "document", "MAP": "map"}


def _ris(text: str, name: str) -> tuple[list[tuple[str, dict]], list[str]]:
    import rispy
    problems: list[str] = []
    chunks = re.split(r"(?m)^(?=TY  - )", text.replace("\r\n", "\n"))
    out = []
    for n, chunk in enumerate(c for c in chunks if c.strip().startswith("TY  - ")):
        try:
            entries = rispy.loads(chunk, skip_unknown_tags=True)
        except Exception as exc:  # noqa: BLE001 - one broken entry costs itself only
            detail = (str(exc).splitlines() or [""])[0][:160]
            problems.append(Why(f"{name}: entry {n + 1} could not be read ({detail})", "ris-entry", name=name,
                                n=n + 1, detail=detail))
            continue
        out += [(str(e.get("id") or ""), _ris_item(e)) for e in entries]
    for i, (key, item) in enumerate(out):
        if not key:  # "petrov_2021", as reference managers make keys
            first = (item.get("author") or [{}])[0]
            year = (item.get("issued") or {}).get("date-parts", [[""]])[0][0]
            out[i] = ("_".join(str(p) for p in (first.get("family") or first.get("literal", "")[:20], year)
                               if p), item)
    if not out and not problems:
        raise BibliographyError(f"{name}: no RIS entries (each starts with 'TY  - ')", "no-ris", name=name)
    return out, problems


def _ris_item(entry: dict) -> dict:
    item: dict = {"type": RIS_TYPES.get(str(entry.get("type_of_reference", "")).upper(), "document")}
    authors = entry.get("authors") or entry.get("first_authors") or []
    if authors:
        item["author"] = [_ris_name(a) for a in authors if str(a).strip()]
    editors = entry.get("secondary_authors") or []
    if editors and item["type"] in ("chapter", "paper-conference"):
        item["editor"] = [_ris_name(a) for a in editors if str(a).strip()]
    title = entry.get("title") or entry.get("primary_title")
    if title:
        item["title"] = str(title)
    for ris, csl in (("secondary_title", "container-title"), ("journal_name", "container-title"),
                     ("alternate_title3", "container-title"), ("publisher", "publisher"),
                     ("place_published", "publisher-place"), ("volume", "volume"), ("number", "issue"),
                     ("doi", "DOI"), ("language", "language"), ("translated_title", "original-title"),
                     ("short_title", "title-short"), ("abstract", "abstract")):
        if entry.get(ris) and csl not in item:
            item[csl] = str(entry[ris]).strip()
    if entry.get("start_page"):
        item["page"] = "–".join(str(p) for p in (entry["start_page"], entry.get("end_page")) if p)
    urls = [u for u in entry.get("urls") or [] if str(u).startswith(("http://", "https://"))]
    if urls:
        item["URL"] = urls[0]
    date = _ris_date(str(entry.get("date") or entry.get("publication_year") or entry.get("year") or ""))
    if date:
        item["issued"] = date
    accessed = _ris_date(str(entry.get("access_date") or ""))
    if accessed:
        item["accessed"] = accessed
    notes = entry.get("notes") or []
    if notes:
        item["note"] = "\n".join(str(n) for n in notes)
    if item.get("DOI"):
        item["DOI"] = ue.normal_doi(item["DOI"])
    return item


def _ris_name(text: str) -> dict:
    text = str(text).strip()
    if "," in text:
        family, _, given = text.partition(",")
        return {k: v.strip() for k, v in (("family", family), ("given", given)) if v.strip()}
    return {"literal": text}


def _ris_date(text: str) -> dict | None:
    """'2020', '2020/06/30/', '2020-06-30', '2020///' -> a CSL date."""
    parts = [p for p in re.split(r"[/-]", text.strip()) if p.strip()][:3]
    if not parts or not re.fullmatch(r"\d{4}", parts[0].strip()):
        return None
    numbers = []
    for p in parts:
        if not p.strip().isdigit():
            break
        numbers.append(int(p))
    return {"date-parts": [numbers]} if ue.csl_date_parts({"date-parts": [numbers]}) else None


# --- what an import would do -------------------------------------------------------------------------
@dataclass
class Duplicate:
    new: dict
    existing: dict
    by: str            # "doi" | "url" | "title"
    where: str         # "shipped" (the atlas's own, kept as it is), "project" or "file" (earlier entry)


def plan(items: list[dict], user_sources: list[dict],
         shipped: dict[str, dict]) -> tuple[list[dict], list[Duplicate]]:
    """Split `items` into the new ones and those duplicating a known source (or an earlier entry)."""
    fresh: list[dict] = []
    duplicates = []
    for item in items:
        for where, pool in (("project", user_sources), ("shipped", shipped.values()), ("file", fresh)):
            hit = ue.duplicate_of(item, pool)
            if hit is not None:
                duplicates.append(Duplicate(item, hit[0], hit[1], where))
                break
        else:
            fresh.append(item)
    return fresh, duplicates


def operations(fresh: list[dict], duplicates: list[Duplicate], merge) -> list[tuple]:
    """What to do to the project: ("add", item) and ("update", id, item). `merge(duplicate)` says
    whether a duplicate is merged (the known source keeps its id and gains what it lacked; a
    shipped source stays as it is) or kept as a source of its own."""
    adds = {id(item): item for item in fresh}
    updates: dict[str, dict] = {}
    for dup in duplicates:
        if not merge(dup):
            adds[id(dup.new)] = dup.new
        elif dup.where == "project":
            updates[dup.existing["id"]] = ue.merged(updates.get(dup.existing["id"], dup.existing), dup.new)
        elif dup.where == "file":
            adds[id(dup.existing)] = ue.merged(adds.get(id(dup.existing), dup.existing), dup.new)
    return [("add", item) for item in adds.values()] + [("update", k, v) for k, v in updates.items()]
