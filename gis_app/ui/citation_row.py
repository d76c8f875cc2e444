"""One formatted citation in a panel, with Copy and (if it has a link) Open: the Info dock's sources
and the sources cited in the project."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from gis_app.core import citations
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import text_label
from gis_app.ui.rich_citation import show_rich


class CitationRow(Retranslating, QFrame):
    """One formatted citation with Copy and (if it has a URL) Open buttons."""

    def __init__(self, item_id: str, text: str, url: str, parent=None):
        super().__init__(parent)
        self.item_id, self.text, self.url = item_id, text, url
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = text_label(text, self)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy)
        self.open_button = QPushButton(self)
        self.open_button.setVisible(bool(url))
        self.open_button.clicked.connect(self.open)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy this reference to the clipboard"))
        self.open_button.setText(self.tr("Open link"))
        self.open_button.setToolTip(self.tr("Open {0} in the system web browser").format(self.url))
        self.copy_button.setAccessibleName(self.tr("Copy this reference to the clipboard"))
        self.open_button.setAccessibleName(self.tr("Open {0} in the system web browser").format(self.url))
        self.label.setAccessibleName(self.tr("Reference"))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)

    def open(self) -> bool:
        # The system browser, never inside the atlas (whose page is offline and sandboxed).
        return bool(self.url) and QDesktopServices.openUrl(QUrl(self.url))


def citation_row(item_id: str, style: str, items: dict[str, dict], parent=None) -> CitationRow:
    """The row of `items[item_id]` in `style`, in the style's italics; an entry citeproc cannot
    format (an odd one of the user's) shows its title."""
    item = items.get(item_id, {})
    try:
        text = citations.format_citation(item_id, style, items)
    except Exception:  # noqa: BLE001 - citeproc on an odd entry of the user's: its title stands in
        text = str(item.get("title") or item_id)
    row = CitationRow(item_id, text, citations.item_url(item), parent)
    show_rich(row.label, item_id, style, items)
    return row
