"""A bounded fuzz (Hypothesis) of the two parsers that take files from anywhere: the project loader
and the catalog's layer definitions. Whatever the bytes, the outcome is a project, or a
ProjectError / a listed problem: never another exception, never a hang. 4 x 100 examples, a few
seconds in all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REPO  # noqa: I001
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gis_app.core import project as proj
from gis_app.core.catalog import load_catalog
from gis_app.core.catalog_schema import STYLE_KEYS, TOP_KEYS

FUZZ = settings(max_examples=100, deadline=2000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10 ** 40, max_value=10 ** 40),
                    st.floats(allow_nan=False), st.text(max_size=30))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=20)
project_keys = st.sampled_from(["format", "schema", "title", "language", "map", "style_overrides",
                                "annotations", "slides", "recovery_of", "order", "layers"])
projects = st.dictionaries(project_keys, json_values, max_size=8).map(
    lambda d: {**d, "format": proj.FORMAT, "schema": 1} if d.get("schema") is None else d)


def _load_bytes(tmp: Path, data: bytes) -> None:
    path = tmp / "fuzz.atlas.json"
    path.write_bytes(data)
    try:
        project = proj.load(path)
    except proj.ProjectError as exc:
        assert str(exc) and exc.kind
        return
    proj.save(project, tmp / "again.atlas.json")  # what opened can be saved, and opens again
    assert proj.load(tmp / "again.atlas.json") == project


@FUZZ
@given(data=st.binary(max_size=400))
def test_project_loader_on_random_bytes(tmp_path, data):
    _load_bytes(tmp_path, data)


@FUZZ
@given(raw=projects)
def test_project_loader_on_project_like_json(tmp_path, raw):
    _load_bytes(tmp_path, json.dumps(raw).encode())


TOKENS = ['{"format": "central-asia-security-atlas/project", "schema": 1', "{", "}", "[", "]", ",", ":",
          '"title"', '"slides"', '"map"', '"annotations"', '"time_range"', '"bounds"', '"visible"',
          '"caption"', '"\\udc80"', '"\\ud83d\\ude00"', "1e999", "-0", "1" * 40, "2022", "null", "true",
          '"x"', "\ufeff", " ", "0.5", "[1, 2]", "[60, 35, 80, 46]"]


@FUZZ
@given(parts=st.lists(st.sampled_from(TOKENS), max_size=40))
def test_project_loader_on_token_soup(tmp_path, parts):
    _load_bytes(tmp_path, "".join(parts).encode("utf-8"))


toml_scalar = st.one_of(st.booleans(), st.integers(min_value=-10 ** 20, max_value=10 ** 20),
                        st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20))
style_tables = st.dictionaries(st.sampled_from(sorted(STYLE_KEYS) + ["fil", "colour"]), toml_scalar,
                               max_size=5)
definitions = st.fixed_dictionaries(
    {"id": st.just("fz"), "group": st.just("borders"), "geometry": st.sampled_from(["point", "mixed", "x"]),
     "data": st.just("fz.geojson"), "title": st.just({"en": "Fuzz"})},
    optional={k: toml_scalar for k in sorted(TOP_KEYS - {"id", "group", "geometry", "data", "title"})}
    | {"style": style_tables})


def _toml(value, prefix=""):
    lines, tables = [], []
    for key, v in value.items():
        if isinstance(v, dict):
            tables.append((key, v))
        else:
            lines.append(f"{json.dumps(key)} = {json.dumps(v)}")
    for key, v in tables:
        lines.append(f"[{prefix}{json.dumps(key)}]")
        lines.extend(_toml(v, f"{prefix}{json.dumps(key)}.").splitlines())
    return "\n".join(lines)


@FUZZ
@given(raw=definitions, noise=st.binary(max_size=40))
def test_catalog_parser_never_raises(tmp_path, raw, noise):
    folder = tmp_path / "layers"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    shutil.copy(REPO / "layers" / "groups.toml", folder / "groups.toml")
    (folder / "fz.toml").write_text(_toml(raw), encoding="utf-8")
    (folder / "noise.toml").write_bytes(noise)
    catalog = load_catalog(folder)  # never raises
    assert set(catalog.ids()) <= {"fz", "noise"}
    if "fz" not in catalog.ids():
        assert any(p.startswith("fz.toml") for p in catalog.problems)
    else:  # what is kept is safe to give the page
        style = catalog.layer("fz").style
        assert all(isinstance(v, int | float) and not isinstance(v, bool)
                   for k, v in style.items() if k in ("weight", "opacity", "fill_opacity", "radius"))
