"""The evidence: the bibliography (CSL-JSON) and the claims table (one figure per row).

A figure is a claim: a value with unit and date, about a subject, stated by a source. Two sources
that disagree are two claims; `disagreements` finds them so the UI can show both.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths, safe_io

CLAIM_FIELDS = ("claim_id", "subject", "indicator", "value", "unit", "date", "citation", "locator",
                "note", "confirmed", "estimate")
CONFIRMED_VALUES = ("yes", "seed-only", "n/a")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@dataclass(frozen=True)
class Claim:
    claim_id: str
    subject: str
    indicator: str
    value: str
    unit: str
    date: str
    citation: str
    locator: str
    note: str
    confirmed: str
    estimate: bool

    @property
    def number(self) -> float | None:
        try:
            return float(self.value)
        except ValueError:
            return None


def bibliography_path(folder: Path | None = None) -> Path:
    """The bibliography of a layers folder (default: the atlas's own)."""
    return (folder or paths.layers_dir()) / "bibliography.json"


def claims_path(folder: Path | None = None) -> Path:
    return (folder or paths.layers_dir()) / "claims.csv"


def load_bibliography(path: Path | None = None) -> dict[str, dict]:
    """CSL-JSON items by id. Raises ValueError with a readable message on a broken file."""
    path = path or bibliography_path()
    try:
        items = safe_io.load_json(path, safe_io.LIMITS["bibliography"]).value
    except safe_io.UnsafeFileError as exc:
        raise ValueError(f"{path.name}: cannot be read as JSON ({exc})") from exc
    if not isinstance(items, list):
        raise ValueError(f"{path.name}: must be a CSL-JSON array of items")
    result: dict[str, dict] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item.get("id") \
                or not item.get("title"):
            raise ValueError(f"{path.name}: item {i + 1} needs an 'id' and a 'title'")
        if item["id"] in result:
            raise ValueError(f"{path.name}: id '{item['id']}' is used twice")
        for key in ("issued", "accessed", "original-date"):
            if key in item and not _date_parts_ok(item[key]):
                raise ValueError(f"{path.name}: '{item['id']}': {key} must be "
                                 '{"date-parts": [[year, month, day]]}')
        result[item["id"]] = item
    return result


def load_claims(path: Path | None = None) -> tuple[list[Claim], list[str]]:
    """All well-formed claims, and a problem line for each row that is not."""
    path = path or claims_path()
    claims, problems = [], []
    try:
        text = safe_io.read_text(path, safe_io.LIMITS["claims"])
    except safe_io.UnsafeFileError as exc:
        return [], [str(exc)]
    try:
        with io.StringIO(text, newline="") as fh:
            reader = csv.DictReader(fh)
            missing = set(CLAIM_FIELDS) - set(reader.fieldnames or [])
            if missing:
                return [], [f"{path.name}: missing columns {', '.join(sorted(missing))}"]
            for line, row in enumerate(reader, start=2):
                problem = _row_problem(row)
                if problem:
                    problems.append(f"{path.name} line {line}: {problem}")
                    continue
                claims.append(Claim(**{k: (row[k] or "").strip() for k in CLAIM_FIELDS if k != "estimate"},
                                    estimate=row["estimate"].strip().lower() == "true"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return [], [f"{path.name}: cannot be read ({exc})"]
    seen: set[str] = set()
    for claim in claims:
        if claim.claim_id in seen:
            problems.append(f"{path.name}: claim_id '{claim.claim_id}' is used twice")
        seen.add(claim.claim_id)
    return claims, problems


def _row_problem(row: dict) -> str:
    for key in ("claim_id", "subject", "indicator", "value", "citation"):
        if not (row.get(key) or "").strip():
            return f"'{key}' is empty"
    # No date: the source gives none (shown as "n.d."); a note must say so.
    if not (row.get("date") or "").strip() and not (row.get("note") or "").strip():
        return "'date' is empty and no note says why"
    if (row.get("date") or "").strip() and not DATE.match(row["date"].strip()):
        return f"date '{row['date']}' is not YYYY, YYYY-MM, YYYY-MM-DD (or a range a/b)"
    if (row.get("confirmed") or "").strip() not in CONFIRMED_VALUES:
        return f"confirmed must be one of {', '.join(CONFIRMED_VALUES)}"
    if (row.get("estimate") or "").strip().lower() not in ("true", "false"):
        return "estimate must be true or false"
    try:
        float(row["value"])
    except ValueError:
        if not (row.get("note") or "").strip():
            return f"value '{row['value']}' is not a number; a text value needs a note saying why"
    return ""


def disagreements(claims: list[Claim]) -> list[list[Claim]]:
    """Groups of claims on the same subject, indicator and date with different values."""
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.subject, claim.indicator, claim.date[:4]), []).append(claim)
    return [g for g in groups.values() if len({c.value for c in g}) > 1]


def _date_parts_ok(value: object) -> bool:
    parts = value.get("date-parts") if isinstance(value, dict) else None
    return isinstance(parts, list) and bool(parts) and isinstance(parts[0], list)


def csl_date(item: dict, key: str = "issued") -> list[int]:
    """[year, month, day] (as many as given) of a CSL date; [] when absent or unreadable."""
    value = item.get(key)
    if not _date_parts_ok(value):
        return []
    return [int(p) for p in value["date-parts"][0] if str(p).lstrip("-").isdigit()]


NO_DATE = {"en": "n.d.", "ru": "б. г.", "kk": "жылсыз"}  # a source that gives no year
# A figure whose place of publication was not recorded cites an item marked "x-not-identified":
# named so, in the reader's language, wherever a source is named in one breath.
NOT_IDENTIFIED = {"en": "source not identified", "ru": "источник не установлен",
                  "kk": "дереккөзі анықталмаған"}


def _year(item: dict, lang: str = "en") -> str:
    date = csl_date(item) or csl_date(item, "original-date")
    return str(date[0]) if date else NO_DATE.get(lang, NO_DATE["en"])


def _abbreviated(name: str) -> str:
    """ "Stockholm International Peace Research Institute (SIPRI)" -> "SIPRI"."""
    match = re.search(r"\(([^()\s]{2,12})\)$", name)
    return match.group(1) if match else name


def short_citation(item: dict, lang: str = "en", limit: int | None = 50) -> str:
    """A source named in one breath (export footer, under charts, beside figures): "Kurmangali &
    Jaukhan 2025", "UNODC 2012", "Imomov et al. 2013"; with no author, the container (newspaper,
    site) or the short title, cut at `limit` characters with "…" (None: never cut, as in the
    print footer, which wraps instead)."""
    if item.get("x-not-identified"):
        return NOT_IDENTIFIED.get(lang, NOT_IDENTIFIED["en"])
    names = []
    for author in item.get("author") or []:
        if isinstance(author, dict):
            name = author.get("family") or author.get("literal") or ""
            if name:
                names.append(_abbreviated(str(name).strip()))
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    elif names:
        who = f"{names[0]} et al."
    else:
        who = str(item.get("container-title") or item.get("publisher") or item.get("title-short")
                  or item.get("title") or item.get("id") or "?").strip().strip("[]")
    if limit is not None and len(who) > limit:
        who = who[:limit - 1].rstrip(" ,;:(") + "…"
    return f"{who} {_year(item, lang)}"


def load_evidence(folder) -> tuple[list, dict, list[str]]:
    """The claims and the bibliography of a catalog's folder, and the problems found (a broken file
    costs its own entries, never the window)."""
    claims, problems = load_claims(claims_path(folder))
    try:
        bibliography = load_bibliography(bibliography_path(folder))
    except ValueError as exc:
        bibliography, problems = {}, [*problems, str(exc)]
    return claims, bibliography, problems
