"""Refusals reach a Kazakh or Russian window in its language, naming a source by its short citation
and a figure by its indicator's label, never by an internal id (u_…) or an English sentence: the
document's refusals of the analyst's evidence, the figure form, a bibliography import, digitising.
The English sentences stay for the command line and the logs (str(exc))."""

from __future__ import annotations

import json
import re

import pytest
from conftest import close_window, make_window

from gis_app.core import bib_import as bi
from gis_app.core import digitised as dg
from gis_app.core import user_evidence as ue
from gis_app.ui.evidence_commands import AddEntry, Macro, RemoveEntry

ENGLISH = re.compile(r"\b(the|figure|figures|source|sources|is|not|entry|layer|skipped)\b|u_", re.I)
SOURCE = {"id": "u_ivanov2022", "type": "article-journal", "title": "Наркотрафик в Центральной Азии",
          "author": [{"family": "Иванов", "given": "Иван"}], "issued": {"date-parts": [[2022]]}}


@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(lang="kk")
    yield win
    win.set_language("en")  # the application's translator is shared: the next module reads English
    close_window(win)


def said(prompts) -> str:
    text = prompts.messages("warn")[-1].text
    assert not ENGLISH.search(text), f"English or an internal id reached the window: {text!r}"
    return text


def test_the_documents_refusals_of_evidence_are_said_in_kazakh_and_russian(window, prompts):
    window.set_language("kk")
    doc, ui = window.document, window.evidence_ui
    assert ui._push(AddEntry(doc, "sources", SOURCE, "add source"))
    # the same source again: named by author and year, not by its id
    assert not ui._push(AddEntry(doc, "sources", SOURCE, "add source"))
    assert said(prompts) == "Бұл дереккөз жобада бар (Иванов 2022)."
    claim = {"claim_id": "u_KAZ_drugs", "subject": "KAZ", "indicator": "drugs_seized", "value": "4.2",
             "unit": "t", "date": "2021", "citation": "u_ivanov2022"}
    assert ui._push(AddEntry(doc, "claims", claim, "add figure"))
    # a source a figure cites cannot be removed: the document refuses, the window says it in Russian
    window.set_language("ru")
    assert not ui._push(RemoveEntry(doc, "sources", "u_ivanov2022", "remove source"))
    text = said(prompts)
    assert text.startswith("На источник Иванов 2022 ссылаются ваши показатели (1)"), text
    # a figure whose source is not known, in one macro with a new source: all refused, in Russian
    macro = Macro(doc, "bad")
    macro.add(AddEntry(doc, "sources", {"id": "u_new_one", "title": "Новый источник"}))
    macro.add(AddEntry(doc, "claims", {**claim, "claim_id": "u_other", "citation": "u_gone"}))
    assert not ui._push(macro)
    assert said(prompts) == ("Источника показателя нет ни среди источников атласа, ни среди источников "
                             "проекта (возможно, он удалён?).")
    # the same figure id twice: named by its indicator's label
    assert not ui._push(AddEntry(doc, "claims", claim))
    text = said(prompts)
    label = doc.evidence.indicator_label("drugs_seized", "ru")
    assert text == f"Показатель «{label}» с таким же идентификатором уже есть в проекте."
    # the command line and the logs keep the English sentence
    with pytest.raises(ue.EvidenceError, match="is cited by 1 figure") as refused:
        doc.remove_source("u_ivanov2022")
    assert refused.value.code == "source-cited" and refused.value.args_["figures"] == 1
    window.undo_stack.clear()
    doc.remove_claim("u_KAZ_drugs")
    doc.remove_source("u_ivanov2022")


def test_the_figure_form_says_what_is_wrong_in_the_windows_language(window):
    window.set_language("ru")
    from gis_app.ui.claim_editor import ClaimDialog
    ev = window.document.evidence
    source = next(iter(ev.bibliography))
    dialog = ClaimDialog(ev, "KAZ", "Казахстан", "ru", None, window)
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("drugs_seized"))
    dialog.value.setText("1e400")
    dialog.date.setText("2021")
    assert dialog.source.set_checked(source)
    dialog.accept()
    assert dialog.error.text() == "Значение 1e400 не является конечным числом."
    dialog.value.setText("4")
    dialog.date.setText("soon")
    dialog.accept()
    assert dialog.error.text() == "Дата должна быть ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (или диапазон, 2019/2021)."
    dialog.deleteLater()


