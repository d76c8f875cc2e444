"""Vector tiles (Mapbox Vector Tile, protobuf) as far as the atlas needs them in Python. No Qt.

The page draws them (resources/web/basemap_vector.js with the vendored protomaps-leaflet); Python
only unpacks each tile (gzip or zlib, bounded: a "zip bomb" stops at MAX_UNPACKED bytes), checks
its structure (the tile's and its layers' fields inside their messages, at most MAX_FEATURES features)
so a damaged or hostile tile is refused before the page sees it, and reads the layer names to
recognise the schema (OpenMapTiles, Shortbread, Protomaps basemap) for the default style.
"""

from __future__ import annotations

import zlib

# Bounds on one tile, so a hostile one cannot stall the page (the page draws ~1 MiB of dense lines a
# second): a dense OpenMapTiles or Protomaps tile is well under 1 MiB unpacked, 20 000 features.
MAX_UNPACKED = 2 * 1024 * 1024   # bytes of one unpacked tile
MAX_FEATURES = 30_000            # in one tile

# layer names that identify a schema (any two of them present)
SCHEMAS: dict[str, frozenset[str]] = {
    "openmaptiles": frozenset({"water", "landcover", "landuse", "boundary", "transportation",
                               "transportation_name", "place", "waterway", "water_name",
                               "mountain_peak", "aeroway", "park", "housenumber"}),
    "shortbread": frozenset({"ocean", "water_polygons", "water_lines", "land", "sites", "boundaries",
                             "boundary_labels", "streets", "street_labels", "place_labels",
                             "water_polygons_labels", "water_lines_labels", "street_polygons"}),
    "protomaps": frozenset({"earth", "water", "landuse", "landcover", "natural", "roads", "transit",
                            "boundaries", "places", "pois", "buildings"}),
}
# names only one schema uses: they decide between schemas sharing "water", "landuse", ...
_DECIDING = {"openmaptiles": {"transportation", "place", "boundary", "waterway", "water_name"},
             "shortbread": {"streets", "place_labels", "water_polygons", "ocean", "boundaries"},
             "protomaps": {"earth", "roads", "places"}}


class TileError(ValueError):
    """A tile that is not a readable vector tile; str() says why (English, for a log)."""


def unpack(data: bytes) -> bytes:
    """The tile's protobuf bytes: gzip or zlib unpacked (at most MAX_UNPACKED bytes), raw as is."""
    if data[:2] == b"\x1f\x8b" or (len(data) > 1 and data[0] == 0x78 and (data[0] * 256 + data[1]) % 31 == 0):
        unpacker = zlib.decompressobj(47)  # gzip or zlib header
        try:
            out = unpacker.decompress(data, MAX_UNPACKED + 1)
        except zlib.error as exc:
            raise TileError(f"the compressed tile does not unpack ({exc})") from exc
        if len(out) > MAX_UNPACKED or unpacker.unconsumed_tail:
            raise TileError(f"the tile unpacks to more than {MAX_UNPACKED // 1024 // 1024} MiB")
        if not unpacker.eof:
            raise TileError("the compressed tile is cut short")
        return out
    if len(data) > MAX_UNPACKED:
        raise TileError(f"the tile is larger than {MAX_UNPACKED // 1024 // 1024} MiB")
    return data


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if i >= len(buf) or shift > 63:
            raise TileError("a number runs past the end of the tile")
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def _fields(buf: bytes, start: int = 0, end: int | None = None):
    """(field number, wire type, value or (start, end) of a length-delimited field), checked."""
    i, end = start, len(buf) if end is None else end
    while i < end:
        key, i = _varint(buf, i)
        field, wire = key >> 3, key & 7
        if field == 0:
            raise TileError("a field numbered 0")
        if wire == 0:
            value, i = _varint(buf, i)
            yield field, wire, value
        elif wire == 2:
            length, i = _varint(buf, i)
            if i + length > end:
                raise TileError("a field runs past the end of its message")
            yield field, wire, (i, i + length)
            i += length
        elif wire in (1, 5):
            i += 8 if wire == 1 else 4
            if i > end:
                raise TileError("a number runs past the end of its message")
            yield field, wire, None
        else:
            raise TileError(f"wire type {wire} is not used by vector tiles")


def layer_names(tile: bytes) -> list[str]:
    """The names of the layers in an unpacked tile; TileError if its structure (tile and layers:
    every field inside its message) is damaged or it holds more than MAX_FEATURES features."""
    names: list[str] = []
    features = 0
    for field, wire, span in _fields(tile):
        if field != 3 or wire != 2:
            if field == 3:
                raise TileError("a layer that is not a message")
            continue          # an extension field: allowed by the specification
        name = ""
        for lfield, lwire, lspan in _fields(tile, *span):
            if lfield == 1 and lwire == 2:
                try:
                    name = tile[lspan[0]:lspan[1]].decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise TileError("a layer name that is not UTF-8") from exc
            elif lfield == 2:
                features += 1     # its inside is the page's to read (a bad one: that tile blank)
                if features > MAX_FEATURES:
                    raise TileError(f"more than {MAX_FEATURES} features in one tile")
        if not name:
            raise TileError("a layer without a name")
        names.append(name[:200])
    return names


def check(data: bytes) -> bytes:
    """The tile unpacked and checked (what the page is given); TileError if it cannot be used."""
    tile = unpack(data)
    layer_names(tile)
    return tile


def schema(names) -> str:
    """"openmaptiles", "shortbread", "protomaps" or "" (not recognised) from the layer names."""
    names = set(names)
    best, score = "", 0
    for key, known in SCHEMAS.items():
        hits = len(names & known) + 2 * len(names & _DECIDING[key])
        if len(names & known) >= 2 and hits > score:
            best, score = key, hits
    return best
