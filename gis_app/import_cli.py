"""`gis-app import FILE ... --into PROJECT.atlas.json`: import a file into a project, headless."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub) -> None:
    imp = sub.add_parser("import", help="import a geodata file as a layer of a project (created if missing)")
    imp.add_argument("file", type=Path, help="GeoJSON, Shapefile (.shp or .zip), GeoPackage, KML/KMZ, GPX, "
                                             "FlatGeobuf, CSV or XLSX")
    imp.add_argument("--into", type=Path, required=True, metavar="PROJECT", help="the project (*.atlas.json)")
    imp.add_argument("--layer", help="the layer(s) to take from a GeoPackage or KML, comma-separated")
    imp.add_argument("--encoding", help="a shapefile's text encoding: utf-8, cp1251, cp866, koi8-r")
    imp.add_argument("--crs", help="the coordinate system when the file has none, e.g. EPSG:32642")
    imp.add_argument("--x", help="a table's longitude column")
    imp.add_argument("--y", help="a table's latitude column")
    imp.add_argument("--wkt", help="a table's column of WKT geometry")
    imp.add_argument("--embed", action="store_true", help="keep the data in the project, not by path")


def _question_text(q) -> str:
    from gis_app.core import crs, encodings
    from gis_app.core import importers as im
    if isinstance(q, encodings.EncodingQuestion):
        lines = ["the shapefile does not say its text encoding; choose one with --encoding "
                 f"(likeliest: {q.guess}). The first names read as:"]
        lines += [f"  {enc:7} {', '.join(q.previews[enc][:3])}" for enc in encodings.CANDIDATES]
        return "\n".join(lines)
    if isinstance(q, crs.CrsQuestion):
        w, s, e, n = q.bounds
        hint = f" (suggested: --crs {q.suggested})" if q.suggested else ""
        examples = ", ".join(c for c, _ in q.choices[:3])
        return (f"the file has no coordinate system and its coordinates ({w:.0f}, {s:.0f} – {e:.0f}, "
                f"{n:.0f}) are not degrees: give one with --crs{hint}, e.g. {examples}")
    if isinstance(q, im.LayerQuestion):
        return f"the file holds several layers: choose with --layer ({', '.join(q.layers)})"
    if isinstance(q, im.ColumnQuestion):
        return ("which columns hold the places? give --x COL --y COL or --wkt COL (columns: "
                f"{', '.join(q.columns[:30])})")
    return str(q)


def run(args) -> int:
    from gis_app.core import importers as im
    from gis_app.core import project as proj
    from gis_app.core import user_layers as ul
    from gis_app.core.catalog import load_catalog
    from gis_app.core.document import AtlasDocument

    if bool(args.x) != bool(args.y) or (args.wkt and args.x):
        print("gis-app: give both --x and --y, or --wkt", file=sys.stderr)
        return 2
    options = im.Options(layers=[n.strip() for n in args.layer.split(",")] if args.layer else None,
                         encoding=args.encoding, crs=args.crs, x=args.x, y=args.y, wkt=args.wkt)
    document = AtlasDocument(load_catalog())
    target = args.into
    if target.exists():
        try:
            document.apply_project(proj.load(target), target)
        except proj.ProjectError as exc:
            print(f"gis-app: cannot use the project {target}: {exc}", file=sys.stderr)
            return 1
    try:
        layers = im.read(args.file, options)
    except im.Question as q:
        print(f"gis-app: {args.file.name}: {_question_text(q)}", file=sys.stderr)
        return 2
    except (im.RefusedError, OSError, MemoryError) as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    taken = {e["id"] for e in document.user_layers} | set(document.catalog.ids())
    entries = []
    for n, layer in enumerate(layers):
        source = None if args.embed else {
            "path": str(args.file.absolute()), "layer": layer.source_layer, "part": layer.geometry_filter,
            "encoding": args.encoding or "", "crs": args.crs or "", "x": args.x or "", "y": args.y or "",
            "wkt": args.wkt or ""}
        entry = ul.entry_for(layer, source, len(document.user_layers) + n, taken)
        taken.add(entry["id"])
        entries.append(entry)
    document.add_user_layers(entries)
    try:
        document.save(target)
    except proj.ProjectError as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    for layer, entry in zip(layers, entries, strict=True):
        print(f"layer: {layer.name} (id {entry['id']})\n  features: {layer.count}"
              f"\n  geometry: {layer.geometry}"
              f"\n  CRS: {layer.crs}\n  encoding: {layer.encoding or 'as written (UTF-8/ASCII)'}"
              f"\n  repairs: {layer.repaired} geometries made valid, {layer.skipped_null} without geometry "
              f"skipped" + "".join(f"\n  note: {note}" for note in layer.notes))
    kept = "embedded in" if args.embed else "by path in"
    print(f"saved {kept} {target}")
    return 0
