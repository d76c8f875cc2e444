"""The analyst's own evidence (core/user_evidence.py): the methods of AtlasDocument that change
its sources, figures, indicators and citations, each emitting Kind.EVIDENCE (the window wraps each
in an undo step). No Qt.

A part of AtlasDocument (core/document.py), not an owner of its own: `user_evidence` and the
combined view are the document's state, set up in its __init__.
"""

from __future__ import annotations

from . import digitised as dg
from . import user_evidence as ue
from .events import Kind


class EvidencePart:
    # --- citations of layers and features (user_evidence["cites"]) --------------------------------
    def cites(self, target: str) -> list[str]:
        return dg.cites_of(self.user_evidence, target)

    def set_cites(self, target: str, ids: list[str]) -> None:
        """The sources cited for a layer ("<layer_id>") or a feature ("<layer_id>/<feature_id>");
        an empty list removes the entry."""
        ids = list(dict.fromkeys(str(i) for i in ids))
        cites = self.user_evidence.setdefault("cites", {})
        if ids == cites.get(target, []):
            return
        self.user_evidence.setdefault("version", 1)
        if ids:
            cites[target] = ids
        else:
            cites.pop(target, None)
        self._evidence_changed(sources=False)

    # --- the analyst's own evidence (core/user_evidence.py; the window wraps each in an undo step) ---
    @property
    def user_evidence(self) -> dict:
        return self._user_evidence

    @user_evidence.setter
    def user_evidence(self, value: dict) -> None:
        self._user_evidence = value
        self._evidence = None  # the combined view is made again from it when next read

    @property
    def evidence(self) -> ue.Evidence:
        """The shipped claims and bibliography with the user's: what every panel reads."""
        if self._shipped is None:
            from .evidence import load_evidence
            self._shipped = load_evidence(self.catalog.folder)
        if self._evidence is None:
            self._evidence = ue.combine(*self._shipped[:2], self.user_evidence, self._shipped[2])
        return self._evidence

    def _evidence_changed(self, sources: bool) -> None:
        old = self._evidence
        self._evidence = None
        if old is not None and not sources:  # the same sources: keep the bibliography object
            self._evidence = ue.combine(*self._shipped[:2], self.user_evidence, self._shipped[2],
                                        bibliography=old.bibliography)
        self._emit(Kind.EVIDENCE)

    def add_source(self, item: dict, index: int | None = None) -> str:
        """Keep a source (ValueError with the reason if it breaks the rules); returns its id."""
        kept = ue.checked_source(item, self.evidence.bibliography)
        sources = self.user_evidence.setdefault("sources", [])
        sources.insert(len(sources) if index is None else index, kept)
        self._evidence_changed(sources=True)
        return kept["id"]

    def update_source(self, item_id: str, item: dict) -> dict:
        """Replace a source of the user's (same id); returns what it was."""
        i = ue.find(self.user_evidence, "sources", item_id)
        kept = ue.checked_source({**item, "id": item_id}, self.evidence.bibliography, replacing=item_id)
        old, self.user_evidence["sources"][i] = self.user_evidence["sources"][i], kept
        self._evidence_changed(sources=True)
        return old

    def remove_source(self, item_id: str) -> tuple[int, dict]:
        """Remove a source nothing of the user's cites (no figure, no layer or feature): ValueError
        otherwise, so no citation is left pointing at nothing."""
        i = ue.find(self.user_evidence, "sources", item_id)
        users = ue.citing_claims(self.user_evidence, item_id) + ue.citing_targets(self.user_evidence, item_id)
        if users:
            raise ue.EvidenceError(f"the source '{item_id}' is cited by {len(users)} figure(s), layer(s) or "
                                   f"feature(s): {', '.join(users[:5])}", "source-cited", source=item_id,
                                   figures=len(ue.citing_claims(self.user_evidence, item_id)),
                                   targets=len(ue.citing_targets(self.user_evidence, item_id)))
        old = self.user_evidence["sources"].pop(i)
        self._evidence_changed(sources=True)
        return i, old

    def add_claim(self, claim: dict, index: int | None = None) -> str:
        """Keep a figure (ValueError with the reason if it breaks the rules); returns its id."""
        ev = self.evidence
        kept = ue.checked_claim(claim, ev.bibliography, (c.claim_id for c in ev.claims))
        claims = self.user_evidence.setdefault("claims", [])
        claims.insert(len(claims) if index is None else index, kept)
        self._evidence_changed(sources=False)
        return kept["claim_id"]

    def update_claim(self, claim_id: str, claim: dict) -> dict:
        i = ue.find(self.user_evidence, "claims", claim_id)
        ev = self.evidence
        kept = ue.checked_claim({**claim, "claim_id": claim_id}, ev.bibliography,
                                (c.claim_id for c in ev.claims), replacing=claim_id)
        old, self.user_evidence["claims"][i] = self.user_evidence["claims"][i], kept
        self._evidence_changed(sources=False)
        return old

    def remove_claim(self, claim_id: str) -> tuple[int, dict]:
        i = ue.find(self.user_evidence, "claims", claim_id)
        old = self.user_evidence["claims"].pop(i)
        self._evidence_changed(sources=False)
        return i, old

    def add_indicator(self, indicator: dict, index: int | None = None) -> str:
        """A new indicator with its labels in kk/ru/en and its unit; returns its id."""
        kept = ue.checked_indicator(indicator, self.evidence.indicator_ids())
        indicators = self.user_evidence.setdefault("indicators", [])
        indicators.insert(len(indicators) if index is None else index, kept)
        self._evidence_changed(sources=False)
        return kept["id"]

    def remove_indicator(self, indicator_id: str) -> tuple[int, dict]:
        i = ue.find(self.user_evidence, "indicators", indicator_id)
        if any(c.get("indicator") == indicator_id for c in self.user_evidence.get("claims", [])):
            raise ue.EvidenceError(f"the indicator '{indicator_id}' is used by a figure", "indicator-used",
                                   indicator=indicator_id)
        old = self.user_evidence["indicators"].pop(i)
        self._evidence_changed(sources=False)
        return i, old
