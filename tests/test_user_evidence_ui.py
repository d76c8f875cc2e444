"""The analyst's evidence in the window: a bibliography imported (a duplicate asked about), a figure
added that disagrees with the atlas's (⚠ and both figures in Info, ≠ in the chart), undone, saved,
reopened and exported; the forms say what is wrong; a script in a title stays text."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rispy
from conftest import close_window, make_window
from PySide6.QtCore import Qt

from gis_app.core import bib_import as bi
from gis_app.core import project as proj
from gis_app.ui.map_menu import map_menu

BIB = r"""
@article{ivanov2020,
  author = {Иванов, Иван И.},
  title = {Наркотрафик в {Ц}ентральной Азии: M\"uller \& ``Ко''},
  journal = {Вестник КазНУ}, year = 2022, doi = {10.1234/abc.5}}
@misc{again, title = {Наркотрафик в Центральной Азии: Müller & “Ко”}, url = {https://example.org/x}}
@misc{xss, title = {<script>alert(1)</script>}, year = 2020}
"""


@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(size=(1400, 900))
    yield win
    close_window(win)


def rows(window):
    table = window.info_panel.claims_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


KGZ_FILL = """(function () { var c = null; var layer = atlas.layers['drug_seizures_2021'];
  if (layer) layer.eachLayer(function (l) {
    if (String(l.feature.properties.id) === 'KGZ') c = l.options.fillColor; });
  return c; })()"""


def fill_claim(value="4.2", source="u_ivanov2020", indicator="drugs_seized", date="2022", **more):
    def run(dialog):
        dialog.indicator.setCurrentIndex(dialog.indicator.findData(indicator))
        dialog.value.setText(value)
        dialog.date.setText(date)
        assert dialog.source.set_checked(source)
        for name, text in more.items():
            getattr(dialog, name).setText(text)
        return True
    return run


def test_import_add_disagree_undo_save_reopen_export(window, tmp_path, prompts, qtbot):
    ui = window.evidence_ui
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    prompts.queue("open_file", str(bib)).queue("choose", "merge")
    window.actions["import_bibliography"].trigger()
    asked = prompts.asked[1]
    assert asked.method == "choose" and "the same title" in asked.text and "Наркотрафик" in asked.text
    own = [s["id"] for s in window.document.user_evidence["sources"]]
    assert own == ["u_ivanov2020", "u_xss"]
    assert window.document.user_evidence["sources"][0]["URL"] == "https://example.org/x", "merged"
    panel = window.sources_panel
    assert set(own) <= set(panel.ids)
    assert any(e.startswith("<script>") for e in panel.entries()), "a script in a title is text"

    # A figure on Kyrgyzstan's 2021 seizures that disagrees with the atlas's 3.5 t (same year).
    window.select_feature("drug_seizures_2021", "KGZ")
    ui.run_dialog = fill_claim(date="2021")
    window.info_panel.add_button.click()
    shown = rows(window)
    seized = [r for r in shown if "Drugs seized" in r[0]]
    assert sorted(r[1] for r in seized) == ["4.2", "> 3.5"]
    assert all(r[0].startswith("⚠") for r in seized), "both figures marked"
    assert sum("(yours)" in r[0] for r in shown) == 1
    dispute = window.info_panel.dispute_label.text()
    assert "⚠ Sources disagree on drugs seized" in dispute and "4.2 t" in dispute and "3.5 t" in dispute
    assert "Иванов 2022" in dispute
    stats = window.stats_panel
    stats.show_chart("seizures")
    bar = stats.data.bar("KGZ", "value")
    assert bar.disputed_by and {bar.claim.value, *(c.value for c in bar.disputed_by)} == {"4.2", "3.5"}
    assert "≠ Sources disagree on Kyrgyzstan" in stats.notes_text() and "4.2 t" in stats.notes_text()
    assert "Иванов 2022" in stats.sources_text()
    assert window.undo_stack.undoText() == "add figure"
    # the choropleth colours Kyrgyzstan by the latest figure, now the user's (breaks 3.75, 6.5 t)
    qtbot.waitUntil(lambda: window.map.eval_js(KGZ_FILL) == "#fa9fb5", timeout=10000)
    # the attribute table's map-value column shows it too, marked, the atlas's in its tip
    table = window.attribute_table
    table.set_layer("drug_seizures_2021")
    model = table.model
    row, column = model.row_of("KGZ"), model.columns.index(model.value_field)
    assert model.column_label(column) == "Value on the map, t"
    assert model.text(row, column) == "4.2 (yours)"
    tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
    assert "Your figure; the atlas's: 3.5" in tip

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.map.eval_js(KGZ_FILL) == "#fde0dd", timeout=10000)
    assert "(yours)" not in model.text(row, column)
    assert not any("(yours)" in r[0] for r in rows(window))
    assert not [r for r in rows(window) if "Drugs seized" in r[0] and r[0].startswith("⚠")]
    assert "Kyrgyzstan" not in stats.notes_text()
    window.undo_stack.redo()
    assert any("(yours)" in r[0] for r in rows(window))

    path = tmp_path / "mine.atlas.json"
    window.document.save(path)
    window.undo_stack.clear()
    window.document.apply_project(proj.Project(), None)  # a new, empty project
    assert not window.document.evidence.user_claims and window.info_panel.current is None
    window.select_feature("drug_seizures_2021", "KGZ")
    assert not any("(yours)" in r[0] for r in rows(window))
    window.document.apply_project(proj.load(path), path)
    window.select_feature("drug_seizures_2021", "KGZ")
    assert any("(yours)" in r[0] and r[1] == "4.2" for r in rows(window))
    assert any(r.text.startswith("Иванов") for r in window.info_panel.citation_rows)

    written = {}
    for fmt, suffix in (("csl", "json"), ("bibtex", "bib"), ("ris", "ris"), ("claims-csv", "csv")):
        target = tmp_path / f"out.{suffix}"
        prompts.queue("save_file", str(target))
        ui.export_actions[("project", fmt)].trigger()
        written[fmt] = target.read_text(encoding="utf-8")
    assert {i["id"] for i in json.loads(written["csl"])} == {"u_ivanov2020", "u_xss"}
    assert {i["title"] for i in bi.read_text(written["bibtex"], "bibtex").items} == \
        {"Наркотрафик в Центральной Азии: Müller & “Ко”", "<script>alert(1)</script>"}
    assert len(rispy.loads(written["ris"])) == 2
    figures = list(csv.DictReader(io.StringIO(written["claims-csv"])))
    assert [(f["subject"], f["value"], f["origin"]) for f in figures] == \
        [("drug_seizures_2021/KGZ", "4.2", "user")]
    assert figures[0]["source"].startswith("Иванов, И. И. (2022)")
    prompts.queue("save_file", str(tmp_path / "no-such-folder" / "x.bib"))
    ui.export_actions[("map", "bibtex")].trigger()
    assert "x.bib" in prompts.messages("warn")[-1].text, "a failed write is said, never reported done"


def test_edit_delete_new_indicator_and_new_source_from_the_forms(window, prompts):
    ui = window.evidence_ui
    window.select_feature("countries", "TJK")
    info = window.info_panel

    def with_new_indicator_and_source(dialog):
        dialog.indicator.setCurrentIndex(dialog.indicator.count() - 1)   # "New indicator…"
        assert dialog.new_box.isVisibleTo(dialog)
        assert "Name the new indicator" in dialog.problem()
        dialog.label_kk.setText("Ұсталғандар")
        dialog.label_ru.setText("Задержано")
        dialog.label_en.setText("People detained for trafficking")
        dialog.unit.setText("persons")
        dialog.value.setText("52")
        dialog.date.setText("soon")

        def form(f):
            f.title_edit.setText("Отчёт МВД Таджикистана")
            f.url.setText("not a link")
            assert "web address" in f.problem()
            f.url.setText("https://mvd.tj/report")
            f.date.setText("2019")
            return True
        dialog.run_form = form
        dialog.add_source()
        assert "YYYY" in dialog.problem()
        dialog.date.setText("2019")
        return True
    ui.run_dialog = with_new_indicator_and_source
    info.add_button.click()
    shown = rows(window)
    mine = [r for r in shown if "(yours)" in r[0]]
    assert mine and mine[0][0].startswith("People detained for trafficking") and mine[0][1] == "52"
    claim = window.document.user_evidence["claims"][-1]
    assert claim["subject"] == "TJK" and claim["indicator"].startswith("u_People_detained")
    window.undo_stack.undo()
    assert not window.document.user_evidence.get("indicators"), "one undo step: figure, source, indicator"
    window.undo_stack.redo()

    row = next(i for i, r in enumerate(rows(window)) if "(yours)" in r[0])
    info.claims_table.selectRow(row)
    assert info.edit_button.isEnabled() and info.delete_button.isEnabled()
    ui.run_dialog = lambda dialog: (dialog.value.setText("53"), True)[1]
    info.edit_button.click()
    assert any(r[1] == "53" and "(yours)" in r[0] for r in rows(window))
    info.claims_table.selectRow(next(i for i, r in enumerate(rows(window)) if "(yours)" in r[0]))
    info.delete_button.click()
    assert not any("(yours)" in r[0] for r in rows(window))
    window.undo_stack.undo()
    assert any(r[1] == "53" for r in rows(window))
    shipped_row = next(i for i, r in enumerate(rows(window)) if "(yours)" not in r[0]) \
        if len(rows(window)) > 1 else None
    if shipped_row is not None:
        info.claims_table.selectRow(shipped_row)
        assert not info.edit_button.isEnabled(), "the atlas's own figures are not edited"


def test_the_map_menu_offers_a_figure_on_the_feature_under_the_pointer(window):
    menu = map_menu(window, {"lat": 39.0, "lon": 71.0, "zoom": 6, "layer": "countries", "feature": "TJK"})
    action = next(a for a in menu.actions() if a.objectName() == "addFigureHere")
    assert action.isEnabled() and action.text() == "Add a figure about this…"
    empty = map_menu(window, {"lat": 39.0, "lon": 71.0, "zoom": 6})
    assert not next(a for a in empty.actions() if a.objectName() == "addFigureHere").isEnabled()


def test_a_source_with_a_script_title_is_shown_as_plain_text(window):
    window.select_feature("drug_seizures_2021", "KGZ")
    label = window.info_panel.title
    assert label.textFormat() == Qt.TextFormat.PlainText
    panel = window.sources_panel
    item = next(panel.list.item(i) for i in range(panel.list.count())
                if panel.list.item(i).text().startswith("<script>")) if any(
        e.startswith("<script>") for e in panel.entries()) else None
    if item is not None:
        assert item.text().startswith("<script>alert(1)</script>")


def test_a_refused_or_broken_bibliography_is_said_and_changes_nothing(window, tmp_path, prompts):
    before = [s["id"] for s in window.document.user_evidence["sources"]]
    huge = tmp_path / "huge.bib"
    with open(huge, "wb") as fh:
        fh.truncate(bi.LIMIT + 1)
    assert window.evidence_ui.import_file(huge) == -1
    refused = prompts.messages("warn")[-1]
    assert refused.title == "Not imported" and "huge.bib" in refused.text
    broken = tmp_path / "broken.bib"
    broken.write_text("@article{a, title = {Unclosed\n@book{fine, title={Безопасность}, year=2020}\n",
                      encoding="utf-8")
    assert window.evidence_ui.import_file(broken) == 1
    warned = prompts.messages("warn")[-1]
    assert warned.title == "Some entries were not imported" and "1 entries skipped" in warned.text
    assert [s["id"] for s in window.document.user_evidence["sources"]] == [*before, "u_fine"]
    window.undo_stack.undo()
    assert [s["id"] for s in window.document.user_evidence["sources"]] == before
    assert window.undo_stack.redoText() == "import broken.bib", "the import was one undo step"


def test_a_step_the_document_refuses_is_said_and_leaves_no_undo_entry(window, prompts):
    from gis_app.ui.evidence_commands import AddEntry, Macro
    stack, ui = window.undo_stack, window.evidence_ui
    count, sources = stack.count(), list(window.document.user_evidence["sources"])
    macro = Macro(window.document, "bad")
    macro.add(AddEntry(window.document, "sources", {"id": "u_new_one", "title": "Новый источник"}))
    macro.add(AddEntry(window.document, "claims", {"claim_id": "u_bad", "subject": "countries/KAZ",
                                                   "indicator": "x", "value": "1", "date": "2020",
                                                   "citation": "no_such_source"}))
    assert ui._push(macro) is False
    said = prompts.messages("warn")[-1].text  # the reason in words, not the internal id
    assert said == ("The figure's source is not among the atlas's or the project's sources "
                    "(was it removed?).")
    assert "no_such_source" not in said and "u_" not in said
    assert window.document.user_evidence["sources"] == sources, "the source it brought is gone again"
    assert stack.count() <= count and stack.undoText() != "bad"


RIS = """TY  - JOUR
AU  - Петров, Пётр
TI  - Граница и посты в Баткене
T2  - Central Asian Survey
PY  - 2019
UR  - https://example.org/petrov
ER  -

TY  - ELEC
TI  - В Киргизии изъяли свыше 3,5 тонны наркотиков
UR  - https://regnum.ru/news/3464791.html
ER  -
"""


def test_ris_import_cites_in_the_sources_dock_one_source_picker_and_validate(window, tmp_path, prompts):
    from gis_app.core import digitised as dg
    from gis_app.core.validate import validate_project
    from gis_app.ui.digitise_forms import ID_ROLE, SourcePicker

    ris = tmp_path / "refs.ris"
    ris.write_text(RIS, encoding="utf-8")
    prompts.queue("open_file", str(ris)).queue("choose", "merge")
    window.actions["import_bibliography"].trigger()
    asked = [a for a in prompts.asked if a.method == "choose"][-1]
    assert "В Киргизии изъяли" in asked.text, "a duplicate of the atlas's Regnum source is asked about"
    own = window.document.user_evidence["sources"]
    petrov = next(s for s in own if s["title"] == "Граница и посты в Баткене")
    assert not any(s["title"].startswith("В Киргизии") for s in own), "merged into the shipped source"

    # A shipped source the analyst cites for a shipped feature joins the Sources dock; undo takes it away.
    panel = window.sources_panel
    spare = next(i for i in window.document.evidence.bibliography
                 if i not in panel.ids and i not in window.document.evidence.user_sources)
    window.digitise.ask_cites = lambda d: (d.sources.set_checked(spare), d.accept(), d.result_values())[-1]
    assert window.digitise.cite("countries", "TJK")
    assert spare in panel.ids
    panel.entries()
    from gis_app.ui import sources_panel
    row = next(panel.list.item(i) for i in range(panel.list.count())
               if panel.list.item(i).data(sources_panel.ID_ROLE) == spare)
    assert "Cited in this project" in row.toolTip()
    counted = int(panel.summary.text().split()[0])
    assert counted == len(panel.ids) - len(panel.user_ids), "the user's sources are counted once"
    window.undo_stack.undo()
    assert spare not in panel.ids

    # The figure's source is chosen in the same picker as digitising's: one ticked, the project's
    # marked; a "new" source the list has already is ticked, not added twice.
    def run(dialog):
        picker = dialog.source
        assert isinstance(picker, SourcePicker) and picker.single
        assert picker.set_checked(petrov["id"]) and picker.set_checked(spare)
        assert picker.checked_ids() == [spare]
        mine = [picker.list.item(i).text() for i in range(picker.list.count())
                if picker.list.item(i).data(ID_ROLE) == petrov["id"]]
        assert mine[0].startswith("(yours) Петров 2019")
        picker.filter.setText("Баткене")
        assert [picker.list.item(i).isHidden() for i in range(picker.list.count())].count(False) == 1
        dialog.run_form = lambda form: (form.title_edit.setText("Граница и посты в Баткене"), True)[1]
        dialog.add_source()
        assert dialog.new_source is None and picker.checked_ids() == [petrov["id"]]
        assert "in the list already (Петров 2019)" in dialog.error.text()
        return False  # cancelled: nothing changes
    window.evidence_ui.run_dialog = run
    window.select_feature("countries", "TJK")
    before = len(window.document.user_evidence["claims"])
    window.info_panel.add_button.click()
    assert len(window.document.user_evidence["claims"]) == before

    # A feature digitised without a source is named by validate until it is cited.
    entry = dg.new_layer("Посты", "point", ["name"], 0, set(window.document.catalog.ids()))
    window.document.add_user_layers([entry])
    window.document.add_user_feature(entry["id"], dg.make_feature(
        "1", {"type": "Point", "coordinates": [70.58, 39.98]}, {"name": "Пост Ворух"}))
    report = validate_project(window.document)
    assert any("“Посты”: feature 1 “Пост Ворух” has no source" in line for line in report.uncited)
    window.document.set_cites(f"{entry['id']}/1", [petrov["id"]])
    assert not any("Посты" in line for line in validate_project(window.document).uncited)
    assert petrov["id"] in panel.ids
    window.document.remove_user_layer(entry["id"])


def test_the_unit_is_shown_in_the_readers_language_and_kept_as_the_atlas_keeps_it(window):
    from gis_app.ui.claim_editor import ClaimDialog, unit_code

    assert [unit_code(t) for t in ("т", "t", "адам", "чел.", " persons ", "barrels")] == \
        ["t", "t", "persons", "persons", "persons", "barrels"]
    dialog = ClaimDialog(window.document.evidence, "drug_seizures_2021/KGZ", "Кыргызстан", "ru")
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("drugs_seized"))
    assert dialog.unit.text() == "т"
    dialog.value.setText("9.5")
    claim = dialog.claim()
    assert claim["unit"] == "t", "a Russian 'т' is the atlas's 't': the figures compare"
    dialog.deleteLater()
