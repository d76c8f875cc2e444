"""Every word a user reads in their language: data values, table headers, place names, glossary."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from shapely.geometry import box, shape

from gis_app.core import paths
from gis_app.core.catalog import load_catalog
from gis_app.core.features import FeatureStore
from gis_app.core.search import SearchIndex
from gis_app.core.validate import validate
from gis_app.core.values import field_text, missing_languages

ROOT = Path(__file__).resolve().parents[1]
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
# Latin words a Kazakh or Russian text keeps: source names, package names, acronyms of sources.
KEEP = {"GeoNames", "Natural", "Earth", "OpenStreetMap", "SIPRI", "UNDOF", "UNTSO", "UNMISS",
        "UNISFA", "UNIFIL", "MINURSO", "MINUSCA", "MONUSCO", "MONUC", "OCHA", "FEATURECLA",
        "Kyrgyzstan", "Inquiry", "Commission", "Sputnik", "Reuters", "United", "Nations",
        "Peacekeeping", "Kurmangali", "Jaukhan", "Sarybayev", "admin", "boundary", "lines",
        "qazinform", "timesca", "countries", "land", "geo", "maps"}


@pytest.fixture(scope="module")
def store():
    return FeatureStore(load_catalog())


def _source_words() -> set[str]:
    """Words of the sources' names (authors, titles, publishers): a citation keeps its language."""
    items = json.loads((ROOT / "layers" / "bibliography.json").read_text("utf-8"))
    text = json.dumps([{k: item.get(k) for k in ("author", "title", "container-title", "publisher")}
                       for item in items], ensure_ascii=False)
    return set(LATIN_WORD.findall(text))


def _english_words_of(props: dict, layer, lang: str) -> set[str]:
    """Latin words of the English values that also appear in what the info panel shows in `lang`
    (leaving out the names of the sources, which citations give as the sources write them)."""
    countries = {}
    shown, english = [], []
    for popup in layer.popup:
        shown.append(field_text(props, popup.field, lang, popup.shows, countries))
        english.append(field_text(props, popup.field, "en", popup.shows, countries))
    words_en = {w for t in english for w in LATIN_WORD.findall(t)} - KEEP - _source_words()
    words_shown = {w for t in shown for w in LATIN_WORD.findall(t)}
    return words_en & words_shown


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("layer_id, feature_id", [("border_disputes", "vorukh"),
                                                  ("conflict_incidents", "osh_2010"),
                                                  ("pk_missions", "undof"),
                                                  ("pk_links", "kaz_undof")])
def test_info_for_vorukh_osh_and_undof_has_no_english_word_from_the_data(store, lang, layer_id, feature_id):
    layer = store.catalog.layer(layer_id)
    props = store.properties(layer_id, feature_id)
    assert not _english_words_of(props, layer, lang), (layer_id, feature_id, lang)


def test_info_panel_shows_the_status_in_kazakh(qapp, store):
    from gis_app.ui.info_panel import InfoPanel

    panel = InfoPanel(store.catalog, store, [], {}, lang="kk")
    assert panel.show_feature("border_disputes", "vorukh")
    texts = [panel.attributes.itemAt(i).widget().text() for i in range(panel.attributes.count())
             if panel.attributes.itemAt(i).widget() is not None]
    assert any("Қырғызстан аумағымен қоршалған Тәжікстан анклавы" in t for t in texts)
    assert not any("enclave surrounded" in t for t in texts)
    panel.deleteLater()


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_provinces_table_has_no_duplicate_or_raw_headers(qapp, store, lang):
    from gis_app.ui.attribute_table import FeatureTableModel

    model = FeatureTableModel(store.catalog, store, lang)
    model.set_layer("provinces")
    headers = [model.column_label(c) for c in range(model.columnCount())]
    assert len(headers) == len(set(headers)), headers
    assert not any("_" in h or h.lower().startswith("ne ") or h in ("Type", "Name (ru)") for h in headers)
    assert not {"name_ru", "name_kk", "ne_adm1_code"} & set(model.columns)
    row = model.row_of("KG-B")
    country = model.text(row, model.columns.index("country"))
    assert country == {"en": "Kyrgyzstan", "ru": "Кыргызстан", "kk": "Қырғызстан"}[lang]


def test_table_numbers_follow_the_locale(qapp, store):
    from gis_app.ui.attribute_table import FeatureTableModel

    model = FeatureTableModel(store.catalog, store, "ru")
    model.set_layer("places")
    column = model.columns.index("population")
    row = next(r for r in range(model.rowCount())
               if (model.features[r]["properties"].get("population") or 0) >= 100000)
    assert "\u00a0" in model.text(row, column)
    model.set_lang("en")
    assert "," in model.text(row, column)


def _region_features(store, layer_id: str, area) -> list[dict]:
    return [f for f in store.layer(layer_id).features if shape(f["geometry"]).intersects(area)]


@pytest.mark.parametrize("view", [box(46, 32, 86, 52), box(69.5, 39.5, 73.5, 41.5)],
                         ids=["default map", "Fergana view"])
def test_every_place_province_and_country_in_view_has_a_kazakh_name(store, view):
    for layer_id in ("countries", "provinces", "places", "enclaves"):
        missing = [f["properties"].get("name") for f in _region_features(store, layer_id, view)
                   if f["properties"].get("name") and not f["properties"].get("name_kk")]
        assert not missing, (layer_id, missing)


