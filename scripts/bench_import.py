"""Benchmark of the user's own layers (issue 13): figures printed as JSON lines, not asserted.

    .venv/bin/python scripts/bench_import.py [--runs 5] [--n 100000]

- import_painted: File → Add layer… (the flow, no questions) of a 100,000-polygon GeoPackage and of a
  100,000-point CSV, until the page has the layer on the map and has painted twice since (median of
  --runs, each in a fresh window; the file's cache entry is removed first so each run converts it)
- toggle_round_trip: with such a layer shown, hide/show through the document until the page says so
- memory: the app's RSS and its QtWebEngine processes' RSS with the layer shown (KiB)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_files(folder: Path, n: int) -> dict[str, Path]:
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    from shapely import box
    side = int(n ** 0.5) + 1
    i = np.arange(n)
    x0, y0 = 55 + (i % side) * (30 / side), 36 + (i // side) * (18 / side)
    cell = 0.8 * 30 / side
    polys = gpd.GeoDataFrame({"name": [f"cell {k}" for k in i], "value": i % 97},
                             geometry=box(x0, y0, x0 + cell, y0 + cell * 0.6), crs="EPSG:4326")
    polys.to_file(folder / "cells.gpkg", layer="cells")
    rng = np.random.default_rng(13)
    pd.DataFrame({"name": [f"event {k}" for k in i], "lon": rng.uniform(55, 85, n),
                  "lat": rng.uniform(36, 54, n), "year": rng.integers(1991, 2025, n)}) \
        .to_csv(folder / "events.csv", index=False)
    return {"gpkg": folder / "cells.gpkg", "csv": folder / "events.csv"}


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def webengine_pids() -> list[int]:
    me, out = os.getpid(), []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text()
                cmd = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if b"QtWebEngineProcess" in cmd and ppid in (me, *out):
                out.append(int(proc.name))
    return out


def painted(window, layer_id: str, n: int, timeout: float = 300) -> bool:
    from PySide6.QtWidgets import QApplication
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        QApplication.processEvents()
        ok = window.map.eval_js(f"atlas.layers[{layer_id!r}] && atlas.map.hasLayer(atlas.layers["
                                f"{layer_id!r}]) && atlas.featureCount({layer_id!r})", 2000)
        if ok == n:
            window.map.eval_js("(window.benchPainted = false, requestAnimationFrame(() => "
                               "requestAnimationFrame(() => { window.benchPainted = true; })), true)")
            while time.perf_counter() < end:
                QApplication.processEvents()
                if window.map.eval_js("window.benchPainted") is True:
                    return True
        time.sleep(0.02)
    return False


def one_run(kind: str, path: Path, n: int, toggles: int) -> dict:
    from gis_app.core import paths
    from gis_app.core.catalog import load_catalog
    from gis_app.ui.main_window import MainWindow
    from gis_app.ui.user_layers_ui import install
    shutil.rmtree(paths.cache_dir() / "user-layers", ignore_errors=True)
    window = MainWindow(load_catalog(), restore=False)
    if not hasattr(window, "user_layers"):
        install(window)
    window.resize(1400, 900)
    window.show()
    assert window.map.wait_ready(60000)
    base_app, base_web = rss_kib(os.getpid()), sum(rss_kib(p) for p in webengine_pids())
    t0 = time.perf_counter()
    (layer_id,) = window.user_layers.flow.import_paths([str(path)])
    t_doc = time.perf_counter()
    ok = painted(window, layer_id, n)
    t1 = time.perf_counter()
    out = {"kind": kind, "import_to_document_s": round(t_doc - t0, 2), "import_painted_s": round(t1 - t0, 2),
           "ok": ok}
    if toggles:
        from PySide6.QtWidgets import QApplication
        times = []
        for k in range(toggles):
            want = k % 2 == 1
            s = time.perf_counter()
            window.document.map.set_visible(layer_id, want)
            while True:  # the page has it (or not) on the map, then has painted twice
                QApplication.processEvents()
                shown = window.map.eval_js(f"atlas.state().onMap.indexOf({layer_id!r}) >= 0", 2000)
                if shown is want:
                    window.map.eval_js("(window.benchPainted = false, requestAnimationFrame(() => "
                                       "requestAnimationFrame(() => { window.benchPainted = true; })), true)")
                    while window.map.eval_js("window.benchPainted") is not True:
                        QApplication.processEvents()
                    break
            times.append((time.perf_counter() - s) * 1000)
        out["toggle_ms_median"] = round(statistics.median(times), 1)
        out["toggle_ms_max"] = round(max(times), 1)
        out["rss_app_kib"] = rss_kib(os.getpid())
        out["rss_app_before_kib"], out["rss_webengine_before_kib"] = base_app, base_web
        out["rss_webengine_kib"] = sum(rss_kib(p) for p in webengine_pids())
    window.document.mark_clean()
    window.map.shutdown()
    window.close()
    window.deleteLater()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--toggles", type=int, default=20)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="atlas-bench-import-"))
    os.environ.setdefault("XDG_CACHE_HOME", str(tmp / "cache"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    os.environ.setdefault("XDG_STATE_HOME", str(tmp / "state"))
    from gis_app.ui import qt_env
    qt_env.prepare(headless=True)
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    files = make_files(tmp, args.n)
    for kind, path in files.items():
        runs = [one_run(kind, path, args.n, args.toggles if r == 0 else 0) for r in range(args.runs)]
        times = [r["import_painted_s"] for r in runs]
        print(json.dumps({"figure": f"import_painted_{kind}", "n": args.n, "runs": len(runs),
                          "median_s": statistics.median(times), "all_s": times,
                          "to_document_s": [r["import_to_document_s"] for r in runs],
                          "all_painted": all(r["ok"] for r in runs),
                          "file_mib": round(path.stat().st_size / 2**20, 1)}), flush=True)
        first = runs[0]
        print(json.dumps({"figure": f"toggle_{kind}", "median_ms": first.get("toggle_ms_median"),
                          "max_ms": first.get("toggle_ms_max"),
                          "rss_app_mib": first.get("rss_app_kib", 0) // 1024,
                          "rss_webengine_mib": first.get("rss_webengine_kib", 0) // 1024,
                          "rss_app_before_mib": first.get("rss_app_before_kib", 0) // 1024,
                          "rss_webengine_before_mib": first.get("rss_webengine_before_kib", 0) // 1024}),
              flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
