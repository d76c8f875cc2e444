"""Rules written twice, in Python and in the map page's JavaScript, checked against one file of
cases (tests/rules_cases.json): the language fallback, feature names, the time filter, choropleth
classes and category styles, point symbols, annotation kinds and colours.

The JavaScript runs in Chromium itself: atlas.js and annotations.js (with Leaflet) loaded in a bare
QWebEnginePage, their rules read from `atlas.rules`.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, QUrl

from gis_app.core import annotations, style, timefilter
from gis_app.core.i18n import feature_name, pick
from gis_app.core.paths import web_dir

CASES = json.loads((Path(__file__).with_name("rules_cases.json")).read_text(encoding="utf-8"))

RUN_JS = """
(function (cases) {
  var R = atlas.rules;
  return JSON.stringify({
    pick: cases.pick.map(function (c) { return R.pick(c.texts, c.lang); }),
    feature_name: cases.feature_name.map(function (c) { return R.featureName(c.props, c.lang); }),
    year_of: cases.year_of.map(function (c) { return R.yearOf(c.value); }),
    in_time_range: cases.in_time_range.map(function (c) { return R.inTimeRange(c.layer, c.props, c.range); }),
    class_color: cases.class_color.map(function (c) {
      return c.values.map(function (v) { return R.classColor(c.spec, v[0]); });
    }),
    resolved_style: cases.resolved_style.map(function (c) {
      return R.resolvedStyle({ style: c.style, override: c.override }, c.props);
    }),
    symbol_shape: cases.symbol_shape.map(function (c) { return R.symbolShape(c.style); }),
    symbol_points: cases.symbol_points.map(function (c) { return R.symbolPoints(c.shape, c.c, c.c, c.r); }),
    annotation_kinds: R.annotationKinds,
    annotation_colour: {
      default: R.annotationColour("not a colour"),
      valid: cases.annotation_colour.valid.map(function (v) { return R.annotationColour(v) === v; }),
      invalid: cases.annotation_colour.invalid.map(function (v) { return R.annotationColour(v) === v; })
    }
  });
})(%s)
"""


@pytest.fixture(scope="module")
def js(qapp):
    """The JavaScript side's answers to every case, from the page's own scripts."""
    from PySide6.QtWebEngineCore import QWebEnginePage

    page = QWebEnginePage()
    loaded = []
    page.loadFinished.connect(loaded.append)
    web = web_dir()
    scripts = "".join(f'<script src="{QUrl.fromLocalFile(str(web / rel)).toString()}"></script>'
                      for rel in ("vendor/leaflet/leaflet.js", "atlas.js", "annotations.js"))
    page.setHtml(f"<!doctype html><html><head><meta charset='utf-8'>{scripts}</head><body></body></html>",
                 QUrl.fromLocalFile(str(web) + "/"))
    _wait(qapp, lambda: loaded)
    assert loaded == [True]
    result = []
    page.runJavaScript(RUN_JS % json.dumps(CASES), 0, result.append)
    _wait(qapp, lambda: result)
    gone = []
    page.destroyed.connect(lambda: gone.append(1))
    page.deleteLater()
    _wait(qapp, lambda: gone)
    assert result[0], "atlas.rules is missing from the page"
    return json.loads(result[0])


def _wait(app, done, timeout_s: float = 20.0) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        assert time.monotonic() < end, "the page did not answer"
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        time.sleep(0.005)


def _both(js_answers, python_answers, cases, expected, label):
    for i, (case, got_js, got_py, want) in enumerate(zip(cases, js_answers, python_answers, expected,
                                                         strict=True)):
        where = f"{label}[{i}] {json.dumps(case, ensure_ascii=False)}"
        assert got_py == want, f"Python: {where} gave {got_py!r}"
        assert got_js == want, f"JavaScript: {where} gave {got_js!r}"


def test_language_fallback(js):
    cases = CASES["pick"]
    _both(js["pick"], [pick(c["texts"], c["lang"]) for c in cases], cases, [c["expect"] for c in cases],
          "pick")


def test_feature_names(js):
    cases = CASES["feature_name"]
    _both(js["feature_name"], [feature_name(c["props"], c["lang"]) for c in cases], cases,
          [c["expect"] for c in cases], "feature_name")


def test_years_and_the_time_filter(js):
    cases = CASES["year_of"]
    _both(js["year_of"], [timefilter.year_of(c["value"]) for c in cases], cases,
          [c["expect"] for c in cases], "year_of")
    cases = CASES["in_time_range"]
    python = [timefilter.in_range(SimpleNamespace(time_field=c["layer"].get("time_field", ""),
                                                  time_end_field=c["layer"].get("time_end_field", "")),
                                  c["props"], tuple(c["range"]) if c["range"] else None) for c in cases]
    _both(js["in_time_range"], python, cases, [c["expect"] for c in cases], "in_time_range")


def test_choropleth_classes_and_category_styles(js):
    for i, case in enumerate(CASES["class_color"]):
        values = case["values"]
        _both(js["class_color"][i], [style.class_color(case["spec"], v) for v, _ in values], values,
              [want for _, want in values], f"class_color[{i}]")
    cases = CASES["resolved_style"]
    python = [style.resolved_style(c["style"], c["props"], c.get("override")) for c in cases]
    _both(js["resolved_style"], python, cases, [c["expect"] for c in cases], "resolved_style")


def test_the_legend_classes_are_the_maps_classes():
    """Each legend class's bounds hold exactly the values the map paints in that class's colour."""
    spec = CASES["class_color"][0]["spec"]
    for (low, high), colour in zip(style.class_bounds(spec), spec["colors"], strict=True):
        for value in (low, high):
            if value is not None:
                inside = value if value == low else value - 1e-6
                assert style.class_color(spec, inside) == colour


def test_point_symbols(js):
    cases = CASES["symbol_shape"]
    _both(js["symbol_shape"], [style.symbol_shape(c["style"]) for c in cases], cases,
          [c["expect"] for c in cases], "symbol_shape")
    for case, got_js in zip(CASES["symbol_points"], js["symbol_points"], strict=True):
        got_py = [list(p) for p in style.symbol_points(case["shape"], case["c"], case["c"], case["r"])]
        assert len(got_py) == len(got_js) and all(
            math.isclose(a, b, abs_tol=1e-9) for p, q in zip(got_py, got_js, strict=True)
            for a, b in zip(p, q, strict=True)), case["shape"]
        if "expect" in case:
            assert got_py == case["expect"], case["shape"]
        else:
            spec = case["expect_star"]
            radii = [math.dist(p, (case["c"], case["c"])) for p in got_py]
            assert len(got_py) == spec["points"] and got_py[0] == pytest.approx(spec["first"])
            assert radii[0::2] == pytest.approx([spec["outer"]] * 5)
            assert radii[1::2] == pytest.approx([spec["inner"]] * 5)


def test_the_print_legend_draws_the_same_symbol_corners():
    from PySide6.QtCore import QPointF

    from gis_app.render.legend import symbol_path

    for case in CASES["symbol_points"]:
        if "expect" in case and case["expect"]:
            path = symbol_path(case["shape"], QPointF(case["c"], case["c"]), case["r"])
            corners = [[path.elementAt(i).x, path.elementAt(i).y] for i in range(path.elementCount())]
            assert corners[: len(case["expect"])] == case["expect"], case["shape"]


def test_annotation_kinds_and_colours(js):
    assert list(annotations.KINDS) == CASES["annotation_kinds"] == js["annotation_kinds"]
    colours = CASES["annotation_colour"]
    assert annotations.DEFAULTS["color"] == colours["default"] == js["annotation_colour"]["default"]

    def accepted(colour: str) -> bool:
        item = {"type": "Feature", "id": "a1", "geometry": {"type": "Point", "coordinates": [70, 40]},
                "properties": {"kind": "marker", "color": colour}}
        try:
            annotations.normalise(item)
        except annotations.AnnotationError:
            return False
        return True

    assert [accepted(c) for c in colours["valid"]] == [True] * len(colours["valid"])
    assert js["annotation_colour"]["valid"] == [True] * len(colours["valid"])
    assert [accepted(c) for c in colours["invalid"]] == [False] * len(colours["invalid"])
    assert js["annotation_colour"]["invalid"] == [False] * len(colours["invalid"])
