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

from . import project as proj
from . import project_links as links
from . import user_evidence as ue
from . import user_layers as ul
from .annotations import Annotations
from .catalog import Catalog
from .document_evidence import EvidencePart
from .document_layers import UserLayersPart
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


class AtlasDocument(UserLayersPart, EvidencePart):
    """The document; its user-layer and evidence methods are in document_layers.py and
    document_evidence.py (parts of this one class: one owner of the state set up here)."""

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
        self.basemap: dict | None = None      # the user's tile archive (project_links.basemap_entry)
        # the lecture in a team workspace this project is (project_links.lecture_link; ui/team_lecture.py)
        self.lecture_link: dict | None = None
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
                       basemap=links.basemap_for_saving(self.basemap, folder),
                       lecture=copy.deepcopy(self.lecture_link))

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
            self.basemap = links.basemap_resolved(project.basemap, Path(path).parent if path else None)
            self.lecture_link = copy.deepcopy(project.lecture)
            self._emit(Kind.USER_LAYERS, Kind.EVIDENCE, Kind.BASEMAP)
            self.selection = None
            self._emit(Kind.SELECTION)
            self.path, self.disk_hash = path, disk_hash
        self.mark_clean()
        return problems

    def set_basemap(self, entry: dict | None) -> None:
        """Show a tile archive under the map ({"path", "opacity", "visible"}), or none."""
        self.basemap = links.basemap_entry(copy.deepcopy(entry)) if entry else None
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
