"""Benchmark: prints figures of one run as JSON lines (figures, not pass/fail).

    .venv/bin/python scripts/bench.py [--runs 5] [--toggles 50] [--only export]

- startup_empty_page: process start -> an empty QWebEngineView page painted (the floor)
- startup_first_map: process start -> the atlas window's map painted (page says ready + stable grab)
- toggle_round_trip: the document's set_visible -> the adapter's applyState -> the page answers,
  alternating hide/show
- peak_memory: peak RSS of the app process and of its QtWebEngine processes; pss_memory: their
  proportional set size with the map shown (shared pages counted once)
- cartography: labels placed / dropped at three views (Central Asia, the Fergana valley, the
  Northern route; default layers, the window's map) and the relief images' size on disk
- document: page calls (applyState) per project apply and per slide change, panel renders per
  language switch
- annotations_10k: with 10,000 annotations, one edit (restyle, an undo command) until the page has
  drawn it, and the memory growth over 100 edits
- export_a4_300dpi_png: whole process `gis-app export OUT.png` (default project, A4 landscape,
  300 DPI, every layout element), spawn to exit; target under 4 s
- team_*: the team workspace on a throw-away PostgreSQL + PostGIS (scripts/bench_team.py)

Each start-up is a fresh process, measured from just before it is spawned to the line it prints
once the grab is stable. Runs headless (offscreen).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMPTY_PAGE = "<!doctype html><html><body style='margin:0;background:#c9dde8'></body></html>"


def _peak_rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def child(kind: str, toggles: int) -> None:
    """Runs inside the measured process."""
    sys.path.insert(0, str(ROOT))
    from gis_app.ui import qt_env

    qt_env.prepare(headless=True)
    os.environ["XDG_CONFIG_HOME"] = os.environ.get("BENCH_CONFIG", "/tmp/gis-app-bench-config")
    from PySide6.QtCore import QEventLoop, QUrl
    from PySide6.QtWidgets import QApplication

    _app = QApplication(sys.argv[:1])  # noqa: F841 (kept alive for the run)
    if kind == "empty":
        from PySide6.QtWebEngineWidgets import QWebEngineView

        view = QWebEngineView()
        view.resize(1280, 800)
        view.show()
        page = Path("/tmp/gis-app-bench-empty.html")
        page.write_text(EMPTY_PAGE)
        loop = QEventLoop()
        view.loadFinished.connect(loop.quit)
        view.load(QUrl.fromLocalFile(str(page)))
        loop.exec()
        # the same paint wait the atlas page does: fonts, then two animation frames
        box = {}
        view.page().runJavaScript(
            "new Promise(r => document.fonts.ready.then(() => requestAnimationFrame(() => "
            "requestAnimationFrame(r)))); 1", 0, lambda v: (box.setdefault("v", v), loop.quit()))
        loop.exec()
        from gis_app.ui.grab import stable_grab

        stable_grab(view)  # the same "painted" test as the atlas's
        print("READY", flush=True)
        view.setPage(None)
        return

    from gis_app.core.catalog import load_catalog
    from gis_app.ui.main_window import MainWindow

    window = MainWindow(load_catalog(), restore=False)
    window.resize(1280, 800)
    window.show()
    window.map.wait_ready(30000)
    window.map.stable_grab()
    print("READY", flush=True)
    print("PAGE " + json.dumps(window.map.evaluate("timings") or {}), flush=True)
    if toggles:
        layer = "provinces"
        times = []
        for i in range(toggles):
            t = time.perf_counter()
            window.state.set_visible(layer, i % 2 == 1)
            _settle(window, 0)  # the adapter's call goes out on this turn of the event loop
            window.map.eval_js(f"atlas.visible[{json.dumps(layer)}]")  # answered after it ran
            times.append((time.perf_counter() - t) * 1000)
        print("TOGGLES " + json.dumps(times), flush=True)
        pids = _descendants(os.getpid())
        web = sum(_peak_rss_kib(p) for p in pids)
        print("MEMORY " + json.dumps({"app_kib": _peak_rss_kib(os.getpid()), "web_kib": web,
                                      "web_processes": len(pids),
                                      "pss_app_kib": _pss_kib(os.getpid()),
                                      "pss_web_kib": sum(_pss_kib(p) for p in pids)}), flush=True)
        print("CARTOGRAPHY " + json.dumps(cartography_figures(window)), flush=True)
        print("DOCUMENT " + json.dumps(document_figures(window)), flush=True)
        print("ANNOTATIONS " + json.dumps(annotation_figures(window)), flush=True)
    window.map.shutdown()


def _settle(window, ms: int = 300) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def document_figures(window) -> dict:
    """Page calls per project apply and per slide change; renders per panel per language switch."""
    from gis_app.core import project as proj

    lecture = proj.load(ROOT / "lectures" / "peacekeeping.atlas.json")
    _settle(window)
    before = window.map.applied
    window.project.apply(lecture)
    _settle(window)
    per_apply = window.map.applied - before
    per_slide = []
    for i in range(len(lecture.slides)):
        before = window.map.applied
        window.project.go_to_slide(i, animate=False)
        _settle(window, 100)
        per_slide.append(window.map.applied - before)
    window.select_feature("enclaves", "vorukh")
    window.docks.show("info")
    counts: dict[str, int] = {}
    panels = {"info": (window.info_panel, "show_feature"), "stats": (window.stats_panel, "refresh"),
              "slides": (window.project.slides, "refresh"), "sources": (window.sources_panel, "refresh"),
              "table": (window.attribute_table, "_fill_layers")}
    for name, (panel, method) in panels.items():
        original = getattr(panel, method)

        def counted(*args, _name=name, _original=original, **kwargs):
            counts[_name] = counts.get(_name, 0) + 1
            return _original(*args, **kwargs)

        setattr(panel, method, counted)
    switches = ("ru", "kk", "en")
    for lang in switches:
        window.set_language(lang)
        _settle(window, 200)
    window.document.mark_clean()
    return {"page_calls_per_apply": per_apply, "page_calls_per_slide": max(per_slide),
            "renders_per_switch": {k: v / len(switches) for k, v in counts.items()}}


# [west, south, east, north], as tests/test_labels.py
LABEL_VIEWS = {"central_asia": [46.5, 35.0, 87.5, 55.5], "fergana": [69.0, 39.3, 73.2, 41.4],
               "northern_route": [20.0, 30.0, 80.0, 60.0]}


def cartography_figures(window) -> dict:
    """Issue 12's figures: labels placed / dropped at three views (default layers, the window's map
    size) and the relief's size on disk."""
    from gis_app.render.page import relief_images

    views = {}
    for name, bbox in LABEL_VIEWS.items():
        window.map.evaluate("applyState", {"bbox": bbox})
        _settle(window, 300)
        window.map.evaluate("state")  # places the labels now, as an export does
        stats = window.map.eval_js("atlas.labels.boxes().stats") or {}
        views[name] = {"placed": stats.get("placed"), "dropped": stats.get("dropped")}
    window.go_home()
    return {"labels": views, "relief_kib": round(sum(p.stat().st_size for p, _ in relief_images()) / 1024)}


