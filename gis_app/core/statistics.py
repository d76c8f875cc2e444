"""Figures per feature and the lecturer's charts, all read from the claims table (no Qt).

A chart is a list of bars; each bar is one claim (its value, unit, date, source), so a chart can
name its sources, mark estimates and show where sources disagree. Nothing is summed or averaged:
where the sources give sides separately, the chart shows the sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import claim_notes, i18n, indicators
from .catalog import Catalog
from .evidence import NO_DATE, Claim, disagreements
from .features import DataError, FeatureStore
from .i18n import feature_name
from .timefilter import in_range

# What a claim's note says of its value, as a sign before the number.
QUALIFIERS = (("more than", ">"), ("at least", "≥"), ("less than", "<"), ("up to", "≤"),
              ("about", "≈"), ("'about", "≈"))


def qualifier(claim: Claim) -> str:
    note = claim.note.strip().lower()
    return next((sign for words, sign in QUALIFIERS if note.startswith(words)), "")


def format_value(value: str, lang: str = "en", unit: str = "") -> str:
    """A claim's value as the locale writes numbers, with as many decimals as the source gave:
    '2735' -> '2 735' (kk, ru; a no-break space) or '2,735' (en); '3.5' -> '3,5'; '-5.3' -> '−5,3'.
    A year stays a year ('1995'); a value that is no number is shown as it is."""
    text = value.strip()
    match = re.fullmatch(r"[-+]?\d+(?:\.(\d+))?", text)
    if match is None or unit == "year":
        return text
    number = float(text)
    out = i18n.format_number(number, lang, len(match.group(1) or ""))
    return out.replace("-", "−")


def display_value(claim: Claim, lang: str = "en") -> str:
    """The value with the sign of its qualifier ('> 9' for "more than 9"), in `lang`'s number format."""
    if claim.number is None:  # a text (a table's cell): its words in `lang` where written
        return claim_notes.texts().value(claim.claim_id, lang) or claim.value
    sign = qualifier(claim)
    text = format_value(claim.value, lang, claim.unit)
    return f"{sign} {text}" if sign else text


def date_text(claim: Claim, lang: str = "en") -> str:
    """The claim's date; "n.d." ("б. г.", "жылсыз") where its source gives none."""
    return claim.date or NO_DATE.get(lang, NO_DATE["en"])


def indicator_label(indicator: str, lang: str = "en") -> str:
    """'uniformed_personnel' -> 'Uniformed personnel in UN peacekeeping' (layers/indicators.toml)."""
    return indicators.labels().indicator(indicator, lang)


def unit_label(unit: str, lang: str = "en") -> str:
    """'persons' -> 'persons', 'чел.', 'адам' (layers/indicators.toml); an unknown unit as it is."""
    return indicators.labels().unit(unit, lang) if unit else ""


def value_with_unit(claim: Claim, lang: str = "en") -> str:
    """'2 752 чел.', '> 9 т', '1 800 млн АҚШ доллары'."""
    unit = unit_label(claim.unit, lang)
    return f"{display_value(claim, lang)} {unit}".strip()


def subject_of(layer_id: str, feature_id: str) -> str:
    return f"{layer_id}/{feature_id}"


def claims_for(claims: list[Claim], layer_id: str, feature_id: str) -> list[Claim]:
    """Claims about one feature; a country of the basemap also gets the claims about its ISO code."""
    subject = subject_of(layer_id, feature_id)
    country = layer_id == "countries" and re.fullmatch(r"[A-Z]{3}", feature_id or "")
    found = [c for c in claims if c.subject == subject or (country and c.subject == feature_id)]
    return sorted(found, key=lambda c: (c.indicator, c.date, c.claim_id))


def disagreeing(claims: list[Claim]) -> dict[str, list[Claim]]:
    """claim_id -> the other claims that disagree with it (evidence.disagreements' groups)."""
    out: dict[str, list[Claim]] = {}
    for group in disagreements(claims):
        for claim in group:
            out[claim.claim_id] = [c for c in group if c.claim_id != claim.claim_id]
    return out


# --- charts ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bar:
    category: str          # x-axis key (a feature id or a year)
    label: str             # x-axis text
    series: str            # the bar set it belongs to (a key the UI names)
    claim: Claim
    layer_id: str          # the feature a click selects
    feature_id: str
    disputed_by: tuple[Claim, ...] = ()
    lang: str = "en"       # the language of `label` and `text`

    @property
    def value(self) -> float:
        return self.claim.number or 0.0

    @property
    def estimate(self) -> bool:
        return self.claim.estimate

    @property
    def text(self) -> str:
        return display_value(self.claim, self.lang)


@dataclass
class Chart:
    id: str
    unit: str                                  # the claims' unit key (statistics.unit_label names it)
    categories: list[tuple[str, str]]         # (key, label) in display order
    series: list[str]
    bars: list[Bar]
    citations: list[str] = field(default_factory=list)   # bibliography ids, in order of first use
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (kind, values) the UI words
    indicator: str = ""                        # the one indicator the bars show ("" if several)
    year: str = ""                             # the year the chart is of ("" if several): a bar
                                               # dated otherwise says its year

    def dated_otherwise(self, bar: Bar) -> bool:
        return bool(self.year) and not bar.claim.date.startswith(self.year)

    def bar(self, category: str, series: str) -> Bar | None:
        return next((b for b in self.bars if b.category == category and b.series == series), None)


