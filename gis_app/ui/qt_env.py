"""Environment QtWebEngine needs, set before Qt starts."""

from __future__ import annotations

import os


def prepare(headless: bool = False) -> None:
    """Call before the QApplication exists.

    As root, Chromium refuses to start without its sandbox disabled and takes the whole process
    down; headless runs use the offscreen platform.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # No GPU here and none needed; software GL avoids noisy GPU-process failures.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    for flag in ("--disable-gpu", "--disable-background-networking"):
        if flag not in flags:
            flags += " " + flag
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags.strip()
    _guard_emit_refcount()


# PySide6 6.12.0: SignalInstance.emit() returns True without taking a reference, so every emit
# from Python code drops one reference to True. On CPython < 3.12 (True is not yet immortal) the
# count reaches zero after a few thousand emits (page events, state changes) and the process
# aborts with "bool_dealloc: deallocating True or False". Giving True 2**30 extra references
# makes it as good as immortal, as CPython 3.12 does itself. Remove once PySide6 is fixed.
_guarded = False


def _guard_emit_refcount() -> None:
    global _guarded
    import sys

    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:
        return
    if pyside_version == "6.12.0":
        import ctypes

        ctypes.c_ssize_t.from_address(id(True)).value += 1 << 30  # ob_refcnt is the first field
        _guarded = True


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
