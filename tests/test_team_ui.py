"""The team workspace in the window, against a real PostgreSQL + PostGIS (tests/pg.py): the connect
dialog's messages, publishing and opening, a colleague's change arriving live, the conflict dialog,
a student's refusal, and the password kept out of every file."""

from __future__ import annotations

import copy
import re
import socket

import pytest
from conftest import close_window, make_window
from PySide6.QtCore import Qt

from gis_app.core import user_layers as ul
from gis_app.ui import settings as typed_settings
from gis_app.ui import team_layers as tl

POSTS = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "1", "name": "Post A", "staff": 12},
     "geometry": {"type": "Point", "coordinates": [72.1, 40.25]}},
    {"type": "Feature", "properties": {"id": "2", "name": "Post B «Ș» 'quoted'", "staff": 8},
     "geometry": {"type": "Point", "coordinates": [70.6, 40.12]}}]}


@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(size=(1200, 800))
    yield win
    close_window(win)


def reset_team(win) -> None:
    """Disconnected, no conflict waiting, nothing to save (each team test ends so)."""
    team = win.team
    if team.conflict_dialog is not None:
        team.conflict_dialog.reject()
    team.conflicts.clear()
    team.disconnect()
    team.info = None
    win.document.mark_clean()


@pytest.fixture(autouse=True)
def clean(request):
    """Each test starts disconnected, with no user layers and no conflict waiting."""
    yield
    if "window" not in request.fixturenames:
        return
    win = request.getfixturevalue("window")
    reset_team(win)
    for entry in list(win.document.user_layers):
        win.document.remove_user_layer(entry["id"])
    win.document.mark_clean()


def page_count(win, layer_id):
    return win.map.eval_js(f"atlas.featureCount({layer_id!r})")


def connect(win, info, password):
    dialog = win.team.connect_dialog()
    dialog.service.setText("")  # the dialog offers the last connection's: a test names its own
    dialog.host.setText(info.host)
    dialog.port.setValue(info.port)
    dialog.dbname.setText(info.dbname)
    dialog.user.setText(info.user)
    dialog.password.setText(password or "")
    ok = dialog.try_connect()
    return dialog, ok


def local_layer(win, title="Border posts") -> str:
    entry = {"id": ul.new_id(title, set()), "title": title, "geometry": "point",
             "style": ul.default_style("point", 0), "label_field": "", "name_field": "name",
             "popup_fields": ["name", "staff"], "time_field": "", "time_end_field": "", "count": 2,
             "crs": "EPSG:4326", "encoding": "utf-8", "repaired": 0, "skipped_null": 0,
             "data": copy.deepcopy(POSTS)}
    win.document.add_user_layers([entry])
    return entry["id"]


def published(win, pg, qtbot, user="alice") -> tuple[str, str]:
    """Alice (an editor) connected in `win` and a local layer published: (local id, server id)."""
    info, password = pg.user(user, "atlas_editor")
    _dialog, ok = connect(win, info, password)
    assert ok
    layer_id = local_layer(win)
    assert ("publish", "Publish to the team workspace…") in win.layer_panel.user_layer_actions()
    win.layer_panel.user_layer_action.emit("publish", layer_id)  # the layer's menu in the Layers panel
    return layer_id, win.document.user_layer(layer_id)["workspace"]["layer_id"]


def table_texts(win) -> set[str]:
    model = win.attribute_table.model
    return {model.text(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())}


def props_of(win, layer_id, fid) -> dict:
    return tl.find_feature(win.document.user_layer(layer_id), fid)["properties"]


# --- connecting ---------------------------------------------------------------------------------------
def test_connect_dialog_says_what_is_wrong_and_remembers_no_password(window, pg, qtbot):
    info, password = pg.user("alice", "atlas_editor")
    dialog, ok = connect(window, info, "not-the-password")
    assert not ok and dialog.isVisible()
    assert "refused the user name or the password for alice" in dialog.error.text()
    assert dialog.password.hasFocus() or dialog.focusWidget() is dialog.password
    with socket.socket() as s:  # a port where no server listens
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    dialog.port.setValue(closed)
    dialog.password.setText(password)
    assert not dialog.try_connect()
    assert f"No team server answers at 127.0.0.1:{closed}" in dialog.error.text()
    dialog.port.setValue(info.port)
    dialog.password.setText(password)
    assert dialog.try_connect()
    assert not dialog.isVisible()
    team = window.team
    assert team.connected and team.workspace.role == "editor"
    assert team.status_label.text() == f"Team: alice@{info.dbname}"
    assert window.actions["team_publish_layer"].isEnabled()
    remembered = window.settings.get(typed_settings.TEAM_CONNECTION)
    assert remembered == {"host": info.host, "port": info.port, "dbname": info.dbname, "user": "alice",
                          "service": ""}
    assert all(password not in str(value) for value in window.settings.backend.values.values())
    # the next dialog starts from what was remembered, with an empty password
    again = team.connect_dialog()
    assert (again.host.text(), again.port.value(), again.user.text(), again.password.text()) == \
        (info.host, info.port, "alice", "")
    again.reject()


