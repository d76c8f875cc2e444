"""Coordinate systems of imported data: read, asked for when missing, reprojected to WGS 84 with
pyproj (through geopandas), and the result checked to fall where it plausibly should. No Qt."""

from __future__ import annotations

from pathlib import Path

from .questions import Question

# The systems used in the region, offered when a file has no CRS and is not in degrees.
UTM = [(f"EPSG:{32600 + z}", f"WGS 84 / UTM zone {z}N") for z in range(38, 47)]
GAUSS_KRUGER = [(f"EPSG:{28400 + z}", f"Pulkovo 1942 / Gauss-Krüger zone {z}") for z in range(8, 16)]
CHOICES = UTM + GAUSS_KRUGER
# Central Asia and its neighbours, generously: a guessed system must put the data in here.
PLAUSIBLE = (25.0, 15.0, 120.0, 65.0)   # west, south, east, north


class CrsQuestion(Question):
    """The file has no coordinate system and its numbers are not degrees: ask which."""

    def __init__(self, bounds: tuple[float, float, float, float], suggested: str = ""):
        super().__init__("the file has no coordinate system and its coordinates are not degrees")
        self.bounds, self.suggested, self.choices = bounds, suggested, list(CHOICES)


def _degrees(bounds) -> bool:
    w, s, e, n = bounds
    return -180 <= w <= e <= 180 and -90 <= s <= n <= 90


def suggest(bounds) -> str:
    """A Gauss-Krüger zone read from the false easting's prefix (zone * 1 000 000 + 500 000)."""
    zone = int(bounds[0] // 1_000_000)
    if 8 <= zone <= 15 and int(bounds[2] // 1_000_000) == zone:
        return f"EPSG:{28400 + zone}"
    return ""


def name_of(crs) -> str:
    epsg = crs.to_epsg(min_confidence=70)
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name


def to_wgs84(frame, path: Path, chosen: str | None):
    """(frame in EPSG:4326, the source CRS's name, notes). Raises CrsQuestion or RefusedError."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    from .importers import RefusedError
    notes: list[str] = []
    bounds = tuple(float(v) for v in frame.total_bounds)
    guessed = False
    if chosen:
        try:
            crs = CRS.from_user_input(chosen)
        except CRSError as exc:
            raise RefusedError(f"'{chosen}' is not a coordinate system pyproj knows") from exc
        frame = frame.set_crs(crs, allow_override=True)
        guessed = True
    elif frame.crs is None:
        if not _degrees(bounds):
            raise CrsQuestion(bounds, suggest(bounds))
        frame = frame.set_crs("EPSG:4326")
        notes.append("no coordinate system in the file: read as longitude/latitude (WGS 84)")
    source = name_of(frame.crs)
    try:
        out = frame.to_crs("EPSG:4326") if frame.crs.to_epsg() != 4326 else frame
    except Exception as exc:  # noqa: BLE001 (pyproj raises several kinds)
        raise RefusedError(f"{path.name}: cannot convert from {source} to WGS 84 ({exc})") from exc
    result = tuple(float(v) for v in out.total_bounds)
    if not all(abs(v) < 1e9 for v in result) or not _degrees(result):
        raise RefusedError(f"{path.name}: coordinates out of range after conversion to longitude/latitude "
                            f"({', '.join(f'{v:.4g}' for v in result)}): the coordinate system is wrong "
                            "or the data is damaged")
    w, s, e, n = PLAUSIBLE
    if guessed and not (w <= result[0] and result[2] <= e and s <= result[1] and result[3] <= n):
        where = f"{result[1]:.2f}–{result[3]:.2f}° N, {result[0]:.2f}–{result[2]:.2f}° E"
        raise RefusedError(f"{path.name}: with {source} the data would lie at {where}, outside "
                                 "Central Asia and its neighbours: choose another coordinate system")
    return out, source, notes
