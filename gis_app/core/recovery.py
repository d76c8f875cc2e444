"""Crash recovery: every minute unsaved work goes to this session's recovery file; after a crash
the next start offers the files of every session that is gone. No Qt.

Each running atlas has a session: "<pid>-<start time>-<random>", so a reused PID never names
another session's file. Its recovery file is recovery-<session>.atlas.json, and it holds an
exclusive lock (flock) on recovery-<session>.lock for as long as it runs: the kernel drops the
lock when the process dies, however it dies, so "the owner is gone" is "the lock can be taken".
Files of gone sessions are kept until the user restores and saves them, or discards them.
"""

from __future__ import annotations

import fcntl
import os
import time
import uuid
from pathlib import Path

from . import paths

SUFFIX = ".atlas.json"
RECOVERY_PREFIX = "recovery-"
CORRUPT_SUFFIX = ".corrupt"
_SESSION = f"{os.getpid()}-{int(time.time())}-{uuid.uuid4().hex[:8]}"
_lock_fd: int | None = None


def session_id() -> str:
    return _SESSION


def recovery_path(pid: int | None = None) -> Path:
    """This session's recovery file; with `pid`, the name an older atlas gave that process's file."""
    name = str(pid) if pid else _SESSION
    return paths.state_dir() / f"{RECOVERY_PREFIX}{name}{SUFFIX}"


def _lock_path(session: str) -> Path:
    return paths.state_dir() / f"{RECOVERY_PREFIX}{session}.lock"


def _hold_lock() -> None:
    """Take this session's lock (once; kept until the process ends or its work is saved)."""
    global _lock_fd
    if _lock_fd is not None:
        return
    fd = os.open(_lock_path(_SESSION), os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise
    _lock_fd = fd


def _release_lock() -> None:
    global _lock_fd
    if _lock_fd is None:
        return
    try:
        _lock_path(_SESSION).unlink()
    except OSError:
        pass
    os.close(_lock_fd)
    _lock_fd = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _session_running(session: str, candidate: Path) -> bool:
    if session == _SESSION:
        return True
    if session.isdigit():  # an older atlas's file, named by PID alone
        pid = int(session)
        if not _alive(pid):
            return False
        try:  # a PID reused by a process started after the file was written is not its owner
            return os.stat(f"/proc/{pid}").st_mtime <= candidate.stat().st_mtime + 1
        except OSError:
            return True
    try:
        fd = os.open(_lock_path(session), os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return False  # no lock file: the owner is gone (or never locked)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True  # someone holds it: that session runs
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def orphaned_recoveries() -> list[Path]:
    """Recovery files of sessions that are gone (a crash), newest first."""
    found = []
    for candidate in paths.state_dir().glob(f"{RECOVERY_PREFIX}*{SUFFIX}"):
        session = candidate.name[len(RECOVERY_PREFIX):-len(SUFFIX)]
        if not _session_running(session, candidate):
            found.append(candidate)

    def mtime(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0
    return sorted(found, key=mtime, reverse=True)


def set_aside(path: Path) -> Path:
    """Rename an unreadable recovery file to <name>.corrupt (kept for the user, never offered again)."""
    target = path.with_name(path.name + CORRUPT_SUFFIX)
    os.replace(path, target)
    return target


def adopt_recovery(path: Path) -> Path:
    """Make a gone session's recovery file this session's own (restored work stays on disk, under
    this session's lock, until it is saved or discarded; a second crash offers it again)."""
    _hold_lock()
    target = recovery_path()
    if path != target:
        os.replace(path, target)
        lock = path.name[:-len(SUFFIX)] + ".lock"
        try:
            (path.parent / lock).unlink()
        except OSError:
            pass
    return target


def write_recovery(project, source: str | os.PathLike | None) -> Path:
    """Write `project` (a project.Project) to this session's recovery file; ProjectError if not."""
    from .project import Project, ProjectError, save

    rescue = Project(**{**project.__dict__, "recovery_of": str(source) if source else "",
                        "warnings": []})
    try:
        _hold_lock()
        target = recovery_path()
    except OSError as exc:  # the state folder cannot be made or written
        raise ProjectError(f"Could not write the recovery file: {exc.strerror or exc}",
                           ProjectError.UNREADABLE) from exc
    save(rescue, target)
    return target


def discard_recovery(path: Path | None = None) -> None:
    """Delete a recovery file (default: this session's, and its lock: its work is saved)."""
    own = path is None or path == recovery_path()
    try:
        (path or recovery_path()).unlink()
    except FileNotFoundError:
        pass
    if own:
        _release_lock()
    elif path is not None:
        try:
            (path.parent / (path.name[:-len(SUFFIX)] + ".lock")).unlink()
        except OSError:
            pass


def age_text(path: Path) -> str:
    """When a recovery file was written, local time, for the recovery question."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
