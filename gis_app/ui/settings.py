"""The user's settings, declared once: each key with its type, its default and how a stored value is
read back. Two backends: QSettings (the user's file) and memory (tests, and windows that must not
remember anything). A schema version with migrations keeps the values users already have.

    settings = open_settings()                 # the user's QSettings, migrated
    settings.get(LANGUAGE)                     # "kk" | "ru" | "en" | None (never chosen)
    settings.set(CITATION_STYLE, "gost")       # a bad value raises ValueError, nothing is stored
    settings.last_folder("export")             # where the last export went ("" at first)
    Settings(MemoryBackend())                  # for tests: nothing touches the disk

A stored value that cannot be read as its key's type (a hand-edited file, an older atlas) reads as
the default: a setting never stops the atlas from starting.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from gis_app.core import citations, safe_io
from gis_app.core.i18n import LANGUAGES

log = logging.getLogger(__name__)
T = TypeVar("T")

ORGANIZATION, APPLICATION = "CentralAsiaSecurityAtlas", "gis-app"
SCHEMA_VERSION = 1
FOLDER_KINDS = ("export", "project", "import", "slides")  # the file dialogs' remembered folders


# --- how values are stored -------------------------------------------------------------------------
def _text(raw: Any) -> str:
    if isinstance(raw, str):
        return raw
    raise TypeError(f"not text: {raw!r}")


def _text_list(raw: Any) -> list[str]:
    # QSettings' INI files give a one-element list back as a plain string, and none as None.
    if raw is None or raw == "":
        return []
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list | tuple) and all(isinstance(v, str) for v in raw):
        return list(raw)
    raise TypeError(f"not a list of texts: {raw!r}")


def _blob(raw: Any) -> bytes:
    if isinstance(raw, bytes | bytearray):
        return bytes(raw)
    data = getattr(raw, "data", None)  # QByteArray
    if callable(data):
        return bytes(data())
    raise TypeError(f"not bytes: {raw!r}")


def _json_object(raw: Any) -> dict:
    # through the file gate's parser: a hand-edited file cannot nest or grow numbers without bound
    value = safe_io.parse_json(raw, "settings").value if isinstance(raw, str) else raw
    if not isinstance(value, dict):
        raise TypeError(f"not a JSON object: {raw!r}")
    return value


def _integer(raw: Any) -> int:
    if isinstance(raw, bool):
        raise TypeError("a boolean is not a number")
    return int(raw)  # INI files give numbers back as text


@dataclass(frozen=True)
class Key(Generic[T]):
    """One setting: its name in the file, what it holds, its default and which values are allowed."""

    name: str
    doc: str
    default: T
    read: Callable[[Any], T] = _text
    write: Callable[[T], Any] = lambda value: value
    choices: tuple = field(default=())

    def parse(self, raw: Any) -> T:
        """The stored value as this key's type; raises TypeError/ValueError if it is not one."""
        value = self.read(raw)
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name}: {value!r} is not one of {', '.join(map(str, self.choices))}")
        return value


# --- every key the atlas keeps ------------------------------------------------------------------------
SCHEMA = Key("settings/schema_version", "version of this file's layout (0: before it had one)", 0,
             read=_integer)
LANGUAGE: Key[str | None] = Key("ui/language", "interface language chosen in View > Language", None,
                                choices=LANGUAGES)
CITATION_STYLE = Key("citations/style", "citation style of the Info and Sources panels",
                     citations.DEFAULT_STYLE, choices=tuple(citations.STYLES))
RECENT_PROJECTS: Key[list[str]] = Key("project/recent", "File > Open recent, newest first", [],
                                      read=_text_list, write=list)
WINDOW_GEOMETRY: Key[bytes | None] = Key("window/geometry", "QMainWindow.saveGeometry()", None, read=_blob)
WINDOW_STATE: Key[bytes | None] = Key("window/state", "QMainWindow.saveState(): docks and toolbars",
                                      None, read=_blob)
MAP_STATE: Key[dict | None] = Key("map/state", "the last map (MapState.to_dict()): layers, view, time",
                                  None, read=_json_object,
                                  write=lambda value: json.dumps(value, ensure_ascii=False))
TEAM_FIELDS = ("host", "port", "dbname", "user", "service")


def _team_connection(raw: Any) -> dict:
    """The last team workspace connected to: host, port, database, user, service name - and
    nothing else. A password is never kept here: any other key is refused."""
    value = _json_object(raw)
    extra = set(value) - set(TEAM_FIELDS)
    if extra:
        raise ValueError(f"team/connection keeps only {', '.join(TEAM_FIELDS)}, "
                         f"not {', '.join(sorted(extra))}")
    out = {k: str(value.get(k) or "") for k in TEAM_FIELDS if k != "port"}
    port = value.get("port") or 0   # 0: a service file's (or libpq's) port
    out["port"] = _integer(port)
    if not 0 <= out["port"] < 65536:
        raise ValueError(f"team/connection: port {port!r} is out of range")
    return out


TEAM_CONNECTION: Key[dict | None] = Key("team/connection", "File > Connect to team workspace: the last host, "
                                        "port, database, user and service (never a password)", None,
                                        read=_team_connection,
                                        write=lambda value: json.dumps(value, ensure_ascii=False))
LAST_FOLDERS: dict[str, Key[str]] = {
    kind: Key(f"folders/{kind}", f"the folder of the last {kind} file dialog", "") for kind in FOLDER_KINDS}

