"""The info panel's figures table in a narrow dock: nothing cut to "Bo… cou…".

The table has five columns (figure, value, unit, date, source). When the dock is too narrow for
them, the unit joins the value ("≈ 400,000 persons") and the date joins the source ("Kyrgyzstan
Inquiry Commission 2011, 2010-06") and those two columns are hidden, which leaves the figure and
the source room to wrap whole words. The items keep their own texts (a delegate joins them for
display), and a cell still too narrow for its text gets the full text in its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget

VALUE, UNIT, DATE, SOURCE = 1, 2, 3, 4
PADDING = 14  # cell margins and the grid line, in pixels


class JoiningDelegate(QStyledItemDelegate):
    """Shows a cell's text joined with a hidden sibling column's text (compact mode only)."""

    def __init__(self, table: QTableWidget, joins: dict[int, tuple[int, str]]):
        super().__init__(table)
        self.table, self.joins = table, joins  # column -> (column joined, separator)

    def joined_text(self, index) -> str:
        text = str(index.data() or "")
        other, sep = self.joins.get(index.column(), (None, ""))
        if other is not None and self.table.isColumnHidden(other):
            extra = str(index.siblingAtColumn(other).data() or "")
            if extra:
                return f"{text}{sep}{extra}" if text else extra
        return text

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.text = self.joined_text(index)


class _ViewportWatch(QObject):
    def __init__(self, table: QTableWidget, refit: Callable[[], None]):
        super().__init__(table)
        self.refit, self.width = refit, -1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and event.size().width() != self.width:
            self.width = event.size().width()
            QTimer.singleShot(0, self.refit)  # after the layout settles, not inside its resize
        return False


def install(table: QTableWidget, refit: Callable[[], None]) -> JoiningDelegate:
    """The joining delegate, and `refit` called whenever the table's width changes. The header's
    resize modes now are the full layout's (restored by fit)."""
    delegate = JoiningDelegate(table, {VALUE: (UNIT, " "), SOURCE: (DATE, ", ")})
    table.setItemDelegate(delegate)
    table.viewport().installEventFilter(_ViewportWatch(table, refit))
    header = table.horizontalHeader()
    delegate.full_modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
    return delegate


def _longest_word(table: QTableWidget, column: int) -> int:
    metrics = table.fontMetrics()
    words = [w for r in range(table.rowCount()) if table.item(r, column)
             for w in table.item(r, column).text().split()]
    return max((metrics.horizontalAdvance(w) for w in words), default=0)


def _content(table: QTableWidget, column: int) -> int:
    metrics = table.fontMetrics()
    texts = [table.item(r, column).text() for r in range(table.rowCount()) if table.item(r, column)]
    header = table.horizontalHeaderItem(column)
    texts.append(header.text() if header else "")
    return max(metrics.horizontalAdvance(t) for t in texts) + PADDING


def needs_compact(table: QTableWidget, width: int) -> bool:
    """True when the five columns do not fit `width` with every word of the figure and source whole."""
    fixed = sum(_content(table, c) for c in (VALUE, UNIT, DATE))
    return fixed + _longest_word(table, 0) + _longest_word(table, SOURCE) + 2 * PADDING > width


def fit(table: QTableWidget, width: int) -> bool:
    """Compact or full columns for `width` (the table's viewport), then tooltips on cut cells.
    Returns whether the compact layout is used."""
    compact = table.rowCount() > 0 and needs_compact(table, width)
    header = table.horizontalHeader()
    delegate = table.itemDelegate()
    # Resize modes change while every column is shown: a hidden section whose mode changes keeps
    # (invisible) room in the header.
    for column in (UNIT, DATE):
        table.setColumnHidden(column, False)
    if compact:
        # The value as wide as its widest number (the unit wraps under it), the source as wide as
        # its longest word at least, the figure the rest.
        for column in range(table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (UNIT, DATE):
            table.setColumnHidden(column, True)
        # a text value (a table's cell, elided to 40 characters) wraps in a third of the width
        # instead of pushing the source out of sight
        value = min(_content(table, VALUE), max(_longest_word(table, VALUE) + PADDING, width // 3))
        source = max(_longest_word(table, SOURCE) + PADDING, (width - value) // 2)
        table.setColumnWidth(VALUE, value)
        table.setColumnWidth(SOURCE, source)
        table.setColumnWidth(0, max(_longest_word(table, 0) + PADDING, width - value - source))
    elif hasattr(delegate, "full_modes"):
        for column, mode in enumerate(delegate.full_modes):
            header.setSectionResizeMode(column, mode)
    table.resizeRowsToContents()
    tooltips_for_cut_cells(table)
    return compact


def tooltips_for_cut_cells(table: QTableWidget) -> None:
    """A cell whose text is wider than its column, or wraps a word, carries the whole text first in
    its tooltip (the view draws it with "…")."""
    metrics = table.fontMetrics()
    delegate = table.itemDelegate()
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or table.isColumnHidden(column):
                continue
            index = table.model().index(row, column)
            text = delegate.joined_text(index) if isinstance(delegate, JoiningDelegate) else item.text()
            tip = item.data(Qt.ItemDataRole.ToolTipRole) or ""
            room = table.columnWidth(column) - PADDING
            cut = any(metrics.horizontalAdvance(w) > room for w in text.split()) or \
                (table.rowHeight(row) < metrics.boundingRect(0, 0, max(1, room), 10_000,
                                                             int(Qt.TextFlag.TextWordWrap), text).height())
            if cut and not str(tip).startswith(text):
                item.setToolTip("\n".join(t for t in (text, str(tip)) if t))
