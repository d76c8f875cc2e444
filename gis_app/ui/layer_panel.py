"""The layer panel: a tree of groups and layers over MapState (check = visible, drag = order,
second column = opacity). The model holds no state of its own; MapState is the one truth."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gis_app.core.catalog import Catalog
from gis_app.core.events import Change, Kind
from gis_app.core.i18n import pick
from gis_app.core.map_state import MapState
from gis_app.ui.i18n import Retranslating, format_date
from gis_app.ui.opacity_delegate import OpacityDelegate
from gis_app.ui.plain import tip

MIME = "application/x-atlas-layer-id"
LAYER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP = 0  # internalId of top-level rows; layer rows carry their parent's row + 1
ANNOTATION_ROWS = 1  # top-level row 0 is the user's annotations (drawn above every layer)


class LayerTreeModel(QAbstractItemModel):
    def __init__(self, catalog: Catalog, state: MapState, lang: str = "en", parent=None):
        super().__init__(parent)
        self.catalog, self.state, self.lang = catalog, state, lang
        self.groups = [g for g in catalog.groups if catalog.in_group(g.id)]
        self._moving = False
        state.subscribe(self._on_state_changed)

    # --- structure, derived from MapState on every call --------------------------------------
    def _members(self, group_row: int) -> list[str]:
        if group_row < ANNOTATION_ROWS:
            return []
        gid = self.groups[group_row - ANNOTATION_ROWS].id
        return [s.id for s in self.state.layers if self.catalog.layer(s.id).group == gid]

    def _locate(self, layer_id: str) -> tuple[int, int]:
        gid = self.catalog.layer(layer_id).group
        g = next(i for i, grp in enumerate(self.groups) if grp.id == gid) + ANNOTATION_ROWS
        return g, self._members(g).index(layer_id)

    @staticmethod
    def is_annotation_row(index: QModelIndex) -> bool:
        return index.isValid() and index.internalId() == GROUP and index.row() < ANNOTATION_ROWS

    def annotation_index(self) -> QModelIndex:
        return self.index(0, 0)

    def _annotation_data(self, index, role):
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Annotations")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.state.annotations_visible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Your labels, arrows, areas and markers, drawn above every layer")
        return None

    def layer_index(self, layer_id: str, column: int = 0) -> QModelIndex:
        g, r = self._locate(layer_id)
        return self.index(r, column, self.index(g, 0))

    def layer_id(self, index: QModelIndex) -> str | None:
        if not index.isValid() or index.internalId() == GROUP:
            return None
        return self._members(index.internalId() - 1)[index.row()]

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):  # noqa: A003 (Qt's name)
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GROUP)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        if not parent.isValid():
            return len(self.groups) + ANNOTATION_ROWS
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._members(parent.row()))
        return 0

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Layer"), self.tr("Opacity"))[section]
        return None

    # --- data ----------------------------------------------------------------------------------
    def _group_check(self, group_row: int) -> Qt.CheckState:
        flags = [self.state.get(i).visible for i in self._members(group_row)]
        if all(flags):
            return Qt.CheckState.Checked
        return Qt.CheckState.Unchecked if not any(flags) else Qt.CheckState.PartiallyChecked

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if self.is_annotation_row(index):
            return self._annotation_data(index, role)
        layer_id = self.layer_id(index)
        if layer_id is None:  # a group row
            if index.column() != 0:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return pick(self.groups[index.row() - ANNOTATION_ROWS].title, self.lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(pick(self.groups[index.row() - ANNOTATION_ROWS].title, self.lang))
            if role == Qt.ItemDataRole.CheckStateRole:
                return self._group_check(index.row())
            return None
        layer, st = self.catalog.layer(layer_id), self.state.get(layer_id)
        if role == LAYER_ID_ROLE:
            return layer_id
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return layer.title_in(self.lang)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if st.visible else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:  # the title first: a long one is elided in the row
                parts = [layer.title_in(self.lang), layer.description_in(self.lang)]
                if layer.as_of:
                    parts.append(self.tr("Data as of: {0}").format(format_date(layer.as_of, self.lang)))
                if layer.accuracy:
                    parts.append(self.tr("Accuracy: {0}").format(layer.accuracy))
                return tip("\n".join(p for p in parts if p))  # data: text, never markup
        elif index.column() == 1:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return round(st.opacity * 100)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Opacity: {0} % (F2 to type a value)").format(round(st.opacity * 100))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Opacity of {0}: {1} %").format(layer.title_in(self.lang),
                                                               round(st.opacity * 100))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_annotation_row(index):
            return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base
        if index.internalId() == GROUP:
            return base | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        if self.is_annotation_row(index):
            if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
                self.state.set_annotations_visible(Qt.CheckState(value) == Qt.CheckState.Checked)
                return True
            return False
        layer_id = self.layer_id(index)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            targets = [layer_id] if layer_id else self._members(index.row())
            if layer_id is None and self._group_check(index.row()) == Qt.CheckState.PartiallyChecked:
                on = True  # a partly checked group turns fully on first
            for target in targets:
                self.state.set_visible(target, on)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == 1 and layer_id:
            self.state.set_opacity(layer_id, int(value) / 100)
            return True
        return False

    # --- drag and drop: reorder inside a group -------------------------------------------------
    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [MIME]

    def mimeData(self, indexes):  # noqa: N802
        ids = {self.layer_id(i) for i in indexes} - {None}
        if len(ids) != 1:
            return None
        mime = QMimeData()
        mime.setData(MIME, QByteArray(ids.pop().encode()))
        return mime

    def _drop_target(self, data, row, parent) -> tuple[str, int] | None:
        if not data.hasFormat(MIME):
            return None
        layer_id = bytes(data.data(MIME)).decode()
        if layer_id not in self.catalog.ids():
            return None
        if parent.isValid() and parent.internalId() != GROUP:  # dropped onto a layer: before it
            row, parent = parent.row(), parent.parent()
        if not parent.isValid():
            return None
        g, old = self._locate(layer_id)
        if parent.row() != g:
            return None  # layers stay in their group
        count = len(self._members(g))
        new = count - 1 if row < 0 else min(row, count)
        if new > old:
            new -= 1  # the row numbers count the dragged layer still in place
        return layer_id, max(0, min(new, count - 1))

    def canDropMimeData(self, data, action, row, column, parent):  # noqa: N802
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        self.move_layer(*target)
        # Returning False keeps the view from also removing the source row: the move is done.
        return False

    def move_layer(self, layer_id: str, new_row: int) -> None:
        g, old = self._locate(layer_id)
        if new_row == old:
            return
        group = self.index(g, 0)
        dest = new_row + 1 if new_row > old else new_row
        self.beginMoveRows(group, old, old, group, dest)
        self._moving = True
        try:
            self.state.move_within_group(layer_id, new_row)
        finally:
            self._moving = False
        self.endMoveRows()

    # --- following MapState ------------------------------------------------------------------
    def _on_state_changed(self, what: Change) -> None:
        if Kind.USER_LAYERS in what:  # the "My layers" group came, went or changed its members
            self.beginResetModel()
            self.groups = [g for g in self.catalog.groups if self.catalog.in_group(g.id)]
            self.endResetModel()
            return
        if Kind.ORDER in what and not self._moving:
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()
            return
        for kind, col in ((Kind.VISIBLE, 0), (Kind.OPACITY, 1)):
            if kind not in what:
                continue
            for layer_id in what.layers:
                index = self.layer_index(layer_id, col)
                self.dataChanged.emit(index, index)
                if kind == Kind.VISIBLE:
                    group = index.parent()
                    self.dataChanged.emit(group, group)
        if Kind.ANNOTATIONS_VISIBLE in what:
            index = self.annotation_index()
            self.dataChanged.emit(index, index)

    def set_language(self, lang: str) -> None:
        """Show the data (group and layer titles, descriptions) in `lang`."""
        self.lang = lang
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        """The interface texts (headers; tooltips are made when asked) after a language change."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


