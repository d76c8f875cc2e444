"""The user's annotations: text labels, arrows, lines, areas, rectangles and markers with notes.

Each annotation is a GeoJSON Feature in lon/lat (EPSG:4326):

    {"type": "Feature", "id": "a1", "geometry": {...},
     "properties": {"kind": "text|arrow|line|area|rect|marker", "text": str, "note": str,
                    "color": "#rrggbb", "width": float, "font_size": int, "fill_opacity": float}}

The collection is plain Python (no Qt): the window edits it through undo commands, the page draws
it, projects save `to_list()` and load with `replace()`. Items come from files and from the page,
so they are untrusted: a bad item is skipped and reported, never raised.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Callable, Iterable

from .events import Change, Events, Kind, change

KINDS = ("text", "arrow", "line", "area", "rect", "marker")
POINT_KINDS = ("text", "marker")
LINE_KINDS = ("arrow", "line")
COLOR = re.compile(r"^#[0-9a-fA-F]{6}\Z")  # \Z: "$" would let a trailing newline through
MAX_TEXT = 2000
MAX_POINTS = 5000
DEFAULTS = {"text": "", "note": "", "color": "#d62728", "width": 3.0, "font_size": 14, "fill_opacity": 0.25}
LIMITS = {"width": (0.5, 20.0), "font_size": (6, 72), "fill_opacity": (0.0, 1.0)}

# (what: "add" | "update" | "remove" | "all", annotation id or "")
Listener = Callable[[Change], None]


class AnnotationError(ValueError):
    """An annotation that cannot be used; the message says why."""


def _position(raw: object) -> list[float]:
    if not isinstance(raw, list | tuple) or len(raw) < 2:
        raise AnnotationError("a position must be [lon, lat]")
    lon, lat = raw[0], raw[1]
    if not all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat)
    ):
        raise AnnotationError("a position must hold two finite numbers")
    if not (-540 <= lon <= 540 and -90 <= lat <= 90):
        raise AnnotationError(f"position {lon}, {lat} is outside the world")
    return [float(lon), float(lat)]


def _positions(raw: object, least: int) -> list[list[float]]:
    if not isinstance(raw, list) or not least <= len(raw) <= MAX_POINTS:
        raise AnnotationError(f"needs between {least} and {MAX_POINTS} positions")
    return [_position(p) for p in raw]


def _geometry(kind: str, raw: object) -> dict:
    if not isinstance(raw, dict):
        raise AnnotationError("has no geometry")
    gtype, coords = raw.get("type"), raw.get("coordinates")
    if kind in POINT_KINDS:
        if gtype != "Point":
            raise AnnotationError(f"a {kind} needs a Point geometry")
        return {"type": "Point", "coordinates": _position(coords)}
    if kind in LINE_KINDS:
        if gtype != "LineString":
            raise AnnotationError(f"a {kind} needs a LineString geometry")
        return {"type": "LineString", "coordinates": _positions(coords, 2)}
    if gtype != "Polygon" or not isinstance(coords, list) or not coords:
        raise AnnotationError(f"an {kind} needs a Polygon geometry")
    ring = _positions(coords[0], 3)
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    if len(ring) < 4:
        raise AnnotationError("a polygon needs at least three corners")
    return {"type": "Polygon", "coordinates": [ring]}


def _number(props: dict, key: str) -> float:
    value = props.get(key, DEFAULTS[key])
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise AnnotationError(f"'{key}' must be a number")
    low, high = LIMITS[key]
    return min(high, max(low, value))


def clean_list(items: list) -> tuple[list[dict], list[tuple[int, str]]]:
    """The usable annotations of a list, normalised, and (index, reason) for each one skipped."""
    clean: list[dict] = []
    skipped: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        try:
            ann = normalise(item, fallback_id=f"a{i + 1}")
        except AnnotationError as exc:
            skipped.append((i, str(exc)))
            continue
        if ann["id"] in seen:
            skipped.append((i, f"id '{ann['id']}' is used twice"))
            continue
        seen.add(ann["id"])
        clean.append(ann)
    return clean, skipped


def normalise(item: object, fallback_id: str = "") -> dict:
    """A clean copy of one annotation, with defaults filled in; AnnotationError if unusable."""
    if not isinstance(item, dict) or item.get("type") != "Feature":
        raise AnnotationError("is not a GeoJSON Feature")
    props = item.get("properties")
    if not isinstance(props, dict):
        raise AnnotationError("has no properties")
    kind = props.get("kind")
    if kind not in KINDS:
        raise AnnotationError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    ann_id = item.get("id", fallback_id)
    if not isinstance(ann_id, str | int) or isinstance(ann_id, bool) or not str(ann_id).strip():
        raise AnnotationError("has no id")
    ann_id = str(ann_id)[:64]
    texts = {}
    for key in ("text", "note"):
        value = props.get(key, "")
        if not isinstance(value, str):
            raise AnnotationError(f"'{key}' must be text")
        texts[key] = value[:MAX_TEXT]
    color = props.get("color", DEFAULTS["color"])
    if not isinstance(color, str) or not COLOR.match(color):
        raise AnnotationError(f"colour {color!r} is not #rrggbb")
    return {
        "type": "Feature",
        "id": ann_id,
        "geometry": _geometry(kind, item.get("geometry")),
        "properties": {
            "kind": kind,
            **texts,
            "color": color.lower(),
            "width": float(_number(props, "width")),
            "font_size": int(round(_number(props, "font_size"))),
            "fill_opacity": float(_number(props, "fill_opacity")),
        },
    }


def make(kind: str, geometry: dict, ann_id: str = "", **props) -> dict:
    """A new annotation of `kind` (defaults for every style not given); raises AnnotationError."""
    return normalise(
        {
            "type": "Feature",
            "id": ann_id or "new",
            "geometry": geometry,
            "properties": {**DEFAULTS, **props, "kind": kind},
        }
    )


class Annotations:
    """An ordered collection of annotations (drawn in order: later on top), with listeners."""

    def __init__(self, items: Iterable[dict] = (), events: Events | None = None):
        self._items: list[dict] = []
        self._at: dict[str, int] | None = None  # id -> position, made again after an add or remove
        self.events = events or Events()
        self._counter = 0
        if items:
            self.replace(list(items))

    # --- observers ---------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self.events.connect(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self.events.disconnect(listener)

    def _emit(self, what: str, ann_id: str) -> None:
        """`what`: add | update | remove | all; the page applies exactly that (not the list)."""
        self.events.emit(change(Kind.ANNOTATIONS, annotations=((what, ann_id),)))

    # --- reading ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return iter(self.to_list())

    def _positions(self) -> dict[str, int]:
        # 10,000 annotations: a scan per edit cost ~1.5 ms; an edit that keeps the order keeps this
        if self._at is None:
            self._at = {item["id"]: i for i, item in enumerate(self._items)}
        return self._at

    def __contains__(self, ann_id: object) -> bool:
        return ann_id in self._positions()

    def ids(self) -> list[str]:
        return [item["id"] for item in self._items]

    def get(self, ann_id: str) -> dict:
        at = self._positions().get(ann_id)
        if at is None:
            raise KeyError(ann_id)
        return copy.deepcopy(self._items[at])

    def index(self, ann_id: str) -> int:
        at = self._positions().get(ann_id)
        if at is None:
            raise ValueError(f"{ann_id!r} is not an annotation here")
        return at

    def to_list(self) -> list[dict]:
        return copy.deepcopy(self._items)

    def new_id(self) -> str:
        taken = set(self.ids())
        while True:
            self._counter += 1
            candidate = f"a{self._counter}"
            if candidate not in taken:
                return candidate

    # --- editing ------------------------------------------------------------------------------
    def replace(self, items: object) -> list[str]:
        """Take a whole list (from a project or a slide); returns one problem line per skipped item."""
        if isinstance(items, list):
            self._at = None
            self._items, skipped = clean_list(items)
            problems = [f"annotation {i + 1}: {reason}; skipped" for i, reason in skipped]
        else:
            self._at = None
            self._items, problems = [], ["annotations: not a list; none loaded"]
        self._emit("all", "")
        return problems

    def add(self, item: dict, index: int | None = None) -> str:
        """Add one annotation (a fresh id if it has none or a taken one); returns its id."""
        ann = normalise(item, fallback_id="new")
        if ann["id"] in self or ann["id"] == "new":
            ann["id"] = self.new_id()
        if index is None or not 0 <= index <= len(self._items):
            self._items.append(ann)
            if self._at is not None:
                self._at[ann["id"]] = len(self._items) - 1
        else:
            self._items.insert(index, ann)
            self._at = None
        self._emit("add", ann["id"])
        return ann["id"]

    def update(self, item: dict) -> None:
        """Replace the annotation with this item's id (geometry and/or style changed)."""
        ann = normalise(item)
        i = self.index(ann["id"])  # ValueError if unknown
        if self._items[i] != ann:
            self._items[i] = ann
            self._emit("update", ann["id"])

    def remove(self, ann_id: str) -> dict:
        i = self.index(ann_id)
        item = self._items.pop(i)
        self._at = None
        self._emit("remove", ann_id)
        return item

    def clear(self) -> None:
        self.replace([])


def with_style(item: dict, **style) -> dict:
    """A copy of `item` with some properties changed (colour, width, font size, opacity, text)."""
    out = copy.deepcopy(item)
    out["properties"].update(style)
    return normalise(out)
