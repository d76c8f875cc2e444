"""The shipped evidence as its sources state it (issue 18, "the shipped evidence, corrected"): each
correction is asserted on the claim, on what a reader is told about it in kk/ru/en (the reader
notes of layers/claim_notes.toml, shown in the Info dock, the popups and the web map) and on the
bibliography. Every figure a seed states is a claim that quotes the seed's locator."""

from __future__ import annotations

import pytest

from gis_app.core import claim_notes, indicators, statistics
from gis_app.core.catalog import load_catalog
from gis_app.core.evidence import NO_DATE, load_bibliography, load_claims
from gis_app.core.features import FeatureStore

SEED_000, SEED_002 = "kurmangali_jaukhan_2025", "sarybayev_nd"


@pytest.fixture(scope="module")
def claims():
    rows, problems = load_claims()
    assert problems == []
    return {c.claim_id: c for c in rows}


@pytest.fixture(scope="module")
def bib():
    return load_bibliography()


@pytest.fixture(scope="module")
def notes():
    texts, problems = claim_notes.load()
    assert problems == []
    return texts


def _note3(notes, claim_id: str) -> dict[str, str]:
    out = {lang: notes.note(claim_id, lang) for lang in ("en", "ru", "kk")}
    assert all(out.values()), (claim_id, out)
    assert out["ru"] != out["en"] != out["kk"], claim_id
    return out


def test_every_reader_note_names_a_claim_and_has_three_languages(claims, notes):
    assert notes.missing(claims) == []
    assert notes.notes and notes.values


def test_afghan_opium_growth_is_the_seeds_claim_and_unodcs_2017_figure(claims, notes, bib):
    seed = claims["afg_opium_growth"]
    assert (seed.value, seed.date, seed.citation, seed.confirmed) == ("87", "2019", SEED_002, "seed-only")
    assert "[10]" in seed.locator and "2017" in seed.note
    unodc = claims["afg_opium_growth_unodc_2017"]
    assert (unodc.value, unodc.date, unodc.citation) == ("87", "2017-11", "unodc_afghan_opium_87")
    assert bib["unodc_afghan_opium_87"]["issued"]["date-parts"][0][:2] == [2017, 11]
    note = _note3(notes, "afg_opium_growth")
    assert "2017" in note["en"] and "not one for 2019" in note["en"]
    assert "2017" in note["ru"] and "2017" in note["kk"]


def test_eritrea_2023_is_marked_contradicted(claims, notes):
    claim = claims["eri_au_return_2023"]
    assert claim.confirmed == "seed-only" and claim.note.startswith("contradicted")
    note = _note3(notes, "eri_au_return_2023")
    assert note["en"].startswith("Contradicted") and "IGAD" in note["en"]
    assert note["ru"].startswith("Опровергается") and note["kk"].startswith("Теріске шығарылады")


def test_no_figure_rests_on_the_live_un_contributor_page_alone(claims, notes, bib):
    """The nine figures once credited to un_pk_contributors: the top five are UN data of 30 Nov
    2023 reported by Khabarhub; China's and Vietnam's have no identified source, and say so."""
    assert not [c.claim_id for c in claims.values() if c.citation == "un_pk_contributors"]
    for iso, value in (("npl", "6247"), ("bgd", "6197"), ("ind", "6073"), ("rwa", "5919"), ("pak", "4164")):
        claim = claims[f"{iso}_pk_2024_06"]
        assert (claim.value, claim.date, claim.citation) == (value, "2023-11-30", "khabarhub_2024_nepal_pk")
    assert "6,247" in bib["khabarhub_2024_nepal_pk"]["note"]
    for cid in ("chn_pk_2024_12", "chn_rank_2024_12", "vnm_pk_un_2024_06", "vnm_rank_un_2024_06"):
        assert claims[cid].citation == "un_contributor_figures_unidentified"
        note = _note3(notes, cid)
        assert note["en"].startswith("Source not identified")
        assert note["ru"].startswith("Источник не установлен")
        assert note["kk"].startswith("Дереккөзі анықталмаған")
    assert "Source not identified" in str(bib["un_contributor_figures_unidentified"]["author"])


