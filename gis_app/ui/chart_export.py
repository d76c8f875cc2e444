"""A chart saved as a PNG or SVG: the chart and, under it, its sources and notes in one drawing
(the panel's chart, at export size, with its title)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument, QTextOption
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene


def paint(panel, painter: QPainter, width: int, height: int) -> None:
    """The chart and, under it, its sources and notes: one drawing for PNG and SVG."""
    text = panel.sources_text() + ("\n" + panel.notes_text() if panel.notes_text() else "")
    doc = QTextDocument()
    font = QFont(panel.font())
    font.setPixelSize(max(14, width // 75))
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text)
    doc.setTextWidth(width - 40)
    text_height = int(doc.size().height()) + 20
    chart_height = max(200, height - text_height)
    painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
    scene = QGraphicsScene()
    chart = panel.make_chart(panel.data, export=True)
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, width, chart_height))
    chart.setBackgroundRoundness(0)
    scene.setSceneRect(QRectF(0, 0, width, chart_height))
    scene.render(painter, QRectF(0, 0, width, chart_height), QRectF(0, 0, width, chart_height))
    painter.save()
    painter.translate(20, chart_height + 6)
    doc.drawContents(painter)
    painter.restore()

def save(panel, path: str, size: QSize) -> bool:
    """Write the current chart with its source lines to `path` (.png or .svg)."""
    if panel.data is None:
        return False
    if path.lower().endswith(".svg"):
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(panel.chart_titles()[panel.data.id])
        generator.setDescription(panel.sources_text())
        painter = QPainter(generator)
        paint(panel, painter, size.width(), size.height())
        return painter.end()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint(panel, painter, size.width(), size.height())
    painter.end()
    image.setText("Title", panel.chart_titles()[panel.data.id])
    image.setText("Source", panel.sources_text())
    return image.save(path)
