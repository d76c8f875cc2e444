"""The notes a project leaves when it opens (parts that were wrong and left out) reach a Kazakh or
Russian reader in their language: a slide by its number as the Slides dock shows it, a layer by its
title, a source by its short citation; never a JSON path (slides[1], style_overrides.…) or an English
line. The English lines stay, unchanged, in `Project.warnings` for the command line and the logs."""

from __future__ import annotations

import json
import logging
import re
import zipfile

import pytest
from conftest import close_window, make_window

from gis_app.core import project as proj
from gis_app.core import user_evidence as ue
from gis_app.core.bundle import PROJECT_NAME
from gis_app.core.catalog import load_catalog
from gis_app.core.map_state import MapState
from gis_app.ui import i18n, load_notes

JSON_PATH = re.compile(r"slides\[|style_overrides|evidence\.|annotations\[|thumbnail|skipped|\w+\[\d+\]")
ENGLISH = re.compile(r"\b(the|was|were|left|out|could|not|read|slide|layer|source)\b", re.I)
ENGLISH_LINES = [
    "evidence.sources[0] skipped: 'issued' must be {\"date-parts\": [[year, month, day]]}",
    "style_overrides.rivers.stroke skipped: unknown key or bad value",
    "slides[1].thumbnail skipped: not base64 text",
]


def hostile(catalog, lang: str) -> dict:
    """A project with four bad parts: a thumbnail of slide 2 that is not a picture, a style value of
    a shipped layer that is not a colour, a layer this atlas does not have, a source with a date
    that is not one."""
    raw = proj.Project(map=MapState(catalog).to_dict(), language=lang, title="Notes").to_dict()
    raw["slides"] = [
        {"caption": "one", "visible": ["countries"]},
        {"caption": "two", "visible": ["countries", "no_such_layer"], "thumbnail": "<img onerror=x>"},
    ]
    raw["style_overrides"] = {"rivers": {"stroke": "javascript:alert(1)", "weight": 2}}
    raw["evidence"] = {"version": 1, "sources": [
        {"id": "u_smith", "title": "Border report", "author": [{"family": "Smith"}], "issued": "yesterday"},
        {"id": "u_kept", "title": "A good one", "issued": {"date-parts": [[2020]]}}]}
    return raw


