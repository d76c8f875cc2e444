"""`gis-app evidence import FILE --into P.atlas.json` and `gis-app evidence export P.atlas.json
--format csl|bibtex|ris|claims-csv [-o FILE]`: the analyst's sources and figures, headless."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub) -> None:
    ev = sub.add_parser("evidence", help="import a bibliography into a project, or export its sources "
                                         "and figures")
    what = ev.add_subparsers(dest="evidence_command", required=True)
    imp = what.add_parser("import", help="add the sources of a CSL-JSON, BibTeX or RIS file to a project "
                                         "(created if missing)")
    imp.add_argument("file", type=Path, help="a .json (CSL-JSON), .bib or .ris file, UTF-8")
    imp.add_argument("--into", type=Path, required=True, metavar="PROJECT", help="the project (*.atlas.json)")
    imp.add_argument("--keep-duplicates", action="store_true",
                     help="keep an entry that duplicates a known source (same DOI, URL or title) as a "
                          "source of its own; by default it is merged into the known one")
    exp = what.add_parser("export", help="write a project's sources or figures (standard output by default)")
    exp.add_argument("project", type=Path, help="the project (*.atlas.json)")
    exp.add_argument("--format", required=True, choices=("csl", "bibtex", "ris", "claims-csv"))
    exp.add_argument("--scope", default="project", choices=("project", "map"),
                     help="project: your sources and those your figures cite (default); map: the "
                          "sources and figures of the layers the project shows")
    exp.add_argument("-o", "--output", type=Path, help="the file to write (atomically); default: stdout")


def _document(path: Path, must_exist: bool):
    from gis_app.core import project as proj
    from gis_app.core.catalog import load_catalog
    from gis_app.core.document import AtlasDocument

    document = AtlasDocument(load_catalog())
    if path.exists() or must_exist:
        project = proj.load(path)  # ProjectError says why it cannot open
        for warning in project.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        document.apply_project(project, path)
    return document


def run(args) -> int:
    from gis_app.core import project as proj
    try:
        return _import(args) if args.evidence_command == "import" else _export(args)
    except proj.ProjectError as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1


def _import(args) -> int:
    from gis_app.core import bib_import as bi
    from gis_app.core import project as proj

    document = _document(args.into, must_exist=False)
    ev = document.evidence
    try:
        read = bi.read_file(args.file, taken=set(ev.bibliography))
    except bi.BibliographyError as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    for problem in read.problems:
        print(f"warning: {problem}", file=sys.stderr)
    fresh, duplicates = bi.plan(read.items, document.user_evidence["sources"], ev.bibliography)
    for dup in duplicates:
        verb = "kept as well" if args.keep_duplicates else (
            "the atlas's own is used" if dup.where == "shipped" else f"merged into {dup.existing['id']}")
        print(f"duplicate ({dup.by}): {dup.new['title'][:70]!r} = {dup.existing['id']}; {verb}")
    added = 0
    merged = 0 if args.keep_duplicates else sum(d.where != "shipped" for d in duplicates)
    with document.batch():
        for op in bi.operations(fresh, duplicates, lambda _d: not args.keep_duplicates):
            if op[0] == "add":
                document.add_source(op[1])
                added += 1
            else:
                document.update_source(op[1], op[2])
    try:
        document.save(args.into)
    except proj.ProjectError as exc:
        print(f"gis-app: {exc}", file=sys.stderr)
        return 1
    print(f"{args.file.name}: {len(read.items)} entries ({read.format}); {added} sources added, "
          f"{merged} merged, {len(duplicates)} duplicates, {len(read.problems)} skipped; saved {args.into}")
    return 0


def _export(args) -> int:
    from gis_app.core import atomic, evidence_export

    document = _document(args.project, must_exist=True)
    text = evidence_export.export_text(document, args.format, args.scope, document.language)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    try:
        atomic.write_bytes(args.output, text.encode("utf-8"))
    except OSError as exc:
        print(f"gis-app: {exc}" if isinstance(exc, atomic.OutputError)
              else f"gis-app: could not write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({args.format}, {args.scope})", file=sys.stderr)
    return 0
