"""A file the gate (gis_app.core.safe_io) refused, said in the interface language: the file's
name and the reason, with the English detail after it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gis_app.core import safe_io


def _reason(kind: str) -> str:
    return {
        safe_io.NOT_FOUND: QCoreApplication.translate(
            "FileErrors", "{0} does not exist."),
        safe_io.NOT_REGULAR: QCoreApplication.translate(
            "FileErrors", "{0} is not a regular file (a folder, a device or a pipe)."),
        safe_io.TOO_LARGE: QCoreApplication.translate(
            "FileErrors", "{0} is too large."),
        safe_io.UNREADABLE: QCoreApplication.translate(
            "FileErrors", "{0} cannot be read."),
        safe_io.NOT_TEXT: QCoreApplication.translate(
            "FileErrors", "{0} is not UTF-8 text."),
        safe_io.SYNTAX: QCoreApplication.translate(
            "FileErrors", "{0} is damaged (its syntax is not valid)."),
        safe_io.TOO_DEEP: QCoreApplication.translate(
            "FileErrors", "{0} is nested too deeply to be read safely."),
        safe_io.NUMBER: QCoreApplication.translate(
            "FileErrors", "{0} holds a number too long to be a real value."),
    }.get(kind, QCoreApplication.translate("FileErrors", "{0} cannot be used."))


def unsafe_cause(exc: BaseException) -> safe_io.UnsafeFileError | None:
    """The gate's refusal behind `exc` (itself, or what it was raised from), if any."""
    while exc is not None:
        if isinstance(exc, safe_io.UnsafeFileError):
            return exc
        exc = exc.__cause__
    return None


def describe(exc: BaseException) -> str:
    """A translated sentence for a refused file; str(exc) for anything else."""
    refused = unsafe_cause(exc)
    if refused is None:
        return str(exc)
    text = _reason(refused.kind).format(refused.path.name)
    return f"{text} ({refused.detail})" if refused.detail else text
