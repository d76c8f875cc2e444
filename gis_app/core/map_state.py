"""What the map shows: layer order, visibility, opacity and the view. One object, no Qt.

The layer panel edits it, the page follows it, and projects (later) save it. Observers register a
callback and are told which layer changed and how.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalog import Catalog

# The default view: Central Asia with the Fergana valley near the centre.
DEFAULT_CENTER = (42.0, 66.0)
DEFAULT_ZOOM = 5.0


@dataclass
class LayerState:
    id: str
    visible: bool
    opacity: float = 1.0


@dataclass
class View:
    lat: float = DEFAULT_CENTER[0]
    lon: float = DEFAULT_CENTER[1]
    zoom: float = DEFAULT_ZOOM


# (what changed: "visible" | "opacity" | "order" | "time" | "annotations" | "all", layer id or "")
Listener = Callable[[str, str], None]


class MapState:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.layers: list[LayerState] = [
            LayerState(i, catalog.layer(i).visible) for i in catalog.default_order()
        ]  # top of the drawing first
        self.view = View()
        # Year range (first, last) shown by dated layers; None = no time filter.
        self.time_range: tuple[int, int] | None = None
        # The user's annotations are drawn above every layer; this shows or hides all of them.
        self.annotations_visible = True
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, what: str, layer_id: str) -> None:
        for listener in list(self._listeners):
            listener(what, layer_id)

    def get(self, layer_id: str) -> LayerState:
        for state in self.layers:
            if state.id == layer_id:
                return state
        raise KeyError(layer_id)

    def order(self) -> list[str]:
        return [s.id for s in self.layers]

    def visible_ids(self) -> list[str]:
        return [s.id for s in self.layers if s.visible]

    def set_visible(self, layer_id: str, visible: bool) -> None:
        state = self.get(layer_id)
        if state.visible != visible:
            state.visible = visible
            self._emit("visible", layer_id)

    def set_opacity(self, layer_id: str, opacity: float) -> None:
        state = self.get(layer_id)
        opacity = min(1.0, max(0.0, float(opacity)))
        if abs(state.opacity - opacity) > 1e-6:
            state.opacity = opacity
            self._emit("opacity", layer_id)

    def move_within_group(self, layer_id: str, new_index: int) -> None:
        """Move a layer to position `new_index` among its group's layers (0 = top)."""
        group = self.catalog.layer(layer_id).group
        members = [s for s in self.layers if self.catalog.layer(s.id).group == group]
        moving = self.get(layer_id)
        if moving not in members or not 0 <= new_index < len(members):
            raise IndexError(new_index)
        slots = [self.layers.index(s) for s in members]
        members.remove(moving)
        members.insert(new_index, moving)
        for slot, state in zip(slots, members, strict=True):
            self.layers[slot] = state
        self._emit("order", layer_id)

    def set_time_range(self, time_range: tuple[int, int] | None) -> None:
        if time_range is not None:
            first, last = sorted((int(time_range[0]), int(time_range[1])))
            time_range = (first, last)
        if time_range != self.time_range:
            self.time_range = time_range
            self._emit("time", "")

    def set_annotations_visible(self, visible: bool) -> None:
        if self.annotations_visible != bool(visible):
            self.annotations_visible = bool(visible)
            self._emit("annotations", "")

    def apply(self, saved: dict) -> None:
        """Take visibility, opacity, order and view from a saved dict; unknown ids are ignored."""
        known = {s.id: s for s in self.layers}
        saved_rank = {layer_id: i for i, layer_id in enumerate(saved.get("order", []))}
        group_rank = {g.id: i for i, g in enumerate(self.catalog.groups)}
        default_rank = {s.id: i for i, s in enumerate(self.layers)}
        # Groups keep their panel order; inside a group the saved order wins, and layers the saved
        # state does not know (added since) follow in their default order.
        self.layers.sort(key=lambda s: (group_rank.get(self.catalog.layer(s.id).group, 99),
                                        s.id not in saved_rank,
                                        saved_rank.get(s.id, default_rank[s.id])))
        for layer_id, entry in saved.get("layers", {}).items():
            if layer_id in known:
                known[layer_id].visible = bool(entry.get("visible", known[layer_id].visible))
                known[layer_id].opacity = min(1.0, max(0.0, float(entry.get("opacity", 1.0))))
        view = saved.get("view")
        if view:
            self.view = View(float(view["lat"]), float(view["lon"]), float(view["zoom"]))
        if "time_range" in saved:
            span = saved["time_range"]
            self.time_range = tuple(sorted((int(span[0]), int(span[1])))) if span else None
        if "annotations_visible" in saved:
            self.annotations_visible = bool(saved["annotations_visible"])
        self._emit("all", "")

    def to_dict(self) -> dict:
        return {
            "order": self.order(),
            "layers": {s.id: {"visible": s.visible, "opacity": s.opacity} for s in self.layers},
            "view": {"lat": self.view.lat, "lon": self.view.lon, "zoom": self.view.zoom},
            "time_range": list(self.time_range) if self.time_range else None,
            "annotations_visible": self.annotations_visible,
        }
