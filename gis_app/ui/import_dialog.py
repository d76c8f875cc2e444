"""File → Add layer… and files dropped on the map: the questions an import needs (layers, encoding
with a preview, coordinate system, columns) asked through the one prompts service, then the layers
added to the document. The reading is core/importers.py's; this module only asks and reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from gis_app.core import crs as crs_module
from gis_app.core import encodings
from gis_app.core import importers as im
from gis_app.core import user_layers as ul
from gis_app.core.document import AtlasDocument
from gis_app.ui.prompts import Prompts

SIDE_FILES = {".dbf", ".shx", ".prj", ".cpg", ".qpj", ".sbn", ".sbx", ".xml", ".qmd"}


def importable(paths: list[str]) -> list[str]:
    """The files of a drop to import: a shapefile's side files go with its .shp."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.suffix.lower() in SIDE_FILES and any(Path(p).suffix.lower() == ".shp"
                                                     and Path(p).stem == path.stem for p in paths):
            continue
        out.append(str(path))
    return out


class ImportFlow(QObject):
    """Asks what an import needs and adds the layers; `imported` says what came in (one line)."""

    imported = Signal(str)

    def __init__(self, document: AtlasDocument, prompts: Prompts, parent=None):
        super().__init__(parent)
        self.document, self.prompts = document, prompts

    def filters(self) -> str:
        return self.tr("Geodata (*.geojson *.json *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.fgb *.csv *.tsv "
                       "*.txt *.xlsx);;All files (*)")

    def choose_and_import(self) -> list[str]:
        path = self.prompts.open_file("import", self.tr("Add layer"), self.filters())
        return self.import_paths([path]) if path else []

    def import_paths(self, paths: list[str]) -> list[str]:
        """Import each file (asking what it needs); returns the ids of the layers added."""
        added: list[str] = []
        for path in importable(paths):
            added += self.import_file(Path(path))
        return added

    def import_file(self, path: Path, embed: bool = False) -> list[str]:
        options = im.Options()
        for _ in range(8):  # each answer removes one question
            try:
                layers = im.read(path, options)
                break
            except im.Question as question:
                if not self._answer(question, path, options):
                    return []
            except (im.RefusedError, MemoryError, OSError) as exc:
                self.prompts.warn(self.tr("Add layer"),
                                  self.tr("The file cannot be imported: {0}").format(exc))
                return []
        else:
            return []
        taken = {e["id"] for e in self.document.user_layers} | set(self.document.catalog.ids())
        entries = []
        for n, layer in enumerate(layers):
            source = None if embed else {
                "path": str(path.absolute()), "layer": layer.source_layer, "part": layer.geometry_filter,
                "encoding": options.encoding or "", "crs": options.crs or "", "x": options.x or "",
                "y": options.y or "", "wkt": options.wkt or ""}
            entry = ul.entry_for(layer, source, len(self.document.user_layers) + n, taken)
            taken.add(entry["id"])
            entries.append(entry)
        self.document.add_user_layers(entries)
        for layer in layers:
            self.imported.emit(self.tr("Added {0}: {1} features ({2}), from {3}; {4} repaired, {5} without "
                                       "geometry skipped").format(
                layer.name, layer.count, layer.geometry, layer.crs, layer.repaired, layer.skipped_null))
        problems = [self.document.user_layer_problems[e["id"]] for e in entries
                    if e["id"] in self.document.user_layer_problems]
        if problems:
            self.prompts.warn(self.tr("Add layer"), "\n".join(problems))
        return [e["id"] for e in entries if e["id"] not in self.document.user_layer_problems]

    # --- the questions ----------------------------------------------------------------------------
    def _answer(self, question: im.Question | Exception, path: Path, options: im.Options) -> bool:
        title = self.tr("Add layer: {0}").format(path.name)
        if isinstance(question, im.LayerQuestion):
            picked = self.prompts.choose(title, self.tr("The file holds several layers. Which one?"),
                                         [("*", self.tr("All of them"))]
                                         + [(n, n) for n in question.layers[:12]])
            if picked is None:
                return False
            options.layers = list(question.layers) if picked == "*" else [picked]
            return True
        if isinstance(question, encodings.EncodingQuestion):
            lines = [self.tr("The shapefile does not say how its text is encoded. The first names read as:")]
            order = [question.guess] + [e for e in encodings.CANDIDATES if e != question.guess]
            for enc in order:
                lines.append(f"{encodings.LABELS[enc]}: {', '.join(question.previews[enc][:3])}")
            picked = self.prompts.choose(title, "\n".join(lines),
                                         [(e, encodings.LABELS[e]) for e in order])
            if picked is None:
                return False
            options.encoding = picked
            return True
        if isinstance(question, crs_module.CrsQuestion):
            return self._ask_crs(question, title, options)
        if isinstance(question, im.ColumnQuestion):
            return self._ask_columns(question, title, options)
        return False

    def _ask_crs(self, question: crs_module.CrsQuestion, title: str, options: im.Options) -> bool:
        text = self.tr("The file has no coordinate system and its coordinates are not degrees. "
                       "Which system are they in?")
        choices = [("utm", self.tr("UTM zone (WGS 84)…")), ("gk", self.tr("Pulkovo 1942 / Gauss-Krüger…")),
                   ("code", self.tr("Another (EPSG code)…"))]
        if question.suggested:
            name = dict(crs_module.CHOICES)[question.suggested]
            choices.insert(0, (question.suggested, self.tr("{0} (suggested)").format(name)))
        family = self.prompts.choose(title, text, choices)
        if family is None:
            return False
        if family in ("utm", "gk"):
            zones = crs_module.UTM if family == "utm" else crs_module.GAUSS_KRUGER
            family = self.prompts.choose(title, self.tr("Which zone?"),
                                         [(code, name.rsplit(" ", 1)[-1]) for code, name in zones])
            if family is None:
                return False
        elif family == "code":
            family = self.prompts.ask_text(title, self.tr("EPSG code, e.g. EPSG:32642"), "EPSG:")
            if not family:
                return False
        options.crs = family
        return True

    def _ask_columns(self, question: im.ColumnQuestion, title: str, options: im.Options) -> bool:
        choices = []
        if question.guess_x and question.guess_y:
            choices.append(("xy", self.tr("Longitude: {0}, latitude: {1}").format(question.guess_x,
                                                                                  question.guess_y)))
        if question.guess_wkt:
            choices.append(("wkt", self.tr("Geometry as WKT in: {0}").format(question.guess_wkt)))
        choices.append(("other", self.tr("Other columns…")))
        picked = self.prompts.choose(title, self.tr("Which columns hold the places?"), choices)
        if picked is None:
            return False
        if picked == "xy":
            options.x, options.y = question.guess_x, question.guess_y
        elif picked == "wkt":
            options.wkt = question.guess_wkt
        else:
            text = self.prompts.ask_text(title, self.tr("Longitude and latitude columns separated by a "
                                                        "comma, or one WKT column. Columns: {0}").format(
                                             ", ".join(question.columns[:40])))
            if not text:
                return False
            parts = [p.strip() for p in text.split(",") if p.strip()]
            if len(parts) == 2:
                options.x, options.y = parts
            else:
                options.wkt = parts[0]
        options.confirm_columns = False
        return True
