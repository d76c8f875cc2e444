"""The conflict dialog: someone changed a row since this window read it. Both versions side by side
(mine and theirs, who and when), field by field with the differences marked, and a Result column
that starts as mine and can be edited (or filled from either side by a double-click). Keep mine,
Take theirs or Merge: the choice is emitted (`decided`) for Workspace.resolve; closing the dialog
decides nothing (the conflict waits, nothing is overwritten)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from gis_app.ui import i18n
from gis_app.ui import team_layers as tl

FIELD, MINE, THEIRS, RESULT = range(4)
DIFFERS = QColor("#fff1c2")


class ConflictDialog(i18n.Retranslating, QDialog):
    decided = Signal(object)   # "mine" | "theirs" | the merged data

    def __init__(self, conflict, parent=None):
        super().__init__(parent)
        self.setObjectName("teamConflictDialog")
        self.conflict = conflict
        self.rows = tl.field_rows(conflict.mine, conflict.theirs)
        self.choice: object = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names and dates are data
        self.table = QTableWidget(len(self.rows), 4)
        self.table.setObjectName("conflictTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # mine, theirs, result: equal
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont()
        bold.setBold(True)
        for row, (name, mine, theirs, differs) in enumerate(self.rows):
            cells = (name, tl.as_text(mine), tl.as_text(theirs), tl.as_text(mine))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 40 else "")  # a long value whole (a geometry)
                if column != RESULT:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if differs:
                    item.setBackground(QBrush(DIFFERS))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.cellDoubleClicked.connect(self._copy_to_result)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.mine_button = QPushButton()
        self.theirs_button = QPushButton()
        self.merge_button = QPushButton()
        for key, button in (("mine", self.mine_button), ("theirs", self.theirs_button),
                            ("merge", self.merge_button)):
            button.setObjectName(f"conflict_{key}")
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _c=False, k=key: self.decide(k))
        self.later_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        c = self.conflict
        self.setWindowTitle(self.tr("Someone else changed this too"))
        who, when = c.their_who or self.tr("A colleague"), tl.when_text(c.their_when) or "?"
        if c.theirs is None:
            self.heading.setText(self.tr(
                "{0} deleted this {1} on {2}, after you read it. Keep mine puts it back with your values; "
                "Take theirs leaves it deleted.").format(who, self.kind_name(), when))
        else:
            self.heading.setText(self.tr(
                "{0} changed this {1} on {2}, after you read it. Nothing has been overwritten: choose "
                "which version the workspace keeps.").format(who, self.kind_name(), when))
        self.table.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("Mine ({0})").format(c.my_who or self.tr("me")),
            self.tr("Theirs ({0}, {1})").format(c.their_who or "?", tl.when_text(c.their_when) or "?"),
            self.tr("Result (editable)")])
        differing = sum(1 for row in self.rows if row[3])
        self.summary.setText(self.tr("%n field(s) differ (marked). Double-click a value of mine or theirs "
                                     "to put it in the result.", "", differing))
        self.mine_button.setText(self.tr("Keep &mine"))
        self.theirs_button.setText(self.tr("Take &theirs"))
        self.merge_button.setText(self.tr("&Merge (the result column)"))
        self.later_button.setText(self.tr("Decide &later"))

    def kind_name(self) -> str:
        names = {"feature": self.tr("feature"), "source": self.tr("source"), "claim": self.tr("claim"),
                 "annotation": self.tr("annotation"), "project": self.tr("lecture")}
        return names.get(self.conflict.kind, str(self.conflict.kind))

    # --- the result -------------------------------------------------------------------------------
    def _copy_to_result(self, row: int, column: int) -> None:
        if column in (MINE, THEIRS):
            self.table.item(row, RESULT).setText(self.table.item(row, column).text())

    def set_result(self, field: str, text: str) -> None:
        for row, (name, *_rest) in enumerate(self.rows):
            if name == field:
                self.table.item(row, RESULT).setText(text)
                return
        raise KeyError(field)

    def merged(self):
        """The Result column as data in the shape of mine (a feature stays a feature)."""
        fields = {}
        for row, (name, mine, theirs, _differs) in enumerate(self.rows):
            text = self.table.item(row, RESULT).text()
            like = mine if mine is not None else theirs
            value = tl.from_text(text, like)
            if value is None and mine is None and theirs is None:
                continue
            fields[name] = value
        return tl.unflatten(self.conflict.mine, fields)

    def decide(self, key: str) -> None:
        self.choice = self.merged() if key == "merge" else key
        self.decided.emit(self.choice)
        self.accept()
