"""Citations as the users' standards require: GOST R 7.0.5-2008's electronic-resource marker, URL
and access date; the style's italics in the Info and Sources panels, the PDF's sources page and the
web map, with the item's text always text; a title's translation in brackets; the Sources list in
the style's order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument

from gis_app.core import citations

ONLINE_RU = {"id": "u_ria", "type": "webpage", "language": "ru",
             "author": [{"family": "Иванов", "given": "И. И."}],
             "title": "Пограничный конфликт на границе Киргизии и Таджикистана",
             "original-title": "Border conflict on the Kyrgyz–Tajik border",
             "container-title": "РИА Новости", "URL": "https://ria.ru/20220916/kyrgyzstan.html",
             "accessed": {"date-parts": [[2024, 3, 5]]}, "issued": {"date-parts": [[2022, 9, 16]]}}
BOOK = {"id": "u_book", "type": "book", "author": [{"family": "Rashid", "given": "Ahmed"}],
        "title": "Jihad: The rise of militant Islam in Central Asia", "publisher": "Yale University Press",
        "publisher-place": "New Haven", "issued": {"date-parts": [[2002]]}}
HOSTILE = {"id": "u_hostile", "type": "book", "author": [{"family": "Zed", "given": "A."}],
           "title": "Attack <script>alert(1)</script> & <b>bold</b> \ue000", "publisher": "X",
           "issued": {"date-parts": [[2020]]}}
KAZAKH = {"id": "u_kk", "type": "book", "author": [{"family": "Әуезов", "given": "М."}],
          "title": "Абай жолы", "issued": {"date-parts": [[1942]]}}
LATIN_A = {"id": "u_abc", "type": "report", "author": [{"literal": "Asia Foundation"}],
           "title": "Border survey", "issued": {"date-parts": [[2019]]}}


@pytest.fixture()
def items():
    return {i["id"]: dict(i) for i in (ONLINE_RU, BOOK, HOSTILE, KAZAKH, LATIN_A)}


def test_a_russian_online_source_in_gost_has_the_marker_url_and_access_date(items):
    text = citations.format_citation("u_ria", "gost", items)
    assert text.startswith("Иванов И. И. Пограничный конфликт на границе Киргизии и Таджикистана")
    assert "[Электронный ресурс]" in text
    assert "URL: https://ria.ru/20220916/kyrgyzstan.html" in text
    assert text.endswith("(дата обращения: 05.03.2024).")


def test_an_online_article_or_report_in_gost_is_marked_too(items):
    """The CSL style marks web pages only; GOST marks every source read online."""
    article = {**ONLINE_RU, "id": "u_art", "type": "article-newspaper"}
    report = {**BOOK, "id": "u_rep", "type": "report", "URL": "https://example.org/r.pdf"}
    items.update({"u_art": article, "u_rep": report})
    text = citations.format_citation("u_art", "gost", items)
    assert "[Border conflict on the Kyrgyz–Tajik border] [Электронный ресурс] // РИА Новости. 2022." in text
    assert text.endswith("URL: https://ria.ru/20220916/kyrgyzstan.html (дата обращения: 05.03.2024).")
    report_text = citations.format_citation("u_rep", "gost", items)
    assert "Central Asia [Электронный ресурс]" in report_text
    assert report_text.endswith("URL: https://example.org/r.pdf.")   # no access date: none invented
    assert "Электронный" not in citations.format_citation("u_book", "gost", items)  # not online


def test_a_title_gets_its_translation_in_brackets_outside_the_italics(items):
    gost = citations.format_citation("u_ria", "gost", items)
    assert "Таджикистана [Border conflict on the Kyrgyz–Tajik border] [Электронный ресурс]" in gost
    runs = citations.citation_runs("u_ria", "apa", items)
    italic = [t for t, i in runs if i]
    assert italic == ["Пограничный конфликт на границе Киргизии и Таджикистана"]
    assert "[Border conflict on the Kyrgyz–Tajik border]" in "".join(t for t, i in runs if not i)
    assert "Original work" not in citations.format_citation("u_ria", "apa", items)


def test_apa_italicises_a_book_title_in_html(items):
    html = citations.citation_html("u_book", "apa", items)
    assert "<i>Jihad: The rise of militant Islam in Central Asia</i>" in html
    assert html.replace("<i>", "").replace("</i>", "") == citations.format_citation("u_book", "apa", items)


def test_a_script_in_a_title_stays_text(items, qtbot):
    from PySide6.QtWidgets import QLabel

    from gis_app.ui.rich_citation import show_rich

    html = citations.citation_html("u_hostile", "apa", items)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    label = QLabel()
    qtbot.addWidget(label)
    show_rich(label, "u_hostile", "apa", items)
    doc = QTextDocument()
    doc.setHtml(label.text())
    assert "Attack <script>alert(1)</script> & <b>bold</b>" in doc.toPlainText()  # what a reader sees


def test_the_sources_list_is_in_the_styles_order(items):
    gost = citations.sorted_ids(items, "gost", items)
    apa = citations.sorted_ids(items, "apa", items)
    assert gost == ["u_kk", "u_ria", "u_abc", "u_book", "u_hostile"]  # Cyrillic (Ә before И) then Latin
    assert apa == ["u_abc", "u_book", "u_hostile", "u_kk", "u_ria"]


def test_the_sources_panel_shows_italics_in_the_styles_order(qtbot, items):
    from gis_app.core.catalog import load_catalog
    from gis_app.core.map_state import MapState
    from gis_app.ui.rich_citation import HTML_ROLE
    from gis_app.ui.sources_panel import SourcesPanel

    catalog = load_catalog()
    state = MapState(catalog)
    panel = SourcesPanel(catalog, state, items, style="gost")
    qtbot.addWidget(panel)
    panel.ids = list(items)
    panel._fill()
    assert [panel.list.item(i).text()[:6] for i in range(3)] == ["Әуезов", "Иванов", "Asia F"]
    panel.style = "apa"
    panel._fill()
    rows = {panel.list.item(i).data(0): panel.list.item(i).data(HTML_ROLE) for i in range(panel.list.count())}
    assert any("<i>Jihad: The rise of militant Islam in Central Asia</i>" in h for h in rows.values())
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.list.sizeHintForRow(0) > 10  # the delegate lays the rows out


def test_the_pdf_sources_page_has_italic_titles_and_plain_text(tmp_path, qapp, items):
    pymupdf = pytest.importorskip("pymupdf")
    from gis_app.render.sources_page import paint_sources_pages

    path = tmp_path / "s.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.drawText(QRectF(10, 10, 300, 40), "map page")
    paint_sources_pages(writer, painter, (210.0, 297.0), list(items), items)
    painter.end()
    doc = pymupdf.open(path)
    blocks = doc[1].get_text("dict")["blocks"]
    spans = [s for b in blocks for line in b.get("lines", []) for s in line["spans"]]
    italic = " ".join(s["text"] for s in spans if s["flags"] & 2)
    upright = " ".join(s["text"] for s in spans if not s["flags"] & 2)
    assert "Jihad: The rise of militant Islam in Central Asia" in italic
    assert "Rashid" in upright and "Rashid" not in italic
    text = doc[1].get_text()
    assert "Attack <script>alert(1)</script> & <b>bold</b>" in text
    order = [text.index(s) for s in ("Asia Foundation", "Rashid", "Zed", "Әуезов", "Иванов")]
    assert order == sorted(order)  # APA: alphabetical


def test_a_web_page_in_gost_names_its_site_and_date():
    """GOST R 7.0.5-2008: a web page is a part of a whole: "… [Электронный ресурс] // site. year.
    URL: … (дата обращения: …)." (the CSL style leaves the site out)."""
    items = {"w": {"id": "w", "type": "webpage", "title": "Наркотрафик", "original-title": "Drug trafficking",
                   "author": [{"family": "Иванов", "given": "Иван"}], "container-title": "Азаттык",
                   "issued": {"date-parts": [[2020, 5]]}, "URL": "https://rus.azattyk.org/a",
                   "accessed": {"date-parts": [[2024, 1, 2]]}}}
    assert citations.format_citation("w", "gost", items) == (
        "Иванов И. Наркотрафик [Drug trafficking] [Электронный ресурс] // Азаттык. 2020. "
        "URL: https://rus.azattyk.org/a (дата обращения: 02.01.2024).")
