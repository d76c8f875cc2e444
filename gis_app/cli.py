"""gis-app: the atlas window, or its headless jobs.

    gis-app                         open the window (with no display: say so, write a snapshot)
    gis-app --open FILE.atlas.json  open the window with a project (or a lecture from lectures/)
    gis-app snapshot OUT.png [--width W --height H]
    gis-app layers                  one line per layer: id, features, citations, as-of date
    gis-app validate                check layers and evidence; non-zero exit with the problems
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_SNAPSHOT = Path("atlas-snapshot.png")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gis-app", description="Central Asia Security Atlas")
    parser.add_argument("--lang", choices=("en", "ru", "kk"), default=None,
                        help="language of the interface and the map (default: as last time)")
    parser.add_argument("--open", type=Path, default=None, metavar="PROJECT",
                        help="open this project file in the window")
    sub = parser.add_subparsers(dest="command")
    snap = sub.add_parser("snapshot", help="render the default map view to a PNG, headless")
    snap.add_argument("out", type=Path)
    snap.add_argument("--width", type=int, default=1280)
    snap.add_argument("--height", type=int, default=800)
    sub.add_parser("layers", help="list the layers: id, feature count, citation count, as-of date")
    sub.add_parser("validate", help="check every layer and the evidence; exit 1 on problems")
    return parser


def list_layers() -> int:
    from gis_app.core.catalog import load_catalog
    from gis_app.core.validate import validate

    report = validate(load_catalog())
    width = max((len(s.id) for s in report.summaries), default=5)
    print(f"{'layer':<{width}}  features  citations  as-of")
    for s in report.summaries:
        print(f"{s.id:<{width}}  {s.features:>8}  {s.citations:>9}  {s.as_of}")
    if report.problems:
        print(f"({len(report.problems)} problems: run 'gis-app validate')", file=sys.stderr)
    return 0


def validate_all() -> int:
    from gis_app.core.catalog import load_catalog
    from gis_app.core.validate import validate

    report = validate(load_catalog())
    features = sum(s.features for s in report.summaries)
    if report.ok:
        print(f"OK: {len(report.summaries)} layers, {features} features, {report.claims} claims, "
              f"{report.sources} sources; no problems")
        return 0
    print(f"{len(report.problems)} problems in {len(report.summaries)} layers, "
          f"{report.claims} claims, {report.sources} sources:", file=sys.stderr)
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def _qt_app(headless: bool):
    from gis_app.ui import qt_env

    qt_env.prepare(headless=headless)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("gis-app")
    app.setOrganizationName("CentralAsiaSecurityAtlas")
    return app


def snapshot(out: Path, width: int, height: int, lang: str) -> int:
    if not (100 <= width <= 8000 and 100 <= height <= 8000):
        print("gis-app: --width and --height must be between 100 and 8000 pixels", file=sys.stderr)
        return 2
    _qt_app(headless=True)
    from gis_app.core.catalog import load_catalog
    from gis_app.ui.grab import distinct_colours
    from gis_app.ui.snapshot import save_snapshot

    catalog = load_catalog()
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    try:
        image = save_snapshot(out, width, height, catalog, lang)
    except (TimeoutError, OSError) as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    colours = distinct_colours(image)
    print(f"wrote {out} ({image.width()} x {image.height()} px, {colours} colours sampled)")
    if colours < 8:
        print("gis-app: the snapshot looks blank", file=sys.stderr)
        return 1
    return 0


def run_window(lang: str | None, project: Path | None = None) -> int:
    from gis_app.ui import qt_env

    if not qt_env.has_display():
        print("gis-app: no display found (DISPLAY/WAYLAND_DISPLAY unset), so the window cannot open.\n"
              f"Writing a snapshot of the default map view to {DEFAULT_SNAPSHOT} instead.")
        return snapshot(DEFAULT_SNAPSHOT, 1280, 800, lang or "en")
    app = _qt_app(headless=False)
    from gis_app.core.catalog import load_catalog
    from gis_app.ui.main_window import MainWindow, settings

    chosen = lang or settings().value("ui/language") or "en"
    window = MainWindow(load_catalog(), lang=str(chosen))
    window.show()
    if project is not None:
        window.project.open_path(project)  # a file that cannot be opened says why, changes nothing
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "layers":
        return list_layers()
    if args.command == "validate":
        return validate_all()
    if args.command == "snapshot":
        return snapshot(args.out, args.width, args.height, args.lang or "en")
    return run_window(args.lang, args.open)


if __name__ == "__main__":
    sys.exit(main())
