"""A figure of the analyst's own on a feature or a country: indicator (one of the atlas's or the
user's, or a new one with its labels in Kazakh, Russian and English), value, unit, date, source (any
known one, or a new one through the source form), locator, note, estimate and confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from gis_app.core import user_evidence as ue
from gis_app.core.evidence import CONFIRMED_VALUES, short_citation
from gis_app.core.statistics import unit_label
from gis_app.ui.digitise_forms import SourcePicker
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import error_label, ok_cancel
from gis_app.ui.refusal_text import evidence_text

NEW = "\x00new"  # the indicator chooser's "New indicator…" entry


def unit_code(text: str) -> str:
    """The unit as the claims keep it: a known unit typed in any of the three languages ("т",
    "t", "адам") is its code, so the figure compares with the atlas's; anything else as typed."""
    from gis_app.core import indicators
    text = text.strip()
    for code, labels in indicators.labels().units.items():
        if text.casefold() in {code.casefold(), *(str(v).casefold() for v in labels.values())}:
            return code
    return text


class ClaimDialog(Retranslating, QDialog):
    """`run_form`: how the source form is shown (tests replace it); returns an item or None."""

    def __init__(self, evidence: ue.Evidence, subject: str, subject_name: str, lang: str = "en",
                 claim: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("claimDialog")
        self.evidence, self.subject, self.subject_name, self.lang = evidence, subject, subject_name, lang
        self.original = dict(claim or {})
        self.new_source: dict | None = None
        self.run_form = self._run_form
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.indicator = QComboBox(self)
        self.indicator.currentIndexChanged.connect(self._indicator_changed)
        self.new_box = QGroupBox(self)
        self.label_en, self.label_ru, self.label_kk = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        new_form = QFormLayout(self.new_box)
        self.new_labels = [QLabel(self) for _ in range(3)]
        for label, edit in zip(self.new_labels, (self.label_kk, self.label_ru, self.label_en), strict=True):
            new_form.addRow(label, edit)
        self.value, self.unit, self.date = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        # the window's one source picker (as digitising's): a filter, the project's sources marked
        self.source = SourcePicker({}, set(), [], lang, can_add=True, parent=self, single=True)
        self.source.new_source_requested.connect(self.add_source)
        self.source.list.setMinimumWidth(420)
        self.new_source_button = self.source.new_button
        box = self.indicator  # long titles: the list is wide, the dialog is not
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(36)
        source_row = self.source
        self.locator, self.note = QLineEdit(self), QLineEdit(self)
        self.confirmed = QComboBox(self)
        self.estimate = QCheckBox(self)
        self.error, self.buttons = error_label(self), ok_cancel(self)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(9)]
        rows = (self.indicator, self.value, self.unit, self.date, source_row, self.locator, self.note,
                self.confirmed, self.estimate)
        for label, field in zip(self.labels, rows, strict=True):
            self.form.addRow(label, field)
        self.form.insertRow(1, self.new_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill_sources()
        self.retranslate_ui()
        self._fill(self.original)

    # --- texts and choices ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit figure") if self.original else self.tr("Add figure"))
        self.heading.setText(self.tr("A figure about {0}, with its source").format(self.subject_name))
        current = self.indicator.currentData()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for key in self._indicator_order():
            self.indicator.addItem(self.evidence.indicator_label(key, self.lang), key)
        self.indicator.addItem(self.tr("New indicator…"), NEW)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(current)))
        self.indicator.blockSignals(False)
        self.new_box.setTitle(self.tr("The new indicator's name"))
        for label, text in zip(self.new_labels, (self.tr("Kazakh"), self.tr("Russian"), self.tr("English")),
                               strict=True):
            label.setText(text)
        for label, text in zip(self.labels, (
                self.tr("Indicator"), self.tr("Value"), self.tr("Unit"), self.tr("Date"), self.tr("Source"),
                self.tr("Where in the source"), self.tr("Note"), self.tr("Confirmed"), ""), strict=True):
            label.setText(text)
        self.estimate.setText(self.tr("An estimate"))
        self.date.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.locator.setPlaceholderText(self.tr("Page, table or reference number"))
        self.value.setPlaceholderText(self.tr("A number (1234.5); a text value needs a note"))
        current = self.confirmed.currentData()
        self.confirmed.clear()
        for key, text in zip(CONFIRMED_VALUES, (self.tr("Yes: checked against the source"),
                                                self.tr("Only as the seed text says it"),
                                                self.tr("Not applicable")), strict=True):
            self.confirmed.addItem(text, key)
        self.confirmed.setCurrentIndex(max(0, self.confirmed.findData(current or "n/a")))

    def _indicator_order(self) -> list[str]:
        """The indicators already used on this subject's layer first, then the others by name."""
        layer = self.subject.partition("/")[0] if "/" in self.subject else ""
        near = [c.indicator for c in self.evidence.claims
                if c.subject == self.subject or (layer and c.subject.startswith(layer + "/"))
                or (not layer and "/" not in c.subject)]
        near = list(dict.fromkeys(near))
        rest = sorted((k for k in self.evidence.indicator_ids() if k not in near),
                      key=lambda k: self.evidence.indicator_label(k, self.lang).casefold())
        return near + rest

    def _fill_sources(self, select: str | None = None) -> None:
        bib = dict(self.evidence.bibliography)
        if self.new_source is not None:
            bib[self.new_source["id"]] = self.new_source
        self.source.own = {i for i in bib if i in self.evidence.user_sources
                           or i == (self.new_source or {}).get("id")}
        self.source.set_sources(bib, [select] if select else None)

    def _indicator_changed(self, _index: int = 0) -> None:
        key = self.indicator.currentData()
        self.new_box.setVisible(key == NEW)
        # The unit follows the indicator unless the user typed one of their own.
        if key != NEW and key and self.unit.text().strip() in ("", getattr(self, "_auto_unit", "")):
            self._auto_unit = unit_label(self.evidence.indicator_unit(key), self.lang)
            self.unit.setText(self._auto_unit)

    def _fill(self, claim: dict) -> None:
        if claim:
            self.indicator.setCurrentIndex(max(0, self.indicator.findData(claim.get("indicator"))))
            self.value.setText(str(claim.get("value", "")))
            self.unit.setText(unit_label(str(claim.get("unit", "")), self.lang))
            self.date.setText(str(claim.get("date", "")))
            self._fill_sources(select=claim.get("citation"))
            self.locator.setText(str(claim.get("locator", "")))
            self.note.setText(str(claim.get("note", "")))
            self.confirmed.setCurrentIndex(max(0, self.confirmed.findData(claim.get("confirmed", "n/a"))))
            self.estimate.setChecked(bool(claim.get("estimate")))
        self._indicator_changed()

    # --- a new source ----------------------------------------------------------------------------------
    @staticmethod
    def _run_form(form) -> bool:
        return form.exec() == QDialog.DialogCode.Accepted

    def add_source(self) -> None:
        from gis_app.ui.source_form import SourceForm
        form = SourceForm(None, self)
        if not self.run_form(form):
            return
        item = form.item()
        found = ue.duplicate_of(item, list(self.evidence.bibliography.values()))
        if found is not None:  # a source the atlas or the project has already: that one is ticked
            same = found[0]
            self._fill_sources(select=same["id"])
            self.error.setText(self.tr("This source is in the list already ({0}): it is ticked.").format(
                short_citation(same, self.lang)))
            return
        item["id"] = ue.new_id(short_citation(item).replace(" ", "_"), self.evidence.bibliography)
        self.new_source = item
        self._fill_sources(select=item["id"])

    # --- the result -------------------------------------------------------------------------------------
    def new_indicator(self) -> dict | None:
        if self.indicator.currentData() != NEW:
            return None
        label = {"kk": self.label_kk.text().strip(), "ru": self.label_ru.text().strip(),
                 "en": self.label_en.text().strip()}
        base = label["en"] or label["ru"] or label["kk"]
        return {"id": ue.new_id(base, self.evidence.indicator_ids()), "label": label,
                "unit": unit_code(self.unit.text())}

    def claim(self) -> dict:
        indicator = self.new_indicator()
        taken = [c.claim_id for c in self.evidence.claims]
        key = indicator["id"] if indicator else self.indicator.currentData()
        claim_id = self.original.get("claim_id") or ue.new_id(
            f"{self.subject.rpartition('/')[2]}_{str(key).removeprefix('u_')}", taken)
        return ue.claim_dict({"claim_id": claim_id, "subject": self.subject, "indicator": key,
                              "value": self.value.text(), "unit": unit_code(self.unit.text()),
                              "date": self.date.text(),
                              "citation": next(iter(self.source.checked_ids()), ""),
                              "locator": self.locator.text(),
                              "note": self.note.text(), "confirmed": self.confirmed.currentData(),
                              "estimate": self.estimate.isChecked()})

    def problem(self) -> str:
        indicator = self.new_indicator()
        if indicator is not None and ue.indicator_problem(indicator):
            return self.tr("Name the new indicator in at least one language.")
        claim = self.claim()
        if not claim["value"]:
            return self.tr("Give the figure's value.")
        if not claim["date"]:
            return self.tr("Give the date the figure is for (at least the year).")
        if not claim["citation"]:
            return self.tr("Choose the figure's source, or add a new one.")
        why = ue.claim_problem(claim)
        if why.code == "figure-bad-date":
            return self.tr("The date must be YYYY, YYYY-MM or YYYY-MM-DD (or a range, 2019/2021).")
        if why.code in ("figure-text-value", "figure-infinite"):
            return self.tr("The value is not a number: say in the note what it means.") \
                if why.code == "figure-text-value" else evidence_text(why, self.evidence, self.lang)
        return self.tr("This figure cannot be kept: {0}").format(
            evidence_text(why, self.evidence, self.lang)) if why else ""

    def accept(self) -> None:
        why = self.problem()
        self.error.setText(why)
        if not why:
            super().accept()