CHART_IDS = ("defence_usd", "defence_gdp", "peacekeepers", "seizures", "casualties")


def _name(store: FeatureStore, layer_id: str, feature_id: str, lang: str) -> str:
    try:
        return feature_name(store.properties(layer_id, feature_id), lang) or feature_id
    except (KeyError, DataError):
        return feature_id


def _split(subject: str) -> tuple[str, str]:
    layer_id, _, feature_id = subject.partition("/")
    return layer_id, feature_id


def _finish(chart: Chart, claims: list[Claim]) -> Chart:
    cited = []
    for bar in chart.bars:
        for c in (bar.claim, *bar.disputed_by):
            if c.citation not in cited:
                cited.append(c.citation)
    chart.citations = cited
    if any(b.estimate for b in chart.bars):
        chart.notes.append(("estimates", {"names": ", ".join(b.label for b in chart.bars if b.estimate)}))
    return chart


def _country_chart(chart_id: str, layer_id: str, indicator: str, year: str, claims: list[Claim],
                   store: FeatureStore, lang: str, order: list[str] | None = None,
                   series_of=None, keep: frozenset[str] = frozenset()) -> Chart:
    """One bar per feature of a country layer: its latest claim on `indicator` dated in `year`
    (or the only one); other claims on the same figure are kept as disputing or agreeing."""
    disputes = disagreeing(claims)
    features = [str((f.get("properties") or {}).get("id")) for f in store.layer(layer_id).features]
    chart = Chart(chart_id, "", [], [], [], indicator=indicator)
    missing = []
    for fid in order or features:
        mine = [c for c in claims if c.subject == subject_of(layer_id, fid) and c.indicator == indicator
                and c.number is not None and (not year or c.date.startswith(year))]
        label = _name(store, layer_id, fid, lang)
        if not mine:
            if fid in keep:
                chart.categories.append((fid, label))  # shown with no bar, and said why
            elif fid in features:
                missing.append(label)
            continue
        claim = max(mine, key=lambda c: (c.date, c.claim_id))
        series = series_of(fid) if series_of else "value"
        chart.categories.append((fid, label))
        if series not in chart.series:
            chart.series.append(series)
        chart.unit = chart.unit or claim.unit
        chart.bars.append(Bar(fid, label, series, claim, layer_id, fid,
                              tuple(disputes.get(claim.claim_id, ())), lang))
    for bar in chart.bars:
        if bar.disputed_by:
            chart.notes.append(("disagree", {"name": bar.label, "claims": (bar.claim, *bar.disputed_by)}))
    if missing:
        chart.notes.append(("missing", {"names": ", ".join(missing)}))
    return chart


DEFENCE_INDICATORS = ("military_expenditure", "military_expenditure_share_of_gdp")


def defence_chart(claims: list[Claim], store: FeatureStore, lang: str = "en", usd: bool = True) -> Chart:
    """Defence spending in 2023, in USD or as a share of GDP. A country the sources give only the
    other measure for is listed with no bar, and the figure that is known is named in a note
    ("other_measure"): Kazakhstan has a share of GDP (for 2022) but no USD figure of its own."""
    indicator, other = DEFENCE_INDICATORS if usd else DEFENCE_INDICATORS[::-1]
    layer_id = "defence_spending_2023"
    known_other = {}
    for claim in claims:
        layer, fid = _split(claim.subject)
        if layer == layer_id and claim.indicator == other and claim.number is not None:
            known_other[fid] = max(claim, known_other.get(fid, claim), key=lambda c: (c.date, c.claim_id))
    chart = _country_chart("defence_usd" if usd else "defence_gdp", layer_id, indicator,
                           "2023" if usd else "", claims, store, lang, keep=frozenset(known_other))
    chart.year = "2023"
    for bar in chart.bars:
        if chart.dated_otherwise(bar):
            chart.notes.append(("dated", {"name": bar.label, "date": bar.claim.date, "year": chart.year}))
    with_bars = {bar.category for bar in chart.bars}
    for fid, label in chart.categories:
        if fid not in with_bars and fid in known_other:
            chart.notes.append(("other_measure", {"name": label, "claim": known_other[fid], "usd": usd}))
    combined = [c for c in claims if c.indicator == "military_expenditure_kaz_kgz_tjk_combined"]
    if usd and combined:
        chart.notes.append(("combined", {"claim": combined[0]}))
    chart = _finish(chart, claims)
    for _kind, values in chart.notes:  # a figure named in a note is a source of the chart too
        if "claim" in values and values["claim"].citation not in chart.citations:
            chart.citations.append(values["claim"].citation)
    return chart


PEACEKEEPER_GROUPS = ("ASEAN", "Central Asia", "China", "top")


