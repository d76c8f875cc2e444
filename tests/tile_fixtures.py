"""Small raster tile archives the tests build themselves: every tile one flat colour (a PNG made by
Qt), zooms 0..max_zoom over the whole world, as MBTiles (sqlite3) and as PMTiles (the `pmtiles`
package's writer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

COLOUR = "#ff00ff"   # a colour nothing else on the map has
ATTRIBUTION = '<a href="https://example.org">© Test Survey 2024</a>'


def png(colour: str = COLOUR, size: int = 256, note: str = "") -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    if note:
        image.setText("Comment", note)  # other bytes, the same pixels
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def make_mbtiles(path: Path, max_zoom: int = 3, colour: str = COLOUR, fmt: str = "png") -> Path:
    data = png(colour)
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                       "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                       " tile_data BLOB);"
                       "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", [
        ("name", "Test basemap"), ("format", fmt), ("minzoom", "0"), ("maxzoom", str(max_zoom)),
        ("bounds", "-180,-85,180,85"), ("attribution", ATTRIBUTION)])
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                     [(z, x, y, data) for z in range(max_zoom + 1)
                      for x in range(1 << z) for y in range(1 << z)])
    conn.commit()
    conn.close()
    return path


def make_pmtiles(path: Path, max_zoom: int = 3, colour: str = COLOUR) -> Path:
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    # one PNG per zoom: the writer reads the archive's max zoom from its last run of equal tiles
    data = {z: png(colour, note=f"zoom {z}") for z in range(max_zoom + 1)}
    with write(str(path)) as writer:
        ids = sorted((zxy_to_tileid(z, x, y), z) for z in range(max_zoom + 1)
                     for x in range(1 << z) for y in range(1 << z))
        for tile_id, z in ids:
            writer.write_tile(tile_id, data[z])
        writer.finalize({"tile_type": TileType.PNG, "tile_compression": Compression.NONE,
                         "min_zoom": 0, "max_zoom": max_zoom, "min_lon_e7": -1800000000,
                         "min_lat_e7": -850000000, "max_lon_e7": 1800000000, "max_lat_e7": 850000000,
                         "center_zoom": 0, "center_lon_e7": 0, "center_lat_e7": 0},
                        {"name": "Test basemap", "attribution": ATTRIBUTION})
    return path


def export_with_basemap(tmp_path: Path, archive: Path) -> QImage:
    """`gis-app export --project` (a separate process, as a user runs it) of a project with every
    layer hidden and `archive` (in tmp_path, named relative to the project) as its basemap."""
    import subprocess
    import sys

    from gis_app.core.catalog import load_catalog
    from gis_app.core.map_state import MapState
    from gis_app.core.project import Project, dumps

    state = MapState(load_catalog())
    for layer in state.layers:
        state.set_visible(layer.id, False)
    project = tmp_path / "p.atlas.json"
    project.write_bytes(dumps(Project(map=state.to_dict(),
                                      basemap={"path": archive.name, "opacity": 1.0, "visible": True})))
    out = tmp_path / "cli.png"
    done = subprocess.run([sys.executable, "-m", "gis_app", "export", str(out), "--project", str(project),
                           "--size", "800x560", "--dpi", "96"], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return QImage(str(out))
