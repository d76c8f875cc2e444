"""Reading a layer's GeoJSON into plain Python, cached per layer, for lookups by feature id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import safe_io
from .catalog import Catalog
from .values import country_names

MAX_BYTES = safe_io.LIMITS["layer-data"]  # a larger file is refused, counted while reading


class DataError(ValueError):
    """A data file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class LayerData:
    features: list[dict]
    by_id: dict[str, dict]


def read_feature_collection(path: Path) -> list[dict]:
    """The features of a GeoJSON FeatureCollection, through the file gate (safe_io)."""
    try:
        data = safe_io.load_json(path, MAX_BYTES).value
    except safe_io.UnsafeFileError as exc:
        if exc.kind == safe_io.SYNTAX:
            raise DataError(f"{path.name}: not valid GeoJSON text ({exc.detail})") from exc
        raise DataError(str(exc)) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataError(f"{path.name}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise DataError(f"{path.name}: 'features' is not a list")
    return [f for f in features if isinstance(f, dict)]


class FeatureStore:
    """Features of the catalog's layers, read on first use."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._cache: dict[str, LayerData] = {}
        self._countries: dict[str, dict[str, str]] | None = None

    def layer(self, layer_id: str) -> LayerData:
        if layer_id not in self._cache:
            features = read_feature_collection(self.catalog.layer(layer_id).data)
            by_id = {str(props.get("id")): f for f in features
                     if isinstance(props := f.get("properties"), dict)}
            self._cache[layer_id] = LayerData(features, by_id)
        return self._cache[layer_id]

    def forget(self, layer_id: str) -> None:
        """Read the layer again next time (a user layer's file relocated or re-imported)."""
        self._cache.pop(layer_id, None)

    def patch(self, layer_id: str, put: list[dict], remove: set[str]) -> None:
        """Single features of a layer changed (a user layer's USER_FEATURES change): a layer read
        already takes them in place (the same lists: a table showing it sees them); one not read
        yet reads its file when next asked."""
        data = self._cache.get(layer_id)
        if data is None:
            return
        for feature in put:
            fid = str((feature.get("properties") or {}).get("id"))
            old = data.by_id.get(fid)
            if old is not None:
                at = next(i for i, f in enumerate(data.features) if f is old)
                data.features[at] = feature
            else:
                data.features.append(feature)
            data.by_id[fid] = feature
        remove = {str(i) for i in remove} & set(data.by_id)
        if remove:
            data.features[:] = [f for f in data.features
                                if str((f.get("properties") or {}).get("id")) not in remove]
            for fid in remove:
                data.by_id.pop(fid, None)

    def properties(self, layer_id: str, feature_id: str) -> dict:
        feature = self.layer(layer_id).by_id.get(str(feature_id))
        if feature is None:
            raise KeyError(f"{layer_id}/{feature_id}")
        props = feature.get("properties")
        return props if isinstance(props, dict) else {}

    def country_names(self) -> dict[str, dict[str, str]]:
        """{ISO3: {"en", "ru", "kk"}} from the catalog's "countries" layer ({} without one)."""
        if self._countries is None:
            try:
                self._countries = country_names(self.layer("countries").features)
            except (KeyError, DataError):
                self._countries = {}
        return self._countries
