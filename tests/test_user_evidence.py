"""The analyst's own evidence without a window: the document's methods, the project file, bundles,
bibliography import (BibTeX, RIS, CSL-JSON with Cyrillic and LaTeX), duplicates, export and the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rispy

from gis_app import cli
from gis_app.core import bib_import as bi
from gis_app.core import evidence_export, statistics
from gis_app.core import project as proj
from gis_app.core import user_evidence as ue
from gis_app.core.document import AtlasDocument
from gis_app.core.events import Kind

BIB = r"""
@article{ivanov2020,
  author = {Иванов, Иван И. and {Организация Объединённых Наций}},
  title = {Наркотрафик в {Ц}ентральной Азии: M\"uller \& ``Ко''},
  journal = {Вестник КазНУ},
  year = 2020, month = jun,
  doi = {https://doi.org/10.1234/ABC.5},
  langid = {russian},
}
@misc{again, title = {Наркотрафик в Центральной Азии: Müller & “Ко”}, url = {https://example.org/x\%20y}}
@report{sipri, author = {{Stockholm International Peace Research Institute (SIPRI)}},
  title = {Trends in World Military Expenditure, 2023}, year = {2024}, institution = {SIPRI},
  url = {https://www.sipri.org/sites/default/files/2024-04/2404_fs_milex_2023.pdf}}
"""
RIS = """TY  - JOUR
AU  - Құрманғали, Айгүл
TI  - Бітімгершілік және Орталық Азия
TT  - Peacekeeping and Central Asia
T2  - ҚазҰПУ хабаршысы
PY  - 2024
DA  - 2024/05/03/
DO  - 10.5555/kk.1
UR  - https://example.kz/a
LA  - kk
ER  -

TY  - RPRT
AU  - Петров, Пётр
TI  - <script>alert('x')</script> Отчёт
PY  - 2023
ER  -
""".replace("ER  -\n", "ER  - \n")  # RIS ends each entry with "ER  - " (a space after the dash)


@pytest.fixture
def document(catalog):
    return AtlasDocument(catalog)


def test_bibtex_with_cyrillic_latex_and_a_duplicate_inside_the_file():
    read = bi.read_text(BIB, "bibtex", "refs.bib")
    first = read.items[0]
    assert first["id"] == "u_ivanov2020"
    assert first["title"] == "Наркотрафик в Центральной Азии: Müller & “Ко”"
    assert first["author"] == [{"family": "Иванов", "given": "Иван И."},
                               {"literal": "Организация Объединённых Наций"}]
    assert first["DOI"] == "10.1234/abc.5" and first["language"] == "ru"
    assert first["issued"] == {"date-parts": [[2020, 6]]}
    assert read.items[1]["URL"] == "https://example.org/x%20y"
    fresh, dups = bi.plan(read.items, [], {})
    assert [d.new["id"] for d in dups] == ["u_again"] and dups[0].by == "title" and dups[0].where == "file"
    ops = bi.operations(fresh, dups, lambda d: True)
    merged = [op[1] for op in ops if op[0] == "add" and op[1]["id"] == "u_ivanov2020"][0]
    assert merged["URL"] == "https://example.org/x%20y", "merging fills in what the first lacked"
    assert len(ops) == 2


def test_ris_with_kazakh_and_a_script_title_kept_as_text():
    read = bi.read_text(RIS, "ris", "refs.ris")
    kk, ru = read.items
    assert kk["title"] == "Бітімгершілік және Орталық Азия"
    assert kk["original-title"] == "Peacekeeping and Central Asia"
    assert kk["author"] == [{"family": "Құрманғали", "given": "Айгүл"}] and kk["id"] == "u_Qurmangali_2024"
    assert kk["issued"] == {"date-parts": [[2024, 5, 3]]} and kk["language"] == "kk"
    assert ru["title"].startswith("<script>"), "kept as the text it is (shown as plain text)"


def test_duplicates_against_shipped_sources_by_doi_url_and_title(document):
    shipped = document.evidence.bibliography
    some = next(i for i in shipped.values() if i.get("URL"))
    item = {"id": "u_x", "title": "Something else", "URL": some["URL"].replace("https://", "http://") + "/"}
    fresh, dups = bi.plan([item], [], shipped)
    assert not fresh and dups[0].existing["id"] == some["id"] and dups[0].by == "url"
    assert dups[0].where == "shipped"
    assert bi.operations(fresh, dups, lambda d: True) == [], "merged into the atlas's own: nothing added"
    assert bi.operations(fresh, dups, lambda d: False)[0][0] == "add", "or kept as a source of its own"


def test_broken_and_huge_files_are_refused_with_a_reason(tmp_path):
    broken = tmp_path / "broken.bib"
    broken.write_text("@article{a, title = {Unclosed\n@book{b, title={Fine}}\n", encoding="utf-8")
    read = bi.read_file(broken)
    assert [i["title"] for i in read.items] == ["Fine"]
    assert "line 1" in read.problems[0] and "could not be read" in read.problems[0]
    huge = tmp_path / "huge.bib"
    with open(huge, "wb") as fh:
        fh.truncate(bi.LIMIT + 1)
    with pytest.raises(bi.BibliographyError, match="huge.bib"):
        bi.read_file(huge)
    latin1 = tmp_path / "old.ris"
    latin1.write_bytes("TY  - JOUR\nTI  - Безопасность\nER  - \n".encode("cp1251"))
    with pytest.raises(bi.BibliographyError, match="not UTF-8"):
        bi.read_file(latin1)
    other = tmp_path / "notes.txt"
    other.write_text("just some notes", encoding="utf-8")
    with pytest.raises(bi.BibliographyError, match="not a bibliography"):
        bi.read_file(other)


def _source(document, title="Доклад о безопасности", **extra) -> str:
    return document.add_source({"id": "u_report", "type": "report", "title": title,
                                "issued": {"date-parts": [[2021]]}, **extra})


def _claim(**extra) -> dict:
    return {"claim_id": "u_kgz_seized", "subject": "drug_seizures_2021/KGZ", "indicator": "drugs_seized",
            "value": "4.2", "unit": "t", "date": "2021", "citation": "u_report", **extra}


def test_document_methods_emit_evidence_and_mark_dirty(document):
    seen = []
    document.subscribe(seen.append)
    _source(document)
    assert Kind.EVIDENCE in seen[-1] and document.dirty
    document.add_claim(_claim())
    ev = document.evidence
    assert ev.is_user("u_kgz_seized") and "u_report" in ev.bibliography
    group = [g for g in statistics.disagreeing(ev.claims) if g == "u_kgz_seized"]
    assert group and {c.value for c in statistics.disagreeing(ev.claims)["u_kgz_seized"]} == {"3.5"}
    with pytest.raises(ValueError, match="not in the bibliography"):
        document.add_claim(_claim(claim_id="u_other", citation="nowhere"))
    with pytest.raises(ValueError, match="already used"):
        document.add_claim(_claim())
    with pytest.raises(ValueError, match="cited by 1"):
        document.remove_source("u_report")
    old = document.update_claim("u_kgz_seized", _claim(value="5"))
    assert old["value"] == "4.2" and document.user_evidence["claims"][0]["value"] == "5"
    document.remove_claim("u_kgz_seized")
    document.remove_source("u_report")
    assert not document.evidence.user_claims and "u_report" not in document.evidence.bibliography
    new = document.add_indicator({"id": "u_trafficking_detained", "unit": "persons",
                                  "label": {"en": "People detained for trafficking", "ru": "Задержано",
                                            "kk": "Ұсталғандар"}})
    assert document.evidence.indicator_label(new, "kk") == "Ұсталғандар"


def test_saved_reopened_and_in_a_bundle(document, tmp_path, catalog):
    _source(document)
    document.add_claim(_claim())
    path = tmp_path / "p.atlas.json"
    document.save(path)
    again = AtlasDocument(catalog)
    again.apply_project(proj.load(path), path)
    assert again.user_evidence["claims"] == document.user_evidence["claims"]
    assert again.evidence.bibliography["u_report"]["title"] == "Доклад о безопасности"
    from gis_app.core import bundle
    zipped = tmp_path / "p.atlas.zip"
    bundle.save_bundle(again, zipped)
    project, _home = bundle.open_bundle(zipped)
    assert project.evidence["claims"][0]["claim_id"] == "u_kgz_seized"


def test_a_hostile_project_loses_only_its_bad_entries(tmp_path):
    good_claim = _claim()
    raw = {"format": proj.FORMAT, "schema": 1, "map": {}, "title": "kept",
           "evidence": {"version": 1,
                        "sources": [{"id": "u_report", "title": "<b>ok</b>"}, "junk", {"id": "shipped_id",
                                    "title": "no u_"}, {"id": "u_d", "title": "x", "issued": "yesterday"}],
                        "claims": [good_claim, {**good_claim, "claim_id": "u_2", "date": "soon"},
                                   {**good_claim, "claim_id": "u_3", "estimate": "maybe"}],
                        "indicators": [{"id": "x"}], "cites": {"layer": "not a list"}}}
    path = tmp_path / "hostile.atlas.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    project = proj.load(path)
    assert project.title == "kept"
    assert [s["id"] for s in project.evidence["sources"]] == ["u_report"]
    assert [c["claim_id"] for c in project.evidence["claims"]] == ["u_kgz_seized"]
    text = "\n".join(project.warnings)
    for expected in ("sources[1] skipped: not a table", "does not start with u_", "date 'soon'",
                     "estimate must be true or false", "indicators[0] skipped", "cites"):
        assert expected in text, expected
    raw["evidence"] = "nonsense"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert proj.load(path).warnings == ["evidence skipped: not a table"]


def test_export_in_four_formats_reads_back(document):
    for item in bi.read_text(RIS, "ris").items:
        document.add_source(item)
    document.add_claim(_claim(citation=document.user_evidence["sources"][0]["id"]))
    csl = json.loads(evidence_export.export_text(document, "csl"))
    assert {i["title"] for i in csl} == {"Бітімгершілік және Орталық Азия",
                                         "<script>alert('x')</script> Отчёт"}
    assert all("x-added" not in i for i in csl)
    ris = rispy.loads(evidence_export.export_text(document, "ris"))
    assert {e["title"] for e in ris} == {i["title"] for i in csl}
    bib = evidence_export.export_text(document, "bibtex")
    again = bi.read_text(bib, "bibtex")
    assert not again.problems and {i["title"] for i in again.items} == {i["title"] for i in csl}
    rows = list(csv.DictReader(io.StringIO(evidence_export.export_text(document, "claims-csv"))))
    assert len(rows) == 1 and rows[0]["value"] == "4.2" and rows[0]["origin"] == "user"
    assert "Құрманғали" in rows[0]["source"] and rows[0]["source_url"] == "https://example.kz/a"
    document.map.set_visible("drug_seizures_2021", True)
    rows = list(csv.DictReader(io.StringIO(evidence_export.export_text(document, "claims-csv", "map"))))
    assert {"user", "atlas"} <= {r["origin"] for r in rows}
    ids = evidence_export.source_ids(document, "map")
    assert "sarybayev_nd" in ids and document.user_evidence["sources"][0]["id"] in ids


def test_cli_import_and_export_round_trip(tmp_path, capsys):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    project = tmp_path / "p.atlas.json"
    assert cli.main(["evidence", "import", str(bib), "--into", str(project)]) == 0
    out = capsys.readouterr().out
    assert "duplicate (title)" in out and "2 sources added, 1 merged" in out
    assert cli.main(["evidence", "export", str(project), "--format", "csl"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {i["id"] for i in items} == {"u_ivanov2020", "u_sipri"}
    target = tmp_path / "out.ris"
    assert cli.main(["evidence", "export", str(project), "--format", "ris", "-o", str(target)]) == 0
    assert len(rispy.loads(target.read_text(encoding="utf-8"))) == 2
    ris = tmp_path / "more.ris"
    ris.write_text(RIS, encoding="utf-8")
    assert cli.main(["evidence", "import", str(ris), "--into", str(project)]) == 0
    assert len(proj.load(project).evidence["sources"]) == 4
    assert cli.main(["evidence", "export", str(project), "--format", "bibtex", "-o",
                     str(tmp_path / "no-such-folder" / "x.bib")]) == 1
    assert "x.bib" in capsys.readouterr().err
    assert cli.main(["evidence", "export", str(tmp_path / "missing.atlas.json"), "--format", "csl"]) == 1


def test_ids_are_ascii_and_unique():
    assert ue.new_id("Петров 2021", {"u_Petrov_2021"}) == "u_Petrov_2021_2"
    assert ue.normal_title("Ёлка, «ЗИМА»!") == ue.normal_title("елка зима")


def test_the_choropleth_takes_the_users_figure_only_when_it_is_the_latest(document, catalog):
    from gis_app.core.figure_values import choropleth_values
    _source(document)
    assert choropleth_values(catalog, document.evidence) == {}
    document.add_claim(_claim(unit="kg", claim_id="u_other_unit"))
    assert choropleth_values(catalog, document.evidence) == {}, "another unit is not the map's value"
    document.add_claim(_claim(date="2020", claim_id="u_older"))
    assert choropleth_values(catalog, document.evidence) == {}, "an older figure does not recolour"
    document.add_claim(_claim())
    assert choropleth_values(catalog, document.evidence) == {"drug_seizures_2021": {"KGZ": 4.2}}


def test_a_source_id_from_two_authors_has_no_run_of_underscores():
    from gis_app.core.source_match import new_id
    assert new_id("Сарыбаев_&_Институт_2023", []) == "u_Sarybaev_Institut_2023"


def test_a_translated_title_goes_out_in_ris_and_comes_back():
    from gis_app.core import bib_import, citations
    text = citations.to_ris([{"id": "u_x", "type": "report", "title": "Граница и посты",
                              "original-title": "The border and its posts"}])
    assert "TT  - The border and its posts" in text
    assert bib_import.read_text(text, "ris").items[0]["original-title"] == "The border and its posts"


def test_exports_cannot_be_turned_into_records_or_formulas(document):
    """A line break in a RIS value would end the record and forge another; a CSV cell starting
    with = is a formula to a spreadsheet. Both reach the reader as the text they are."""
    source = _source(document, title="Evil\nER  - \nTY  - JOUR\nTI  - Forged")
    document.add_claim(_claim(citation=source, locator="=cmd|' /C calc'!A0", value="-4.2",
                              note="=HYPERLINK(\"http://x\")"))
    records = rispy.loads(evidence_export.export_text(document, "ris"))
    assert [r["title"] for r in records] == ["Evil ER - TY - JOUR TI - Forged"]
    row = next(csv.DictReader(io.StringIO(evidence_export.export_text(document, "claims-csv"))))
    assert row["locator"] == "'=cmd|' /C calc'!A0" and row["note"].startswith("'=HYPERLINK")
    assert row["value"] == "-4.2", "a negative number stays a number"


def test_a_figure_must_be_finite(document):
    source = _source(document)
    for value in ("inf", "nan", "1e400", "-Infinity"):
        with pytest.raises(ValueError, match="finite"):
            document.add_claim(_claim(citation=source, value=value))


def test_a_cited_source_is_kept_and_validate_checks_every_citation(document):
    """A source a layer or a feature cites cannot be removed (no citation left pointing at
    nothing); a citation of a shipped feature naming an unknown source or layer is reported."""
    from gis_app.core.validate import validate_project

    source = _source(document)
    document.set_cites("conflict_incidents/osh_2010", [source])
    with pytest.raises(ValueError, match="cited by 1"):
        document.remove_source(source)
    assert validate_project(document).ok
    document.user_evidence = {**document.user_evidence,
                              "cites": {"conflict_incidents/osh_2010": ["u_gone"], "no_such_layer": [source]}}
    problems = validate_project(document).problems
    assert any("unknown source 'u_gone'" in p for p in problems)
    assert any("no layer 'no_such_layer'" in p for p in problems)