@pytest.mark.parametrize("claim_id", ["vorukh_area_min", "vorukh_area_max", "vorukh_pop_min",
                                      "vorukh_pop_max", "kaz_undof_pay_total", "kaz_undof_pay_personnel",
                                      "kaz_undof_pay_equipment", "kaz_undof_pay_rate",
                                      "kaz_usnews_rank", "uzb_usnews_rank"])
def test_a_figure_whose_source_gives_no_date_has_none_and_says_so(claims, notes, claim_id):
    claim = claims[claim_id]
    assert claim.date == "" and "no date" in claim.note
    note = _note3(notes, claim_id)
    assert note["en"].startswith("No date") and note["ru"].startswith("Без даты")
    assert note["kk"].startswith("Күні жоқ")
    assert statistics.date_text(claim, "en") == "n.d." and statistics.date_text(claim, "kk") == "жылсыз"


def test_the_seeds_asean_ranks_are_flagged_as_contradicting_each_other(claims, notes):
    assert claims["tha_pk_seed"].number > claims["vnm_pk_seed"].number
    assert claims["tha_rank_seed"].number > claims["vnm_rank_seed"].number  # more personnel, lower rank
    for cid in ("tha_rank_seed", "vnm_rank_seed"):
        note = _note3(notes, cid)
        assert "contradict" in note["en"] and "противоречат" in note["ru"] and "қайшы" in note["kk"]
    store = FeatureStore(load_catalog())
    for iso in ("THA", "VNM"):  # the popups where the ranks are shown
        props = store.properties("pk_contributors", iso)
        assert "contradict" in props["notes"] and "противоречат" in props["notes_ru"]
        assert "қайшы" in props["notes_kk"]
        assert "contradict" in props["figures"] and "қайшы" in props["figures_kk"]


def test_kazakhstans_430_is_a_un_mandate(claims):
    claim = claims["kaz_mandate_430"]
    assert claim.indicator == "un_mandate_max_personnel" and claim.value == "430"
    labels = indicators.labels()
    assert "UN mandate" in labels.indicator(claim.indicator, "en")
    assert "Мандат ООН" in labels.indicator(claim.indicator, "ru")
    assert "БҰҰ мандаты" in labels.indicator(claim.indicator, "kk")


# The figures the seeds state that were not claims: (claim_id, subject, value, unit, date, citation,
# a locator part) — each quotes where in the seed it stands.
NEW_FIGURES = [
    ("tjk_trafficking_detained_2019", "TJK", "52", "persons", "2019", SEED_002, "ref [14]"),
    ("chn_tjk_trafficking_op_detained_2019", "TJK", "13", "persons", "2019", SEED_002, "ref [27]"),
    ("chn_tjk_trafficking_op_victims_2019", "TJK", "27", "persons", "2019", SEED_002, "ref [27]"),
    ("gpoi_spending_usa", "USA", "1000", "USD million", "", SEED_000, "ref [6]"),
    ("gpoi_trained_mys", "pk_contributors/MYS", "10000", "persons", "", SEED_000, "ref [6]"),
    ("gpoi_trained_idn", "pk_contributors/IDN", "10000", "persons", "", SEED_000, "ref [6]"),
    ("us_request_sea_2024", "USA", "1200", "USD million", "2024", SEED_000, "ref [6]"),
    ("us_request_institutions_2024", "USA", "90", "USD million", "2024", SEED_000, "ref [6]"),
    ("rwa_dallaire_saved", "RWA", "30000", "persons", "1994", SEED_000, "ref [7]"),
    ("ukr_conflict_killed", "UKR", "13000", "persons", "", SEED_002, "ref [21]"),
]


@pytest.mark.parametrize("row", NEW_FIGURES, ids=lambda r: r[0])
def test_a_figure_the_seeds_state_is_a_claim_with_its_locator(claims, row):
    cid, subject, value, unit, date, citation, where = row
    claim = claims[cid]
    assert (claim.subject, claim.value, claim.unit, claim.date, claim.citation) == (
        subject, value, unit, date, citation)
    assert where in claim.locator and claim.confirmed == "seed-only"