def write(tmp_path, catalog, lang: str):
    path = tmp_path / f"notes-{lang}.atlas.json"
    path.write_text(json.dumps(hostile(catalog, lang)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(lang="kk", size=(900, 640))
    yield win
    win.set_language("en")  # the application's translator is shared: the next module reads English
    close_window(win)


def opened(win, path) -> str:
    assert win.project.open_path(path)
    return win.statusBar().currentMessage()


def test_the_notes_of_a_project_are_said_in_kazakh(window, tmp_path):
    path = write(tmp_path, window.catalog, "kk")
    text = opened(window, path)
    assert window.lang == "kk"
    assert text.startswith(f"Ашылды: {path.name}; 4 ескертпе: "), text
    rivers = window.catalog.layer("rivers").title_in("kk")
    assert rivers == "Өзендер"
    for expected in ("2-слайдтың шағын суретін оқу мүмкін болмады",  # slide 2, as the dock numbers it
                     f"«{rivers}» қабаты: «сызық түсі» баптауын оқу мүмкін болмады",
                     "Бұл атласта жоқ 1 қабат ескерілмеді: no_such_layer.",  # all there is to call it
                     "Жобаның «Smith жылсыз» дереккөзі алынып тасталды."):   # its short citation
        assert expected in text, (expected, text)
    assert not JSON_PATH.search(text), text
    assert not ENGLISH.search(text.replace(path.name, "")), text
    # the project opened with the rest: the good source, the valid style value, both slides
    assert [s["id"] for s in window.document.user_evidence["sources"]] == ["u_kept"]
    assert window.document.style_overrides == {"rivers": {"weight": 2}}
    assert len(window.document.slides) == 2


def test_the_notes_of_a_project_are_said_in_russian(window, tmp_path):
    path = write(tmp_path, window.catalog, "ru")
    text = opened(window, path)
    assert window.lang == "ru"
    assert text.startswith(f"Открыто: {path.name}; 4 замечания: "), text
    for expected in ("Не удалось прочитать миниатюру слайда 2, она пропущена",
                     "Слой «Реки»: не удалось прочитать настройку «цвет линии», она пропущена.",
                     "1 слой, которого нет в этом атласе, пропущен: no_such_layer.",
                     "Источник проекта «Smith б. г.» пропущен. Одну из дат источника не удаётся прочитать"):
        assert expected in text, (expected, text)
    assert not JSON_PATH.search(text), text
    assert not ENGLISH.search(text.replace(path.name, "")), text


def test_in_english_the_lines_for_the_command_line_and_the_log_are_unchanged(window, tmp_path, caplog):
    path = write(tmp_path, window.catalog, "en")
    assert proj.load(path).warnings == ENGLISH_LINES  # as `gis-app validate --project` prints them
    with caplog.at_level(logging.WARNING, logger="gis_app.ui.project_actions"):
        text = opened(window, path)
    assert window.lang == "en"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"{path.name}: {'; '.join(ENGLISH_LINES)}; unknown layers ignored: no_such_layer" in logged
    assert text.startswith(f"Opened {path.name} with 4 notes: "), text
    assert "The picture of slide 2 could not be read" in text, text
    assert "Layer “Rivers”: the setting “line colour” could not be read" in text, text
    assert not JSON_PATH.search(text), text


def test_a_bundle_says_its_notes_too(window, tmp_path, prompts):
    """A bundle (.atlas.zip) whose project has a bad part: the same notes, in the project's language."""
    bundle = tmp_path / "notes.atlas.zip"
    raw = hostile(window.catalog, "ru")
    del raw["evidence"], raw["style_overrides"]
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr(PROJECT_NAME, json.dumps(raw))
    window.document.mark_clean()
    assert window.user_layers.open_bundle(bundle)
    text = window.statusBar().currentMessage()
    assert text.startswith("Открыто: notes.atlas.zip; 2 замечания: "), text
    assert "миниатюру слайда 2" in text and "no_such_layer" in text and not JSON_PATH.search(text), text


# --- every note core writes has a sentence in each language (no window) ----------------------------
def _every_note(tmp_path, monkeypatch) -> list[str]:
    catalog = load_catalog()
    monkeypatch.setattr(ue, "MAX_SOURCES", 1)
    monkeypatch.setattr(proj, "MAX_THUMBNAIL_TEXT", 8)
    raw = hostile(catalog, "xx")  # an unknown language
    raw["annotations"] = ["junk", {"type": "Feature"}]
    raw["slides"][0]["annotations"] = [{"type": "Feature", "properties": {"kind": "nonsense"}}]
    raw["slides"][0]["thumbnail"] = "QUJDREVGR0hJSktM"  # base64, longer than the (patched) limit
    raw["style_overrides"]["lakes"] = "red"
    raw["style_overrides"]["rivers"]["glow"] = 3
    raw["basemap"], raw["lecture"] = {"path": 3}, {"project_id": ""}
    claim = {"claim_id": "u_c", "subject": "KGZ", "indicator": "uniformed_personnel", "value": "1",
             "date": "soon", "citation": "u_smith"}
    raw["evidence"].update(
        claims=[claim, {**claim, "date": "2020", "claim_id": "c2"}, {**claim, "date": ""}, "junk"],
        indicators=[{"id": "u_i", "label": {"en": "", "ru": ""}}, {"id": "u_j", "label": {"ru": "Доля"}},
                    {"id": "u_j", "label": {"ru": "Доля"}}],
        cites={"rivers/r1": "x", "lakes": [1]})
    raw["title"] = "\ud800"  # a character no file can hold
    path = tmp_path / "every.atlas.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    notes = list(proj.load(path).warnings)
    notes += proj.from_dict(MapState(catalog).to_dict()).warnings  # schema 0 (a bare map state): converted
    for evidence in ("nonsense", {"version": 7}, {"version": 1, "sources": {}, "cites": []}):
        notes += proj.from_dict({**proj.Project().to_dict(), "evidence": evidence}).warnings
    notes.append(load_notes.unknown_layers_note(["no_such_layer", "nor_this"]))
    return notes


CODES = {"annotation-skipped", "style-not-table", "style-skipped", "thumbnail-not-base64",
         "thumbnail-too-long", "schema-converted", "language-unknown", "characters-replaced",
         "lecture-link-skipped", "basemap-skipped",
         "evidence-not-table", "evidence-version", "evidence-part-not-list", "evidence-truncated",
         "evidence-sources-skipped", "evidence-claims-skipped", "evidence-indicators-skipped",
         "evidence-cites-not-table", "evidence-cites-skipped", "layers-unknown"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_note_has_a_sentence_in_the_readers_language(qapp, tmp_path, monkeypatch, lang):
    notes = _every_note(tmp_path, monkeypatch)
    assert {note.code for note in notes} == CODES  # every note is coded, and this test sees each kind
    catalog = load_catalog()
    i18n.install(lang)
    try:
        for note in notes:
            text = load_notes.note_text(note, lang, catalog)
            assert text != str(note) and re.search("[а-яәіңғүұқөһ]", text, re.I), (str(note), text)
            assert not JSON_PATH.search(text) and not ENGLISH.search(text), (str(note), text)
            assert not re.search(r"u_\w", text), text  # no internal id (u_ alone: the rule for one)
    finally:
        i18n.install("en")


def test_an_unknown_note_is_shown_as_it_is(qapp):
    assert load_notes.note_text("something the atlas says in English", "kk") == \
        "something the atlas says in English"


def test_a_user_layer_missing_from_the_catalog_is_named_by_its_own_title(qapp):
    """A user layer whose file is gone is not drawn (not in the catalog), but the document keeps its
    entry and title: a note about it names it by that title, in the reader's language."""

    class Document:
        def user_layer(self, layer_id):
            if layer_id != "u_posts":
                raise KeyError(layer_id)
            return {"id": "u_posts", "title": {"en": "Border posts", "ru": "Погранпосты"}}

    raw = {**proj.Project().to_dict(), "style_overrides": {"u_posts": {"dash": []}}}
    note = proj.from_dict(raw).warnings[0]
    assert str(note) == "style_overrides.u_posts.dash skipped: unknown key or bad value"
    i18n.install("ru")
    try:
        assert load_notes.note_text(note, "ru", load_catalog(), Document()) == \
            "Слой «Погранпосты»: не удалось прочитать настройку «пунктир линии», она пропущена."
    finally:
        i18n.install("en")
    assert load_notes.note_text(note, "en", load_catalog(), Document()) == \
        "Layer “Border posts”: the setting “dash pattern” could not be read and was left out."
