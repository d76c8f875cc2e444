"""The schema of a layer definition (layers/*.toml): the type and range of every key, style values
included, so that nothing but numbers in range and colours reaches the map page. No Qt.

`check_definition(raw)` returns (errors, warnings): an error makes the layer unusable (the
catalog skips it and lists why); a warning (an unknown key, with a "did you mean") keeps the
layer but is listed too, so `gis-app validate` fails on it and a typo never passes silently.
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Any

SYMBOLS = ("circle", "square", "triangle", "diamond", "star")
GEOMETRIES = ("polygon", "line", "point", "mixed")
HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
DASH = re.compile(r"^\d{1,3}(?:\.\d{1,2})?(?:[ ,]+\d{1,3}(?:\.\d{1,2})?){0,11}$")
MAX_TEXT = 5000
# CSS named colours (CSS Color Module Level 4), the only words a colour may be.
NAMED_COLOURS = frozenset("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace
olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred
papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey
snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
yellowgreen transparent none""".split())

# style key -> (kind, low, high)
STYLE_VALUES: dict[str, tuple[str, float, float]] = {
    "stroke": ("colour", 0, 0), "fill": ("colour", 0, 0), "weight": ("number", 0, 50),
    "opacity": ("number", 0, 1), "fill_opacity": ("number", 0, 1), "dash": ("dash", 0, 0),
    "symbol": ("symbol", 0, 0), "radius": ("number", 0.5, 50)}
STYLE_KEYS = set(STYLE_VALUES) | {"choropleth", "categories"}
CATEGORY_VALUE_KEYS = set(STYLE_VALUES) | {"min_zoom"}
TOP_KEYS = {"id", "group", "order", "visible", "geometry", "data", "as_of", "accuracy", "citations",
            "attribution", "title", "description", "style", "popup", "interactive", "label_field",
            "min_zoom", "extent", "time_field", "time_end_field"}


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_colour(value: Any) -> bool:
    return isinstance(value, str) and (value == "" or bool(HEX_COLOUR.match(value))
                                       or value.lower() in NAMED_COLOURS)


def did_you_mean(key: str, known: set[str]) -> str:
    close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unknown(table: dict, known: set[str], where: str, warnings: list[str]) -> None:
    for key in table:
        if key not in known:
            warnings.append(f"unknown key '{where}{key}'{did_you_mean(key, known)}")


def check_style_value(key: str, value: Any, where: str) -> str:
    """'' if `value` is allowed for style key `key`; else the reason."""
    kind, low, high = STYLE_VALUES[key]
    if kind == "colour" and not is_colour(value):
        return f"{where}{key} = {str(value)[:40]!r} is not a colour (#rgb, #rrggbb or a CSS colour name)"
    if kind == "number" and not (is_number(value) and low <= value <= high):
        return f"{where}{key} = {str(value)[:40]!r} must be a number from {low:g} to {high:g}"
    if kind == "dash" and not (isinstance(value, str) and (value == "" or DASH.match(value))):
        return f"{where}{key} = {str(value)[:40]!r} must be numbers separated by spaces, like \"6 4\""
    if kind == "symbol" and value not in SYMBOLS:
        return f"{where}{key} = {str(value)[:40]!r} is not one of {', '.join(SYMBOLS)}"
    return ""


def _style_table(table: Any, known: set[str], where: str, errors: list[str], warnings: list[str]) -> None:
    if not isinstance(table, dict):
        errors.append(f"{where.rstrip('.')} must be a table")
        return
    _unknown(table, known, where, warnings)
    for key, value in table.items():
        if key in STYLE_VALUES:
            problem = check_style_value(key, value, where)
            if problem:
                errors.append(problem)
        elif key == "min_zoom" and key in known and not (isinstance(value, int) and not isinstance(
                value, bool) and 0 <= value <= 22):
            errors.append(f"{where}min_zoom must be a whole number from 0 to 22")


def _texts(value: Any, where: str, errors: list[str], required: bool = False) -> None:
    if value is None and not required:
        return
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_TEXT
                                              for k, v in value.items()):
        errors.append(f"{where} must be a table of language -> text (en, ru, kk)")
    elif required and not value.get("en"):
        errors.append(f"{where} needs at least an English ('en') text")


