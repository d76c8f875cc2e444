"""The panels' logic without Qt: time filter, search, citations, figures per feature, charts."""

from __future__ import annotations

import re

import pytest
import rispy

from gis_app.core import citations, indicators, statistics
from gis_app.core.catalog import DefinitionError, load_catalog, parse_layer
from gis_app.core.evidence import load_bibliography, load_claims
from gis_app.core.features import FeatureStore
from gis_app.core.search import SearchIndex, fold, loose
from gis_app.core.timefilter import feature_span, in_range, year_of


@pytest.fixture(scope="module")
def world():
    catalog = load_catalog()
    claims, problems = load_claims()
    assert problems == []
    return catalog, FeatureStore(catalog), claims, load_bibliography()


# --- time filter ------------------------------------------------------------------------------

def test_dated_layers_are_declared_in_their_definitions(world):
    catalog = world[0]
    incidents, missions = catalog.layer("conflict_incidents"), catalog.layer("pk_missions")
    assert (incidents.time_field, incidents.time_end_field) == ("date_start", "date_end")
    assert (missions.time_field, missions.time_end_field) == ("year_start", "")
    assert catalog.layer("countries").time_field == ""


def test_a_time_end_field_needs_a_time_field(tmp_path):
    raw = {"id": "x", "group": "borders", "geometry": "point", "data": "x.geojson", "title": {"en": "X"},
           "time_end_field": "date_end"}
    with pytest.raises(DefinitionError, match="time_field"):
        parse_layer(raw, tmp_path / "x.toml", tmp_path)


def test_features_are_kept_while_their_span_overlaps_the_range(world):
    catalog, store = world[0], world[1]
    layer = catalog.layer("conflict_incidents")
    props = {f["properties"]["id"]: f["properties"] for f in store.layer(layer.id).features}
    assert feature_span(layer, props["sughd_1990s"]) == (1990, 1999)
    kept = {fid for fid, p in props.items() if in_range(layer, p, (1995, 2021))}
    assert {"sughd_1990s", "batken_1999", "kg_tj_2021"} <= kept
    assert "kg_tj_2022" not in kept
    assert all(in_range(layer, p, None) for p in props.values())
    assert in_range(layer, {"date_start": "unknown"}, (2000, 2001)), "an unreadable date never hides"
    assert year_of("2021-04-28") == 2021 and year_of(1999) == 1999 and year_of(None) is None


# --- search -----------------------------------------------------------------------------------

def test_transliteration_folds_cyrillic_and_latin_together():
    assert fold("Ворух") == fold("Vorukh") == "vorukh"
    assert fold("Ош") == "osh"
    assert loose("Худжанд") == loose("Khujand")
    assert loose("Жалал-Абад") == loose("Jalal-Abad")


@pytest.mark.parametrize("query", ["Ворух", "Vorukh", "vorukh", "ВОРУХ"])
def test_search_finds_vorukh_in_either_alphabet(world, query):
    catalog, store = world[0], world[1]
    hits = SearchIndex(catalog, store).search(query)
    found = {(h.layer_id, h.feature_id) for h in hits[:4]}
    assert ("border_disputes", "vorukh") in found and ("enclaves", "vorukh") in found
    assert all(h.name for h in hits)


def test_search_osh_latin_and_cyrillic_give_the_same_first_hit(world):
    index = SearchIndex(world[0], world[1])
    latin, cyrillic = index.search("Osh"), index.search("Ош")
    assert latin[0] == cyrillic[0]
    assert latin[0].layer_id == "places" and latin[0].name == "Osh"
    assert index.search("Ош", lang="ru")[0].name == "Ош"
    assert any(h.feature_id == "osh_2010" for h in latin), "incidents are searchable too"
    assert index.search("UNIFIL")[0].layer_id == "pk_missions"
    assert index.search("") == [] and index.search("zzzzqqq") == []


# --- citations --------------------------------------------------------------------------------

