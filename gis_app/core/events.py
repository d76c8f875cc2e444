"""Typed, batched change events: what every model of the document emits (no Qt).

A model emits a `Change`: which kinds of state changed, and which layers and annotations. Inside
`Events.batch()` the changes are merged and delivered once when the outermost batch ends, so
applying a project or going to a slide is one notification (napari's evented models and
psygnal's `paused(reducer)` are the pattern; psygnal carries the signal).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum, auto

from psygnal import SignalInstance


class Kind(Enum):
    VISIBLE = auto()              # a layer shown or hidden
    OPACITY = auto()
    ORDER = auto()
    VIEW = auto()
    TIME = auto()                 # the time filter's year range
    ANNOTATIONS_VISIBLE = auto()
    ANNOTATIONS = auto()          # added, changed, removed (Change.annotations says which)
    SLIDES = auto()
    STYLES = auto()               # a project's style overrides
    TITLE = auto()
    LANGUAGE = auto()             # the project's (and the data's) language
    SELECTION = auto()
    USER_LAYERS = auto()          # imported layers added, changed or removed
    USER_FEATURES = auto()        # single features of a user layer put or removed (Change.features)
    EVIDENCE = auto()             # the analyst's own sources and claims (room for issue 18)
    BASEMAP = auto()              # the user's own tile archive: opened, shown, hidden, its opacity
    DIRTY = auto()                # the unsaved-changes flag or the file changed


# Changes that are not edits of the project: they never set the unsaved-changes flag.
NOT_EDITS = frozenset({Kind.VIEW, Kind.SELECTION, Kind.DIRTY, Kind.LANGUAGE})


@dataclass(frozen=True)
class Change:
    kinds: frozenset[Kind]
    layers: frozenset[str] = frozenset()
    # (operation, annotation id) in order: "add" | "update" | "remove" | "all" (the whole list)
    annotations: tuple[tuple[str, str], ...] = ()
    from_page: bool = False       # the view was reported by the page (its own): not sent back
    focus: bool = False           # the selection asks the map to zoom to it
    edit: bool = True             # False: navigation (a slide, a project opened), not an edit
    # (user layer id, "put" | "remove", feature id) in order: a user layer's features changed one by
    # one (the layer is not rebuilt; the page and the feature store patch those features)
    features: tuple[tuple[str, str, str], ...] = ()

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def merge(self, other: Change) -> Change:
        # Whether the view came from the page is decided by the latest view change (a VISIBLE
        # change merged after the page reported its view must not send that view back).
        from_page = other.from_page if Kind.VIEW in other.kinds else self.from_page
        return Change(self.kinds | other.kinds, self.layers | other.layers,
                      _merge_ops(self.annotations, other.annotations),
                      from_page, self.focus or other.focus, self.edit or other.edit,
                      self.features + other.features)

    @property
    def is_edit(self) -> bool:
        return self.edit and bool(self.kinds - NOT_EDITS)


def _merge_ops(first: tuple, second: tuple) -> tuple:
    """A whole-list replacement makes every earlier operation moot."""
    ops = first + second
    for i in range(len(ops) - 1, -1, -1):
        if ops[i][0] == "all":
            return ops[i:]
    return ops


def change(*kinds: Kind, **fields) -> Change:
    return Change(frozenset(kinds), **fields)


@dataclass
class Events:
    """One stream of changes shared by the document and its parts, with batching."""

    signal: SignalInstance = field(default_factory=lambda: SignalInstance((object,), name="changed"))
    _depth: int = 0
    _pending: Change | None = None
    _edit: list[bool] = field(default_factory=list)
    # The owner's rules, run on each change before anyone hears of it; may add kinds (a selection
    # cleared, the unsaved flag set) so that listeners still get one Change.
    rules: Callable[[Change], Change] | None = None

    def connect(self, listener: Callable[[Change], None]) -> None:
        self.signal.connect(listener)

    def disconnect(self, listener: Callable[[Change], None]) -> None:
        self.signal.disconnect(listener, missing_ok=True)

    def emit(self, what: Change) -> None:
        if self._depth:
            if not all(self._edit):
                what = dataclasses.replace(what, edit=False)
            self._pending = what if self._pending is None else self._pending.merge(what)
        else:
            self._deliver(what)

    def _deliver(self, what: Change) -> None:
        if self.rules is not None:
            what = self.rules(what)
        self.signal.emit(what)

    @contextlib.contextmanager
    def batch(self, edit: bool = True) -> Iterator[None]:
        """Deliver every change made inside as one merged Change at the end. `edit=False`: the
        changes are navigation (a slide shown, a project opened), not edits of the project."""
        self._depth += 1
        self._edit.append(edit)
        try:
            yield
        finally:
            self._depth -= 1
            self._edit.pop()
            if not self._depth and self._pending is not None:
                pending, self._pending = self._pending, None
                self._deliver(pending)
