"""A user's own basemap: a tile archive (MBTiles or PMTiles), raster or vector, read tile by tile.
No Qt. Vector tiles (MVT, gzip or not) are unpacked and checked here (core/mvt.py: bounded size, a
damaged tile refused and counted in `broken`) and drawn by the page (resources/web/basemap_vector.js).

MBTiles is SQLite (read with sqlite3, read-only and immutable, each query stopped after a few
seconds so a hostile schema cannot hang the app); PMTiles is read with the `pmtiles` package's
reader over positioned reads of the file (no mmap: a file cut short under us must give an error,
not a crash). What the file is comes from its first bytes, not its name.

The gate's rules (core/safe_io.py) hold: a regular file only (a folder, FIFO or device is
refused), a size limit, and every refusal is an `UnsafeFileError` (kind, file, English detail) that
the interface says in the user's language; a file that reads but is no usable archive is an
`ArchiveError` with its reason. A refused file changes nothing.
"""

from __future__ import annotations

import errno
import gzip
import html.parser
import json
import os
import sqlite3
import stat
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from . import mvt, safe_io
from .safe_io import NOT_FOUND, NOT_REGULAR, SYNTAX, TOO_LARGE, UNREADABLE, UnsafeFileError

MAX_ARCHIVE = 16 * 1024 ** 3     # bytes: a country at street level fits; anything bigger is not ours
MAX_TILE = 8 * safe_io.MB        # one tile (a 512 px PNG is well under 1 MiB)
MAX_DIRECTORY = 32 * safe_io.MB  # a PMTiles directory, compressed or not
MAX_TEXT = 4096                  # a metadata value shown to the user
QUERY_SECONDS = 3.0              # opening: the metadata and a first tile
TILE_SECONDS = 0.5               # one tile (a file without the usual index: an empty square, not a hang)
MAX_ZOOM = 24
SUFFIXES = (".mbtiles", ".pmtiles")

MIME = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
        "avif": "image/avif", "pbf": "application/x-protobuf"}
_PMTILES_TYPES = {1: "pbf", 2: "png", 3: "jpg", 4: "webp", 5: "avif"}  # 1 is MVT (vector)
_MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff"}


class ArchiveError(ValueError):
    """A file that reads but is not a tile archive the atlas can show; `reason` is one of
    "not-archive", "compression", "format", "empty", "damaged"; str() is an English sentence."""

    def __init__(self, reason: str, path: str | os.PathLike, detail: str = ""):
        self.reason, self.path, self.detail = reason, Path(path), detail
        super().__init__(f"{self.path.name}: {reason}" + (f" ({detail})" if detail else ""))


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(value) -> str:
    """A metadata value as plain text: markup (an MBTiles attribution is often an HTML link)
    dropped, its text kept, whitespace folded, at most MAX_TEXT characters."""
    if value is None:
        return ""
    parser = _Text()
    parser.feed(str(value)[: MAX_TEXT * 4])
    parser.close()
    return " ".join("".join(parser.parts).split())[:MAX_TEXT]