def test_a_database_without_the_workspace_is_explained_and_set_up_on_request(window, pg, prompts):
    from tests.pg import SUPERUSER
    with pg.connect(dbname="postgres") as conn:
        conn.execute('DROP DATABASE IF EXISTS "atlas_empty"')
        conn.execute('CREATE DATABASE "atlas_empty"')
    info, password = pg.user("alice", "atlas_editor")
    from gis_app.team.conninfo import ConnInfo
    empty = ConnInfo(info.host, info.port, "atlas_empty", "alice")
    dialog, ok = connect(window, empty, password)  # alice, an editor, may not set it up: not offered
    assert not ok
    assert "An administrator sets it up with the command: gis-app team migrate" in dialog.error.text()
    assert not prompts.messages("ask")
    dialog.reject()
    admin = ConnInfo(info.host, info.port, "atlas_empty", SUPERUSER)
    prompts.queue("ask", "no")
    dialog, ok = connect(window, admin, pg.password)
    assert not ok and "not set up; nothing was changed" in dialog.error.text()
    assert "has no team workspace" in prompts.messages("ask")[-1].text
    prompts.queue("ask", "yes")
    dialog.password.setText(pg.password)
    assert dialog.try_connect()
    assert window.team.connected and window.team.workspace.role == "admin"


def test_a_student_reads_only_and_is_told_so(window, pg, prompts, qtbot):
    info, password = pg.user("carol", "atlas_student")
    _dialog, ok = connect(window, info, password)
    assert ok
    assert window.team.status_label.text() == f"Team: carol@{info.dbname} — read-only"
    layer_id = local_layer(window)
    prompts.queue("choose", layer_id)
    window.actions["team_publish_layer"].trigger()
    (warning,) = prompts.messages("warn")
    assert warning.title == "Publish a layer"
    assert "read-only (student)" in warning.text and "carol, a student" in warning.text
    assert "workspace" not in window.document.user_layer(layer_id)  # still the local layer
    with pg.connect() as conn:
        assert conn.execute("SELECT count(*) FROM atlas.layers").fetchone()[0] == 0


# --- publishing, opening, live ---------------------------------------------------------------------
def test_published_layer_opens_in_a_second_window_and_follows_live(window, window_factory, pg, qtbot):
    from gis_app.team.workspace import Workspace
    layer_id, server_id = published(window, pg, qtbot)
    assert "Published “Border posts”: 2 features." in window.statusBar().currentMessage()
    other = window_factory()
    bob, bob_password = pg.user("bob", "atlas_editor")
    assert connect(other, bob, bob_password)[1]
    dialog = other.team.open_dialog()
    table = dialog.layers
    assert [table.item(0, c).text() for c in (0, 1, 3)] == ["Border posts", "alice", "2"]
    assert table.item(0, 2).text()[:2] == "20"  # when, to the minute
    assert dialog.select("layer", "Border posts") and dialog.open_current()
    (theirs,) = [e["id"] for e in other.document.user_layers]
    qtbot.waitUntil(lambda: page_count(other, theirs) == 2, timeout=10000)
    assert props_of(other, theirs, "2")["name"] == "Post B «Ș» 'quoted'"
    assert other.document.dirty  # a layer added to Bob's project…
    other.document.mark_clean()
    # Alice's edit in her window reaches Bob's open window without a restart: that row only (his
    # page patches the feature in the layer it has drawn, it does not build the layer again)
    build = other.map.eval_js(f"atlas.layerEdits({theirs!r})")["build"]
    assert window.team.save_feature(layer_id, "1", {"name": "Post A renamed", "staff": 14}) == "saved"
    qtbot.waitUntil(lambda: props_of(other, theirs, "1")["name"] == "Post A renamed", timeout=10000)
    qtbot.waitUntil(lambda: other.map.eval_js(f"atlas.layerEdits({theirs!r})")["edits"] == 1, timeout=10000)
    assert other.map.eval_js(f"atlas.layerEdits({theirs!r})")["build"] == build
    other.attribute_table.set_layer(theirs)
    assert "Post A renamed" in table_texts(other)
    # a third client adds and deletes features: both windows follow, on the map too
    dave, dave_password = pg.user("dave", "atlas_editor")
    with Workspace.connect(dave, dave_password) as ws:
        ws.update("feature", f"{server_id}/3", {"type": "Feature", "properties": {"name": "Post C"},
                                                 "geometry": {"type": "Point", "coordinates": [71, 40]}}, 0)
        qtbot.waitUntil(lambda: page_count(other, theirs) == 3 and page_count(window, layer_id) == 3,
                        timeout=10000)
        version = ws.read("feature", f"{server_id}/2")[1]
        ws.update("feature", f"{server_id}/2", None, version)
        qtbot.waitUntil(lambda: page_count(other, theirs) == 2, timeout=10000)
        assert tl.find_feature(other.document.user_layer(theirs), "2") is None
        ws.publish_layer({"title": "Checkpoints", "geometry": "point"}, {"type": "FeatureCollection",
                                                                         "features": []})
    qtbot.waitUntil(lambda: "dave published a layer" in other.statusBar().currentMessage(), timeout=10000)
    assert not other.document.dirty  # …but colleagues' changes are not Bob's edits: the server holds them


