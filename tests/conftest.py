"""Offscreen Qt with an isolated settings and cache folder for the whole test session."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="gis-app-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")
os.environ["XDG_CACHE_HOME"] = str(_TMP / "cache")
os.environ["XDG_STATE_HOME"] = str(_TMP / "state")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gis_app.ui import qt_env  # noqa: E402

qt_env.prepare(headless=True)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _no_modal_questions():
    """A question (save changes?) or warning in a test that does not answer it would open a modal
    box and hang the run offscreen: unanswered questions are answered Discard, warnings recorded.
    Tests that care give the window a ScriptedPrompts or set `window.project.ask` themselves."""
    from PySide6.QtWidgets import QMessageBox

    from gis_app.ui.prompts import Prompts

    saved = {name: getattr(Prompts, name) for name in ("ask", "warn", "info", "about", "choose", "details")}
    Prompts.ask = lambda self, title, text, buttons, default=None: QMessageBox.StandardButton.Discard
    Prompts.warn = Prompts.info = Prompts.about = lambda self, title, text: None
    Prompts.choose = lambda self, title, text, choices: None
    Prompts.details = lambda self, title, text, detail: None
    yield
    for name, value in saved.items():
        setattr(Prompts, name, value)


@pytest.fixture
def catalog():
    from gis_app.core.catalog import load_catalog

    return load_catalog()


def write_layer(folder: Path, layer_id: str, features: list[dict], **extra) -> None:
    """A small layer definition + data file in a scratch catalog folder."""
    (folder / "layers").mkdir(exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / f"{layer_id}.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    lines = [f'id = "{layer_id}"', 'group = "borders"', 'geometry = "mixed"',
             f'data = "data/{layer_id}.geojson"', f'title = {{ en = "{layer_id} title" }}']
    lines += [f"{k} = {json.dumps(v)}" for k, v in extra.items() if not isinstance(v, dict)]
    for k, v in extra.items():
        if isinstance(v, dict):
            lines.append(f"[{k}]")
            lines += [f"{kk} = {json.dumps(vv)}" for kk, vv in v.items()]
    (folder / "layers" / f"{layer_id}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def square(fid: str, name: str, lon: float, lat: float, size: float = 4.0) -> dict:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Feature", "properties": {"id": fid, "name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.fixture
def scratch_catalog(tmp_path):
    """Two polygon layers around the default view, one with script in an attribute."""
    from gis_app.core.catalog import load_catalog

    (tmp_path / "layers").mkdir()
    (tmp_path / "layers" / "groups.toml").write_text((REPO / "layers" / "groups.toml").read_text())
    write_layer(tmp_path, "zones", [square("z1", '<img src=x onerror="window.pwned=1">Zone', 60, 38, 12)],
                order=2, style={"stroke": "#aa0000", "fill": "#ffcc00", "fill_opacity": 0.8},
                label_field="name")
    write_layer(tmp_path, "below", [square("b1", "Below", 50, 30, 30)], order=1,
                style={"stroke": "#003366", "fill": "#3366cc", "fill_opacity": 1.0})
    (tmp_path / "layers" / "zones.toml").open("a").write('[[popup]]\nfield = "name"\n')
    return load_catalog(tmp_path / "layers")
