"""Undo steps for the analyst's evidence: each QUndoCommand calls one AtlasDocument method and its
opposite, so Ctrl+Z undoes a source, a figure or an indicator added, changed or removed. A change of
several parts (a figure with its new source and indicator, an import) is one macro of these.

A step the document refuses (its rules: ValueError, KeyError) marks itself obsolete, so the stack
drops it, and keeps the reason in `error` (English, for the logs) and the exception in `refusal`
(core/refusal.RefusalError: a code and its arguments) for the window to say in its language."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

# part -> (add, update, remove) method names of AtlasDocument, and the entry's id key
METHODS = {"sources": ("add_source", "update_source", "remove_source", "id"),
           "claims": ("add_claim", "update_claim", "remove_claim", "claim_id"),
           "indicators": ("add_indicator", None, "remove_indicator", "id")}


class Step(QUndoCommand):
    error = ""
    refusal: Exception | None = None

    def redo(self):
        if self.error:  # refused once: never replayed
            return
        try:
            self.do()
        except (ValueError, KeyError) as exc:
            self.error = str(exc.args[0] if isinstance(exc, KeyError) and exc.args else exc)
            self.refusal = exc
            self.setObsolete(True)

    def do(self):
        raise NotImplementedError


class AddEntry(Step):
    def __init__(self, document, part: str, entry: dict, text: str = "", parent=None):
        super().__init__(text, parent)
        self.document, self.part, self.entry, self.index = document, part, dict(entry), None

    def do(self):
        add, _update, _remove, key = METHODS[self.part]
        self.entry[key] = getattr(self.document, add)(self.entry, self.index)
        # the kept entry (with its x-added) is what a redo adds again
        from gis_app.core import user_evidence as ue
        self.entry = self.document.user_evidence[self.part][ue.find(self.document.user_evidence,
                                                                    self.part, self.entry[key])]

    def undo(self):
        _add, _update, remove, key = METHODS[self.part]
        self.index, _old = getattr(self.document, remove)(self.entry[key])


class UpdateEntry(Step):
    def __init__(self, document, part: str, entry_id: str, entry: dict, text: str = "", parent=None):
        super().__init__(text, parent)
        self.document, self.part, self.entry_id, self.new, self.old = document, part, entry_id, entry, None

    def do(self):
        update = METHODS[self.part][1]
        self.old = getattr(self.document, update)(self.entry_id, self.new)

    def undo(self):
        getattr(self.document, METHODS[self.part][1])(self.entry_id, self.old)


class RemoveEntry(Step):
    def __init__(self, document, part: str, entry_id: str, text: str = "", parent=None):
        super().__init__(text, parent)
        self.document, self.part, self.entry_id, self.index, self.old = document, part, entry_id, None, None

    def do(self):
        self.index, self.old = getattr(self.document, METHODS[self.part][2])(self.entry_id)

    def undo(self):
        getattr(self.document, METHODS[self.part][0])(self.old, self.index)


class SetCites(Step):
    """The sources cited for a layer or a feature (digitising, Cite source…, colleagues' evidence)."""

    def __init__(self, document, target: str, before: list[str], after: list[str], text: str = "",
                 parent=None):
        super().__init__(text, parent)
        self.document, self.target, self.before, self.after = document, target, before, after

    def do(self):
        self.document.set_cites(self.target, self.after)

    def undo(self):
        self.document.set_cites(self.target, self.before)


class Macro(Step):
    """Several evidence steps as one undo step, delivered to the panels as one change. The steps are
    kept here (not as Qt children, whose Python wrappers would not be kept alive)."""

    def __init__(self, document, text: str):
        super().__init__(text)
        self.document, self.steps = document, []

    def add(self, step: QUndoCommand) -> QUndoCommand:
        self.steps.append(step)
        return step

    def do(self):
        done = []
        with self.document.batch():
            for step in self.steps:
                step.redo()
                if step.error:  # one refused: the others undone, the whole refused
                    for earlier in reversed(done):
                        earlier.undo()
                    raise step.refusal if isinstance(step.refusal, ValueError) else ValueError(step.error)
                done.append(step)

    def undo(self):
        with self.document.batch():
            for step in reversed(self.steps):
                step.undo()
