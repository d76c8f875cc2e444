"""Benchmark of the team workspace on a real PostgreSQL + PostGIS (a throw-away cluster, as the
tests make it: tests/pg.py). Prints JSON lines, as scripts/bench.py (which calls this).

    .venv/bin/python scripts/bench_team.py [--clients 10] [--edits 100] [--rows 20] [--features 100000]
                                           [--queued 1000] [--runs 3]

- team_concurrent_edits: N clients x M edits at once on a few shared rows (claims); each edit
  reads the row, changes it and writes with its base version; a conflict is surfaced (counted) and
  then settled as "mine" on top of theirs (the user's choice, having seen theirs), until written.
  lost = committed edits found neither in the table nor in atlas.history (must be 0);
  overwrites_unseen = writes that replaced a version their author had not seen (must be 0);
  version_steps (sum of versions - 1) and distinct_versions must both equal committed.
- team_last_save_wins_baseline: the same work as the anchors write it (no version check): the
  edits that replaced a colleague's edit unseen (silently lost).
- team_open_layer: publish a 100,000-point layer, then open it (median of --runs).
- team_offline_sync: --queued edits of that layer's features queued offline, then synced.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gis_app.team.errors import ConflictError  # noqa: E402
from gis_app.team.queue import OfflineQueue  # noqa: E402
from gis_app.team.workspace import Workspace  # noqa: E402
from tests.pg import Cluster  # noqa: E402


def line(name: str, **fields) -> None:
    print(json.dumps({"metric": name, **fields}), flush=True)


def concurrent_edits(pg: Cluster, clients: int, edits: int, rows: int) -> None:
    setup = Workspace.connect(*pg.user("bench_admin", "atlas_admin"))
    for r in range(rows):
        setup.update("claim", f"u_shared_{r}", {"subject": "KAZ", "value": "start"}, 0)
    workers = [Workspace.connect(*pg.user(f"bench_{c}", "atlas_editor")) for c in range(clients)]
    committed: list[str] = []
    written: list[tuple[str, int, int]] = []  # (row, the version the author had seen, the new version)
    surfaced = [0] * clients
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def work(c: int) -> None:
        ws, rnd = workers[c], random.Random(c)
        start.wait()
        for i in range(edits):
            row_id = f"u_shared_{rnd.randrange(rows)}"
            data, version = ws.read("claim", row_id)
            mine = {**data, "value": f"{c}-{i}"}
            try:
                steps = [(row_id, version, ws.update("claim", row_id, mine, version))]
            except ConflictError as exc:
                surfaced[c] += 1
                conflict = exc.conflict
                while True:  # the user has seen theirs and keeps mine on top of the newest
                    try:
                        steps = [(row_id, conflict.their_version, ws.resolve(conflict, "mine"))]
                        break
                    except ConflictError as again:
                        surfaced[c] += 1
                        conflict = again.conflict
            with lock:
                committed.append(f"{c}-{i}")
                written.extend(steps)

    threads = [threading.Thread(target=work, args=(c,)) for c in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    with pg.connect() as conn:
        now = {
            v for (v,) in conn.execute("SELECT data->>'value' FROM atlas.claims WHERE id LIKE 'u_shared_%'")
        }
        kept = {
            v
            for (v,) in conn.execute("SELECT data->'data'->>'value' FROM atlas.history WHERE kind = 'claim'")
        }
        versions = conn.execute(
            "SELECT sum(version - 1) FROM atlas.claims WHERE id LIKE 'u_shared_%'"
        ).fetchone()[0]
    lost = [t for t in committed if t not in now and t not in kept]
    # a write over a version its author had not seen (what "last save wins" does): must be none
    unseen = sum(1 for _row, seen, new in written if new != seen + 1)
    distinct = len({(row, new) for row, _seen, new in written})
    line(
        "team_concurrent_edits",
        clients=clients,
        edits_per_client=edits,
        shared_rows=rows,
        committed=len(committed),
        conflicts_surfaced=sum(surfaced),
        lost=len(lost),
        overwrites_unseen=unseen,
        distinct_versions=distinct,
        version_steps=int(versions),
        seconds=round(seconds, 2),
        edits_per_s=round(len(committed) / seconds, 1),
        target_lost=0,
    )
    for ws in [setup, *workers]:
        ws.close()


def last_save_wins(pg: Cluster, clients: int, edits: int, rows: int) -> None:
    """The same work written as the anchors do it (plain UPDATE, no version check): how many edits
    replaced a colleague's edit that their author had never seen (silently lost)."""
    import psycopg
    from psycopg.types.json import Jsonb

    conns = []
    for c in range(clients):
        info, password = pg.user(f"bench_{c}", "atlas_editor")
        conns.append(psycopg.connect(**info.kwargs(password), autocommit=True))
    with pg.connect() as conn:
        conn.execute("UPDATE atlas.claims SET data = data WHERE id LIKE 'u_shared_%'")
    silent = [0] * clients
    start = threading.Barrier(clients)

    def work(c: int) -> None:
        conn, rnd = conns[c], random.Random(100 + c)
        start.wait()
        for i in range(edits):
            row_id = f"u_shared_{rnd.randrange(rows)}"
            data, seen = conn.execute(
                "SELECT data, version FROM atlas.claims WHERE id = %s", (row_id,)
            ).fetchone()
            new = conn.execute(
                "UPDATE atlas.claims SET data = %s WHERE id = %s RETURNING version",
                (Jsonb({**data, "value": f"lsw {c}-{i}"}), row_id),
            ).fetchone()[0]
            silent[c] += new != seen + 1  # someone's edit in between was replaced unseen

    threads = [threading.Thread(target=work, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    line(
        "team_last_save_wins_baseline",
        clients=clients,
        edits_per_client=edits,
        shared_rows=rows,
        committed=clients * edits,
        overwrites_unseen=sum(silent),
        note="what a client without version checks (last save wins) does to the same work",
    )
    for conn in conns:
        conn.close()


def open_layer(pg: Cluster, n: int, runs: int) -> str:
    ws = Workspace.connect(*pg.user("bench_admin", "atlas_admin"))
    rnd = random.Random(1)
    features = [
        {
            "type": "Feature",
            "properties": {
                "id": str(i),
                "name": f"Пункт {i}",
                "kind": rnd.choice("abc"),
                "year": 1990 + i % 35,
            },
            "geometry": {
                "type": "Point",
                "coordinates": [round(46 + rnd.random() * 41, 6), round(35 + rnd.random() * 21, 6)],
            },
        }
        for i in range(n)
    ]
    t0 = time.perf_counter()
    layer_id = ws.publish_layer(
        {"id": "bench_points", "title": "Bench points", "geometry": "point"},
        {"type": "FeatureCollection", "features": features},
    )
    publish = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        _entry, fc = ws.open_layer(layer_id)
        times.append(time.perf_counter() - t0)
        assert len(fc["features"]) == n
    line(
        "team_open_layer",
        features=n,
        median_s=round(statistics.median(times), 2),
        runs=[round(t, 2) for t in times],
        publish_s=round(publish, 2),
    )
    ws.close()
    return layer_id


def offline_sync(pg: Cluster, layer_id: str, queued: int) -> None:
    ws = Workspace.connect(*pg.user("bench_editor", "atlas_editor"))
    with tempfile.TemporaryDirectory() as folder:
        q = OfflineQueue(Path(folder) / "queue.sqlite")
        t0 = time.perf_counter()
        for i in range(queued):
            q.enqueue(
                "feature",
                f"{layer_id}/{i}",
                {
                    "type": "Feature",
                    "properties": {"id": str(i), "name": f"moved {i}"},
                    "geometry": {"type": "Point", "coordinates": [70.0, 40.0 + i / 1000]},
                },
                1,
            )
        enqueue = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = q.sync(ws)
        seconds = time.perf_counter() - t0
        line(
            "team_offline_sync",
            queued=queued,
            applied=result.applied,
            conflicts=len(result.conflicts),
            batches=result.batches,
            seconds=round(seconds, 2),
            enqueue_s=round(enqueue, 2),
            left=q.pending(),
        )
        q.close()
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--features", type=int, default=100_000)
    parser.add_argument("--queued", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pg = Cluster("atlas_bench").start()
    try:
        concurrent_edits(pg, args.clients, args.edits, args.rows)
        last_save_wins(pg, args.clients, args.edits, args.rows)
        layer_id = open_layer(pg, args.features, args.runs)
        offline_sync(pg, layer_id, args.queued)
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
