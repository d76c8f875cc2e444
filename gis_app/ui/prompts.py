"""Every question, warning and file dialog of the window goes through one injectable object.

`Prompts` shows Qt's boxes and dialogs and remembers the last folder per kind of file (project,
export, import, slides); tests give the window a `ScriptedPrompts` whose answers they queue, so a
question nobody expected fails the test instead of hanging it on a modal box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton


class Prompts:
    def __init__(self, parent: QWidget | None, settings: QSettings | None = None):
        self.parent, self.settings = parent, settings
        self._folders: dict[str, str] = {}

    # --- folders remembered per kind ------------------------------------------------------------
    def last_folder(self, kind: str) -> str:
        value = self.settings.value(f"dialogs/{kind}") if self.settings is not None else None
        folder = str(value) if value else self._folders.get(kind, "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember(self, kind: str, path: Path) -> None:
        folder = str(path if path.is_dir() else path.parent)
        self._folders[kind] = folder
        if self.settings is not None:
            self.settings.setValue(f"dialogs/{kind}", folder)

    def _start(self, kind: str, suggested: str) -> str:
        if suggested and Path(suggested).is_absolute():
            return suggested
        return str(Path(self.last_folder(kind)) / suggested) if suggested else self.last_folder(kind)

    # --- files ----------------------------------------------------------------------------------
    def open_file(self, kind: str, title: str, filters: str, suggested: str = "") -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, self._start(kind, suggested), filters)
        return self._chosen(kind, path)

    def save_file(self, kind: str, title: str, suggested: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, self._start(kind, suggested), filters)
        return self._chosen(kind, path)

    def existing_dir(self, kind: str, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.parent, title, self.last_folder(kind))
        return self._chosen(kind, folder)

    def _chosen(self, kind: str, path: str) -> Path | None:
        if not path:
            return None
        self._remember(kind, Path(path))
        return Path(path)

    # --- messages -------------------------------------------------------------------------------
    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def about(self, title: str, text: str) -> None:
        QMessageBox.about(self.parent, title, text)

    def ask(self, title: str, text: str, buttons: Button, default: Button = Button.NoButton) -> Button:
        return QMessageBox.question(self.parent, title, text, buttons, default)

    def choose(self, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        """One of several named answers (key, button text); None if the box was closed."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                          self.parent)
        buttons = {box.addButton(label, QMessageBox.ButtonRole.ActionRole): key for key, label in choices}
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton())

    def details(self, title: str, text: str, detail: str) -> None:
        """A warning with details that does not stop the user (e.g. layers skipped at start)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.setDetailedText(detail)
        box.setModal(False)
        box.show()


class ScriptedPrompts(Prompts):
    """For tests: answers come from `answers` (queued in order; `default` answers any other yes/no
    question);
    `asked` records (kind, title, text). A question with no answer raises AssertionError."""

    def __init__(self, parent=None, default: object = None):
        super().__init__(parent, None)
        self.answers: list[object] = []
        self.default = default
        self.asked: list[tuple[str, str, str]] = []

    def _next(self, kind: str, title: str, text: str = ""):
        self.asked.append((kind, title, text))
        if self.answers:
            return self.answers.pop(0)
        if kind == "ask" and self.default is not None:
            return self.default
        raise AssertionError(f"unexpected {kind}: {title}: {text}")

    def open_file(self, kind, title, filters, suggested=""):
        return self._next("open_file", title)

    def save_file(self, kind, title, suggested, filters):
        return self._next("save_file", title)

    def existing_dir(self, kind, title):
        return self._next("existing_dir", title)

    def warn(self, title, text):
        self.asked.append(("warn", title, text))

    info = warn

    def about(self, title, text):
        self.asked.append(("about", title, text))

    def details(self, title, text, detail):
        self.asked.append(("details", title, f"{text}\n{detail}"))

    def ask(self, title, text, buttons, default=Button.NoButton):
        return self._next("ask", title, text)

    def choose(self, title, text, choices):
        return self._next("choose", title, text)
