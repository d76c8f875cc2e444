"""The analyst's own evidence: sources (CSL-JSON), claims and indicators kept in the project. No Qt.

The shape is the shared contract (AtlasDocument.user_evidence, saved as the project's `evidence`):

    {"version": 1, "sources": [CSL-JSON items, ids "u_…"], "claims": [{claim fields}],
     "indicators": [{"id": "u_…", "label": {"en", "ru", "kk"}, "unit": str}],
     "cites": {"<layer_id>" or "<layer_id>/<feature_id>": [source ids]}}

`clean` checks what a project file brings (an entry that breaks the rules is dropped with a line
saying why; the rest is kept); `source_problem`, `claim_problem` and `indicator_problem` are the
rules the forms and the importers use. `Evidence` joins the shipped claims and bibliography with
the user's: the one view every panel reads (disagreements work across both).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from . import evidence
from .evidence import CONFIRMED_VALUES, DATE, Claim
from .i18n import LANGUAGES, pick
from .refusal import NONE, RefusalError, Why
from .source_match import (  # noqa: F401 - the importers and forms find them here too
    PREFIX,
    duplicate_of,
    merged,
    new_id,
    normal_doi,
    normal_title,
    normal_url,
    slug,
)

VERSION = 1
PARTS = ("sources", "claims", "indicators", "cites")
MAX_SOURCES, MAX_CLAIMS, MAX_INDICATORS, MAX_CITES = 20_000, 50_000, 2_000, 50_000
MAX_TEXT = 20_000
ID = re.compile(r"^u_[A-Za-z0-9_.:-]{1,120}$")
# CSL item types (CSL 1.0.2); anything else is read as "document".
CSL_TYPES = ("article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
             "broadcast", "chapter", "dataset", "document", "entry", "entry-dictionary",
             "entry-encyclopedia", "figure", "graphic", "interview", "legal_case", "legislation",
             "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference",
             "patent", "personal_communication", "post", "post-weblog", "report", "review",
             "review-book", "song", "speech", "thesis", "treaty", "webpage")
NAME_ROLES = ("author", "editor", "translator", "container-author", "collection-editor")
DATE_KEYS = ("issued", "accessed", "original-date", "event-date")
NAME_KEYS = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")


def empty() -> dict:
    return {"version": VERSION, "sources": [], "claims": [], "indicators": [], "cites": {}}


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# --- rules -------------------------------------------------------------------------------------
def _text_ok(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


class EvidenceError(RefusalError):
    """The document's refusal of a source, a figure or an indicator (`.code`, `.args_`)."""


def clean_source(raw: object) -> tuple[dict | None, str]:
    """A CSL-JSON item kept to what the atlas can show and export, or (None, why not)."""
    if not isinstance(raw, dict):
        return None, Why("not a table", "not-table")
    item: dict = {}
    for key, value in raw.items():
        if not isinstance(key, str) or len(key) > 64:
            continue
        if key in NAME_ROLES:
            if not isinstance(value, list) or len(value) > 500:
                return None, Why(f"'{key}' must be a list of names", "source-names", key=key)
            names = []
            for person in value:
                if not isinstance(person, dict):
                    return None, Why(f"'{key}' must be a list of names", "source-names", key=key)
                name = {k: v for k, v in person.items() if k in NAME_KEYS and _text_ok(v) and v.strip()}
                if name.get("family") or name.get("literal"):
                    names.append(name)
            if names:
                item[key] = names
        elif key in DATE_KEYS:
            parts = csl_date_parts(value)
            if parts is None:
                return None, Why(f"'{key}' must be {{\"date-parts\": [[year, month, day]]}}",
                                 "source-date", key=key)
            item[key] = {"date-parts": [parts]}
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int | float):
            item[key] = value
        elif isinstance(value, str):
            if len(value) > MAX_TEXT:
                return None, Why(f"'{key}' is longer than {MAX_TEXT} characters", "source-too-long",
                                 key=key, limit=MAX_TEXT)
            item[key] = value
    if not isinstance(item.get("id"), str) or not item["id"].strip():
        return None, Why("it has no id", "source-no-id")
    if not str(item.get("title") or "").strip():
        return None, Why(f"'{item['id'][:60]}' has no title", "source-no-title")
    if item.get("type") not in CSL_TYPES:
        item["type"] = "document"
    return item, NONE


def csl_date_parts(value: object) -> list[int] | None:
    """[year, month, day] of a CSL date, None if it is not one (a year between 1 and 9999)."""
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list) or not parts[0]:
        return None
    out = []
    for part in parts[0][:3]:
        try:
            number = int(str(part).strip())
        except ValueError:
            return None
        out.append(number)
    limits = ((1, 9999), (1, 12), (1, 31))
    if any(not lo <= n <= hi for n, (lo, hi) in zip(out, limits, strict=False)):
        return None
    return out


