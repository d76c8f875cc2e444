"""Offscreen Qt with an isolated settings and cache folder for the whole test session."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="gis-app-tests-"))
# Removed when the run ends (after Qt and Chromium are done with the cache inside it).
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")
os.environ["XDG_CACHE_HOME"] = str(_TMP / "cache")
os.environ["XDG_STATE_HOME"] = str(_TMP / "state")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gis_app.ui import qt_env  # noqa: E402

qt_env.prepare(headless=True)

REPO = Path(__file__).resolve().parent.parent


# Every message box and file dialog goes to one scripted double (gis_app.ui.prompts): a test queues
# the answers (`prompts.queue("save_file", path)`), and a question it did not expect fails the test
# instead of a modal dialog hanging the run. Windows made before a test (module fixtures) use it too.
from gis_app.ui import prompts as _prompts_module  # noqa: E402

SCRIPTED_PROMPTS = _prompts_module.ScriptedPrompts()
_prompts_module.default_factory = lambda widget=None, settings=None: SCRIPTED_PROMPTS


@pytest.fixture(autouse=True)
def prompts():
    """The scripted prompts, empty at the start of each test; an answer queued but never asked
    for fails the test (the question it expected did not come)."""
    SCRIPTED_PROMPTS.reset()
    yield SCRIPTED_PROMPTS
    unused = list(SCRIPTED_PROMPTS.answers)
    SCRIPTED_PROMPTS.reset()
    assert not unused, f"answers queued but never asked for: {unused}"


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


# --- windows ----------------------------------------------------------------------------------------
def make_window(catalog=None, *, lang: str | None = None, restore: bool = False,
                size: tuple[int, int] = (1100, 750), show: bool = True):
    """A MainWindow as the tests use it: shown at `size` with its map painted (restore=False: no
    settings read or written, English unless `lang`). Close it with close_window()."""
    from gis_app.core.catalog import load_catalog
    from gis_app.ui.main_window import MainWindow

    win = MainWindow(catalog if catalog is not None else load_catalog(), lang=lang, restore=restore)
    win.resize(*size)
    if show:
        win.show()
        assert win.map.wait_ready(30000), "the map never said it was painted"
    return win


def close_window(win) -> None:
    """The one teardown: nothing left to save, the page's process stopped, the window gone."""
    win.document.mark_clean()
    win.undo_stack.clear()
    win.close()
    win.map.shutdown()
    win.deleteLater()


def reset_window(win) -> None:
    """Back to a new window's map (layers, order, opacity, time range, view) without a new window."""
    from gis_app.core.map_state import MapState

    default = MapState(win.catalog).to_dict()
    win.state.apply(default)
    view = default["view"]
    win.map.evaluate("setView", view["lat"], view["lon"], view["zoom"])


@pytest.fixture
def window_factory(qapp):
    """make_window() for one test; every window it made is closed after the test."""
    made = []

    def make(*args, **kwargs):
        made.append(make_window(*args, **kwargs))
        return made[-1]

    yield make
    for win in made:
        close_window(win)


# --- the team workspace's PostgreSQL + PostGIS (tests/pg.py) -------------------------------------------
@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away cluster for the whole run, started on first use and removed at the end. When
    PostgreSQL cannot be started the tests that need it fail (they are not skipped)."""
    from tests.pg import Cluster

    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg(pg_cluster):
    """The cluster with every team table emptied."""
    pg_cluster.reset()
    return pg_cluster
