"""The atlas document: everything a project saves, plus the selection and the unsaved flag. No Qt.

One owner for this state (QGIS's QgsProject, napari's ViewerModel): the layer panel, the page, the
panels, the project files and the settings are views or adapters of it. Its parts (the map state,
the annotations) emit on the document's one event stream; `batch()` makes many changes one
notification (a project opened, a slide shown).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import project as proj
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
        self.user_evidence: dict = {}         # the analyst's sources and claims (the evidence issue)
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
                       evidence=copy.deepcopy(self.user_evidence))

    def apply_project(self, project: Project, path: Path | None = None,
                      disk_hash: str | None = None) -> list[str]:
        """Show `project`, all of it as one change; the selection goes, the undo history is the
        caller's. Returns the annotation problems (skipped items)."""
        with self.batch(edit=False):
            self.user_layers = ul.resolved(project.user_layers, Path(path).parent if path else None)
            self._user_data.clear()
            self._sync_user_layers()  # before the map state: it names the user layers too
            self.map.apply(project.map)
            self.style_overrides = copy.deepcopy(project.style_overrides)
            self._emit(Kind.STYLES, layers=frozenset(self.catalog.ids()))
            problems = self.annotations.replace(list(project.annotations))
            self.set_slides(project.slides)
            self.set_title(project.title)
            self.set_language(project.language)
            self.user_evidence = copy.deepcopy(project.evidence)
            self._emit(Kind.USER_LAYERS, Kind.EVIDENCE)
            self.selection = None
            self._emit(Kind.SELECTION)
            self.path, self.disk_hash = path, disk_hash
        self.mark_clean()
        return problems

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
                    self._user_data[layer_id] = ul.materialize(entry, folder)
                defs.append(ul.layer_def(entry, self._user_data[layer_id]))
                self.user_layer_problems.pop(layer_id, None)
            except (ul.MissingSourceError, RefusedError, Question, OSError, ValueError, KeyError) as exc:
                self.user_layer_problems[layer_id] = str(exc)
        live = {e["id"] for e in self.user_layers}
        self.user_layer_problems = {k: v for k, v in self.user_layer_problems.items() if k in live}
        self.catalog.set_user_layers(defs)
        added, removed = self.map.sync_layers()
        self._emit(Kind.USER_LAYERS, Kind.VISIBLE, Kind.ORDER, layers=frozenset(live | added | removed))

    def add_user_layers(self, entries: list[dict]) -> None:
        """Add imported layers (user_layers.entry_for), shown on top of "My layers"."""
        with self.batch():
            self.user_layers.extend(copy.deepcopy(entries))
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
            self._user_data.pop(layer_id, None)
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
            self._user_data.pop(layer_id, None)
            with self.batch():
                self._sync_user_layers()

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
        self._user_data.pop(layer_id, None)
        with self.batch(edit=edit):
            self._sync_user_layers()
