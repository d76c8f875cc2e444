"""Chart texts that fit the dock whole, in any language: bar labels and the legend.

Qt Charts gives the category axis of a horizontal bar chart at most about 40 % of the chart's width
and cuts (or elides) what does not fit; a legend in one row is elided too. A Kazakh or Russian label
is often longer than the English one, so a label that does not fit is broken onto two lines
(the name, then the figure), and the legend is a wrapped line of text under the chart.
"""

from __future__ import annotations

import html

from PySide6.QtCharts import QBarCategoryAxis, QChart
from PySide6.QtGui import QFont, QFontMetricsF

AXIS_SHARE = 0.4     # the share of the chart's width Qt Charts gives the left axis
AXIS_PADDING = 14    # the axis's own margins and the chart's, px
PLAIN_ROLE = "atlasPlainLabels"
FONT_ROLE = "atlasLabelPoints"
PLOT_OVERHEAD = 90   # the chart's height outside the plot: value axis, its title, margins, px
MIN_POINTS = 7.0


def _break(label: str, metrics: QFontMetricsF, room: float) -> str:
    """`label` as it is if it fits `room`, else on two lines at the break that fits best."""
    if metrics.horizontalAdvance(label) <= room:
        return label
    for separator in ("  ", ": ", " "):
        head, sep, tail = label.rpartition(separator) if separator == " " else label.partition(separator)
        if sep and head:
            first = head + (sep.strip() if sep.strip() else "")
            return f"{html.escape(first)}<br>{html.escape(tail.strip())}"
    return html.escape(label)


def fit_category_labels(chart: QChart, width: float, height: float) -> None:
    """Fit the left axis's labels of a chart `width` × `height` px: where the categories are tall
    enough, a label that would be cut goes onto two lines; where they are not (many bars), the
    labels' font shrinks until the longest fits (to MIN_POINTS at least). The plain labels and the
    font are kept on the axis, so a later call with another size starts from them."""
    for axis in chart.axes():
        if not isinstance(axis, QBarCategoryAxis) or axis.orientation().name != "Vertical":
            continue
        plain = axis.property(PLAIN_ROLE) or list(axis.categories())
        axis.setProperty(PLAIN_ROLE, plain)
        base = axis.property(FONT_ROLE) or axis.labelsFont().pointSizeF()
        axis.setProperty(FONT_ROLE, base)
        axis.setTruncateLabels(False)
        font = QFont(axis.labelsFont())
        font.setPointSizeF(base)
        room = width * AXIS_SHARE - AXIS_PADDING
        metrics = QFontMetricsF(font)
        spacing = (height - PLOT_OVERHEAD) / max(1, len(plain))
        widest = max((metrics.horizontalAdvance(label) for label in plain), default=0)
        two_lines = spacing >= 2.2 * metrics.height()
        if widest > room and not two_lines:   # no room for two lines: a smaller font
            font.setPointSizeF(max(MIN_POINTS, base * room / widest * 0.97))
            metrics = QFontMetricsF(font)
        if font != axis.labelsFont():
            axis.setLabelsFont(font)
        shown = [_break(label, metrics, room) if two_lines else label for label in plain]
        if shown != list(axis.categories()):
            axis.setCategories(shown)


def plain_categories(axis: QBarCategoryAxis) -> list[str]:
    """The axis's labels as one line each (what `fit_category_labels` started from)."""
    return list(axis.property(PLAIN_ROLE) or axis.categories())


def legend_html(entries: list[tuple[str, str]]) -> str:
    """A wrapped legend: a coloured square and the name of each series, as rich text."""
    return " &nbsp; ".join(f'<span style="color:{colour}">■</span>&nbsp;{html.escape(name)}'
                           for name, colour in entries)
