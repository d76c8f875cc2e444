"""The window's project: New / Open / Save / Save As / recent files, the Lectures menu, the dirty
flag in the title, autosave to a recovery file, and moving between slides.

Owned by MainWindow as `window.project`. The project's parts live where the window uses them:
the map state in `window.state`, the slides in the slides dock, the annotations in
`window.annotations` (with the undo stack, `window.undo_stack`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QMessageBox, QToolBar

from gis_app.core import paths
from gis_app.core import project as proj
from gis_app.core.i18n import pick
from gis_app.core.map_state import MapState
from gis_app.core.project import Project, ProjectError, Slide
from gis_app.ui.annotation_tools import ReplaceAnnotations
from gis_app.ui.presentation import Presenter
from gis_app.ui.slides_dock import SlidesPanel, thumbnail_text

log = logging.getLogger(__name__)
MAX_RECENT = 8
AUTOSAVE_MS = 60_000
FLY_SECONDS = 1.2


class ProjectController(QObject):
    def __init__(self, window, settings: QSettings | None):
        super().__init__(window)
        self.window, self.settings = window, settings
        self.path: Path | None = None
        self.title: proj.Texts = ""
        self.style_overrides: dict[str, dict] = {}
        self.dirty = False
        self._since_autosave = False
        self._applying = False
        self._pending: Project | None = None
        self._recent_memory: list[str] = []  # when there are no settings (tests)
        # Replaceable for tests: ask(title, text, buttons) -> the StandardButton chosen.
        self.ask: Callable = self._ask_with_box
        self.current_slide = -1

        self.slides = SlidesPanel(self.capture_slide, window.lang, window)
        self.slides.changed.connect(self.mark_dirty)
        self.slides.activated.connect(lambda i: self.go_to_slide(i, animate=True))
        self.slides.present_requested.connect(self.present)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("slidesDock")
        self.dock.setWidget(self.slides)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [300], Qt.Orientation.Horizontal)
        self.dock.hide()  # a lecturer's tool: shown with a project that has slides, or from View
        self.presenter = Presenter(window, lambda: len(self.slides.slides),
                                   lambda i, animate: self.go_to_slide(i, animate), self._slide_texts)

        window.state.subscribe(self._state_changed)
        window.annotations.subscribe(self._state_changed)
        window.map.bridge.page_ready.connect(self._page_ready)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._build_actions()
        self.retranslate_ui()

    # --- actions and menus -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.actions: dict[str, QAction] = {}
        for key, shortcut, slot in (
                ("new", QKeySequence.StandardKey.New, self.new),
                ("open", QKeySequence.StandardKey.Open, self.open_dialog),
                ("save", QKeySequence.StandardKey.Save, self.save),
                ("save_as", QKeySequence.StandardKey.SaveAs, self.save_as_dialog),  # Ctrl+Shift+S
                ("present", QKeySequence("F5"), lambda: self.present(0)),
                ("present_here", QKeySequence("Shift+F5"),
                 lambda: self.present(max(0, self.slides.list.currentRow()))),
                ("add_slide", QKeySequence("Ctrl+M"), self.add_slide),
                ("export_pdf", QKeySequence(), self.export_pdf_dialog),
                ("export_png", QKeySequence(), self.export_png_dialog)):
            action = QAction(w)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.actions[key] = action
        self.recent_menu = QMenu(w)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.lectures_menu = QMenu(w)
        self.lectures_menu.aboutToShow.connect(self._fill_lectures)
        self.toolbar = QToolBar(w)
        self.toolbar.setObjectName("projectToolbar")
        for key in ("new", "open", "save", "present"):
            self.toolbar.addAction(self.actions[key])  # the window places the toolbar

    def install_menus(self, file_menu: QMenu, view_menu: QMenu) -> None:
        """Put the project entries at the top of File, the slides dock in View, and add the
        Slides and Lectures menus after View."""
        first = file_menu.actions()[0] if file_menu.actions() else None
        for key in ("new", "open"):
            file_menu.insertAction(first, self.actions[key])
        self.recent_action = file_menu.insertMenu(first, self.recent_menu)
        for key in ("save", "save_as"):
            file_menu.insertAction(first, self.actions[key])
        file_menu.insertSeparator(first)
        view_menu.addAction(self.dock.toggleViewAction())
        bar = self.window.menuBar()
        after = view_menu.menuAction()
        actions = bar.actions()
        position = actions.index(after) + 1 if after in actions else len(actions)
        before = actions[position] if position < len(actions) else None
        self.slides_menu = QMenu(self.window)
        for key in ("add_slide", "present", "present_here", None, "export_pdf", "export_png"):
            if key is None:
                self.slides_menu.addSeparator()
            else:
                self.slides_menu.addAction(self.actions[key])
        bar.insertMenu(before, self.slides_menu)
        bar.insertMenu(before, self.lectures_menu)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        names = {"new": self.tr("&New project"), "open": self.tr("&Open project…"),
                 "save": self.tr("&Save project"), "save_as": self.tr("Save project &as…"),
                 "present": self.tr("&Present from the first slide"),
                 "present_here": self.tr("Present from the &selected slide"),
                 "add_slide": self.tr("&Add slide from the current view"),
                 "export_pdf": self.tr("Export slides to P&DF…"),
                 "export_png": self.tr("Export slides as P&NG images…")}
        for key, text in names.items():
            self.actions[key].setText(text)
        self.actions["present"].setIconText(self.tr("Present"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.lectures_menu.setTitle(self.tr("&Lectures"))
        if hasattr(self, "slides_menu"):
            self.slides_menu.setTitle(self.tr("&Slides"))
        self.toolbar.setWindowTitle(self.tr("Project"))
        self.dock.setWindowTitle(self.tr("Slides"))
        self.update_title()

    def update_title(self) -> None:
        name = self.path.name if self.path else (pick(self.title, self.window.lang) or self.tr("Untitled"))
        # "[*]" is where Qt shows the "*" of setWindowModified.
        self.window.setWindowTitle(self.tr("{0}[*] — Central Asia Security Atlas").format(name))
        self.window.setWindowModified(self.dirty)

    # --- dirty flag and autosave -------------------------------------------------------------------
    def _state_changed(self, what: str, layer_id: str) -> None:
        if not self._applying:
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self._since_autosave = True
        if not self.dirty:
            self.dirty = True
            self.update_title()

    def mark_clean(self) -> None:
        self.dirty = self._since_autosave = False
        self.update_title()

    def autosave(self) -> Path | None:
        """Write the recovery file if something changed since the last autosave; a failure is said
        in the status bar (and tried again at the next tick)."""
        if not self._since_autosave:
            return None
        try:
            target = proj.write_recovery(self.current_project(), self.path)
        except ProjectError as exc:
            log.warning("autosave failed: %s", exc)
            self.window.statusBar().showMessage(
                self.tr("Autosave failed: {0}").format(str(exc)), AUTOSAVE_MS)
            return None
        self._since_autosave = False
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
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Discard)
            if answer == QMessageBox.StandardButton.Discard:
                proj.discard_recovery(path)
                continue
            if answer != QMessageBox.StandardButton.Yes:
                continue
            try:
                proj.adopt_recovery(path)  # kept on disk, as this session's, until saved
            except OSError as exc:
                log.warning("could not adopt recovery file %s: %s", path, exc)
            self.apply(rescued)
            self.path = Path(rescued.recovery_of) if rescued.recovery_of else None
            self.mark_dirty()  # restored work is not saved yet
            later = len(found) - i - 1
            if later:
                self.window.statusBar().showMessage(self.tr(
                    "%n more unsaved session(s) kept: offered at the next start.", "", later), 15000)
            return True
        return False

    # --- the project as a whole ----------------------------------------------------------------
    def current_project(self) -> Project:
        return Project(map=self.window.state.to_dict(), title=self.title, language=self.window.lang,
                       style_overrides=dict(self.style_overrides),
                       annotations=self.window.annotations.to_list(),
                       slides=list(self.slides.slides))

    def apply(self, project: Project) -> None:
        """Show a project in the window (deferred until the page is ready)."""
        if not self.window.map.ready:
            self._pending = project
            return
        self._applying = True
        try:
            self.window.state.apply(project.map)
            self.style_overrides = dict(project.style_overrides)
            self._send_style_overrides()
            self._show_annotations(project.annotations)
            self.title = project.title
            self.slides.set_slides(project.slides)
            self.current_slide = -1
            if project.slides:
                self.dock.show()
            if project.language != self.window.lang:
                self.window.set_language(project.language)
        finally:
            self._applying = False

    def _show_annotations(self, items: list[dict]) -> None:
        """Another project's annotations: the undo history of the previous project is dropped."""
        self.window.undo_stack.clear()
        for problem in self.window.annotations.replace(list(items)):
            log.warning("annotations: %s", problem)

    def _page_ready(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.apply(pending)
        else:
            self._send_style_overrides()

    def _send_style_overrides(self) -> None:
        for layer in self.window.catalog.layers:
            self.window.map.call("setStyleOverride", layer.id, self.style_overrides.get(layer.id, {}))

    def warn(self, title: str, text: str) -> None:
        self.ask(title, text, QMessageBox.StandardButton.Ok)

    def _ask_with_box(self, title: str, text: str, buttons) -> QMessageBox.StandardButton:
        if buttons == QMessageBox.StandardButton.Ok:
            return QMessageBox.warning(self.window, title, text)
        return QMessageBox.question(self.window, title, text, buttons)

    # --- New / Open / Save -----------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Before the project is replaced or the window closes: True = go on.

        An untitled project with nothing but map changes is not asked about: the window keeps
        the map state in its settings anyway."""
        if not self.dirty:
            return True
        current = self.current_project()
        if self.path is None and not current.slides and not current.annotations:
            return True
        answer = self.ask(self.tr("Unsaved changes"),
                          self.tr("Save the changes to {0}?").format(
                              self.path.name if self.path else self.tr("the untitled project")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.apply(Project(map=MapState(self.window.catalog).to_dict(), language=self.window.lang))
        self.path, self.title = None, ""
        self.mark_clean()
        return True

    def open_dialog(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), start,
                                              self.tr("Atlas projects (*.atlas.json *.json);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, as_copy: bool = False) -> bool:
        """Open a project; a file that cannot be opened changes nothing and says why.
        `as_copy` (lectures): the project opens untitled, so Save asks where to put it."""
        path = Path(path)
        try:  # read first: a file that cannot be opened should not cost a question about saving
            project = proj.load(path)
        except ProjectError as exc:
            self.warn(self.tr("Cannot open project"), self._error_text(exc, path))
            return False
        if not self.maybe_save():
            return False
        if as_copy:  # a lecture carries its texts in every language: keep the reader's
            project.language = self.window.lang
        self.apply(project)
        self.path = None if as_copy else path
        if not as_copy:
            self._add_recent(path)
        self.mark_clean()
        unknown = proj.check_layers(project, self.window.catalog.ids())
        notes = list(project.warnings)
        if unknown:
            notes.append(f"unknown layers ignored: {', '.join(unknown)}")
        if notes:
            log.warning("%s: %s", path.name, "; ".join(notes))
            text = self.tr("Opened {0} with {1} notes: {2}").format(path.name, len(notes), "; ".join(notes))
            self.window.statusBar().showMessage(text, 20000)
        else:
            self.window.statusBar().showMessage(self.tr("Opened {0}").format(path.name), 5000)
        return True

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
        start = str(self.path) if self.path else str(Path.home() / f"atlas{proj.SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start,
                                              self.tr("Atlas projects (*.atlas.json)"))
        if not path:
            return False
        if not path.endswith(".json"):
            path += proj.SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            proj.save(self.current_project(), path)
        except ProjectError as exc:
            self.warn(self.tr("Project not saved"), str(exc))
            return False
        self.path = path
        self._add_recent(path)
        self.mark_clean()
        proj.discard_recovery()
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
        if self.settings is None:
            return list(self._recent_memory)
        value = self.settings.value("project/recent") or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def _add_recent(self, path: Path) -> None:
        entries = [str(path.resolve())] + [p for p in self.recent() if p != str(path.resolve())]
        entries = entries[:MAX_RECENT]
        if self.settings is None:
            self._recent_memory = entries
        else:
            self.settings.setValue("project/recent", entries)

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

    # --- slides ----------------------------------------------------------------------------------
    def add_slide(self) -> int:
        self.dock.show()
        return self.slides.add_from_view()

    def capture_slide(self) -> Slide:
        """A slide from what the map shows now (its caption is set by the user afterwards)."""
        bounds = self.window.map.evaluate("bounds")
        state = self.window.state
        thumbnail = ""
        if self.window.map.ready:
            from gis_app.ui.grab import stable_grab

            thumbnail = thumbnail_text(stable_grab(self.window.map, quiet_ms=150, timeout_ms=2000))
        return Slide(bounds=tuple(bounds) if bounds else None, visible=state.visible_ids(),
                     time_range=state.time_range,
                     annotations=self.window.annotations.to_list(),
                     thumbnail=thumbnail)

    def go_to_slide(self, index: int, animate: bool = True) -> None:
        slides = self.slides.slides
        if not 0 <= index < len(slides):
            return
        slide = slides[index]
        self._applying = True  # stepping through slides is not an edit of the project
        try:
            slide.apply_to(self.window.state)
            if slide.annotations != self.window.annotations.to_list():
                # Undoable: what was drawn before going to the slide comes back with Ctrl+Z.
                step = ReplaceAnnotations(self.window.annotations, slide.annotations,
                                          self.tr("Show the slide's annotations"))
                self.window.undo_stack.push(step)
                for problem in step.problems:
                    log.warning("annotations: %s", problem)
        finally:
            self._applying = False
        if slide.bounds:
            self.window.map.call("flyToBounds", *slide.bounds, animate, FLY_SECONDS)
        self.current_slide = index
        if self.slides.list.currentRow() != index:
            self.slides.list.setCurrentRow(index)
        if not slide.thumbnail:  # a hand-written slide: take its picture once it has arrived
            delay = int(FLY_SECONDS * 1000) + 600 if animate else 600
            QTimer.singleShot(delay, lambda s=slide: self._late_thumbnail(s))

    def _late_thumbnail(self, slide: Slide) -> None:
        index = next((i for i, s in enumerate(self.slides.slides) if s is slide), -1)
        if slide.thumbnail or index < 0 or index != self.current_slide:
            return
        if self.presenter.active and self.presenter.blanked:
            return
        slide.thumbnail = thumbnail_text(self.window.map.grab().toImage())
        self.slides.refresh_thumbnail(index)

    def _slide_texts(self, index: int) -> tuple[str, str]:
        slide = self.slides.slides[index]
        return slide.caption_in(self.window.lang), slide.notes_in(self.window.lang)

    def _export(self, run) -> None:
        """Run an export (slide_export.py) with a busy cursor; each slide is rendered offscreen."""
        from PySide6.QtWidgets import QApplication

        if not self.slides.slides:
            self.window.statusBar().showMessage(self.tr("No slides to export."), 8000)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = run()
        except (OSError, TimeoutError) as exc:
            message = None
            self.warn(self.tr("Slides not exported"), str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        if message:
            self.window.statusBar().showMessage(message, 10000)

    def export_pdf_dialog(self) -> None:
        from gis_app.ui.slide_export import export_pdf

        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export slides to PDF"), "slides.pdf",
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self._export(lambda: self.tr("Wrote {0} pages to {1}").format(
                export_pdf(self.window, path), path))

    def export_png_dialog(self) -> None:
        from gis_app.ui.slide_export import export_pngs

        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export slides as PNG images"))
        if folder:
            self._export(lambda: self.tr("Wrote {0} images to {1}").format(
                len(export_pngs(self.window, folder)), folder))

    def present(self, index: int = 0) -> bool:
        if not self.slides.slides:
            self.window.statusBar().showMessage(
                self.tr("No slides to present: add one from the current view first."), 8000)
            return False
        return self.presenter.start(index)