def _choropleth(spec: Any, errors: list[str], warnings: list[str]) -> None:
    where = "style.choropleth."
    if not isinstance(spec, dict):
        errors.append("style.choropleth must be a table")
        return
    _unknown(spec, {"property", "unit", "breaks", "colors", "no_data"}, where, warnings)
    if not isinstance(spec.get("property"), str) or not spec.get("property"):
        errors.append("style.choropleth needs a property (a property name)")
    if not isinstance(spec.get("unit", ""), str):
        errors.append("style.choropleth.unit must be text")
    breaks, colors = spec.get("breaks", []), spec.get("colors", [])
    if not isinstance(breaks, list) or not all(is_number(b) for b in breaks) or len(breaks) > 50:
        errors.append("style.choropleth.breaks must be a list of at most 50 numbers")
        return
    if breaks != sorted(breaks):
        errors.append("style.choropleth.breaks must be ascending")
    if not isinstance(colors, list) or not all(is_colour(c) and c for c in colors):
        errors.append("style.choropleth.colors must be a list of colours")
    elif len(colors) != len(breaks) + 1:
        errors.append("style.choropleth needs len(colors) == len(breaks) + 1")
    if "no_data" in spec and not is_colour(spec["no_data"]):
        errors.append(f"style.choropleth.no_data = {str(spec['no_data'])[:40]!r} is not a colour")


def _categories(spec: Any, errors: list[str], warnings: list[str]) -> None:
    where = "style.categories."
    if not isinstance(spec, dict):
        errors.append("style.categories must be a table")
        return
    _unknown(spec, {"property", "values", "labels"}, where, warnings)
    if not isinstance(spec.get("property"), str) or not spec.get("property"):
        errors.append("style.categories needs a property (a property name)")
    values = spec.get("values", {})
    if not isinstance(values, dict):
        errors.append("style.categories.values must be a table of value -> style")
    else:
        for name, table in values.items():
            _style_table(table, CATEGORY_VALUE_KEYS, f"{where}values.{name}.", errors, warnings)
    labels = spec.get("labels", {})
    if not isinstance(labels, dict):
        errors.append("style.categories.labels must be a table of value -> texts")
    else:
        for name, texts in labels.items():
            _texts(texts, f"{where}labels.{name}", errors)


def _whole(raw: dict, key: str, low: int, high: int, errors: list[str]) -> None:
    value = raw.get(key, low)
    if not (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high):
        errors.append(f"{key} = {str(value)[:40]!r} must be a whole number from {low} to {high}")


def check_definition(raw: dict) -> tuple[list[str], list[str]]:
    """(errors, warnings) of one parsed layer definition; see the module's docstring."""
    errors: list[str] = []
    warnings: list[str] = []
    _unknown(raw, TOP_KEYS, "", warnings)
    for key in ("id", "group", "data", "as_of", "accuracy", "label_field", "time_field", "time_end_field",
                "geometry"):
        if key in raw and not isinstance(raw[key], str):
            errors.append(f"{key} must be text")
        elif key in raw and len(raw[key]) > MAX_TEXT:
            errors.append(f"{key} is longer than {MAX_TEXT} characters")
    for key in ("visible", "interactive"):
        if key in raw and not isinstance(raw[key], bool):
            errors.append(f"{key} must be true or false")
    _whole(raw, "order", -100_000, 100_000, errors)
    _whole(raw, "min_zoom", 0, 22, errors)
    for key in ("citations", "attribution"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in value):
            errors.append(f"{key} must be a list of texts")
    _texts(raw.get("title"), "title", errors, required="title" in raw)
    _texts(raw.get("description"), "description", errors)
    extent = raw.get("extent")
    if extent is not None:
        if not (isinstance(extent, list) and len(extent) == 4 and all(is_number(v) for v in extent)):
            errors.append("extent must be [west, south, east, north] in degrees")
        else:
            w, s, e, n = extent
            if not (-540 <= w < e <= 540 and -90 <= s < n <= 90):
                errors.append(f"extent {extent} is not [west, south, east, north] with west < east, "
                              "south < north, latitudes within ±90")
    popup = raw.get("popup", [])
    if not isinstance(popup, list):
        errors.append("popup must be a list of [[popup]] tables")
    else:
        for i, item in enumerate(popup):
            if not isinstance(item, dict) or not isinstance(item.get("field"), str):
                errors.append(f"popup entry {i + 1} needs a 'field'")
                continue
            _unknown(item, {"field", "label", "shows"}, f"popup[{i + 1}].", warnings)
            if item.get("shows", "text") not in ("text", "country", "verbatim"):
                errors.append(f"popup '{item['field']}' shows must be text, country or verbatim")
            _texts(item.get("label"), f"popup '{item['field']}' label", errors)
    style = raw.get("style", {})
    if not isinstance(style, dict):
        errors.append("style must be a table")
        return errors, warnings
    _style_table({k: v for k, v in style.items() if k not in ("choropleth", "categories")},
                 STYLE_KEYS, "style.", errors, warnings)
    if "choropleth" in style:
        _choropleth(style["choropleth"], errors, warnings)
    if "categories" in style:
        _categories(style["categories"], errors, warnings)
    return errors, warnings