KEYS: tuple[Key, ...] = (SCHEMA, LANGUAGE, CITATION_STYLE, RECENT_PROJECTS, WINDOW_GEOMETRY, WINDOW_STATE,
                         MAP_STATE, TEAM_CONNECTION, *LAST_FOLDERS.values())
MAX_RECENT = 8


# --- backends -------------------------------------------------------------------------------------------
class MemoryBackend:
    """Settings held in a dict: for tests and for windows that must not remember anything."""

    def __init__(self, values: dict[str, Any] | None = None):
        self.values: dict[str, Any] = dict(values or {})

    def value(self, name: str) -> Any:
        return self.values.get(name)

    def set_value(self, name: str, raw: Any) -> None:
        self.values[name] = raw

    def remove(self, name: str) -> None:
        self.values.pop(name, None)

    def names(self) -> list[str]:
        return list(self.values)

    def sync(self) -> None:
        pass


class QSettingsBackend:
    """The user's settings file, through QSettings (~/.config/CentralAsiaSecurityAtlas/gis-app.conf)."""

    def __init__(self, qsettings=None):
        if qsettings is None:
            from PySide6.QtCore import QSettings

            qsettings = QSettings(ORGANIZATION, APPLICATION)
        self.qsettings = qsettings

    def value(self, name: str) -> Any:
        return self.qsettings.value(name)

    def set_value(self, name: str, raw: Any) -> None:
        self.qsettings.setValue(name, raw)

    def remove(self, name: str) -> None:
        self.qsettings.remove(name)

    def names(self) -> list[str]:
        return list(self.qsettings.allKeys())

    def sync(self) -> None:
        self.qsettings.sync()


# --- migrations: version n -> n + 1 ----------------------------------------------------------------------
def _v0_to_v1(backend) -> None:
    """Before the schema: the same key names, loosely typed. Keep every readable value, in its
    typed form; drop what no atlas could read (it was ignored with a warning on every start)."""
    for key in (LANGUAGE, CITATION_STYLE, RECENT_PROJECTS, MAP_STATE, WINDOW_GEOMETRY, WINDOW_STATE):
        raw = backend.value(key.name)
        if raw is None:
            continue
        try:
            backend.set_value(key.name, key.write(key.parse(raw)))
        except (TypeError, ValueError) as exc:
            log.warning("settings: dropping unreadable %s (%s)", key.name, exc)
            backend.remove(key.name)


MIGRATIONS: dict[int, Callable] = {0: _v0_to_v1}


class NewerSettingsError(RuntimeError):
    pass


class Settings:
    """Typed access to one backend. Built on a backend, it brings the stored values to SCHEMA_VERSION."""

    def __init__(self, backend=None):
        self.backend = backend if backend is not None else MemoryBackend()
        self.migrate()

    def migrate(self) -> list[int]:
        """Run the migrations the stored values need; returns the versions migrated from. A file
        from a newer atlas is left as it is (its keys still read, with defaults where needed)."""
        version = self.get(SCHEMA)
        if version == 0 and not self.backend.names():
            self.set(SCHEMA, SCHEMA_VERSION)  # a new, empty file: nothing to migrate
            return []
        done = []
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](self.backend)
            done.append(version)
            version += 1
            self.set(SCHEMA, version)
        if done:
            self.backend.sync()
        return done

    def get(self, key: Key[T]) -> T:
        raw = self.backend.value(key.name)
        if raw is None:
            return _copy(key.default)
        try:
            return key.parse(raw)
        except (TypeError, ValueError) as exc:
            log.warning("settings: ignoring %s (%s)", key.name, exc)
            return _copy(key.default)

    def set(self, key: Key[T], value: T) -> None:
        """Store `value`; one the key does not accept raises ValueError and changes nothing."""
        if value is None:
            self.backend.remove(key.name)
            return
        raw = key.write(value)
        try:
            key.parse(raw)
        except TypeError as exc:
            raise ValueError(f"{key.name}: {exc}") from exc
        self.backend.set_value(key.name, raw)

    def reset(self, key: Key) -> None:
        self.backend.remove(key.name)

    def sync(self) -> None:
        self.backend.sync()

    # --- conveniences over the keys ---------------------------------------------------------------
    def last_folder(self, kind: str) -> str:
        return self.get(_folder_key(kind))

    def set_last_folder(self, kind: str, folder: str) -> None:
        self.set(_folder_key(kind), str(folder))

    def add_recent_project(self, path: str) -> list[str]:
        """`path` first in the recent projects (once), at most MAX_RECENT; returns the new list."""
        entries = [path] + [p for p in self.get(RECENT_PROJECTS) if p != path]
        self.set(RECENT_PROJECTS, entries[:MAX_RECENT])
        return entries[:MAX_RECENT]


def _folder_key(kind: str) -> Key[str]:
    if kind not in LAST_FOLDERS:
        raise ValueError(f"unknown file dialog kind {kind!r}; expected one of {', '.join(FOLDER_KINDS)}")
    return LAST_FOLDERS[kind]


def _copy(value):
    return list(value) if isinstance(value, list) else value


def open_settings(qsettings=None) -> Settings:
    """The user's settings (QSettings), migrated to the current schema."""
    return Settings(QSettingsBackend(qsettings))


def wrap(settings) -> Settings | None:
    """A Settings for what callers hold during the move to typed settings: a Settings, a raw
    QSettings (wrapped), or None (no settings: nothing is remembered)."""
    if settings is None or isinstance(settings, Settings):
        return settings
    return Settings(QSettingsBackend(settings))
