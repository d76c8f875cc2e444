"""gis-app: the atlas window, or its headless jobs.

    gis-app                         open the window (with no display: say so, write a snapshot)
    gis-app --open FILE.atlas.json  open the window with a project (or a lecture from lectures/)
    gis-app snapshot OUT.png [--width W --height H]
    gis-app layers                  one line per layer: id, features, citations, as-of date
    gis-app validate                check layers and evidence; non-zero exit with the problems
    gis-app validate --project P    the project's features and claims without a source; non-zero if any
    gis-app export OUT.html [--project P] [--lang kk|ru|en]   one offline web map (a single file)
    gis-app export OUT.(png|pdf|svg|tif) [--project P] [--layers a,b] [--bbox W,S,E,N]
                   [--size A4-landscape] [--dpi 300] [--title T] [--subtitle S] [--lang kk|ru|en]
                   [--no-legend] [--no-scale-bar] [--no-north-arrow] [--no-inset] [--no-attribution]
                   [--no-footer] [--georef] [--raster-map]
    gis-app import FILE [--layer NAME] [--encoding E] [--crs EPSG:N] [--x COL --y COL | --wkt COL]
                   [--embed] --into PROJECT.atlas.json
    gis-app evidence import FILE.(bib|ris|json) --into PROJECT.atlas.json [--keep-duplicates]
    gis-app evidence export PROJECT.atlas.json --format csl|bibtex|ris|claims-csv [--scope project|map]
                   [-o FILE]                  (standard output by default)
    gis-app team init|migrate|status [--host H --port P --dbname D --user U | --service S] [-W]
    gis-app team user NAME --role student|editor|admin [...]   (the team workspace on PostgreSQL)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gis_app.core.i18n import LANGUAGES

DEFAULT_SNAPSHOT = Path("atlas-snapshot.png")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gis-app", description="Central Asia Security Atlas")
    lang_help = ("language of the interface and the map for this run (default: as chosen last time "
                 "in the Language menu, else the system's)")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=lang_help)
    parser.add_argument("--open", type=Path, default=None, metavar="PROJECT",
                        help="open this project file (or .atlas.zip bundle) in the window")
    sub = parser.add_subparsers(dest="command")
    snap = sub.add_parser("snapshot", help="render the default map view to a PNG, headless")
    snap.add_argument("out", type=Path)
    snap.add_argument("--width", type=int, default=1280)
    snap.add_argument("--height", type=int, default=800)
    # --lang also after the command (gis-app export out.png --lang kk); absent there, the one
    # before the command stands.
    snap.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    sub.add_parser("layers", help="list the layers: id, feature count, citation count, as-of date")
    val = sub.add_parser("validate", help="check every layer and the evidence; exit 1 on problems")
    val.add_argument("--project", type=Path, metavar="P.atlas.json",
                     help="check this project instead: its own layers' features and its claims "
                          "without a source")
    exp = sub.add_parser("export", help="export the map with title, legend, scale bar... (PNG, PDF, SVG), "
                                        "a georeferenced image (.tif, or --georef) or a web map (.html)")
    exp.add_argument("out", type=Path, help="the file to write: .png, .pdf, .svg, .tif or .html")
    exp.add_argument("--georef", action="store_true",
                     help="the map alone as a georeferenced PNG with a world file (.pgw) and a .prj")
    exp.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    exp.add_argument("--project", type=Path, help="an atlas project (*.atlas.json): its layers, view, "
                                                   "time filter and annotations")
    exp.add_argument("--layers", help="comma-separated layer ids to show (all others hidden)")
    exp.add_argument("--bbox", help="the extent to show: west,south,east,north in degrees")
    exp.add_argument("--size", default="A4-landscape",
                     help="A4-landscape, A4-portrait, A3-landscape, A3-portrait, slide-16x9 "
                          "or WIDTHxHEIGHT px")
    exp.add_argument("--dpi", type=int, default=300, help="96 to 600 (default 300)")
    exp.add_argument("--title", default="")
    exp.add_argument("--subtitle", default="")
    exp.add_argument("--raster-map", action="store_true",
                     help="PDF/SVG: the map as a picture at --dpi instead of vector paths and text")
    for element in ("legend", "scale-bar", "north-arrow", "inset", "attribution", "footer"):
        exp.add_argument(f"--no-{element}", action="store_true",
                         help=f"leave out the {element.replace('-', ' ')}")
    from gis_app import import_cli
    import_cli.add_parser(sub)
    from gis_app import evidence_cli
    evidence_cli.add_parser(sub)
    from gis_app.team import cli as team_cli
    team_cli.add_parser(sub)
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
    if report.warnings:  # visible texts lacking Russian or Kazakh: reported, counted per layer
        print(f"{sum(report.untranslated.values())} visible text values lack a language "
              f"(shown in the next language of kk -> ru -> en):")
        for warning in report.warnings:
            print(f"  - {warning}")
    if report.ok:
        print(f"OK: {len(report.summaries)} layers, {features} features, {report.claims} claims, "
              f"{report.sources} sources; no problems")
        return 0
    print(f"{len(report.problems)} problems in {len(report.summaries)} layers, "
          f"{report.claims} claims, {report.sources} sources:", file=sys.stderr)
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def validate_project(path: Path) -> int:
    """`gis-app validate --project P`: every feature of the project's own layers and every claim
    of its evidence has a source; one line for each that has none, exit 1 then."""
    from gis_app.core import project as proj
    from gis_app.core.catalog import load_catalog
    from gis_app.core.document import AtlasDocument
    from gis_app.core.validate import validate_project as check

    catalog = load_catalog()
    document = AtlasDocument(catalog)
    try:
        project = proj.load(path)
        document.apply_project(project, path)
    except proj.ProjectError as exc:
        print(f"gis-app: cannot use the project {path}: {exc}", file=sys.stderr)
        return 2
    report = check(document)
    report.problems[:0] = [f"left out when read: {w}" for w in project.warnings]
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    if report.uncited:
        print(f"{len(report.uncited)} without a source in {path.name} "
              f"({report.features} features, {report.claims} claims):", file=sys.stderr)
        for line in report.uncited:
            print(f"  - {line}", file=sys.stderr)
    if report.ok:
        print(f"OK: {path.name}: {report.features} features and {report.claims} claims, each with a source")
        return 0
    return 1


def _qt_app(headless: bool):
    from gis_app.ui import qt_env

    qt_env.prepare(headless=headless)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("gis-app")
    app.setOrganizationName("CentralAsiaSecurityAtlas")
    return app


def snapshot(out: Path, width: int, height: int, lang: str | None) -> int:
    if not (100 <= width <= 8000 and 100 <= height <= 8000):
        print("gis-app: --width and --height must be between 100 and 8000 pixels", file=sys.stderr)
        return 2
    _qt_app(headless=True)
    from gis_app.ui import i18n

    lang = i18n.initial_language(i18n.settings(), lang)
    i18n.install(lang)
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


def _export_inputs(args, catalog):
    """MapState, annotations, bbox and the project's evidence (core/map_sources.MapEvidence: its
    figures colour the choropleths, its sources join the map's) from the export arguments;
    ValueError with a message."""
    from gis_app.core.annotations import Annotations
    from gis_app.core.map_state import MapState
    from gis_app.core.project import ProjectError
    from gis_app.core.project import load as load_project

    state, annotations, evidence = MapState(catalog), Annotations(), None
    if args.project:
        try:
            project = load_project(args.project)
        except ProjectError as exc:
            raise ValueError(f"cannot use the project {args.project}: {exc}") from exc
        for warning in project.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        from gis_app.core.document import AtlasDocument
        document = AtlasDocument(catalog)  # the project's own layers (user_layers) join the catalog
        try:
            problems = document.apply_project(project, args.project)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ValueError(f"{args.project}: the map state cannot be used ({exc})") from exc
        from gis_app.ui.basemap_ui import serve_entry
        problems.append(serve_entry(document.basemap))  # the project's own tile archive, if any
        for problem in problems + list(document.user_layer_problems.values()):
            if problem:
                print(f"warning: {problem}", file=sys.stderr)
        state, annotations = document.map, document.annotations
        from gis_app.core.map_sources import MapEvidence
        evidence = MapEvidence.of(document)
    if args.layers:
        wanted = [i.strip() for i in args.layers.split(",") if i.strip()]
        unknown = [i for i in wanted if i not in catalog.ids()]
        if unknown:
            raise ValueError(f"unknown layer id(s): {', '.join(unknown)} (see 'gis-app layers')")
        for layer_id in catalog.ids():
            state.set_visible(layer_id, layer_id in wanted)
    bbox = None
    if args.bbox:
        try:
            bbox = tuple(float(v) for v in args.bbox.split(","))
        except ValueError:
            bbox = ()
        if len(bbox) != 4 or not (-180 <= bbox[0] < bbox[2] <= 180 and -85 <= bbox[1] < bbox[3] <= 85):
            raise ValueError("--bbox must be west,south,east,north with west < east and south < north")
    return state, annotations.to_list(), bbox, evidence


def export_web(args) -> int:
    """gis-app export OUT.html: the web map of the default view or of --project."""
    _qt_app(headless=True)
    from gis_app.core.catalog import load_catalog
    from gis_app.core.project import ProjectError
    from gis_app.core.project import load as load_project
    from gis_app.render.webmap import WebMapInput, write_webmap
    from gis_app.ui import i18n

    lang = i18n.initial_language(i18n.settings(), args.lang)
    i18n.install(lang)
    catalog = load_catalog()
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    try:
        state, annotations, _bbox, evidence = _export_inputs(args, catalog)
        project = load_project(args.project) if args.project else None
    except (ValueError, ProjectError) as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 2
    source = WebMapInput(state=state, lang=lang, annotations=annotations,
                         evidence=evidence.user if evidence is not None else {})
    if project is not None:
        source.title = project.title
        source.slides = [s.to_dict() for s in project.slides]
        source.style_overrides = dict(project.style_overrides)
    try:
        size = write_webmap(args.out, catalog, source)
    except (OSError, ValueError) as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({size / 1e6:.2f} MB, {len(source.slides)} slides)")
    return 0


def export(args) -> int:
    from gis_app.render.layout_model import ExportOptions, parse_size

    if args.out.suffix.lower() in (".html", ".htm"):
        return export_web(args)

    try:
        page, custom = parse_size(args.size)
    except ValueError:
        print(f"gis-app: unknown --size '{args.size}': use A4-landscape, A4-portrait, A3-landscape, "
              "A3-portrait, slide-16x9 or WIDTHxHEIGHT", file=sys.stderr)
        return 2
    options = ExportOptions(title=args.title, subtitle=args.subtitle, page=page, custom_px=custom,
                            dpi=args.dpi,
                            legend=not args.no_legend, scale_bar=not args.no_scale_bar,
                            north_arrow=not args.no_north_arrow, inset=not args.no_inset,
                            attribution=not args.no_attribution, footer=not args.no_footer,
                            vector=not args.raster_map)
    georef = args.georef or args.out.suffix.lower() in (".tif", ".tiff")
    if args.out.suffix.lower() not in ((".png", ".tif", ".tiff") if georef else (".png", ".pdf", ".svg")):
        print("gis-app: the output must end in .png, .pdf or .svg (a map page), .tif (a georeferenced "
              "map) or .html (a web map); with --georef: .png or .tif", file=sys.stderr)
        return 2
    problems = options.problems()
    if problems:
        print("gis-app: " + "; ".join(problems), file=sys.stderr)
        return 2
    _qt_app(headless=True)
    from gis_app.core.catalog import load_catalog
    from gis_app.ui import i18n
    from gis_app.ui.export import export_map

    lang = i18n.initial_language(i18n.settings(), args.lang)  # as snapshot and the window do
    i18n.install(lang)  # the layout's texts (legend, scale, sources) in that language

    catalog = load_catalog()
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    try:
        state, annotations, bbox, evidence = _export_inputs(args, catalog)
    except ValueError as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 2
    try:
        if georef:
            from gis_app.ui.export import export_georef

            result = export_georef(args.out, options.page_px(), options.dpi, catalog, state, lang,
                                   annotations, bbox, evidence)
            seconds = sum(result.timings_ms.values()) / 1000
            print(f"wrote {result.path} ({result.size[0]} x {result.size[1]} px, EPSG:3857"
                  f"{', with .pgw and .prj' if args.out.suffix.lower() == '.png' else ''}; {seconds:.1f} s)")
            return 0
        result = export_map(args.out, options, catalog, state, lang, annotations, bbox, evidence=evidence)
    except (TimeoutError, OSError, ValueError) as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    w, h = result.size
    seconds = sum(result.timings_ms.values()) / 1000
    print(f"wrote {result.path} ({w} x {h} px at {options.dpi} DPI; legend: {len(result.legend_ids)} "
          f"layers; {seconds:.1f} s, of which the map {result.timings_ms['map_ms'] / 1000:.1f} s)")
    return 0


def run_window(lang: str | None, project: Path | None = None) -> int:
    from gis_app.ui import qt_env

    if not qt_env.has_display():
        print("gis-app: no display found (DISPLAY/WAYLAND_DISPLAY unset), so the window cannot open.\n"
              f"Writing a snapshot of the default map view to {DEFAULT_SNAPSHOT} instead.")
        return snapshot(DEFAULT_SNAPSHOT, 1280, 800, lang)
    app = _qt_app(headless=False)
    from gis_app.core.catalog import load_catalog
    from gis_app.ui.main_window import MainWindow

    window = MainWindow(load_catalog(), lang=lang)  # None: as last time, else the system's language
    window.show()
    if project is not None and project.name.endswith(".atlas.zip"):
        window.user_layers.open_bundle(project)  # a bundle: unpacked, opened as an untitled project
    elif project is not None:
        window.project.open_path(project)  # a file that cannot be opened says why, changes nothing
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "layers":
        return list_layers()
    if args.command == "validate":
        return validate_project(args.project) if args.project else validate_all()
    if args.command == "export":
        return export(args)
    if args.command == "import":
        from gis_app import import_cli
        return import_cli.run(args)
    if args.command == "evidence":
        from gis_app import evidence_cli
        return evidence_cli.run(args)
    if args.command == "team":
        from gis_app.team import cli as team_cli
        return team_cli.run(args)
    if args.command == "snapshot":
        return snapshot(args.out, args.width, args.height, args.lang)
    return run_window(args.lang, args.open)


if __name__ == "__main__":
    sys.exit(main())
