"""The analyst's panels (info, statistics, sources, attribute table, time filter), made for the
window with the evidence they show. The window places them (ui/docks.py) and joins their signals."""

from __future__ import annotations

import logging

from gis_app.core.timefilter import dated_year_bounds
from gis_app.ui.attribute_table import AttributeTable
from gis_app.ui.info_panel import InfoPanel
from gis_app.ui.sources_panel import SourcesPanel
from gis_app.ui.stats_panel import StatsPanel
from gis_app.ui.time_filter import TimeFilter

log = logging.getLogger(__name__)


def build_panels(window) -> None:
    catalog, features, lang = window.catalog, window.features, window.lang
    evidence = window.document.evidence  # the shipped claims and sources with the user's (one view)
    claims, bibliography = evidence.claims, evidence.bibliography
    for problem in evidence.problems:
        log.warning("evidence: %s", problem)
    window.claims, window.bibliography = claims, bibliography
    window.info_panel = InfoPanel(catalog, features, claims, bibliography, window.settings, lang, window)
    window.stats_panel = StatsPanel(catalog, features, claims, bibliography, lang, window)
    window.sources_panel = SourcesPanel(catalog, window.state, bibliography, window.info_panel.style, window)
    window.attribute_table = AttributeTable(catalog, features, lang, window)
    bounds, problems = dated_year_bounds(catalog, features)
    for problem in problems:
        log.warning("time filter: %s", problem)
    window.time_filter = TimeFilter(window.state, bounds or (1990, 2025), window)
