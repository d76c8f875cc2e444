"""The text encoding of a shapefile's attributes. A .dbf with no .cpg (the usual case for Russian
and Kazakh data) reads as silent mojibake in most tools: here its raw bytes are looked at, and if
they are not plain ASCII the user is asked, with a preview of the first names in each candidate
encoding (the likeliest first). No Qt."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from .questions import Question

CANDIDATES = ("utf-8", "cp1251", "cp866", "koi8-r")
LABELS = {"utf-8": "UTF-8", "cp1251": "Windows-1251 (CP1251)", "cp866": "DOS (CP866)", "koi8-r": "KOI8-R"}
# The .dbf header's language driver byte -> codec (the ones of the region; 0 = not said).
LDID = {0x57: "cp1252", 0x01: "cp437", 0x26: "cp866", 0x65: "cp866", 0xC9: "cp1251", 0x03: "cp1252"}
CPG = {"utf-8": "utf-8", "utf8": "utf-8", "65001": "utf-8", "1251": "cp1251", "cp1251": "cp1251",
       "windows-1251": "cp1251", "866": "cp866", "cp866": "cp866", "koi8-r": "koi8-r", "koi8r": "koi8-r",
       "1252": "cp1252", "latin1": "latin1", "iso-8859-1": "latin1", "88591": "latin1"}
WORD = re.compile(r"[A-Za-zА-Яа-яЁёІіҚқҒғҢңӘәӨөҰұҮүҺһ]+")
GOOD_WORD = re.compile(r"^(?:[A-ZА-ЯЁІҚҒҢӘӨҰҮҺ]?[a-zа-яёіқғңәөұүһ]+|[A-ZА-ЯЁІҚҒҢӘӨҰҮҺ]+)$")


class EncodingQuestion(Question):
    """The attributes are not ASCII and the file does not say its encoding: ask, showing
    `previews` {encoding: [first texts]} with `guess` the likeliest."""

    def __init__(self, previews: dict[str, list[str]], guess: str):
        super().__init__("the shapefile does not say how its text is encoded")
        self.previews, self.guess = previews, guess


def _sibling(path: Path, suffix: str) -> Path | None:
    for s in (suffix, suffix.upper()):
        p = path.with_suffix(s)
        if p.is_file():
            return p
    return None


def dbf_texts(dbf: Path, records: int = 200) -> list[list[bytes]]:
    """The raw bytes of each text field (one list per field) of the first `records` records."""
    with open(dbf, "rb") as f:
        head = f.read(32)
        if len(head) < 32:
            return []
        header_len, record_len = struct.unpack("<HH", head[8:12])
        descriptors = f.read(max(0, header_len - 32))
        fields, offset = [], 1  # a record starts with its deletion flag
        for i in range(0, len(descriptors) - 31, 32):
            d = descriptors[i:i + 32]
            if d[0] == 0x0D:
                break
            length = d[16]
            if chr(d[11]) == "C":
                fields.append((offset, length))
            offset += length
        f.seek(header_len)
        columns: list[list[bytes]] = [[] for _ in fields]
        for _ in range(records):
            rec = f.read(record_len)
            if len(rec) < record_len or record_len == 0:
                break
            for column, (o, n) in zip(columns, fields, strict=True):
                if text := rec[o:o + n].rstrip(b" \x00"):
                    column.append(text)
        return columns


def score(text: str) -> float:
    """How much `text` looks like real words (Cyrillic or Latin, capitalised as words are)."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    odd = sum(1 for ch in text if not (ch.isalnum() or ch in " .,-()'\"/№«»"))
    return sum(len(w) for w in words if GOOD_WORD.match(w)) - 3 * odd


def declared(shp: Path) -> str | None:
    """What the shapefile says: its .cpg, else the .dbf's language driver byte."""
    cpg = _sibling(shp, ".cpg")
    if cpg is not None:
        name = cpg.read_bytes()[:64].decode("ascii", "ignore").strip().lower()
        return CPG.get(name, name or None)
    dbf = _sibling(shp, ".dbf")
    if dbf is not None:
        with open(dbf, "rb") as f:
            head = f.read(32)
        if len(head) == 32 and head[29] in LDID:
            return LDID[head[29]]
    return None


def shapefile_encoding(shp: Path) -> str | None:
    """The encoding to read with; None when the text is ASCII. Raises EncodingQuestion."""
    said = declared(shp)
    if said:
        return said
    dbf = _sibling(shp, ".dbf")
    columns = dbf_texts(dbf) if dbf else []
    texts = [t for column in columns for t in column]
    if not any(b > 0x7F for t in texts for b in t):
        return None
    # The preview: the first field with letters beyond ASCII (usually the names).
    shown = next(c for c in columns if any(b > 0x7F for t in c for b in t))
    previews, scores = {}, {}
    for enc in CANDIDATES:
        previews[enc] = list(dict.fromkeys(t.decode(enc, "replace") for t in shown))[:5]
        decoded = [t.decode(enc, "replace") for t in texts]
        bad = sum(d.count("\ufffd") for d in decoded)
        scores[enc] = sum(score(d) for d in decoded) - 10 * bad
    guess = max(CANDIDATES, key=lambda e: scores[e])
    raise EncodingQuestion(previews, guess)