def date_to_csl(text: str) -> dict | None:
    """'2024', '2024-06' or '2024-06-30' as a CSL date; None for an empty or other text."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        return None
    parts = [int(p) for p in match.groups() if p]
    return {"date-parts": [parts]} if csl_date_parts({"date-parts": [parts]}) else None


def source_problem(item: dict) -> str:
    """Why a source cannot be kept ("" when it can): the form's and the importers' rule."""
    if not str(item.get("title") or "").strip():
        return Why("a source needs a title", "source-no-title")
    url = str(item.get("URL") or "").strip()
    if url and not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
        return Why(f"the link '{url[:80]}' is not a web address (http:// or https://)", "source-bad-url",
                   url=url[:80])
    doi = str(item.get("DOI") or "").strip()
    if doi and not re.match(r"^10\.\d{4,9}/\S+$", normal_doi(doi)):
        return Why(f"the DOI '{doi[:80]}' is not a DOI (10.xxxx/…)", "source-bad-doi", doi=doi[:80])
    _item, why = clean_source({**item, "id": item.get("id") or "u_check"})
    return why


def claim_problem(claim: dict, source_ids: Iterable[str] | None = None) -> str:
    """Why a claim cannot be kept ("" when it can), as claims.csv's rows are checked."""
    for key in ("claim_id", "subject", "indicator", "value", "date", "citation"):
        if not str(claim.get(key) or "").strip():
            text = {"value": "the figure has no value", "date": "the figure has no date",
                    "citation": "the figure has no source", "indicator": "the figure has no indicator",
                    "subject": "the figure is about nothing (no feature or country)"}.get(
                key, f"'{key}' is empty")
            return Why(text, "figure-empty", key=key)
    for key in CLAIM_TEXT:
        if not _text_ok(claim.get(key, "")):
            return Why(f"'{key}' must be a text of at most {MAX_TEXT} characters", "figure-too-long",
                       key=key, limit=MAX_TEXT)
    if not DATE.match(str(claim["date"]).strip()):
        return Why(f"the date '{claim['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD (or a range a/b)",
                   "figure-bad-date", date=str(claim["date"])[:40])
    if claim.get("confirmed", "n/a") not in CONFIRMED_VALUES:
        return Why(f"confirmed must be one of {', '.join(CONFIRMED_VALUES)}", "figure-confirmed")
    if not isinstance(claim.get("estimate", False), bool):
        return Why("estimate must be true or false", "figure-estimate")
    try:
        if not math.isfinite(float(str(claim["value"]))):  # inf, nan, 1e400: no scale can hold them
            return Why(f"the value '{str(claim['value'])[:40]}' is not a finite number", "figure-infinite",
                       value=str(claim["value"])[:40])
    except ValueError:
        if not str(claim.get("note") or "").strip():
            return Why(f"the value '{str(claim['value'])[:40]}' is not a number; a text value needs a note",
                       "figure-text-value", value=str(claim["value"])[:40])
    if source_ids is not None and claim["citation"] not in set(source_ids):
        return Why(f"the source '{claim['citation']}' is not in the bibliography", "figure-unknown-source",
                   source=claim["citation"])
    return NONE


CLAIM_TEXT = ("claim_id", "subject", "indicator", "value", "unit", "date", "citation", "locator", "note")


def indicator_problem(indicator: dict) -> str:
    if not isinstance(indicator, dict) or not ID.match(str(indicator.get("id", ""))):
        return Why("an indicator needs an id that starts with u_ (letters, digits, _ . : -)", "indicator-id")
    label = indicator.get("label")
    if not isinstance(label, dict) or not all(isinstance(v, str) for v in label.values()):
        return Why("an indicator's label must be a table of language -> text", "indicator-label")
    if not any((label.get(lang) or "").strip() for lang in LANGUAGES):
        return Why("an indicator needs a label in at least one of Kazakh, Russian, English",
                   "indicator-no-label")
    if not _text_ok(indicator.get("unit", "")):
        return Why("an indicator's unit must be a text", "indicator-unit")
    return NONE


def claim_dict(claim: dict) -> dict:
    """The claim with exactly the contract's fields, texts stripped."""
    out = {key: str(claim.get(key) or "").strip() for key in CLAIM_TEXT}
    out["confirmed"] = claim.get("confirmed") or "n/a"
    out["estimate"] = bool(claim.get("estimate", False))
    return out


def to_claim(claim: dict) -> Claim:
    return Claim(**{k: str(claim.get(k) or "").strip() for k in evidence.CLAIM_FIELDS if k != "estimate"},
                 estimate=bool(claim.get("estimate")))


