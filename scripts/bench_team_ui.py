"""Benchmark of the team workspace in the window (a throw-away PostgreSQL + PostGIS, as the tests
make it: tests/pg.py; an offscreen window). Prints JSON lines, as scripts/bench.py.

    .venv/bin/python scripts/bench_team_ui.py [--features 100000] [--runs 3]

- team_ui_open_layer: File → Open from workspace of a --features point layer, until the page has
  drawn every feature (open_layer + the document + the page), median of --runs.
  `parts`: the server read alone, the window's Python part (read, document, cache file), and the
  page's reading, building and putting on the map of the layer (atlas.timings()).
- team_ui_live_small / team_ui_live_big: a colleague adds one feature to a 100-feature layer (and
  to the big one) that is open in the window: from the colleague's commit until the page draws it
  (LISTEN/NOTIFY → queued signal → the row read → the document → the page), median of --runs.
- team_ui_change_small / team_ui_change_big: the same for a colleague's change of an existing
  feature (its name and place).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_TMP = tempfile.mkdtemp(prefix="gis-app-bench-team-ui-")
for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
    os.environ[var] = str(Path(_TMP) / sub)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def line(name: str, **fields) -> None:
    print(json.dumps({"metric": name, **fields}), flush=True)


def points(n: int, start: int = 0) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": str(i + 1), "name": f"P{i + 1}", "n": i},
         "geometry": {"type": "Point", "coordinates": [56 + (i % 500) * 0.05, 36 + (i // 500) * 0.05 % 18]}}
        for i in range(start, start + n)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from gis_app.ui import qt_env
    qt_env.prepare(headless=True)
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from gis_app.core.catalog import load_catalog
    from gis_app.team.workspace import Workspace
    from gis_app.ui.main_window import MainWindow
    from tests.pg import Cluster

    def wait(condition, timeout=120.0) -> float:
        start = time.perf_counter()
        while not condition():
            app.processEvents()
            if time.perf_counter() - start > timeout:
                raise TimeoutError("the window did not follow")
            time.sleep(0.002)
        return time.perf_counter()

    pg = Cluster().start()
    win = None
    try:
        colleague = Workspace.connect(*pg.user("bench_colleague", "atlas_editor"))
        small = colleague.publish_layer({"title": "Small", "geometry": "point"}, points(100))
        big = colleague.publish_layer({"title": "Big", "geometry": "point"}, points(args.features))
        win = MainWindow(load_catalog(), restore=False)
        win.resize(1280, 800)
        win.show()
        assert win.map.wait_ready(60000)
        info, password = pg.user("bench_alice", "atlas_editor")
        assert win.team.attempt(info, password) is None

        def count(layer_id):
            return win.map.eval_js(f"atlas.featureCount({layer_id!r})", 60000)

        opened, parts = [], []
        for _run in range(args.runs):
            start = time.perf_counter()
            server = colleague.open_layer(big)  # the server read alone, for the breakdown
            read = time.perf_counter() - start
            del server
            start = time.perf_counter()
            local = win.team.open_layer(big)
            python = time.perf_counter() - start
            end = wait(lambda local=local: count(local) == args.features, 300)
            opened.append(end - start)
            page = win.map.eval_js("atlas.timings()", 60000).get(local, {})
            parts.append({"server_read_s": round(read, 2), "python_s": round(python, 2),
                          "page_read_ms": page.get("load"), "page_build_ms": page.get("build"),
                          "page_add_ms": page.get("add")})
            win.document.remove_user_layer(local)
            wait(lambda local=local: count(local) == -1, 60)  # gone from the page before the next run
        line("team_ui_open_layer", features=args.features, median_s=round(statistics.median(opened), 2),
             runs=[round(t, 2) for t in opened], parts=parts)

        cases = (("team_ui_live_small", small, 100), ("team_ui_live_big", big, args.features))
        for name, server_id, n in cases:
            local = win.team.open_layer(server_id)
            wait(lambda local=local, n=n: count(local) == n, 300)
            times = []
            for run in range(args.runs):
                fid = str(n + run + 1)
                feature = {"type": "Feature", "properties": {"name": f"new {fid}"},
                           "geometry": {"type": "Point", "coordinates": [70.0, 40.0]}}
                start = time.perf_counter()
                colleague.update("feature", f"{server_id}/{fid}", feature, 0)
                end = wait(lambda local=local, want=n + run + 1: count(local) == want, 300)
                times.append(end - start)
            line(name, features=n, median_s=round(statistics.median(times), 3),
                 runs=[round(t, 3) for t in times])
            # a colleague changes an existing feature (its name and place): until the page has it
            times = []
            for run in range(args.runs):
                row = f"{server_id}/{run + 1}"
                feature, version = colleague.read("feature", row)
                feature = {"type": "Feature", "properties": {**feature.get("properties", {}),
                                                             "name": f"changed {run}"},
                           "geometry": {"type": "Point", "coordinates": [70.0 + run, 40.0]}}
                start = time.perf_counter()
                colleague.update("feature", row, feature, version)
                end = wait(lambda local=local, run=run: win.map.eval_js(
                    f"atlas.layers[{local!r}].atlasAll.some(function (s) {{ return s.feature.properties.name"
                    f" === 'changed {run}'; }})", 60000), 300)
                times.append(end - start)
            line(name.replace("live", "change"), features=n, median_s=round(statistics.median(times), 3),
                 runs=[round(t, 3) for t in times])
            win.document.remove_user_layer(local)
        colleague.close()
    finally:
        if win is not None:
            win.team.shutdown()
            win.document.mark_clean()
            win.close()
            win.map.shutdown()
        pg.stop()


if __name__ == "__main__":
    main()
