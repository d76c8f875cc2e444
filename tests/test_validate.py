"""`gis-app validate` passes on the shipped data and fails clearly on broken copies."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gis_app.core.catalog import load_catalog
from gis_app.core.validate import validate

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args, root: Path | None = None) -> subprocess.CompletedProcess:
    env = None
    if root is not None:
        import os

        env = {**os.environ, "GIS_APP_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "gis_app", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_shipped_data_validates():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_layers_command_lists_every_layer_with_counts(catalog, capsys):
    from gis_app import cli

    assert cli.main(["layers"]) == 0  # in this process: what it prints is all that is checked
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert set(rows) == set(catalog.ids())
    for layer in catalog.layers:
        assert int(rows[layer.id][1]) > 0 and int(rows[layer.id][2]) > 0, layer.id


# The layers a small copy leaves out: the large basemap and membership files (2.6 of 3.3 MB), which
# no claim names and no test breaks. Everything else (the claims, the sources, the labels, and
# every layer a claim refers to) is copied.
LEFT_OUT = {"countries", "provinces", "lakes", "rivers", "membership_asean", "membership_csto",
            "membership_osce", "membership_sco"}


@pytest.fixture(scope="session")
def small_catalog(tmp_path_factory):
    """A small, valid copy of the catalog, made once: the template each test copies and breaks."""
    root = tmp_path_factory.mktemp("small-catalog")
    shutil.copytree(REPO / "layers", root / "layers",
                    ignore=lambda folder, names: [n for n in names if Path(n).stem in LEFT_OUT])
    for layer in load_catalog(root / "layers").layers:
        source = REPO / layer.data.relative_to(root)
        layer.data.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, layer.data)
    report = validate(load_catalog(root / "layers"))
    assert report.ok and len(report.summaries) == 19 - len(LEFT_OUT), report.problems
    return root


@pytest.fixture
def copy(tmp_path, small_catalog):
    """A copy of the small catalog, its data and evidence, to break."""
    for folder in ("layers", "shapefiles"):
        shutil.copytree(small_catalog / folder, tmp_path / folder)
    return tmp_path


def _thematic_layer(root: Path, geometry: str):
    return next(layer for layer in load_catalog(root / "layers").layers
                if layer.group not in ("basemap", "places") and layer.geometry == geometry)


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_feature_without_citation_fails(copy):
    layer = _thematic_layer(copy, "point")
    fid = None

    def drop(data):
        nonlocal fid
        fid = data["features"][0]["properties"]["id"]
        data["features"][0]["properties"]["citations"] = []

    _edit(layer.data, drop)
    result = run_cli("validate", root=copy)
    assert result.returncode == 1
    assert f"{layer.id}: feature '{fid}' has no citation" in result.stderr


def test_an_invalid_polygon_fails(copy):
    layer = _thematic_layer(copy, "polygon")

    def bow_tie(data):
        data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [
            [[70, 40], [71, 41], [71, 40], [70, 41], [70, 40]]]}

    _edit(layer.data, bow_tie)
    report = validate(load_catalog(copy / "layers"))
    assert any("invalid geometry: Self-intersection" in p for p in report.problems), report.problems


def test_an_unknown_citation_id_fails(copy):
    layer = _thematic_layer(copy, "point")
    _edit(layer.data, lambda d: d["features"][0]["properties"]["citations"].append("no_such_source"))
    with open(copy / "layers" / "claims.csv", "a", encoding="utf-8") as fh:
        fh.write("bogus_1,KAZ,personnel,5,persons,2024,also_missing,,,n/a,false\n")
    report = validate(load_catalog(copy / "layers"))
    text = "\n".join(report.problems)
    assert "cites unknown source 'no_such_source'" in text
    assert "claim bogus_1: unknown citation 'also_missing'" in text


def test_projected_coordinates_are_caught_as_wrong_crs(copy):
    layer = _thematic_layer(copy, "point")
    _edit(layer.data, lambda d: d["features"][0].update(
        geometry={"type": "Point", "coordinates": [7_900_000.0, 4_900_000.0]}))
    report = validate(load_catalog(copy / "layers"))
    assert any("outside the expected area" in p and "wrong CRS" in p for p in report.problems)


def test_a_broken_data_file_is_reported_not_raised(copy):
    layer = _thematic_layer(copy, "point")
    layer.data.write_text("{ this is not json", encoding="utf-8")
    report = validate(load_catalog(copy / "layers"))
    assert any(p.startswith(f"{layer.id}: {layer.data.name}: not valid GeoJSON") for p in report.problems)


def test_a_claim_whose_indicator_or_unit_has_no_labels_fails(copy):
    """A new claim needs labels in layers/indicators.toml in en, ru and kk; validate names what lacks."""
    with open(copy / "layers" / "claims.csv", "a", encoding="utf-8") as fh:
        fh.write("new_claim_1,KAZ,drones_bought,12,drones,2024,kurmangali_jaukhan_2025,,,n/a,false\n")
    labels = copy / "layers" / "indicators.toml"
    text = labels.read_text(encoding="utf-8")
    head = '[indicators.drugs_seized]\nen = "Drugs seized"\n'
    entry = head + 'ru = "Изъято наркотиков"\nkk = "Тәркіленген есірткі"\n'
    assert entry in text
    labels.write_text(text.replace(entry, head), encoding="utf-8")
    result = run_cli("validate", root=copy)
    assert result.returncode == 1
    assert "indicator 'drones_bought' (claim new_claim_1) has no labels" in result.stderr
    assert "unit 'drones' (claim new_claim_1) has no labels" in result.stderr
    assert "indicator 'drugs_seized' has no kk, ru label" in result.stderr
    assert "persons" not in result.stderr and "uniformed_personnel" not in result.stderr


def test_a_broken_labels_file_is_reported_not_raised(copy):
    (copy / "layers" / "indicators.toml").write_text("[indicators.killed\nen = 1\n", encoding="utf-8")
    report = validate(load_catalog(copy / "layers"))
    assert any(p.startswith("indicators.toml: not valid TOML") for p in report.problems)
    assert any("indicator 'killed' (claim osh2010_dead) has no labels" in p for p in report.problems)
    assert "indicators" not in load_catalog(copy / "layers").ids(), "the labels file is no layer"


def test_a_choropleth_unit_without_labels_fails(copy):
    toml = copy / "layers" / "drug_seizures_2021.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'unit = "t"' in text
    toml.write_text(text.replace('unit = "t"', 'unit = "tonnez"'), encoding="utf-8")
    report = validate(load_catalog(copy / "layers"))
    assert any("drug_seizures_2021: choropleth unit 'tonnez'" in p for p in report.problems)
