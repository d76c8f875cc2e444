"""Every message box and file dialog of the atlas goes through one injectable object.

    prompts.warn(title, text)                               # a warning, acknowledged with OK
    prompts.info(title, text)
    prompts.ask(title, text, ("save", "discard", "cancel")) # -> the choice ("cancel" if closed)
    prompts.ask_text(title, label, text="")                 # -> the text, or None (cancelled)
    prompts.choose(title, text, [("reload", "Reload"), …])  # -> a key of named buttons, None if closed
    prompts.save_file("export", title, "atlas-map.png", filters)  # -> a path, or None
    prompts.open_file("project", title, filters)
    prompts.existing_dir("slides", title)

`QtPrompts` shows real Qt dialogs and remembers the last folder of each kind of file dialog
(export, project, import, slides) in the settings. `ScriptedPrompts` is the tests' double: the test
queues the answers, every question is recorded, and a question nobody queued an answer for fails
the test at once (instead of a modal dialog hanging an offscreen run).

A widget finds its prompts with `prompts_for(widget)`: the object given to it, else the `prompts`
attribute of its nearest parent that has one (the main window), else the process default
(QtPrompts; the tests' conftest makes it a ScriptedPrompts).
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from gis_app.ui import settings as typed_settings

CHOICES = ("ok", "yes", "no", "save", "discard", "cancel")
_BUTTONS = {
    "ok": QMessageBox.StandardButton.Ok,
    "yes": QMessageBox.StandardButton.Yes,
    "no": QMessageBox.StandardButton.No,
    "save": QMessageBox.StandardButton.Save,
    "discard": QMessageBox.StandardButton.Discard,
    "cancel": QMessageBox.StandardButton.Cancel,
}
# What closing the box (Esc, the window's X) means, by the choices offered.
_ESCAPE_ORDER = ("cancel", "no", "ok")


def _escape_choice(choices: Sequence[str]) -> str:
    return next((c for c in _ESCAPE_ORDER if c in choices), choices[-1])


def _check_choices(choices: Sequence[str]) -> None:
    unknown = [c for c in choices if c not in CHOICES]
    if not choices or unknown:
        raise ValueError(f"ask() takes choices among {', '.join(CHOICES)}; got {list(choices)!r}")


class Prompts(ABC):
    """The interface; QtPrompts and ScriptedPrompts implement it."""

    @abstractmethod
    def warn(self, title: str, text: str, details: str = "") -> None:
        """A warning, acknowledged with OK; `details` behind a "Show details" button."""

    @abstractmethod
    def info(self, title: str, text: str) -> None:
        """A message, acknowledged with OK."""

    @abstractmethod
    def ask(self, title: str, text: str, choices: Sequence[str] = ("yes", "no"),
            default: str | None = None) -> str:
        """One of `choices` (CHOICES); closing the box answers cancel, no or ok, whichever is offered."""

    @abstractmethod
    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """A line of text, or None if cancelled."""

    @abstractmethod
    def choose(self, title: str, text: str, options: Sequence[tuple[str, str]]) -> str | None:
        """One of several actions named in the user's language ((key, button text)), plus Cancel;
        None if cancelled or closed."""

    @abstractmethod
    def open_file(self, kind: str, title: str, filters: str = "") -> str | None:
        """An existing file to open, or None; starts in the last folder of `kind`."""

    @abstractmethod
    def save_file(self, kind: str, title: str, name: str, filters: str = "") -> str | None:
        """Where to write `name`, or None; starts in the last folder of `kind`."""

    @abstractmethod
    def existing_dir(self, kind: str, title: str) -> str | None:
        """A folder, or None; starts in the last folder of `kind`."""


class QtPrompts(Prompts):
    """Real dialogs over `parent` (a widget, or a callable giving one); the last folder of each
    kind of file dialog is kept in `settings` (a typed Settings; None: for this session only)."""

    def __init__(self, parent: QWidget | Callable[[], QWidget | None] | None = None, settings=None):
        self._parent = parent
        self.settings = typed_settings.wrap(settings) or typed_settings.Settings()

    def parent(self) -> QWidget | None:
        return self._parent() if callable(self._parent) and not isinstance(self._parent, QWidget) \
            else self._parent

    # --- messages ------------------------------------------------------------------------------
    def warn(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent())
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and details are data, never markup
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                          self.parent())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def ask(self, title: str, text: str, choices: Sequence[str] = ("yes", "no"),
            default: str | None = None) -> str:
        _check_choices(choices)
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                          self.parent())
        box.setTextFormat(Qt.TextFormat.PlainText)
        for choice in choices:
            box.addButton(_BUTTONS[choice])
        box.setDefaultButton(_BUTTONS[default or choices[0]])
        box.setEscapeButton(_BUTTONS[_escape_choice(choices)])
        answer = box.exec()
        for choice in choices:
            if answer == _BUTTONS[choice]:
                return choice
        return _escape_choice(choices)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent(), title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def choose(self, title: str, text: str, options: Sequence[tuple[str, str]]) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                          self.parent())
        box.setTextFormat(Qt.TextFormat.PlainText)
        buttons = {box.addButton(label, QMessageBox.ButtonRole.ActionRole): key for key, label in options}
        box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return buttons.get(box.clickedButton())

    # --- files ----------------------------------------------------------------------------------
    def start_folder(self, kind: str) -> str:
        """Where a file dialog of this kind opens: the last folder used, if it still exists."""
        folder = self.settings.last_folder(kind)
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember(self, kind: str, path: str | None, is_dir: bool = False) -> str | None:
        if path:
            self.settings.set_last_folder(kind, path if is_dir else os.path.dirname(path))
        return path or None

    def open_file(self, kind: str, title: str, filters: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent(), title, self.start_folder(kind), filters)
        return self._remember(kind, path)

    def save_file(self, kind: str, title: str, name: str, filters: str = "") -> str | None:
        start = self.start_folder(kind)
        if name:
            start = os.path.join(start, os.path.basename(name))
        path, _ = QFileDialog.getSaveFileName(self.parent(), title, start, filters)
        return self._remember(kind, path)

    def existing_dir(self, kind: str, title: str) -> str | None:
        folder = QFileDialog.getExistingDirectory(self.parent(), title, self.start_folder(kind))
        return self._remember(kind, folder, is_dir=True)


# --- the tests' double ----------------------------------------------------------------------------
class UnexpectedPromptError(AssertionError):
    """A question the test did not expect (no answer queued, or another kind of question)."""


@dataclass
class Asked:
    method: str  # "warn", "info", "ask", "ask_text", "open_file", "save_file", "existing_dir"
    title: str
    text: str = ""  # the message, the label, or the suggested file name
    kind: str = ""  # the file dialog's kind
    choices: tuple[str, ...] = ()
    answer: object = None


@dataclass
class ScriptedPrompts(Prompts):
    """Answers queued by the test, in order: `prompts.queue("ask", "discard")`,
    `prompts.queue("save_file", "/tmp/x.png")` (None = the user cancelled). Messages (warn, info)
    need no answer; everything is recorded in `asked`."""

    answers: deque = field(default_factory=deque)
    asked: list[Asked] = field(default_factory=list)
    # What answers when nothing is queued (a module's window whose tests answer every question the
    # same way); None: such a question fails the test.
    fallback: Callable[[Asked], object] | None = None

    def queue(self, method: str, answer) -> ScriptedPrompts:
        self.answers.append((method, answer))
        return self

    def reset(self) -> None:
        """Forget the answers, the questions and the fallback (between tests)."""
        self.answers.clear()
        self.asked.clear()
        self.fallback = None

    def messages(self, method: str = "warn") -> list[Asked]:
        return [a for a in self.asked if a.method == method]

    def _answer_any(self, asked: Asked):
        return self._answer(asked)

    def _answer(self, asked: Asked):
        self.asked.append(asked)
        if not self.answers and self.fallback is not None:
            asked.answer = self.fallback(asked)
            return asked.answer
        if not self.answers:
            raise UnexpectedPromptError(f"unexpected {asked.method}: {asked.title!r} {asked.text!r} "
                                   "(the test queued no answer)")
        method, answer = self.answers.popleft()
        if method != asked.method:
            raise UnexpectedPromptError(
                f"expected {method}, got {asked.method}: {asked.title!r} {asked.text!r}")
        if asked.method == "ask" and answer not in asked.choices:
            raise UnexpectedPromptError(f"answer {answer!r} is not one of the choices {asked.choices}")
        asked.answer = answer
        return answer

    def warn(self, title: str, text: str, details: str = "") -> None:
        self.asked.append(Asked("warn", title, text))
        if self.fallback is not None:
            self.fallback(self.asked[-1])

    def info(self, title: str, text: str) -> None:
        self.asked.append(Asked("info", title, text))
        if self.fallback is not None:
            self.fallback(self.asked[-1])

    def ask(self, title: str, text: str, choices: Sequence[str] = ("yes", "no"),
            default: str | None = None) -> str:
        _check_choices(choices)
        return self._answer(Asked("ask", title, text, choices=tuple(choices)))

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self._answer(Asked("ask_text", title, label))

    def choose(self, title: str, text: str, options: Sequence[tuple[str, str]]) -> str | None:
        asked = Asked("choose", title, text, choices=tuple(k for k, _ in options))
        answer = self._answer_any(asked)
        if answer is not None and answer not in asked.choices:
            raise UnexpectedPromptError(f"answer {answer!r} is not one of the choices {asked.choices}")
        return answer

    def open_file(self, kind: str, title: str, filters: str = "") -> str | None:
        return self._answer(Asked("open_file", title, kind=kind))

    def save_file(self, kind: str, title: str, name: str, filters: str = "") -> str | None:
        return self._answer(Asked("save_file", title, name, kind=kind))

    def existing_dir(self, kind: str, title: str) -> str | None:
        return self._answer(Asked("existing_dir", title, kind=kind))


# --- finding a widget's prompts ---------------------------------------------------------------------
def _qt_default(widget: QWidget | None, settings=None) -> Prompts:
    return QtPrompts(widget, settings)


# What a window without given prompts makes for itself (`default_factory(window, settings)`), and
# what a widget with no window prompts falls back to. The tests' conftest replaces it.
default_factory: Callable[..., Prompts] = _qt_default


def prompts_for(widget: QWidget | None, given: Prompts | None = None) -> Prompts:
    """The prompts `widget` should use: `given`, else the `prompts` of the nearest parent that has
    one (the main window), else the default."""
    if given is not None:
        return given
    parent = widget.parentWidget() if widget is not None else None
    while parent is not None:
        found = getattr(parent, "prompts", None)
        if isinstance(found, Prompts):
            return found
        parent = parent.parentWidget()
    return default_factory(widget)
