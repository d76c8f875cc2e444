"""Where the atlas finds its data: the repository (or GIS_APP_ROOT), a per-user cache and state."""

from __future__ import annotations

import os
from pathlib import Path


def root() -> Path:
    """The folder holding layers/, shapefiles/ and resources/ (the repository root)."""
    env = os.environ.get("GIS_APP_ROOT")
    return Path(env).resolve() if env else Path(__file__).resolve().parents[2]


def layers_dir() -> Path:
    return root() / "layers"


def web_dir() -> Path:
    return root() / "resources" / "web"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "gis-app"
    path.mkdir(parents=True, exist_ok=True)
    return path


def i18n_dir() -> Path:
    """The Qt Linguist sources (atlas_<lang>.ts) of the interface's translations."""
    return root() / "resources" / "i18n"


def lectures_dir() -> Path:
    """The ready-made lecture projects shipped with the atlas."""
    return root() / "lectures"


def state_dir() -> Path:
    """Per-user state that must survive a crash (the project recovery file): XDG_STATE_HOME."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    path = Path(base) / "gis-app"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_cache_file(path: Path, text: str) -> None:
    """Write a cache file whole or not at all: several processes may build it at once, so each
    writes its own temporary file and renames it over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
