"""Team → Open from workspace…: what colleagues published (layers and lectures: title, who, when,
how many), and the small form that edits a workspace feature's attributes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gis_app.ui import i18n
from gis_app.ui import team_layers as tl

ID_ROLE = Qt.ItemDataRole.UserRole


class OpenDialog(i18n.Retranslating, QDialog):
    """The workspace's layers and lectures; `chosen(kind, id)` with kind "layer" | "project"."""

    chosen = Signal(str, object)

    def __init__(self, layers: list[dict], projects: list[dict], parent=None):
        super().__init__(parent)
        self.setObjectName("teamOpenDialog")
        self.tabs = QTabWidget()
        self.layers = self._table("teamLayers", layers, "count")
        self.projects = self._table("teamProjects", projects, "slides")
        self.tabs.addTab(self.layers, "")
        self.tabs.addTab(self.projects, "")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.open_current)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(680, 380)
        self.retranslate_ui()

    def _table(self, name: str, rows: list[dict], count_key: str) -> QTableWidget:
        table = QTableWidget(len(rows), 4)
        table.setObjectName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, item in enumerate(rows):
            count = item.get(count_key, item.get("count", ""))
            cells = (str(item.get("title") or item.get("name") or item.get("id")),
                     str(item.get("updated_by") or item.get("who") or ""),
                     tl.when_text(item.get("updated_at") or item.get("when")),
                     "" if count in (None, "") else str(count))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)  # plain text: titles are data
                cell.setData(ID_ROLE, item.get("id"))
                if column == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)
        if rows:
            table.selectRow(0)
        table.doubleClicked.connect(lambda _index: self.open_current())
        return table

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open from the team workspace"))
        self.tabs.setTabText(0, self.tr("Layers (%n)", "", self.layers.rowCount()))
        self.tabs.setTabText(1, self.tr("Lectures (%n)", "", self.projects.rowCount()))
        self.layers.setHorizontalHeaderLabels([self.tr("Title"), self.tr("By"), self.tr("Changed"),
                                               self.tr("Features")])
        self.projects.setHorizontalHeaderLabels([self.tr("Title"), self.tr("By"), self.tr("Changed"),
                                                 self.tr("Slides")])
        nothing = not self.layers.rowCount() and not self.projects.rowCount()
        self.empty.setText(self.tr("Nobody has published anything to this workspace yet.") if nothing else "")
        self.empty.setVisible(nothing)

    def select(self, kind: str, title: str) -> bool:
        """Select the row of `kind` ("layer" | "project") whose title is `title`."""
        table = self.layers if kind == "layer" else self.projects
        self.tabs.setCurrentWidget(table)
        for row in range(table.rowCount()):
            if table.item(row, 0).text() == title:
                table.selectRow(row)
                return True
        return False

    def open_current(self) -> bool:
        table = self.tabs.currentWidget()
        rows = table.selectionModel().selectedRows()
        if not rows:
            return False
        kind = "layer" if table is self.layers else "project"
        self.chosen.emit(kind, table.item(rows[0].row(), 0).data(ID_ROLE))
        self.accept()
        return True


class FeatureEditDialog(i18n.Retranslating, QDialog):
    """The attributes of one workspace feature, each in a line of text (the id is not editable);
    `values()` gives them back in their types (a number stays a number)."""

    def __init__(self, title: str, properties: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("teamFeatureDialog")
        self.feature_title = title
        self.original = dict(properties)
        self.edits: dict[str, QLineEdit] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for key, value in properties.items():
            if key == "id":
                continue
            edit = QLineEdit(tl.as_text(value))
            edit.setObjectName(f"field_{key}")
            label = QLabel(str(key))
            label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, edit)
            self.edits[key] = edit
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit {0}").format(self.feature_title))
        self.note.setText(self.tr("Saved to the team workspace; if a colleague changed this feature "
                                  "meanwhile, you will see both versions and choose."))

    def set_value(self, key: str, text: str) -> None:
        self.edits[key].setText(text)

    def values(self) -> dict:
        out = dict(self.original)
        for key, edit in self.edits.items():
            out[key] = tl.from_text(edit.text(), self.original.get(key))
        return out
