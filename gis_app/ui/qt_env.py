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


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
