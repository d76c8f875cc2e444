"""The analyst's evidence in the window: figures added, changed and removed on any feature (from the
Info dock and the map's menu), sources added by hand or imported from a bibliography (duplicates
shown, merged or kept as the user says), the evidence exported; every change one undo step.

One call joins it to the window: `install(window)` (after the window is built). The panels read the
document's one `evidence` (shipped + the user's) and are told when it changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMenu

from gis_app.core import atomic, evidence_export
from gis_app.core import bib_import as bi
from gis_app.core import user_evidence as ue
from gis_app.core.events import Change, Kind
from gis_app.core.evidence import short_citation
from gis_app.core.features import DataError
from gis_app.core.i18n import feature_name
from gis_app.ui.evidence_commands import AddEntry, Macro, RemoveEntry, UpdateEntry
from gis_app.ui.refusal_text import bibliography_problem, bibliography_text, evidence_text

EXPORTS = (("map", "csl"), ("map", "bibtex"), ("map", "ris"), ("map", "claims-csv"),
           ("project", "csl"), ("project", "bibtex"), ("project", "ris"), ("project", "claims-csv"))


class EvidenceController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        # How a dialog is shown (tests replace it: fill the fields, return True for OK).
        self.run_dialog = lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted
        self.export_menu = QMenu(window)
        self.export_menu.setObjectName("evidenceExportMenu")
        self.export_actions = {}
        for scope, fmt in EXPORTS:
            action = self.export_menu.addAction("")
            action.setObjectName(f"export_{scope}_{fmt}")
            action.triggered.connect(lambda _c=False, s=scope, f=fmt: self.export_dialog(f, s))
            self.export_actions[(scope, fmt)] = action
            if (scope, fmt) == ("map", "claims-csv"):
                self.export_menu.addSeparator()
        self.retranslate()

    def install(self) -> None:
        w = self.window
        w.actions.set_handler("import_bibliography", self.import_dialog)
        w.actions.set_handler("add_source", self.add_source)
        w.actions["export_evidence"].setMenu(self.export_menu)
        w.actions.set_handler("export_evidence", lambda: None)
        w.info_panel.add_figure_requested.connect(self.add_figure)
        w.info_panel.edit_figure_requested.connect(self.edit_figure)
        w.info_panel.delete_figure_requested.connect(self.delete_figure)
        sp = w.sources_panel
        sp.import_requested.connect(self.import_dialog)
        sp.add_requested.connect(self.add_source)
        sp.edit_requested.connect(self.edit_source)
        sp.remove_requested.connect(self.remove_source)
        sp.set_export_menu(self.export_menu)
        self.document.subscribe(self._changed)
        w.language.changed.connect(lambda _lang: self.retranslate())
        self._changed(Change(frozenset({Kind.EVIDENCE})))

    def retranslate(self) -> None:
        names = {"csl": self.tr("CSL-JSON (Zotero, Mendeley)…"), "bibtex": self.tr("BibTeX…"),
                 "ris": self.tr("RIS (EndNote, Zotero)…"),
                 "claims-csv": self.tr("Figures with their sources (CSV)…")}
        for (scope, fmt), action in self.export_actions.items():
            where = self.tr("This map") if scope == "map" else self.tr("The project")
            action.setText(f"{where}: {names[fmt]}")
        self.export_menu.setTitle(self.tr("Export sources and figures"))

    # --- the panels follow the document's evidence -------------------------------------------------
    def _changed(self, what: Change) -> None:
        if Kind.EVIDENCE not in what:
            return
        w, ev = self.window, self.document.evidence
        w.claims, w.bibliography = ev.claims, ev.bibliography
        w.info_panel.set_evidence(ev)
        w.stats_panel.set_evidence(ev)
        from gis_app.core.figure_values import choropleth_values
        w.attribute_table.set_figures(choropleth_values(self.document.catalog, ev))  # the map's values
        w.sources_panel.set_evidence(ev, [s["id"] for s in self.document.user_evidence.get("sources", [])],
                                     self.document.user_evidence)

    def _own(self, part: str, entry_id: str) -> dict:
        """An entry of the user's evidence (KeyError when there is none by that id)."""
        return self.document.user_evidence[part][ue.find(self.document.user_evidence, part, entry_id)]

    def _push(self, command) -> bool:
        """Push an undo step; a refusal by the document (its rules) is said, nothing changes."""
        self.window.undo_stack.push(command)
        if command.error:  # obsolete: the stack has dropped it; said in the window's language
            self.window.prompts.warn(self.tr("Not changed"), evidence_text(
                command.refusal, self.document.evidence, self.window.lang))
            return False
        return True

    # --- figures ----------------------------------------------------------------------------------------
    def subject_of(self, layer_id: str, feature_id: str) -> tuple[str, str]:
        """The claim subject ("layer/feature", or a country's ISO code) and the feature's name."""
        try:
            props = self.window.features.properties(layer_id, feature_id)
            name = feature_name(props, self.window.lang) or feature_id
        except (KeyError, DataError):
            name = feature_id
        is_country = layer_id == "countries" and len(feature_id) == 3 and feature_id.isupper()
        return (feature_id if is_country else f"{layer_id}/{feature_id}"), name

    def _dialog(self, subject: str, name: str, claim: dict | None = None):
        from gis_app.ui.claim_editor import ClaimDialog
        return ClaimDialog(self.document.evidence, subject, name, self.window.lang, claim, self.window)

    def add_figure(self, layer_id: str, feature_id: str) -> str | None:
        subject, name = self.subject_of(layer_id, feature_id)
        dialog = self._dialog(subject, name)
        if not self.run_dialog(dialog) or dialog.problem():
            return None
        claim = dialog.claim()
        macro = Macro(self.document, self.tr("add figure"))
        self._extras(dialog, macro)
        macro.add(AddEntry(self.document, "claims", claim))
        return claim["claim_id"] if self._push(macro) else None

    def _extras(self, dialog, macro) -> None:
        if dialog.new_source is not None:
            macro.add(AddEntry(self.document, "sources", dialog.new_source))
        indicator = dialog.new_indicator()
        if indicator is not None:
            macro.add(AddEntry(self.document, "indicators", indicator))

    def edit_figure(self, claim_id: str) -> bool:
        try:
            claim = self._own("claims", claim_id)
        except KeyError:
            return False
        layer, _, feature = claim["subject"].rpartition("/")
        _subject, name = self.subject_of(layer or "countries", feature)
        dialog = self._dialog(claim["subject"], name, claim)
        if not self.run_dialog(dialog) or dialog.problem():
            return False
        macro = Macro(self.document, self.tr("edit figure"))
        self._extras(dialog, macro)
        macro.add(UpdateEntry(self.document, "claims", claim_id, dialog.claim()))
        return self._push(macro)

    def delete_figure(self, claim_id: str) -> bool:
        return self._push(RemoveEntry(self.document, "claims", claim_id, self.tr("delete figure")))

    # --- sources ----------------------------------------------------------------------------------------
    def add_source(self, parent=None) -> str | None:
        """The source form; the new source's id, or None. `parent`: the dialog asking (digitising)."""
        from gis_app.ui.source_form import SourceForm
        form = SourceForm(None, parent or self.window)
        if not self.run_dialog(form) or form.problem():
            return None
        item = form.item()
        item["id"] = ue.new_id(short_citation(item).replace(" ", "_"), self.document.evidence.bibliography)
        dup = ue.duplicate_of(item, list(self.document.evidence.bibliography.values()))
        if dup is not None and self._ask_duplicate(bi.Duplicate(item, dup[0], dup[1], "project")) != "keep":
            return None
        added = self._push(AddEntry(self.document, "sources", item, self.tr("add source")))
        return item["id"] if added else None

    def edit_source(self, item_id: str) -> bool:
        from gis_app.ui.source_form import SourceForm
        try:
            item = self._own("sources", item_id)
        except KeyError:
            return False
        form = SourceForm(item, self.window)
        if not self.run_dialog(form) or form.problem():
            return False
        return self._push(UpdateEntry(self.document, "sources", item_id, form.item(), self.tr("edit source")))

    def remove_source(self, item_id: str) -> bool:
        figures = ue.citing_claims(self.document.user_evidence, item_id)
        cited = ue.citing_targets(self.document.user_evidence, item_id)
        if figures or cited:
            self.window.prompts.warn(self.tr("Source kept"), self.tr(
                "This source is cited by {0} of your figures and {1} layers or features; change or "
                "delete those citations first.").format(len(figures), len(cited)))
            return False
        return self._push(RemoveEntry(self.document, "sources", item_id, self.tr("remove source")))

    def _ask_duplicate(self, dup: bi.Duplicate) -> str | None:
        by = {"doi": self.tr("the same DOI"), "url": self.tr("the same link"),
              "title": self.tr("the same title")}[dup.by]
        whose = self.tr("the atlas's own source") if dup.where == "shipped" else self.tr("a source you have")
        text = self.tr("“{0}” has {1} as {2}:\n{3}\n\nMerge them (one source), or keep both?").format(
            str(dup.new.get("title", ""))[:200], by, whose, str(dup.existing.get("title", ""))[:200])
        return self.window.prompts.choose(self.tr("Duplicate source"), text,
                                          [("merge", self.tr("Merge")), ("keep", self.tr("Keep both"))])

    def import_dialog(self) -> None:
        path = self.window.prompts.open_file("import", self.tr("Import a bibliography"), self.tr(
            "Bibliographies (*.bib *.ris *.json);;BibTeX (*.bib);;RIS (*.ris);;CSL-JSON (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int:
        """Read `path`, ask about each duplicate, add the sources as one undo step; how many added
        or merged (-1 when the file was refused or the import cancelled)."""
        prompts, ev = self.window.prompts, self.document.evidence
        try:
            read = bi.read_file(path, taken=set(ev.bibliography))
        except bi.BibliographyError as exc:
            prompts.warn(self.tr("Not imported"), bibliography_text(exc))
            return -1
        fresh, duplicates = bi.plan(read.items, self.document.user_evidence["sources"], ev.bibliography)
        answers = {}
        for dup in duplicates:
            answer = self._ask_duplicate(dup)
            if answer is None:
                return -1
            answers[id(dup)] = answer
        ops = bi.operations(fresh, duplicates, lambda d: answers[id(d)] == "merge")
        if ops:
            macro = Macro(self.document, self.tr("import {0}").format(path.name))
            for op in ops:
                if op[0] == "add":
                    macro.add(AddEntry(self.document, "sources", op[1]))
                else:
                    macro.add(UpdateEntry(self.document, "sources", op[1], op[2]))
            if not self._push(macro):
                return -1
        text = self.tr("{0}: {1} sources added, {2} duplicates, {3} entries skipped").format(
            path.name, sum(op[0] == "add" for op in ops), len(duplicates), len(read.problems))
        self.window.statusBar().showMessage(text, 15000)
        if read.problems:
            prompts.warn(self.tr("Some entries were not imported"), text,
                         "\n".join(bibliography_problem(p, self.window.lang) for p in read.problems))
        return len(ops)

    # --- export ----------------------------------------------------------------------------------------
    def export(self, fmt: str, scope: str, path: str | Path) -> None:
        """Write the evidence (OSError when it cannot be written: the old file is then untouched)."""
        text = evidence_export.export_text(self.document, fmt, scope, self.window.lang,
                                           self.window.info_panel.style)
        atomic.write_bytes(path, text.encode("utf-8"))

    def export_dialog(self, fmt: str, scope: str) -> None:
        prompts = self.window.prompts
        suffix = evidence_export.FORMATS[fmt]
        name = f"atlas-{'figures' if fmt == 'claims-csv' else 'sources'}-{scope}{suffix}"
        path = prompts.save_file("export", self.tr("Export sources and figures"), name, f"*{suffix}")
        if not path:
            return
        try:
            self.export(fmt, scope, path)
        except OSError as exc:
            prompts.warn(self.tr("Not saved"), self.tr("Could not write {0}: {1}").format(
                path, exc.strerror or str(exc)))
            return
        self.window.statusBar().showMessage(self.tr("Wrote {0}").format(path), 10000)


def install(window) -> EvidenceController:
    window.evidence_ui = EvidenceController(window)
    window.evidence_ui.install()
    return window.evidence_ui
