"""What a reader must know about a shipped figure, in English, Russian and Kazakh (no Qt).

`layers/claims.csv` keeps one note per claim, in English, for the curator. Some figures need a
warning every reader sees in their own language: a seed figure its own reference contradicts, a
figure whose source could not be identified, a rank that contradicts another rank, a date the
source does not give. Those are in `layers/claim_notes.toml`, keyed by `claim_id`:

    [notes.eri_au_return_2023]
    en = "Contradicted: …"
    ru = "…"
    kk = "…"

    [values.tbl1_threats_kaz]     # a figure whose value is a text (a table's cell): its words
    en = "…"

The Info dock shows the notes under the figures table and the values in its Value column; the
charts and the web map use the same functions. A claim with no entry has no reader note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import paths, safe_io, text_tables
from .i18n import LANGUAGES, pick

FILE_NAME = "claim_notes.toml"
SECTIONS = ("notes", "values")


@dataclass(frozen=True)
class ClaimTexts:
    notes: dict[str, dict[str, str]] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def note(self, claim_id: str, lang: str) -> str:
        return pick(self.notes.get(claim_id), lang)

    def value(self, claim_id: str, lang: str) -> str:
        return pick(self.values.get(claim_id), lang)

    def missing(self, claim_ids) -> list[str]:
        """A problem line per entry lacking a language or naming no claim in `claim_ids`."""
        known, out = set(claim_ids), []
        for section in SECTIONS:
            for key, texts in getattr(self, section).items():
                if key not in known:
                    out.append(f"{FILE_NAME}: [{section}.{key}] names no claim of claims.csv")
                lacking = [lang for lang in LANGUAGES if not texts.get(lang)]
                if lacking:
                    out.append(f"{FILE_NAME}: [{section}.{key}] has no {', '.join(lacking)} text")
        return out


def notes_path(folder: Path | None = None) -> Path:
    return (folder or paths.layers_dir()) / FILE_NAME


def load(path: Path | None = None) -> tuple[ClaimTexts, list[str]]:
    """The texts of `path` (default layers/claim_notes.toml) and the problems found; a missing or
    broken file gives no texts (the figures still show, without their reader notes)."""
    path = path or notes_path()
    try:
        raw = safe_io.load_toml(path)
    except safe_io.UnsafeFileError as exc:
        return ClaimTexts(), [] if exc.kind == safe_io.NOT_FOUND else [str(exc)]
    tables, problems = text_tables.sections(raw, SECTIONS, path.name, lambda text: " ".join(text.split()))
    return ClaimTexts(tables["notes"], tables["values"]), problems


def texts(folder: Path | None = None) -> ClaimTexts:
    """The reader notes of `folder` (default: the layers folder), read again when the file changes."""
    return text_tables.cached(notes_path(folder), lambda path: load(path)[0])


def note(claim, lang: str) -> str:
    """The reader note of a claim (shipped claims only; a user's claim keeps its own note)."""
    return texts().note(claim.claim_id, lang)
