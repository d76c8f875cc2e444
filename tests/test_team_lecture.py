"""A lecture opened from (or published to) the team workspace stays linked, in two windows against a
real PostgreSQL + PostGIS (tests/pg.py): an annotation moved in one window is seen live in the other,
two edits of one annotation give the second a conflict with both versions and the server keeps the
chosen one, an offline edit is queued and sent, and publishing again updates the lecture instead of
adding a copy."""

from __future__ import annotations

import json

import pytest
from conftest import close_window, make_window
from PySide6.QtCore import Qt

from gis_app.core import project as proj
from gis_app.core.annotations import make
from tests.test_team_ui import connect, reset_team

OSH = {"type": "Point", "coordinates": [72.8, 40.53]}
KHUJAND = {"type": "Point", "coordinates": [69.62, 40.28]}


@pytest.fixture(scope="module")
def pair(qapp):
    """Two windows (Alice's and Bob's) for the module."""
    made = (make_window(), make_window())
    yield made
    for win in made:
        close_window(win)


@pytest.fixture(autouse=True)
def clean(request):
    yield
    if "pair" not in request.fixturenames:
        return
    for win in request.getfixturevalue("pair"):
        reset_team(win)
        win.project.new()  # no annotations, no link, no undo history


def drawn(win):
    return win.map.evaluate("annotationState")


def server_annotation(pg, row_id) -> dict | None:
    with pg.connect() as conn:
        row = conn.execute("SELECT data FROM atlas.annotations WHERE id = %s", (row_id,)).fetchone()
    return row[0] if row else None


def lecture_count(pg) -> int:
    with pg.connect() as conn:
        return conn.execute("SELECT count(*) FROM atlas.projects").fetchone()[0]


def published_lecture(win, pg, prompts, user="alice") -> str:
    """`user` connected in `win`, two annotations drawn and the lecture published: its id."""
    info, password = pg.user(user, "atlas_editor")
    assert connect(win, info, password)[1]
    tools = win.annotation_tools
    tools.add(make("text", OSH, "osh", text="Osh «Ош» 'q'"))
    tools.add(make("marker", KHUJAND, "khujand", text="Khujand", note="checkpoint"))
    win.document.set_title("Week 5: the valley")
    prompts.queue("ask_text", "Week 5: the valley")
    win.actions["team_publish_lecture"].trigger()
    assert win.statusBar().currentMessage() == "Lecture “Week 5: the valley” published."
    link = win.document.lecture_link
    assert link["annotations"] == {"osh": 1, "khujand": 1} and link["user"] == user
    return link["project_id"]


def opened_by(win, pg, user="bob") -> None:
    info, password = pg.user(user, "atlas_editor")
    assert connect(win, info, password)[1]
    dialog = win.team.open_dialog()
    assert dialog.select("project", "Week 5: the valley") and dialog.open_current()
    assert win.document.lecture_link["annotations"] == {"osh": 1, "khujand": 1}
    assert not win.document.dirty


def test_a_move_is_seen_live_and_publishing_again_updates_the_lecture(pair, pg, qtbot, prompts, tmp_path):
    a, b = pair
    project_id = published_lecture(a, pg, prompts)
    assert a.document.dirty  # the link is new: the project is saved with it
    opened_by(b, pg)
    assert [x["properties"]["text"] for x in b.document.annotations] == ["Osh «Ош» 'q'", "Khujand"]
    qtbot.waitUntil(lambda: drawn(b)["count"] == 2, timeout=10000)
    # Alice drags the label on her map (the page reports the moved geometry): Bob's window follows
    moved = {"type": "Point", "coordinates": [72.35, 40.9]}
    a.annotation_tools.page_changed(json.dumps({"id": "osh", "geometry": moved}))
    assert server_annotation(pg, f"{project_id}/osh")["geometry"] == moved
    assert a.document.lecture_link["annotations"]["osh"] == 2
    qtbot.waitUntil(lambda: b.annotations.get("osh")["geometry"] == moved, timeout=10000)
    assert b.document.lecture_link["annotations"]["osh"] == 2
    assert not b.document.dirty and b.undo_stack.count() == 0  # a colleague's change: no edit of Bob's
    # Bob deletes the marker (the toolbar's Delete): gone on the server and in Alice's window
    b.annotation_tools.select("khujand")
    b.annotation_tools.delete_selected()
    assert server_annotation(pg, f"{project_id}/khujand") is None
    qtbot.waitUntil(lambda: "khujand" not in a.annotations, timeout=10000)
    qtbot.waitUntil(lambda: drawn(a)["count"] == 1, timeout=10000)
    # publishing again updates that lecture: no name asked, no second copy, the title is the new one
    a.document.set_title("Week 5: the valley (revised)")
    a.actions["team_publish_lecture"].trigger()
    message = a.statusBar().currentMessage()
    assert "updated in the workspace (version 2)" in message and "no copy was made" in message
    assert lecture_count(pg) == 1
    with pg.connect() as conn:
        assert conn.execute("SELECT data->>'title' FROM atlas.projects").fetchone()[0] == \
            "Week 5: the valley (revised)"
    # the link is saved in the project, never the password, and comes back when it is opened
    path = tmp_path / "week5.atlas.json"
    a.document.save(path)
    text = path.read_text(encoding="utf-8")
    assert '"lecture"' in text and project_id in text and pg.user("alice", "atlas_editor")[1] not in text
    assert proj.load(path).lecture == {**a.document.lecture_link}
    assert a.document.lecture_link["version"] == 2


