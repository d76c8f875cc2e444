"""The time filter: which features of a dated layer fall in a year range.

A layer is dated by its definition (`time_field`, optional `time_end_field`); a feature's span is
[start year, end year] and it is shown while that span overlaps the chosen range. A feature whose
date cannot be read is never hidden (the map shows what it cannot place in time).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from .catalog import Catalog, LayerDef

YEAR = re.compile(r"^\s*(-?\d{4})")
# Years the atlas can place: a year outside is "not a date" (validate says so, the slider ignores it).
MIN_YEAR, MAX_YEAR = -10_000, 10_000


def year_of(value: object) -> int | None:
    """The year of YYYY, YYYY-MM, YYYY-MM-DD (or a number); None when there is none."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value) or not MIN_YEAR <= value <= MAX_YEAR:  # NaN, 1e10
            return None
        return int(value)
    match = YEAR.match(str(value)[:32])
    return int(match.group(1)) if match else None


def feature_span(layer: LayerDef, props: dict) -> tuple[int, int] | None:
    """(first year, last year) of a feature of a dated layer; None if undated or unreadable."""
    if not layer.time_field:
        return None
    start = year_of(props.get(layer.time_field))
    if start is None:
        return None
    end = year_of(props.get(layer.time_end_field)) if layer.time_end_field else None
    return (start, max(start, end if end is not None else start))


def in_range(layer: LayerDef, props: dict, time_range: tuple[int, int] | None) -> bool:
    """Whether the time filter keeps this feature (always, for undated layers or no filter)."""
    if time_range is None:
        return True
    span = feature_span(layer, props)
    if span is None:
        return True
    return span[0] <= time_range[1] and span[1] >= time_range[0]


def dated_layers(catalog: Catalog) -> list[LayerDef]:
    return [layer for layer in catalog.layers if layer.time_field]


def year_bounds(spans: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    """The smallest range holding every span (the slider's ends)."""
    years = [y for span in spans if span for y in span]
    return (min(years), max(years)) if years else None


def dated_year_bounds(catalog: Catalog, features) -> tuple[tuple[int, int] | None, list[str]]:
    """The years the dated layers' features span (the time filter's range), and the problems found
    reading them (a layer that cannot be read is left out)."""
    spans, problems = [], []
    for layer in dated_layers(catalog):
        try:
            found = features.layer(layer.id).features
            spans += [feature_span(layer, f.get("properties") or {}) for f in found]
        except (KeyError, ValueError) as exc:  # DataError is a ValueError
            problems.append(str(exc))
    return year_bounds(spans), problems
