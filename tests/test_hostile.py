"""Hostile input, core (no window): every file the atlas reads goes through one gate, and nothing
crashes, hangs, eats memory or lies. The corpus is generated here, in tmp_path; nothing big is
committed. Each test asserts what a user sees: the message, what is kept, what still works."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, write_layer

from gis_app.core import project as proj
from gis_app.core import safe_io
from gis_app.core.catalog import load_catalog
from gis_app.core.catalog_schema import check_definition
from gis_app.core.evidence import load_bibliography, load_claims
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.project import Project, ProjectError
from gis_app.core.timefilter import feature_span, year_of
from gis_app.core.validate import validate

DEEP = "[" * 100_000 + "]" * 100_000


def _non_regular(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, a folder, a device, a dangling link and a loop of links, each named like a data file."""
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere")
    loop_a, loop_b = tmp_path / "loop_a.json", tmp_path / "loop_b.json"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    return {"fifo": fifo, "folder": folder, "device": Path("/dev/zero"), "urandom": Path("/dev/urandom"),
            "dangling": dangling, "loop": loop_a}


# --- the gate ----------------------------------------------------------------------------------------
def test_non_regular_files_are_refused_at_once(tmp_path):
    for name, path in _non_regular(tmp_path).items():
        t0 = time.monotonic()
        with pytest.raises(safe_io.UnsafeFileError) as info:
            safe_io.read_bytes(path, 1024)
        assert time.monotonic() - t0 < 1.0, name  # a FIFO never blocks
        assert info.value.kind in (safe_io.NOT_REGULAR, safe_io.NOT_FOUND), name
        assert path.name in str(info.value)


def test_the_size_limit_is_counted_while_reading(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5000)
    with pytest.raises(safe_io.UnsafeFileError) as info:
        safe_io.read_bytes(big, 4096)
    assert info.value.kind == safe_io.TOO_LARGE and "big.json: too large" in str(info.value)
    assert safe_io.read_bytes(big, 5000) == b" " * 5000


