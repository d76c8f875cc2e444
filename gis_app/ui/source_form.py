"""A source added or changed by hand: type, authors, title, container, date, link, DOI, language and
a translated title, as a CSL-JSON item. What is wrong is said under the form, in words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from gis_app.core import user_evidence as ue
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import error_label, ok_cancel
from gis_app.ui.refusal_text import evidence_text

TYPES = ("article-journal", "article-newspaper", "book", "chapter", "report", "webpage", "dataset",
         "legislation", "treaty", "thesis", "paper-conference", "document")
LANGS = ("", "kk", "ru", "en")


def authors_text(item: dict) -> str:
    lines = []
    for person in item.get("author") or []:
        if person.get("literal"):
            lines.append(person["literal"])
        else:
            lines.append(", ".join(p for p in (person.get("family"), person.get("given")) if p))
    return "\n".join(lines)


def parse_authors(text: str) -> list[dict]:
    """One author a line: "Family, Given" for a person, anything else as written (an organisation)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        family, comma, given = line.partition(",")
        out.append({"family": family.strip(), "given": given.strip()} if comma and given.strip()
                   else {"family": family.strip()} if comma else {"literal": line})
    return out


def date_text(item: dict, key: str = "issued") -> str:
    parts = ue.csl_date_parts(item.get(key)) or []
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


class SourceForm(Retranslating, QDialog):
    def __init__(self, item: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("sourceForm")
        self.original = dict(item or {})
        self.kind = QComboBox(self)
        self.authors = QPlainTextEdit(self)
        self.authors.setTabChangesFocus(True)
        self.authors.setFixedHeight(70)
        self.title_edit, self.container, self.date = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.url, self.doi, self.translated = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(LANGS)
        self.error, self.buttons = error_label(self), ok_cancel(self)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(9)]
        for label, field in zip(self.labels, (self.kind, self.authors, self.title_edit, self.container,
                                               self.date, self.url, self.doi, self.language,
                                               self.translated), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._fill(self.original)
        self.resize(520, self.sizeHint().height())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Source"))
        names = {"article-journal": self.tr("Journal article"), "article-newspaper": self.tr("News article"),
                 "book": self.tr("Book"), "chapter": self.tr("Book chapter"), "report": self.tr("Report"),
                 "webpage": self.tr("Web page"), "dataset": self.tr("Dataset"),
                 "legislation": self.tr("Law or decree"), "treaty": self.tr("Treaty"),
                 "thesis": self.tr("Thesis"), "paper-conference": self.tr("Conference paper"),
                 "document": self.tr("Other document")}
        current = self.kind.currentData()
        self.kind.clear()
        for key in TYPES:
            self.kind.addItem(names[key], key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        for label, text in zip(self.labels, (
                self.tr("Type"), self.tr("Authors"), self.tr("Title"), self.tr("Journal, site or book"),
                self.tr("Date"), self.tr("Link (URL)"), self.tr("DOI"), self.tr("Language"),
                self.tr("Translated title")), strict=True):
            label.setText(text)
        self.authors.setPlaceholderText(self.tr("One a line: Family, Given — or an organisation as written"))
        self.date.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.url.setPlaceholderText("https://…")
        self.doi.setPlaceholderText("10.xxxx/…")
        self.translated.setPlaceholderText(self.tr("The title in English, if the source gives one"))

    def _fill(self, item: dict) -> None:
        kind = item.get("type", "article-journal")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind if kind in TYPES else "document")))
        self.authors.setPlainText(authors_text(item))
        self.title_edit.setText(str(item.get("title") or ""))
        self.container.setText(str(item.get("container-title") or ""))
        self.date.setText(date_text(item))
        self.url.setText(str(item.get("URL") or ""))
        self.doi.setText(str(item.get("DOI") or ""))
        self.language.setCurrentText(str(item.get("language") or ""))
        self.translated.setText(str(item.get("original-title") or ""))

    def item(self) -> dict:
        """The source as the form says it (the fields the form does not show are kept)."""
        item = {k: v for k, v in self.original.items()
                if k not in ("author", "title", "container-title", "issued", "URL", "DOI", "language",
                             "original-title", "type")}
        item["type"] = self.kind.currentData()
        authors = parse_authors(self.authors.toPlainText())
        if authors:
            item["author"] = authors
        for key, edit in (("title", self.title_edit), ("container-title", self.container),
                          ("URL", self.url), ("DOI", self.doi), ("original-title", self.translated)):
            if edit.text().strip():
                item[key] = edit.text().strip()
        if item.get("DOI"):
            item["DOI"] = ue.normal_doi(item["DOI"])
        if self.language.currentText().strip():
            item["language"] = self.language.currentText().strip()
        issued = ue.date_to_csl(self.date.text())
        if issued:
            item["issued"] = issued
        return item

    def problem(self) -> str:
        """What keeps the source from being kept, in words ("" when nothing does)."""
        if not self.title_edit.text().strip():
            return self.tr("Give the source's title.")
        if self.date.text().strip() and ue.date_to_csl(self.date.text()) is None:
            return self.tr("The date must be a year (2024), a month (2024-06) or a day (2024-06-30).")
        item = self.item()
        if item.get("URL") and ue.source_problem({"title": "t", "URL": item["URL"]}):
            return self.tr("The link must be a web address that starts with http:// or https://.")
        if item.get("DOI") and ue.source_problem({"title": "t", "DOI": item["DOI"]}):
            return self.tr("The DOI must look like 10.1234/abcd (with or without https://doi.org/).")
        why = ue.source_problem(item)
        return self.tr("This source cannot be kept: {0}").format(evidence_text(why)) if why else ""

    def accept(self) -> None:
        why = self.problem()
        self.error.setText(why)
        if not why:
            super().accept()