# --- conflicts ----------------------------------------------------------------------------------------
def _bob_changes(pg, server_id, fid, name):
    from gis_app.team.workspace import Workspace
    bob, bob_password = pg.user("bob", "atlas_editor")
    with Workspace.connect(bob, bob_password) as ws:
        feature, version = ws.read("feature", f"{server_id}/{fid}")
        feature["properties"]["name"] = name
        return ws.update("feature", f"{server_id}/{fid}", feature, version)


def _server_name(pg, server_id, fid) -> str:
    with pg.connect() as conn:
        return conn.execute("SELECT properties->>'name' FROM atlas.features WHERE id = %s",
                            (f"{server_id}/{fid}",)).fetchone()[0]


def test_conflict_dialog_shows_both_versions_and_takes_theirs(window, pg, qtbot):
    layer_id, server_id = published(window, pg, qtbot)
    _bob_changes(pg, server_id, "1", "Post A (Bob)")
    assert window.team.save_feature(layer_id, "1", {"name": "Post A (Alice)", "staff": 12}) == "conflict"
    dialog = window.team.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text().startswith("bob changed this feature on 20")
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers[1] == "Mine (alice)" and re.fullmatch(r"Theirs \(bob, 20\d\d-\d\d-\d\d \d\d:\d\d UTC\)",
                                                            headers[2])
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["name"] == ("Post A (Alice)", "Post A (Bob)")
    assert rows["staff"] == ("12", "12")
    assert dialog.table.item(list(rows).index("name"), 1).font().bold()      # the difference is marked
    assert not dialog.table.item(list(rows).index("staff"), 1).font().bold()
    assert "1 field differs" in dialog.summary.text()
    assert window.team.conflict_button.isVisible() and window.team.conflict_button.text() == \
        "1 conflict to resolve"
    assert _server_name(pg, server_id, "1") == "Post A (Bob)"  # nothing overwritten meanwhile
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.team.conflict_dialog is None and not window.team.conflicts, timeout=5000)
    assert _server_name(pg, server_id, "1") == "Post A (Bob)"
    qtbot.waitUntil(lambda: props_of(window, layer_id, "1")["name"] == "Post A (Bob)", timeout=5000)
    window.attribute_table.set_layer(layer_id)
    assert "Post A (Bob)" in table_texts(window)
    assert not window.team.conflict_button.isVisible()
    # the next edit is based on the version taken: it goes through
    assert window.team.save_feature(layer_id, "1", {"name": "Post A", "staff": 13}) == "saved"
    assert _server_name(pg, server_id, "1") == "Post A"