def test_two_edits_of_one_annotation_give_the_second_the_conflict(pair, pg, qtbot, prompts):
    a, b = pair
    project_id = published_lecture(a, pg, prompts)
    opened_by(b, pg)
    row = f"{project_id}/osh"
    # both change the label's text before either hears of the other's (no Qt event in between)
    a.annotation_tools.select("osh")
    a.annotation_tools.ask_text = lambda kind, text="", note="": ("Osh (Alice)", "")
    a.annotation_tools.edit_text()
    b.annotation_tools.select("osh")
    b.annotation_tools.ask_text = lambda kind, text="", note="": ("Osh (Bob)", "market")
    b.annotation_tools.edit_text()
    assert server_annotation(pg, row)["properties"]["text"] == "Osh (Alice)"  # nothing overwritten
    dialog = b.team.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text().startswith("alice changed this annotation on 20")
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["text"] == ("Osh (Bob)", "Osh (Alice)") and rows["note"] == ("market", "")
    assert rows["color"] == ("#d62728", "#d62728") and "geometry" in rows
    assert b.annotations.get("osh")["properties"]["text"] == "Osh (Bob)"  # mine shown until chosen
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not b.team.conflicts, timeout=5000)
    assert server_annotation(pg, row)["properties"]["text"] == "Osh (Alice)"
    assert b.annotations.get("osh")["properties"]["text"] == "Osh (Alice)"
    assert b.document.lecture_link["annotations"]["osh"] == 2
    # the other way round: Alice restyles while Bob's recolouring is on its way; Alice keeps hers
    b.annotation_tools.select("osh")
    b.annotation_tools.restyle("color", "#1f77b4")
    a.annotation_tools.restyle("color", "#2ca02c")
    dialog = a.team.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["color"] == ("#2ca02c", "#1f77b4")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not a.team.conflicts, timeout=5000)
    assert server_annotation(pg, row)["properties"]["color"] == "#2ca02c"
    qtbot.waitUntil(lambda: b.annotations.get("osh")["properties"]["color"] == "#2ca02c", timeout=10000)
    assert lecture_count(pg) == 1
    # both add an annotation at the same moment under the same id: two annotations, no conflict
    a.annotation_tools.add(make("marker", KHUJAND, "note1", text="Alice's"))
    b.annotation_tools.add(make("marker", OSH, "note1", text="Bob's"))
    assert not b.team.conflicts and (b.team.conflict_dialog is None or not b.team.conflict_dialog.isVisible())
    assert b.annotations.get("note1")["properties"]["text"] == "Alice's"
    (bobs,) = [x for x in b.annotations if x["properties"]["text"] == "Bob's"]
    assert f"both are kept, yours as “{bobs['id']}”" in b.statusBar().currentMessage()
    assert server_annotation(pg, f"{project_id}/{bobs['id']}")["properties"]["text"] == "Bob's"
    assert server_annotation(pg, f"{project_id}/note1")["properties"]["text"] == "Alice's"
    qtbot.waitUntil(lambda: bobs["id"] in a.annotations, timeout=10000)


def test_an_offline_edit_is_queued_and_sent_and_a_colleagues_comes_in(pair, pg, qtbot, prompts):
    from gis_app.team.workspace import Workspace
    a, _b = pair
    project_id = published_lecture(a, pg, prompts)
    team = a.team
    pg.kill()
    try:
        a.annotation_tools.select("osh")
        a.annotation_tools.ask_text = lambda kind, text="", note="": ("Osh offline", "")
        a.annotation_tools.edit_text()
        assert not team.connected
        assert team.status_label.text() == "Offline — 1 edit queued"
        assert a.annotations.get("osh")["properties"]["text"] == "Osh offline"  # shown at once
        a.annotation_tools.add(make("marker", KHUJAND, "note1", text="Alice's, offline"))
        assert team.status_label.text() == "Offline — 2 edits queued"
    finally:
        pg.restart_after_kill()
    # Bob moves the marker and adds one under the same id as Alice's before her window is back (no
    # Qt event is handled in between)
    bob, bob_password = pg.user("bob", "atlas_editor")
    with Workspace.connect(bob, bob_password) as ws:
        marker, version = ws.read("annotation", f"{project_id}/khujand")
        ws.update("annotation", f"{project_id}/khujand", {**marker, "geometry": OSH}, version)
        ws.update("annotation", f"{project_id}/note1", make("text", OSH, "note1", text="Bob's"), 0)
    qtbot.waitUntil(lambda: team.connected, timeout=20000)
    assert team.queued() == 0
    assert server_annotation(pg, f"{project_id}/osh")["properties"]["text"] == "Osh offline"
    assert a.annotations.get("khujand")["geometry"] == OSH
    assert a.annotations.get("note1")["properties"]["text"] == "Bob's"
    (mine,) = [x["id"] for x in a.annotations if x["properties"]["text"] == "Alice's, offline"]
    assert server_annotation(pg, f"{project_id}/{mine}")["properties"]["text"] == "Alice's, offline"
    assert a.document.lecture_link["annotations"] == {"osh": 2, "khujand": 2, "note1": 1, mine: 1}
    assert not team.conflicts and not team.queue.conflicts()
