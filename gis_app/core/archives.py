"""Unpacking a .zip or .kmz the user imports, with limits: a zip bomb is refused. No Qt."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

MAX_MEMBERS = 2000
MAX_TOTAL = 1024 * 1024 * 1024      # 1 GiB unpacked at most
MAX_RATIO = 200                     # unpacked / packed, per member and overall
PREFERRED = (".shp", ".gpkg", ".geojson", ".json", ".kml", ".gpx", ".fgb", ".csv", ".xlsx")


class ArchiveError(ValueError):
    pass


def _check(archive: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ArchiveError(f"{name}: {len(members)} files in the archive, over the limit of {MAX_MEMBERS}")
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if total > MAX_TOTAL:
        raise ArchiveError(f"{name}: would unpack to {total // 2**20} MiB, over the limit of "
                             f"{MAX_TOTAL // 2**20} MiB")
    for m in members:
        if m.file_size > 1_000_000 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise ArchiveError(f"{name}: '{m.filename}' is compressed {ratio} times: refused as a zip bomb")
    if total > 1_000_000 and total > MAX_RATIO * packed:
        raise ArchiveError(f"{name}: compressed {total // packed} times: refused as a zip bomb")
    return members


@contextlib.contextmanager
def unpack(path: Path) -> Iterator[Path]:
    """The archive's files in a temporary folder (removed afterwards). Members are written with
    their size counted, so a header that lies about the size cannot fill the disk."""
    from .importers import RefusedError
    folder = Path(tempfile.mkdtemp(prefix="atlas-import-"))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                for member in _check(archive, path.name):
                    parts = PurePosixPath(member.filename.replace("\\", "/")).parts
                    if member.is_dir() or not parts or any(p in ("..", "") for p in parts) \
                            or parts[0].startswith("/"):
                        continue
                    target = folder.joinpath(*parts)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    written = 0
                    with archive.open(member) as src, open(target, "wb") as dst:
                        while chunk := src.read(1 << 20):
                            written += len(chunk)
                            if written > member.file_size or written > MAX_TOTAL:
                                raise ArchiveError(f"{path.name}: '{member.filename}' unpacks to more "
                                                     f"than it says: refused")
                            dst.write(chunk)
        except ArchiveError as exc:
            raise RefusedError(str(exc)) from exc
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, ValueError) as exc:
            raise RefusedError(f"{path.name}: not a readable zip archive or damaged ({exc})") from exc
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main_file(folder: Path, kml: bool = False) -> Path | None:
    """The file to import from an unpacked archive (a shapefile in a sub-folder is found too)."""
    files = sorted((p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")
                    and "__MACOSX" not in p.parts), key=lambda p: (len(p.parts), str(p)))
    order = (".kml",) if kml else PREFERRED
    for suffix in order:
        for p in files:
            if p.suffix.lower() == suffix:
                return p
    return None
