"""Figures of the publishing exports (issue 14), printed as JSON lines, not asserted:

- whole-process time (start of `gis-app export` to its exit) of the A4 300-DPI PNG, the vector PDF,
  the raster PDF (--raster-map) and the SVG, with the file sizes;
- the web map of the default view and of each lecture: file size, time to build, and in a headless
  Chromium with the network blocked (tests/browser.py) the time to the load event and to the atlas
  being drawn (atlas.ready).

    .venv/bin/python scripts/bench_publish.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def run(args: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "gis_app", *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"gis-app {' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    jobs = {"png_a4_300dpi": ("map.png", []), "pdf_vector_a4": ("map.pdf", []),
            "pdf_raster_a4_300dpi": ("raster.pdf", ["--raster-map"]), "svg_vector_a4": ("map.svg", [])}
    for name, (file, extra) in jobs.items():
        out = folder / file
        times = [run(["export", str(out), "--size", "A4-landscape", "--dpi", "300", "--title", "Central Asia",
                      *extra]) for _ in range(runs)]
        print(json.dumps({"what": name, "median_s": round(statistics.median(times), 2),
                          "runs_s": [round(t, 2) for t in times], "bytes": out.stat().st_size}))

    from browser import Browser

    projects = [("default", None)] + [(p.stem.replace(".atlas", ""), p)
                                      for p in sorted((ROOT / "lectures").glob("*.atlas.json"))]
    browser = Browser()
    try:
        for name, project in projects:
            out = folder / f"{name}.html"
            extra = ["--project", str(project)] if project else []
            build = run(["export", str(out), "--lang", "en", *extra])
            loads, ready = [], []
            for _ in range(runs):
                browser.requests.clear()
                t0 = time.perf_counter()
                loads.append(browser.open(out))
                browser.wait_for("window.atlas && atlas.ready", timeout=60)
                ready.append(time.perf_counter() - t0)
            print(json.dumps({"what": f"webmap_{name}", "bytes": out.stat().st_size,
                              "build_process_s": round(build, 2),
                              "load_event_s": round(statistics.median(loads), 2),
                              "drawn_s": round(statistics.median(ready), 2),
                              "outside_requests": len(browser.outside_requests(out))}))
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
