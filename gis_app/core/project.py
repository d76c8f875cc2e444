"""Project files: one JSON file holding what a user set up, saved atomically. No Qt.

A project holds the map state (exactly `MapState.to_dict()`: visible layers, their order and
opacity, the view, the time filter), style overrides per layer, the annotations (GeoJSON Feature
dicts, kept verbatim), the slides of a lecture, the language and a title.

    {"format": "central-asia-security-atlas/project", "schema": 1, "title": ..., "language": "en",
     "map": {...MapState.to_dict()...}, "style_overrides": {layer_id: {"stroke": "#aa0000"}},
     "annotations": [Feature, ...], "slides": [Slide.to_dict(), ...]}

Reading never trusts the file: `load` raises `ProjectError` with a sentence a user can act on for
a file that is not a project, is damaged, or comes from a newer atlas; older schemas are migrated.
Items that are wrong but skippable (one bad annotation) are dropped and listed in `warnings`: each
a `Why` (core/refusal.py), an English line for the command line and the logs that also carries a
code and arguments (a slide's and an annotation's number counted from 1, a layer's id), so the
window says it in the reader's language (ui/load_notes.py).

Saving is atomic: the bytes go to a temporary file in the same folder, are flushed and fsynced,
and only then renamed over the old file (and the folder fsynced), so a crash or a killed process at
any moment leaves either the old file or the new one, never a half-written one.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import project_links as links
from . import safe_io
from . import user_evidence as ue
from .annotations import clean_list
from .atomic import fsync_dir
from .i18n import LANGUAGES, pick
from .map_state import MapState, check_ids, check_number, check_saved, check_years
from .refusal import Why
from .timefilter import MAX_YEAR, MIN_YEAR

FORMAT = "central-asia-security-atlas/project"
SCHEMA_VERSION = 1
SUFFIX = ".atlas.json"
MAX_BYTES = safe_io.LIMITS["project"]  # thumbnails are small; anything bigger is not ours
MAX_TEXT = 20_000
MAX_THUMBNAIL_TEXT = 512 * 1024  # base64; the atlas writes about 10 KB

# Style overrides a project may carry per layer (a subset of the layer file's [style] keys).
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DASH = re.compile(r"^\d{1,3}(?:\.\d{1,2})?(?:[ ,]+\d{1,3}(?:\.\d{1,2})?){0,11}$")
STYLE_OVERRIDE_KEYS = {"stroke": "colour", "fill": "colour", "weight": "number", "opacity": "fraction",
                       "fill_opacity": "fraction", "dash": "text"}

Texts = str | dict[str, str]  # one text, or one per language ("en", "ru", "kk")


class ProjectError(Exception):
    """A project file that cannot be opened; `kind` is one of the constants below."""

    UNREADABLE, NOT_PROJECT, CORRUPT, NEWER, INVALID = "unreadable", "not-project", "corrupt", "newer", \
        "invalid"

    def __init__(self, message: str, kind: str = "invalid", file_kind: str = ""):
        super().__init__(message)
        self.kind = kind
        self.file_kind = file_kind  # safe_io's kind when the file gate refused it ("" otherwise)


class _InvalidError(ValueError):
    """A field that breaks the schema; becomes ProjectError(CORRUPT) with the field's path."""


# --- small validators --------------------------------------------------------------------------
def _texts(value: Any, where: str) -> Texts:
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise _InvalidError(f"{where} is longer than {MAX_TEXT} characters")
        return value
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_TEXT
                                       for k, v in value.items()):
        return dict(value)
    raise _InvalidError(f"{where} must be a text or a table of language -> text")


def _years(value: Any, where: str) -> tuple[int, int] | None:
    """A year range the time slider can show (check_years, then bounded)."""
    years = check_years(value, where)
    if years and not (MIN_YEAR <= years[0] and years[1] <= MAX_YEAR):
        raise _InvalidError(f"{where} must lie between the years {MIN_YEAR} and {MAX_YEAR}")
    return years


def _bounds(value: Any, where: str) -> tuple[float, float, float, float]:
    if not isinstance(value, list | tuple) or len(value) != 4:
        raise _InvalidError(f"{where} must be [west, south, east, north]")
    w, s, e, n = (check_number(v, where) for v in value)
    if not (-90 <= s < n <= 90 and w < e and -540 <= w and e <= 540):
        raise _InvalidError(f"{where} is not a valid extent [west, south, east, north]: {list(value)}")
    return (w, s, e, n)