def test_conflict_merge_and_decide_later(window, pg, qtbot):
    layer_id, server_id = published(window, pg, qtbot)
    _bob_changes(pg, server_id, "2", "Post B (Bob)")
    assert window.team.save_feature(layer_id, "2", {"name": "Post B (Alice)", "staff": 9}) == "conflict"
    dialog = window.team.conflict_dialog
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)   # decide later: nothing written
    qtbot.waitUntil(lambda: window.team.conflict_dialog is None, timeout=5000)
    assert window.team.conflicts and window.team.conflict_button.isVisible()
    assert _server_name(pg, server_id, "2") == "Post B (Bob)"
    qtbot.mouseClick(window.team.conflict_button, Qt.MouseButton.LeftButton)  # the status bar reopens it
    dialog = window.team.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("name")
    dialog.table.cellDoubleClicked.emit(row, 2)  # their name into the result…
    assert dialog.table.item(row, 3).text() == "Post B (Bob)"
    dialog.set_result("name", "Post B (Alice and Bob)")  # …then edited
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.team.conflicts, timeout=5000)
    with pg.connect() as conn:
        name, staff = conn.execute("SELECT properties->>'name', properties->'staff' FROM atlas.features "
                                   "WHERE id = %s", (f"{server_id}/2",)).fetchone()
    assert (name, staff) == ("Post B (Alice and Bob)", 9)  # a number stays a number
    qtbot.waitUntil(lambda: props_of(window, layer_id, "2")["name"] == "Post B (Alice and Bob)", timeout=5000)


def test_edit_selected_feature_through_its_dialog(window, pg, qtbot):
    layer_id, server_id = published(window, pg, qtbot)
    assert not window.actions["team_edit_feature"].isEnabled()
    window.document.select(layer_id, "1")
    assert window.actions["team_edit_feature"].isEnabled()
    window.actions["team_edit_feature"].trigger()
    from gis_app.ui.team_open import FeatureEditDialog
    (edit,) = [d for d in window.findChildren(FeatureEditDialog) if d.isVisible()]
    assert edit.edits["name"].text() == "Post A" and edit.edits["staff"].text() == "12"
    edit.set_value("staff", "15")
    edit.accept()
    assert _server_name(pg, server_id, "1") == "Post A"
    with pg.connect() as conn:
        assert conn.execute("SELECT properties->'staff' FROM atlas.features WHERE id = %s",
                            (f"{server_id}/1",)).fetchone()[0] == 15


# --- no password in any file ------------------------------------------------------------------------
def test_password_is_in_no_project_setting_or_queue(window, pg, qtbot, tmp_path):
    info, password = pg.user("erin", "atlas_editor")
    assert connect(window, info, password)[1]
    layer_id = local_layer(window)
    assert window.team.publish_layer(layer_id)
    path = tmp_path / "lecture.atlas.json"
    window.document.save(path)
    text = path.read_text(encoding="utf-8")
    assert '"workspace"' in text and '"erin"' in text and password not in text
    assert all(password not in str(v) for v in window.settings.backend.values.values())
    from gis_app.core import paths
    for file in (paths.state_dir() / "team").glob("*") if (paths.state_dir() / "team").exists() else ():
        assert password.encode() not in file.read_bytes()
    with pytest.raises(ValueError):
        window.settings.set(typed_settings.TEAM_CONNECTION, {**tl.link_of(info), "password": password})


# --- offline ------------------------------------------------------------------------------------------
def test_offline_edits_are_queued_then_synced_with_their_conflicts(window, pg, qtbot):
    layer_id, server_id = published(window, pg, qtbot)
    team = window.team
    pg.kill()
    try:
        assert team.save_feature(layer_id, "1", {"name": "Post A offline", "staff": 12}) == "queued"
        assert not team.connected
        assert team.status_label.text() == "Offline — 1 edit queued"
        assert team.save_feature(layer_id, "2", {"name": "Post B offline", "staff": 8}) == "queued"
        assert team.status_label.text() == "Offline — 2 edits queued"
        assert props_of(window, layer_id, "1")["name"] == "Post A offline"  # shown at once
    finally:
        pg.restart_after_kill()
    # Bob changes post B before this window is back (no Qt event is handled in between)
    _bob_changes(pg, server_id, "2", "Post B (Bob)")
    qtbot.waitUntil(lambda: team.connected, timeout=20000)  # the listener or the retry timer reconnects
    assert _server_name(pg, server_id, "1") == "Post A offline"   # the queue drained
    assert team.queued() == 0
    qtbot.waitUntil(lambda: team.conflict_dialog is not None and team.conflict_dialog.isVisible(),
                    timeout=5000)
    dialog = team.conflict_dialog
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["name"] == ("Post B offline", "Post B (Bob)")
    assert _server_name(pg, server_id, "2") == "Post B (Bob)"
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not team.conflicts, timeout=5000)
    assert _server_name(pg, server_id, "2") == "Post B offline"
    assert not team.queue.conflicts()
    assert team.status_label.text().startswith("Team: alice@")
    qtbot.waitUntil(lambda: props_of(window, layer_id, "2")["name"] == "Post B offline", timeout=5000)


