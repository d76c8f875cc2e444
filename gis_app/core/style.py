"""How a layer's style applies to one feature: category overrides, choropleth classes, the point
symbol. The map page applies the same rules in resources/web/atlas.js (resolvedStyle, classColor,
symbolShape); tests/rules_cases.json holds the cases both sides must agree on, and the print
legend (gis_app/render/legend.py) builds its classes from class_bounds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from .catalog_schema import SYMBOLS

NO_DATA = "#dddddd"


def category_key(value: object) -> str:
    """A property value as a key of `categories.values`, written as the page writes it
    (JavaScript's String(value)): 2 and 2.0 -> "2", True -> "true", None -> "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value)


def class_value(value: object) -> float | None:
    """The number a choropleth classifies: a finite number or numeric text; None means no data."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and value.strip():
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def class_color(spec: Mapping, value: object) -> str:
    """The fill of a choropleth class: colors[i] for breaks[i-1] <= value < breaks[i] (the last
    colour from the last break up), `no_data` when the value is not a number."""
    number = class_value(value)
    if number is None:
        return spec.get("no_data") or NO_DATA
    breaks = list(spec.get("breaks", []))
    for i, limit in enumerate(breaks):
        if number < limit:
            return spec["colors"][i]
    return spec["colors"][len(breaks)]


def class_bounds(spec: Mapping) -> list[tuple[float | None, float | None]]:
    """(low, high) of each class, in the order of `colors`; None = open end (the legend's labels)."""
    bounds = [None, *spec.get("breaks", []), None]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def resolved_style(style: Mapping, props: Mapping, override: Mapping | None = None) -> dict:
    """The style one feature is drawn with: the layer's base style, its category's override, its
    choropleth class's fill, then the project's style override on top."""
    out = {k: v for k, v in style.items() if k not in ("categories", "choropleth")}
    categories = style.get("categories")
    if categories and categories.get("values"):
        chosen = categories["values"].get(category_key(props.get(categories.get("property"))))
        if chosen:
            out.update(chosen)
    choropleth = style.get("choropleth")
    if choropleth:
        out["fill"] = class_color(choropleth, props.get(choropleth.get("property")))
    out.update(override or {})
    return out


def symbol_shape(style: Mapping) -> str:
    """The point symbol drawn: one of SYMBOLS; anything else is drawn as a circle."""
    shape = style.get("symbol") or "circle"
    return shape if shape in SYMBOLS else "circle"


def symbol_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """The corners of a symbol of radius r around (cx, cy), clockwise from the top (y down);
    empty for the circle. A square is given from its top-left corner."""
    if shape == "square":
        return [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    if shape == "triangle":
        return [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    if shape == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    if shape == "star":
        points = []
        for i in range(10):
            rad, a = (r * 0.45 if i % 2 else r), math.pi / 5 * i - math.pi / 2
            points.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
        return points
    return []
