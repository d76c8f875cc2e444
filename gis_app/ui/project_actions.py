"""The window's project file: New / Open / Save / Save As / recent files, the Lectures menu, the
title with its unsaved-changes mark, autosave to a recovery file, and a file changed on disk by
someone else. The project itself is the window's AtlasDocument; the slides are SlideController's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMenu

from gis_app.core import paths
from gis_app.core import project as proj
from gis_app.core.document import file_hash
from gis_app.core.events import Change, Kind
from gis_app.core.i18n import pick
from gis_app.core.map_state import MapState
from gis_app.core.project import Project, ProjectError
from gis_app.ui import load_notes
from gis_app.ui import settings as typed_settings
from gis_app.ui.slide_controller import SlideController

log = logging.getLogger(__name__)
AUTOSAVE_MS = 60_000


class ProjectController(QObject):
    def __init__(self, window, settings: typed_settings.Settings):
        super().__init__(window)
        self.window, self.settings, self.document = window, settings, window.document
        self._autosaved = self.document.generation
        self.slides_ctl = SlideController(window)
        self.slides, self.presenter = self.slides_ctl.panel, self.slides_ctl.presenter
        self.document.subscribe(self._document_changed)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_menu.setTitle(self.tr("Open &recent"))

    def install_lectures(self, menu: QMenu) -> None:
        self.lectures_menu = menu
        menu.aboutToShow.connect(self._fill_lectures)

    def retranslate_ui(self) -> None:
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.update_title()

    # --- what the slides part offers (old names) ----------------------------------------------------
    def go_to_slide(self, index: int, animate: bool = True) -> None:
        self.slides_ctl.go_to_slide(index, animate)

    def present(self, index: int = 0) -> bool:
        return self.slides_ctl.present(index)

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def dirty(self) -> bool:
        return self.document.dirty

    # --- title, dirty flag and autosave ------------------------------------------------------------
    def _document_changed(self, what: Change) -> None:
        if what.kinds & {Kind.DIRTY, Kind.TITLE, Kind.LANGUAGE}:
            self.update_title()

    def update_title(self) -> None:
        doc = self.document
        name = doc.path.name if doc.path else (pick(doc.title, self.window.lang) or self.tr("Untitled"))
        # "[*]" is where Qt shows the "*" of setWindowModified.
        self.window.setWindowTitle(self.tr("{0}[*] — Central Asia Security Atlas").format(name))
        self.window.setWindowModified(doc.dirty)

    def mark_dirty(self) -> None:
        self.document.mark_dirty()

    def autosave(self) -> Path | None:
        """Write the recovery file if something changed since the last autosave; a failure is said
        in the status bar (and tried again at the next tick)."""
        if self.document.generation == self._autosaved or not self.document.dirty:
            return None
        try:
            target = proj.write_recovery(self.current_project(), self.path)
        except ProjectError as exc:
            log.warning("autosave failed: %s", exc)
            self.window.statusBar().showMessage(
                self.tr("Autosave failed: {0}").format(str(exc)), AUTOSAVE_MS)
            return None
        self._autosaved = self.document.generation
        return target

    def offer_recovery(self) -> bool:
        """At start-up: offer the work of every crashed session, newest first. Yes restores it (its
        file stays until that work is saved), No keeps it for the next start, Discard deletes it.
        An unreadable recovery file is kept aside as *.corrupt and the user is told where."""
        found = proj.orphaned_recoveries()
        for i, path in enumerate(found):
            try:
                rescued = proj.load(path)
            except ProjectError as exc:
                log.warning("unreadable recovery file %s: %s", path, exc)
                try:
                    kept = proj.set_aside(path)
                except OSError:
                    kept = path
                self.warn(self.tr("Recovery file damaged"), self.tr(
                    "Unsaved work from a session that did not close normally could not be read. "
                    "The file was kept as {0}.\n\nDetails: {1}").format(str(kept), str(exc)))
                continue
            source = rescued.recovery_of or self.tr("an untitled project")
            answer = self.ask(self.tr("Recover unsaved work?"), self.tr(
                "The atlas did not close normally. Unsaved work on {0} was kept at {1}.\n\n"
                "Restore it? (No keeps it for the next start; Discard deletes it.)").format(
                    source, proj.age_text(path)),
                ("yes", "no", "discard"))
            if answer == "discard":
                proj.discard_recovery(path)
                continue
            if answer != "yes":
                continue
            try:
                proj.adopt_recovery(path)  # kept on disk, as this session's, until saved
            except OSError as exc:
                log.warning("could not adopt recovery file %s: %s", path, exc)
            origin = Path(rescued.recovery_of) if rescued.recovery_of else None
            self.apply(rescued, origin, file_hash(origin) if origin else None)
            self.mark_dirty()  # restored work is not saved yet
            later = len(found) - i - 1
            if later:
                self.window.statusBar().showMessage(self.tr(
                    "%n more unsaved session(s) kept: offered at the next start.", "", later), 15000)
            return True
        return False

    # --- the project as a whole ----------------------------------------------------------------
    def current_project(self) -> Project:
        return self.document.to_project()

    def apply(self, project: Project, path: Path | None = None, disk_hash: str | None = None) -> None:
        """Show a project: one change of the document; the undo history of the previous one goes."""
        self.window.undo_stack.clear()
        for problem in self.document.apply_project(project, path, disk_hash):
            log.warning("annotations: %s", problem)
        self.slides_ctl.current_slide = -1
        if project.slides:
            self.window.docks.show("slides")

    def warn(self, title: str, text: str) -> None:
        self.window.prompts.warn(title, text)

    def ask(self, title: str, text: str, choices: tuple[str, ...]) -> str:
        return self.window.prompts.ask(title, text, choices)

    # --- New / Open / Save -----------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Before the project is replaced or the window closes: True = go on.

        An untitled project with nothing but map changes is not asked about: the window keeps
        the map state in its settings anyway."""
        if not self.document.dirty:
            return True
        doc = self.document
        if doc.path is None and not doc.slides and not len(doc.annotations):
            return True
        answer = self.ask(self.tr("Unsaved changes"),
                          self.tr("Save the changes to {0}?").format(
                              doc.path.name if doc.path else self.tr("the untitled project")),
                          ("save", "discard", "cancel"))
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.apply(Project(map=MapState(self.window.catalog).to_dict(), language=self.window.lang))
        return True

    def open_dialog(self) -> None:
        path = self.window.prompts.open_file("project", self.tr("Open project"),
                                             self.tr("Atlas projects (*.atlas.json *.json);;All files (*)"))
        if path:  # the folder is remembered by the prompts
            self.open_path(path)

    def open_path(self, path: str | Path, as_copy: bool = False) -> bool:
        """Open a project; a file that cannot be opened changes nothing and says why.
        `as_copy` (lectures): the project opens untitled, so Save asks where to put it."""
        path = Path(path)
        try:  # read first: a file that cannot be opened should not cost a question about saving
            project = proj.load(path)
            disk_hash = file_hash(path)
        except ProjectError as exc:
            self.warn(self.tr("Cannot open project"), self._error_text(exc, path))
            return False
        if not self.maybe_save():
            return False
        if as_copy:  # a lecture carries its texts in every language: keep the reader's
            project.language = self.window.lang
        self.apply(project, None if as_copy else path, None if as_copy else disk_hash)
        if not as_copy:
            self._add_recent(path)
        self.report_opened(project, path.name)
        return True

    def report_opened(self, project: Project, name: str) -> None:
        """After a project was shown (a file, a lecture, a bundle, a workspace lecture): what was left
        out of it, in the log in English and in the status bar in the reader's language."""
        notes = list(project.warnings)
        unknown = proj.check_layers(project, self.window.catalog.ids())
        if unknown:
            notes.append(load_notes.unknown_layers_note(unknown))
        if notes:
            log.warning("%s: %s", name, "; ".join(notes))
        text = load_notes.opened_message(name, notes, self.window.lang, self.window.catalog, self.document)
        self.window.statusBar().showMessage(text, 20000 if notes else 5000)

    def _error_text(self, exc: ProjectError, path: Path) -> str:
        """Why a file was refused, in the interface language; core's detail (English) below."""
        reasons = {
            ProjectError.UNREADABLE: self.tr("{0} cannot be read."),
            ProjectError.NOT_PROJECT: self.tr("{0} is not an atlas project."),
            ProjectError.CORRUPT: self.tr("{0} is damaged or incomplete."),
            ProjectError.NEWER: self.tr("{0} was saved by a newer version of the atlas; update the "
                                        "atlas to open it."),
        }
        reason = reasons.get(exc.kind, self.tr("{0} is not a valid atlas project.")).format(path.name)
        return self.tr("{0}\n\nDetails: {1}\n\nNothing was changed.").format(reason, str(exc))

    def save(self) -> bool:
        if self.path is None:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        suggested = str(self.path) if self.path else f"atlas{proj.SUFFIX}"
        chosen = self.window.prompts.save_file("project", self.tr("Save project"), suggested,
                                               self.tr("Atlas projects (*.atlas.json)"))
        if not chosen:
            return False
        path = Path(chosen)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + proj.SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        path = Path(path)
        if path == self.path and self.document.changed_on_disk():
            choice = self.window.prompts.choose(
                self.tr("Project changed on disk"),
                self.tr("{0} was changed by another window or program since you opened it. Saving "
                        "now would replace those changes.").format(path.name),
                [("overwrite", self.tr("Overwrite")), ("save_as", self.tr("Save as…")),
                 ("reload", self.tr("Reload from disk"))])
            if choice == "save_as":
                return self.save_as_dialog()
            if choice == "reload":
                self.document.mark_clean()  # the user chose theirs over ours: no second question
                return self.open_path(path)
            if choice != "overwrite":
                return False
        try:
            self.document.save(path)
        except ProjectError as exc:
            self.warn(self.tr("Project not saved"), str(exc))
            return False
        self._add_recent(path)
        proj.discard_recovery()
        self._autosaved = self.document.generation
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path.name), 5000)
        return True

    def closing(self) -> bool:
        """From the window's closeEvent: False = the user cancelled."""
        if not self.maybe_save():
            return False
        self.presenter.stop()
        self.autosave_timer.stop()
        proj.discard_recovery()  # a clean exit: nothing to recover
        return True

    # --- recent files and lectures ---------------------------------------------------------------
    def recent(self) -> list[str]:
        return self.settings.get(typed_settings.RECENT_PROJECTS)

    def _add_recent(self, path: Path) -> None:
        self.settings.add_recent_project(str(path.resolve()))
        self.settings.set_last_folder("project", str(path.resolve().parent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = self.recent()
        for entry in entries:
            # (PySide passes triggered's "checked" to the first parameter: keep it for that.)
            action = self.recent_menu.addAction(Path(entry).name,
                                                lambda _checked=False, e=entry: self.open_path(e))
            action.setToolTip(entry)
            action.setEnabled(Path(entry).exists())
        if not entries:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def lectures(self) -> list[tuple[Path, str]]:
        """The shipped lectures: (file, title in the current language)."""
        found = []
        for path in sorted(paths.lectures_dir().glob(f"*{proj.SUFFIX}")):
            try:
                found.append((path, proj.load(path).title_in(self.window.lang) or path.name))
            except ProjectError as exc:
                log.warning("lecture %s: %s", path.name, exc)
        return found

    def _fill_lectures(self) -> None:
        self.lectures_menu.clear()
        for path, title in self.lectures():
            self.lectures_menu.addAction(title,
                                         lambda _checked=False, p=path: self.open_path(p, as_copy=True))
        if self.lectures_menu.isEmpty():
            self.lectures_menu.addAction(self.tr("(no lectures found)")).setEnabled(False)