# --- lectures and evidence ------------------------------------------------------------------------------
EVIDENCE = {"version": 1,
            "sources": [{"id": "u_notes", "type": "report", "title": "Field notes «Ș» 'quoted'"}],
            "indicators": [{"id": "u_staff", "label": {"en": "Staff", "ru": "Штат", "kk": "Штат"},
                            "unit": "people"}],
            "claims": [{"claim_id": "u_c1", "subject": "user_posts/1", "indicator": "u_staff", "value": "12",
                        "unit": "people", "date": "2024", "citation": "u_notes", "locator": "p. 3",
                        "note": "", "confirmed": "n/a", "estimate": False}],
            "cites": {}}


def test_lecture_and_evidence_go_to_a_colleague_and_evidence_conflicts_are_shown(window, pg, qtbot, prompts):
    from gis_app.team.workspace import Workspace
    dave, dave_password = pg.user("dave", "atlas_editor")
    with Workspace.connect(dave, dave_password) as ws:  # Dave published the same claim with another value
        other = copy.deepcopy(EVIDENCE)
        other["claims"][0]["value"] = "14"
        ws.publish_evidence({"version": 1, "claims": other["claims"]})
    info, password = pg.user("alice", "atlas_editor")
    assert connect(window, info, password)[1]
    local_layer(window)
    window.document.set_title("Week 3: borders")
    window.document.user_evidence = copy.deepcopy(EVIDENCE)
    window.actions["team_publish_evidence"].trigger()
    assert "Evidence published: 2 added, 0 already there, 1 different" in window.statusBar().currentMessage()
    dialog = window.team.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text().startswith("dave changed this claim on 20")
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["value"] == ("12", "14") and rows["locator"] == ("p. 3", "p. 3")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.team.conflicts, timeout=5000)
    with Workspace.connect(dave, dave_password) as ws:
        assert ws.read("claim", "u_c1")[0]["value"] == "12"
        assert ws.read("source", "u_notes")[0]["title"] == "Field notes «Ș» 'quoted'"
    prompts.queue("ask_text", "Week 3: borders")
    window.actions["team_publish_lecture"].trigger()
    assert window.statusBar().currentMessage() == "Lecture “Week 3: borders” published."
    # Bob opens it from the workspace: title, layer with its data, evidence
    window.team.disconnect()
    window.document.mark_clean()
    bob, bob_password = pg.user("bob", "atlas_editor")
    assert connect(window, bob, bob_password)[1]
    dialog = window.team.open_dialog()
    assert dialog.tabs.tabText(1) == "Lectures (1)"
    table = dialog.projects
    assert [table.item(0, c).text() for c in (0, 1)] == ["Week 3: borders", "alice"]
    assert dialog.select("project", "Week 3: borders") and dialog.open_current()
    assert window.document.title == "Week 3: borders"
    (entry,) = window.document.user_layers
    assert entry["title"] == "Border posts" and len(entry["data"]["features"]) == 2
    assert window.document.user_evidence["claims"][0]["value"] == "12"
    qtbot.waitUntil(lambda: page_count(window, entry["id"]) == 2, timeout=10000)


def test_a_feature_deleted_by_a_colleague_comes_back_only_if_chosen(window, pg, qtbot):
    from gis_app.team.workspace import Workspace
    layer_id, server_id = published(window, pg, qtbot)
    bob, bob_password = pg.user("bob", "atlas_editor")
    with Workspace.connect(bob, bob_password) as ws:
        ws.update("feature", f"{server_id}/2", None, ws.read("feature", f"{server_id}/2")[1])
    assert window.team.save_feature(layer_id, "2", {"name": "Post B kept", "staff": 8}) == "conflict"
    dialog = window.team.conflict_dialog
    assert re.match(r"bob deleted this feature on 20\d\d-\d\d-\d\d \d\d:\d\d UTC, after you read it\.",
                    dialog.heading.text())
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["name"] == ("Post B kept", "")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.team.conflicts, timeout=5000)
    assert _server_name(pg, server_id, "2") == "Post B kept"
    qtbot.waitUntil(lambda: props_of(window, layer_id, "2")["name"] == "Post B kept", timeout=5000)