def annotation_figures(window, count: int = 10_000, edits: int = 100) -> dict:
    from gis_app.core.annotations import make

    items = [make("marker", {"type": "Point", "coordinates": [60 + (i % 100) * 0.2, 35 + (i // 100) * 0.15]},
                  f"m{i}", text=f"#{i}") for i in range(count)]
    window.annotations.replace(items)
    _settle(window, 0)
    window.map.eval_js("atlas.annotationState().count")
    _settle(window, 2000)
    tools, times = window.annotation_tools, []
    rss = lambda: _peak_rss_kib(os.getpid()) + sum(_pss_kib(p) for p in _descendants(os.getpid()))  # noqa: E731
    start = rss()
    for i in range(edits):
        tools.select(f"m{i}")
        t = time.perf_counter()
        tools.restyle("width", 2.0 + (i % 5))
        _settle(window, 0)  # the adapter's call goes out on this turn of the event loop
        window.map.eval_js("0")  # answered once the page has run that call (same queue)
        times.append((time.perf_counter() - t) * 1000)
    grown = rss() - start
    window.annotations.replace([])
    window.undo_stack.clear()
    return {"edits": edits, "median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1),
            "memory_growth_mib": round(grown / 1024, 1)}


def measure(kind: str, toggles: int = 0) -> tuple[float, dict]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind, "--toggles", str(toggles)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready, extra = None, {}
    for line in proc.stdout:
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - t0
        elif line.startswith("TOGGLES "):
            extra["toggles"] = json.loads(line[8:])
        elif line.startswith("PAGE "):
            extra.setdefault("pages", []).append(json.loads(line[5:]))
        elif line.startswith("MEMORY "):
            extra["memory"] = json.loads(line[7:])
        elif line.startswith("CARTOGRAPHY "):
            extra["cartography"] = json.loads(line[12:])
        elif line.startswith("DOCUMENT "):
            extra["document"] = json.loads(line[9:])
        elif line.startswith("ANNOTATIONS "):
            extra["annotations"] = json.loads(line[12:])
    proc.wait(timeout=600)
    if ready is None:
        raise RuntimeError(f"{kind}: the child never got ready (exit {proc.returncode})")
    return ready, extra


def measure_export(runs: int) -> None:
    """Whole-process headless export of an A4 300-DPI PNG of the default project."""
    import tempfile

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": os.environ.get("BENCH_CONFIG", "/tmp/gis-app-bench-config")}
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.png"
        command = [sys.executable, "-m", "gis_app", "export", str(out), "--size", "A4-landscape",
                   "--dpi", "300", "--title", "Central Asia Security Atlas"]
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)  # warm caches
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - t0)
        size = out.stat().st_size
    print(json.dumps({"metric": "export_a4_300dpi_png", "median_s": round(statistics.median(times), 3),
                      "runs": [round(t, 3) for t in times], "png_mib": round(size / 2**20, 1),
                      "target_s": 4.0}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--toggles", type=int, default=50)
    parser.add_argument("--child", choices=("empty", "app"))
    parser.add_argument("--only", choices=("export", "team"), help="run just this measurement")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.toggles)
        return
    if args.only == "export":
        measure_export(args.runs)
        return
    if args.only == "team":
        measure_team()
        return

    measure("app")  # warm the page cache and the OS file cache; not counted
    empty = [measure("empty")[0] for _ in range(args.runs)]
    app_runs = [measure("app") for _ in range(args.runs)]
    app = [t for t, _ in app_runs]
    _, extra = measure("app", toggles=args.toggles)

    def line(name: str, **fields) -> None:
        print(json.dumps({"metric": name, **fields}), flush=True)

    floor, first = statistics.median(empty), statistics.median(app)
    line("startup_empty_page", median_s=round(floor, 3), runs=[round(x, 3) for x in empty])
    line("startup_first_map", median_s=round(first, 3), runs=[round(x, 3) for x in app],
         ratio_to_floor=round(first / floor, 2), target_ratio=1.3)
    pages = [p for _, e in app_runs for p in e.get("pages", [])]
    if pages:  # where the page's time goes: navigation -> layers drawn, and the slowest layers
        layer_ids = [k for k in pages[0] if not k.startswith("_") and "add" in pages[0][k]]
        slowest = sorted(layer_ids, key=lambda k: -pages[0][k]["load"])[:4]
        line("page_breakdown_ms",
             layers_drawn=statistics.median(p["_layersDrawn"] for p in pages),
             ready=statistics.median(p["_ready"] for p in pages),
             slowest={k: {s: statistics.median(p[k][s] for p in pages) for s in ("load", "build", "add")}
                      for k in slowest})
    toggles = extra.get("toggles", [])
    if toggles:
        line("toggle_round_trip", median_ms=round(statistics.median(toggles), 2),
             max_ms=round(max(toggles), 2), n=len(toggles), target_ms=30)
    memory = extra.get("memory")
    if memory:
        line("peak_memory", app_mib=round(memory["app_kib"] / 1024, 1),
             web_mib=round(memory["web_kib"] / 1024, 1), web_processes=memory["web_processes"])
        line("pss_memory", app_mib=round(memory["pss_app_kib"] / 1024, 1),
             web_mib=round(memory["pss_web_kib"] / 1024, 1),
             total_mib=round((memory["pss_app_kib"] + memory["pss_web_kib"]) / 1024, 1))
    if extra.get("cartography"):
        line("cartography", **extra["cartography"])
    if extra.get("document"):
        line("document", **extra["document"], target="1 page call per apply and per slide; "
                                                   "1 render per shown panel per switch")
    if extra.get("annotations"):
        line("annotations_10k", **extra["annotations"], target_ms=50)
    measure_export(args.runs)
    measure_team()


def measure_team() -> None:
    """The team workspace's figures (its own throw-away PostgreSQL; JSON lines as above)."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_team.py")], check=True)


if __name__ == "__main__":
    main()
