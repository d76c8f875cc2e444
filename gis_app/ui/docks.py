"""Every dock declared once: its widget, place, title, whether it starts shown, and whether the
toolbar has a button for it. The View menu, the toolbar and the titles come from these
declarations; a toolbar or menu toggle brings its dock to the front of a tab group."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class DockSpec:
    key: str
    object_name: str
    title: str                 # translated in the "MainWindow" context
    area: Area
    shown: bool = False
    toolbar: bool = True       # a button on the search toolbar
    tab_with: str = ""         # tabbed behind this dock
    size: int = 0              # width (left/right) or height (bottom), px


DOCKS: tuple[DockSpec, ...] = (
    DockSpec("layers", "layerDock", QT_TRANSLATE_NOOP("MainWindow", "Layers"), Area.LeftDockWidgetArea,
             shown=True, toolbar=False, size=360),
    DockSpec("time", "timeDock", QT_TRANSLATE_NOOP("MainWindow", "Time filter"), Area.LeftDockWidgetArea,
             shown=True, size=120),
    DockSpec("info", "infoDock", QT_TRANSLATE_NOOP("MainWindow", "Info"), Area.RightDockWidgetArea, size=380),
    DockSpec("stats", "statsDock", QT_TRANSLATE_NOOP("MainWindow", "Statistics"), Area.RightDockWidgetArea,
             tab_with="info"),
    DockSpec("sources", "sourcesDock", QT_TRANSLATE_NOOP("MainWindow", "Sources"), Area.RightDockWidgetArea,
             tab_with="stats"),
    DockSpec("slides", "slidesDock", QT_TRANSLATE_NOOP("MainWindow", "Slides"), Area.RightDockWidgetArea,
             toolbar=False, size=300),
    DockSpec("table", "attributeDock", QT_TRANSLATE_NOOP("MainWindow", "Attribute table"),
             Area.BottomDockWidgetArea, size=190),
)


class DockRegistry:
    def __init__(self, window: QMainWindow, widgets: dict[str, QWidget]):
        self.window = window
        self.docks: dict[str, QDockWidget] = {}
        self.specs = {spec.key: spec for spec in DOCKS}
        for spec in DOCKS:
            dock = QDockWidget(window)
            dock.setObjectName(spec.object_name)
            dock.setWidget(widgets[spec.key])
            window.addDockWidget(spec.area, dock)
            # A toggle that opens a dock also brings it to the front of its tab group.
            dock.toggleViewAction().triggered.connect(lambda on, d=dock: on and d.raise_())
            self.docks[spec.key] = dock
        for spec in DOCKS:
            if spec.tab_with:
                window.tabifyDockWidget(self.docks[spec.tab_with], self.docks[spec.key])
            if spec.size:
                vertical = spec.area == Area.BottomDockWidgetArea
                window.resizeDocks([self.docks[spec.key]], [spec.size],
                                   Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
        for spec in DOCKS:
            self.docks[spec.key].setVisible(spec.shown)
        self.retranslate()

    def __getitem__(self, key: str) -> QDockWidget:
        return self.docks[key]

    def show(self, key: str) -> None:
        """Show a dock and bring it to the front of its tab group."""
        self.docks[key].show()
        self.docks[key].raise_()

    def toggles(self) -> list[QAction]:
        return [self.docks[s.key].toggleViewAction() for s in DOCKS]

    def toolbar_toggles(self) -> list[QAction]:
        return [self.docks[s.key].toggleViewAction() for s in DOCKS if s.toolbar]

    def retranslate(self) -> None:
        for spec in DOCKS:
            self.docks[spec.key].setWindowTitle(QCoreApplication.translate("MainWindow", spec.title))