def test_a_service_name_leaves_the_default_fields_to_the_service_file(window, pg, tmp_path, monkeypatch):
    info, password = pg.user("alice", "atlas_editor")
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[atlas_test]\nhost={info.host}\nport={info.port}\ndbname={info.dbname}\n")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{info.host}:{info.port}:{info.dbname}:alice:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    dialog = window.team.connect_dialog()
    dialog.host.setText("localhost")
    dialog.port.setValue(5432)
    dialog.dbname.setText("atlas")
    dialog.user.setText("alice")
    dialog.service.setText("atlas_test")
    assert dialog.values()[0].port == 0 and dialog.values()[0].host == ""
    assert dialog.try_connect(), dialog.error.text()  # no password typed: .pgpass gave it
    assert window.team.connected and window.team._password is None
    assert window.settings.get(typed_settings.TEAM_CONNECTION) == {
        "host": "", "port": 0, "dbname": "", "user": "alice", "service": "atlas_test"}


def test_colleagues_evidence_opens_into_the_project_as_one_undo_step(window, pg, qtbot, prompts):
    """Team → Open colleagues' evidence…: what the workspace has and the project has not is added;
    a figure the project has in another form is kept or taken as the user chooses, never silently;
    the citations join; one Ctrl+Z takes it all back."""
    from gis_app.team.workspace import Workspace
    erlan, erlan_password = pg.user("erlan", "atlas_editor")
    theirs = copy.deepcopy(EVIDENCE)
    theirs["claims"][0]["value"] = "15"
    theirs["claims"].append({**theirs["claims"][0], "claim_id": "u_c2", "value": "3", "indicator": "u_staff"})
    theirs["cites"] = {"conflict_incidents/osh_2010": ["u_notes"]}
    with Workspace.connect(erlan, erlan_password) as ws:
        ws.publish_evidence(theirs)
    info, password = pg.user("alice", "atlas_editor")
    dialog, ok = connect(window, info, password)
    assert ok, dialog.error.text() if hasattr(dialog, "error") else dialog
    mine = copy.deepcopy(EVIDENCE)
    mine["claims"][0]["value"] = "12"
    window.document.user_evidence = mine
    window.undo_stack.clear()
    prompts.queue("choose", "theirs")
    window.actions["team_open_evidence"].trigger()
    asked = [a for a in prompts.asked if a.method == "choose"][-1]
    assert "1 source, figure or indicator of the workspace differs" in asked.text
    claims = {c["claim_id"]: c["value"] for c in window.document.user_evidence["claims"]}
    assert claims["u_c1"] in ("14", "15") and claims["u_c2"] == "3", claims  # u_c1: the workspace's
    assert window.document.cites("conflict_incidents/osh_2010") == ["u_notes"]
    assert "added" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert {c["claim_id"]: c["value"] for c in window.document.user_evidence["claims"]} == {"u_c1": "12"}
    assert window.document.cites("conflict_incidents/osh_2010") == []
    window.document.user_evidence = {}


# --- refusals in the window's language, classified without reading English words ---------------------
def test_a_refused_login_and_a_students_refusal_are_said_in_russian(window, pg, prompts, qtbot):
    import psycopg

    from gis_app.team import errors
    info, password = pg.user("carol", "atlas_student")
    try:
        psycopg.connect(**info.kwargs("not-the-password"), connect_timeout=5)
    except psycopg.OperationalError as exc:
        wrong = exc
    try:  # the server's and libpq's words may be Russian: the class and libpq's flags decide
        raise errors.OfflineError("Сервер недоступен: ПАРОЛЬ?") from wrong
    except errors.OfflineError as exc:
        assert window.team.error_kind(exc, True, info.dbname) == "auth"
        assert window.team.error_kind(exc) == "offline", "during the work: the connection is lost"
    window.set_language("ru")
    try:
        dialog, ok = connect(window, info, "not-the-password")
        assert not ok
        assert dialog.error.text().startswith("Сервер не принял имя пользователя или пароль для carol")
        dialog.close()
        _dialog, ok = connect(window, info, password)
        assert ok
        layer_id = local_layer(window)
        prompts.queue("choose", layer_id)
        window.actions["team_publish_layer"].trigger()
        text = prompts.messages("warn")[-1].text
        assert "только чтение (студент)" in text and "Вы подключены как carol, студент." in text
        assert not re.search(r"\b(the|is|not|student|may)\b", text), text
    finally:
        window.set_language("en")