def _features(value: Any, where: str, warnings: list[str], slide: int = 0) -> list[dict]:
    """The annotations of the map (`slide` 0) or of slide number `slide` (from 1)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise _InvalidError(f"{where} must be a list of GeoJSON Features")
    kept, skipped = clean_list(value)  # the atlas's own rules for an annotation, normalised
    warnings.extend(Why(f"{where}[{i}] skipped: {reason}", "annotation-skipped", slide=slide, n=i + 1,
                        reason=str(reason)) for i, reason in skipped)
    return kept


def _style_overrides(value: Any, warnings: list[str]) -> dict[str, dict]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _InvalidError("style_overrides must be a table of layer id -> style")
    out: dict[str, dict] = {}
    for layer_id, style in value.items():
        if not isinstance(style, dict):
            warnings.append(Why(f"style_overrides.{layer_id} skipped: not a table", "style-not-table",
                                layer=str(layer_id)))
            continue
        kept = {}
        for key, v in style.items():
            kind = STYLE_OVERRIDE_KEYS.get(key)
            numeric = isinstance(v, int | float) and not isinstance(v, bool)
            ok = {"colour": isinstance(v, str) and bool(COLOUR.match(v)),
                  "number": numeric and 0 <= v <= 50,
                  "fraction": numeric and 0 <= v <= 1,
                  "text": isinstance(v, str) and (v == "" or bool(DASH.match(v)))}.get(kind, False)
            if ok:
                kept[key] = v
            else:
                warnings.append(Why(f"style_overrides.{layer_id}.{key} skipped: unknown key or bad value",
                                    "style-skipped", layer=str(layer_id), key=str(key)[:40]))
        if kept:
            out[layer_id] = kept
    return out


# --- the model -----------------------------------------------------------------------------------
@dataclass
class Slide:
    """A saved view: where the map looks, what it shows, and what the lecturer says about it."""

    caption: Texts = ""
    notes: Texts = ""
    bounds: tuple[float, float, float, float] | None = None  # [W, S, E, N]: fitted, so any window fits
    visible: list[str] = field(default_factory=list)          # layer ids shown on this slide
    time_range: tuple[int, int] | None = None
    annotations: list[dict] = field(default_factory=list)     # GeoJSON Features, verbatim
    thumbnail: str = ""                                       # base64 PNG; "" = none yet

    def caption_in(self, lang: str) -> str:
        return pick(self.caption, lang)

    def notes_in(self, lang: str) -> str:
        return pick(self.notes, lang)

    def apply_to(self, state: MapState) -> None:
        """Show this slide's layers and time range on `state`. Order, opacity and the view are not
        touched (the view is fitted to `bounds` by the page, animated or not)."""
        for layer in state.layers:
            state.set_visible(layer.id, layer.id in self.visible)
        state.set_time_range(self.time_range)

    def to_dict(self) -> dict:
        out = {"caption": self.caption, "notes": self.notes,
               "bounds": list(self.bounds) if self.bounds else None, "visible": list(self.visible),
               "time_range": list(self.time_range) if self.time_range else None,
               "annotations": list(self.annotations)}
        if self.thumbnail:
            out["thumbnail"] = self.thumbnail
        return out

    @classmethod
    def from_dict(cls, raw: Any, where: str, warnings: list[str], number: int = 0) -> Slide:
        """`number`: the slide's number as the Slides dock shows it (from 1), for the warnings."""
        if not isinstance(raw, dict):
            raise _InvalidError(f"{where} must be a table")
        thumb = raw.get("thumbnail", "")
        if not isinstance(thumb, str) or not re.fullmatch(r"[A-Za-z0-9+/=\s]*", thumb):
            warnings.append(Why(f"{where}.thumbnail skipped: not base64 text", "thumbnail-not-base64",
                                slide=number))
            thumb = ""
        elif len(thumb) > MAX_THUMBNAIL_TEXT:
            warnings.append(Why(f"{where}.thumbnail skipped: {len(thumb)} characters, over the limit of "
                                f"{MAX_THUMBNAIL_TEXT}", "thumbnail-too-long", slide=number,
                                size=len(thumb), limit=MAX_THUMBNAIL_TEXT))
            thumb = ""
        return cls(caption=_texts(raw.get("caption", ""), f"{where}.caption"),
                   notes=_texts(raw.get("notes", ""), f"{where}.notes"),
                   bounds=(_bounds(raw["bounds"], f"{where}.bounds")
                           if raw.get("bounds") is not None else None),
                   visible=check_ids(raw.get("visible", []), f"{where}.visible"),
                   time_range=_years(raw.get("time_range"), f"{where}.time_range"),
                   annotations=_features(raw.get("annotations"), f"{where}.annotations", warnings, number),
                   thumbnail=thumb)


