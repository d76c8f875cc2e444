"""Fitting the window and its docks to the screen, so the map keeps a usable share.

`fit_layout_to_screen(window)` runs after the saved layout is restored (and whenever the window is
resized, through `LayoutGuard`): the window is moved and shrunk into the screen's available area;
the docks on the left and right give up width until the map has at least MAP_SHARE of the window's
width (never less than MIN_MAP_PX), the bottom docks give up height likewise; docks stacked in one
area that cannot all fit its height are put on tabs; when the two side areas cannot both keep
their minimum width, the right area's docks join the left area on tabs. Nothing is closed: every
dock stays one click away (its tab, the toolbar, the View menu).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

MAP_SHARE = 0.5         # of the window's width, for the map, when the window is wide enough
MAP_HEIGHT_SHARE = 0.4  # of the height between the toolbars and the status bar
MIN_MAP_PX = 240        # below this the map is not usable: docks move to tabs first
Area = Qt.DockWidgetArea


def docked(window: QMainWindow, area: Area) -> list[QDockWidget]:
    """The visible, docked (not floating) dock widgets in `area`."""
    return [d for d in window.findChildren(QDockWidget)
            if d.parent() is window and not d.isFloating() and d.isVisibleTo(window)
            and window.dockWidgetArea(d) == area]


def _groups(window: QMainWindow, docks: list[QDockWidget]) -> list[list[QDockWidget]]:
    """The docks of one area as the stacks they form: tabified docks share one place."""
    groups: list[list[QDockWidget]] = []
    for dock in docks:
        tabbed = set(window.tabifiedDockWidgets(dock))
        home = next((g for g in groups if tabbed & set(g)), None)
        if home is None:
            groups.append([dock])
        else:
            home.append(dock)
    return groups


def _min_width(docks: list[QDockWidget]) -> int:
    return max((d.minimumSizeHint().width() for d in docks), default=0)


def _min_height(window: QMainWindow, docks: list[QDockWidget]) -> int:
    return sum(max(d.minimumSizeHint().height() for d in g) for g in _groups(window, docks))


def _tabify_all(window: QMainWindow, docks: list[QDockWidget]) -> None:
    first = docks[0]
    for dock in docks[1:]:
        if dock not in window.tabifiedDockWidgets(first):
            window.tabifyDockWidget(first, dock)
    first.raise_()


def _into_screen(window: QMainWindow, available: QRect, changes: list[str]) -> None:
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), available.width() - extra_w)
    height = min(window.height(), available.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        if window.isMaximized() or window.isFullScreen():
            return  # the window manager sizes it
        window.resize(width, height)
        changes.append(f"window resized to {width}×{height}")
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.left()), available.right() + 1 - frame.width())
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
        changes.append(f"window moved to {x},{y}")


def _fit_widths(window: QMainWindow, changes: list[str]) -> None:
    width = window.width()
    target = max(MIN_MAP_PX, int(width * MAP_SHARE))
    budget = max(0, width - target)
    left, right = docked(window, Area.LeftDockWidgetArea), docked(window, Area.RightDockWidgetArea)
    if left and right and _min_width(left) + _min_width(right) > budget:
        for dock in right:  # one side only, on tabs: the map gets the other side's width back
            window.addDockWidget(Area.LeftDockWidgetArea, dock)
        _tabify_all(window, [left[-1], *right])  # the first dock on the left keeps its own place
        changes.append("right docks moved to tabs on the left: " + ", ".join(d.objectName() for d in right))
        left, right = left + right, []
    sides = [s for s in (left, right) if s]
    if not sides:
        return
    current = [max(d.width() for d in s) for s in sides]
    if sum(current) <= budget:
        return
    scale = budget / max(1, sum(current))
    sizes = [max(_min_width(s), int(w * scale)) for s, w in zip(sides, current, strict=True)]
    window.resizeDocks([s[0] for s in sides], sizes, Qt.Orientation.Horizontal)
    changes.append("side docks narrowed to " + ", ".join(str(s) for s in sizes))


def _fit_heights(window: QMainWindow, changes: list[str]) -> None:
    central = window.centralWidget()
    body = window.height() - (central.y() if central is not None else 0) - window.statusBar().height()
    for area in (Area.LeftDockWidgetArea, Area.RightDockWidgetArea):
        docks = docked(window, area)
        if len(_groups(window, docks)) > 1 and _min_height(window, docks) > body:
            _tabify_all(window, docks)
            changes.append(f"{area.name} docks put on tabs")
    bottom = docked(window, Area.BottomDockWidgetArea) + docked(window, Area.TopDockWidgetArea)
    if not bottom:
        return
    allowed = max(0, int(body * (1 - MAP_HEIGHT_SHARE)))
    tallest = max(d.height() for d in bottom)
    if tallest > allowed:
        size = max(max(d.minimumSizeHint().height() for d in bottom), allowed)
        window.resizeDocks(bottom[:1], [size], Qt.Orientation.Vertical)
        changes.append(f"bottom docks lowered to {size}")


def fit_layout_to_screen(window: QMainWindow, available: QRect | None = None) -> list[str]:
    """Correct the window's size, place and dock layout for the screen; returns what it changed
    (empty when the layout already fitted), in words for the log."""
    changes: list[str] = []
    if available is None:
        screen = window.screen()
        if screen is None:
            return changes
        available = screen.availableGeometry()
    _into_screen(window, available, changes)
    _fit_widths(window, changes)
    _fit_heights(window, changes)
    return changes


class LayoutGuard(QObject):
    """Keeps the map's share as the window is resized: fit_layout_to_screen after the resize
    settles (one call per burst of resize events)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.changes: list[str] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.fit)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.timer.start()
        return False

    def fit(self) -> list[str]:
        self.changes = fit_layout_to_screen(self.window)
        return self.changes