def peacekeepers_chart(claims: list[Claim], store: FeatureStore, lang: str = "en") -> Chart:
    """Uniformed personnel: the ASEAN states beside Kazakhstan, China and the top five."""
    layer = "pk_contributors"
    props = {str((f.get("properties") or {}).get("id")): (f.get("properties") or {})
             for f in store.layer(layer).features}

    def group(fid: str) -> str:
        text = str(props.get(fid, {}).get("group", ""))
        return next((g for g in PEACEKEEPER_GROUPS if text.startswith(g)), "other")

    value = {c.subject.partition("/")[2]: c.number or 0 for c in claims
             if c.subject.startswith(layer + "/") and c.indicator == "uniformed_personnel"}
    rank = {g: i for i, g in enumerate(PEACEKEEPER_GROUPS)}
    # Kazakhstan with the ASEAN states (the seed's comparison); the other Central Asian states
    # have no personnel figure and are left out.
    order = sorted((fid for fid in props if group(fid) != "Central Asia" or fid == "KAZ"),
                   key=lambda fid: (rank.get(group(fid), 9), -value.get(fid, 0), fid))
    chart = _country_chart("peacekeepers", layer, "uniformed_personnel", "", claims, store, lang,
                           order=order, series_of=group, keep=frozenset({"KAZ"}))
    if "KAZ" not in [b.category for b in chart.bars]:
        ceiling = [c for c in claims if c.subject == f"{layer}/KAZ"
                   and c.indicator == "un_mandate_max_personnel"]
        if ceiling:
            chart.notes.append(("kaz_ceiling", {"claim": ceiling[0]}))
    chart = _finish(chart, claims)
    for kind, values in chart.notes:
        if kind == "kaz_ceiling" and values["claim"].citation not in chart.citations:
            chart.citations.append(values["claim"].citation)
    return chart


def seizures_chart(claims: list[Claim], store: FeatureStore, lang: str = "en") -> Chart:
    chart = _country_chart("seizures", "drug_seizures_2021", "drugs_seized", "2021", claims, store, lang)
    chart.bars.sort(key=lambda b: -b.value)
    chart.categories = [(b.category, b.label) for b in chart.bars]
    return _finish(chart, claims)


CASUALTY_SERIES = {"killed_kyrgyz_side": "kyrgyz_side", "killed_tajik_side": "tajik_side",
                   "killed": "total", "killed_total": "total"}


def casualties_chart(claims: list[Claim], store: FeatureStore, catalog: Catalog, lang: str = "en",
                     time_range: tuple[int, int] | None = None) -> Chart:
    """People killed in the conflict incidents, by year and side, each figure with its source.
    Sides are not added up (their sources differ); incidents outside the time filter drop out."""
    layer_id = "conflict_incidents"
    layer = catalog.layer(layer_id)
    incidents = {str((f.get("properties") or {}).get("id")): (f.get("properties") or {})
                 for f in store.layer(layer_id).features}
    shown = {fid for fid, p in incidents.items() if in_range(layer, p, time_range)}
    chart = Chart("casualties", "persons", [], [], [])
    by_year: dict[str, list[Bar]] = {}
    for claim in claims:
        lid, fid = _split(claim.subject)
        series = CASUALTY_SERIES.get(claim.indicator)
        if lid != layer_id or fid not in shown or not series or claim.number is None:
            continue
        year = str(incidents[fid].get("year") or claim.date[:4])
        by_year.setdefault(year, []).append(Bar(year, year, series, claim, layer_id, fid, lang=lang))
    for year in sorted(by_year):
        chart.categories.append((year, year))
        chart.bars.extend(sorted(by_year[year], key=lambda b: list(CASUALTY_SERIES.values()).index(b.series)))
    used = {b.series for b in chart.bars}
    chart.series = [s for s in dict.fromkeys(CASUALTY_SERIES.values()) if s in used]
    for year, bars in by_year.items():
        if len({b.series for b in bars}) > 1 and any(b.series == "total" for b in bars):
            chart.notes.append(("sides_and_total", {"year": year}))
    without = sorted({str(incidents[f].get("year")) for f in shown} - set(by_year))
    if without:
        chart.notes.append(("no_casualty_figure", {"years": ", ".join(without)}))
    other = [c for c in claims if _split(c.subject)[1] in shown and c.indicator == "bodies_counted"]
    for claim in other:
        chart.notes.append(("bodies", {"claim": claim}))
    chart = _finish(chart, claims)
    for claim in other:
        if claim.citation not in chart.citations:
            chart.citations.append(claim.citation)
    return chart


def build_chart(chart_id: str, claims: list[Claim], store: FeatureStore, catalog: Catalog,
                lang: str = "en", time_range: tuple[int, int] | None = None) -> Chart:
    if chart_id in ("defence_usd", "defence_gdp"):
        return defence_chart(claims, store, lang, usd=chart_id == "defence_usd")
    if chart_id == "peacekeepers":
        return peacekeepers_chart(claims, store, lang)
    if chart_id == "seizures":
        return seizures_chart(claims, store, lang)
    if chart_id == "casualties":
        return casualties_chart(claims, store, catalog, lang, time_range)
    raise KeyError(chart_id)
