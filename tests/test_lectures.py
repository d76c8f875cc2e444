"""The two lectures say what the sources say, in Kazakh, Russian and English, and every slide shows
what its caption names: the place is in the slide's frame with its layer on; where no source gives
a place, the notes say so. No text a reader sees names a file, a package or an internal id."""

from __future__ import annotations

import csv
import json
import re
import tomllib
from pathlib import Path

import pytest
from shapely.geometry import box, shape

from gis_app.core import project as proj
from gis_app.core.catalog import load_catalog
from gis_app.core.features import FeatureStore

REPO = Path(__file__).resolve().parent.parent
PEACE = REPO / "lectures" / "peacekeeping.atlas.json"
THREATS = REPO / "lectures" / "threats_china.atlas.json"
CA = [("countries", c) for c in ("KAZ", "KGZ", "TJK", "UZB", "TKM")]
MISSIONS = [("pk_missions", m) for m in ("minurso", "minusca", "monusco", "undof", "unficyp", "unifil",
                                          "unisfa", "unmik", "unmiss", "unmogip", "untso")]

# What each slide's caption names, as features of the atlas: (layer, feature id).
SUBJECTS = {
    (PEACE.name, 0): CA + [("pk_missions", "undof")],
    (PEACE.name, 1): MISSIONS,
    (PEACE.name, 2): [("countries", "KAZ"), ("pk_missions", "undof"), ("pk_missions", "unifil"),
                      ("pk_missions", "unmiss")],
    (PEACE.name, 3): [("pk_missions", "undof"), ("pk_missions", "unifil"), ("pk_missions", "untso")],
    (PEACE.name, 4): [("pk_contributors", c) for c in ("IDN", "MYS", "THA", "VNM", "PHL", "CHN", "NPL")],
    (PEACE.name, 5): [("membership_asean", c) for c in ("IDN", "MYS", "THA", "VNM", "PHL")],
    (PEACE.name, 6): [("membership_au", c) for c in ("SOM", "ERI", "SDN", "COD")],
    (PEACE.name, 7): [("defence_spending_2023", c) for c in ("KAZ", "KGZ", "TJK", "UZB", "TKM")],
    (PEACE.name, 8): [("membership_csto", c) for c in ("KAZ", "KGZ", "TJK")] + [("countries", "TKM")],
    (THREATS.name, 0): CA,
    (THREATS.name, 1): [("drug_routes", r) for r in ("afg_tjk_road", "eu_poland", "eu_baltics")]
    + [("countries", "POL"), ("countries", "AFG")],
    (THREATS.name, 2): [("drug_seizures_2021", c) for c in ("TJK", "KGZ", "KAZ")],
    (THREATS.name, 3): [("border_disputes", e) for e in ("sokh", "shohimardon", "jangail", "chon_kara",
                                                          "vorukh", "sarvan", "barak")],
    (THREATS.name, 4): [("conflict_incidents", "batken_1999"), ("conflict_incidents", "batken_2000")],
    (THREATS.name, 5): [("conflict_incidents", "osh_2010"), ("places", "1528249")],   # Jalal-Abad
    (THREATS.name, 6): [("conflict_incidents", "kg_tj_2021"), ("conflict_incidents", "kg_tj_2022"),
                        ("border_disputes", "section_vorukh"), ("border_disputes", "section_batken"),
                        ("border_disputes", "section_leilek")],
    (THREATS.name, 7): [("countries", "KGZ"), ("countries", "TJK")],
    (THREATS.name, 8): [("countries", "CHN"), ("countries", "KAZ"), ("countries", "TJK")],
}
# Places a caption or note names that no source locates: the notes must say so (en, ru, kk).
NO_COORDINATES = {
    (THREATS.name, 3): ("Western Qalacha", "no source gives its outline or position",
                        "ни один источник не даёт её контура или положения",
                        "бірде-бір дереккөз бермейді"),
    (THREATS.name, 7): ("counter-terrorism centre", "gives no location for either centre",
                        "Места центров в статье не указаны", "орталықтардың орны көрсетілмеген"),
}


@pytest.fixture(scope="module")
def store():
    return FeatureStore(load_catalog())


def _slides():
    for path in (PEACE, THREATS):
        for i, slide in enumerate(proj.load(path).slides):
            yield path.name, i, slide


def test_every_slide_has_its_subjects_listed():
    assert set(SUBJECTS) == {(name, i) for name, i, _s in _slides()}


