"""Team → Connect to team workspace…: host, port, database, user (or a service name from
pg_service.conf) and, only when libpq's own .pgpass or service file does not give one, a password
kept for this session. The dialog does not connect itself: it hands (ConnInfo, password) to the
controller's `attempt`, which returns None (connected) or the sentence to show here, so a wrong
password or a refused server is corrected in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from gis_app.ui import i18n


def _conninfo(host: str, port: int, dbname: str, user: str, service: str):
    from gis_app.team.conninfo import ConnInfo
    return ConnInfo(host=host, port=port, dbname=dbname, user=user, service=service)


class ConnectDialog(i18n.Retranslating, QDialog):
    """`attempt(info, password | None) -> None | (message, field)`: field is the name of the box
    to put the cursor in ("host", "password", ...) or ""."""

    def __init__(self, attempt: Callable, last: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("teamConnectDialog")
        self.setMinimumWidth(480)
        self._attempt = attempt
        last = last or {}
        self.host = QLineEdit(str(last.get("host") or "localhost"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(last.get("port") or 5432))  # 0 (a service's): the usual port shown
        self.port.setGroupSeparatorShown(False)
        self.dbname = QLineEdit(str(last.get("dbname") or "atlas"))
        self.user = QLineEdit(str(last.get("user") or ""))
        self.service = QLineEdit(str(last.get("service") or ""))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for name in ("host", "dbname", "user", "service", "password"):
            getattr(self, name).setObjectName(f"team_{name}")
        self.port.setObjectName("team_port")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("team_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # server messages are data, never markup
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        self.form = QFormLayout()
        self.labels = {name: QLabel() for name in ("host", "port", "dbname", "user", "service", "password")}
        for name, label in self.labels.items():
            widget = getattr(self, name)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        (self.user if not self.user.text() else self.password).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Connect to team workspace"))
        texts = {"host": self.tr("&Server:"), "port": self.tr("&Port:"), "dbname": self.tr("&Database:"),
                 "user": self.tr("&User:"), "service": self.tr("S&ervice (optional):"),
                 "password": self.tr("Pass&word:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.service.setPlaceholderText(self.tr("a name from pg_service.conf, instead of the fields above"))
        self.password.setPlaceholderText(self.tr("empty: from .pgpass or the service file"))
        self.note.setText(self.tr("The password is kept only while the atlas runs: it is never written "
                                  "to a project or to the settings."))
        self.connect_button.setText(self.tr("&Connect"))

    def values(self) -> tuple[object, str | None]:
        """(ConnInfo, password or None). With a service name, the fields left as they came (the
        default server, port and database) are not sent: the service file gives them."""
        host, port, dbname = self.host.text().strip(), self.port.value(), self.dbname.text().strip()
        service = self.service.text().strip()
        if service:
            host = "" if host == "localhost" else host
            port = 0 if port == 5432 else port
            dbname = "" if dbname == "atlas" else dbname
        info = _conninfo(host, port, dbname, self.user.text().strip(), service)
        return info, (self.password.text() or None)

    def show_error(self, message: str, field: str = "") -> None:
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # room for the message, the fields keep their height
        widget = getattr(self, field, None) if field else None
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def try_connect(self) -> bool:
        """Connect with what is typed: True and the dialog closes, or the reason shown here."""
        service = self.service.text().strip()
        missing = [name for name in ("host", "dbname", "user") if not getattr(self, name).text().strip()]
        if missing and not service:
            self.show_error(self.tr("Fill in the server, the database and the user, or give a service "
                                    "name."), missing[0])
            return False
        info, password = self.values()
        self.error.hide()
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            problem = self._attempt(info, password)
        finally:
            self.unsetCursor()
        if problem:
            self.show_error(*problem)
            return False
        self.password.clear()  # the controller keeps it for the session; nothing else does
        self.accept()
        return True
