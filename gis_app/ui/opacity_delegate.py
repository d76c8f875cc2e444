"""The layer panel's opacity column: a slider with its value beside it ("40 %")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QSpinBox, QStyle, QStyledItemDelegate, QStyleOptionSlider


class OpacityDelegate(QStyledItemDelegate):
    """Paints the opacity as a slider with its value beside it ("40 %"); click or drag on the slider
    to set it, F2 (on any column of the layer's row) or a double-click to type it."""

    @staticmethod
    def text_width(option) -> int:
        return option.fontMetrics.horizontalAdvance("100 %") + 6

    def slider_rect(self, option) -> QRect:
        return QRect(option.rect).adjusted(2, 0, -2 - self.text_width(option), 0)

    def _option(self, option, value: int) -> QStyleOptionSlider:
        opt = QStyleOptionSlider()
        opt.rect = self.slider_rect(option)
        opt.minimum, opt.maximum = 0, 100
        opt.sliderPosition = opt.sliderValue = int(value)
        opt.orientation = Qt.Orientation.Horizontal
        opt.state = option.state | QStyle.StateFlag.State_Enabled
        opt.palette = option.palette
        return opt

    def paint(self, painter, option, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if value is None:
            return super().paint(painter, option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawComplexControl(QStyle.ComplexControl.CC_Slider, self._option(option, value), painter,
                                 option.widget)
        text_rect = QRect(option.rect)
        text_rect.setLeft(option.rect.right() - self.text_width(option))
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{int(value)} %")
        painter.restore()

    def sizeHint(self, option, index):  # noqa: N802
        return QSize(80 + self.text_width(option), super().sizeHint(option, index).height())

    def editorEvent(self, event, model, option, index):  # noqa: N802
        kinds = (event.Type.MouseButtonPress, event.Type.MouseMove)
        if index.data(Qt.ItemDataRole.EditRole) is None or event.type() not in kinds:
            return super().editorEvent(event, model, option, index)
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        rect = self.slider_rect(option).adjusted(4, 0, -4, 0)
        if event.type() == event.Type.MouseButtonPress and event.position().x() > rect.right() + 4:
            return False  # a click on the number: no change (a double-click there types a value)
        x = min(max(event.position().x(), rect.left()), rect.right())
        model.setData(index, round(100 * (x - rect.left()) / max(1, rect.width())))
        return True

    def createEditor(self, parent, option, index):  # noqa: N802
        box = QSpinBox(parent)
        box.setRange(0, 100)
        box.setSuffix(" %")
        box.setAccessibleName(QCoreApplication.translate("OpacityDelegate", "Opacity (%)"))
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))
        editor.selectAll()  # typing replaces the value

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.value())
