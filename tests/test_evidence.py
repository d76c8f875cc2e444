"""The seeds' figures are in the atlas as claims with the right citation; sources that disagree
are both kept."""

from __future__ import annotations

import pytest

from gis_app.core.evidence import disagreements, load_bibliography, load_claims
from gis_app.core.features import FeatureStore

SEED_000 = "kurmangali_jaukhan_2025"
SEED_002 = "sarybayev_nd"


@pytest.fixture(scope="module")
def claims():
    rows, problems = load_claims()
    assert problems == []
    return rows


@pytest.fixture(scope="module")
def bibliography():
    return load_bibliography()


def find(claims, subject, indicator, citation=None):
    return [c for c in claims if c.subject == subject and c.indicator == indicator
            and (citation is None or c.citation == citation)]


def test_both_seed_articles_are_in_the_bibliography(bibliography):
    assert "Құрманғали" in str(bibliography[SEED_000]) or "Kurmangali" in str(bibliography[SEED_000])
    assert "Sarybayev" in str(bibliography[SEED_002]) or "Сарыбаев" in str(bibliography[SEED_002])


def test_indonesia_2735_from_seed_and_2752_from_un_data_are_both_kept(claims):
    seed = find(claims, "pk_contributors/IDN", "uniformed_personnel", SEED_000)
    un = find(claims, "pk_contributors/IDN", "uniformed_personnel", "jpnn_2025_indonesia_pk")
    assert [c.number for c in seed] == [2735] and "5" in seed[0].locator
    assert [c.number for c in un] == [2752] and un[0].date == "2024-12-31"
    flagged = [{c.claim_id for c in group} for group in disagreements(claims)]
    assert {seed[0].claim_id, un[0].claim_id} in flagged


@pytest.mark.parametrize("iso, tonnes, ref", [("TJK", 4, "11"), ("KGZ", 3.5, "12"), ("KAZ", 9, "13")])
def test_2021_seizures_cite_seed_002_and_its_reference(claims, iso, tonnes, ref):
    (claim,) = find(claims, f"drug_seizures_2021/{iso}", "drugs_seized", SEED_002)
    assert (claim.number, claim.unit, claim.date) == (tonnes, "t", "2021")
    assert f"[{ref}]" in claim.locator and "more than" in claim.note


def test_central_asian_peacekeeper_fatalities(claims):
    tj = find(claims, "pk_contributors/TJK", "un_peacekeeping_fatalities", SEED_000)
    kg = find(claims, "pk_contributors/KGZ", "un_peacekeeping_fatalities", SEED_000)
    assert [c.number for c in tj] == [3] and [c.number for c in kg] == [1]
    assert tj[0].confirmed == "seed-only"


def test_the_eleven_missions_of_2025(catalog):
    layer = catalog.layer("pk_missions")
    assert layer.group == "peacekeeping" and layer.geometry == "point"
    features = FeatureStore(catalog).layer(layer.id).features
    acronyms = {f["properties"].get("acronym") for f in features}
    assert acronyms == {"MINURSO", "MINUSCA", "MONUSCO", "UNDOF", "UNFICYP", "UNIFIL", "UNISFA", "UNMIK",
                        "UNMISS", "UNMOGIP", "UNTSO"}
    assert all(f["properties"]["citations"] for f in features)


def test_every_thematic_feature_cites_a_known_source(catalog, bibliography):
    store = FeatureStore(catalog)
    for layer in catalog.layers:
        if layer.group in ("basemap", "places"):
            continue
        for feature in store.layer(layer.id).features:
            cites = feature["properties"].get("citations")
            assert cites and set(cites) <= set(bibliography), f"{layer.id}/{feature['properties']['id']}"
