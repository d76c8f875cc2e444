"""The info panel (dock): the selected feature's name, attributes, figures and citations.

Figures are the claims about the feature, one row each (value, unit, date, source); where sources
disagree the rows are marked and both figures are named. Citations are formatted in APA or
GOST R 7.0.5-2008 (a setting), each with Copy and, where it has a URL, Open in the system browser.
Every data text goes into plain-text labels or table items: nothing from the data is markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gis_app.core import citations, claim_notes, indicators, statistics
from gis_app.core.catalog import Catalog
from gis_app.core.evidence import Claim, short_citation
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.i18n import feature_name, pick
from gis_app.core.values import field_text
from gis_app.ui import settings as typed_settings
from gis_app.ui import table_fit
from gis_app.ui.citation_row import CitationRow, citation_row
from gis_app.ui.i18n import Retranslating
from gis_app.ui.plain import text_label
from gis_app.ui.plain import tip as plain_tip

DISPUTE_COLOUR = "#fde2c4"
SKIP_FIELDS = {"name", "citations", "id"}


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # until deleted it would still paint, over the new rows
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


class InfoPanel(Retranslating, QWidget):
    style_changed = Signal(str)   # "apa" | "gost"
    cite_requested = Signal(str, str)  # layer id, feature id: "Cite source…" (ui/digitise.py)
    add_figure_requested = Signal(str, str)    # layer id, feature id (ui/evidence_ui.py answers)
    edit_figure_requested = Signal(str)        # a claim id of the user's
    delete_figure_requested = Signal(str)

    def __init__(self, catalog: Catalog, store: FeatureStore, claims: list[Claim],
                 bibliography: dict[str, dict], settings=None, lang: str = "en",
                 parent=None):
        super().__init__(parent)
        self.catalog, self.store, self.claims, self.bibliography = catalog, store, claims, bibliography
        # settings: a typed Settings (gis_app.ui.settings), a QSettings, or None (nothing remembered)
        self.settings, self.lang = typed_settings.wrap(settings), lang
        self.current: tuple[str, str] | None = None
        self.evidence = None  # the document's Evidence (shipped + the user's), once set_evidence is called
        self.shown_claims: list[Claim] = []
        self.disputes: dict[str, list[Claim]] = {}
        self.style = (self.settings.get(typed_settings.CITATION_STYLE) if self.settings is not None
                      else citations.DEFAULT_STYLE)

        self.title = text_label("", self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = text_label("", self)
        self.subtitle.setStyleSheet("color: #555;")
        self.attributes = QFormLayout()
        self.attributes.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # resizeEvent decides
        self.attributes.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.figures_heading = text_label("", self, selectable=False)
        self.claims_table = QTableWidget(0, 5, self)
        self.claims_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.claims_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claims_table.verticalHeader().setVisible(False)
        self.claims_table.setWordWrap(True)
        header = self.claims_table.horizontalHeader()
        modes = QHeaderView.ResizeMode
        for column, mode in enumerate((modes.Stretch, modes.ResizeToContents, modes.ResizeToContents,
                                       modes.ResizeToContents, modes.Stretch)):
            header.setSectionResizeMode(column, mode)
        # A narrow dock shows value+unit and source+date in two columns (gis_app/ui/table_fit.py).
        table_fit.install(self.claims_table, self._fit_table)
        header.sectionResized.connect(lambda *_a: self._fit_table())
        self.claims_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.claims_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.claims_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button, self.edit_button, self.delete_button = (QPushButton(self) for _ in range(3))
        self.add_button.setObjectName("addFigure")
        self.add_button.clicked.connect(
            lambda: self.current and self.add_figure_requested.emit(*self.current))
        self.edit_button.clicked.connect(lambda: self._own_selected() and self.edit_figure_requested.emit(
            self._own_selected()))
        self.delete_button.clicked.connect(lambda: self._own_selected() and self.delete_figure_requested.emit(
            self._own_selected()))
        self.claims_table.itemSelectionChanged.connect(self._selection_changed)
        self.dispute_label = text_label("", self)
        self.dispute_label.setStyleSheet(f"background: {DISPUTE_COLOUR}; padding: 4px; border-radius: 3px;")
        self.reader_notes = text_label("", self)  # what a reader must know of a figure (claim_notes)
        self.reader_notes.setStyleSheet("background: #eef3fa; padding: 4px; border-radius: 3px;")
        self.citations_heading = text_label("", self, selectable=False)
        self.style_box = QComboBox(self)
        for key, name in citations.STYLE_NAMES.items():
            self.style_box.addItem(name, key)
        self.style_box.setCurrentIndex(self.style_box.findData(self.style))
        self.style_box.currentIndexChanged.connect(lambda _i: self.set_style(self.style_box.currentData()))
        self.citation_rows: list[CitationRow] = []
        # The sources the project cites for a feature and its layer: (layer id, feature id) ->
        # (source ids, the sources by id); set by ui/digitise.py, which also answers the button.
        self.cited_sources = None
        self.cite_button = QPushButton(self)
        self.cite_button.clicked.connect(lambda: self.current and self.cite_requested.emit(*self.current))
        self.citations_box = QVBoxLayout()
        self.empty_label = text_label("", self, selectable=False)
        self.empty_label.setStyleSheet("color: #666;")

        for heading in (self.figures_heading, self.citations_heading):
            f = QFont(heading.font())
            f.setBold(True)
            heading.setFont(f)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self.empty_label)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addLayout(self.attributes)
        column.addWidget(self.figures_heading)
        column.addWidget(self.claims_table)
        self.figure_buttons = figure_buttons = QHBoxLayout()  # stacked in a narrow dock (resizeEvent)
        for button in (self.add_button, self.edit_button, self.delete_button):
            figure_buttons.addWidget(button)
        figure_buttons.addStretch(1)
        column.addLayout(figure_buttons)
        column.addWidget(self.dispute_label)
        column.addWidget(self.reader_notes)
        style_row = QHBoxLayout()
        style_row.addWidget(self.citations_heading, 1)
        style_row.addWidget(self.style_box)
        column.addLayout(style_row)
        column.addLayout(self.citations_box)
        column.addWidget(self.cite_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate_ui()
        self.clear()

    # A narrow dock puts each attribute's name above its value. Qt's WrapLongRows under-reckons the
    # height of wrapped values in a narrow column (the scroll area then cuts them), so it is used
    # only where a value's column is wide enough for that not to happen.
    NARROW = 420

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if event.size().width() < self.NARROW
                  else QFormLayout.RowWrapPolicy.WrapLongRows)
        if self.attributes.rowWrapPolicy() != policy:
            self.attributes.setRowWrapPolicy(policy)
        # Add figure… / Edit… / Delete side by side need about 330 px (more in Kazakh): one under the
        # other in a narrow dock, so none is cut off
        narrow = event.size().width() < self.NARROW
        self.figure_buttons.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                         else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    # --- texts ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.empty_label.setText(self.tr("Click a feature on the map, a row of the attribute table, a "
                                         "bar of a chart or a search result to see it here."))
        self.figures_heading.setText(self.tr("Figures (each with its source)"))
        self.claims_table.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("Value"), self.tr("Unit"), self.tr("Date"), self.tr("Source")])
        self.citations_heading.setText(self.tr("Sources"))
        self.cite_button.setText(self.tr("Cite source…"))
        self.cite_button.setToolTip(self.tr("Attach sources to this feature or to its whole layer"))
        self.style_box.setToolTip(self.tr("Citation style: APA 7 or GOST R 7.0.5-2008"))
        self.style_box.setAccessibleName(self.tr("Citation style: APA 7 or GOST R 7.0.5-2008"))
        self.claims_table.setAccessibleName(self.tr("Figures (each with its source)"))
        self.add_button.setText(self.tr("Add figure…"))
        self.add_button.setToolTip(self.tr("Add a figure of your own about this, with its source"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected figure (only your own)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected figure (only your own)"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.toolTip())
        if self.current:
            self.show_feature(*self.current)

    def set_lang(self, lang: str) -> None:
        self.lang = lang  # shown again by retranslate_ui, on the LanguageChange that follows

    def set_style(self, style: str) -> None:
        if style not in citations.STYLES:
            return
        if self.style_box.currentData() != style:
            self.style_box.setCurrentIndex(self.style_box.findData(style))  # comes back here
            return
        changed = style != self.style
        self.style = style
        if self.settings is not None:
            self.settings.set(typed_settings.CITATION_STYLE, style)
        if self.current:
            self._fill_citations(*self.current)
        if changed:
            self.style_changed.emit(style)

    # --- content ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.current = None
        self.shown_claims, self.disputes = [], {}
        self.empty_label.setVisible(True)
        for w in (self.title, self.subtitle, self.figures_heading, self.claims_table, self.dispute_label,
                  self.reader_notes, self.citations_heading, self.style_box, self.cite_button,
                  self.add_button, self.edit_button, self.delete_button):
            w.setVisible(False)
        _clear(self.attributes)
        _clear(self.citations_box)
        self.citation_rows = []

    def show_feature(self, layer_id: str, feature_id: str) -> bool:
        try:
            layer = self.catalog.layer(layer_id)
            props = self.store.properties(layer_id, feature_id)
        except (KeyError, DataError):
            self.clear()
            return False
        self.current = (layer_id, feature_id)
        self.empty_label.setVisible(False)
        own = props.get(layer.name_field) if layer.name_field else None  # a user layer's name field
        self.title.setText(feature_name(props, self.lang) or ("" if own is None else str(own)) or feature_id)
        self.subtitle.setText(layer.title_in(self.lang))
        for w in (self.title, self.subtitle, self.citations_heading, self.style_box, self.add_button):
            w.setVisible(True)
        self.cite_button.setVisible(self.cited_sources is not None)
        self.shown_claims = statistics.claims_for(self.claims, layer_id, feature_id)
        self.disputes = {k: v for k, v in statistics.disagreeing(self.claims).items()
                         if k in {c.claim_id for c in self.shown_claims}}
        self._fill_attributes(layer, props)
        self._fill_claims()
        self._fill_citations(layer_id, feature_id)
        return True

    def _fill_attributes(self, layer, props: dict) -> None:
        _clear(self.attributes)
        fields = [p for p in layer.popup if p.field not in SKIP_FIELDS]
        if self.shown_claims:  # the figures table says it better than the summary text
            fields = [p for p in fields if p.field != "figures"]
        for popup in fields:
            text = field_text(props, popup.field, self.lang, popup.shows, self.store.country_names())
            if not text:
                continue
            key = text_label(pick(popup.label, self.lang), selectable=False)
            key.setStyleSheet("color: #444; font-weight: 600;")
            self.attributes.addRow(key, text_label(text))

    def _fill_claims(self) -> None:
        table = self.claims_table
        table.setRowCount(len(self.shown_claims))
        for row, claim in enumerate(self.shown_claims):
            disputed = claim.claim_id in self.disputes
            label = self._indicator_label(claim.indicator)
            if claim.estimate:
                label += " " + self.tr("(estimate)")
            own = self.is_own(claim.claim_id)
            if own:
                label += " " + self.tr("(yours)")
            cells = [("⚠ " if disputed else "") + label, statistics.display_value(claim, self.lang),
                     statistics.unit_label(claim.unit, self.lang), statistics.date_text(claim, self.lang),
                     short_citation(self.bibliography.get(claim.citation, {"id": claim.citation}), self.lang)]
            where = self.tr("Where: {0}").format(claim.locator) if claim.locator else ""
            reader_note = claim_notes.note(claim, self.lang)
            if reader_note:
                cells[0] = "† " + cells[0]
            whole = cells[1]
            if claim.number is None and len(whole) > 40:  # a text (a table's cell): whole in the tip
                cells[1] = whole[:39].rstrip(" ,;") + "…"
            mine = self.tr("Added by you") if own else ""
            note = "\n".join(t for t in (reader_note or claim.note, where, mine) if t)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:  # the whole label, should the narrow column cut it short
                    item.setToolTip(plain_tip("\n".join(t for t in (text, note) if t)))
                elif column == 1 and whole != text:
                    item.setToolTip(plain_tip("\n".join(t for t in (whole, note) if t)))
                elif note:
                    item.setToolTip(plain_tip(note))
                if disputed:
                    item.setBackground(QColor(DISPUTE_COLOUR))
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        self._fit_table()
        has = bool(self.shown_claims)
        self.figures_heading.setVisible(has)
        table.setVisible(has)
        self._selection_changed()
        lines = []
        done = set()
        for claim in self.shown_claims:
            others = self.disputes.get(claim.claim_id)
            if not others or claim.claim_id in done:
                continue
            group = [claim, *others]
            done.update(c.claim_id for c in group)
            figures = self.tr(" vs ").join(
                "{} ({}, {})".format(statistics.value_with_unit(c, self.lang), short_citation(
                    self.bibliography.get(c.citation, {"id": c.citation}), self.lang), c.date) for c in group)
            label = self._indicator_label(claim.indicator)
            lines.append(self.tr("⚠ Sources disagree on {0}: {1}").format(
                indicators.in_sentence(label, self.lang), figures))
        self.dispute_label.setText("\n".join(lines))
        self.dispute_label.setVisible(bool(lines))
        self._fill_reader_notes()

    def _fill_reader_notes(self) -> None:
        """Each figure's reader note (a contradiction, a source not identified, no date) in full."""
        lines = []
        for claim in self.shown_claims:
            note = claim_notes.note(claim, self.lang)
            if note:
                label = statistics.indicator_label(claim.indicator, self.lang)
                lines.append(f"† {label} ({statistics.value_with_unit(claim, self.lang)}): {note}")
        self.reader_notes.setText("\n".join(dict.fromkeys(lines)))
        self.reader_notes.setVisible(bool(lines))

    def _fit_table(self) -> None:
        """Rows as tall as their wrapped text, the table as tall as its rows (the panel scrolls)."""
        table = self.claims_table
        if getattr(self, "_fitting", False):
            return
        self._fitting = True  # hiding columns resizes the others, which calls this again
        try:
            table_fit.fit(table, table.viewport().width() or table.width())
        finally:
            self._fitting = False
        height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    def citation_ids(self, layer_id: str, feature_id: str) -> list[str]:
        """The feature's own sources, then those of its figures; the layer's if it has none."""
        try:
            props = self.store.properties(layer_id, feature_id)
        except (KeyError, DataError):
            return []
        ids = [c for c in props.get("citations") or [] if isinstance(c, str)]
        ids += [c.citation for c in self.shown_claims]
        if not ids:
            ids = list(self.catalog.layer(layer_id).citations)
        return list(dict.fromkeys(ids))

    def _fill_citations(self, layer_id: str, feature_id: str) -> None:
        _clear(self.citations_box)
        rows = [citation_row(i, self.style, self.bibliography, self)
                for i in self.citation_ids(layer_id, feature_id)]
        ids, items = self.cited_sources(layer_id, feature_id) if self.cited_sources else ([], {})
        if ids:
            heading = text_label(self.tr("Cited in this project:"), self, selectable=False)
            heading.setObjectName("citedHeading")
            rows.append(heading)
        rows += [citation_row(i, self.style, items, self) for i in ids]
        for row in rows:
            self.citations_box.addWidget(row)
        self.citation_rows = [r for r in rows if isinstance(r, CitationRow)]

    def citation_texts(self) -> list[str]:
        return [row.text for row in self.citation_rows]

    # --- the user's own figures (ui/evidence_ui.py edits them) -----------------------------------------
    def set_evidence(self, evidence) -> None:
        """The document's evidence changed (a figure or source of the user's): shown again."""
        self.evidence, self.claims, self.bibliography = evidence, evidence.claims, evidence.bibliography
        if self.current:
            self.show_feature(*self.current)

    def is_own(self, claim_id: str) -> bool:
        return self.evidence is not None and self.evidence.is_user(claim_id)

    def _indicator_label(self, key: str) -> str:
        if self.evidence is not None:
            return self.evidence.indicator_label(key, self.lang)
        return statistics.indicator_label(key, self.lang)

    def _own_selected(self) -> str:
        """The claim id of the selected row if it is the user's ("" otherwise)."""
        rows = {i.row() for i in self.claims_table.selectedIndexes()}
        row = rows.pop() if len(rows) == 1 else -1
        claim = self.shown_claims[row] if 0 <= row < len(self.shown_claims) else None
        return claim.claim_id if claim is not None and self.is_own(claim.claim_id) else ""

    def _selection_changed(self) -> None:
        own = bool(self._own_selected())
        for button in (self.edit_button, self.delete_button):
            button.setVisible(any(self.is_own(c.claim_id) for c in self.shown_claims))
            button.setEnabled(own)
