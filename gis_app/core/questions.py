"""The base of what an import asks the user (core/importers.py and its helpers). No Qt."""


class Question(Exception):  # noqa: N818 (a question, not an error)
    """The import needs the user's answer before it can go on (see the subclasses)."""
