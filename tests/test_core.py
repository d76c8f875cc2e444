"""The catalog, the map state and the rule that core stays free of Qt and folium."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gis_app.core.catalog import load_catalog
from gis_app.core.events import Kind
from gis_app.core.features import FeatureStore, read_feature_collection
from gis_app.core.geo import round_scale, scale_denominator
from gis_app.core.i18n import pick
from gis_app.core.map_state import MapState

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "gis_app" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "folium", "branca", "jinja2")


def test_core_imports_neither_qt_nor_folium_in_source():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_core_imports_neither_qt_nor_folium_at_run_time():
    code = ("import sys, pkgutil, importlib, gis_app.core as c\n"
            "[importlib.import_module('gis_app.core.' + m.name) for m in pkgutil.iter_modules(c.__path__)]\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_shipped_layer_loads_and_points_at_existing_data(catalog):
    assert catalog.problems == []
    assert len(catalog.layers) >= 6
    for layer in catalog.layers:
        assert layer.data.is_file(), f"{layer.id}: {layer.data} is missing"
        features = read_feature_collection(layer.data)
        assert features, f"{layer.id} has no features"
        ids = [str(f["properties"]["id"]) for f in features]
        assert len(ids) == len(set(ids)), f"{layer.id}: feature ids are not unique"
        assert layer.title.get("en") and layer.title.get("ru"), f"{layer.id}: title needs en and ru"


def test_basemap_has_the_layers_the_atlas_promises(catalog):
    basemap = {layer.id for layer in catalog.in_group("basemap") + catalog.in_group("places")}
    assert {"countries", "provinces", "places", "rivers", "lakes", "enclaves"} <= basemap
    # places are points: their group is drawn above every polygon layer (the panel's order)
    assert catalog.default_order()[0] == "places"
    store = FeatureStore(catalog)
    assert store.properties("countries", "KAZ")["name"] == "Kazakhstan"
    assert store.properties("provinces", "KG-B")  # Batken region
    enclaves = {f["properties"]["id"] for f in store.layer("enclaves").features}
    assert {"sokh", "shohimardon", "vorukh", "sarvan"} <= enclaves
    for layer in catalog.in_group("basemap") + catalog.in_group("places"):
        assert layer.attribution and layer.as_of and layer.citations, layer.id


def test_a_broken_definition_is_reported_not_raised(tmp_path):
    (tmp_path / "groups.toml").write_text((REPO / "layers" / "groups.toml").read_text())
    (tmp_path / "bad.toml").write_text("id = 'bad'\ngroup = [unclosed\n")
    (tmp_path / "nogeom.toml").write_text("id = 'nogeom'\ngroup = 'borders'\ndata = 'x'\ntitle = {en='x'}\n")
    (tmp_path / "wrongid.toml").write_text(
        "id = 'other'\ngroup = 'borders'\ngeometry = 'point'\ndata = 'x'\ntitle = {en='x'}\n")
    catalog = load_catalog(tmp_path)
    assert catalog.layers == []
    text = "\n".join(catalog.problems)
    assert "bad.toml: not valid TOML" in text
    assert "nogeom.toml: missing required key 'geometry'" in text
    assert "wrongid.toml: id 'other' differs from the file name 'wrongid'" in text


def test_broken_data_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_text("{not json")
    with pytest.raises(ValueError, match="x.geojson: not valid GeoJSON"):
        read_feature_collection(path)
    path.write_text('{"type": "Feature"}')
    with pytest.raises(ValueError, match="not a GeoJSON FeatureCollection"):
        read_feature_collection(path)


def test_language_fallback_kk_ru_en():
    assert pick({"en": "Countries", "ru": "Страны"}, "kk") == "Страны"
    assert pick({"en": "Countries"}, "kk") == "Countries"
    assert pick({"en": "Countries", "kk": "Елдер"}, "kk") == "Елдер"


def test_scale_at_the_default_view():
    # zoom 4 at 42° N: ~7.27 km per pixel, ~1:27 500 000 on a 96-dpi screen
    assert round_scale(scale_denominator(42.0, 4)) == 27_000_000


def test_map_state_moves_within_a_group_and_restores(scratch_catalog):
    state = MapState(scratch_catalog)
    assert state.order() == ["zones", "below"]
    seen = []
    state.subscribe(lambda what: seen.append((set(what.kinds), set(what.layers))))
    state.move_within_group("below", 0)
    assert state.order() == ["below", "zones"]
    state.set_opacity("zones", 0.25)
    state.set_visible("below", False)
    assert seen == [({Kind.ORDER}, {"below"}), ({Kind.OPACITY}, {"zones"}), ({Kind.VISIBLE}, {"below"})]
    saved = state.to_dict()
    saved["layers"]["gone"] = {"visible": True}  # a layer that no longer exists is ignored
    fresh = MapState(scratch_catalog)
    fresh.apply(saved)
    assert fresh.to_dict() == state.to_dict()


def test_the_qt_binding_keeps_its_references_to_none_and_true():
    # PySide6 6.12.0 on CPython 3.11 dropped a reference to True on every signal emit and to None on
    # every processEvents / void call, and the app aborted after a few thousand ("bool_dealloc",
    # "none_dealloc"); hence the pin to 6.11.3. This fails again if such a version comes back.
    code = ("import sys\n"
            "from PySide6.QtCore import QCoreApplication, QObject, Signal, QEventLoop, QTimer\n"
            "app = QCoreApplication([])\n"
            "class O(QObject):\n    s = Signal()\n"
            "o = O()\n"
            "none, true = sys.getrefcount(None), sys.getrefcount(True)\n"
            "for _ in range(2000):\n    o.s.emit(); app.processEvents(); o.setObjectName('x')\n"
            "loop = QEventLoop()\n"
            "for _ in range(200):\n    QTimer.singleShot(0, loop.quit); loop.exec()\n"
            "print(sys.getrefcount(None) - none > -100 and sys.getrefcount(True) - true > -100 and 'ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-500:]


def test_a_malformed_saved_state_changes_nothing(catalog):
    from gis_app.core.map_state import MapState

    state = MapState(catalog)
    before = state.to_dict()
    layer_id = state.layers[0].id
    with pytest.raises(ValueError, match="view.lon"):
        state.apply({"layers": {layer_id: {"visible": not state.layers[0].visible}}, "view": {"lat": 40}})
    assert state.to_dict() == before  # checked whole first: no half-applied state


def test_a_nan_date_is_undated_not_a_crash():
    from gis_app.core.timefilter import year_of

    assert year_of(float("nan")) is None and year_of(float("inf")) is None and year_of(1999.0) == 1999