def clean(raw: object) -> tuple[dict, list[str]]:
    """A project's `evidence` checked: what breaks the rules is dropped and said, the rest kept.
    Each line is a Why (code "evidence-…"; a skipped entry's `n` counts from 1, its `why` is the
    rule's own Why and `item` the entry as read, to name it by)."""
    out, warnings = empty(), []
    if raw in (None, {}):
        return out, warnings
    if not isinstance(raw, dict):
        return out, [Why("evidence skipped: not a table", "evidence-not-table")]
    version = raw.get("version", VERSION)
    if version != VERSION:
        return out, [Why(f"evidence skipped: version {str(version)[:20]} (this atlas reads {VERSION})",
                         "evidence-version", version=str(version)[:20], reads=VERSION)]
    for part, limit in (("sources", MAX_SOURCES), ("claims", MAX_CLAIMS), ("indicators", MAX_INDICATORS)):
        value = raw.get(part, [])
        if not isinstance(value, list):
            warnings.append(Why(f"evidence.{part} skipped: not a list", "evidence-part-not-list", part=part))
            raw = {**raw, part: []}
        elif len(value) > limit:
            warnings.append(Why(f"evidence.{part}: {len(value)} entries, only the first {limit} kept",
                                "evidence-truncated", part=part, count=len(value), limit=limit))

    def skipped(part: str, i: int, why: str, item: object) -> None:
        warnings.append(Why(f"evidence.{part}[{i}] skipped: {why}", f"evidence-{part}-skipped", n=i + 1,
                            why=why, item=item if isinstance(item, dict) else None))

    ids: set[str] = set()
    for i, item in enumerate(raw.get("sources", [])[:MAX_SOURCES]):
        kept, why = clean_source(item)
        if kept is not None and not ID.match(kept["id"]):
            kept, why = None, Why(f"id '{kept['id'][:60]}' does not start with u_", "source-not-own-id")
        if kept is not None and kept["id"] in ids:
            kept, why = None, Why(f"id '{kept['id'][:60]}' is used twice", "source-id-twice")
        if kept is None:
            skipped("sources", i, why, item)
            continue
        ids.add(kept["id"])
        out["sources"].append(kept)
    seen: set[str] = set()
    for i, item in enumerate(raw.get("indicators", [])[:MAX_INDICATORS]):
        why = indicator_problem(item) or (Why("used twice", "indicator-id-twice") if item["id"] in seen
                                          else NONE)
        if why:
            skipped("indicators", i, why, item)
            continue
        seen.add(item["id"])
        out["indicators"].append({"id": item["id"], "unit": str(item.get("unit") or ""),
                                  "label": {k: v for k, v in item["label"].items() if k in LANGUAGES}})
    seen = set()
    for i, item in enumerate(raw.get("claims", [])[:MAX_CLAIMS]):
        why = claim_problem(item) if isinstance(item, dict) else Why("not a table", "not-table")
        if not why and not ID.match(str(item["claim_id"])):
            why = Why(f"claim_id '{str(item['claim_id'])[:60]}' does not start with u_", "figure-not-own-id")
        if not why and item["claim_id"] in seen:
            why = Why(f"claim_id '{item['claim_id'][:60]}' is used twice", "figure-id-twice")
        if why:
            skipped("claims", i, why, item)
            continue
        seen.add(item["claim_id"])
        out["claims"].append(claim_dict(item))
    cites = raw.get("cites", {})
    if not isinstance(cites, dict):
        warnings.append(Why("evidence.cites skipped: not a table", "evidence-cites-not-table"))
        cites = {}
    for key, value in list(cites.items())[:MAX_CITES]:
        if not _text_ok(key) or not isinstance(value, list) or not all(_text_ok(v) for v in value):
            warnings.append(Why(f"evidence.cites[{str(key)[:60]!r}] skipped: not a list of source ids",
                                "evidence-cites-skipped", target=str(key)[:200]))
            continue
        out["cites"][key] = list(dict.fromkeys(value))
    return out, warnings


# --- the evidence the panels read: shipped and the user's together --------------------------------
@dataclass
class Evidence:
    claims: list[Claim] = field(default_factory=list)          # shipped, then the user's
    bibliography: dict[str, dict] = field(default_factory=dict)
    user_claims: frozenset[str] = frozenset()                  # claim ids that are the user's
    user_sources: frozenset[str] = frozenset()
    indicators: dict[str, dict] = field(default_factory=dict)  # the user's, by id
    problems: list[str] = field(default_factory=list)

    def is_user(self, claim_id: str) -> bool:
        return claim_id in self.user_claims

    def indicator_label(self, key: str, lang: str) -> str:
        own = self.indicators.get(key)
        if own is not None:
            return pick(own.get("label"), lang) or key
        from .statistics import indicator_label
        return indicator_label(key, lang)

    def indicator_unit(self, key: str) -> str:
        own = self.indicators.get(key)
        if own is not None:
            return own.get("unit", "")
        units = [c.unit for c in self.claims if c.indicator == key and c.unit]
        return units[0] if units else ""

    def indicator_ids(self) -> list[str]:
        """Every indicator a claim may use: the labelled ones, those in use, the user's."""
        from . import indicators
        keys = [*indicators.labels().indicators, *(c.indicator for c in self.claims), *self.indicators]
        return list(dict.fromkeys(keys))


