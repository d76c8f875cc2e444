"""Environment QtWebEngine needs, set before Qt starts, and the start-up noise it prints."""

from __future__ import annotations

import os
import sys

# Lines Qt and QtWebEngine print on every start without a GPU or a D-Bus system bus (a server, a
# container, the tests): they describe no problem of the atlas, so they are not shown. Every other
# message goes through unchanged.
NOISE = (
    "Sandboxing disabled by user.",  # we disabled it (as root), on purpose
    "QRhiGles2: Failed to create temporary context",  # no OpenGL offscreen: Qt falls back
    "QRhiGles2: Failed to create context",
    "Failed to create RHI for backend: OpenGL",
    "GPUInfo not initialized on GpuInfoUpdate",  # --disable-gpu: there is no GPU to describe
    "This plugin does not support propagateSizeHints()",  # the offscreen platform (headless runs)
)

_installed = False


def prepare(headless: bool = False) -> None:
    """Call before the QApplication exists.

    As root, Chromium refuses to start without its sandbox disabled and takes the whole process
    down; headless runs use the offscreen platform, and Chromium's own log is limited to fatal
    errors there (its only ERROR line on a machine without a system bus is the failed D-Bus
    connection, which nothing in the atlas needs).
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # No GPU here and none needed; software GL avoids noisy GPU-process failures.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    wanted = ["--disable-gpu", "--disable-background-networking"]
    if headless and "--log-level" not in flags:
        wanted.append("--log-level=3")
    for flag in wanted:
        if flag not in flags:
            flags += " " + flag
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = flags.strip()
    quiet_noise()
    from gis_app.ui.tile_scheme import register_scheme

    register_scheme()  # the user's basemap (atlastiles://): before the QApplication, or never


def is_noise(message: str) -> bool:
    return message.strip() in NOISE


def quiet_noise() -> None:
    """Drop the NOISE lines from Qt's messages; every other message is printed as Qt would."""
    global _installed
    if _installed:
        return
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    previous = None

    def handler(kind, context, message):
        if is_noise(message):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    previous = qInstallMessageHandler(handler)
    _installed = True


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
