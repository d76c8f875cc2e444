"""What the map shows: layer order, visibility, opacity, the view and the time filter. No Qt.

A part of the AtlasDocument (core/document.py), which owns it: its changes go out on the
document's event stream as typed `Change`s (core/events.py), batched with the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .events import Change, Events, Kind, change

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


Listener = Callable[[Change], None]


class MapState:
    def __init__(self, catalog: Catalog, events: Events | None = None):
        self.catalog = catalog
        self.layers: list[LayerState] = [
            LayerState(i, catalog.layer(i).visible) for i in catalog.default_order()
        ]  # top of the drawing first
        self.view = View()
        # Year range (first, last) shown by dated layers; None = no time filter.
        self.time_range: tuple[int, int] | None = None
        # The user's annotations are drawn above every layer; this shows or hides all of them.
        self.annotations_visible = True
        self.events = events or Events()

    def subscribe(self, listener: Listener) -> None:
        self.events.connect(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self.events.disconnect(listener)

    def _emit(self, kind: Kind, layer_id: str = "") -> None:
        self.events.emit(change(kind, layers=frozenset({layer_id}) if layer_id else frozenset()))

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
            self._emit(Kind.VISIBLE, layer_id)

    def set_opacity(self, layer_id: str, opacity: float) -> None:
        state = self.get(layer_id)
        opacity = min(1.0, max(0.0, float(opacity)))
        if abs(state.opacity - opacity) > 1e-6:
            state.opacity = opacity
            self._emit(Kind.OPACITY, layer_id)

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
        self._emit(Kind.ORDER, layer_id)

    def sync_layers(self) -> tuple[set[str], set[str]]:
        """Follow the catalog's layers (the user's come and go): a new layer goes on top of its
        group, shown; a layer gone is dropped. Returns (added, removed); the caller emits."""
        known = {s.id for s in self.layers}
        ids = self.catalog.ids()
        removed = known - set(ids)
        self.layers = [s for s in self.layers if s.id not in removed]
        added = [i for i in self.catalog.default_order() if i not in known]
        for layer_id in reversed(added):
            group = self.catalog.layer(layer_id).group
            at = next((n for n, s in enumerate(self.layers) if self.catalog.layer(s.id).group == group),
                      None)
            if at is None:
                rank = {g.id: i for i, g in enumerate(self.catalog.groups)}
                mine = rank.get(group, 99)
                at = next((n for n, s in enumerate(self.layers)
                           if rank.get(self.catalog.layer(s.id).group, 99) > mine), len(self.layers))
            self.layers.insert(at, LayerState(layer_id, self.catalog.layer(layer_id).visible))
        return set(added), removed

    def set_time_range(self, time_range: tuple[int, int] | None) -> None:
        time_range = check_years(list(time_range) if time_range is not None else None, "time range")
        if time_range != self.time_range:
            self.time_range = time_range
            self._emit(Kind.TIME)

    def set_annotations_visible(self, visible: bool) -> None:
        if self.annotations_visible != bool(visible):
            self.annotations_visible = bool(visible)
            self._emit(Kind.ANNOTATIONS_VISIBLE)

    def apply(self, saved: dict) -> None:
        """Take visibility, opacity, order, view and time range from a saved dict (to_dict()'s
        form); unknown ids are ignored. ValueError, before anything changes, if it is malformed."""
        saved = check_saved(saved)
        known = {s.id: s for s in self.layers}
        saved_rank = {layer_id: i for i, layer_id in enumerate(saved["order"])}
        group_rank = {g.id: i for i, g in enumerate(self.catalog.groups)}
        default_rank = {s.id: i for i, s in enumerate(self.layers)}
        # Groups keep their panel order; inside a group the saved order wins, and layers the saved
        # state does not know (added since) follow in their default order.
        self.layers.sort(key=lambda s: (group_rank.get(self.catalog.layer(s.id).group, 99),
                                        s.id not in saved_rank,
                                        saved_rank.get(s.id, default_rank[s.id])))
        for layer_id, entry in saved["layers"].items():
            if layer_id in known:
                known[layer_id].visible, known[layer_id].opacity = entry["visible"], entry["opacity"]
        if "view" in saved:
            self.view = View(**saved["view"])
        self.time_range = tuple(saved["time_range"]) if saved["time_range"] else None
        self.annotations_visible = saved["annotations_visible"]
        self.events.emit(change(Kind.VISIBLE, Kind.OPACITY, Kind.ORDER, Kind.VIEW, Kind.TIME,
                                Kind.ANNOTATIONS_VISIBLE, layers=frozenset(known)))

    def set_view(self, lat: float, lon: float, zoom: float, from_page: bool = False) -> None:
        """The view; `from_page` when the page reports where the user moved it (not sent back)."""
        view = View(check_number(lat, "lat"), check_number(lon, "lon"), check_number(zoom, "zoom"))
        if view != self.view:
            self.view = view
            self.events.emit(change(Kind.VIEW, from_page=from_page))

    def to_dict(self) -> dict:
        return {
            "order": self.order(),
            "layers": {s.id: {"visible": s.visible, "opacity": s.opacity} for s in self.layers},
            "view": {"lat": self.view.lat, "lon": self.view.lon, "zoom": self.view.zoom},
            "time_range": list(self.time_range) if self.time_range else None,
            "annotations_visible": self.annotations_visible,
        }


# --- reading a saved state (settings, project files): checked whole before anything changes --------
def check_number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{where} must be a number")
    return float(value)


def check_years(value: Any, where: str) -> tuple[int, int] | None:
    """A year range as (first, last), or None (no time filter)."""
    if value is None:
        return None
    if (not isinstance(value, list | tuple) or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        raise ValueError(f"{where} must be null or two whole years")
    first, last = sorted(value)
    if not (-10_000 <= first and last <= 10_000):
        raise ValueError(f"{where} must lie between the years -10000 and 10000")
    return (first, last)


def check_ids(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of layer ids")
    return list(value)


def check_saved(value: Any, where: str = "map") -> dict:
    """A map state as MapState.to_dict() writes it, checked; ValueError names the bad field."""
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be a table")
    out: dict = {"order": check_ids(value.get("order", []), f"{where}.order")}
    layers = value.get("layers", {})
    if not isinstance(layers, dict):
        raise ValueError(f"{where}.layers must be a table of layer id -> settings")
    out["layers"] = {}
    for layer_id, entry in layers.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("visible", True), bool):
            raise ValueError(f"{where}.layers.{layer_id} must have a true/false 'visible'")
        opacity = check_number(entry.get("opacity", 1.0), f"{where}.layers.{layer_id}.opacity")
        if not 0 <= opacity <= 1:
            raise ValueError(f"{where}.layers.{layer_id}.opacity must be between 0 and 1")
        out["layers"][layer_id] = {"visible": entry.get("visible", True), "opacity": opacity}
    view = value.get("view")
    if view is not None:
        if not isinstance(view, dict):
            raise ValueError(f"{where}.view must be a table with lat, lon and zoom")
        lat = check_number(view.get("lat"), f"{where}.view.lat")
        lon = check_number(view.get("lon"), f"{where}.view.lon")
        zoom = check_number(view.get("zoom"), f"{where}.view.zoom")
        if not (-90 <= lat <= 90 and 0 <= zoom <= 24):
            raise ValueError(f"{where}.view is out of range (lat -90..90, zoom 0..24)")
        out["view"] = {"lat": lat, "lon": lon, "zoom": zoom}
    span = check_years(value.get("time_range"), f"{where}.time_range")
    out["time_range"] = list(span) if span else None
    shown = value.get("annotations_visible", True)
    if not isinstance(shown, bool):
        raise ValueError(f"{where}.annotations_visible must be true or false")
    out["annotations_visible"] = shown
    return out
