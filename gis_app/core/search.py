"""Finding features by name in English, Russian or Kazakh, typed in Cyrillic or Latin letters.

Every name (`name`, `name_ru`, `name_kk`, and `acronym` where a layer has one) is casefolded and
transliterated to Latin, and a looser key is kept beside it, so "Osh" finds "Ош", "Vorukh" and
"Ворух" find Vorukh, and "Khujand" finds "Худжанд" (khudzhand). No Qt: usable from a notebook.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .catalog import Catalog
from .features import DataError, FeatureStore
from .i18n import feature_name

NAME_FIELDS = ("name", "name_ru", "name_kk", "acronym", "name_alt")  # name_alt: other spellings (list)

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


class SearchIndex:
    def __init__(self, catalog: Catalog, store: FeatureStore):
        self.catalog, self.store = catalog, store
        self.entries: list[_Entry] = []
        self.problems: list[str] = []
        rank = {layer_id: i for i, layer_id in enumerate(PRIORITY)}
        layers = sorted((layer for layer in catalog.layers if layer.interactive),
                        key=lambda layer: (rank.get(layer.id, len(rank)), layer.id))
        self._rank = {layer.id: i for i, layer in enumerate(layers)}
        for layer in layers:
            try:
                features = store.layer(layer.id).features
            except (DataError, KeyError) as exc:
                self.problems.append(f"{layer.id}: {exc}")
                continue
            for feature in features:
                props = feature.get("properties") or {}
                fid = props.get("id")
                if fid in (None, ""):
                    continue
                seen = set()
                texts = [props.get(key) for key in NAME_FIELDS[:-1]]
                alt = props.get("name_alt")
                texts += alt if isinstance(alt, list) else [alt]
                for text in texts:
                    if not isinstance(text, str) or not text.strip() or text in seen:
                        continue
                    seen.add(text)
                    folded = fold(text)
                    self.entries.append(_Entry(layer.id, str(fid), text, folded, loose(text),
                                               tuple(folded.split())))

    def search(self, query: str, lang: str = "en", limit: int = 20) -> list[Hit]:
        """Features whose name matches `query`, best first: whole name, name start, word start,
        anywhere in the name, then the loose (spelling-variant) key. One hit per feature."""
        q_fold, q_loose = fold(query), loose(query)
        if not q_fold:
            return []
        best: dict[tuple[str, str], tuple[int, _Entry]] = {}
        for entry in self.entries:
            if entry.folded == q_fold:
                quality = 0
            elif entry.folded.startswith(q_fold):
                quality = 1
            elif any(word.startswith(q_fold) for word in entry.words):
                quality = 2
            elif q_fold in entry.folded:
                quality = 3
            elif len(q_loose) >= 3 and entry.loose.startswith(q_loose):
                quality = 4
            elif len(q_loose) >= 3 and q_loose in entry.loose:
                quality = 5
            else:
                continue
            score = quality * 100 + self._rank.get(entry.layer_id, 99)
            key = (entry.layer_id, entry.feature_id)
            if key not in best or score < best[key][0]:
                best[key] = (score, entry)
        hits = []
        for (layer_id, feature_id), (score, entry) in sorted(
                best.items(), key=lambda item: (item[1][0], len(item[1][1].text), item[1][1].text)):
            layer = self.catalog.layer(layer_id)
            props = self.store.properties(layer_id, feature_id)
            hits.append(Hit(layer_id, feature_id, feature_name(props, lang) or entry.text, entry.text,
                            layer.title_in(lang), score))
            if len(hits) >= limit:
                break
        return hits
