"""What was left out of a project when it opened, said in the reader's language.

core/project.py (and project_links, user_evidence) lists each part of a project file that was
wrong but skippable in `Project.warnings`: an English line for the command line and the logs that
is also a `Why` with a code and arguments (core/refusal.py). Here a code and its arguments become a
sentence a reader understands: a slide by its number as the Slides dock shows it, a layer by its
title in the reader's language, an annotation by its number, a source by its short citation, a
figure by its indicator's label; never a JSON path or an internal id where a name exists. A line
with no code (or one this module does not know) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from gis_app.core.evidence import short_citation
from gis_app.core.i18n import pick
from gis_app.core.refusal import Why
from gis_app.ui.refusal_text import evidence_text

translate = QCoreApplication.translate  # lupdate reads translate("LoadNotes", "…") too

MAX_SHOWN = 10  # notes in the status bar; the rest are counted
# the evidence rules' reasons that ui/refusal_text.py says well when a project is read
RULE_CODES = frozenset(
    (
        "source-names",
        "source-date",
        "source-too-long",
        "source-no-id",
        "source-no-title",
        "not-table",
        "figure-too-long",
        "figure-bad-date",
        "figure-confirmed",
        "figure-estimate",
        "figure-infinite",
        "indicator-id",
        "indicator-label",
        "indicator-unit",
    )
)


def unknown_layers_note(ids: list[str]) -> Why:
    """The layers a project names that this atlas does not have (they are ignored)."""
    return Why(f"unknown layers ignored: {', '.join(ids)}", "layers-unknown", ids=list(ids))


def layer_title(layer_id: str, lang: str, catalog=None, document=None) -> str:
    """A layer as the Layers dock names it: the catalog's title (shipped or the user's own), the
    document's user layer entry, or (a layer nobody has) its id, which is all there is."""
    if catalog is not None:
        try:
            return catalog.layer(layer_id).title_in(lang)
        except KeyError:
            pass
    if document is not None:
        try:
            return pick(document.user_layer(layer_id).get("title"), lang) or layer_id
        except (KeyError, AttributeError):
            pass
    return layer_id


def _style_key(key: str) -> str:
    return {
        "stroke": translate("LoadNotes", "line colour"),
        "fill": translate("LoadNotes", "fill colour"),
        "weight": translate("LoadNotes", "line width"),
        "opacity": translate("LoadNotes", "opacity"),
        "fill_opacity": translate("LoadNotes", "fill opacity"),
        "dash": translate("LoadNotes", "dash pattern"),
    }.get(key, "")


def _reason(why) -> str:
    """Why an entry of the project's evidence was dropped (the rule's own Why)."""
    code, args = getattr(why, "code", ""), getattr(why, "args_", {}) or {}
    if code == "figure-empty":
        return {
            "value": translate("LoadNotes", "It has no value."),
            "date": translate("LoadNotes", "It has no date."),
            "citation": translate("LoadNotes", "It names no source."),
            "indicator": translate("LoadNotes", "It has no indicator."),
            "subject": translate("LoadNotes", "It is about no feature or country."),
        }.get(args.get("key"), translate("LoadNotes", "One of its fields is empty."))
    own = {
        "source-not-own-id": translate(
            "LoadNotes", "Its key does not start with u_, as the keys of a project's own sources do."
        ),
        "source-id-twice": translate("LoadNotes", "Another source of the project has the same key."),
        "figure-not-own-id": translate(
            "LoadNotes",
            "Its identifier does not start with u_, as the identifiers of a project's own figures do.",
        ),
        "figure-id-twice": translate("LoadNotes", "Another figure of the project has the same identifier."),
        "figure-text-value": translate(
            "LoadNotes", "Its value is not a number, and no note says what it means."
        ),
        "indicator-id-twice": translate(
            "LoadNotes", "Another indicator of the project has the same identifier."
        ),
        "indicator-no-label": translate("LoadNotes", "It has no name in any language."),
    }
    if code in own:
        return own[code]
    if code in RULE_CODES:
        return evidence_text(why)
    return translate("LoadNotes", "It breaks the atlas's rules for sources and figures.")


