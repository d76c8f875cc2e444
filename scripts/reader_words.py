#!/usr/bin/env python3
"""Words a reader understands: the two source articles named by author and year, not by the
build's internal numbers ("seed 002", "Статья 000", "002-мақала").

    .venv/bin/python scripts/reader_words.py FILE...     # rewrites the files in place

build_thematic.py applies the same `reader_words` to every text it writes, so a rebuild keeps it.
Seed 000 is Kurmangali & Jaukhan (2025), seed 002 is Sarybayev (n.d.): layers/bibliography.json.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

# (pattern, replacement), applied in order: longer forms first.
RULES = [
    # English
    (r"\b[Ss]eed 000's\b", "Kurmangali and Jaukhan's (2025)"),
    (r"\b[Ss]eed 002's\b", "Sarybayev's (n.d.)"),
    (r"\b[Ss]eed 000\b", "Kurmangali and Jaukhan (2025)"),
    (r"\b[Ss]eed 002\b", "Sarybayev (n.d.)"),
    (r"\bseed claim only\b", "stated only by Sarybayev (n.d.)"),
    # Russian (case by the noun it replaces)
    (r"[Сс]татьи 000", "Курмангали и Джаухана (2025)"),
    (r"[Сс]татье 000", "Курмангали и Джаухану (2025)"),
    (r"[Сс]татья 000", "Курмангали и Джаухан (2025)"),
    (r"[Сс]татьи 002", "Сарыбаева (б. г.)"),
    (r"[Сс]татье 002", "Сарыбаеву (б. г.)"),
    (r"[Сс]татья 002", "Сарыбаев (б. г.)"),
    # Kazakh ("the article of ...", with the case endings found in the texts)
    (r"000-мақаладағы", "Құрманғали мен Жауханның (2025) мақаласындағы"),
    (r"000-мақаланың", "Құрманғали мен Жауханның (2025) мақаласының"),
    (r"000-мақала\b", "Құрманғали мен Жауханның (2025) мақаласы"),
    (r"002-мақаланың", "Сарыбаевтың (жылсыз) мақаласының"),
    (r"002-мақала\b", "Сарыбаевтың (жылсыз) мақаласы"),
]
COMPILED = [(re.compile(p), r) for p, r in RULES]


def reader_words(text: str) -> str:
    for pattern, replacement in COMPILED:
        text = pattern.sub(replacement, text)
    return text


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        old = path.read_text(encoding="utf-8")
        new = reader_words(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"{name}: rewritten")


if __name__ == "__main__":
    main(sys.argv[1:])
