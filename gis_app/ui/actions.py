"""Every window action declared once: text, shortcut, menu and toolbar place. Menus, toolbars and
retranslation are built from these declarations (napari's app-model actions, QGIS's
registerMainWindowAction); a test checks that no two share a shortcut.

Texts are translated in the context of the class that first declared them (MainWindow,
ProjectController), so the existing translations stay valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    key: str
    context: str
    text: str
    shortcuts: tuple[Key, ...] = ()
    menu: str = ""          # file | edit | view | slides | help ("" = window only)
    toolbar: str = ""       # project ("" = none)
    icon_text: str = ""
    # Handled by a feature that installs itself after the window is built (ActionRegistry.set_handler);
    # disabled until then. Every other action needs its handler when the registry is made.
    late: bool = False


SEPARATOR = "-"

ACTIONS: tuple[ActionSpec | str, ...] = (
    ActionSpec("new", "ProjectController", QT_TRANSLATE_NOOP("ProjectController", "&New project"),
               (QKeySequence.StandardKey.New,), "file", "project"),
    ActionSpec("open", "ProjectController", QT_TRANSLATE_NOOP("ProjectController", "&Open project…"),
               (QKeySequence.StandardKey.Open,), "file", "project"),
    ActionSpec("save", "ProjectController", QT_TRANSLATE_NOOP("ProjectController", "&Save project"),
               (QKeySequence.StandardKey.Save,), "file", "project"),
    ActionSpec("save_as", "ProjectController", QT_TRANSLATE_NOOP("ProjectController", "Save project &as…"),
               ("Ctrl+Shift+S",), "file"),
    ActionSpec("add_layer", "UserLayers", QT_TRANSLATE_NOOP("UserLayers", "&Add layer…"),
               ("Ctrl+Shift+A",), "file", late=True),
    ActionSpec("save_bundle", "UserLayers", QT_TRANSLATE_NOOP("UserLayers", "Save &bundle…"), (), "file",
               late=True),
    ActionSpec("open_bundle", "UserLayers", QT_TRANSLATE_NOOP("UserLayers", "Open b&undle…"), (), "file",
               late=True),
    ActionSpec("import_bibliography", "EvidenceController",
               QT_TRANSLATE_NOOP("EvidenceController", "Import a &bibliography…"), (), "file", late=True),
    ActionSpec("add_source", "EvidenceController", QT_TRANSLATE_NOOP("EvidenceController", "Add a so&urce…"),
               (), "file", late=True),
    ActionSpec("export_evidence", "EvidenceController",
               QT_TRANSLATE_NOOP("EvidenceController", "Export sources and &figures"), (), "file", late=True),
    ActionSpec("open_basemap", "Basemap", QT_TRANSLATE_NOOP("Basemap", "Open base&map…"), (), "file",
               late=True),
    # The team workspace (ui/team_controller.py installs their handlers).
    ActionSpec("team_connect", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "&Connect to team workspace…"), (), "team", late=True),
    ActionSpec("team_open", "TeamWorkspace", QT_TRANSLATE_NOOP("TeamWorkspace", "Open from &workspace…"),
               (), "team", late=True),
    ActionSpec("team_publish_layer", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "Publish a layer to the workspace…"), (), "team",
               late=True),
    ActionSpec("team_publish_evidence", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "Publish the project's evidence"), (), "team", late=True),
    ActionSpec("team_open_evidence", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "Open colleagues' &evidence…"), (), "team", late=True),
    ActionSpec("team_publish_lecture", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "Publish the lecture to the workspace…"), (), "team",
               late=True),
    ActionSpec("team_disconnect", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "Disconnect from the workspace"), (), "team", late=True),
    ActionSpec("team_edit_feature", "TeamWorkspace",
               QT_TRANSLATE_NOOP("TeamWorkspace", "Edit the selected workspace feature…"), (), "edit",
               late=True),
    ActionSpec("export", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Export map…"), ("Ctrl+E",), "file"),
    ActionSpec("export_web", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Export web map…"), (), "file"),
    ActionSpec("save_image", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Save map image…"),
               ("Ctrl+Alt+S",), "file"),
    ActionSpec("quit", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
               (QKeySequence.StandardKey.Quit,), "file"),
    ActionSpec("undo", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), ("Ctrl+Z",), "edit"),
    ActionSpec("redo", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
               ("Ctrl+Shift+Z", "Ctrl+Y"), "edit"),
    ActionSpec("digitise", "DigitiseController",
               QT_TRANSLATE_NOOP("DigitiseController", "&Digitise features…"), ("Ctrl+Shift+D",), "edit",
               late=True),
    ActionSpec("stop_digitise", "DigitiseController",
               QT_TRANSLATE_NOOP("DigitiseController", "S&top digitising"), (), "edit", late=True),
    ActionSpec("find", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Find a place…"),
               (QKeySequence.StandardKey.Find,), "edit"),
    ActionSpec("home", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "Zoom to Central Asia"),
               ("Ctrl+Home",), "view"),
    ActionSpec("add_slide", "ProjectController",
               QT_TRANSLATE_NOOP("ProjectController", "&Add slide from the current view"), ("Ctrl+M",),
               "slides"),
    ActionSpec("present", "ProjectController",
               QT_TRANSLATE_NOOP("ProjectController", "&Present from the first slide"), ("F5",), "slides",
               "project", QT_TRANSLATE_NOOP("ProjectController", "Present")),
    ActionSpec("present_here", "ProjectController",
               QT_TRANSLATE_NOOP("ProjectController", "Present from the &selected slide"), ("Shift+F5",),
               "slides"),
    ActionSpec("export_pdf", "ProjectController",
               QT_TRANSLATE_NOOP("ProjectController", "Export slides to P&DF…"), (), "slides"),
    ActionSpec("export_png", "ProjectController",
               QT_TRANSLATE_NOOP("ProjectController", "Export slides as P&NG images…"), (), "slides"),
    ActionSpec("about", "MainWindow", QT_TRANSLATE_NOOP("MainWindow", "About the atlas and its data"), (),
               "help"),
)

# Where each menu's entries go, in order ("-" a separator, "@name" a submenu the window fills).
MENU_LAYOUT: dict[str, tuple[str, ...]] = {
    "file": ("new", "open", "@recent", "save", "save_as", SEPARATOR, "add_layer", "save_bundle",
             "open_bundle", "open_basemap", SEPARATOR, "import_bibliography", "add_source",
             "export_evidence", SEPARATOR, "export", "export_web", "save_image", SEPARATOR, "quit"),
    "edit": ("undo", "redo", SEPARATOR, "@annotation_delete", SEPARATOR, "digitise", "stop_digitise",
             "team_edit_feature", SEPARATOR, "find"),
    "view": ("home", SEPARATOR, "@docks", SEPARATOR, "@language"),
    "slides": ("add_slide", "present", "present_here", SEPARATOR, "export_pdf", "export_png"),
    "lectures": (),
    "team": ("team_connect", "team_open", "team_open_evidence", SEPARATOR, "team_publish_layer",
             "team_publish_evidence", "team_publish_lecture", SEPARATOR, "team_disconnect"),
    "help": ("about",),
}
MENU_TITLES = {
    "file": ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    "edit": ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    "view": ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    "slides": ("ProjectController", QT_TRANSLATE_NOOP("ProjectController", "&Slides")),
    "lectures": ("ProjectController", QT_TRANSLATE_NOOP("ProjectController", "&Lectures")),
    "team": ("TeamWorkspace", QT_TRANSLATE_NOOP("TeamWorkspace", "&Team")),
    "help": ("MainWindow", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
}


def specs() -> list[ActionSpec]:
    return [a for a in ACTIONS if isinstance(a, ActionSpec)]


class ActionRegistry:
    """The window's actions, built from ACTIONS, with their handlers."""

    def __init__(self, parent: QObject, handlers: dict[str, Callable[[], object]]):
        self.actions: dict[str, QAction] = {}
        self.handled: set[str] = set(handlers)  # the keys whose handler is connected
        self.specs = {spec.key: spec for spec in specs()}
        for spec in self.specs.values():
            action = QAction(parent)
            action.setObjectName(f"action_{spec.key}")
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
            self.actions[spec.key] = action
            if spec.late and spec.key not in handlers:
                action.setEnabled(False)
                continue
            handler = handlers[spec.key]  # KeyError: an action declared without a handler
            action.triggered.connect(lambda _checked=False, h=handler: h())
        self.retranslate()

    def set_handler(self, key: str, handler: Callable[[], object]) -> None:
        """The handler of a `late` action, given by the feature that installs it."""
        if not self.specs[key].late:
            raise ValueError(f"{key} is not a late action")
        action = self.actions[key]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        action.setEnabled(True)
        self.handled.add(key)

    def __getitem__(self, key: str) -> QAction:
        return self.actions[key]

    def retranslate(self) -> None:
        for key, spec in self.specs.items():
            action = self.actions[key]
            action.setText(QCoreApplication.translate(spec.context, spec.text))
            if spec.icon_text:
                action.setIconText(QCoreApplication.translate(spec.context, spec.icon_text))

    def fill_menu(self, menu: QMenu, name: str, extras: dict[str, object]) -> None:
        """Fill `menu` from MENU_LAYOUT[name]; "@x" entries come from `extras` (a QMenu, a QAction
        or a list of QActions)."""
        for entry in MENU_LAYOUT[name]:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry.startswith("@"):
                extra = extras.get(entry[1:])
                if isinstance(extra, QMenu):
                    menu.addMenu(extra)
                elif isinstance(extra, QAction):
                    menu.addAction(extra)
                elif extra:
                    menu.addActions(list(extra))
            else:
                menu.addAction(self.actions[entry])

    @staticmethod
    def menu_title(name: str) -> str:
        context, text = MENU_TITLES[name]
        return QCoreApplication.translate(context, text)

    def fill_toolbar(self, toolbar: QToolBar, name: str) -> None:
        for spec in self.specs.values():
            if spec.toolbar == name:
                toolbar.addAction(self.actions[spec.key])
