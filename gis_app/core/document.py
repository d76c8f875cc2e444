"""The atlas document: everything a project saves, plus the selection and the unsaved flag. No Qt.

One owner for this state (QGIS's QgsProject, napari's ViewerModel): the layer panel, the page, the
panels, the project files and the settings are views or adapters of it. Its parts (the map state,
the annotations) emit on the document's one event stream; `batch()` makes many changes one
notification (a project opened, a slide shown).
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import digitised as dg
from . import project as proj
from . import user_evidence as ue
from . import user_layers as ul
from .annotations import Annotations
from .catalog import Catalog
from .events import Change, Events, Kind, change
from .map_state import MapState
from .project import Project, Slide, Texts


@dataclass(frozen=True)
class Selection:
    layer: str
    feature: str


# Whether a selected feature is inside the time filter: (layer id, feature id, range) -> bool.
InTime = Callable[[str, str, tuple[int, int]], bool]


def file_hash(path: Path) -> str | None:
    """What a project file holds now (None: no such file), to tell whether someone else wrote it."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


class AtlasDocument:
    def __init__(self, catalog: Catalog, in_time: InTime | None = None, language: str = "en"):
        self.catalog = catalog
        self.events = Events()
        self.map = MapState(catalog, self.events)
        self.annotations = Annotations(events=self.events)
        self.slides: list[Slide] = []
        self.style_overrides: dict[str, dict] = {}
        self.title: Texts = ""
        self.language = language
        self.user_layers: list[dict] = []     # imported layers (core/user_layers.py)
        self.user_layer_problems: dict[str, str] = {}  # id -> why it cannot be drawn (a moved file)
        self._user_data: dict[str, Path] = {}  # id -> its GeoJSON in WGS 84 (the cache)
        # id -> the key of its embedded data's cache file: a new one each time the data is replaced
        # (no hash of the whole layer), the same one while single features change (the file is
        # written again in place, the page patches its layer)
        self._user_keys: dict[str, str] = {}
        self._key_prefix = uuid.uuid4().hex[:12]
        self._key_seq = 0
        self._shipped: tuple | None = None    # (claims, bibliography, problems) of the layers folder
        self._evidence: ue.Evidence | None = None
        self.user_evidence: dict = ue.empty()  # the analyst's sources and claims (core/user_evidence.py)
        self.basemap: dict | None = None      # the user's tile archive (project.basemap_entry)
        self.selection: Selection | None = None
        self.path: Path | None = None
        self.disk_hash: str | None = None     # the file's content when it was opened or saved
        self.dirty = False
        self.generation = 0                   # counts edits: autosave writes when it moved
        self._in_time = in_time
        self.events.rules = self._follow

    # --- events -------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self.events.connect(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        self.events.disconnect(listener)

    def batch(self, edit: bool = True):
        return self.events.batch(edit)

    def _emit(self, *kinds: Kind, **fields) -> None:
        self.events.emit(change(*kinds, **fields))

    def _follow(self, what: Change) -> Change:
        """The document's own rules, run on every (batched) change before it is delivered."""
        extra: set[Kind] = set()
        if what.is_edit:
            self.generation += 1
            if not self.dirty:
                self.dirty = True
                extra.add(Kind.DIRTY)
        if self.selection is not None and not self._selection_valid():
            self.selection = None
            extra.add(Kind.SELECTION)
        return what.merge(change(*extra, edit=what.edit)) if extra else what  # (extra has no VIEW)

    def _selection_valid(self) -> bool:
        """A selection stays only while its feature can be seen: its layer shown, inside the time
        filter (no stale highlight or popup on a slide, after a project switch or a filter)."""
        sel = self.selection
        try:
            if not self.map.get(sel.layer).visible:
                return False
        except KeyError:
            return False
        span = self.map.time_range
        return span is None or self._in_time is None or self._in_time(sel.layer, sel.feature, span)

    # --- selection ----------------------------------------------------------------------------
    def select(self, layer_id: str, feature_id: str, focus: bool = False) -> None:
        """Select a feature (its layer is shown); `focus`: the map zooms to it."""
        with self.batch(edit=False):
            self.map.set_visible(layer_id, True)
            self.selection = Selection(layer_id, str(feature_id))
            self._emit(Kind.SELECTION, focus=focus)

    def clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self._emit(Kind.SELECTION)

    # --- project texts, styles, slides -------------------------------------------------------------
    def set_title(self, title: Texts) -> None:
        if title != self.title:
            self.title = copy.deepcopy(title)
            self._emit(Kind.TITLE)

    def set_language(self, lang: str) -> None:
        """The language the project's data texts are shown in (and saved with)."""
        if lang != self.language:
            self.language = lang
            self._emit(Kind.LANGUAGE)

    def set_style_override(self, layer_id: str, style: dict) -> None:
        if style:
            self.style_overrides[layer_id] = dict(style)
        else:
            self.style_overrides.pop(layer_id, None)
        self._emit(Kind.STYLES, layers=frozenset({layer_id}))

    def set_slides(self, slides: list[Slide]) -> None:
        self.slides = list(slides)
        self._emit(Kind.SLIDES)

    def insert_slide(self, index: int, slide: Slide) -> None:
        self.slides.insert(index, slide)
        self._emit(Kind.SLIDES)

    def replace_slide(self, index: int, slide: Slide) -> None:
        self.slides[index] = slide
        self._emit(Kind.SLIDES)

    def remove_slide(self, index: int) -> Slide:
        slide = self.slides.pop(index)
        self._emit(Kind.SLIDES)
        return slide

    def move_slide(self, source: int, target: int) -> None:
        self.slides.insert(target, self.slides.pop(source))
        self._emit(Kind.SLIDES)

    def slide_thumbnail_taken(self, slide: Slide, thumbnail: str) -> None:
        """A picture taken later of a hand-written slide: kept, but not an edit by the user."""
        slide.thumbnail = thumbnail
        self._emit(Kind.SLIDES, edit=False)

    def show_slide(self, index: int) -> Slide:
        """The slide's layers and time range on the map: navigation, one batch, not an edit. The
        annotations are the caller's (undoable in the window)."""
        slide = self.slides[index]
        with self.batch(edit=False):
            slide.apply_to(self.map)
        return slide

    # --- the project as a whole ---------------------------------------------------------------------
    def to_project(self, folder: Path | None = None) -> Project:
        """The project; user layers' paths relative to `folder` (the project's, by default)."""
        folder = folder or (self.path.parent if self.path else None)
        return Project(map=self.map.to_dict(), title=copy.deepcopy(self.title), language=self.language,
                       style_overrides=copy.deepcopy(self.style_overrides),
                       annotations=self.annotations.to_list(), slides=list(self.slides),
                       user_layers=ul.for_saving(self.user_layers, folder),
                       evidence=copy.deepcopy(self.user_evidence)
                       if any(self.user_evidence.get(p) for p in ue.PARTS) else {},
                       basemap=proj.basemap_for_saving(self.basemap, folder))

    def apply_project(self, project: Project, path: Path | None = None,
                      disk_hash: str | None = None) -> list[str]:
        """Show `project`, all of it as one change; the selection goes, the undo history is the
        caller's. Returns the annotation problems (skipped items)."""
        with self.batch(edit=False):
            self.user_layers = ul.resolved(project.user_layers, Path(path).parent if path else None)
            self._forget_data()
            self._sync_user_layers()  # before the map state: it names the user layers too
            self.map.apply(project.map)
            self.style_overrides = copy.deepcopy(project.style_overrides)
            self._emit(Kind.STYLES, layers=frozenset(self.catalog.ids()))
            problems = self.annotations.replace(list(project.annotations))
            self.set_slides(project.slides)
            self.set_title(project.title)
            self.set_language(project.language)
            self.user_evidence, _warnings = ue.clean(project.evidence)  # (checked on load already)
            self.basemap = proj.basemap_resolved(project.basemap, Path(path).parent if path else None)
            self._emit(Kind.USER_LAYERS, Kind.EVIDENCE, Kind.BASEMAP)
            self.selection = None
            self._emit(Kind.SELECTION)
            self.path, self.disk_hash = path, disk_hash
        self.mark_clean()
        return problems

    def set_basemap(self, entry: dict | None) -> None:
        """Show a tile archive under the map ({"path", "opacity", "visible"}), or none."""
        self.basemap = proj.basemap_entry(copy.deepcopy(entry)) if entry else None
        self._emit(Kind.BASEMAP)

    def mark_clean(self) -> None:
        self.dirty = False
        self._emit(Kind.DIRTY)

    def mark_dirty(self) -> None:
        self.generation += 1
        if not self.dirty:
            self.dirty = True
            self._emit(Kind.DIRTY)

    # --- the file on disk ---------------------------------------------------------------------------
    def changed_on_disk(self, path: Path | None = None) -> bool:
        """True if the file at `path` (the document's own by default) is not what this document
        last read or wrote: another window or program saved it since."""
        path = path or self.path
        if path is None:
            return False
        now = file_hash(path)
        if path != self.path:
            return False  # Save As to another file: the usual overwrite question is the dialog's
        return now is not None and now != self.disk_hash

    def save(self, path: Path) -> None:
        """Write the project to `path` (atomic; ProjectError on failure, nothing changed then)."""
        proj.save(self.to_project(Path(path).parent), path)
        self.path, self.disk_hash = Path(path), file_hash(path)
        self.mark_clean()

    # --- the user's own layers (core/user_layers.py) ------------------------------------------------
    def user_layer(self, layer_id: str) -> dict:
        for entry in self.user_layers:
            if entry["id"] == layer_id:
                return entry
        raise KeyError(layer_id)

    def _data_key(self, layer_id: str) -> str:
        if layer_id not in self._user_keys:
            self._key_seq += 1
            self._user_keys[layer_id] = f"{self._key_prefix}-{self._key_seq}"
        return self._user_keys[layer_id]

    def _forget_data(self, layer_id: str | None = None) -> None:
        """The layer's (or every layer's) data replaced: made again under a new cache key."""
        if layer_id is None:
            self._user_data.clear()
            self._user_keys.clear()
        else:
            self._user_data.pop(layer_id, None)
            self._user_keys.pop(layer_id, None)

    def _sync_user_layers(self) -> None:
        """The catalog and the map state follow `user_layers`: each entry's data made ready (its
        GeoJSON in the cache), a layer whose file is missing or unreadable noted in
        `user_layer_problems` (kept in the project, not drawn)."""
        from .importers import Question, RefusedError
        folder = self.path.parent if self.path else None
        defs = []
        for entry in self.user_layers:
            layer_id = entry["id"]
            try:
                if layer_id not in self._user_data:
                    self._user_data[layer_id] = ul.materialize(entry, folder, self._data_key(layer_id))
                defs.append(ul.layer_def(entry, self._user_data[layer_id]))
                self.user_layer_problems.pop(layer_id, None)
            except (ul.MissingSourceError, RefusedError, Question, OSError, ValueError, KeyError) as exc:
                self.user_layer_problems[layer_id] = str(exc)
        live = {e["id"] for e in self.user_layers}
        self.user_layer_problems = {k: v for k, v in self.user_layer_problems.items() if k in live}
        self.catalog.set_user_layers(defs)
        added, removed = self.map.sync_layers()
        self._emit(Kind.USER_LAYERS, Kind.VISIBLE, Kind.ORDER, layers=frozenset(live | added | removed))

    def add_user_layers(self, entries: list[dict], own: bool = False) -> None:
        """Add imported layers (user_layers.entry_for), shown on top of "My layers". `own`: the
        entries become the document's as they are (made for it: a 100,000-feature layer read from
        the team workspace is not copied); otherwise they are copied."""
        with self.batch():
            self.user_layers.extend(entries if own else copy.deepcopy(entries))
            self._sync_user_layers()

    def update_user_layer(self, layer_id: str, **changes) -> None:
        """Change a user layer's title, style, label, popup, name or time fields."""
        entry = self.user_layer(layer_id)
        allowed = {"title", "style", "label_field", "popup_fields", "name_field", "time_field",
                   "time_end_field"}
        unknown = set(changes) - allowed
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        entry.update(copy.deepcopy(changes))
        with self.batch():
            self._sync_user_layers()

    def remove_user_layer(self, layer_id: str) -> dict:
        entry = self.user_layer(layer_id)
        with self.batch():
            self.user_layers.remove(entry)
            self._forget_data(layer_id)
            self.style_overrides.pop(layer_id, None)
            self._sync_user_layers()
        return entry

    def relocate_user_layer(self, layer_id: str, path: Path) -> None:
        """The file of a layer that moved: read from `path` now (RefusedError if it does not read)."""
        entry = self.user_layer(layer_id)
        trial = copy.deepcopy(entry)
        trial["source"]["path"] = str(Path(path).absolute())
        data = ul.materialize(trial, None)  # raises before anything changes
        entry["source"]["path"] = trial["source"]["path"]
        self._user_data[layer_id] = data
        with self.batch():
            self._sync_user_layers()

    def embed_user_layer(self, layer_id: str) -> None:
        """Keep the layer's data in the project itself (no file needed beside it)."""
        entry = self.user_layer(layer_id)
        if entry.get("data") is None:
            data = self._user_data.get(layer_id)
            if data is None:
                raise FileNotFoundError(self.user_layer_problems.get(layer_id, layer_id))
            from .features import read_feature_collection
            entry["data"] = {"type": "FeatureCollection", "features": read_feature_collection(data)}
            entry.pop("source", None)
            self._forget_data(layer_id)
            with self.batch():
                self._sync_user_layers()

    # --- digitised features and cited sources (core/digitised.py; the evidence issue) ---------------
    def _features_changed(self, layer_id: str, ops: list[tuple[str, str]], fields_before: list) -> None:
        """Single features of an embedded layer were put or removed (`ops`: ("put" | "remove",
        feature id)): its cache file is written again in place and one USER_FEATURES change goes
        out, so the page and the feature store patch those features and nothing is rebuilt. A new
        attribute field, or a layer crossing the big-layer size, rebuilds the layer."""
        entry = self.user_layer(layer_id)
        before, entry["count"] = int(entry.get("count") or 0), len(entry["data"]["features"])
        same_kind = (before > ul.BIG) == (entry["count"] > ul.BIG)
        if layer_id in self._user_data and same_kind and entry.get("popup_fields") == fields_before:
            folder = self.path.parent if self.path else None
            ul.materialize(entry, folder, self._data_key(layer_id), rewrite=True)
            self._emit(Kind.USER_FEATURES, layers=frozenset({layer_id}),
                       features=tuple((layer_id, op, str(fid)) for op, fid in ops))
            return
        self._forget_data(layer_id)  # its GeoJSON made again from the embedded data
        with self.batch():
            self._sync_user_layers()

    def _editable(self, layer_id: str) -> dict:
        """The layer's entry, its data embedded first (a layer read from a file: the file is not
        touched, the project keeps the data from now on)."""
        entry = self.user_layer(layer_id)
        if entry.get("data") is None:
            self.embed_user_layer(layer_id)
        return entry

    def add_user_feature(self, layer_id: str, feature: dict, index: int | None = None) -> None:
        """Add a feature ({"properties": {"id": ...}, "geometry": ...}) to a user layer."""
        entry = self._editable(layer_id)
        features, fields = entry["data"]["features"], entry.get("popup_fields")
        features.insert(len(features) if index is None else index, copy.deepcopy(feature))
        entry["popup_fields"] = dg.fields_of(entry)
        self._features_changed(layer_id, [("put", feature["properties"]["id"])], fields)

    def replace_user_feature(self, layer_id: str, feature: dict) -> dict:
        """Put `feature` in place of the one with its id; returns the one it replaced."""
        entry = self._editable(layer_id)
        at, fields = dg.feature_index(entry, feature["properties"]["id"]), entry.get("popup_fields")
        before = entry["data"]["features"][at]
        entry["data"]["features"][at] = copy.deepcopy(feature)
        entry["popup_fields"] = dg.fields_of(entry)
        self._features_changed(layer_id, [("put", feature["properties"]["id"])], fields)
        return before

    def remove_user_feature(self, layer_id: str, feature_id: str) -> tuple[dict, int]:
        """Remove a feature; returns it and where it was (for undo)."""
        entry = self._editable(layer_id)
        at = dg.feature_index(entry, feature_id)
        feature = entry["data"]["features"].pop(at)
        with self.batch():
            if self.selection == Selection(layer_id, str(feature_id)):
                self.clear_selection()
            self._features_changed(layer_id, [("remove", feature_id)], entry.get("popup_fields"))
        return feature, at

    def patch_user_layer(self, layer_id: str, put: list[dict], remove: set[str] | list[str] = (),
                         workspace: dict | None = None, edit: bool = False) -> bool:
        """Some features of a user layer changed elsewhere (a colleague's rows read from the team
        workspace): `put` features (each with its `properties.id`) replace those with their id or
        are added, `remove` ids go; `workspace` is the layer's new link to the server. The features
        become the document's (not copied). `edit` False: not an unsaved change. Returns whether
        any feature changed."""
        entry = self._editable(layer_id)
        ops, gone = ul.patch_features(entry["data"]["features"], put, remove)
        if workspace is not None:
            entry["workspace"] = workspace
        if ops:
            with self.batch(edit=edit):
                if self.selection is not None and self.selection.layer == layer_id \
                        and self.selection.feature in gone:
                    self.clear_selection()
                self._features_changed(layer_id, ops, entry.get("popup_fields"))
        return bool(ops)

    def set_user_layer_fields(self, layer_id: str, fields: list[str]) -> None:
        """The attribute fields a user layer shows (a field added in the attribute form)."""
        entry = self.user_layer(layer_id)
        entry["popup_fields"] = dg.check_fields(fields)
        with self.batch():
            self._sync_user_layers()

    def cites(self, target: str) -> list[str]:
        return dg.cites_of(self.user_evidence, target)

    def set_cites(self, target: str, ids: list[str]) -> None:
        """The sources cited for a layer ("<layer_id>") or a feature ("<layer_id>/<feature_id>");
        an empty list removes the entry."""
        ids = list(dict.fromkeys(str(i) for i in ids))
        cites = self.user_evidence.setdefault("cites", {})
        if ids == cites.get(target, []):
            return
        self.user_evidence.setdefault("version", 1)
        if ids:
            cites[target] = ids
        else:
            cites.pop(target, None)
        self._evidence_changed(sources=False)

    # --- the analyst's own evidence (core/user_evidence.py; the window wraps each in an undo step) ---
    @property
    def user_evidence(self) -> dict:
        return self._user_evidence

    @user_evidence.setter
    def user_evidence(self, value: dict) -> None:
        self._user_evidence = value
        self._evidence = None  # the combined view is made again from it when next read

    @property
    def evidence(self) -> ue.Evidence:
        """The shipped claims and bibliography with the user's: what every panel reads."""
        if self._shipped is None:
            from .evidence import load_evidence
            self._shipped = load_evidence(self.catalog.folder)
        if self._evidence is None:
            self._evidence = ue.combine(*self._shipped[:2], self.user_evidence, self._shipped[2])
        return self._evidence

    def _evidence_changed(self, sources: bool) -> None:
        old = self._evidence
        self._evidence = None
        if old is not None and not sources:  # the same sources: keep the bibliography object
            self._evidence = ue.combine(*self._shipped[:2], self.user_evidence, self._shipped[2],
                                        bibliography=old.bibliography)
        self._emit(Kind.EVIDENCE)

    def add_source(self, item: dict, index: int | None = None) -> str:
        """Keep a source (ValueError with the reason if it breaks the rules); returns its id."""
        kept = ue.checked_source(item, self.evidence.bibliography)
        sources = self.user_evidence.setdefault("sources", [])
        sources.insert(len(sources) if index is None else index, kept)
        self._evidence_changed(sources=True)
        return kept["id"]

    def update_source(self, item_id: str, item: dict) -> dict:
        """Replace a source of the user's (same id); returns what it was."""
        i = ue.find(self.user_evidence, "sources", item_id)
        kept = ue.checked_source({**item, "id": item_id}, self.evidence.bibliography, replacing=item_id)
        old, self.user_evidence["sources"][i] = self.user_evidence["sources"][i], kept
        self._evidence_changed(sources=True)
        return old

    def remove_source(self, item_id: str) -> tuple[int, dict]:
        """Remove a source nothing of the user's cites (no figure, no layer or feature): ValueError
        otherwise, so no citation is left pointing at nothing."""
        i = ue.find(self.user_evidence, "sources", item_id)
        users = ue.citing_claims(self.user_evidence, item_id) + ue.citing_targets(self.user_evidence, item_id)
        if users:
            raise ue.EvidenceError(f"the source '{item_id}' is cited by {len(users)} figure(s), layer(s) or "
                                   f"feature(s): {', '.join(users[:5])}", "source-cited", source=item_id,
                                   figures=len(ue.citing_claims(self.user_evidence, item_id)),
                                   targets=len(ue.citing_targets(self.user_evidence, item_id)))
        old = self.user_evidence["sources"].pop(i)
        self._evidence_changed(sources=True)
        return i, old

    def add_claim(self, claim: dict, index: int | None = None) -> str:
        """Keep a figure (ValueError with the reason if it breaks the rules); returns its id."""
        ev = self.evidence
        kept = ue.checked_claim(claim, ev.bibliography, (c.claim_id for c in ev.claims))
        claims = self.user_evidence.setdefault("claims", [])
        claims.insert(len(claims) if index is None else index, kept)
        self._evidence_changed(sources=False)
        return kept["claim_id"]

    def update_claim(self, claim_id: str, claim: dict) -> dict:
        i = ue.find(self.user_evidence, "claims", claim_id)
        ev = self.evidence
        kept = ue.checked_claim({**claim, "claim_id": claim_id}, ev.bibliography,
                                (c.claim_id for c in ev.claims), replacing=claim_id)
        old, self.user_evidence["claims"][i] = self.user_evidence["claims"][i], kept
        self._evidence_changed(sources=False)
        return old

    def remove_claim(self, claim_id: str) -> tuple[int, dict]:
        i = ue.find(self.user_evidence, "claims", claim_id)
        old = self.user_evidence["claims"].pop(i)
        self._evidence_changed(sources=False)
        return i, old

    def add_indicator(self, indicator: dict, index: int | None = None) -> str:
        """A new indicator with its labels in kk/ru/en and its unit; returns its id."""
        kept = ue.checked_indicator(indicator, self.evidence.indicator_ids())
        indicators = self.user_evidence.setdefault("indicators", [])
        indicators.insert(len(indicators) if index is None else index, kept)
        self._evidence_changed(sources=False)
        return kept["id"]

    def remove_indicator(self, indicator_id: str) -> tuple[int, dict]:
        i = ue.find(self.user_evidence, "indicators", indicator_id)
        if any(c.get("indicator") == indicator_id for c in self.user_evidence.get("claims", [])):
            raise ue.EvidenceError(f"the indicator '{indicator_id}' is used by a figure", "indicator-used",
                                   indicator=indicator_id)
        old = self.user_evidence["indicators"].pop(i)
        self._evidence_changed(sources=False)
        return i, old
    def set_user_layer_data(self, layer_id: str, data: dict, workspace: dict | None = None,
                            edit: bool = False) -> None:
        """New features for a user layer, kept in the project (a team workspace layer opened,
        refreshed by a colleague's change or published: `workspace` is its link to the server).
        `data` (a FeatureCollection) becomes the document's; `edit` False: not an unsaved change
        (the server holds the truth, the project a copy). `data` and `workspace` become the
        document's (not copied: a 100,000-feature layer)."""
        entry = self.user_layer(layer_id)
        entry["data"] = data
        entry.pop("source", None)
        entry["count"] = len(data.get("features") or [])
        if workspace is not None:
            entry["workspace"] = workspace
        self._forget_data(layer_id)
        with self.batch(edit=edit):
            self._sync_user_layers()