def test_a_growing_source_cannot_fill_memory():
    """/dev/zero passes no size check by st_size (0): refused as a device before any read; and a
    read is never larger than the limit + 1 byte whatever the file claims."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for path in ("/dev/zero", "/dev/urandom"):
        with pytest.raises(safe_io.UnsafeFileError):
            safe_io.read_bytes(path, 10 * 1024 * 1024)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024  # KiB


@pytest.mark.parametrize("text, kind", [
    (DEEP, safe_io.TOO_DEEP),
    ('{"a":' * 5000 + "1" + "}" * 5000, safe_io.TOO_DEEP),
    ('{"n": ' + "9" * 5000 + "}", safe_io.NUMBER),
    ('{"n": 1' + "0" * 100 + "}", safe_io.NUMBER),
    ('{"n": NaN}', safe_io.NUMBER),
    ('{"n": Infinity}', safe_io.NUMBER),
    ('{"n": 1e999}', safe_io.NUMBER),
    ('{"n": -1e400}', safe_io.NUMBER),
    ('{"a": 1,}', safe_io.SYNTAX),
])
def test_json_bounds(tmp_path, text, kind):
    with pytest.raises(safe_io.UnsafeFileError) as info:
        safe_io.parse_json(text, tmp_path / "x.json")
    assert info.value.kind == kind


def test_json_depth_counts_brackets_outside_strings_only():
    assert not safe_io.json_too_deep(json.dumps({"s": "[" * 1000}))
    assert safe_io.json_too_deep("[" * 65 + "]" * 65) and not safe_io.json_too_deep("[" * 64 + "]" * 64)


def test_bom_is_accepted_and_bad_bytes_are_located(tmp_path):
    ok = tmp_path / "bom.json"
    ok.write_bytes(b"\xef\xbb\xbf" + b'{"a": 1}')
    assert safe_io.load_json(ok, 100).value == {"a": 1}
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"a":\n "\xff"}')
    with pytest.raises(safe_io.UnsafeFileError) as info:
        safe_io.load_json(bad, 100)
    assert info.value.kind == safe_io.NOT_TEXT and "line 2" in str(info.value)


@pytest.mark.parametrize("text, kind", [
    ("a = " + "[" * 5000 + "]" * 5000, safe_io.TOO_DEEP),
    ("a = " + "9" * 5000, safe_io.NUMBER),
    ("a = 1" + "0" * 40, safe_io.NUMBER),
    (".".join(["a"] * 200) + " = 1", safe_io.TOO_DEEP),
    ("a = [", safe_io.SYNTAX),
])
def test_toml_bounds(tmp_path, text, kind):
    with pytest.raises(safe_io.UnsafeFileError) as info:
        safe_io.parse_toml(text, tmp_path / "x.toml")
    assert info.value.kind == kind


# --- projects ----------------------------------------------------------------------------------------
def _project_text(**extra) -> str:
    raw = {"format": proj.FORMAT, "schema": 1, "title": "T", "map": {"order": [], "layers": {}}}
    raw.update(extra)
    return json.dumps(raw)


@pytest.mark.parametrize("name", ["fifo", "folder", "device", "dangling", "loop"])
def test_a_project_that_is_not_a_file_is_refused_quickly(tmp_path, name):
    path = _non_regular(tmp_path)[name]
    t0 = time.monotonic()
    with pytest.raises(ProjectError) as info:
        proj.load(path)
    assert time.monotonic() - t0 < 1.0
    assert info.value.kind == ProjectError.UNREADABLE and info.value.file_kind
    assert path.name in str(info.value)


@pytest.mark.parametrize("text, words", [
    ('{"format": "central-asia-security-atlas/project", "schema": 1, "title": ' + DEEP + "}",
     "nested more than"),
    (_project_text()[:-1] + ', "x": ' + "7" * 5000 + "}", "number"),
    (_project_text(map={"order": [], "layers": {}, "time_range": [1, 10 ** 10]}), "time_range"),
    (_project_text(slides=[{"time_range": [-10 ** 12, 2000]}]), "time_range"),
])
def test_a_damaged_project_is_a_message_not_a_traceback(tmp_path, text, words):
    path = tmp_path / "p.atlas.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        proj.load(path)
    assert words in str(info.value) and info.value.kind in (ProjectError.CORRUPT, ProjectError.NOT_PROJECT)


def test_a_bom_project_opens(tmp_path):
    path = tmp_path / "bom.atlas.json"
    path.write_bytes(b"\xef\xbb\xbf" + _project_text().encode())
    assert proj.load(path).title == "T"


def test_a_project_with_lone_surrogates_opens_says_so_and_saves(tmp_path):
    path = tmp_path / "s.atlas.json"
    path.write_text(_project_text(title="bad \\udc80 text").replace("\\\\udc80", "\\udc80"),
                    encoding="utf-8")
    assert "\\udc80" in path.read_text()
    project = proj.load(path)
    assert project.title == "bad \ufffd text"
    assert any("replaced" in w for w in project.warnings)
    proj.save(project, path)  # never UnicodeEncodeError
    assert proj.load(path).title == "bad \ufffd text"
    # text the window holds (from the page's bridge, say) with a surrogate also saves
    proj.save(Project(title="x\ud800y"), tmp_path / "t.atlas.json")
    assert proj.load(tmp_path / "t.atlas.json").title == "x\ufffdy"


def test_saving_through_a_symlink_writes_the_target(tmp_path):
    real = tmp_path / "real.atlas.json"
    proj.save(Project(title="old"), real)
    link = tmp_path / "link.atlas.json"
    link.symlink_to(real)
    proj.save(Project(title="new"), link)
    assert link.is_symlink() and proj.load(real).title == "new"


def test_a_huge_thumbnail_is_dropped_with_a_warning(tmp_path):
    path = tmp_path / "thumb.atlas.json"
    path.write_text(_project_text(slides=[{"thumbnail": "A" * (proj.MAX_THUMBNAIL_TEXT + 4)}]))
    project = proj.load(path)
    assert project.slides[0].thumbnail == "" and any("thumbnail skipped" in w for w in project.warnings)


# --- layer catalog --------------------------------------------------------------------------------------
def _catalog_folder(tmp_path: Path) -> Path:
    (tmp_path / "layers").mkdir()
    (tmp_path / "layers" / "groups.toml").write_text((REPO / "layers" / "groups.toml").read_text())
    point = {"type": "Feature", "properties": {"id": "p1", "name": "P"},
             "geometry": {"type": "Point", "coordinates": [70, 40]}}
    write_layer(tmp_path, "good", [point])
    return tmp_path / "layers"


@pytest.mark.parametrize("style, words", [
    ({"fill_opacity": '1" onload="alert(1)'}, "fill_opacity"),
    ({"weight": "<script>"}, "weight"),
    ({"weight": 1e9}, "weight"),
    ({"radius": -3}, "radius"),
    ({"fill": "red;background:url(x)"}, "not a colour"),
    ({"stroke": "#12345"}, "not a colour"),
    ({"dash": "4 4\"><script>"}, "dash"),
    ({"symbol": "<svg>"}, "symbol"),
])
def test_a_bad_style_costs_that_layer_only_and_is_listed(tmp_path, style, words):
    folder = _catalog_folder(tmp_path)
    write_layer(tmp_path, "evil", [], style=style)
    catalog = load_catalog(folder)
    assert catalog.ids() == ["good"]
    assert any(p.startswith("evil.toml:") and words in p for p in catalog.problems), catalog.problems
    assert not validate(catalog).ok


def test_unknown_keys_are_reported_with_did_you_mean(tmp_path):
    folder = _catalog_folder(tmp_path)
    write_layer(tmp_path, "typo", [{"type": "Feature", "properties": {"id": "t"},
                                    "geometry": {"type": "Point", "coordinates": [70, 40]}}],
                acuracy="x", style={"fil_opacity": 0.5})
    catalog = load_catalog(folder)
    text = "\n".join(catalog.problems)
    assert "unknown key 'acuracy' (did you mean 'accuracy'?)" in text
    assert "unknown key 'style.fil_opacity' (did you mean 'fill_opacity'?)" in text
    assert "typo" in catalog.ids()  # kept: nothing unsafe, but validate fails on it
    assert not validate(catalog).ok


@pytest.mark.parametrize("name", ["fifo", "folder", "dangling", "loop"])
def test_a_definition_that_is_not_a_file_costs_only_itself(tmp_path, name):
    folder = _catalog_folder(tmp_path)
    target = _non_regular(tmp_path)[name]
    (folder / "odd.toml").symlink_to(target)
    t0 = time.monotonic()
    catalog = load_catalog(folder)
    assert time.monotonic() - t0 < 2 and catalog.ids() == ["good"]
    assert any(p.startswith("odd.toml:") for p in catalog.problems)


def test_a_deeply_nested_definition_costs_only_itself(tmp_path):
    folder = _catalog_folder(tmp_path)
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    catalog = load_catalog(folder)
    assert catalog.ids() == ["good"] and any("deep.toml: nested" in p for p in catalog.problems)


@pytest.mark.parametrize("name", ["fifo", "folder", "device", "loop"])
def test_layer_data_that_is_not_a_file_costs_only_that_layer(tmp_path, name):
    folder = _catalog_folder(tmp_path)
    target = _non_regular(tmp_path)[name]
    write_layer(tmp_path, "odd", [])
    data = tmp_path / "data" / "odd.geojson"
    data.unlink()
    data.symlink_to(target)
    t0 = time.monotonic()
    catalog = load_catalog(folder)
    report = validate(catalog)
    assert time.monotonic() - t0 < 3
    assert catalog.ids() == ["good"] and any(p.startswith("odd.toml: data") for p in report.problems)


def test_layer_data_over_the_limit_costs_only_that_layer(tmp_path, monkeypatch):
    folder = _catalog_folder(tmp_path)
    point = {"type": "Feature", "properties": {"id": "h", "name": "H" * 1000},
             "geometry": {"type": "Point", "coordinates": [70, 40]}}
    write_layer(tmp_path, "huge", [point])
    monkeypatch.setitem(safe_io.LIMITS, "layer-data", 1000)  # 1,000 bytes stand for 200 MiB
    catalog = load_catalog(folder)
    assert catalog.ids() == ["good"] and any(p.startswith("huge.toml: data") and "over the limit" in p
                                             for p in catalog.problems)


@pytest.mark.parametrize("body", [
    DEEP, '{"type": "FeatureCollection", "features": [], "n": ' + "1" * 5000 + "}"])
def test_hostile_geojson_breaks_only_its_layer(tmp_path, body):
    folder = _catalog_folder(tmp_path)
    write_layer(tmp_path, "bad", [])
    (tmp_path / "data" / "bad.geojson").write_text(body)
    catalog = load_catalog(folder)
    store = FeatureStore(catalog)
    with pytest.raises(DataError):
        store.layer("bad")
    assert store.properties("good", "p1")["name"] == "P"  # the other layers still work
    from gis_app.core.search import SearchIndex

    index = SearchIndex(catalog, store)
    assert [h.feature_id for h in index.search("P")] == ["p1"] and index.problems


def test_a_year_of_1e10_is_not_a_date(tmp_path):
    folder = _catalog_folder(tmp_path)
    feature = {"type": "Feature", "properties": {"id": "e", "date": 1e10},
               "geometry": {"type": "Point", "coordinates": [70, 40]}}
    write_layer(tmp_path, "dated", [feature], time_field="date")
    catalog = load_catalog(folder)
    assert feature_span(catalog.layer("dated"), feature["properties"]) is None
    assert year_of(-20000) is None and year_of(2022) == 2022
    assert any("'date' is not a date" in p for p in validate(catalog).problems)


def test_evidence_files_go_through_the_gate(tmp_path):
    os.mkfifo(tmp_path / "bibliography.json")
    t0 = time.monotonic()
    with pytest.raises(ValueError, match="not a regular file"):
        load_bibliography(tmp_path / "bibliography.json")
    (tmp_path / "claims.csv").mkdir()
    claims, problems = load_claims(tmp_path / "claims.csv")
    assert time.monotonic() - t0 < 1 and claims == [] and "not a regular file" in problems[0]
    (tmp_path / "b2.json").write_text(DEEP)
    with pytest.raises(ValueError, match="nested"):
        load_bibliography(tmp_path / "b2.json")


def test_schema_accepts_every_shipped_layer():
    import tomllib

    for path in sorted((REPO / "layers").glob("*.toml")):
        if path.name in ("groups.toml", "indicators.toml", "claim_notes.toml"):
            continue
        errors, warnings = check_definition(tomllib.loads(path.read_text()))
        assert errors == [] and warnings == [], (path.name, errors, warnings)


# --- the command line -------------------------------------------------------------------------------
def _cli(*args, env_extra=None, preexec=None, timeout=120):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "gis_app", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, preexec_fn=preexec)


def test_validate_exits_non_zero_on_a_broken_layer_and_names_it(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    for part in ("shapefiles", "resources"):
        (root / part).symlink_to(REPO / part)
    layers = root / "layers"
    layers.mkdir()
    for path in (REPO / "layers").iterdir():
        (layers / path.name).symlink_to(path)
    (layers / "evil.toml").write_text('id = "evil"\ngroup = "borders"\ngeometry = "point"\n'
                                      'data = "x.geojson"\ntitle = {en = "E"}\n'
                                      '[style]\nweight = "1\\"><script>alert(1)</script>"\n')
    os.mkfifo(layers / "fifo.toml")
    result = _cli("validate", env_extra={"GIS_APP_ROOT": str(root)})
    assert result.returncode == 1, result.stderr
    assert "evil.toml: style.weight" in result.stderr and "fifo.toml: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs (root only; skipped elsewhere): a real disk that fills up."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root?)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_a_failed_export_exits_non_zero_and_keeps_the_old_file(tmp_path, full_disk, suffix):
    """A disk that fills up during the export: the CLI says so, exits 1, and the previous file
    is untouched (no 0-byte file, no temporary left); /dev/full is refused the same way."""
    out = full_disk / f"map{suffix}"
    out.write_bytes(b"previous export")
    args = ("--layers", "countries", "--size", "800x500", "--dpi", "96")
    result = _cli("export", str(out), *args)
    assert result.returncode == 1 and "wrote" not in result.stdout, result.stdout
    assert "could not write" in result.stderr.lower() or "No space left" in result.stderr, result.stderr
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in full_disk.iterdir()] == [out.name]  # no temporary file left
    full = tmp_path / f"full{suffix}"
    full.symlink_to("/dev/full")
    result = _cli("export", str(full), *args)
    assert result.returncode != 0 and "not a regular file" in result.stderr and "wrote" not in result.stdout


def test_an_export_into_a_read_only_folder_fails_clearly(tmp_path):
    from gis_app.core import atomic

    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "old.png").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:  # root writes anyway: read-only is simulated by a failing writer
            with pytest.raises(atomic.OutputError):
                with atomic.replacing(folder / "old.png") as tmp:
                    tmp.write_bytes(b"")  # the writer produced nothing
        else:
            with pytest.raises(atomic.OutputError):
                with atomic.replacing(folder / "old.png") as tmp:
                    tmp.write_bytes(b"\x89PNG IEND")
        assert (folder / "old.png").read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


def test_validate_reports_hostile_features_instead_of_raising(tmp_path):
    folder = _catalog_folder(tmp_path)
    odd = [{"type": "Feature", "properties": {"id": f"f{i}", "citations": [[1], {"a": 1}]}, "geometry": g}
           for i, g in enumerate([{"type": "Point"}, {"type": "Nope"}, {"coordinates": [1, 2]}, {"type": 5},
                                  {"type": "Point", "coordinates": {"a": 1}}, [1], "x",
                                  {"type": "LineString", "coordinates": [[1, 2]]}])]
    odd.append({"type": "Feature", "properties": {"id": {"nested": [1]}}, "geometry": None})
    write_layer(tmp_path, "odd", odd)
    report = validate(load_catalog(folder))
    assert sum("odd: feature" in p for p in report.problems) >= len(odd)


def test_indicator_labels_go_through_the_gate(tmp_path):
    from gis_app.core.indicators import load_labels

    os.mkfifo(tmp_path / "indicators.toml")
    t0 = time.monotonic()
    labels, problems = load_labels(tmp_path / "indicators.toml")
    assert time.monotonic() - t0 < 1 and "not a regular file" in problems[0]
