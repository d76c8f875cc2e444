"""A refusal the window says in its language: a code and its arguments, with the English sentence
for the command line and the logs (as core/tile_archive.ArchiveError's `reason`). No Qt.

`Why` is a reason (a str: "" when nothing is wrong, the English sentence otherwise) that also
carries `.code` and `.args_`; `RefusalError` is the ValueError raised with one. The window turns
code + arguments into a translated sentence (ui/refusal_text.py), naming a source by its short
citation and a figure by its indicator's label, never by an internal id."""

from __future__ import annotations


class Why(str):
    """An English reason with a code and arguments; Why() is the empty (no problem) reason."""

    code: str
    args_: dict

    def __new__(cls, text: str = "", code: str = "", **args):
        self = super().__new__(cls, text)
        self.code, self.args_ = code, args
        return self


NONE = Why()


class RefusalError(ValueError):
    """A refusal with `.code` and `.args_` (plain data); str() is the English sentence."""

    def __init__(self, text: str, code: str = "", **args):
        super().__init__(text)
        self.code, self.args_ = code, args

    @classmethod
    def of(cls, why: str) -> RefusalError:
        return cls(str(why), getattr(why, "code", ""), **getattr(why, "args_", {}))
