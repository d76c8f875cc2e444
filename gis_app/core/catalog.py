"""The layer catalog: one TOML definition per layer in layers/, loaded into plain objects.

Loading never stops at a bad file: the file is skipped and the problem recorded, so one broken
definition costs one layer, not the app.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import paths, safe_io
from .catalog_schema import GEOMETRIES, STYLE_KEYS, check_definition
from .i18n import pick

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
USER_GROUP = "user"  # the user's imported layers ("My layers"), built from the document
USER_GROUP_TITLE = {"en": "My layers", "ru": "Мои слои", "kk": "Менің қабаттарым"}


@dataclass(frozen=True)
class PopupField:
    field: str
    label: dict[str, str]
    shows: str = "text"   # "text" (translated: field, field_ru, field_kk) | "country" | "verbatim"


@dataclass(frozen=True)
class Group:
    id: str
    title: dict[str, str]


@dataclass(frozen=True)
class LayerDef:
    id: str
    group: str
    order: int
    visible: bool
    geometry: str
    data: Path
    as_of: str
    accuracy: str
    citations: tuple[str, ...]
    attribution: tuple[str, ...]
    title: dict[str, str]
    description: dict[str, str]
    style: dict
    popup: tuple[PopupField, ...] = ()
    interactive: bool = True
    label_field: str = ""
    min_zoom: int = 0
    extent: tuple[float, float, float, float] | None = None  # W, S, E, N the data must lie in
    time_field: str = ""      # property dating a feature (its first 4 characters are the year)
    time_end_field: str = ""  # optional property ending the feature's time span
    source: Path | None = None
    name_field: str = ""      # a user layer's property naming its features (search, Info)

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang) or self.id

    def description_in(self, lang: str) -> str:
        return pick(self.description, lang)


@dataclass
class Catalog:
    groups: list[Group]
    layers: list[LayerDef]
    problems: list[str] = field(default_factory=list)
    folder: Path | None = None  # the layers/ folder, which also holds the evidence files

    def layer(self, layer_id: str) -> LayerDef:
        for layer in self.layers:
            if layer.id == layer_id:
                return layer
        raise KeyError(layer_id)

    def ids(self) -> list[str]:
        return [layer.id for layer in self.layers]

    def in_group(self, group_id: str) -> list[LayerDef]:
        return [layer for layer in self.layers if layer.group == group_id]

    def is_user(self, layer_id: str) -> bool:
        return any(layer.id == layer_id and layer.group == USER_GROUP for layer in self.layers)

    def shipped(self) -> list[LayerDef]:
        return [layer for layer in self.layers if layer.group != USER_GROUP]

    def set_user_layers(self, defs: list[LayerDef]) -> None:
        """The user's layers (core/user_layers.py builds them from the document): replaces the
        "My layers" group, shown first; the shipped layers stay as they are."""
        self.layers[:] = self.shipped() + [d for d in defs if d.group == USER_GROUP]
        self.groups[:] = [g for g in self.groups if g.id != USER_GROUP]
        if defs:
            self.groups.insert(0, Group(USER_GROUP, dict(USER_GROUP_TITLE)))

    def default_order(self) -> list[str]:
        """Layer ids top (drawn last) to bottom: groups in panel order, then `order` descending."""
        rank = {g.id: i for i, g in enumerate(self.groups)}
        ordered = sorted(self.layers, key=lambda d: (rank.get(d.group, len(rank)), -d.order, d.id))
        return [layer.id for layer in ordered]


class DefinitionError(ValueError):
    """A layer definition that cannot be used; the message says what to fix."""


def _texts(raw: object, what: str, required: bool) -> dict[str, str]:
    if raw is None and not required:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise DefinitionError(f"{what} must be a table of language -> text (en, ru, kk)")
    if required and not raw.get("en"):
        raise DefinitionError(f"{what} needs at least an English ('en') text")
    return dict(raw)


def _str_list(raw: object, what: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DefinitionError(f"{what} must be a list of strings")
    return tuple(raw)


def _data_path(root: Path, data: str) -> Path:
    """The data file's path, resolved; a loop of links or a FIFO, device or folder is refused here
    (without opening it), so the page and the store never try to read it."""
    try:
        path = (root / data).resolve()
        info = os.stat(path)
    except FileNotFoundError:
        return (root / data).absolute()  # missing: the layer shows an error; validate reports it
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python 3.11)
        raise DefinitionError(f"data '{data}' cannot be used: a loop of symbolic links or unreadable "
                              f"({getattr(exc, 'strerror', None) or exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise DefinitionError(f"data '{data}' is not a regular file ({safe_io._kind_of_type(info.st_mode)})")
    limit = safe_io.LIMITS["layer-data"]
    if info.st_size > limit:  # the page would read it whole (the store counts while reading too)
        raise DefinitionError(f"data '{data}' is {info.st_size // 2**20} MiB, over the limit of "
                              f"{limit // 2**20} MiB")
    return path


def parse_layer(raw: dict, source: Path, root: Path, warnings: list[str] | None = None) -> LayerDef:
    """Check and convert one parsed TOML definition; raises DefinitionError with a readable reason.
    Unknown keys (with a "did you mean") go to `warnings`: the layer is kept."""
    for key in ("id", "group", "geometry", "data", "title"):
        if key not in raw:
            raise DefinitionError(f"missing required key '{key}'")
    errors, unknown = check_definition(raw)
    if errors:
        raise DefinitionError("; ".join(errors))
    if warnings is not None:
        warnings.extend(unknown)
    layer_id = raw["id"]
    if not isinstance(layer_id, str) or not ID_PATTERN.match(layer_id):
        raise DefinitionError(f"id {layer_id!r} must be lower-case letters, digits and '_'")
    if layer_id != source.stem:
        raise DefinitionError(f"id '{layer_id}' differs from the file name '{source.stem}'")
    if raw["geometry"] not in GEOMETRIES:
        raise DefinitionError(f"geometry {raw['geometry']!r} is not one of {', '.join(GEOMETRIES)}")
    as_of = str(raw.get("as_of", ""))
    if as_of and not DATE_PATTERN.match(as_of):
        raise DefinitionError(f"as_of {as_of!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    style = raw.get("style", {})
    if not isinstance(style, dict):
        raise DefinitionError("style must be a table")
    style = {k: v for k, v in style.items() if k in STYLE_KEYS}  # unknown keys: warned above
    extent = raw.get("extent")
    if extent is not None:
        if not (isinstance(extent, list) and len(extent) == 4
                and all(isinstance(v, int | float) for v in extent)):
            raise DefinitionError("extent must be [west, south, east, north] in degrees")
        extent = tuple(float(v) for v in extent)
    time_field, time_end_field = raw.get("time_field", ""), raw.get("time_end_field", "")
    if not isinstance(time_field, str) or not isinstance(time_end_field, str):
        raise DefinitionError("time_field and time_end_field must be property names")
    if time_end_field and not time_field:
        raise DefinitionError("time_end_field needs a time_field")
    popup = []
    for i, item in enumerate(raw.get("popup", [])):
        if not isinstance(item, dict) or not isinstance(item.get("field"), str):
            raise DefinitionError(f"popup entry {i + 1} needs a 'field'")
        shows = item.get("shows", "text")
        if shows not in ("text", "country", "verbatim"):
            raise DefinitionError(f"popup '{item['field']}': shows must be text, country or verbatim")
        popup.append(PopupField(item["field"], _texts(item.get("label", {"en": item["field"]}),
                                                      f"popup '{item['field']}' label", True), shows))
    return LayerDef(
        id=layer_id,
        group=str(raw["group"]),
        order=int(raw.get("order", 0)),
        visible=bool(raw.get("visible", True)),
        geometry=raw["geometry"],
        data=_data_path(root, raw["data"]),
        as_of=as_of,
        accuracy=str(raw.get("accuracy", "")),
        citations=_str_list(raw.get("citations"), "citations"),
        attribution=_str_list(raw.get("attribution"), "attribution"),
        title=_texts(raw["title"], "title", True),
        description=_texts(raw.get("description"), "description", False),
        style=style,
        popup=tuple(popup),
        interactive=bool(raw.get("interactive", True)),
        label_field=str(raw.get("label_field", "")),
        min_zoom=int(raw.get("min_zoom", 0)),
        extent=extent,
        time_field=time_field,
        time_end_field=time_end_field,
        source=source,
    )


def load_groups(folder: Path) -> list[Group]:
    raw = safe_io.load_toml(folder / "groups.toml")
    groups = raw.get("group", [])
    if not isinstance(groups, list) or not all(isinstance(g, dict) and isinstance(g.get("id"), str)
                                               and isinstance(g.get("title"), dict) for g in groups):
        raise TypeError("every [[group]] needs an id and a [group.title] table")
    return [Group(g["id"], dict(g["title"])) for g in groups]


# TOML files of the layers folder that are not layer definitions.
NOT_LAYERS = ("groups.toml", "indicators.toml", "claim_notes.toml")


def load_catalog(folder: Path | None = None) -> Catalog:
    """Every layers/*.toml except NOT_LAYERS; bad files are reported in `problems`, not raised."""
    folder = folder or paths.layers_dir()
    root = folder.parent
    problems: list[str] = []
    try:
        groups = load_groups(folder)
    except (safe_io.UnsafeFileError, KeyError, TypeError) as exc:
        groups, problems = [], [f"groups.toml: {exc}"]
    known_groups = {g.id for g in groups}
    layers: list[LayerDef] = []
    for source in sorted(folder.glob("*.toml")):
        if source.name in NOT_LAYERS:
            continue
        warnings: list[str] = []
        try:
            layer = parse_layer(safe_io.load_toml(source), source, root, warnings)
        except safe_io.UnsafeFileError as exc:
            problems.append(str(exc))
            continue
        except (DefinitionError, ValueError, TypeError, AttributeError, RecursionError) as exc:
            problems.append(f"{source.name}: {exc}")
            continue
        finally:
            problems.extend(f"{source.name}: {w}" for w in warnings)
        if layer.group not in known_groups:
            problems.append(f"{source.name}: group '{layer.group}' is not in groups.toml")
            continue
        layers.append(layer)
    return Catalog(groups, layers, problems, folder)