class LayerPanel(Retranslating, QWidget):
    layer_activated = Signal(str)  # a layer double-clicked or Enter on it: zoom to it
    # (action, layer id) from a user layer's context menu: style, table, export, embed, remove
    user_layer_action = Signal(str, str)

    def __init__(self, catalog: Catalog, state: MapState, lang: str = "en", parent=None):
        super().__init__(parent)
        self.model = LayerTreeModel(catalog, state, lang, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("layerTree")
        self.tree.setModel(self.model)
        self.tree.setItemDelegateForColumn(1, OpacityDelegate(self.tree))
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.tree.installEventFilter(self)  # F2 on a layer's row types its opacity
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.expandAll()
        self.tree.doubleClicked.connect(self._double_clicked)  # Enter too: eventFilter
        self.model.modelReset.connect(self.tree.expandAll)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tree.header().setToolTip(self.tr(
            "Tick a layer or group to show it; drag a layer to reorder it within its group; "
            "double-click a layer to zoom to it; the slider sets its opacity."))
        self.model.retranslate()
        self.tree.setAccessibleName(self.tr("Layers"))
        self.tree.setAccessibleDescription(self.tr(
            "Space shows or hides a layer; F2 types its opacity; Enter zooms to it"))
        # The opacity column fits its title in this language (Мөлдірсіздік), up to a limit that
        # leaves the layer titles their room (Непрозрачность is then elided; the tooltip has it).
        header = self.tree.header()
        title = str(self.model.headerData(1, Qt.Orientation.Horizontal))
        number = header.fontMetrics().horizontalAdvance("100 %") + 6  # the value beside the slider
        header.resizeSection(1, max(80 + number, min(header.fontMetrics().horizontalAdvance(title) + 24,
                                                     112 + number)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """F2 anywhere on a layer's row edits its opacity (the row's current cell is the title,
        which is not editable: F2 did nothing); Enter zooms to the layer."""
        editing = self.tree.state() == QAbstractItemView.State.EditingState
        if watched is self.tree and event.type() == QEvent.Type.KeyPress and not editing:
            if event.key() == Qt.Key.Key_F2:
                return self.edit_opacity(self.tree.currentIndex())
            layer_id = self.model.layer_id(self.tree.currentIndex())
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and layer_id:
                self.layer_activated.emit(layer_id)  # as a double-click: zoom to the layer
                return True
        return super().eventFilter(watched, event)

    def edit_opacity(self, index: QModelIndex) -> bool:
        """Open the opacity editor (a spin box, 0–100 %) of the layer on `index`'s row."""
        if self.model.layer_id(index) is None:
            return False
        cell = index.siblingAtColumn(1)
        self.tree.setCurrentIndex(cell)
        self.tree.edit(cell)
        return True

    def set_lang(self, lang: str) -> None:
        """Layer and group titles and descriptions in `lang` (fallback kk -> ru -> en)."""
        self.model.set_language(lang)

    def user_layer_actions(self) -> list[tuple[str, str]]:
        return [("style", self.tr("Style, labels and popup…")), ("zoom", self.tr("Zoom to layer")),
                ("export", self.tr("Export layer…")), ("embed", self.tr("Keep the data in the project")),
                ("digitise", self.tr("Draw features into this layer")),  # ui/digitise.py
                ("cite", self.tr("Cite sources for the layer…")),
                ("publish", self.tr("Publish to the team workspace…")),
                ("remove", self.tr("Remove layer"))]

    def _context_menu(self, pos) -> None:
        layer_id = self.model.layer_id(self.tree.indexAt(pos))
        if not layer_id or not self.model.catalog.is_user(layer_id):
            return
        from PySide6.QtWidgets import QMenu
        menu = QMenu(self)
        for key, text in self.user_layer_actions():
            menu.addAction(text).triggered.connect(
                lambda _c=False, k=key: self.user_layer_action.emit(k, layer_id))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _double_clicked(self, index: QModelIndex) -> None:
        layer_id = self.model.layer_id(index)
        if layer_id and index.column() == 0:
            self.layer_activated.emit(layer_id)
