"""Small vector tile archives the tests build themselves: Mapbox Vector Tiles encoded here (the
protobuf is simple enough to write by hand: Tile.layers=3; Layer name=1 features=2 keys=3 values=4
extent=5 version=15; Feature id=1 tags=2 type=3 geometry=4), in an OpenMapTiles-like schema, as
MBTiles (sqlite3, gzip tiles as tippecanoe/planetiler write them) and PMTiles (the `pmtiles`
package's writer), zooms 0..max_zoom over the whole world."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

WATER = "#9fc3df"          # basemap_vector.js's water colour
EXTENT = 4096
NAMES = {"name": "Lake Test", "name:en": "Lake Test", "name:ru": "Тестовое озеро", "name:kk": "Сынақ көлі"}


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:          # length-delimited
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _uint(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _zig(n: int) -> int:
    return (n << 1) ^ (n >> 31)


def _geometry(kind: int, points: list[tuple[int, int]]) -> list[int]:
    """Commands for a point (1), a line (2) or a closed ring (3) through `points`."""
    out, x, y = [], 0, 0
    first, rest = points[0], points[1:]
    out += [(1 & 7) | (1 << 3), _zig(first[0] - x), _zig(first[1] - y)]
    x, y = first
    if kind == 1:
        return out
    out.append((2 & 7) | (len(rest) << 3))
    for px, py in rest:
        out += [_zig(px - x), _zig(py - y)]
        x, y = px, py
    if kind == 3:
        out.append((7 & 7) | (1 << 3))
    return out


def layer(name: str, features: list[tuple[int, list[tuple[int, int]], dict]]) -> bytes:
    keys: list[str] = []
    values: list[str] = []
    body = b""
    for fid, (kind, points, props) in enumerate(features, 1):
        tags = []
        for k, v in props.items():
            if k not in keys:
                keys.append(k)
            if v not in values:
                values.append(v)
            tags += [keys.index(k), values.index(v)]
        packed_tags = b"".join(_varint(t) for t in tags)
        packed_geom = b"".join(_varint(c) for c in _geometry(kind, points))
        body += _field(2, _uint(1, fid) + _field(2, packed_tags) + _uint(3, kind) + _field(4, packed_geom))
    return _field(3, _uint(15, 2) + _field(1, name.encode()) + body
                  + b"".join(_field(3, k.encode()) for k in keys)
                  + b"".join(_field(4, _field(1, str(v).encode())) for v in values) + _uint(5, EXTENT))


def tile(names: dict | None = None) -> bytes:
    """One tile: water over all of it but a land strip on the east, a line, and a named point."""
    names = NAMES if names is None else names
    e = EXTENT
    return b"".join([
        layer("water", [(3, [(0, 0), (0, e), (int(e * 0.8), e), (int(e * 0.8), 0)], {"class": "lake"})]),
        layer("boundary", [(2, [(int(e * 0.9), 0), (int(e * 0.9), e)], {"admin_level": "2"})]),
        layer("water_name", [(1, [(e // 2, e // 2)], {"class": "lake", **names})]),
    ])


def schema_tile(schema: str) -> bytes:
    """A tile of `schema`'s own layer names: water over most of it and a named place in it."""
    e, water = EXTENT, [(0, 0), (0, EXTENT), (int(EXTENT * 0.8), EXTENT), (int(EXTENT * 0.8), 0)]
    place = [(e // 2, e // 2)]
    kk = {"name": "Almaty", "name_en": "Almaty", "name_ru": "Алма-Ата", "name_kk": "Алматы"}
    if schema == "shortbread":
        return b"".join([layer("ocean", [(3, water, {})]),
                         layer("streets", [(2, [(0, e // 3), (e, e // 3)], {"kind": "motorway"})]),
                         layer("place_labels", [(1, place, {"kind": "city", **kk})])])
    if schema == "protomaps":
        names = {"name": "Almaty", "name:en": "Almaty", "name:ru": "Алма-Ата", "name:kk": "Алматы"}
        return b"".join([layer("earth", [(3, [(0, 0), (0, e), (e, e), (e, 0)], {"kind": "earth"})]),
                         layer("water", [(3, water, {"kind": "ocean"})]),
                         layer("roads", [(2, [(0, e // 3), (e, e // 3)], {"kind": "highway"})]),
                         layer("places", [(1, place, {"kind": "locality", "capital": "yes", **names})])])
    raise ValueError(schema)


def bad_feature_tile() -> bytes:
    """tile() and a layer whose one feature's geometry is damaged inside (a number that never ends)."""
    feature = _uint(1, 1) + _uint(3, 3) + _field(4, b"\xff" * 12)
    return tile() + _field(3, _uint(15, 2) + _field(1, b"landcover") + _field(2, feature) + _uint(5, EXTENT))


def _tiles(max_zoom: int):
    return [(z, x, y) for z in range(max_zoom + 1) for x in range(1 << z) for y in range(1 << z)]


METADATA_JSON = json.dumps({"vector_layers": [{"id": "water", "fields": {}}, {"id": "boundary", "fields": {}},
                                              {"id": "water_name", "fields": {}}]})


def make_vector_mbtiles(path: Path, max_zoom: int = 2, compress: bool = True, names: dict | None = None,
                        broken: tuple[int, int, int] | None = None, metadata: bool = True,
                        data: bytes | None = None) -> Path:
    """`broken`: that tile (XYZ) is damaged (its bytes cut short); `data`: every tile (else tile())."""
    data = tile(names) if data is None else data
    if data is not tile(names):
        metadata = False       # the layers are read from the first tile
    data = gzip.compress(data) if compress else data
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE metadata (name TEXT, value TEXT);"
                       "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                       " tile_data BLOB);"
                       "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);")
    meta = [("name", "Test vector basemap"), ("format", "pbf"), ("minzoom", "0"), ("maxzoom", str(max_zoom)),
            ("bounds", "-180,-85,180,85"), ("attribution", "© Test Vector Survey")]
    if metadata:
        meta.append(("json", METADATA_JSON))
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta)
    rows = []
    for z, x, y in _tiles(max_zoom):
        blob = data[: len(data) // 2] if (z, x, y) == broken else data
        rows.append((z, x, (1 << z) - 1 - y, blob))
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return path


def make_vector_pmtiles(path: Path, max_zoom: int = 2, compress: bool = False) -> Path:
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    raw = tile()
    with write(str(path)) as writer:
        # one tile per zoom differs by its id (the writer reads max zoom from its last run)
        for tile_id, z in sorted((zxy_to_tileid(z, x, y), z) for z, x, y in _tiles(max_zoom)):
            writer.write_tile(tile_id, gzip.compress(raw, mtime=z) if compress else raw + _uint(16, z))
        writer.finalize({"tile_type": TileType.MVT,
                         "tile_compression": Compression.GZIP if compress else Compression.NONE,
                         "min_zoom": 0, "max_zoom": max_zoom, "min_lon_e7": -1800000000,
                         "min_lat_e7": -850000000, "max_lon_e7": 1800000000, "max_lat_e7": 850000000,
                         "center_zoom": 0, "center_lon_e7": 0, "center_lat_e7": 0},
                        {"name": "Test vector basemap", "attribution": "© Test Vector Survey",
                         "vector_layers": json.loads(METADATA_JSON)["vector_layers"]})
    return path