def test_a_bibliography_refused_or_partly_read_is_said_in_kazakh(window, prompts, tmp_path):
    window.set_language("kk")
    junk = tmp_path / "notes.txt"
    junk.write_text("just some notes, no references\n", encoding="utf-8")
    assert window.evidence_ui.import_file(junk) == -1
    assert said(prompts) == "notes.txt: атлас оқитын библиография емес (CSL-JSON, BibTeX немесе RIS)."
    # an entry skipped: its reason (no title) said in Kazakh, named by the file's own key
    read = bi.read_text('[{"id": "smith2020", "type": "book"}]', "csl", "refs.json")
    from gis_app.ui.refusal_text import bibliography_problem
    (problem,) = read.problems
    assert problem.startswith("refs.json: entry 1 (smith2020) skipped"), "English for the command line"
    assert bibliography_problem(problem, "kk") == \
        "refs.json: 1-жазба (smith2020) өткізіп жіберілді: Дереккөздің атауы болуы керек."


def test_digitising_refusals_are_said_in_kazakh(window, prompts, qtbot):
    window.set_language("kk")
    from gis_app.ui.digitise_forms import TargetDialog
    target = TargetDialog([], window)
    target.new_radio.setChecked(True)
    target.title_edit.setText("Посттар")
    target.fields_edit.setText("name, id")
    target.accept()
    assert target.error.text() == "«id» — атластың өз өрісі: басқа атау таңдаңыз."
    target.deleteLater()
    d = window.digitise
    d.ask_target = lambda _dialog: {"title": "Посттар", "geometry": "point", "fields": ["name"]}
    assert d.start()
    layer_id = d.target
    d.drawn(json.dumps({"type": "LineString", "coordinates": [[70, 40], [71, 41]]}))
    text = said(prompts)
    assert text.endswith("Бұл қабатта нүктелер бар: нүкте салыңыз."), text
    d.drawn(json.dumps({"type": "Point", "coordinates": [270, 40]}))
    assert said(prompts).endswith("(270.0, 40.0) — Жердегі орын емес.")
    with pytest.raises(dg.DigitiseError, match="not a place on the Earth"):  # English for the logs
        dg.check_geometry("point", {"type": "Point", "coordinates": [270, 40]})
    d.stop()
    window.undo_stack.clear()
    window.document.remove_user_layer(layer_id)


def test_the_info_docks_figure_buttons_fit_a_narrow_kazakh_dock(window, qtbot):
    """Көрсеткіш қосу… / Өңдеу… / Жою side by side need more than a 300 px dock: they stack, and
    none runs out of the dock."""
    from PySide6.QtCore import QPoint

    window.set_language("kk")
    panel, doc = window.info_panel, window.document
    source = SOURCE["id"] if SOURCE["id"] in doc.evidence.bibliography else doc.add_source(SOURCE)
    doc.add_claim({"claim_id": "u_kgz_narrow", "subject": "drug_seizures_2021/KGZ",
                   "indicator": "drugs_seized", "value": "4.2", "unit": "t", "date": "2021",
                   "citation": source, "locator": "", "note": "",
                   "confirmed": "n/a", "estimate": False})  # a figure of the user's: Edit… and Delete shown
    window.select_feature("drug_seizures_2021", "KGZ")
    window.info_dock.show()
    window.info_dock.setFloating(True)
    window.info_dock.resize(300, 800)
    qtbot.waitUntil(lambda: panel.width() <= 300, timeout=3000)
    qtbot.wait(50)
    try:
        assert panel.add_button.isVisible()
        for button in (panel.add_button, panel.edit_button, panel.delete_button):
            right = button.mapTo(panel, QPoint(button.width(), 0)).x()
            assert not button.isVisible() or right <= panel.width(), (button.text(), right, panel.width())
        assert panel.edit_button.isVisible() and panel.delete_button.isVisible()
    finally:
        window.info_dock.setFloating(False)
        doc.remove_claim("u_kgz_narrow")
