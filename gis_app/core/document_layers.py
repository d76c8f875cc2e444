"""The document's user layers and their features (core/user_layers.py, core/digitised.py): the
methods of AtlasDocument that change them. No Qt.

A part of AtlasDocument (core/document.py), not an owner of its own: the state it changes
(`user_layers`, `user_layer_problems`, the data cache) is the document's, set up in its __init__;
this module only keeps the document's file to a size a reader can hold.
"""

from __future__ import annotations

import copy
from pathlib import Path

from . import digitised as dg
from . import user_layers as ul
from .events import Kind


class UserLayersPart:
    # --- the user's own layers (core/user_layers.py) ------------------------------------------------
    def user_layer(self, layer_id: str) -> dict:
        for entry in self.user_layers:
            if entry["id"] == layer_id:
                return entry
        raise KeyError(layer_id)

    def _data_key(self, layer_id: str) -> str:
        if layer_id not in self._user_keys:
            self._key_seq += 1
            self._user_keys[layer_id] = f"{self._key_prefix}-{self._key_seq}"
        return self._user_keys[layer_id]

    def _forget_data(self, layer_id: str | None = None) -> None:
        """The layer's (or every layer's) data replaced: made again under a new cache key."""
        if layer_id is None:
            self._user_data.clear()
            self._user_keys.clear()
        else:
            self._user_data.pop(layer_id, None)
            self._user_keys.pop(layer_id, None)

    def _sync_user_layers(self) -> None:
        """The catalog and the map state follow `user_layers`: each entry's data made ready (its
        GeoJSON in the cache), a layer whose file is missing or unreadable noted in
        `user_layer_problems` (kept in the project, not drawn)."""
        from .importers import Question, RefusedError
        folder = self.path.parent if self.path else None
        defs = []
        for entry in self.user_layers:
            layer_id = entry["id"]
            try:
                if layer_id not in self._user_data:
                    self._user_data[layer_id] = ul.materialize(entry, folder, self._data_key(layer_id))
                defs.append(ul.layer_def(entry, self._user_data[layer_id]))
                self.user_layer_problems.pop(layer_id, None)
            except (ul.MissingSourceError, RefusedError, Question, OSError, ValueError, KeyError) as exc:
                self.user_layer_problems[layer_id] = str(exc)
        live = {e["id"] for e in self.user_layers}
        self.user_layer_problems = {k: v for k, v in self.user_layer_problems.items() if k in live}
        self.catalog.set_user_layers(defs)
        added, removed = self.map.sync_layers()
        self._emit(Kind.USER_LAYERS, Kind.VISIBLE, Kind.ORDER, layers=frozenset(live | added | removed))

    def add_user_layers(self, entries: list[dict], own: bool = False) -> None:
        """Add imported layers (user_layers.entry_for), shown on top of "My layers". `own`: the
        entries become the document's as they are (made for it: a 100,000-feature layer read from
        the team workspace is not copied); otherwise they are copied."""
        with self.batch():
            self.user_layers.extend(entries if own else copy.deepcopy(entries))
            self._sync_user_layers()

    def update_user_layer(self, layer_id: str, **changes) -> None:
        """Change a user layer's title, style, label, popup, name or time fields."""
        entry = self.user_layer(layer_id)
        allowed = {"title", "style", "label_field", "popup_fields", "name_field", "time_field",
                   "time_end_field"}
        unknown = set(changes) - allowed
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        entry.update(copy.deepcopy(changes))
        with self.batch():
            self._sync_user_layers()

    def remove_user_layer(self, layer_id: str) -> dict:
        entry = self.user_layer(layer_id)
        with self.batch():
            self.user_layers.remove(entry)
            self._forget_data(layer_id)
            self.style_overrides.pop(layer_id, None)
            self._sync_user_layers()
        return entry

    def relocate_user_layer(self, layer_id: str, path: Path) -> None:
        """The file of a layer that moved: read from `path` now (RefusedError if it does not read)."""
        entry = self.user_layer(layer_id)
        trial = copy.deepcopy(entry)
        trial["source"]["path"] = str(Path(path).absolute())
        data = ul.materialize(trial, None)  # raises before anything changes
        entry["source"]["path"] = trial["source"]["path"]
        self._user_data[layer_id] = data
        with self.batch():
            self._sync_user_layers()

    def embed_user_layer(self, layer_id: str) -> None:
        """Keep the layer's data in the project itself (no file needed beside it)."""
        entry = self.user_layer(layer_id)
        if entry.get("data") is None:
            data = self._user_data.get(layer_id)
            if data is None:
                raise FileNotFoundError(self.user_layer_problems.get(layer_id, layer_id))
            from .features import read_feature_collection
            entry["data"] = {"type": "FeatureCollection", "features": read_feature_collection(data)}
            entry.pop("source", None)
            self._forget_data(layer_id)
            with self.batch():
                self._sync_user_layers()

    # --- digitised features and cited sources (core/digitised.py; the evidence issue) ---------------
    def _features_changed(self, layer_id: str, ops: list[tuple[str, str]], fields_before: list) -> None:
        """Single features of an embedded layer were put or removed (`ops`: ("put" | "remove",
        feature id)): its cache file is written again in place and one USER_FEATURES change goes
        out, so the page and the feature store patch those features and nothing is rebuilt. A new
        attribute field, or a layer crossing the big-layer size, rebuilds the layer."""
        entry = self.user_layer(layer_id)
        before, entry["count"] = int(entry.get("count") or 0), len(entry["data"]["features"])
        same_kind = (before > ul.BIG) == (entry["count"] > ul.BIG)
        if layer_id in self._user_data and same_kind and entry.get("popup_fields") == fields_before:
            folder = self.path.parent if self.path else None
            ul.materialize(entry, folder, self._data_key(layer_id), rewrite=True)
            self._emit(Kind.USER_FEATURES, layers=frozenset({layer_id}),
                       features=tuple((layer_id, op, str(fid)) for op, fid in ops))
            return
        self._forget_data(layer_id)  # its GeoJSON made again from the embedded data
        with self.batch():
            self._sync_user_layers()

    def _editable(self, layer_id: str) -> dict:
        """The layer's entry, its data embedded first (a layer read from a file: the file is not
        touched, the project keeps the data from now on)."""
        entry = self.user_layer(layer_id)
        if entry.get("data") is None:
            self.embed_user_layer(layer_id)
        return entry

    def add_user_feature(self, layer_id: str, feature: dict, index: int | None = None) -> None:
        """Add a feature ({"properties": {"id": ...}, "geometry": ...}) to a user layer."""
        entry = self._editable(layer_id)
        features, fields = entry["data"]["features"], entry.get("popup_fields")
        features.insert(len(features) if index is None else index, copy.deepcopy(feature))
        entry["popup_fields"] = dg.fields_of(entry)
        self._features_changed(layer_id, [("put", feature["properties"]["id"])], fields)

    def replace_user_feature(self, layer_id: str, feature: dict) -> dict:
        """Put `feature` in place of the one with its id; returns the one it replaced."""
        entry = self._editable(layer_id)
        at, fields = dg.feature_index(entry, feature["properties"]["id"]), entry.get("popup_fields")
        before = entry["data"]["features"][at]
        entry["data"]["features"][at] = copy.deepcopy(feature)
        entry["popup_fields"] = dg.fields_of(entry)
        self._features_changed(layer_id, [("put", feature["properties"]["id"])], fields)
        return before

    def remove_user_feature(self, layer_id: str, feature_id: str) -> tuple[dict, int]:
        """Remove a feature; returns it and where it was (for undo)."""
        entry = self._editable(layer_id)
        at = dg.feature_index(entry, feature_id)
        feature = entry["data"]["features"].pop(at)
        with self.batch():
            if self.selection is not None and (self.selection.layer, self.selection.feature) == (
                    layer_id, str(feature_id)):
                self.clear_selection()
            self._features_changed(layer_id, [("remove", feature_id)], entry.get("popup_fields"))
        return feature, at

    def patch_user_layer(self, layer_id: str, put: list[dict], remove: set[str] | list[str] = (),
                         workspace: dict | None = None, edit: bool = False) -> bool:
        """Some features of a user layer changed elsewhere (a colleague's rows read from the team
        workspace): `put` features (each with its `properties.id`) replace those with their id or
        are added, `remove` ids go; `workspace` is the layer's new link to the server. The features
        become the document's (not copied). `edit` False: not an unsaved change. Returns whether
        any feature changed."""
        entry = self._editable(layer_id)
        ops, gone = ul.patch_features(entry["data"]["features"], put, remove)
        if workspace is not None:
            entry["workspace"] = workspace
        if ops:
            with self.batch(edit=edit):
                if self.selection is not None and self.selection.layer == layer_id \
                        and self.selection.feature in gone:
                    self.clear_selection()
                self._features_changed(layer_id, ops, entry.get("popup_fields"))
        return bool(ops)

    def set_user_layer_fields(self, layer_id: str, fields: list[str]) -> None:
        """The attribute fields a user layer shows (a field added in the attribute form)."""
        entry = self.user_layer(layer_id)
        entry["popup_fields"] = dg.check_fields(fields)
        with self.batch():
            self._sync_user_layers()


    def set_user_layer_data(self, layer_id: str, data: dict, workspace: dict | None = None,
                            edit: bool = False) -> None:
        """New features for a user layer, kept in the project (a team workspace layer opened,
        refreshed by a colleague's change or published: `workspace` is its link to the server).
        `data` (a FeatureCollection) becomes the document's; `edit` False: not an unsaved change
        (the server holds the truth, the project a copy). `data` and `workspace` become the
        document's (not copied: a 100,000-feature layer)."""
        entry = self.user_layer(layer_id)
        entry["data"] = data
        entry.pop("source", None)
        entry["count"] = len(data.get("features") or [])
        if workspace is not None:
            entry["workspace"] = workspace
        self._forget_data(layer_id)
        with self.batch(edit=edit):
            self._sync_user_layers()
