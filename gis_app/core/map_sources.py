"""The analyst's evidence where the map's sources are listed and its figures coloured (no Qt): the
Sources dock, the export's footer and sources page, the web map, the exported choropleths.

The map's sources are those its visible layers cite (layers/*.toml) and, from the project, the
sources the user cites for a visible layer or one of its features (`cites`), and the sources of the
user's figures on a visible layer's features (a figure about a country, subject an ISO3 code, is a
figure on the `countries` layer, as the Info dock shows it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .user_evidence import Evidence, combine, empty

ISO3 = re.compile(r"^[A-Z]{3}$")
COUNTRIES = "countries"


def layer_of(subject: str) -> str:
    """The layer a claim's or a cite's subject is on ('' for none)."""
    if ISO3.match(subject or ""):
        return COUNTRIES
    return (subject or "").partition("/")[0]


def user_cited(user: dict | None, visible: list[str]) -> list[str]:
    """Source ids the project ties to the visible layers: its cites of a layer or of a feature, then
    the sources of the user's figures on their features; in that order, each once."""
    user = user or {}
    shown = set(visible)
    out: dict[str, None] = {}
    for target, ids in (user.get("cites") or {}).items():
        if layer_of(target) in shown:
            out.update(dict.fromkeys(i for i in ids if isinstance(i, str)))
    for claim in user.get("claims") or []:
        if layer_of(str(claim.get("subject", ""))) in shown and claim.get("citation"):
            out[str(claim["citation"])] = None
    return list(out)


@dataclass
class MapEvidence:
    """What an export needs of the project's evidence: the combined view (shipped and the user's)
    and the user's part (its cites)."""

    evidence: Evidence
    user: dict = field(default_factory=empty)

    @classmethod
    def of(cls, document) -> MapEvidence:
        """The document's evidence as it is now (a copy of the user's part: an export in progress
        does not follow later edits)."""
        import copy
        return cls(document.evidence, copy.deepcopy(document.user_evidence))

    @classmethod
    def shipped(cls, catalog, user: dict | None = None) -> MapEvidence:
        """The catalog's shipped evidence, with `user`'s (a project read without a window)."""
        from .evidence import load_evidence
        claims, bibliography, problems = load_evidence(catalog.folder)
        user = user or empty()
        return cls(combine(claims, bibliography, user, problems), user)

    @property
    def bibliography(self) -> dict[str, dict]:
        return self.evidence.bibliography

    def extra_sources(self, visible: list[str]) -> list[str]:
        """The user's sources of the visible map (user_cited), those the bibliography knows."""
        return [i for i in user_cited(self.user, visible) if i in self.evidence.bibliography]

    def figures(self, catalog) -> dict[str, dict[str, float]]:
        """The user's figures the choropleths colour their features by (core/figure_values)."""
        from .figure_values import choropleth_values
        return choropleth_values(catalog, self.evidence)
