"""Finding features by name in English, Russian or Kazakh, typed in Cyrillic or Latin letters.

Every name (`name`, `name_ru`, `name_kk`, and `acronym` where a layer has one) is casefolded and
transliterated to Latin, and a looser key is kept beside it, so "Osh" finds "Ош", "Vorukh" and
"Ворух" find Vorukh, and "Khujand" finds "Худжанд" (khudzhand). No Qt: usable from a notebook.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from dataclasses import dataclass

from .catalog import Catalog
from .features import DataError, FeatureStore
from .i18n import feature_name

NAME_FIELDS = ("name", "name_ru", "name_kk", "acronym", "name_alt")  # name_alt: other spellings (list)
CANDIDATE_CAP = 5000  # per layer and query; see _Chunk.candidates

# Russian and Kazakh Cyrillic to Latin (a practical scheme close to BGN/PCGN, the one maps use).
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ў": "u", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",  # Tajik and Uzbek Cyrillic letters
}
# Spelling variants Latin transliterations disagree on, folded together for the loose key.
LOOSE = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
         ("yo", "o"), ("yu", "u"), ("ya", "a"), ("y", "i"), ("q", "k"), ("w", "v"), ("x", "h"))
# Layers people look for first: places and disputed areas before the thematic restatements of a
# country (a country appears in several thematic layers).
PRIORITY = ("places", "enclaves", "border_disputes", "provinces", "countries", "conflict_incidents",
            "pk_missions")


def fold(text: str) -> str:
    """Casefolded, accents removed, Cyrillic transliterated; punctuation becomes one space."""
    text = unicodedata.normalize("NFKD", str(text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text)
    text = "".join(CYRILLIC.get(ch, ch) for ch in text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def loose(text: str) -> str:
    """fold() with transliteration variants merged and spaces, hyphens and doubled letters dropped."""
    key = fold(text).replace(" ", "")
    for a, b in LOOSE:
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True)
class Hit:
    layer_id: str
    feature_id: str
    name: str         # in the asked language
    matched: str      # the name that matched (any language)
    layer_title: str
    score: int        # lower is better


@dataclass(frozen=True)
class _Entry:
    layer_id: str
    feature_id: str
    text: str
    folded: str
    loose: str
    words: tuple[str, ...]
    props: dict


class _Chunk:
    """One layer's names as flat lists of strings (no object per name: a million names add no
    work for Python's garbage collector), with their folded and loose keys also joined in two
    strings, so a query finds its candidates with C-speed substring search."""

    def __init__(self, layer_id: str, fids: list[str], texts: list[str], props: list[dict]):
        self.layer_id, self.fids, self.texts, self.props = layer_id, fids, texts, props
        self.folded_keys = [fold(t[:500]) for t in texts]
        self.loose_keys = [loose(t[:500]) for t in texts]
        self.folded, self.folded_starts = _joined(self.folded_keys)
        self.loose, self.loose_starts = _joined(self.loose_keys)

    def __len__(self) -> int:
        return len(self.texts)

    def entry(self, i: int) -> _Entry:
        folded = self.folded_keys[i]
        return _Entry(self.layer_id, self.fids[i], self.texts[i], folded, self.loose_keys[i],
                      tuple(folded.split()), self.props[i])

    def candidates(self, q_fold: str, q_loose: str, cap: int) -> set[int]:
        """Entries whose keys hold the query. Over `cap` (a one-letter query on a million names),
        the exact names and the first `cap` others in file order: enough for a short result list."""
        found = _positions(self.folded, self.folded_starts, q_fold, cap)
        if len(q_loose) >= 3 and len(found) < cap:
            found |= _positions(self.loose, self.loose_starts, q_loose, cap)
        if len(found) >= cap:  # exact names may lie beyond: find them by their own line
            # in "\n" + folded + "\n", entry i's leading "\n" is at folded_starts[i]
            found |= _positions("\n" + self.folded + "\n", self.folded_starts, "\n" + q_fold + "\n", cap)
        return found


def _joined(keys: list[str]) -> tuple[str, list[int]]:
    starts, at = [], 0
    for key in keys:
        starts.append(at)
        at += len(key) + 1
    return "\n".join(keys), starts


def _positions(blob: str, starts: list[int], needle: str, cap: int) -> set[int]:
    found: set[int] = set()
    at = blob.find(needle)
    while at != -1 and len(found) < cap:
        index = bisect.bisect_right(starts, at) - 1
        found.add(index)
        nxt = starts[index + 1] if index + 1 < len(starts) else len(blob)
        at = blob.find(needle, nxt)  # the next entry: one candidate per entry is enough
    return found


class SearchIndex:
    """Names of the interactive layers' features. Built layer by layer (`index_next`), so a big
    layer can be indexed off the UI thread while searches use what is indexed so far; `search`
    with wait=True (the default) first finishes the index."""

    def __init__(self, catalog: Catalog, store: FeatureStore):
        self.catalog, self.store = catalog, store
        self.chunks: list[_Chunk] = []
        self.problems: list[str] = []
        rank = {layer_id: i for i, layer_id in enumerate(PRIORITY)}
        layers = sorted((layer for layer in catalog.layers if layer.interactive),
                        key=lambda layer: (rank.get(layer.id, len(rank)), layer.id))
        self._rank = {layer.id: i for i, layer in enumerate(layers)}
        self.pending = list(layers)
        self.total = len(layers)
        self._lock = threading.Lock()

    @property
    def entries(self) -> list[_Entry]:
        return [chunk.entry(i) for chunk in list(self.chunks) for i in range(len(chunk))]

    @property
    def complete(self) -> bool:
        return not self.pending

    def index_next(self) -> bool:
        """Index one more layer (any thread); False when there was none left."""
        with self._lock:
            if not self.pending:
                return False
            layer = self.pending[0]
        try:  # one layer that cannot be indexed costs that layer, never the search
            chunk, problem = _layer_chunk(layer.id, self.store.layer(layer.id).features,
                                           layer.name_field), None
        except (DataError, KeyError, ValueError, TypeError, MemoryError) as exc:
            chunk, problem = None, f"{layer.id}: {exc}"
        with self._lock:
            if self.pending and self.pending[0] is layer:
                self.pending.pop(0)
                if chunk is not None:
                    self.chunks.append(chunk)
                else:
                    self.problems.append(problem)
        return True

    def build(self) -> None:
        while self.index_next():
            pass

    def search(self, query: str, lang: str = "en", limit: int = 20, wait: bool = True) -> list[Hit]:
        """Features whose name matches `query`, best first: whole name, name start, word start,
        anywhere in the name, then the loose (spelling-variant) key. One hit per feature."""
        if wait:
            self.build()
        q_fold, q_loose = fold(query), loose(query)
        if not q_fold:
            return []
        best: dict[tuple[str, str], tuple[int, _Entry]] = {}
        for chunk in list(self.chunks):
            for i in chunk.candidates(q_fold, q_loose, CANDIDATE_CAP):
                entry = chunk.entry(i)
                quality = _quality(entry, q_fold, q_loose)
                if quality is None:
                    continue
                score = quality * 100 + self._rank.get(entry.layer_id, 99)
                key = (entry.layer_id, entry.feature_id)
                if key not in best or score < best[key][0]:
                    best[key] = (score, entry)
        hits = []
        for (layer_id, feature_id), (score, entry) in sorted(
                best.items(), key=lambda item: (item[1][0], len(item[1][1].text), item[1][1].text)):
            layer = self.catalog.layer(layer_id)
            hits.append(Hit(layer_id, feature_id, feature_name(entry.props, lang) or entry.text, entry.text,
                            layer.title_in(lang), score))
            if len(hits) >= limit:
                break
        return hits


def _quality(entry: _Entry, q_fold: str, q_loose: str) -> int | None:
    if entry.folded == q_fold:
        return 0
    if entry.folded.startswith(q_fold):
        return 1
    if any(word.startswith(q_fold) for word in entry.words):
        return 2
    if q_fold in entry.folded:
        return 3
    if len(q_loose) >= 3 and entry.loose.startswith(q_loose):
        return 4
    if len(q_loose) >= 3 and q_loose in entry.loose:
        return 5
    return None


def _layer_chunk(layer_id: str, features: list[dict], name_field: str = "") -> _Chunk:
    """`name_field`: a user layer's own property naming its features (searched too)."""
    fids, texts, props_of = [], [], []
    keys = NAME_FIELDS + ((name_field,) if name_field and name_field not in NAME_FIELDS else ())
    for feature in features:
        props = feature.get("properties")
        if not isinstance(props, dict):
            continue
        fid = props.get("id")
        if fid in (None, "") or isinstance(fid, dict | list):
            continue
        fid, first = str(fid), len(texts)
        for key in keys:
            value = props.get(key)  # name_alt is a list of other spellings
            for text in value if isinstance(value, list) else [value]:
                if not isinstance(text, str) or not text.strip() or text in texts[first:]:
                    continue
                fids.append(fid)
                texts.append(text)
                props_of.append(props)
    return _Chunk(layer_id, fids, texts, props_of)