@dataclass
class Project:
    map: dict = field(default_factory=dict)       # MapState.to_dict()
    title: Texts = ""
    language: str = "en"
    style_overrides: dict[str, dict] = field(default_factory=dict)
    annotations: list[dict] = field(default_factory=list)
    slides: list[Slide] = field(default_factory=list)
    user_layers: list[dict] = field(default_factory=list)   # imported layers (saved when present)
    evidence: dict = field(default_factory=dict)            # the analyst's sources and claims
    # the user's own tile archive under the map: {"path", "opacity", "visible"} (project_links)
    basemap: dict | None = None
    recovery_of: str | None = None                # set in recovery files: the project it rescues
    lecture: dict | None = None  # its lecture in a team workspace (project_links.lecture_link)
    warnings: list[str] = field(default_factory=list, compare=False)

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang)

    def layer_ids(self) -> set[str]:
        """Every layer id the project names (map and slides): to check against a catalog."""
        ids = set(self.map.get("order", [])) | set(self.map.get("layers", {})) | set(self.style_overrides)
        for slide in self.slides:
            ids |= set(slide.visible)
        return ids

    def to_dict(self) -> dict:
        out = {"format": FORMAT, "schema": SCHEMA_VERSION, "title": self.title, "language": self.language,
               "map": self.map, "style_overrides": self.style_overrides, "annotations": self.annotations,
               "slides": [s.to_dict() for s in self.slides]}
        if self.user_layers:
            out["user_layers"] = self.user_layers
        if self.evidence:
            out["evidence"] = self.evidence
        if self.basemap:
            out["basemap"] = self.basemap
        if self.recovery_of is not None:
            out["recovery_of"] = self.recovery_of
        if self.lecture:
            out["lecture"] = self.lecture
        return out


