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
