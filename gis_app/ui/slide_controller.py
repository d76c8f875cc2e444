"""Slides in the window: the slides panel (a view of the document's slides), going to a slide,
capturing the view as a slide, presenting and exporting slides."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

from gis_app.core.project import Slide
from gis_app.ui.annotation_tools import ReplaceAnnotations
from gis_app.ui.presentation import Presenter
from gis_app.ui.slides_dock import SlidesPanel, thumbnail_text

log = logging.getLogger(__name__)
FLY_SECONDS = 1.2


class SlideController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.current_slide = -1
        self.panel = SlidesPanel(self.document, self.capture_slide, window.lang, window)
        self.panel.activated.connect(lambda i: self.go_to_slide(i, animate=True))
        self.panel.present_requested.connect(self.present)
        self.presenter = Presenter(window, lambda: len(self.document.slides),
                                   lambda i, animate: self.go_to_slide(i, animate), self._slide_texts)

    @property
    def slides(self) -> list[Slide]:
        return self.document.slides

    def add_slide(self) -> int:
        self.window.docks.show("slides")
        return self.panel.add_from_view()

    def capture_slide(self) -> Slide:
        """A slide from what the map shows now (its caption is set by the user afterwards)."""
        bounds = self.window.map.evaluate("bounds")
        state = self.document.map
        thumbnail = ""
        if self.window.map.ready:
            from gis_app.ui.grab import stable_grab

            thumbnail = thumbnail_text(stable_grab(self.window.map, quiet_ms=150, timeout_ms=2000))
        return Slide(bounds=tuple(bounds) if bounds else None, visible=state.visible_ids(),
                     time_range=state.time_range, annotations=self.document.annotations.to_list(),
                     thumbnail=thumbnail)

    def go_to_slide(self, index: int, animate: bool = True) -> None:
        """The slide's layers, time range, annotations and extent: one change of the document and one
        call to the page. Showing a slide is not an edit; its annotations replace the drawn ones as
        one undoable step (what was drawn comes back with Ctrl+Z)."""
        if not 0 <= index < len(self.slides):
            return
        slide = self.slides[index]
        with self.document.batch(edit=False):
            self.document.show_slide(index)
            if slide.annotations != self.document.annotations.to_list():
                step = ReplaceAnnotations(self.document.annotations, slide.annotations,
                                          self.tr("Show the slide's annotations"))
                self.window.undo_stack.push(step)
                for problem in step.problems:
                    log.warning("annotations: %s", problem)
            if slide.bounds:
                self.window.map.request_fly(slide.bounds, animate, FLY_SECONDS)
        self.current_slide = index
        if self.panel.list.currentRow() != index:
            self.panel.list.setCurrentRow(index)
        if not slide.thumbnail:  # a hand-written slide: take its picture once it has arrived
            delay = int(FLY_SECONDS * 1000) + 600 if animate else 600
            # tied to this object: a window closed before the timer fires takes the timer with it
            QTimer.singleShot(delay, self, lambda s=slide: self._late_thumbnail(s))

    def _late_thumbnail(self, slide: Slide) -> None:
        index = next((i for i, s in enumerate(self.slides) if s is slide), -1)
        if slide.thumbnail or index < 0 or index != self.current_slide:
            return
        if self.presenter.active and self.presenter.blanked:
            return
        self.document.slide_thumbnail_taken(slide, thumbnail_text(self.window.map.grab().toImage()))

    def _slide_texts(self, index: int) -> tuple[str, str]:
        slide = self.slides[index]
        return slide.caption_in(self.window.lang), slide.notes_in(self.window.lang)

    # --- export and presentation ------------------------------------------------------------------
    def _export(self, run) -> None:
        """Run an export (slide_export.py) with a busy cursor; each slide is rendered offscreen."""
        from PySide6.QtWidgets import QApplication

        if not self.slides:
            self.window.statusBar().showMessage(self.tr("No slides to export."), 8000)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = run()
        except (OSError, TimeoutError) as exc:
            message = None
            self.window.prompts.warn(self.tr("Slides not exported"), str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        if message:
            self.window.statusBar().showMessage(message, 10000)

    def export_pdf_dialog(self) -> None:
        from gis_app.ui.slide_export import export_pdf

        path = self.window.prompts.save_file("slides", self.tr("Export slides to PDF"), "slides.pdf",
                                             self.tr("PDF document (*.pdf)"))
        path = Path(path) if path else None
        if path:
            self._export(lambda: self.tr("Wrote {0} pages to {1}").format(
                export_pdf(self.window, path), path))

    def export_png_dialog(self) -> None:
        from gis_app.ui.slide_export import export_pngs

        folder = self.window.prompts.existing_dir("slides", self.tr("Export slides as PNG images"))
        folder = Path(folder) if folder else None
        if folder:
            self._export(lambda: self.tr("Wrote {0} images to {1}").format(
                len(export_pngs(self.window, folder)), folder))

    def present(self, index: int = 0) -> bool:
        if not self.slides:
            self.window.statusBar().showMessage(
                self.tr("No slides to present: add one from the current view first."), 8000)
            return False
        self.document.clear_selection()  # no highlight or popup from before on the slides
        return self.presenter.start(index)
