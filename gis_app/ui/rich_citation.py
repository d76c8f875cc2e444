"""Citations shown with the style's italics in the Info and Sources panels.

The HTML comes from core.citations.citation_html: the item's text escaped, only <i> from the
style. A label showing it opens no links; the list's delegate draws it with a QTextDocument."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gis_app.core import citations

HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def show_rich(label: QLabel, item_id: str, style: str, bibliography: dict[str, dict]) -> None:
    """Show one citation in `label` with the style's italics (the plain text stays the row's)."""
    try:
        html = citations.citation_html(item_id, style, bibliography)
    except Exception:  # noqa: BLE001 - citeproc on an odd entry of the user's: the plain text stays
        return
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(html)


class CitationDelegate(QStyledItemDelegate):
    """Draws a list item's HTML_ROLE (escaped HTML with <i>) wrapped to the list's width."""

    MARGIN = 4

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(self.MARGIN)
        doc.setDefaultFont(option.font)
        html = index.data(HTML_ROLE)
        if html:
            doc.setHtml(html)
        else:
            doc.setPlainText(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        doc.setTextWidth(max(80, width - 2))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = (QPalette.ColorRole.HighlightedText if option.state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 1)
