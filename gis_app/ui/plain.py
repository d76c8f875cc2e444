"""Text from data shown by Qt as text, never as markup.

Qt guesses whether a tooltip is rich text (`Qt.mightBeRichText`): a feature named
`<img width=20000 height=20000>` would be drawn as a 20,000 px image. `tip(text)` escapes the text
and wraps it in a paragraph that keeps its line breaks, so Qt shows exactly the characters.
Labels showing data use `label.setTextFormat(Qt.TextFormat.PlainText)` instead.
"""

from __future__ import annotations

import html


def tip(text: str | None) -> str:
    """A tooltip showing `text` literally ('' stays '': no tooltip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(str(text), quote=False) + "</p>"


def warning(parent, title: str, text: str) -> None:
    """A modal warning whose text is shown as text (file names and details come from data)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def text_label(text: str = "", parent=None, selectable: bool = True):
    """A word-wrapped label showing `text` as text (selectable unless said otherwise)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


def error_label(parent):
    """A form's line saying what is wrong, in words, as text (the wrong value may be data)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def ok_cancel(dialog):
    """The OK and Cancel buttons of a form, joined to its accept and reject."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                               dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
