"""Presentation mode: the slides full screen, the caption in large type over the map.

Keys (also what presentation remotes send): Right, Down, Page Down, Space, N = next; Left, Up,
Page Up, Backspace, P = previous; Home / End = first / last; B or . = black screen (again to come
back); L shows or hides the map's legend; Esc leaves and restores the window as it was. With a
second screen, a speaker window there shows the notes, the next caption and the time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QVBoxLayout, QWidget

from gis_app.ui.i18n import Retranslating

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_N,
             Qt.Key.Key_Return, Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
HALL_LABEL_SCALE = 1.6   # map labels in a lecture hall: 11 px names become about 18 px


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # captions are data
    label.setWordWrap(True)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return label


class SpeakerNotes(Retranslating, QWidget):
    """The speaker's window (second screen): counter, caption, notes, next caption, clock."""

    def __init__(self):
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("speakerNotes")
        self.setStyleSheet("background: #111; color: #eee;")
        self.counter, self.clock = _plain_label(self, "notesCounter"), _plain_label(self, "notesClock")
        self.caption, self.notes = _plain_label(self, "notesCaption"), _plain_label(self, "notesText")
        self.next = _plain_label(self, "notesNext")
        for label, size in ((self.counter, 16), (self.clock, 16), (self.caption, 26), (self.notes, 22),
                            (self.next, 16)):
            font = label.font()
            font.setPointSize(size)
            label.setFont(font)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter)
        layout.addWidget(self.caption)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.next)
        layout.addWidget(self.clock)
        self.started = time.monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        self._tick()
        self.position: tuple[int, int] = (0, 0)
        self.following = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Speaker notes"))
        self.show_position(*self.position, self.following)

    def show_position(self, index: int, count: int, following: str) -> None:
        """'Slide 3 of 9' and the next slide's caption."""
        self.position, self.following = (index, count), following
        self.counter.setText(self.tr("Slide {0} of {1}").format(index + 1, count) if count else "")
        self.next.setText(self.tr("Next: {0}").format(following) if following else "")

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(f"{elapsed // 60:02d}:{elapsed % 60:02d}")


