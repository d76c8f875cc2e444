"""Project files (core, no Qt): round trip, atomic save under failure, refusal of bad files,
migration, recovery files, and the shipped lectures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gis_app.core import project as proj
from gis_app.core.annotations import normalise
from gis_app.core.catalog import load_catalog
from gis_app.core.evidence import load_bibliography
from gis_app.core.map_state import MapState
from gis_app.core.project import Project, ProjectError, Slide

REPO = Path(__file__).resolve().parent.parent
LECTURES = sorted((REPO / "lectures").glob("*.atlas.json"))
# As the atlas keeps annotations: normalised (defaults filled in), which is what a project holds.
ANNOTATION = normalise({"type": "Feature", "id": "a1",
                        "geometry": {"type": "Point", "coordinates": [70.58, 39.85]},
                        "properties": {"kind": "marker", "text": "Vorukh <b>not markup</b>", "note": "",
                                       "color": "#d62728"}})


def sample(catalog) -> Project:
    state = MapState(catalog)
    state.set_visible("rivers", False)
    state.set_opacity("provinces", 0.35)
    state.move_within_group("lakes", 0)
    state.set_time_range((1999, 2010))
    state.view.lat, state.view.lon, state.view.zoom = 40.1, 70.9, 7.25
    slides = [Slide(caption={"en": "Vorukh", "ru": "Ворух", "kk": "Ворух"}, notes="see fig. 2",
                    bounds=(69.5, 39.4, 71.8, 40.6), visible=["enclaves", "countries"],
                    time_range=(2021, 2022), annotations=[ANNOTATION], thumbnail="iVBORw0KGgo="),
              Slide(caption="Second", bounds=(60.0, 35.0, 80.0, 46.0), visible=["countries"])]
    return Project(map=state.to_dict(), title={"en": "Test", "ru": "Тест"}, language="ru",
                   style_overrides={"rivers": {"stroke": "#0000ff", "weight": 2.5}},
                   annotations=[ANNOTATION], slides=slides)


def test_round_trip_is_equal(tmp_path, catalog):
    project = sample(catalog)
    path = tmp_path / "p.atlas.json"
    proj.save(project, path)
    again = proj.load(path)
    assert again == project
    assert again.to_dict() == project.to_dict()
    assert again.warnings == []
    # The map part is exactly MapState's own format: it applies back to an equal state.
    state = MapState(catalog)
    state.apply(again.map)
    assert state.to_dict() == project.map
    assert again.annotations[0] is not ANNOTATION and again.annotations[0] == ANNOTATION
    proj.save(again, path)  # saving what was opened writes the same bytes
    assert path.read_bytes() == proj.dumps(project)


class BoomError(OSError):
    pass


class _FailingFile:
    """Wraps the temp file: fails on write (after writing half the bytes) or on flush."""

    def __init__(self, real, fail_at):
        self.real, self.fail_at = real, fail_at

    def write(self, data):
        if self.fail_at == "write":
            self.real.write(data[: len(data) // 2])
            raise BoomError(28, "No space left on device")
        return self.real.write(data)

    def flush(self):
        if self.fail_at == "flush":
            raise BoomError(5, "Input/output error")
        return self.real.flush()

    def fileno(self):
        return self.real.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()


@pytest.mark.parametrize("step", ["open", "write", "flush", "fsync", "chmod", "replace"])
def test_a_save_interrupted_at_any_step_leaves_the_previous_file(tmp_path, catalog, monkeypatch, step):
    path = tmp_path / "lecture.atlas.json"
    old = sample(catalog)
    proj.save(old, path)
    before = path.read_bytes()
    new = sample(catalog)
    new.title = "changed"
    new.slides = []

    real_open = proj._open_temp

    def fail(*args, **kwargs):
        raise BoomError(5, "Input/output error")

    if step == "open":
        monkeypatch.setattr(proj, "_open_temp", fail)
    elif step in ("write", "flush"):
        monkeypatch.setattr(proj, "_open_temp",
                            lambda d, n: (lambda h, t: (_FailingFile(h, step), t))(*real_open(d, n)))
    else:
        monkeypatch.setattr(proj.os, step, fail)
    with pytest.raises(ProjectError) as info:
        proj.save(new, path)
    monkeypatch.undo()
    assert "previous file is unchanged" in str(info.value)
    assert path.read_bytes() == before
    assert proj.load(path) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lecture.atlas.json"], "a temp file was left"


def test_a_process_killed_during_a_save_leaves_the_previous_file(tmp_path, catalog):
    path = tmp_path / "p.atlas.json"
    proj.save(sample(catalog), path)
    before = path.read_bytes()
    # A real kill between fsync and rename: nothing runs after it, no clean-up at all.
    code = ("import os, sys; from gis_app.core import project as p\n"
            "pr = p.load(sys.argv[1]); pr.title = 'half'; pr.slides = pr.slides * 50\n"
            "p.os.replace = lambda *a: os._exit(9)\n"
            "p.save(pr, sys.argv[1])\n")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    assert path.read_bytes() == before
    # The orphan temp file is complete but never becomes the project; the next save still works.
    proj.save(sample(catalog), path)
    assert proj.load(path) == sample(catalog)


@pytest.mark.parametrize("content, kind, words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", ProjectError.NOT_PROJECT, "not an atlas project"),
    (b"name,value\nx,1\n", ProjectError.NOT_PROJECT, "not an atlas project"),
    (b'{"type": "FeatureCollection", "features": []}', ProjectError.NOT_PROJECT, "not an atlas project"),
    (b'{"format": "something-else", "schema": 1}', ProjectError.NOT_PROJECT, "not an atlas project"),
    (b'{"format": "central-asia-security-atlas/project", "schema": 1, "map": {"order": [',
     ProjectError.CORRUPT, "damaged or incomplete"),
    (b'{"format": "central-asia-security-atlas/project", "schema": 1, "map": {"view": {"lat": "x"}}}',
     ProjectError.CORRUPT, "map.view.lat must be a number"),
    (b'{"format": "central-asia-security-atlas/project", "schema": 1, '
     b'"slides": [{"bounds": [80, 0, 70, 1]}]}',
     ProjectError.CORRUPT, "slides[0].bounds"),
    (b'{"format": "central-asia-security-atlas/project", "schema": 99, "map": {}}', ProjectError.NEWER,
     "newer version of the atlas"),
])
def test_bad_files_are_refused_with_a_message(tmp_path, content, kind, words):
    path = tmp_path / "bad.atlas.json"
    path.write_bytes(content)
    with pytest.raises(ProjectError) as info:
        proj.load(path)
    assert info.value.kind == kind
    assert words in str(info.value)
    assert path.read_bytes() == content  # refusing changes nothing


def test_a_truncated_save_is_refused_not_half_opened(tmp_path, catalog):
    path = tmp_path / "cut.atlas.json"
    path.write_bytes(proj.dumps(sample(catalog))[:700])
    with pytest.raises(ProjectError) as info:
        proj.load(path)
    assert info.value.kind == ProjectError.CORRUPT


def test_schema_0_is_migrated(tmp_path, catalog):
    # Schema 0: the bare map state the atlas kept in its settings before it had projects.
    state = MapState(catalog)
    state.set_visible("enclaves", False)
    old = state.to_dict()
    del old["time_range"]  # that key came later still
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    project = proj.load(path)
    assert project.slides == [] and project.annotations == []
    assert project.map["layers"]["enclaves"]["visible"] is False
    assert project.map["time_range"] is None
    assert any("schema 0" in w for w in project.warnings)
    proj.save(project, path)
    assert json.loads(path.read_text())["schema"] == proj.SCHEMA_VERSION


def test_bad_annotations_and_overrides_are_reported_and_dropped(tmp_path, catalog):
    raw = sample(catalog).to_dict()
    raw["annotations"] = [ANNOTATION, {"type": "Feature"}, "text", {"type": "Polygon", "coordinates": []}]
    raw["style_overrides"] = {"rivers": {"stroke": "javascript:alert(1)", "weight": 3}}
    project = proj.from_dict(raw)
    assert project.annotations == [ANNOTATION]
    assert project.style_overrides == {"rivers": {"weight": 3}}
    assert len([w for w in project.warnings if w.startswith("annotations[")]) == 3
    assert any("style_overrides.rivers.stroke" in w for w in project.warnings)


def test_applying_a_slide_sets_layers_and_time_but_keeps_order_and_opacity(catalog):
    state = MapState(catalog)
    state.set_opacity("provinces", 0.5)
    order = state.order()
    slide = Slide(visible=["provinces", "countries"], time_range=(2021, 2022))
    slide.apply_to(state)
    assert state.visible_ids() == [i for i in order if i in ("provinces", "countries")]
    assert state.order() == order and state.get("provinces").opacity == 0.5
    assert state.time_range == (2021, 2022)


def test_recovery_files_of_dead_processes_are_found(catalog):
    mine = proj.write_recovery(sample(catalog), "/tmp/x.atlas.json")
    assert proj.load(mine).recovery_of == "/tmp/x.atlas.json"
    assert mine not in proj.orphaned_recoveries()  # this process is alive
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    orphan = proj.recovery_path(int(dead))
    orphan.write_bytes(mine.read_bytes())
    try:
        assert proj.orphaned_recoveries() == [orphan]
    finally:
        proj.discard_recovery(orphan)
        proj.discard_recovery()
    assert not mine.exists() and not orphan.exists()
    assert os.environ["XDG_STATE_HOME"] in str(mine)  # tests never touch the user's own state


def test_there_are_two_lectures():
    assert len(LECTURES) == 2, [p.name for p in LECTURES]


@pytest.mark.parametrize("path", LECTURES, ids=lambda p: p.name)
def test_lectures_are_complete_and_use_only_catalog_layers(path):
    catalog = load_catalog()
    lecture = proj.load(path)
    assert lecture.warnings == []
    assert all(lecture.title.get(lang) for lang in ("en", "ru", "kk"))
    assert 6 <= len(lecture.slides) <= 10
    assert proj.check_layers(lecture, catalog.ids()) == []
    for i, slide in enumerate(lecture.slides):
        assert slide.bounds is not None, i
        assert slide.visible, i
        for texts in (slide.caption, slide.notes):
            assert isinstance(texts, dict) and all(texts.get(lang) for lang in ("en", "ru", "kk")), i
        # Notes end with their sources, named as a reader knows them (author and year), each one a
        # work of the bibliography; the three languages cite the same works.
        cited = _citations(slide.notes["en"], "en")
        assert cited, i
        assert _citations(slide.notes["ru"], "ru") == cited == _citations(slide.notes["kk"], "kk"), i


SOURCES_HEAD = {"en": "Sources: ", "ru": "Источники: ", "kk": "Дереккөздер: "}


def _citations(text: str, lang: str = "en") -> set[frozenset[str]]:
    """The works a note's last paragraph ("Sources: Kurmangali & Jaukhan 2025; …") names: for each
    name, the bibliography ids whose short citation it is (every name must be one)."""
    from gis_app.core.evidence import short_citation

    bib = load_bibliography()
    last = text.rsplit("\n\n", 1)[-1]
    assert last.startswith(SOURCES_HEAD[lang]), last
    out = set()
    for name in last[len(SOURCES_HEAD[lang]):].split("; "):
        ids = frozenset(k for k, item in bib.items() if short_citation(item, lang, limit=None) == name)
        assert ids, f"{name!r} is no work of the bibliography"
        out.add(ids)
    return out


@pytest.mark.parametrize("path", LECTURES, ids=lambda p: p.name)
def test_a_lecture_cites_the_entry_of_every_seed_reference_it_names(path):
    """'ref. 18' in a note means the article's reference 18: where the bibliography has that work
    (its note says 'Reference 18 of Sarybayev (n.d.)'), the slide must cite it, not only the article."""
    import re

    notes = {k: i.get("note", "") for k, i in load_bibliography().items()}
    author = "Kurmangali & Jaukhan (2025)" if "peacekeeping" in path.name else "Sarybayev (n.d.)"
    for n, slide in enumerate(proj.load(path).slides):
        text = slide.notes_in("en")
        cited = set().union(*_citations(text))
        for m in re.finditer(r"refs?\. (\d+)(?:[–-](\d+))?", text):
            for ref in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1):
                entries = {k for k, v in notes.items()
                           if re.search(rf"[Rr]eference {ref} of {re.escape(author)}", v)}
                assert not entries or entries & cited, f"slide {n + 1}: ref. {ref} is {entries}, not cited"