def test_citations_in_apa_and_gost(world):
    items = world[3]
    apa = citations.format_citation("kurmangali_jaukhan_2025", "apa", items)
    gost = citations.format_citation("kurmangali_jaukhan_2025", "gost", items)
    assert apa.startswith("Kurmangali, A. K., & Jaukhan, Y. M. (2025).")
    assert gost.startswith("Kurmangali A. K., Jaukhan Y. M.")
    url = citations.format_citation("un_pk_contributors", "gost", items)
    assert "[Электронный ресурс]. URL: https://peacekeeping.un.org" in url
    assert "(дата обращения: 22.02.2025)" in url
    assert citations.format_citation("no_such_source", "apa", items).startswith("[no_such_source")
    with pytest.raises(ValueError):
        citations.format_citation("kurmangali_jaukhan_2025", "mla", items)


def test_a_title_standing_in_for_the_author_is_not_repeated(world):
    items = world[3]
    authorless = [i for i, item in items.items() if not item.get("author") and len(item["title"]) > 10]
    assert authorless
    for item_id in authorless:
        text = citations.format_citation(item_id, "apa", items)
        assert text.count(items[item_id]["title"][:30]) <= 1, text
        assert "Retrieved http" not in text and "?." not in text


def test_ris_export_reads_back(world):
    items = list(world[3].values())
    text = citations.to_ris(items)
    assert text.lstrip().startswith("TY  -"), "no rispy numbering before the first record"
    back = rispy.loads(text)
    assert len(back) == len(items)
    assert [b["title"] for b in back] == [i["title"] for i in items]
    with_url = [i for i in items if citations.item_url(i)]
    assert sum(1 for b in back if b.get("urls")) == len(with_url)


def test_bibtex_export_escapes_and_balances(world):
    items = list(world[3].values())
    text = citations.to_bibtex(items)
    entries = re.findall(r"^@(\w+)\{([^,]+),", text, flags=re.M)
    assert len(entries) == len(items)
    assert len({key for _kind, key in entries}) == len(items)
    assert text.count("{") - text.count(r"\{") == text.count("}") - text.count(r"\}")
    fields = [line for line in text.splitlines() if line.startswith("  ") and not line.startswith("  url =")]
    assert fields and not [f for f in fields if re.search(r"(?<!\\)[&%#$_]", f)]
    sample = citations.to_bibtex([{"id": "x y", "title": "A & B 50% #1", "type": "report"}])
    assert sample.startswith("@techreport{x_y,") and r"A \& B 50\% \#1" in sample


# --- figures per feature and charts -----------------------------------------------------------

def test_indonesia_has_two_disagreeing_personnel_figures(world):
    claims = world[2]
    mine = statistics.claims_for(claims, "pk_contributors", "IDN")
    personnel = [c for c in mine if c.indicator == "uniformed_personnel"]
    assert sorted(c.value for c in personnel) == ["2735", "2752"]
    disputes = statistics.disagreeing(claims)
    assert {c.value for c in disputes[personnel[0].claim_id]} == {personnel[1].value}
    assert statistics.display_value(next(c for c in claims if c.claim_id == "kaz_seized_2021")) == "> 9"


def test_charts_are_the_claims(world):
    catalog, store, claims, _items = world
    by_id = {c.claim_id: c for c in claims}
    for chart_id in statistics.CHART_IDS:
        chart = statistics.build_chart(chart_id, claims, store, catalog)
        assert chart.bars and chart.citations
        for bar in chart.bars:
            assert by_id[bar.claim.claim_id] == bar.claim, "every bar is a claim of the table"
            assert bar.claim.citation in chart.citations
    people = statistics.build_chart("peacekeepers", claims, store, catalog)
    indonesia = people.bar("IDN", "ASEAN")
    assert indonesia is not None and {c.value for c in indonesia.disputed_by} == {"2735"}
    assert "KAZ" in [key for key, _ in people.categories], "Kazakhstan stands beside the ASEAN states"
    defence = statistics.build_chart("defence_usd", claims, store, catalog)
    noted = [v["claim"].citation for _k, v in defence.notes if "claim" in v]
    assert noted and all(c in defence.citations for c in noted), "sources of the notes are named"
    assert {b.category for b in defence.bars if b.estimate} == {
        c.subject.split("/")[1] for c in claims if c.indicator == "military_expenditure" and c.estimate}


