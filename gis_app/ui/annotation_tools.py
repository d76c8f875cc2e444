"""Annotating the map: the toolbar (tools and style of the selected annotation), the undo commands,
and the controller between the page, the Annotations model and the undo stack.

Every change (add, move, restyle, edit text, delete) is a QUndoCommand on the window's stack, so
Ctrl+Z undoes it; the model tells the map, which redraws. The page never changes the model itself:
it reports what the user drew or dragged (bridge.annotationChanged) and Python decides.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QColorDialog,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from gis_app.core.annotations import DEFAULTS, AnnotationError, Annotations, normalise, with_style
from gis_app.core.events import Change, Kind
from gis_app.ui.annotation_dialog import AnnotationTextDialog, ask_text
from gis_app.ui.i18n import Retranslating
from gis_app.ui.keys import pass_window_shortcuts

__all__ = ["AnnotationController", "AnnotationTextDialog", "AnnotationToolBar", "ask_text"]

log = logging.getLogger(__name__)
TOOLS = ("text", "arrow", "line", "area", "rect", "marker")


# --- undo commands ---------------------------------------------------------------------------


class AddAnnotation(QUndoCommand):
    def __init__(self, annotations: Annotations, item: dict, text: str = ""):
        super().__init__(text)
        self.annotations, self.item, self.index = annotations, item, None

    def redo(self):
        self.item["id"] = self.annotations.add(self.item, self.index)

    def undo(self):
        if self.item["id"] not in self.annotations:  # a colleague deleted it since (a shared lecture)
            self.setObsolete(True)
            return
        self.index = self.annotations.index(self.item["id"])
        self.annotations.remove(self.item["id"])


class RemoveAnnotation(QUndoCommand):
    def __init__(self, annotations: Annotations, ann_id: str, text: str = ""):
        super().__init__(text)
        self.annotations, self.ann_id = annotations, ann_id
        self.item, self.index = annotations.get(ann_id), annotations.index(ann_id)

    def redo(self):
        if self.ann_id not in self.annotations:  # gone already (a colleague deleted it)
            self.setObsolete(True)
            return
        self.annotations.remove(self.ann_id)

    def undo(self):
        self.annotations.add(self.item, self.index)


class ReplaceAnnotations(QUndoCommand):
    """The whole set at once (going to a slide shows the slide's): undo brings the previous back."""

    def __init__(self, annotations: Annotations, items: list[dict], text: str = ""):
        super().__init__(text)
        self.annotations, self.before, self.after = annotations, annotations.to_list(), list(items)
        self.problems: list[str] = []

    def redo(self):
        self.problems = self.annotations.replace(self.after)

    def undo(self):
        self.annotations.replace(self.before)


class UpdateAnnotation(QUndoCommand):
    """Geometry or style of one annotation; consecutive changes of one property merge into one step."""

    ID = 5301

    def __init__(self, annotations: Annotations, before: dict, after: dict, text: str = "", key: str = ""):
        super().__init__(text)
        self.annotations, self.before, self.after, self.key = annotations, before, after, key

    def id(self):  # noqa: A003 (Qt's name)
        return self.ID if self.key else -1

    def mergeWith(self, other):  # noqa: N802
        if other.key != self.key or other.after["id"] != self.after["id"]:
            return False
        self.after = other.after
        return True

    def redo(self):
        self._put(self.after)

    def undo(self):
        self._put(self.before)

    def _put(self, item: dict) -> None:
        if item["id"] not in self.annotations:  # a colleague deleted it since (a shared lecture)
            self.setObsolete(True)
            return
        self.annotations.update(item)


# --- asking for text: gis_app/ui/annotation_dialog.py (AnnotationTextDialog, ask_text) ------------


# --- the toolbar -------------------------------------------------------------------------------


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class AnnotationToolBar(Retranslating, QToolBar):
    """Tools (select/move, text, arrow, line, area, rectangle, marker) and the style of the selected
    annotation, or of the next one drawn when none is selected."""

    tool_chosen = Signal(str)  # "" = select/move
    style_edited = Signal(str, object)  # property, value
    delete_requested = Signal()
    edit_text_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("annotationToolBar")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.tool_actions: dict[str, QAction] = {}
        for tool in ("", *TOOLS):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(tool)
            self.group.addAction(action)
            self.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[""].setChecked(True)
        self.group.triggered.connect(lambda a: self.tool_chosen.emit(a.data()))
        self.addSeparator()
        self.color = DEFAULTS["color"]
        self.color_button = QToolButton(self)
        self.color_button.setIcon(_swatch(self.color))
        self.color_button.clicked.connect(self._pick_color)
        self.addWidget(self.color_button)
        self.width_box = QDoubleSpinBox(self)
        self.width_box.setRange(0.5, 20)
        self.width_box.setSingleStep(0.5)
        self.width_box.setValue(DEFAULTS["width"])
        self.font_box = QSpinBox(self)
        self.font_box.setRange(6, 72)
        self.font_box.setValue(DEFAULTS["font_size"])
        self.opacity_box = QSpinBox(self)
        self.opacity_box.setRange(0, 100)
        self.opacity_box.setSuffix(" %")
        self.opacity_box.setValue(round(DEFAULTS["fill_opacity"] * 100))
        self.width_label, self.font_label, self.opacity_label = QLabel(self), QLabel(self), QLabel(self)
        for label, box in (
            (self.width_label, self.width_box),
            (self.font_label, self.font_box),
            (self.opacity_label, self.opacity_box),
        ):
            self.addWidget(label)
            self.addWidget(box)
        # Ctrl+Z / Ctrl+Shift+Z in these boxes undo and redo the map's changes, not the typing
        self._keys = pass_window_shortcuts(self.width_box, self.font_box, self.opacity_box)
        self.width_box.valueChanged.connect(lambda v: self.style_edited.emit("width", float(v)))
        self.font_box.valueChanged.connect(lambda v: self.style_edited.emit("font_size", int(v)))
        self.opacity_box.valueChanged.connect(lambda v: self.style_edited.emit("fill_opacity", v / 100))
        self.addSeparator()
        self.edit_text_action = QAction(self)
        self.edit_text_action.triggered.connect(self.edit_text_requested)
        self.addAction(self.edit_text_action)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.delete_action.triggered.connect(self.delete_requested)
        self.addAction(self.delete_action)
        self.set_selection(None)
        self.retranslate_ui()

    def retranslate_ui(self):
        self.setWindowTitle(self.tr("Annotations"))
        names = {
            "": self.tr("Select / move"),
            "text": self.tr("Text"),
            "arrow": self.tr("Arrow"),
            "line": self.tr("Line"),
            "area": self.tr("Area"),
            "rect": self.tr("Rectangle"),
            "marker": self.tr("Marker"),
        }
        tips = {
            "": self.tr("Click an annotation to select it; drag it to move it"),
            "text": self.tr("Click on the map to place a text label"),
            "arrow": self.tr("Click points; double-click to end the arrow"),
            "line": self.tr("Click points; double-click to end the line"),
            "area": self.tr("Click corners; double-click to close the area"),
            "rect": self.tr("Drag on the map to highlight a rectangle"),
            "marker": self.tr("Click on the map to place a marker with a note"),
        }
        for tool, action in self.tool_actions.items():
            action.setText(names[tool])
            action.setToolTip(tips[tool])
        self.color_button.setToolTip(self.tr("Colour"))
        self.width_label.setText(self.tr(" Width "))
        self.font_label.setText(self.tr(" Font "))
        self.opacity_label.setText(self.tr(" Fill "))
        self.width_box.setToolTip(self.tr("Line width (px)"))
        self.font_box.setToolTip(self.tr("Font size (px)"))
        self.opacity_box.setToolTip(self.tr("Fill opacity of areas"))
        self.color_button.setAccessibleName(self.tr("Colour"))
        self.width_box.setAccessibleName(self.tr("Line width (px)"))
        self.font_box.setAccessibleName(self.tr("Font size (px)"))
        self.opacity_box.setAccessibleName(self.tr("Fill opacity of areas"))
        self.setAccessibleName(self.tr("Annotations"))
        self.edit_text_action.setText(self.tr("Edit text…"))
        self.delete_action.setText(self.tr("Delete annotation"))

    def _pick_color(self):
        color = QColorDialog.getColor(QColor(self.color), self, self.tr("Annotation colour"))
        if color.isValid():
            self.set_color(color.name())
            self.style_edited.emit("color", color.name())

    def set_color(self, color: str):
        self.color = color
        self.color_button.setIcon(_swatch(color))

    def style(self) -> dict:
        return {
            "color": self.color,
            "width": float(self.width_box.value()),
            "font_size": int(self.font_box.value()),
            "fill_opacity": self.opacity_box.value() / 100,
        }

    def show_style(self, props: dict):
        """Show an annotation's style without emitting edits."""
        for box in (self.width_box, self.font_box, self.opacity_box):
            box.blockSignals(True)
        self.set_color(props.get("color", self.color))
        self.width_box.setValue(float(props.get("width", self.width_box.value())))
        self.font_box.setValue(int(props.get("font_size", self.font_box.value())))
        self.opacity_box.setValue(round(float(props.get("fill_opacity", 0.25)) * 100))
        for box in (self.width_box, self.font_box, self.opacity_box):
            box.blockSignals(False)

    def set_selection(self, kind: str | None):
        self.delete_action.setEnabled(kind is not None)
        self.edit_text_action.setEnabled(kind in ("text", "marker"))


# --- the controller ----------------------------------------------------------------------------


class AnnotationController(QObject):
    """Joins the page (what the user drew, moved, selected), the model and the undo stack."""

    def __init__(
        self,
        annotations: Annotations,
        undo_stack: QUndoStack,
        map_view,
        toolbar: AnnotationToolBar,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.annotations, self.undo_stack, self.map, self.toolbar = annotations, undo_stack, map_view, toolbar
        self.selected = ""
        # Asks the user for a label's text (and a marker's note); tests replace it.
        self.ask_text: Callable[[str, str, str], tuple[str, str] | None] = lambda kind, text="", note="": (
            ask_text(parent, kind, text, note)
        )
        map_view.bridge.annotation_changed.connect(self.page_changed)
        map_view.bridge.annotation_selected.connect(self.select)
        toolbar.tool_chosen.connect(self.set_tool)
        toolbar.style_edited.connect(self.restyle)
        toolbar.delete_requested.connect(self.delete_selected)
        toolbar.edit_text_requested.connect(self.edit_text)
        annotations.subscribe(self._model_changed)

    def set_tool(self, tool: str) -> None:
        self.map.call("setAnnotationTool", tool or None)
        action = self.toolbar.tool_actions.get(tool or "")
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def add(self, item: dict) -> str:
        """Add an annotation as one undoable step; returns its id."""
        command = AddAnnotation(
            self.annotations, normalise(item, fallback_id="new"), self.tr("Add annotation")
        )
        self.undo_stack.push(command)
        return command.item["id"]

    def page_changed(self, feature_json: str) -> None:
        """The page reports a new annotation (no id) or a moved one."""
        try:
            raw = json.loads(feature_json)
            if not isinstance(raw, dict):
                raise AnnotationError("is not an object")
            known = str(raw.get("id", "")) in self.annotations
            if known:
                before = self.annotations.get(str(raw["id"]))
                # the page moves geometry only: keep our own texts and style
                after = normalise({**before, "geometry": raw.get("geometry")})
                if after != before:
                    self.undo_stack.push(
                        UpdateAnnotation(self.annotations, before, after, self.tr("Move annotation"))
                    )
                return
            props = {**self.toolbar.style(), "kind": (raw.get("properties") or {}).get("kind")}
            item = normalise(
                {"type": "Feature", "id": "new", "geometry": raw.get("geometry"), "properties": props}
            )
        except (ValueError, AnnotationError) as exc:
            log.warning("ignoring an annotation from the page: %s", exc)
            return
        kind = item["properties"]["kind"]
        if kind in ("text", "marker"):
            answer = self.ask_text(kind, "", "")
            if answer is None or (kind == "text" and not answer[0].strip()):
                return  # cancelled, or a label with no text: nothing to add
            item = with_style(item, text=answer[0], note=answer[1])
        ann_id = self.add(item)
        self.select(ann_id)
        self.map.call("selectAnnotation", ann_id)

    def select(self, ann_id: str) -> None:
        self.selected = ann_id if ann_id in self.annotations else ""
        if self.selected:
            props = self.annotations.get(self.selected)["properties"]
            self.toolbar.show_style(props)
            self.toolbar.set_selection(props["kind"])
        else:
            self.toolbar.set_selection(None)

    def restyle(self, key: str, value) -> None:
        if not self.selected:
            return
        before = self.annotations.get(self.selected)
        try:
            after = with_style(before, **{key: value})
        except AnnotationError:
            return
        if after != before:
            self.undo_stack.push(
                UpdateAnnotation(self.annotations, before, after, self.tr("Change annotation style"), key)
            )

    def edit_text(self) -> None:
        if not self.selected:
            return
        before = self.annotations.get(self.selected)
        props = before["properties"]
        if props["kind"] not in ("text", "marker"):
            return
        answer = self.ask_text(props["kind"], props["text"], props["note"])
        if answer is None:
            return
        after = with_style(before, text=answer[0], note=answer[1])
        if after != before:
            self.undo_stack.push(
                UpdateAnnotation(self.annotations, before, after, self.tr("Edit annotation text"))
            )

    def delete_selected(self) -> None:
        if self.selected and self.selected in self.annotations:
            self.undo_stack.push(
                RemoveAnnotation(self.annotations, self.selected, self.tr("Delete annotation"))
            )

    def _model_changed(self, what: Change) -> None:
        if Kind.ANNOTATIONS not in what:
            return
        if self.selected and self.selected not in self.annotations:
            self.select("")
        elif ("update", self.selected) in what.annotations:
            self.select(self.selected)
