"""Colleagues' evidence (sources, indicators, figures, citations read from the team workspace)
merged into the project's: what is new, what is the same, what the project has in another form.
No Qt; the window turns the plan into one undo step (ui/team_publish.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .user_evidence import KEYS

# Indicators and sources first: a figure names both, so they must be there before it.
ORDER = ("indicators", "sources", "claims")


@dataclass
class MergePlan:
    new: list[tuple[str, dict]] = field(default_factory=list)            # (part, entry) to add
    different: list[tuple[str, dict, dict]] = field(default_factory=list)  # (part, mine, theirs)
    same: int = 0
    cites: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # target: (before, after)

    @property
    def empty(self) -> bool:
        return not (self.new or self.different or self.cites)


def _comparable(entry: dict) -> dict:
    """An entry without the atlas's own x- keys (when it was added here or there is no difference)."""
    return {k: v for k, v in entry.items() if not str(k).startswith("x-")}


def merge_plan(mine: dict, theirs: dict) -> MergePlan:
    plan = MergePlan()
    for part in ORDER:
        key = KEYS[part]
        have = {e.get(key): e for e in mine.get(part) or [] if isinstance(e, dict)}
        for entry in theirs.get(part) or []:
            if not isinstance(entry, dict) or not entry.get(key):
                continue
            own = have.get(entry[key])
            if own is None:
                plan.new.append((part, entry))
            elif _comparable(own) == _comparable(entry):
                plan.same += 1
            else:
                plan.different.append((part, own, entry))
    own_cites = mine.get("cites") or {}
    for target, ids in (theirs.get("cites") or {}).items():
        before = list(own_cites.get(target) or [])
        after = list(dict.fromkeys([*before, *(str(i) for i in ids or [])]))
        if after != before:
            plan.cites[target] = (before, after)
    return plan