class Presenter(QObject):
    """Runs a presentation over `window` (a QMainWindow whose central widget is the map).

    `slides()` gives the current list; `show_slide(index, animate)` puts one on the map and
    `texts(index)` gives its (caption, notes). The presenter owns only the screen, the overlay and
    the keys."""

    slide_changed = Signal(int)
    finished = Signal()

    def __init__(self, window: QMainWindow, count: Callable[[], int], show_slide: Callable[[int, bool], None],
                 texts: Callable[[int], tuple[str, str]]):
        super().__init__(window)
        self.window, self.count, self.show_slide, self.texts = window, count, show_slide, texts
        self.active, self.index, self.blanked = False, 0, False
        self.notes_window: SpeakerNotes | None = None
        self._saved: dict = {}
        self._filtered: list = []
        self.legend = True       # the map's legend while presenting (L shows or hides it)
        self._page_sent: dict | None = None

        self.caption = _plain_label(window, "presentationCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("background: rgba(20, 20, 20, 170); color: white; padding: 14px 28px;"
                                   " border-radius: 8px;")
        self.counter = _plain_label(window, "presentationCounter")
        self.counter.setStyleSheet("background: rgba(20, 20, 20, 150); color: white; padding: 4px 10px;"
                                   " border-radius: 4px;")
        self.counter.setWordWrap(False)
        self.blank = QWidget(window)
        self.blank.setObjectName("presentationBlank")
        self.blank.setStyleSheet("background: black;")
        self.blank.setAutoFillBackground(True)
        for widget in (self.caption, self.counter, self.blank):
            widget.hide()

    # --- entering and leaving --------------------------------------------------------------------
    def start(self, index: int = 0, notes_screen: bool | None = None) -> bool:
        """Full screen from slide `index`; `notes_screen` None = a speaker window if there is a
        second screen (True/False force it, for tests)."""
        if self.active or self.count() == 0:
            return False
        win = self.window
        self._saved = {"state": win.windowState(), "geometry": win.saveGeometry(), "docks": win.saveState(),
                       "menu": win.menuBar().isVisible(), "status": win.statusBar().isVisible()}
        self.active, self.blanked = True, False
        for dock in win.findChildren(QDockWidget):
            dock.hide()
        for bar in win.findChildren(QToolBar):
            bar.hide()
        win.menuBar().hide()
        win.statusBar().hide()
        win.showFullScreen()
        screens = QGuiApplication.screens()
        if notes_screen or (notes_screen is None and len(screens) > 1):
            self.notes_window = SpeakerNotes()
            here = win.screen()
            other = next((s for s in screens if s is not here), None)
            if other is not None:
                self.notes_window.setScreen(other)
                self.notes_window.setGeometry(other.availableGeometry())
            self.notes_window.show()
        # Keys are caught on the widgets that can have the focus here (not with an application-wide
        # filter: a Python one on QApplication crashes QtWebEngine's offscreen event delivery).
        central = win.centralWidget()
        self._filtered = [w for w in (win, central, central.focusProxy(), self.notes_window) if w is not None]
        for widget in self._filtered:
            widget.installEventFilter(self)
        (central.focusProxy() or central).setFocus(Qt.FocusReason.OtherFocusReason)
        self.go(index, animate=False)
        QTimer.singleShot(0, self._place_overlay)
        return True

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        for widget in self._filtered:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._filtered = []
        for widget in (self.caption, self.counter, self.blank):
            widget.hide()
        if self.notes_window is not None:
            self.notes_window.close()
            self.notes_window.deleteLater()
            self.notes_window = None
        win, saved = self.window, self._saved
        win.showNormal()
        win.setWindowState(saved["state"])
        if not saved["state"] & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            win.restoreGeometry(saved["geometry"])
        win.restoreState(saved["docks"])
        win.menuBar().setVisible(saved["menu"])
        win.statusBar().setVisible(saved["status"])
        self._send_page({"on": False})
        self._page_sent = None
        self.finished.emit()

    # --- moving ----------------------------------------------------------------------------------
    def go(self, index: int, animate: bool = True) -> None:
        n = self.count()
        if not self.active or n == 0:
            return
        self.index = max(0, min(n - 1, index))
        caption, notes = self.texts(self.index)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption) and not self.blanked)
        self._place_overlay()  # the caption's band first: the slide's extent is fitted above it
        self.show_slide(self.index, animate)
        self.counter.setText(f"{self.index + 1} / {n}")
        self.counter.setVisible(not self.blanked)
        if self.notes_window is not None:
            self.notes_window.caption.setText(caption)
            self.notes_window.notes.setText(notes)
            following = self.texts(self.index + 1)[0] if self.index + 1 < n else ""
            self.notes_window.show_position(self.index, n, following)
        self._place_overlay()
        self.slide_changed.emit(self.index)

    def next(self) -> None:
        if self.index + 1 < self.count():
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    def toggle_blank(self) -> None:
        self.blanked = not self.blanked
        self.blank.setVisible(self.blanked)
        self.caption.setVisible(not self.blanked and bool(self.caption.text()))
        self.counter.setVisible(not self.blanked)
        self._place_overlay()

    # --- overlay and keys ------------------------------------------------------------------------
    def _place_overlay(self) -> None:
        if not self.active:
            return
        area = self.window.centralWidget().geometry()
        font = QFont(self.caption.font())
        font.setPointSizeF(max(18.0, area.height() / 28))
        font.setBold(True)
        self.caption.setFont(font)
        width = int(area.width() * 0.86)
        self.caption.setFixedWidth(width)
        self.caption.adjustSize()
        self.caption.move(area.left() + (area.width() - width) // 2,
                          area.bottom() - self.caption.height() - int(area.height() * 0.06))
        small = QFont(self.counter.font())
        small.setPointSizeF(max(11.0, area.height() / 60))
        self.counter.setFont(small)
        self.counter.adjustSize()
        self.counter.move(area.right() - self.counter.width() - 16, area.top() + 16)
        self.blank.setGeometry(self.window.rect())
        for widget in (self.caption, self.counter, self.blank):
            widget.raise_()
        band = area.bottom() - self.caption.y() + 8 if self.caption.isVisibleTo(self.window) else 0
        self._send_page({"on": True, "scale": HALL_LABEL_SCALE, "legend": self.legend, "band": band,
                         "top": self.counter.height() + 24})

    def _send_page(self, presentation: dict) -> None:
        """The page's side of presenting (labels for a hall, no zoom buttons, the legend, the band
        the caption covers), through the page adapter's one entry, when it changed."""
        view = getattr(self.window, "map", None)
        if presentation != self._page_sent and hasattr(view, "apply_state"):
            self._page_sent = presentation
            view.apply_state({"presentation": presentation})

    def toggle_legend(self) -> None:
        self.legend = not self.legend
        self._place_overlay()

    def eventFilter(self, watched, event):  # noqa: N802
        if not self.active:
            return False
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window.centralWidget():
            QTimer.singleShot(0, self._place_overlay)
            return False
        if kind == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc is ours while presenting, not a shortcut's
            return True
        if kind != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.stop()
        elif key in BLANK_KEYS:
            self.toggle_blank()
        elif key == Qt.Key.Key_L and not self.blanked:
            self.toggle_legend()
        elif self.blanked:
            return True  # a black screen swallows paging until it is lifted
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(self.count() - 1)
        elif key == Qt.Key.Key_F5:
            return True
        else:
            return False  # other keys (zoom +/-) still reach the map
        return True
