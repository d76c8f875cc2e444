"""Where the atlas finds its data: the repository (or GIS_APP_ROOT) and a per-user cache."""

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