def _tables(value: Any, where: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _InvalidError(f"{where} must be a list of tables")
    return value


# --- schema versions -------------------------------------------------------------------------
def _schema_of(raw: Any) -> int:
    if not isinstance(raw, dict):
        raise ProjectError("This file is not an atlas project (it holds no project table).",
                           ProjectError.NOT_PROJECT)
    if "format" in raw:
        if raw["format"] != FORMAT:
            shown = str(raw["format"])[:80]
            raise ProjectError(f"This file is not an atlas project (its format is {shown!r}).",
                               ProjectError.NOT_PROJECT)
        schema = raw.get("schema")
        if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
            raise ProjectError("This project file is damaged: its schema version is missing or not a number.",
                               ProjectError.CORRUPT)
        return schema
    # Schema 0: the bare map state, as the atlas before projects kept it in its settings
    # (MapState.to_dict(): order, layers, view). Such a file opens as a project with no slides.
    if isinstance(raw.get("order"), list) and isinstance(raw.get("layers"), dict):
        return 0
    raise ProjectError("This file is not an atlas project (JSON, but not a project).",
                       ProjectError.NOT_PROJECT)


def _from_0(raw: dict) -> dict:
    return {"format": FORMAT, "schema": 1, "title": "", "language": "en", "map": raw,
            "style_overrides": {}, "annotations": [], "slides": []}


MIGRATIONS = {0: _from_0}  # schema n -> n + 1


def migrate(raw: dict) -> tuple[dict, int]:
    """`raw` brought to SCHEMA_VERSION; also returns the schema it came with."""
    schema = _schema_of(raw)
    if schema > SCHEMA_VERSION:
        raise ProjectError(
            f"This project was saved by a newer version of the atlas (project schema {schema}; this "
            f"version reads up to {SCHEMA_VERSION}). Update the atlas to open it.",
            ProjectError.NEWER)
    original = schema
    while schema < SCHEMA_VERSION:
        raw = MIGRATIONS[schema](raw)
        schema += 1
    return raw, original


def from_dict(raw: Any) -> Project:
    raw, original = migrate(raw)
    warnings: list[str] = []
    if original < SCHEMA_VERSION:
        warnings.append(Why(f"converted from project schema {original} to {SCHEMA_VERSION}",
                            "schema-converted", old=original, new=SCHEMA_VERSION))
    try:
        language = raw.get("language", "en")
        if language not in LANGUAGES:
            warnings.append(Why(f"language {str(language)[:20]!r} unknown; using English", "language-unknown",
                                language=str(language)[:20]))
            language = "en"
        slides_raw = raw.get("slides", [])
        if not isinstance(slides_raw, list):
            raise _InvalidError("slides must be a list")
        recovery_of = raw.get("recovery_of")
        saved_map = check_saved(raw.get("map", {}))
        evidence, evidence_warnings = ue.clean(raw.get("evidence"))  # a bad entry: dropped and said
        warnings.extend(evidence_warnings)
        _years(saved_map.get("time_range"), "map.time_range")
        return Project(
            map=saved_map,
            title=_texts(raw.get("title", ""), "title"),
            language=language,
            style_overrides=_style_overrides(raw.get("style_overrides"), warnings),
            annotations=_features(raw.get("annotations"), "annotations", warnings),
            slides=[Slide.from_dict(s, f"slides[{i}]", warnings, i + 1) for i, s in enumerate(slides_raw)],
            user_layers=_tables(raw.get("user_layers", []), "user_layers"),
            evidence=evidence if any(evidence[p] for p in ue.PARTS) else {},
            basemap=links.basemap_entry(raw.get("basemap"), warnings),
            recovery_of=recovery_of if isinstance(recovery_of, str) else None,
            lecture=links.lecture_link(raw.get("lecture"), warnings),
            warnings=warnings)
    except (ValueError, KeyError, TypeError) as exc:  # _InvalidError, or check_saved's ValueError
        raise ProjectError(f"This project file is damaged: {exc}", ProjectError.CORRUPT) from exc


# --- reading and writing ---------------------------------------------------------------------
def load(path: str | os.PathLike) -> Project:
    """Read a project through the file gate; ProjectError (with `kind`) says why it cannot open."""
    path = Path(path)
    try:
        text = safe_io.read_text(path, MAX_BYTES)
    except safe_io.UnsafeFileError as exc:
        if exc.kind in (safe_io.TOO_LARGE, safe_io.NOT_TEXT):
            raise ProjectError(f"{path.name} is not an atlas project ({exc}).", ProjectError.NOT_PROJECT,
                               exc.kind) from exc
        raise ProjectError(f"Cannot read {exc}.", ProjectError.UNREADABLE, exc.kind) from exc
    try:
        parsed = safe_io.parse_json(text, path)
    except safe_io.UnsafeFileError as exc:
        kind = ProjectError.CORRUPT if text.lstrip()[:1] == "{" else ProjectError.NOT_PROJECT
        what = "is damaged or incomplete" if kind == ProjectError.CORRUPT else "is not an atlas project"
        raise ProjectError(f"{path.name} {what} ({exc.detail or exc}).", kind, exc.kind) from exc
    project = from_dict(parsed.value)
    if parsed.replaced:
        project.warnings.append(Why(f"{parsed.replaced} character(s) that cannot be stored (unpaired "
                                    "surrogates) were replaced by \ufffd", "characters-replaced",
                                    count=parsed.replaced))
    return project


def dumps(project: Project) -> bytes:
    """UTF-8 JSON; text no file can hold (an unpaired surrogate) is written as U+FFFD, so a save
    never fails on what the window holds."""
    text = json.dumps(project.to_dict(), ensure_ascii=False, indent=1) + "\n"
    return safe_io.replace_surrogates(text).encode("utf-8")


def _open_temp(directory: Path, name: str):
    """A new temporary file beside the target (same filesystem, so the rename is atomic)."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    return os.fdopen(fd, "wb"), Path(tmp)


def save(project: Project, path: str | os.PathLike) -> None:
    """Write atomically: temp file, write, flush, fsync, rename over `path`, fsync the folder.

    Any failure leaves the previous file untouched and removes the temporary file; the error is
    raised as ProjectError."""
    path = Path(path)
    if path.is_symlink():  # save through a link: the file it points to gets the new content
        path = Path(os.path.realpath(path))
    data = dumps(project)  # before touching the disk: a bad project never reaches it
    directory = path.parent if str(path.parent) else Path(".")
    tmp: Path | None = None
    try:
        handle, tmp = _open_temp(directory, path.name)
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
        fsync_dir(directory)  # not possible on every system; the rename itself is still atomic
    except OSError as exc:
        raise ProjectError(f"Could not save {path.name}: {exc.strerror or exc}. "
                           "The previous file is unchanged.", ProjectError.UNREADABLE) from exc
    finally:
        if tmp is not None:
            try:
                tmp.unlink()
            except OSError:
                pass


def check_layers(project: Project, known: set[str] | list[str]) -> list[str]:
    """Layer ids the project names that the catalog does not have (they are ignored on open)."""
    return sorted(project.layer_ids() - set(known))


# --- crash recovery: gis_app/core/recovery.py (re-exported here, where the window looks for it) --
from .recovery import (  # noqa: E402
    CORRUPT_SUFFIX,
    RECOVERY_PREFIX,
    adopt_recovery,
    age_text,
    discard_recovery,
    orphaned_recoveries,
    recovery_path,
    session_id,
    set_aside,
    write_recovery,
)

__all__ = ["CORRUPT_SUFFIX", "RECOVERY_PREFIX", "adopt_recovery", "age_text", "discard_recovery",
           "orphaned_recoveries", "recovery_path", "session_id", "set_aside", "write_recovery"]
