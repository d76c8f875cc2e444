"""What a project points at outside itself, as the project file keeps it: the user's tile archive
(a basemap file beside the project) and its lecture in a team workspace (never a password). Each is
checked when a project is read; a wrong one is dropped with a warning and the project still opens."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .refusal import Why

LECTURE_LINK_FIELDS = ("host", "port", "dbname", "user", "service")


def lecture_link(value: Any, warnings: list[str] | None = None) -> dict | None:
    """A project's link to its lecture in a team workspace, as the atlas keeps it (never a password):

        {"project_id": str, "name": str, "version": int, "host", "port", "dbname", "user", "service",
         "annotations": {annotation id: version}}

    None when there is none; a wrong one is dropped with a warning (the project opens unlinked)."""
    if value is None:
        return None
    ok = isinstance(value, dict) and isinstance(value.get("project_id"), str) and value["project_id"]
    versions = value.get("annotations", {}) if ok else None
    ok = ok and isinstance(versions, dict) and all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in versions.items())
    version = value.get("version", 0) if ok else None
    ok = ok and isinstance(version, int) and not isinstance(version, bool)
    if not ok:
        if warnings is not None:
            warnings.append(Why("lecture skipped: not a link to a workspace lecture", "lecture-link-skipped"))
        return None
    port = value.get("port", "")
    return {"project_id": value["project_id"], "name": str(value.get("name") or ""), "version": version,
            **{k: str(value.get(k) or "") for k in LECTURE_LINK_FIELDS if k != "port"},
            "port": port if isinstance(port, int) and not isinstance(port, bool) else str(port or ""),
            "annotations": dict(versions)}


def basemap_entry(value: Any, warnings: list[str] | None = None) -> dict | None:
    """A project's basemap as the atlas keeps it ({"path": str, "opacity": 0..1, "visible": bool}),
    or None; a wrong one is dropped with a warning (the rest of the project still opens)."""
    if value is None:
        return None
    path = value.get("path") if isinstance(value, dict) else None
    opacity = value.get("opacity", 1.0) if isinstance(value, dict) else None
    visible = value.get("visible", True) if isinstance(value, dict) else None
    if not (isinstance(path, str) and 0 < len(path) <= 4096 and "\0" not in path
            and isinstance(opacity, int | float) and not isinstance(opacity, bool) and 0 <= opacity <= 1
            and isinstance(visible, bool)):
        if warnings is not None:
            warnings.append(Why("basemap skipped: not {path, opacity 0..1, visible}", "basemap-skipped"))
        return None
    return {"path": path, "opacity": float(opacity), "visible": visible}


def basemap_for_saving(entry: dict | None, folder: Path | None) -> dict | None:
    """The basemap as a project at `folder` saves it: its path relative to the folder if possible."""
    if not entry:
        return None
    out = dict(entry)
    if folder is not None and Path(out["path"]).is_absolute():
        try:
            out["path"] = Path(os.path.relpath(out["path"], folder)).as_posix()
        except ValueError:  # another drive (Windows)
            pass
    return out


def basemap_resolved(entry: dict | None, folder: Path | None) -> dict | None:
    """The basemap as read from a project at `folder`: its path made absolute."""
    if not entry:
        return None
    out = dict(entry)
    if folder is not None and not Path(out["path"]).is_absolute():
        out["path"] = str((folder / out["path"]).absolute())
    return out
