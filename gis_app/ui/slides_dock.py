"""The slides dock: a project's saved views as a list with thumbnails.

Add a slide from the current view, update it, edit its caption and speaker notes, drag to
reorder, delete; double-click goes to a slide, "Present" starts the presentation there.

Thumbnails are stored in the project (a small base64 JPEG, ~5 KB a slide): regenerating them would
mean flying the map to every slide on open. Slides without one (the shipped lectures, written by
hand) show a numbered placeholder until they are first shown.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gis_app.core.document import AtlasDocument
from gis_app.core.events import Change, Kind
from gis_app.core.project import MAX_THUMBNAIL_TEXT, Slide
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import tip as plain_tip
from gis_app.ui.prompts import Prompts, prompts_for

THUMB = QSize(160, 100)  # stored
ICON = QSize(112, 70)     # shown in the dock
ROLE_SLIDE = Qt.ItemDataRole.UserRole + 1


def thumbnail_text(image: QImage) -> str:
    """A map grab as the small base64 JPEG a slide keeps."""
    small = image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                         Qt.TransformationMode.SmoothTransformation)
    x, y = (small.width() - THUMB.width()) // 2, (small.height() - THUMB.height()) // 2
    small = small.copy(x, y, THUMB.width(), THUMB.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "JPEG", 80)
    return base64.b64encode(bytes(data)).decode("ascii")


MAX_THUMB_PIXELS = 1024 * 1024  # a stored thumbnail is 160 x 100; a bigger one is not decoded


def thumbnail_image(text: str) -> QImage:
    """A slide's thumbnail, decoded only if its header says it is small (a crafted 30,000 px
    image would freeze the window): a null image otherwise."""
    if not text or len(text) > MAX_THUMBNAIL_TEXT:
        return QImage()
    try:
        data = QByteArray(base64.b64decode(text, validate=False))
    except ValueError:
        return QImage()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_THUMB_PIXELS:
        return QImage()
    image = reader.read()
    return image if not image.isNull() else QImage()


def thumbnail_pixmap(slide: Slide, number: int) -> QPixmap:
    image = thumbnail_image(slide.thumbnail)
    if not image.isNull():
        return QPixmap.fromImage(image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
    pixmap = QPixmap(THUMB)  # a placeholder: the slide's number on the atlas's land colour
    pixmap.fill(QColor("#e4e0d8"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#6b6355"))
    font = QFont()
    font.setPointSize(28)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    return pixmap


class SlideDialog(Retranslating, QDialog):
    """Caption and speaker notes of one slide, in the current language."""

    def __init__(self, caption: str, notes: str, number: int, parent=None):
        super().__init__(parent)
        self.number = number
        self.caption_edit = QLineEdit(caption, self)
        self.notes_edit = QPlainTextEdit(notes, self)
        self.caption_label, self.notes_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.caption_label, self.caption_edit)
        form.addRow(self.notes_label, self.notes_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 360)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Slide {0}").format(self.number))
        self.caption_label.setText(self.tr("Caption"))
        self.notes_label.setText(self.tr("Speaker notes"))



def _set_text(texts, lang: str, value: str):
    """Edit one language of a caption/notes value, keeping the others."""
    if isinstance(texts, dict):
        return {**texts, lang: value}
    return value


class SlidesPanel(Retranslating, QWidget):
    """A view of the document's slides: edits go to the document, which tells every view."""

    activated = Signal(int)         # go to this slide
    present_requested = Signal(int)  # start the presentation at this slide

    def __init__(self, document: AtlasDocument, capture: Callable[[], Slide], lang: str = "en",
                 parent=None, prompts: Prompts | None = None):
        super().__init__(parent)
        self.prompts = prompts  # None: the main window's (gis_app.ui.prompts.prompts_for)
        self.document, self.capture, self.lang = document, capture, lang
        document.subscribe(self._document_changed)
        self.list = QListWidget(self)
        self.list.setObjectName("slidesList")
        self.list.setIconSize(ICON)
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.model().rowsMoved.connect(self._rows_moved)
        self.list.itemDoubleClicked.connect(lambda item: self.activated.emit(self.list.row(item)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentRowChanged.connect(self._update_buttons)

        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for key, slot in (("add", self.add_from_view), ("update", self.update_current),
                          ("edit", self.edit_current), ("delete", self.delete_current),
                          ("present", lambda: self.present_requested.emit(max(0, self.list.currentRow())))):
            button = QToolButton(self)
            button.setObjectName(f"slide_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        texts = {"add": (self.tr("Add"), self.tr("Add a slide from the current view")),
                 "update": (self.tr("Update"),
                            self.tr("Replace the selected slide's view with the current one")),
                 "edit": (self.tr("Edit…"), self.tr("Edit the caption and speaker notes")),
                 "delete": (self.tr("Delete"), self.tr("Delete the selected slide")),
                 "present": (self.tr("Present"),
                             self.tr("Start the presentation at the selected slide (Shift+F5)"))}
        for key, (label, tip) in texts.items():
            self.buttons[key].setText(label)
            self.buttons[key].setToolTip(tip)
        self.refresh()

    def set_lang(self, lang: str) -> None:
        self.lang = lang  # the LanguageChange that follows renders the list (retranslate_ui)

    # --- the list --------------------------------------------------------------------------------
    @property
    def slides(self) -> list[Slide]:
        return self.document.slides

    def set_slides(self, slides: list[Slide]) -> None:
        self.document.set_slides(slides)

    def _document_changed(self, what: Change) -> None:
        if Kind.SLIDES in what:
            self.refresh()

    def label(self, index: int) -> str:
        caption = self.slides[index].caption_in(self.lang) or self.tr("(no caption)")
        return f"{index + 1}. {caption}"

    def refresh(self) -> None:
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for i, slide in enumerate(self.slides):
            item = QListWidgetItem(QIcon(thumbnail_pixmap(slide, i + 1)), self.label(i))
            item.setData(ROLE_SLIDE, i)
            item.setToolTip(plain_tip(slide.notes_in(self.lang)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.slides:
            self.list.setCurrentRow(min(max(current, 0), len(self.slides) - 1))
        self._update_buttons()

    def refresh_thumbnail(self, index: int) -> None:
        item = self.list.item(index)
        if item is not None:
            item.setIcon(QIcon(thumbnail_pixmap(self.slides[index], index + 1)))

    def _rows_moved(self, *args) -> None:
        order = [self.list.item(r).data(ROLE_SLIDE) for r in range(self.list.count())]
        moved_to = self.list.currentRow()
        self.document.set_slides([self.slides[i] for i in order])
        self.list.setCurrentRow(moved_to)

    def move(self, source: int, target: int) -> None:
        """Move a slide (what a drag does), for keyboard users and tests."""
        self.document.move_slide(source, target)
        self.list.setCurrentRow(target)

    def _update_buttons(self, *args) -> None:
        has = 0 <= self.list.currentRow() < len(self.slides)
        for key in ("update", "edit", "delete"):
            self.buttons[key].setEnabled(has)
        self.buttons["present"].setEnabled(bool(self.slides))

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for key in ("add", "update", "edit", "delete", "present"):
            button = self.buttons[key]
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.exec(self.list.viewport().mapToGlobal(pos))

    # --- actions ---------------------------------------------------------------------------------
    def add_from_view(self) -> int:
        slide = self.capture()
        row = self.list.currentRow() + 1 if self.slides else 0
        self.document.insert_slide(row, slide)
        self.list.setCurrentRow(row)
        return row

    def update_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.slides):
            return
        fresh, old = self.capture(), self.slides[row]
        fresh.caption, fresh.notes = old.caption, old.notes
        self.document.replace_slide(row, fresh)

    def edit_current(self, dialog: SlideDialog | None = None) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self.slides):
            return False
        slide = self.slides[row]
        dialog = dialog or SlideDialog(slide.caption_in(self.lang), slide.notes_in(self.lang), row + 1, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        edited = dataclasses.replace(
            slide, caption=_set_text(slide.caption, self.lang, dialog.caption_edit.text().strip()),
            notes=_set_text(slide.notes, self.lang, dialog.notes_edit.toPlainText().strip()))
        self.document.replace_slide(row, edited)
        return True

    def delete_current(self, confirm: bool = True) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.slides):
            return
        if confirm and prompts_for(self, self.prompts).ask(
                self.tr("Delete slide"), self.tr("Delete slide {0}?").format(self.label(row)),
                ("yes", "no")) != "yes":
            return
        self.document.remove_slide(row)