def _regular(path: Path) -> int:
    """Open a regular file of at most MAX_ARCHIVE bytes (never blocking on a FIFO); its fd."""
    try:
        info = os.stat(path)
    except OSError as exc:
        kind = NOT_FOUND if exc.errno == errno.ENOENT else NOT_REGULAR if exc.errno == errno.ELOOP \
            else UNREADABLE
        raise UnsafeFileError(kind, path, exc.strerror or "") from exc
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError(NOT_REGULAR, path, "a folder, device or pipe")
    if info.st_size > MAX_ARCHIVE:
        raise UnsafeFileError(TOO_LARGE, path, f"over the limit of {MAX_ARCHIVE // 1024 ** 3} GiB")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnsafeFileError(UNREADABLE, path, exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafeFileError(NOT_REGULAR, path, "a folder, device or pipe")
    return fd


def _image_format(data: bytes) -> str:
    if data.startswith(_MAGIC["png"]):
        return "png"
    if data.startswith(_MAGIC["jpg"]):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "avif"
    return ""


@dataclass
class TileArchive:
    path: Path
    kind: str                       # "mbtiles" | "pmtiles"
    format: str                     # png | jpg | webp | avif | pbf (vector tiles)
    name: str = ""
    attribution: str = ""
    minzoom: int = 0
    maxzoom: int = MAX_ZOOM
    bounds: tuple[float, float, float, float] | None = None   # W, S, E, N
    layers: tuple[str, ...] = ()    # vector tiles: the layers' names (metadata, else the first tile)
    schema: str = ""                # vector tiles: "openmaptiles" | "shortbread" | "protomaps" | ""
    broken: int = 0                 # vector tiles refused as damaged so far (drawn as empty squares)
    _read: object = field(default=None, repr=False)
    _close: object = field(default=None, repr=False)

    @property
    def mime(self) -> str:
        return MIME[self.format]

    @property
    def vector(self) -> bool:
        return self.format == "pbf"

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's bytes (XYZ numbering, y down), None where the archive has none. A damaged
        part of the file gives None too (an empty square), never an exception."""
        if not (0 <= z <= MAX_ZOOM and 0 <= x < (1 << z) and 0 <= y < (1 << z)):
            return None
        try:
            data = self._read(z, x, y)
        except (sqlite3.Error, OSError, ValueError, EOFError, zlib.error, gzip.BadGzipFile,
                IndexError, KeyError, TypeError, OverflowError, MemoryError):
            return None
        if not data or len(data) > MAX_TILE:
            return None
        if not self.vector:
            return bytes(data)
        try:
            return mvt.check(bytes(data))   # unpacked: the page is given plain protobuf
        except mvt.TileError:
            self.broken += 1
            return None

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None


def _bounds(value) -> tuple[float, float, float, float] | None:
    try:
        w, s, e, n = (float(v) for v in (value.split(",") if isinstance(value, str) else value))
    except (TypeError, ValueError, AttributeError):
        return None
    if -180 <= w < e <= 180 and -90 <= s < n <= 90:
        return (w, s, e, n)
    return None


def _zoom(value, default: int) -> int:
    try:
        z = int(float(value))
    except (TypeError, ValueError):
        return default
    return max(0, min(MAX_ZOOM, z))


def _mbtiles(path: Path) -> TileArchive:
    uri = "file:" + quote(str(path.absolute())) + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise UnsafeFileError(UNREADABLE, path, str(exc)) from exc
    deadline = [0.0]
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline[0]), 10_000)

    def query(sql: str, args=(), seconds: float = QUERY_SECONDS):
        deadline[0] = time.monotonic() + seconds
        return conn.execute(sql, args)

    try:
        meta = {}
        for name, value in query("SELECT name, value FROM metadata LIMIT 1000"):
            if isinstance(name, str):
                meta[name.lower()] = value
        first = query("SELECT tile_data FROM tiles LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ArchiveError("damaged", path, str(exc)) from exc
    fmt = str(meta.get("format") or "").lower()
    if first is None or not isinstance(first[0], bytes):
        conn.close()
        raise ArchiveError("empty", path, "no tiles")
    found = _image_format(first[0])
    layers: list[str] = []
    if not found and (fmt in ("pbf", "mvt") or (not fmt and first[0][:1] in (b"\x1f", b"\x1a", b"\x78"))):
        try:
            in_tile = mvt.layer_names(mvt.unpack(first[0]))      # the first tile must read
            layers = _vector_layers(meta.get("json")) or in_tile
        except mvt.TileError as exc:
            conn.close()
            raise ArchiveError("damaged", path, f"its first vector tile does not read ({exc})") from exc
        found = "pbf"
    if not found:
        conn.close()
        raise ArchiveError("format", path, "the tiles are neither images nor vector tiles")

    def read(z, x, y):
        row = query("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                    (z, x, (1 << z) - 1 - y), TILE_SECONDS).fetchone()  # rows count from the south (TMS)
        return row[0] if row and isinstance(row[0], bytes) else None

    return TileArchive(path, "mbtiles", found, name=plain_text(meta.get("name")),
                       attribution=plain_text(meta.get("attribution")),
                       minzoom=_zoom(meta.get("minzoom"), 0), maxzoom=_zoom(meta.get("maxzoom"), MAX_ZOOM),
                       bounds=_bounds(meta.get("bounds")), layers=tuple(layers), schema=mvt.schema(layers),
                       _read=read, _close=conn.close)


def _vector_layers(value) -> list[str]:
    """The layer ids in a TileJSON-like `vector_layers` (MBTiles' metadata "json", PMTiles' metadata)."""
    if isinstance(value, (str, bytes)):
        try:
            value = json.loads(value[: MAX_DIRECTORY])
        except (ValueError, RecursionError):
            return []
    layers = value.get("vector_layers") if isinstance(value, dict) else None
    if not isinstance(layers, list):
        return []
    return [str(v["id"])[:200] for v in layers[:1000] if isinstance(v, dict) and isinstance(v.get("id"), str)]


def _pmtiles(path: Path, fd: int) -> TileArchive:
    from pmtiles.reader import Reader
    from pmtiles.tile import Compression

    size = os.fstat(fd).st_size
    header_box: dict = {}

    def get_bytes(offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > size:
            raise ValueError("a read beyond the end of the file")
        if length > max(MAX_TILE, MAX_DIRECTORY):
            raise ValueError("a read larger than any tile or directory")
        data = os.pread(fd, length, offset)
        if len(data) != length:
            raise ValueError("the file is shorter than its header says")
        h = header_box.get("h")
        if h is not None and (h["root_offset"] <= offset < h["root_offset"] + h["root_length"]
                              or h["leaf_directory_offset"] <= offset
                              < h["leaf_directory_offset"] + h["leaf_directory_length"]):
            # a directory: its gzip must not unpack into more than MAX_DIRECTORY bytes
            unpack = zlib.decompressobj(31)
            unpack.decompress(data, MAX_DIRECTORY)
            if unpack.unconsumed_tail:
                raise ValueError("a directory that unpacks too large")
        return data

    reader = Reader(get_bytes)
    try:
        header = reader.header()
    except Exception as exc:  # noqa: BLE001 - the package raises its own classes and plain ones
        raise ArchiveError("damaged", path, f"its header does not read ({type(exc).__name__})") from exc
    header_box["h"] = header
    tile_type = int(getattr(header.get("tile_type"), "value", header.get("tile_type")) or 0)
    if tile_type not in _PMTILES_TYPES:
        raise ArchiveError("format", path, f"tile type {tile_type}")
    if header.get("internal_compression") not in (Compression.GZIP, Compression.GZIP.value):
        raise ArchiveError("damaged", path, "its directories are not gzip-compressed")
    meta: dict = {}
    try:
        raw = reader.metadata()
        meta = raw if isinstance(raw, dict) else {}
    except (ValueError, OSError, EOFError, zlib.error, gzip.BadGzipFile, json.JSONDecodeError):
        meta = {}
    if tile_type == 1 and int(getattr(header.get("tile_compression"), "value",
                                      header.get("tile_compression")) or 0) not in (0, 1, 2):
        raise ArchiveError("compression", path, "vector tiles compressed other than by gzip")
    w, s = header.get("min_lon_e7", 0) / 1e7, header.get("min_lat_e7", 0) / 1e7
    e, n = header.get("max_lon_e7", 0) / 1e7, header.get("max_lat_e7", 0) / 1e7
    archive = TileArchive(path, "pmtiles", _PMTILES_TYPES[tile_type], name=plain_text(meta.get("name")),
                          attribution=plain_text(meta.get("attribution")),
                          minzoom=_zoom(header.get("min_zoom"), 0),
                          maxzoom=_zoom(header.get("max_zoom"), MAX_ZOOM),
                          bounds=_bounds((w, s, e, n)), _read=lambda z, x, y: reader.get(z, x, y),
                          _close=lambda: os.close(fd))
    z = archive.minzoom
    try:  # one tile must read as an image, or the file is no use
        probe = next((reader.get(z, x, y) for x in range(min(4, 1 << z)) for y in range(min(4, 1 << z))
                      if reader.get(z, x, y)), None)
    except Exception as exc:  # noqa: BLE001
        raise ArchiveError("damaged", path, f"its directory does not read ({type(exc).__name__})") from exc
    if archive.vector:
        try:
            in_tile = mvt.layer_names(mvt.unpack(bytes(probe))) if probe else []
            layers = _vector_layers(meta) or in_tile
        except mvt.TileError as exc:
            raise ArchiveError("damaged", path, f"its first vector tile does not read ({exc})") from exc
        archive.layers, archive.schema = tuple(layers), mvt.schema(layers)
    elif probe is not None and not _image_format(bytes(probe)):
        raise ArchiveError("format", path, "the tiles are not PNG, JPEG, WebP or AVIF images")
    return archive


def open_archive(path: str | os.PathLike) -> TileArchive:
    """The archive at `path`, ready to serve tiles; UnsafeFileError or ArchiveError otherwise."""
    path = Path(path)
    fd = _regular(path)
    try:
        head = os.pread(fd, 16, 0)
    except OSError as exc:
        os.close(fd)
        raise UnsafeFileError(UNREADABLE, path, exc.strerror or str(exc)) from exc
    if head.startswith(b"PMTiles"):
        try:
            return _pmtiles(path, fd)
        except BaseException:
            os.close(fd)
            raise
    os.close(fd)
    if head.startswith(b"SQLite format 3\x00"):
        return _mbtiles(path)
    if not head:
        raise UnsafeFileError(SYNTAX, path, "an empty file")
    raise ArchiveError("not-archive", path, "neither MBTiles (SQLite) nor PMTiles")