def _kk_texts() -> list[str]:
    """Every Kazakh text the atlas ships: the .ts file, layer and lecture texts, the data."""
    texts = [m.findtext("translation") or "" for m in
             ET.parse(paths.i18n_dir() / "atlas_kk.ts").iter("message")]
    for toml in (ROOT / "layers").glob("*.toml"):
        texts += [line for line in toml.read_text("utf-8").splitlines()
                  if re.match(r"\s*([a-z_]+_)?kk = ", line)]
    for lecture in (ROOT / "lectures").glob("*.json"):
        texts += re.findall(r'"kk":\s*"((?:[^"\\]|\\.)*)"', lecture.read_text("utf-8"))
    for data in list((ROOT / "shapefiles").rglob("*.geojson")):
        for f in json.loads(data.read_text("utf-8"))["features"]:
            texts += [str(v) for k, v in f["properties"].items() if k.endswith("_kk")]
    return texts


def _ru_texts() -> list[str]:
    texts = [m.findtext("translation") or "" for m in
             ET.parse(paths.i18n_dir() / "atlas_ru.ts").iter("message")]
    for toml in (ROOT / "layers").glob("*.toml"):
        texts += [line for line in toml.read_text("utf-8").splitlines()
                  if re.match(r"\s*([a-z_]+_)?ru = ", line)]
    for data in list((ROOT / "shapefiles").rglob("*.geojson")):
        for f in json.loads(data.read_text("utf-8"))["features"]:
            texts += [str(v) for k, v in f["properties"].items() if k.endswith("_ru")]
    return texts


def test_the_glossary_terms_are_used_and_the_avoided_variants_are_not():
    with open(paths.i18n_dir() / "glossary.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and set(rows[0]) == {"en", "ru", "kk", "note"}
    kk, ru = "\n".join(_kk_texts()), "\n".join(_ru_texts())
    checked = 0
    for row in rows:
        note = row["note"]
        match = re.match(r"(kk |ru )?avoid: (.*)", note)
        if not match:
            continue
        variants = re.findall(r"«([^»]+)»", match.group(2))
        where = {"kk ": [("kk", kk)], "ru ": [("ru", ru)], None: [("kk", kk), ("ru", ru)]}[match.group(1)]
        for lang, text in where:
            for variant in variants:
                assert variant not in text, f"{lang}: «{variant}» instead of «{row[lang]}» ({row['en']})"
                checked += 1
    assert checked >= 20
    # the terms tested on single strings of the interface
    ts = {m.findtext("source"): m.findtext("translation") for m in
          ET.parse(paths.i18n_dir() / "atlas_kk.ts").iter("message")}
    assert ts["Area"] == "Көпбұрыш" and ts[" vs "] == " / "


def test_the_enclaves_are_spelled_one_way_across_map_search_and_lectures(store):
    forms = {"chon_kara": "Чоңқара", "jangail": "Жаңайыл", "barak": "Барақ"}
    disputes = store.layer("border_disputes").by_id
    for eid, kk in forms.items():
        assert store.properties("enclaves", eid)["name_kk"] == kk
        assert disputes[eid]["properties"]["name_kk"].startswith(kk)
    lectures = " ".join(re.findall(r'"kk":\s*"((?:[^"\\]|\\.)*)"',
                                   (ROOT / "lectures" / "threats_china.atlas.json").read_text("utf-8")))
    assert "Чоңқара" in lectures and "Жаңайыл" in lectures and "Барақ" in lectures
    for wrong in ("Шоңқара", "Чоң-Қара", "Барагы", "Джангаил"):
        assert wrong not in lectures
    index = SearchIndex(store.catalog, store)
    for query in ("Шоңқара", "Чоң-Қара", "Чон-Кара", "Chon-Kara", "Чоңқара"):
        hits = index.search(query, "kk")
        assert any(h.feature_id == "chon_kara" for h in hits), query
        assert next(h for h in hits if h.feature_id == "chon_kara").name.startswith("Чоңқара")


def test_validate_counts_no_untranslated_value_in_the_shipped_layers():
    report = validate(load_catalog())
    assert report.untranslated == {} and not report.warnings, report.warnings
    assert report.ok, report.problems


def test_validate_names_a_value_without_its_kazakh(tmp_path):
    import shutil

    shutil.copytree(ROOT / "layers", tmp_path / "layers")
    shutil.copytree(ROOT / "shapefiles", tmp_path / "shapefiles")
    path = tmp_path / "shapefiles" / "thematic" / "conflict_incidents.geojson"
    data = json.loads(path.read_text("utf-8"))
    for feature in data["features"]:
        feature["properties"].pop("description_kk", None)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    report = validate(load_catalog(tmp_path / "layers"))
    assert report.untranslated == {"conflict_incidents": len(data["features"])}
    assert "'description' has no kk (description_kk)" in report.warnings[0]


def test_country_names_agree_between_the_basemap_and_the_thematic_layers(store):
    with open(ROOT / "data" / "thematic" / "country_names.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        props = store.properties("countries", row["adm0_a3"])
        if props["name"] == row["name"]:
            assert props["name_kk"] == row["name_kk"], row["adm0_a3"]


def test_missing_languages_are_counted_per_field():
    assert missing_languages({"status": "open"}, "status") == ["ru", "kk"]
    assert missing_languages({"status": "open", "status_ru": "открыт"}, "status") == ["kk"]
    assert missing_languages({"date": "2021-04"}, "date") == []
    assert field_text({"s": "open", "s_ru": "открыт"}, "s", "kk") == "открыт"  # kk -> ru -> en
