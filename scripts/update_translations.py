"""Keep the interface translations in step with the code, in one command.

    python scripts/update_translations.py                  # extract, report, compile
    python scripts/update_translations.py --todo todo.json # ... and write the unfinished entries
    python scripts/update_translations.py --fill todo.json # put translations from todo.json in first

1. lupdate (bundled with PySide6) reads every tr("...") / QCoreApplication.translate("Ctx", "...")
   in gis_app/ and merges them into resources/i18n/atlas_kk.ts and atlas_ru.ts, keeping existing
   translations and dropping strings the code no longer has. atlas_en.ts holds plural forms only
   (-pluralonly): English is the source language.
2. Prints, per language, how many entries are unfinished or empty and lists them (context, source).
3. Compiles each .ts with lrelease into the cache the app reads (gis_app.ui.i18n.qm_cache_path).

--todo FILE writes the unfinished entries as JSON: {"kk": {"Context": {"source": ""}}, ...}; fill
in the empty strings (a plural form: a list, one text per form) and pass the file to --fill, which
writes them into the .ts files as finished translations. Qt Linguist (pyside6-linguist) works too.
Exit status 1 while entries are unfinished.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gis_app.ui import i18n  # noqa: E402

TRANSLATED = ("kk", "ru")  # full translations
PLURAL_ONLY = ("en",)      # the source language: plural forms only
TARGET = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en"}


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gis_app").rglob("*.py"))


def run_lupdate(lang: str) -> str:
    tool = i18n.qt_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate not found (it ships with PySide6)")
    ts = i18n.ts_path(lang)
    ts.parent.mkdir(parents=True, exist_ok=True)
    args = [tool, *sources(), "-ts", str(ts.relative_to(ROOT)), "-no-obsolete", "-locations", "none",
            "-source-language", "en", "-target-language", TARGET[lang]]
    if lang in PLURAL_ONLY:
        args.append("-pluralonly")
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed for {lang}:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def messages(ts: Path):
    """(context name, message element, translation element) of every message in a .ts file."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message, message.find("translation")


def translation_texts(message, translation) -> list[str]:
    if translation is None:
        return [""]
    if message.get("numerus") == "yes":
        return [(f.text or "") for f in translation.findall("numerusform")] or [""]
    return [translation.text or ""]


def problems(lang: str) -> list[tuple[str, str, str]]:
    """(context, source, why) of every entry that is not a finished, non-empty translation."""
    found = []
    for context, message, translation in messages(i18n.ts_path(lang)):
        source = message.findtext("source", "")
        kind = translation.get("type", "") if translation is not None else "missing"
        if kind in ("obsolete", "vanished"):
            found.append((context, source, kind))
        elif kind == "unfinished":
            found.append((context, source, "unfinished"))
        elif not all(t.strip() for t in translation_texts(message, translation)):
            found.append((context, source, "empty"))
    return found


def write_todo(path: Path, langs: list[str]) -> None:
    todo: dict = {}
    for lang in langs:
        for context, message, translation in messages(i18n.ts_path(lang)):
            texts = translation_texts(message, translation)
            kind = translation.get("type", "") if translation is not None else ""
            if kind == "unfinished" or not all(t.strip() for t in texts):
                value = texts if message.get("numerus") == "yes" else texts[0]
                todo.setdefault(lang, {}).setdefault(context, {})[message.findtext("source", "")] = value
    path.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {sum(len(c) for lang in todo.values() for c in lang.values())} entries to {path}")


def fill(path: Path) -> int:
    """Write the non-empty translations of a --todo file into the .ts files, marked finished."""
    todo = json.loads(path.read_text(encoding="utf-8"))
    filled = 0
    for lang, contexts in todo.items():
        ts = i18n.ts_path(lang)
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            wanted = contexts.get(context.findtext("name", ""), {})
            for message in context.iter("message"):
                value = wanted.get(message.findtext("source", ""))
                if not value or (isinstance(value, list) and not all(v.strip() for v in value)):
                    continue
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.attrib.pop("type", None)
                if message.get("numerus") == "yes":
                    values = value if isinstance(value, list) else [value]
                    for form in list(translation):
                        translation.remove(form)
                    for v in values:
                        ET.SubElement(translation, "numerusform").text = v
                else:
                    translation.text = str(value)
                filled += 1
        write_ts(tree, ts)
    print(f"filled {filled} translations from {path}")
    return filled


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def compile_all(langs: list[str]) -> bool:
    ok = True
    for lang in langs:
        ts, qm = i18n.ts_path(lang), i18n.qm_cache_path(lang)
        if qm is None:
            print(f"{lang}: no {ts.name}")
            ok = False
            continue
        try:
            result = i18n.compile_ts(ts, qm)
        except (OSError, RuntimeError) as exc:
            print(f"{lang}: {exc}")
            ok = False
            continue
        summary = " ".join(line.strip() for line in result.stdout.splitlines() if "Generated" in line)
        print(f"{lang}: compiled {qm.name} ({summary or 'ok'})")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fill", type=Path, help="take translations from this JSON (from --todo) first")
    parser.add_argument("--todo", type=Path, help="write the unfinished entries to this JSON file")
    args = parser.parse_args(argv)
    langs = [*TRANSLATED, *PLURAL_ONLY]
    for lang in langs:
        out = run_lupdate(lang)
        print(f"{lang}: lupdate: {' '.join(line.strip() for line in out.splitlines()[1:])}")
    if args.fill:
        fill(args.fill)
        for lang in langs:  # normalise the layout the way lupdate writes it
            run_lupdate(lang)
    total = 0
    for lang in langs:
        found = problems(lang)
        total += len(found)
        entries = sum(1 for _ in messages(i18n.ts_path(lang)))
        print(f"{lang}: {entries} entries, {len(found)} unfinished or empty")
        for context, source, why in found:
            print(f"    [{why}] {context}: {source!r}")
    if args.todo:
        write_todo(args.todo, langs)
    compiled = compile_all(langs)
    return 0 if total == 0 and compiled else 1


if __name__ == "__main__":
    sys.exit(main())
