"""The text of a label, or the label and note of a marker, asked in a small dialog (plain text,
never markup)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from gis_app.ui.i18n import Retranslating


class AnnotationTextDialog(Retranslating, QDialog):
    """The text of a label, or the label and note of a marker (plain text, never markup)."""

    def __init__(self, kind: str, text: str = "", note: str = "", parent=None):
        super().__init__(parent)
        self.kind = kind
        self.text_edit = QLineEdit(text, self)
        self.note_edit = QPlainTextEdit(note, self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.form = QFormLayout(self)
        self.text_label, self.note_label = QLabel(self), QLabel(self)
        self.text_label.setBuddy(self.text_edit)
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.text_label, self.text_edit)
        if kind == "marker":
            self.form.addRow(self.note_label, self.note_edit)
        else:
            # Outside the layout a child still paints at (0, 0): the "Note:" label sat over "Text:".
            self.note_label.hide()
            self.note_edit.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.retranslate_ui()

    def retranslate_ui(self):
        self.setWindowTitle(self.tr("Marker") if self.kind == "marker" else self.tr("Text label"))
        self.text_label.setText(self.tr("&Text:"))
        self.note_label.setText(self.tr("&Note:"))
        self.text_edit.setAccessibleName(self.tr("Text"))
        self.note_edit.setAccessibleName(self.tr("Note"))

    def values(self) -> tuple[str, str]:
        return self.text_edit.text(), self.note_edit.toPlainText()


def ask_text(parent: QWidget, kind: str, text: str = "", note: str = "") -> tuple[str, str] | None:
    dialog = AnnotationTextDialog(kind, text, note, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


