"""Window shortcuts that must work whatever widget has the focus.

A spin box (its line edit) takes Ctrl+Z and Ctrl+Shift+Z for its own text undo, so with the focus
in the annotation toolbar's Width box, Ctrl+Z undid the typing instead of the last change to the
map. `pass_window_shortcuts(widget)` lets the window's Undo and Redo (and the other keys given)
through: the widget declines the shortcut override, so Qt runs the window's action instead.
Text fields where typing is the work (search, notes) keep their own undo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence

WINDOW_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
# Redo as the window declares it (Edit > Redo: Ctrl+Shift+Z and Ctrl+Y), whatever the platform's
# standard key is.
EXTRA = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Z"))


def is_window_key(event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in WINDOW_KEYS):
        return True
    combo = QKeySequence(event.keyCombination())
    return any(combo.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in EXTRA)


class WindowShortcutPassThrough(QObject):
    """Event filter: the watched widget does not claim the window's Undo/Redo keys."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and is_window_key(event):
            event.ignore()  # not ours: the shortcut map runs the window's action
            return True
        return False


def pass_window_shortcuts(*widgets) -> WindowShortcutPassThrough:
    """Install one pass-through filter on each widget (and a spin box's line edit); returns it."""
    if not widgets:
        raise ValueError("no widget given")
    keeper = WindowShortcutPassThrough(widgets[0])
    for widget in widgets:
        widget.installEventFilter(keeper)
        line_edit = getattr(widget, "lineEdit", None)
        if callable(line_edit) and line_edit() is not None:
            line_edit().installEventFilter(keeper)
    return keeper