def _shipped():
    """Names of the shipped indicators when no document is at hand (layers/indicators.toml)."""
    from gis_app.core.user_evidence import Evidence

    return Evidence()


def _evidence_entry(code: str, args: dict, lang: str, document) -> str:
    item, n, reason = args.get("item") or {}, args.get("n", 0), _reason(args.get("why"))
    if code == "evidence-sources-skipped":
        try:  # the entry as the file had it: named only when it has a title or authors to name it by
            named = (
                isinstance(item.get("title"), str)
                and item["title"].strip()
                or isinstance(item.get("author"), list)
                and item["author"]
            )
            name = short_citation(item, lang) if named else ""
        except (TypeError, ValueError, AttributeError, KeyError):
            name = ""
        if name:
            return translate("LoadNotes", "The project's source “{0}” was left out. {1}").format(name, reason)
        return translate("LoadNotes", "Source {0} of the project was left out. {1}").format(n, reason)
    if code == "evidence-claims-skipped":
        key = str(item.get("indicator") or "").strip()
        if key:
            label = (document.evidence if document is not None else _shipped()).indicator_label(key, lang)
            return translate("LoadNotes", "A figure of the project for “{0}” was left out. {1}").format(
                label, reason
            )
        return translate("LoadNotes", "Figure {0} of the project was left out. {1}").format(n, reason)
    label = item.get("label")
    name = (
        pick(label, lang)
        if isinstance(label, dict) and all(isinstance(v, str) for v in label.values())
        else ""
    )
    if name.strip():
        return translate("LoadNotes", "The project's indicator “{0}” was left out. {1}").format(
            name.strip(), reason
        )
    return translate("LoadNotes", "Indicator {0} of the project was left out. {1}").format(n, reason)