def combine(shipped_claims: list[Claim], shipped_bibliography: dict[str, dict], user: dict,
            problems: list[str] | None = None, bibliography: dict | None = None) -> Evidence:
    """The shipped evidence with the user's; `bibliography`: reuse this dict when the sources did not
    change (formatted citations are cached per bibliography object)."""
    user = user or empty()
    own = [to_claim(c) for c in user.get("claims", [])]
    if bibliography is None:
        bibliography = dict(shipped_bibliography)
        for item in user.get("sources", []):
            # the atlas's own x- keys are not CSL (citeproc would warn of each)
            bibliography.setdefault(item["id"], {k: v for k, v in item.items() if not k.startswith("x-")})
    return Evidence(claims=[*shipped_claims, *own], bibliography=bibliography,
                    user_claims=frozenset(c.claim_id for c in own),
                    user_sources=frozenset(i["id"] for i in user.get("sources", [])),
                    indicators={i["id"]: i for i in user.get("indicators", [])},
                    problems=list(problems or []))


# --- editing (the document's methods call these, then emit Kind.EVIDENCE) --------------------------
KEYS = {"sources": "id", "claims": "claim_id", "indicators": "id"}


def find(user: dict, part: str, entry_id: str) -> int:
    """The index of `entry_id` in `user[part]`; KeyError when it is not there."""
    key = KEYS[part]
    for i, entry in enumerate(user.get(part, [])):
        if entry.get(key) == entry_id:
            return i
    raise KeyError(entry_id)


def checked_source(item: dict, taken: Iterable[str], replacing: str | None = None) -> dict:
    """`item` ready to keep (ValueError with the reason otherwise): a u_ id unique against `taken`
    (the shipped and the user's ids; `replacing`: the id it replaces), x-added kept or set."""
    why = source_problem(item)
    kept, why2 = clean_source(item)
    if why or kept is None:
        raise EvidenceError.of(why or why2)
    if not ID.match(kept["id"]):
        raise EvidenceError(f"a source of your own needs an id that starts with u_ (not '{kept['id'][:60]}')",
                            "source-id", item=kept)
    if kept["id"] != replacing and kept["id"] in set(taken):
        raise EvidenceError(f"the id '{kept['id']}' is already used by another source", "source-id-taken",
                            item=kept, source=kept["id"])
    kept.setdefault("x-added", now_iso())
    return kept


def checked_claim(claim: dict, source_ids: Iterable[str], taken: Iterable[str],
                  replacing: str | None = None) -> dict:
    out = claim_dict(claim)
    why = claim_problem(out, source_ids)
    if not why and not ID.match(out["claim_id"]):
        why = Why(f"a figure of your own needs an id that starts with u_ (not '{out['claim_id'][:60]}')",
                  "figure-id", indicator=out["indicator"])
    if not why and out["claim_id"] != replacing and out["claim_id"] in set(taken):
        why = Why(f"the id '{out['claim_id']}' is already used by another figure", "figure-id-taken",
                  indicator=out["indicator"])
    if why:
        raise EvidenceError.of(why)
    return out


def checked_indicator(indicator: dict, taken: Iterable[str]) -> dict:
    why = indicator_problem(indicator)
    if not why and indicator["id"] in set(taken):
        why = Why(f"the indicator id '{indicator['id']}' is already used", "indicator-id-taken",
                  label=pick(indicator.get("label"), "en"), labels=dict(indicator.get("label") or {}))
    if why:
        raise EvidenceError.of(why)
    return {"id": indicator["id"], "unit": str(indicator.get("unit") or "").strip(),
            "label": {k: str(v).strip() for k, v in indicator["label"].items() if k in LANGUAGES}}


def citing_claims(user: dict, source_id: str) -> list[str]:
    return [c["claim_id"] for c in user.get("claims", []) if c.get("citation") == source_id]


def citing_targets(user: dict, source_id: str) -> list[str]:
    """The layers and features ("<layer>" or "<layer>/<feature>") that cite the source."""
    return [target for target, ids in (user.get("cites") or {}).items() if source_id in ids]
