"""Writing an output file whole or not at all (exports, snapshots, charts, slide pages). No Qt.

The writer gets a temporary file in the target's folder (same filesystem, same suffix, so a writer
that picks its format by suffix still works); only when it has finished, the file is complete
(non-empty, ending as its format must: PNG's IEND, PDF's %%EOF, SVG's </svg>) and fsynced is it
renamed over the target. A failed write (disk full, read-only folder, /dev/full) raises
`OutputError` and the previous file is untouched.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TRAILERS = {".png": b"IEND", ".pdf": b"%%EOF", ".svg": b"</svg>"}


class OutputError(OSError):
    """An output that could not be written; the message names the file and the reason."""


def target_of(path: str | os.PathLike) -> Path:
    """Where writing `path` really goes: through a symbolic link to its target. Refuses targets
    that are not regular files (a device such as /dev/full, a FIFO, a folder)."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise OutputError(f"Cannot write {path.name}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        raise OutputError(f"Cannot write {path.name}: it is not a regular file")
    return path


def _complete(tmp: Path, suffix: str) -> bool:
    size = tmp.stat().st_size
    if size == 0:
        return False
    trailer = TRAILERS.get(suffix.lower())
    if trailer is None:
        return True
    with open(tmp, "rb") as fh:
        fh.seek(max(0, size - 64))
        return trailer in fh.read()


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def replacing(path: str | os.PathLike, check_format: bool = True) -> Iterator[Path]:
    """`with replacing(out) as tmp: write tmp` — see the module docstring."""
    target = target_of(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=f".tmp{target.suffix}")
    except OSError as exc:
        raise OutputError(f"Cannot write {target.name}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if check_format and not _complete(tmp, target.suffix):
            raise OutputError(f"Could not write {target.name}: the file came out empty or cut short "
                              "(is the disk full?)")
        try:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            mode = stat.S_IMODE(os.stat(target).st_mode) if target.exists() else 0o644
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(f"Could not write {target.name}: {exc.strerror or exc}") from exc
        fsync_dir(directory)
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` atomically (for text outputs: BibTeX, RIS); returns the file written."""
    with replacing(path, check_format=False) as tmp:
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
        except OSError as exc:
            raise OutputError(f"Could not write {Path(path).name}: {exc.strerror or exc}") from exc
        if tmp.stat().st_size != len(data):
            raise OutputError(f"Could not write {Path(path).name}: the file came out cut short")
    return target_of(path)