@pytest.mark.parametrize("name, index", sorted(SUBJECTS), ids=lambda v: str(v))
def test_each_slide_frames_what_its_caption_names_with_its_layer_on(store, name, index):
    slide = proj.load(REPO / "lectures" / name).slides[index]
    frame = box(*slide.bounds)
    for layer_id, fid in SUBJECTS[(name, index)]:
        assert layer_id in slide.visible, (name, index, layer_id)
        features = [f for f in store.layer(layer_id).features if str(f["properties"].get("id")) == fid]
        assert features, (layer_id, fid)
        where = shape(features[0]["geometry"]).representative_point()
        assert frame.contains(where), (name, index, layer_id, fid, where.wkt, slide.bounds)


@pytest.mark.parametrize("key", sorted(NO_COORDINATES), ids=lambda v: str(v))
def test_a_place_no_source_locates_is_said_so_in_the_notes(key):
    slide = proj.load(REPO / "lectures" / key[0]).slides[key[1]]
    what, en, ru, kk = NO_COORDINATES[key]
    assert what in slide.notes_in("en") or what in slide.caption_in("en").lower()
    assert en in slide.notes_in("en") and ru in slide.notes_in("ru") and kk in slide.notes_in("kk")


# --- the corrections, in the three languages --------------------------------------------------------
CORRECTIONS = [
    # Batken 1999: Sarybayev's account contradicts RFE/RL's
    (THREATS, 4, {"en": ["a Tajik border detachment", "Russian and OSCE mediation",
                         "contradicts RFE/RL's account of an IMU incursion"],
                  "ru": ["таджикский пограничный отряд", "посредничестве России и ОБСЕ",
                         "противоречит версии RFE/RL о вторжении боевиков ИДУ"],
                  "kk": ["тәжік шекара отряды", "Ресей мен ЕҚЫҰ-ның делдалдығымен",
                         "ӨИҚ содырларының басып кіруі туралы нұсқасына қайшы"]}),
    # The Kazakh rail "via the Afghan and Kyrgyz borders": the article's wording, impossible
    (THREATS, 2, {"en": ["the article's wording", "Kazakhstan has no border with Afghanistan"],
                  "ru": ["формулировка статьи", "у Казахстана нет общей границы с Афганистаном"],
                  "kk": ["мақаланың тұжырымы", "Қазақстанның Ауғанстанмен ортақ шекарасы жоқ"]}),
    # National counter-terrorism centres built with China's help, not Chinese centres
    (THREATS, 7, {"en": ["own national centres, built with China's help, not Chinese centres"],
                  "ru": ["собственные национальные центры", "а не китайские центры"],
                  "kk": ["өз ұлттық орталықтары, Қытайдың орталықтары емес"]}),
    # "freed 27 victims": the phrase means "dismissed from work"; the source is a Xinjiang white paper
    (THREATS, 8, {"en": ["«жұмыстан шығарылды»", "'were dismissed from work', not 'were freed'",
                         "white paper of the Xinjiang government", "52 people were detained"],
                  "ru": ["«были уволены с работы», а не «освобождены»",
                         "«белая книга» правительства Синьцзяна", "задержаны 52 человека"],
                  "kk": ["«жұмыстан шығарылды»", "«босатылған» жоқ", "Шыңжаң үкіметінің",
                         "52 адам ұсталды"]}),
    # The 11 mission names come from the UN's list, not from the article's text
    (PEACE, 1, {"en": ["do not name them in their text", "the UN's list of missions"],
                "ru": ["в тексте не называют", "перечня миссий ООН"],
                "kk": ["мәтінде атамайды", "БҰҰ-ның миссиялар тізімінен"]}),
    # A UN mandate (the source's words), not a national one
    (PEACE, 2, {"en": ["a UN mandate allows up to 430"], "ru": ["мандат ООН допускает до 430"],
                "kk": ["БҰҰ мандаты"]}),
    # The ASEAN ranks contradict each other; China's December 2024 figure has no identified source
    (PEACE, 4, {"en": ["These ranks contradict the article's own figures", "source is not identified",
                       "30 November 2023"],
                "ru": ["противоречат цифрам самой статьи", "источник этой цифры не установлен",
                       "30 ноября 2023"],
                "kk": ["мақаланың өз сандарына қайшы", "дереккөзі анықталмаған",
                       "2023 жылғы 30 қарашадағы"]}),
    # The Golan payments carry no year
    (PEACE, 3, {"en": ["The year of these payments is given neither"], "ru": ["Год этих выплат не указывают"],
                "kk": ["төлемдердің жылын мақала да"]}),
    # GPOI's 2024 figures (ref. 6)
    (PEACE, 5, {"en": ["USD 1.2 billion", "USD 90 million"], "ru": ["1,2 млрд", "90 млн"],
                "kk": ["1,2 млрд", "90 млн"]}),
]