def test_the_27_potential_victims_were_dismissed_from_work_not_freed(claims, notes):
    claim = claims["chn_tjk_trafficking_op_victims_2019"]
    assert "dismissed from work" in claim.note
    note = _note3(notes, claim.claim_id)
    assert "dismissed from work" in note["en"] and "Xinjiang" in note["en"]
    assert "уволены с работы" in note["ru"] and "жұмыстан шығарылды" in note["kk"]


def test_table_1_of_sarybayev_is_cited_text_on_the_five_states(claims, notes):
    rows = [c for c in claims.values() if c.indicator == "terrorist_threats_table1"]
    assert sorted(c.subject for c in rows) == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    for claim in rows:
        assert claim.locator == "Table 1" and claim.citation == SEED_002 and claim.number is None
        assert "disinformation" in statistics.display_value(claim, "en")
        assert "дезинформация" in statistics.display_value(claim, "ru")
        assert "жалған ақпарат" in statistics.display_value(claim, "kk")
        assert "names no single state" in _note3(notes, claim.claim_id)["en"]


def test_every_seed_figure_quotes_where_the_seed_states_it(claims):
    missing = [c.claim_id for c in claims.values() if c.citation in (SEED_000, SEED_002) and not c.locator]
    assert not missing


def test_the_bibliography_notes_count_the_seeds_reference_lists_right(bib):
    assert "both have 34 items" in bib[SEED_002]["note"]
    assert "Reference 34 of Sarybayev (n.d.), in both" in bib["lemon_2022"]["note"]


# --- what the Info dock shows --------------------------------------------------------------------
@pytest.mark.parametrize("lang, words", [("en", "contradict"), ("ru", "противоречат"), ("kk", "қайшы")])
def test_the_info_dock_shows_the_reader_notes_in_the_readers_language(qapp, lang, words):
    from gis_app.ui.info_panel import InfoPanel

    catalog = load_catalog()
    store = FeatureStore(catalog)
    claims, _problems = load_claims()
    panel = InfoPanel(catalog, store, claims, load_bibliography(), lang=lang)
    try:
        assert panel.show_feature("pk_contributors", "VNM")
        assert not panel.reader_notes.isHidden() and words in panel.reader_notes.text()
        flagged = [panel.claims_table.item(r, 0).text() for r in range(panel.claims_table.rowCount())]
        assert any(t.startswith("†") for t in flagged)
        assert panel.show_feature("border_disputes", "vorukh")
        dates = {panel.claims_table.item(r, 3).text() for r in range(panel.claims_table.rowCount())}
        assert dates == {NO_DATE[lang]}
        assert panel.show_feature("countries", "KAZ")  # Table 1 as text, in the reader's language
        whole = claim_notes.texts().value("tbl1_threats_kaz", lang)
        cells = [panel.claims_table.item(r, 1) for r in range(panel.claims_table.rowCount())]
        assert any(c.text().endswith("…") and whole[:20] in c.text() and whole in c.toolTip() for c in cells)
        assert whole in panel.reader_notes.text()  # in full under the table
    finally:
        panel.deleteLater()


def test_an_unidentified_source_is_named_so_in_the_readers_language(bib):
    from gis_app.core.evidence import short_citation

    item = bib["un_contributor_figures_unidentified"]
    assert [short_citation(item, lang) for lang in ("en", "ru", "kk")] == [
        "source not identified", "источник не установлен", "дереккөзі анықталмаған"]
    props = FeatureStore(load_catalog()).properties("pk_contributors", "CHN")
    assert "(2024-12; source not identified)" in props["figures"]
    assert "дереккөзі анықталмаған" in props["figures_kk"]


def test_the_web_map_shows_the_reader_note_beside_the_figure():
    from gis_app.render.webmap import _evidence

    catalog = load_catalog()
    features = {"pk_contributors": FeatureStore(catalog).layer("pk_contributors").features}
    evidence, _sources, _runs, _own = _evidence(catalog, ["pk_contributors"], features)
    rows = evidence["pk_contributors"]["THA"]["figures"]
    assert any("contradict" in row[0] for row in rows["en"])
    assert any("қайшы" in row[0] for row in rows["kk"])
    assert any("противоречат" in row[0] for row in rows["ru"])