def test_casualties_follow_the_time_filter(world):
    catalog, store, claims, _items = world
    every = statistics.build_chart("casualties", claims, store, catalog)
    assert "2022" in [key for key, _ in every.categories]
    until_2021 = statistics.build_chart("casualties", claims, store, catalog, time_range=(1990, 2021))
    assert "2022" not in [key for key, _ in until_2021.categories]
    assert "2021" in [key for key, _ in until_2021.categories]


# --- indicator and unit labels, numbers in the locale -------------------------------------------

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def test_every_indicator_and_unit_of_the_claims_has_three_real_labels(world):
    claims = world[2]
    labels, problems = indicators.load_labels()
    assert problems == [] and labels.missing(claims) == []
    for section in (labels.indicators, labels.units):
        for key, texts in section.items():
            assert set(texts) == {"en", "ru", "kk"}, key
            # Russian in Cyrillic without Kazakh letters; no English left but names (US News)
            assert not KAZAKH_LETTERS & set(texts["ru"]), texts["ru"]
            for lang in ("ru", "kk"):
                assert not set(re.findall(r"[A-Za-z]{3,}", texts[lang])) - {"News"}, texts[lang]
    kk = [t["kk"] for t in labels.indicators.values()]
    assert sum(1 for t in kk if KAZAKH_LETTERS & set(t)) >= len(kk) * 2 // 3
    assert sum(1 for key, t in labels.indicators.items() if t["kk"] != t["ru"]) == len(labels.indicators)
    assert statistics.indicator_label("killed_kyrgyz_side", "kk") == "Қаза тапқандар, қырғыз тарапы"
    assert statistics.indicator_label("killed_kyrgyz_side", "ru") == "Погибшие, кыргызская сторона"
    assert statistics.unit_label("USD million", "kk") == "млн АҚШ доллары"


def test_an_indicator_without_labels_is_named_from_its_key():
    assert statistics.indicator_label("seized_heroin_kgz", "kk") == "Seized heroin KGZ"
    assert statistics.unit_label("barrels", "ru") == "barrels"
    assert indicators.in_sentence("Drugs seized", "en") == "drugs seized"
    assert indicators.in_sentence("UN payment per year", "en") == "UN payment per year"
    assert indicators.in_sentence("Afghanistan's share", "en") == "Afghanistan's share"
    assert indicators.in_sentence("Погибшие", "ru") == "Погибшие"


def test_claim_values_follow_the_locale_but_years_stay_years(world):
    claims = {c.claim_id: c for c in world[2]}
    idn = claims["idn_pk_un"]
    assert statistics.display_value(idn, "en") == "2,752"
    assert statistics.display_value(idn, "ru") == statistics.display_value(idn, "kk") == "2\u00a0752"
    assert statistics.display_value(claims["kgz_seized_2021"], "kk") == "> 3,5"
    assert statistics.display_value(claims["kgz_seized_2021"], "en") == "> 3.5"
    assert statistics.display_value(claims["tjk_milex_gdp_2023"], "ru") == "1,0"  # the source's decimals
    assert statistics.display_value(claims["kaz_milex_ca3_change"], "ru") == "−5,3"
    assert statistics.display_value(claims["tkm_neutrality_1995"], "kk") == "1995"
    assert statistics.value_with_unit(claims["kgz_milex_2023"], "kk").endswith("208,5 млн АҚШ доллары")
    chart = statistics.build_chart("defence_usd", world[2], world[1], world[0], "ru")
    assert chart.indicator == "military_expenditure" and chart.unit == "USD million"
    assert [b.text for b in chart.bars if b.category == "UZB"] == ["1\u00a0800"]
