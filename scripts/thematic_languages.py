"""The thematic layers' texts in Russian and Kazakh: the translations of the tables' texts
(data/thematic/translations.csv) and the templates of the texts scripts/build_thematic.py composes.

Every text a popup shows is written in English, Russian and Kazakh: `field`, `field_ru`, `field_kk`
(layers/README.md). A text without its translation is a problem the build reports (PROBLEMS).
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "thematic"
PROBLEMS: list[str] = []


def problem(msg: str) -> None:
    PROBLEMS.append(msg)


NE_ACCURACY = {
    "10m": "Natural Earth v5 10m (1:10 million); 1–2 km off at the Fergana valley borders",
    "50m": "Natural Earth v5 50m (1:50 million): generalised country outlines",
    "110m": ("Natural Earth v5 110m (1:110 million): strongly generalised country outlines; "
             "small states missing"),
}

STATUS_LABELS = {
    "confirmed": {"en": "described by other public sources too",
                  "ru": "описано и другими открытыми источниками",
                  "kk": "басқа ашық дереккөздерде де сипатталған"},
    "seed_only": {"en": "seed claim only: no other source in the atlas",
                  "ru": "только утверждение статьи: других источников в атласе нет",
                  "kk": "тек мақаланың деректері: атласта басқа дереккөз жоқ"},
    "not_confirmed": {"en": "NOT CONFIRMED: seed 002 only; other sources do not describe it as such",
                      "ru": "НЕ ПОДТВЕРЖДЕНО: только статья 002; другие источники так это не описывают",
                      "kk": "РАСТАЛМАҒАН: тек 002-мақала; басқа дереккөздер мұны бұлай сипаттамайды"},
}
NE_ACCURACY_RU = {
    "10m": "Natural Earth v5 10m (1:10 млн); на границах Ферганской долины смещение 1–2 км",
    "50m": "Natural Earth v5 50m (1:50 млн): генерализованные контуры стран",
    "110m": "Natural Earth v5 110m (1:110 млн): сильно генерализованные контуры стран; малых государств нет",
}
NE_ACCURACY_KK = {
    "10m": "Natural Earth v5 10m (1:10 млн); Ферғана алқабының шекараларында 1–2 км ауытқу",
    "50m": "Natural Earth v5 50m (1:50 млн): жалпыланған ел контурлары",
    "110m": "Natural Earth v5 110m (1:110 млн): қатты жалпыланған ел контурлары; шағын мемлекеттер жоқ",
}
LANGS = (("en", ""), ("ru", "_ru"), ("kk", "_kk"))
CODES = ("en", "ru", "kk")


# ----------------------------------------------------------------------------- languages
# Every text a popup shows is written in English, Russian and Kazakh: `field`, `field_ru`,
# `field_kk` (layers/README.md). Texts written in the tables are translated in
# data/thematic/translations.csv (en, ru, kk; the English text is the key); texts this script
# composes have their three templates here.

def read_translations() -> dict[str, dict[str, str]]:
    with open(DATA / "translations.csv", encoding="utf-8", newline="") as fh:
        return {r["en"]: {"en": r["en"], "ru": r["ru"], "kk": r["kk"]} for r in csv.DictReader(fh)}


TRANSLATIONS: dict[str, dict[str, str]] = {}


def tr(en: str, where: str) -> dict[str, str]:
    """{"en", "ru", "kk"} of a table's English text; a text without a translation is a problem."""
    if not en:
        return {}
    if not TRANSLATIONS:
        TRANSLATIONS.update(read_translations())
    texts = TRANSLATIONS.get(en)
    if texts is None or not texts["ru"] or not texts["kk"]:
        problem(f"{where}: no ru/kk in data/thematic/translations.csv for {en[:60]!r}")
        return {"en": en}
    return texts


def tri(field: str, texts: dict[str, str]) -> dict[str, str]:
    """{field: en, field_ru: ru, field_kk: kk} from {"en", "ru", "kk"}."""
    return {field + suffix: texts[lang] for lang, suffix in LANGS if texts.get(lang)}


def ne_accuracy(scale: str, lang: str) -> str:
    return {"en": NE_ACCURACY, "ru": NE_ACCURACY_RU, "kk": NE_ACCURACY_KK}[lang][scale]


QUALIFIERS = {  # the note's qualifier of a figure, as the figure lines write it
    "more than": {"en": "more than ", "ru": "более ", "kk": "астам "},
    "less than": {"en": "less than ", "ru": "менее ", "kk": "кем "},
    "at least": {"en": "at least ", "ru": "не менее ", "kk": "кемінде "},
    "about": {"en": "about ", "ru": "около ", "kk": "шамамен "},
    "up to": {"en": "up to ", "ru": "до ", "kk": "дейін "},
}
FIGURE_WORDS = {
    "estimate": {"en": "estimate", "ru": "оценка", "kk": "бағалау"},
    "seed_only": {"en": "not confirmed by other sources",
                  "ru": "другими источниками не подтверждено",
                  "kk": "басқа дереккөздер растамаған"},
    "no date": {"en": "n.d.", "ru": "б. г.", "kk": "жылсыз"},
    "source not identified": {"en": "source not identified", "ru": "источник не установлен",
                              "kk": "дереккөзі анықталмаған"},
    "unofficial": {"en": "unofficial", "ru": "неофициально", "kk": "бейресми"},
    "seed": {"en": "seed", "ru": "статья", "kk": "мақала"},
    "et al.": {"en": "et al.", "ru": "и др.", "kk": "т.б."},
    "no figure": {"en": "no figure in the sources", "ru": "в источниках данных нет",
                  "kk": "дереккөздерде дерек жоқ"},
}
LOCATORS = {  # claims.csv locators; "ref [N]" is handled by pattern
    "section on the African Union": {"ru": "раздел об Африканском союзе", "kk": "Африка одағы туралы бөлім"},
    "text after Figure 1": {"ru": "текст после рис. 1", "kk": "1-суреттен кейінгі мәтін"},
    "text before Figure 1": {"ru": "текст перед рис. 1", "kk": "1-суреттің алдындағы мәтін"},
    "text after ref [2]": {"ru": "текст после ссылки [2]", "kk": "[2]-сілтемеден кейінгі мәтін"},
    "Table 1": {"ru": "таблица 1", "kk": "1-кесте"},
    "title and address of the page": {"ru": "заголовок и адрес страницы",
                                      "kk": "парақтың тақырыбы мен мекенжайы"},
}


def locator_text(locator: str, lang: str) -> str:
    if lang == "en" or not locator:
        return locator
    if locator.startswith("ref [") and locator.endswith("]"):
        n = locator[5:-1]
        return f"ссылка [{n}]" if lang == "ru" else f"[{n}]-сілтеме"
    texts = LOCATORS.get(locator)
    if texts is None:
        problem(f"claims.csv locator {locator!r}: no ru/kk in LOCATORS")
        return locator
    return texts[lang]