@pytest.mark.parametrize("path, index, texts", CORRECTIONS, ids=lambda v: getattr(v, "name", str(v)))
def test_a_corrected_slide_says_so_in_three_languages(path, index, texts):
    slide = proj.load(path).slides[index]
    for lang, phrases in texts.items():
        for phrase in phrases:
            assert phrase in slide.notes_in(lang), (lang, phrase)


def test_no_slide_repeats_the_corrected_wordings():
    notes = "\n".join(s.notes_in(lang) for _n, _i, s in _slides() for lang in ("en", "ru", "kk"))
    for wrong in ("national mandate", "национальный мандат", "ұлттық мандат", "freed 27",
                  "освобождены 27", "27 ықтимал құрбан босатылды", "mainly rail via the Afghan",
                  "Крупнейший поставщик в июне 2024", "June 2024: Nepal"):
        assert wrong not in notes, wrong


# --- words a reader understands ------------------------------------------------------------------
INTERNAL = re.compile(r"beyond the seeds|\bseeds?[ _](?:000|002|claim|only)|admin-[01]\b|FEATURECLA|"
                      r"fact sheet|seeds/|\bnstk|npm package|PyPI|@geo-maps|Natural Earth v5 10m admin", re.I)
# keys, codes and styling categories, never shown as text (the popups show status_label, not status)
NOT_TEXT = {"id", "citations", "value_claim", "claims", "source", "geonameid", "acronym", "status"}


def _ids() -> re.Pattern:
    bib = {i["id"] for i in json.loads((REPO / "layers" / "bibliography.json").read_text("utf-8"))}
    with open(REPO / "layers" / "claims.csv", encoding="utf-8", newline="") as fh:
        claims = {r["claim_id"] for r in csv.DictReader(fh)}
    names = sorted((re.escape(x) for x in bib | claims if "_" in x), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(names) + r")\b")


def _reader_texts():
    """(where, text) for every data text a reader sees: lecture captions and notes, popup texts of
    every layer, layer titles/descriptions/labels, claim notes and locators (the Info dock's
    tooltips), the reader notes, and the bibliography's notes (exported with BibTeX and RIS)."""
    for name, i, slide in _slides():
        for lang in ("en", "ru", "kk"):
            yield f"{name} slide {i + 1} {lang}", slide.caption_in(lang) + "\n" + slide.notes_in(lang)
    for path in sorted((REPO / "shapefiles").rglob("*.geojson")):
        for f in json.loads(path.read_text("utf-8"))["features"]:
            for key, value in f["properties"].items():
                if key not in NOT_TEXT and isinstance(value, str):
                    yield f"{path.name}:{f['properties'].get('id')}:{key}", value
    for path in sorted((REPO / "layers").glob("*.toml")):
        def walk(node, where):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key not in {"id", "citations", "data", "group", "property", "unit", "field",
                                   "label_field", "time_field", "time_end_field"}:
                        yield from walk(value, f"{where}.{key}")
            elif isinstance(node, list):
                for value in node:
                    yield from walk(value, where)
            elif isinstance(node, str):
                yield where, node
        yield from walk(tomllib.loads(path.read_text("utf-8")), path.name)
    with open(REPO / "layers" / "claims.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield f"claim {row['claim_id']}", row["note"] + "\n" + row["locator"]
    for item in json.loads((REPO / "layers" / "bibliography.json").read_text("utf-8")):
        yield f"bibliography {item['id']}", item.get("note", "")


def test_no_text_a_reader_sees_names_a_file_a_package_or_an_internal_id():
    ids = _ids()
    found = []
    for where, text in _reader_texts():
        for match in (INTERNAL.search(text), ids.search(text)):
            if match:
                found.append(f"{where}: {match.group(0)!r}")
    assert not found, "\n".join(found[:20])


def test_the_internal_words_check_can_fail():
    assert INTERNAL.search("described by public sources beyond the seeds")
    assert INTERNAL.search("Natural Earth v5 10m admin-0 boundary lines")
    assert _ids().search("Sources: [kurmangali_jaukhan_2025]")
    assert _ids().search("same figure (claim vnm_pk_un_2024_06)")
