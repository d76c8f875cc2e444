"""Building a user layer's style in the model the TOML layers use (core/style.py): one symbol,
categories by a field, or graduated classes (breaks and a colour ramp). No Qt. The page, the
legend and the exports read the result as they read a shipped layer's style."""

from __future__ import annotations

from collections.abc import Iterable

from .style import category_key, class_value

# Sequential ramps (ColorBrewer, 7 classes; fewer classes take evenly spaced colours).
RAMPS = {
    "YlOrRd": ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"],
    "Blues": ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
    "Greens": ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32"],
    "Purples": ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"],
}
# Qualitative colours for categories (ColorBrewer Set1 + Dark2).
CATEGORY_COLOURS = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf",
                    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"]
MAX_CATEGORIES = 40


def base_of(style: dict) -> dict:
    return {k: v for k, v in style.items() if k not in ("categories", "choropleth")}


def single(style: dict, **changes) -> dict:
    return {**base_of(style), **{k: v for k, v in changes.items() if v is not None}}


def categories(style: dict, field: str, values: Iterable[object], geometry: str) -> dict:
    """One colour per distinct value (at most MAX_CATEGORIES, the most frequent first)."""
    counts: dict[str, int] = {}
    for v in values:
        key = category_key(v)
        counts[key] = counts.get(key, 0) + 1
    keys = sorted(counts, key=lambda k: (-counts[k], k))[:MAX_CATEGORIES]
    colour_key = "stroke" if geometry == "line" else "fill"
    out = base_of(style)
    out["categories"] = {"property": field, "values": {
        k: {colour_key: CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)]} for i, k in enumerate(sorted(keys))}}
    return out


def breaks_of(numbers: list[float], classes: int, method: str) -> list[float]:
    """classes - 1 upper limits: "equal" intervals or "quantile" (the same count in each class)."""
    numbers = sorted(numbers)
    if not numbers or classes < 2:
        return []
    low, high = numbers[0], numbers[-1]
    if method == "quantile":
        cuts = [numbers[min(len(numbers) - 1, round(len(numbers) * i / classes))] for i in range(1, classes)]
    else:
        cuts = [low + (high - low) * i / classes for i in range(1, classes)]
    out: list[float] = []
    for c in cuts:
        c = round(c, 6)
        if c > low and (not out or c > out[-1]):
            out.append(c)
    return out


def ramp(name: str, n: int) -> list[str]:
    colours = RAMPS.get(name, RAMPS["YlOrRd"])
    if n >= len(colours):
        return colours[:n]
    return [colours[round(i * (len(colours) - 1) / max(1, n - 1))] for i in range(n)]


def graduated(style: dict, field: str, values: Iterable[object], classes: int = 5,
              method: str = "quantile", ramp_name: str = "YlOrRd") -> dict:
    numbers = [n for n in (class_value(v) for v in values) if n is not None]
    if not numbers:
        raise ValueError(f"'{field}' holds no numbers")
    breaks = breaks_of(numbers, max(2, min(7, classes)), method)
    out = base_of(style)
    out.setdefault("fill_opacity", 0.7)
    out["choropleth"] = {"property": field, "breaks": breaks, "colors": ramp(ramp_name, len(breaks) + 1),
                         "no_data": "#dddddd"}
    return out
