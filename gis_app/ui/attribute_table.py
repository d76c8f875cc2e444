"""The attribute table: any layer as a sortable, filterable table over the feature store.

`FeatureTableModel` is a QAbstractTableModel reading the layer's features in place (no copy into
widgets); a QSortFilterProxyModel sorts and filters it. Selecting a row asks the window to select
that feature (map highlight, info panel); the window's selection comes back through `select`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gis_app.core.catalog import Catalog
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.i18n import pick
from gis_app.core.statistics import format_value, unit_label
from gis_app.core.values import field_text
from gis_app.ui.file_errors import describe
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import tip

FEATURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FeatureTableModel(QAbstractTableModel):
    """One row per feature; the columns are the layer's popup fields (what a reader is meant to see,
    with their labels in the interface language), then the value the map colours by, if the popup
    does not show it. Values are in the interface language (`field`, `field_ru`, `field_kk`),
    numbers in the locale's format, country codes as country names."""

    def __init__(self, catalog: Catalog, store: FeatureStore, lang: str = "en", parent=None):
        super().__init__(parent)
        self.catalog, self.store, self.lang = catalog, store, lang
        self.layer_id = ""
        self.features: list[dict] = []
        self.columns: list[str] = []
        self.labels: dict[str, dict[str, str]] = {}
        self.shows: dict[str, str] = {}
        self.value_unit = ""  # the unit of the map's value column (choropleth), if shown
        self.value_field = ""  # the choropleth's property (its column shows the user's figures too)
        self.figures: dict[str, dict[str, float]] = {}  # the user's: core/figure_values.py
        self.error = ""
        self.error_exc: Exception | None = None

    def set_layer(self, layer_id: str) -> None:
        self.beginResetModel()
        self.layer_id, self.features, self.columns, self.error = layer_id, [], [], ""
        try:
            layer = self.catalog.layer(layer_id)
            self.features = self.store.layer(layer_id).features
        except (KeyError, DataError) as exc:
            self.error, self.error_exc = describe(exc), exc  # a refused file: named, reason translated
            self.endResetModel()
            return
        self.labels = {p.field: p.label for p in layer.popup}
        self.shows = {p.field: p.shows for p in layer.popup}
        keys: set[str] = set()
        for feature in self.features:
            keys.update(feature.get("properties") or {})
        columns = list(dict.fromkeys(p.field for p in layer.popup if p.field in keys))
        if not columns and "name" in keys:
            columns = ["name"]
        value = (layer.style.get("choropleth") or {}).get("property")
        self.value_field = value or ""
        self.value_unit = (layer.style.get("choropleth") or {}).get("unit", "")
        if value and value in keys and value not in columns:
            columns.append(value)
        self.columns = columns
        self.endResetModel()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        if self.columns:  # a header with no section told that section 0 changed crashes Qt
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.features and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.features) - 1, len(self.columns) - 1))

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.features)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def feature_id(self, row: int) -> str:
        return str((self.features[row].get("properties") or {}).get("id", ""))

    def row_of(self, feature_id: str) -> int:
        for row, feature in enumerate(self.features):
            if str((feature.get("properties") or {}).get("id", "")) == str(feature_id):
                return row
        return -1

    def set_figures(self, figures: dict[str, dict[str, float]]) -> None:
        """The user's figures the map colours by (layer -> feature -> value): the map's value
        column shows them, marked, where the map uses them."""
        self.figures = figures
        if self.features and self.value_field in self.columns:
            column = self.columns.index(self.value_field)
            self.dataChanged.emit(self.index(0, column), self.index(len(self.features) - 1, column))

    def _own_figure(self, row: int, column: int) -> float | None:
        if self.columns[column] != self.value_field:
            return None
        return self.figures.get(self.layer_id, {}).get(self.feature_id(row))

    def text(self, row: int, column: int) -> str:
        props = self.features[row].get("properties") or {}
        field = self.columns[column]
        own = self._own_figure(row, column)
        if own is not None:  # as the map colours it: the user's figure, marked so
            mine = QCoreApplication.translate("AttributeTable", "(yours)")
            number = format_value(f"{own:g}", self.lang, self.value_unit)
            # the "Value on the map, t" column's header carries the unit
            unit = "" if field not in self.labels else unit_label(self.value_unit, self.lang)
            return " ".join(t for t in (number, unit, mine) if t)
        return field_text(props, field, self.lang, self.shows.get(field, "text"), self.store.country_names())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        props = self.features[index.row()].get("properties") or {}
        value = props.get(self.columns[index.column()])
        own = self._own_figure(index.row(), index.column())
        if own is not None:
            value = own
            if role == Qt.ItemDataRole.ToolTipRole:
                field = self.columns[index.column()]
                atlas = field_text(props, field, self.lang, self.shows.get(field, "text"),
                                   self.store.country_names())
                return tip(QCoreApplication.translate("AttributeTable", "Your figure; the atlas's: {0}")
                           .format(atlas))
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(index.row(), index.column())
            return text if len(text) <= 200 else text[:199] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(index.row(), index.column())
            return tip(text) if len(text) > 40 else None  # data: shown as text, never markup
        if role == Qt.ItemDataRole.EditRole:  # the sort key: numbers as numbers
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
            return self.text(index.row(), index.column())
        if role == FEATURE_ID_ROLE:
            return self.feature_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_label(self, column: int) -> str:
        field = self.columns[column]
        if field in self.labels:
            return pick(self.labels[field], self.lang)
        if field == "name":
            return QCoreApplication.translate("AttributeTable", "Name")
        label = QCoreApplication.translate("AttributeTable", "Value on the map")
        return f"{label}, {unit_label(self.value_unit, self.lang)}" if self.value_unit else label

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.column_label(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(self.columns[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left, right):  # noqa: N802
        a = left.data(Qt.ItemDataRole.EditRole)
        b = right.data(Qt.ItemDataRole.EditRole)
        numeric = (int, float)
        if isinstance(a, numeric) and isinstance(b, numeric):
            return a < b
        if isinstance(a, numeric) != isinstance(b, numeric):
            return isinstance(a, numeric)  # numbers before text and blanks
        return str(a or "").casefold() < str(b or "").casefold()


class AttributeTable(Retranslating, QWidget):
    feature_selected = Signal(str, str)   # layer id, feature id (the user picked a row)
    zoom_requested = Signal(str, str)     # layer id, feature id

    def __init__(self, catalog: Catalog, store: FeatureStore, lang: str = "en", parent=None):
        super().__init__(parent)
        self.catalog, self.lang = catalog, lang
        self._syncing = False
        self.model = FeatureTableModel(catalog, store, lang, self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.layer_box = QComboBox(self)
        self.layer_box.currentIndexChanged.connect(self._layer_chosen)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.zoom_button = QPushButton(self)
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # may name a file
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(140)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.selectionModel().selectionChanged.connect(self._rows_selected)
        self.view.doubleClicked.connect(lambda _i: self.zoom_to_selection())

        top = QHBoxLayout()
        top.addWidget(self.layer_box, 2)
        top.addWidget(self.filter_edit, 2)
        top.addWidget(self.zoom_button)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._fill_layers()
        self.retranslate_ui()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if getattr(self, "_fit_pending", False):
            self.fit_columns()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter rows (any column)…"))
        self.zoom_button.setText(self.tr("Zoom to selection"))
        self.layer_box.setToolTip(self.tr("The layer shown in the table"))
        self._update_count()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.model.set_lang(lang)
        self._fill_layers()
        self.fit_columns()

    def _fill_layers(self) -> None:
        current = self.layer_box.currentData() or "conflict_incidents"
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for layer_id in self.catalog.default_order():
            self.layer_box.addItem(self.catalog.layer(layer_id).title_in(self.lang), layer_id)
        self.layer_box.blockSignals(False)
        index = self.layer_box.findData(current)
        self.layer_box.setCurrentIndex(index if index >= 0 else 0)
        if self.model.layer_id != self.layer_box.currentData():
            self._layer_chosen()

    def _layer_chosen(self, _index: int = 0) -> None:
        layer_id = self.layer_box.currentData()
        if layer_id and layer_id != self.model.layer_id:
            self.model.set_layer(layer_id)
            self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their contents, long texts capped at 260 px, never narrower than the
        header's text (a Kazakh or Russian header is often longer than the values under it). Done
        when the table is seen: measuring every cell (country names from the world's countries)
        cost 0.15 s of every start-up while the table was hidden."""
        if not self.isVisible():
            self._fit_pending = True
            return
        self._fit_pending = False
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            title = header.sectionSizeFromContents(column).width()
            if self.view.columnWidth(column) > max(260, title):
                self.view.setColumnWidth(column, max(260, title))

    def _update_count(self, *_args) -> None:
        if self.model.error:
            self.count_label.setText(self.tr("Cannot read: {0}").format(
                describe(self.model.error_exc)))  # described again: the language may have changed
            return
        self.count_label.setText(self.tr("{0} of {1}").format(self.proxy.rowCount(), self.model.rowCount()))

    # --- filtering and selection ----------------------------------------------------------
    def set_layer(self, layer_id: str) -> None:
        index = self.layer_box.findData(layer_id)
        if index >= 0:
            self.layer_box.setCurrentIndex(index)

    def set_figures(self, figures: dict[str, dict[str, float]]) -> None:
        """The user's figures the choropleths colour by (ui/evidence_ui.py tells it)."""
        self.model.set_figures(figures)

    def set_filter(self, text: str) -> None:
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)
            return
        self.proxy.setFilterRegularExpression(QRegularExpression(
            QRegularExpression.escape(text), QRegularExpression.PatternOption.CaseInsensitiveOption))

    def visible_feature_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(FEATURE_ID_ROLE) for r in range(self.proxy.rowCount())]

    def selected_feature_id(self) -> str:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(FEATURE_ID_ROLE) if rows else ""

    def _rows_selected(self, *_args) -> None:
        if self._syncing:
            return
        fid = self.selected_feature_id()
        if fid:
            self.feature_selected.emit(self.model.layer_id, fid)

    def select(self, layer_id: str, feature_id: str) -> bool:
        """Show the layer and select the feature's row, without echoing it back as a new selection."""
        self._syncing = True
        try:
            self.set_layer(layer_id)
            row = self.model.row_of(feature_id)
            if row < 0:
                self.view.clearSelection()
                return False
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():  # filtered out: the selection wins over the filter
                self.set_filter("")
                index = self.proxy.mapFromSource(self.model.index(row, 0))
            flags = QItemSelectionModel.SelectionFlag
            self.view.selectionModel().select(index, flags.ClearAndSelect | flags.Rows)
            self.view.scrollTo(index)
            return True
        finally:
            self._syncing = False

    def zoom_to_selection(self) -> None:
        fid = self.selected_feature_id()
        if fid:
            self.zoom_requested.emit(self.model.layer_id, fid)
