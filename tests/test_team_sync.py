"""Live changes (LISTEN/NOTIFY) and offline work (the queue) against a real server, including a
server killed (pg_ctl -m immediate) in the middle of a sync."""

from __future__ import annotations

import queue
import time

import pytest

from gis_app.team.errors import OfflineError, ReadOnlyError
from gis_app.team.listen import Listener
from gis_app.team.queue import OfflineQueue
from gis_app.team.workspace import Workspace


def wait_for(changes: queue.Queue, pred, timeout: float = 10.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            change = changes.get(timeout=0.2)
        except queue.Empty:
            continue
        if pred(change):
            return change
    raise AssertionError("the change never arrived")


@pytest.fixture
def editors(pg):
    made = []

    def connect(name: str, role: str = "atlas_editor") -> Workspace:
        info, password = pg.user(name, role)
        made.append(Workspace.connect(info, password))
        return made[-1]

    yield connect
    for ws in made:
        ws.close()


def point(fid: str, lon: float, lat: float, name: str) -> dict:
    return {
        "type": "Feature",
        "properties": {"id": fid, "name": name},
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
    }


def test_a_colleagues_new_feature_reaches_a_listener(pg, editors):
    alice, bob = editors("alice"), editors("bob")
    layer_id = alice.publish_layer(
        {"id": "posts", "title": "Posts"}, {"type": "FeatureCollection", "features": []}
    )
    changes: queue.Queue = queue.Queue()
    states: list[str] = []
    info, password = pg.user("sam", "atlas_student")
    listener = Listener(info, password, changes.put, states.append, poll=0.1, retry=0.2)
    try:
        assert listener.wait_listening(10)
        bob.update("feature", f"{layer_id}/p9", point("p9", 74.6, 42.9, "Бишкек 🏔"), 0)
        got = wait_for(changes, lambda c: c.get("kind") == "feature")
        assert got == {
            "kind": "feature",
            "op": "insert",
            "row_id": "posts/p9",
            "layer_id": "posts",
            "version": 1,
            "who": "bob",
            "pid": bob.backend_pid,
        }
        # what the listener's owner then reads is the colleague's feature, exactly
        data, version = alice.read("feature", got["row_id"])
        assert data["properties"]["name"] == "Бишкек 🏔" and version == 1
        # a change rolled back is never announced; a published layer is one announcement
        with pytest.raises(RuntimeError, match="rolled back"), bob.conn.transaction():
            bob.conn.execute("INSERT INTO atlas.claims (id, data) VALUES ('u_x', '{}')")
            raise RuntimeError("rolled back")
        bob.publish_layer(
            {"id": "big", "title": "Big"},
            {
                "type": "FeatureCollection",
                "features": [point(str(i), 70 + i / 100, 40, "x") for i in range(300)],
            },
        )
        got = wait_for(changes, lambda c: c.get("kind") in ("layer", "claim") or c.get("layer_id") == "big")
        assert (got["kind"], got["row_id"], got["op"]) == ("layer", "big", "insert")
        time.sleep(0.5)
        assert changes.empty(), "one announcement per published layer, not one per feature"
        assert states == ["online"]
    finally:
        listener.stop()


def test_listener_says_offline_and_back_online(pg, editors):
    states: queue.Queue = queue.Queue()
    info, password = pg.user("sam", "atlas_student")
    listener = Listener(info, password, lambda c: None, states.put, poll=0.1, retry=0.2)
    try:
        assert listener.wait_listening(10)
        assert states.get(timeout=5) == "online" and listener.alive
        pg.kill()
        assert states.get(timeout=10) == "offline" and not listener.alive
        pg.restart_after_kill()
        assert states.get(timeout=15) == "online"
    finally:
        listener.stop()
        if not (pg.data / "postmaster.pid").exists():
            pg.restart_after_kill()


def test_offline_edits_merge_and_drain(pg, editors, tmp_path):
    alice = editors("alice")
    alice.update("claim", "u_c1", {"subject": "KAZ", "value": "1"}, 0)
    q = OfflineQueue(tmp_path / "queue.sqlite")
    q.enqueue("claim", "u_c1", {"subject": "KAZ", "value": "2"}, 1)
    q.enqueue("claim", "u_c1", {"subject": "KAZ", "value": "3"}, 1)  # merged with the one before
    q.enqueue("claim", "u_new", {"subject": "TJK", "value": "Ғ'; --"}, 0)
    q.enqueue("claim", "u_tmp", {"subject": "KGZ", "value": "x"}, 0)
    q.enqueue("claim", "u_tmp", None, 0)  # added and removed offline
    assert q.pending() == 2 == len(q)
    q.close()
    q = OfflineQueue(tmp_path / "queue.sqlite")  # survives a restart
    assert q.pending() == 2
    result = q.sync(alice)
    assert (result.applied, result.conflicts, q.pending()) == (2, [], 0)
    assert alice.read("claim", "u_c1") == ({"subject": "KAZ", "value": "3", "claim_id": "u_c1"}, 2)
    assert alice.read("claim", "u_new")[0]["value"] == "Ғ'; --"
    assert alice.read("claim", "u_tmp") is None


def test_offline_conflict_surfaces_and_is_kept_until_settled(pg, editors, tmp_path):
    alice, bob = editors("alice"), editors("bob")
    alice.update("claim", "u_c1", {"subject": "KAZ", "value": "1"}, 0)
    q = OfflineQueue(tmp_path / "q.sqlite")
    q.enqueue("claim", "u_c1", {"subject": "KAZ", "value": "alice offline"}, 1)
    bob.update("claim", "u_c1", {"subject": "KAZ", "value": "bob online"}, 1)
    result = q.sync(alice)
    assert result.applied == 0 and len(result.conflicts) == 1
    c = result.conflicts[0]
    assert (c.theirs["value"], c.mine["value"], c.their_who, c.base_version, c.their_version) == (
        "bob online",
        "alice offline",
        "bob",
        1,
        2,
    )
    assert alice.read("claim", "u_c1")[0]["value"] == "bob online"  # not overwritten
    q.close()
    q = OfflineQueue(tmp_path / "q.sqlite")
    kept = q.conflicts()
    assert [(k.row_id, k.mine["value"]) for k in kept] == [("u_c1", "alice offline")]
    assert q.resolve(alice, kept[0], "mine") == 3
    assert q.conflicts() == [] and alice.read("claim", "u_c1")[0]["value"] == "alice offline"


def test_a_student_cannot_sync_and_loses_nothing(pg, editors, tmp_path):
    sam = editors("sam", "atlas_student")
    q = OfflineQueue(tmp_path / "q.sqlite")
    q.enqueue("claim", "u_s", {"subject": "KAZ", "value": "1"}, 0)
    with pytest.raises(ReadOnlyError):
        q.sync(sam)
    assert q.pending() == 1


def _claims(pg) -> dict[str, tuple[str, int]]:
    with pg.connect() as conn:
        return {i: (d["value"], v) for i, d, v in conn.execute("SELECT id, data, version FROM atlas.claims")}


def test_server_killed_mid_sync_loses_nothing_and_applies_no_half_batch(pg, editors, tmp_path):
    alice = editors("alice")
    q = OfflineQueue(tmp_path / "q.sqlite")
    for i in range(100):
        alice.update("claim", f"u_{i:03}", {"subject": "KAZ", "value": "server"}, 0)
    for i in range(100):
        q.enqueue("claim", f"u_{i:03}", {"subject": "KAZ", "value": f"offline {i}"}, 1)
    for i in range(100, 150):
        q.enqueue("claim", f"u_{i:03}", {"subject": "UZB", "value": f"new {i}"}, 0)

    def crash_in_third_batch(number: int) -> None:
        if number == 2:
            pg.kill()  # the batch's rows are written, its COMMIT never comes

    with pytest.raises(OfflineError):
        q.sync(alice, batch_size=20, _before_commit=crash_in_third_batch)
    pg.restart_after_kill()
    now = _claims(pg)
    done = sorted(i for i, (value, _v) in now.items() if value.startswith("offline"))
    assert done == [f"u_{i:03}" for i in range(40)], "two whole batches confirmed, nothing of the third"
    assert q.pending() == 110
    alice.reconnect()
    result = q.sync(alice, batch_size=20)
    assert (result.applied, result.conflicts, q.pending()) == (110, [], 0)
    now = _claims(pg)
    assert {i: now[f"u_{i:03}"] for i in range(100)} == {i: (f"offline {i}", 2) for i in range(100)}
    assert {i: now[f"u_{i:03}"] for i in range(100, 150)} == {i: (f"new {i}", 1) for i in range(100, 150)}


def test_a_reply_lost_after_commit_is_not_applied_twice(pg, editors, tmp_path):
    alice = editors("alice")
    q = OfflineQueue(tmp_path / "q.sqlite")
    for i in range(30):
        q.enqueue("claim", f"u_{i:03}", {"subject": "KAZ", "value": f"v{i}"}, 0)

    def lost_reply(number: int) -> None:
        if number == 1:
            raise ConnectionResetError("the reply was lost")

    with pytest.raises(ConnectionResetError):
        q.sync(alice, batch_size=10, _after_commit=lost_reply)
    assert q.pending() == 20  # the committed batch is not yet confirmed here
    result = q.sync(alice, batch_size=10)
    assert (result.applied, result.conflicts, q.pending()) == (20, [], 0)
    now = _claims(pg)
    assert now == {f"u_{i:03}": (f"v{i}", 1) for i in range(30)}  # version 1: each applied once


def test_listener_to_a_server_that_is_not_there_says_offline_once():
    import socket

    from gis_app.team.conninfo import ConnInfo

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    states: queue.Queue = queue.Queue()
    listener = Listener(ConnInfo("127.0.0.1", dead, "atlas", "x"), "x", lambda c: None, states.put, retry=0.1)
    try:
        assert states.get(timeout=10) == "offline"
        time.sleep(0.5)  # several more tries
        assert states.empty() and not listener.listening.is_set()
    finally:
        listener.stop()