def note_text(note: str, lang: str = "en", catalog=None, document=None) -> str:
    """One note of an opened project in the interface language (English text for an unknown code)."""
    code, args = getattr(note, "code", ""), getattr(note, "args_", {}) or {}

    def title(key: str = "layer") -> str:
        return layer_title(str(args.get(key, "")), lang, catalog, document)

    if code == "annotation-skipped":
        if args.get("slide"):
            return translate(
                "LoadNotes", "Annotation {0} of slide {1} could not be read and was left out."
            ).format(args.get("n"), args["slide"])
        return translate("LoadNotes", "Annotation {0} could not be read and was left out.").format(
            args.get("n")
        )
    if code == "style-not-table":
        return translate(
            "LoadNotes", "Layer “{0}”: its style settings could not be read and were left out."
        ).format(title())
    if code == "style-skipped":
        key = _style_key(args.get("key", ""))
        if key:
            return translate(
                "LoadNotes", "Layer “{0}”: the setting “{1}” could not be read and was left out."
            ).format(title(), key)
        return translate(
            "LoadNotes", "Layer “{0}”: the style setting “{1}” is not one the atlas knows and was left out."
        ).format(title(), args.get("key", ""))
    if code == "thumbnail-not-base64":
        return translate(
            "LoadNotes",
            "The picture of slide {0} could not be read and was left out; it is taken again when "
            "the slide is shown.",
        ).format(args.get("slide"))
    if code == "thumbnail-too-long":
        return translate(
            "LoadNotes",
            "The picture of slide {0} is too large and was left out; it is taken again when the "
            "slide is shown.",
        ).format(args.get("slide"))
    if code == "schema-converted":
        return translate(
            "LoadNotes",
            "The project comes from an older version of the atlas and was converted to the current one.",
        )
    if code == "language-unknown":
        return translate(
            "LoadNotes",
            "The project's language “{0}” is not Kazakh, Russian or English; it opens in English.",
        ).format(args.get("language", ""))
    if code == "characters-replaced":
        return _counted().characters(int(args.get("count") or 0))
    if code == "layers-unknown":
        ids = [str(i) for i in args.get("ids") or []]
        return _counted().unknown_layers(len(ids)).format(", ".join(ids))
    if code in ("evidence-sources-skipped", "evidence-claims-skipped", "evidence-indicators-skipped"):
        return _evidence_entry(code, args, lang, document)
    if code == "evidence-truncated" and args.get("part") in ("sources", "claims", "indicators"):
        return _counted().truncated(args["part"], int(args.get("limit") or 0)).format(args.get("count", ""))
    if code == "evidence-part-not-list":
        text = {
            "sources": translate("LoadNotes", "The project's sources could not be read and were left out."),
            "claims": translate("LoadNotes", "The project's figures could not be read and were left out."),
            "indicators": translate(
                "LoadNotes", "The project's indicators could not be read and were left out."
            ),
        }.get(args.get("part"))
        if text:
            return text
    if code == "evidence-cites-skipped":
        target = str(args.get("target", ""))
        layer_id, _sep, feature = target.partition("/")
        name = layer_title(layer_id, lang, catalog, document)
        if feature:
            return translate(
                "LoadNotes",
                "The sources cited for a feature of the layer “{0}” could not be read and were left out.",
            ).format(name)
        return translate(
            "LoadNotes", "The sources cited for the layer “{0}” could not be read and were left out."
        ).format(name)
    simple = {
        "lecture-link-skipped": translate(
            "LoadNotes",
            "The link to the project's lecture in a team workspace could not be read; "
            "the project opens without it.",
        ),
        "basemap-skipped": translate(
            "LoadNotes", "The project's own basemap (a tile archive) could not be read and is not shown."
        ),
        "evidence-not-table": translate(
            "LoadNotes", "The project's sources and figures could not be read and were left out."
        ),
        "evidence-cites-not-table": translate(
            "LoadNotes",
            "The project's citations for layers and features could not be read and were left out.",
        ),
    }
    if code in simple:
        return simple[code]
    if code == "evidence-version":
        return translate(
            "LoadNotes",
            "The project's sources and figures are in a form this atlas cannot read (version {0}) "
            "and were left out.",
        ).format(args.get("version", ""))
    return str(note)


def opened_message(name: str, notes: list[str], lang: str = "en", catalog=None, document=None) -> str:
    """The status bar's line after a project opened: its name, then each note in the reader's language."""
    if not notes:
        return translate("LoadNotes", "Opened {0}").format(name)
    said = [note_text(note, lang, catalog, document) for note in notes[:MAX_SHOWN]]
    if len(notes) > MAX_SHOWN:
        said.append(_counted().more(len(notes) - MAX_SHOWN))
    return _counted().opened(len(notes)).format(name, " ".join(said))


class LoadNotes(QObject):
    """The sentences with a count (plural forms): lupdate marks self.tr(text, "", n) as one with
    plural forms, not translate(context, text, None, n) unless n is a literal number."""

    def characters(self, count: int) -> str:
        return self.tr("%n character(s) that cannot be stored were replaced by the sign \ufffd.", "", count)

    def unknown_layers(self, count: int) -> str:
        return self.tr("%n layer(s) this atlas does not have were ignored: {0}.", "", count)

    def truncated(self, part: str, limit: int) -> str:
        if part == "sources":
            return self.tr("Sources in the project: {0}; only the first %n were read.", "", limit)
        if part == "claims":
            return self.tr("Figures in the project: {0}; only the first %n were read.", "", limit)
        return self.tr("Indicators in the project: {0}; only the first %n were read.", "", limit)

    def more(self, count: int) -> str:
        return self.tr("…and %n more.", "", count)

    def opened(self, count: int) -> str:
        return self.tr("Opened {0} with %n note(s): {1}", "", count)


_COUNTED: list[LoadNotes] = []


def _counted() -> LoadNotes:
    if not _COUNTED:
        _COUNTED.append(LoadNotes())
    return _COUNTED[0]
