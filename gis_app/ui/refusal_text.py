"""Refusals said in the interface language: the code and arguments of a core refusal
(core/refusal.py: the evidence's rules, a bibliography import, digitising) and of a team-workspace
error turned into a translated sentence, as ui/file_errors.py does for the file gate. A source is
named by its short citation and a figure by its indicator's label, never by an internal id; the
English sentence (str(exc)) stays for the command line and the logs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gis_app.core.evidence import short_citation


def _source_name(args: dict, evidence, lang: str) -> str:
    item = None
    if evidence is not None and args.get("source"):
        item = evidence.bibliography.get(args["source"])
    item = item or args.get("item")
    return (
        short_citation(item, lang)
        if isinstance(item, dict)
        else QCoreApplication.translate("Refusals", "this source")
    )


def _indicator_name(key: str, evidence, lang: str) -> str:
    return (
        evidence.indicator_label(key, lang)
        if evidence is not None and key
        else QCoreApplication.translate("Refusals", "this indicator")
    )


def evidence_text(refusal, evidence=None, lang: str = "en") -> str:
    """A refusal of the evidence's rules (EvidenceError, a Why, or a KeyError: the entry is gone)."""
    if isinstance(refusal, KeyError):
        return QCoreApplication.translate(
            "Refusals", "This entry is no longer in the project (it was changed or removed meanwhile)."
        )
    code, args = getattr(refusal, "code", ""), getattr(refusal, "args_", {}) or {}
    if code == "figure-empty":
        return {
            "value": QCoreApplication.translate("Refusals", "Give the figure's value."),
            "date": QCoreApplication.translate(
                "Refusals", "Give the date the figure is for (at least the year)."
            ),
            "citation": QCoreApplication.translate(
                "Refusals", "Choose the figure's source, or add a new one."
            ),
            "indicator": QCoreApplication.translate("Refusals", "Choose the figure's indicator."),
            "subject": QCoreApplication.translate("Refusals", "The figure is about no feature or country."),
        }.get(args.get("key"), QCoreApplication.translate("Refusals", "A field of the figure is empty."))
    if code in ("source-id", "source-id-taken"):
        return QCoreApplication.translate("Refusals", "This source is in the project already ({0}).").format(
            _source_name(args, evidence, lang)
        )
    if code in ("figure-id", "figure-id-taken"):
        return QCoreApplication.translate(
            "Refusals", "A figure for “{0}” with the same identifier is in the project already."
        ).format(_indicator_name(args.get("indicator", ""), evidence, lang))
    if code == "source-cited":
        return QCoreApplication.translate(
            "Refusals",
            "{0} is cited by {1} of your figures and {2} layers or features; change or delete "
            "those citations first.",
        ).format(_source_name(args, evidence, lang), args.get("figures", 0), args.get("targets", 0))
    if code == "indicator-used":
        return QCoreApplication.translate(
            "Refusals", "The indicator “{0}” is used by a figure: change or delete that figure first."
        ).format(_indicator_name(args.get("indicator", ""), evidence, lang))
    if code == "indicator-id-taken":
        labels = args.get("labels") or {}
        name = labels.get(lang) or args.get("label") or next(iter(labels.values()), "")
        return QCoreApplication.translate(
            "Refusals", "An indicator named “{0}” is in the project already."
        ).format(name)
    simple = {
        "source-no-title": QCoreApplication.translate("Refusals", "A source needs a title."),
        "source-names": QCoreApplication.translate(
            "Refusals", "The names of the source's authors or editors cannot be read."
        ),
        "source-date": QCoreApplication.translate(
            "Refusals", "A date of the source cannot be read as a year, a month and a day."
        ),
        "source-no-id": QCoreApplication.translate("Refusals", "The entry has no key."),
        "not-table": QCoreApplication.translate("Refusals", "The entry is not a record."),
        "figure-bad-date": QCoreApplication.translate(
            "Refusals", "The date must be YYYY, YYYY-MM or YYYY-MM-DD (or a range, 2019/2021)."
        ),
        "figure-confirmed": QCoreApplication.translate(
            "Refusals",
            "The figure's confirmation must be: checked against the source, only as "
            "the seed text says it, or not applicable.",
        ),
        "figure-estimate": QCoreApplication.translate(
            "Refusals", "Whether the figure is an estimate must be yes or no."
        ),
        "figure-text-value": QCoreApplication.translate(
            "Refusals", "The value is not a number: say in the note what it means."
        ),
        "figure-unknown-source": QCoreApplication.translate(
            "Refusals",
            "The figure's source is not among the atlas's or the project's sources (was it removed?).",
        ),
        "indicator-no-label": QCoreApplication.translate(
            "Refusals", "Name the new indicator in at least one language."
        ),
    }
    if code in simple:
        return simple[code]
    if code == "source-bad-url":
        return QCoreApplication.translate(
            "Refusals", "The link “{0}” is not a web address (one that starts with http:// or https://)."
        ).format(args.get("url", ""))
    if code == "source-bad-doi":
        return QCoreApplication.translate(
            "Refusals", "The DOI “{0}” is not a DOI (one looks like 10.1234/abcd)."
        ).format(args.get("doi", ""))
    if code in ("source-too-long", "figure-too-long"):
        return QCoreApplication.translate("Refusals", "A text is longer than {0} characters.").format(
            args.get("limit", "")
        )
    if code == "figure-infinite":
        return QCoreApplication.translate("Refusals", "The value {0} is not a finite number.").format(
            args.get("value", "")
        )
    if code in ("indicator-id", "indicator-label", "indicator-unit"):
        return QCoreApplication.translate(
            "Refusals", "The indicator cannot be kept: its name or its unit cannot be read."
        )
    return QCoreApplication.translate(
        "Refusals", "This change breaks the atlas's rules for sources and figures and was not made."
    )


# --- bibliography import -------------------------------------------------------------------------
def bibliography_text(exc) -> str:
    """A bibliography file refused as a whole (core/bib_import.BibliographyError)."""
    code, args = getattr(exc, "code", ""), getattr(exc, "args_", {}) or {}
    name = args.get("name", "")
    if code == "unsafe" and getattr(exc, "unsafe", None) is not None:
        from gis_app.ui.file_errors import describe

        return describe(exc.unsafe)
    return {
        "not-bibliography": QCoreApplication.translate(
            "Refusals", "{0}: not a bibliography the atlas reads (CSL-JSON, BibTeX or RIS)."
        ),
        "not-utf8": QCoreApplication.translate(
            "Refusals", "{0}: not UTF-8 text; export it from the reference manager as UTF-8."
        ),
        "csl-invalid": QCoreApplication.translate("Refusals", "{0}: not valid CSL-JSON."),
        "csl-not-array": QCoreApplication.translate("Refusals", "{0}: CSL-JSON must be a list of items."),
        "bibtex-unreadable": QCoreApplication.translate("Refusals", "{0}: cannot be read as BibTeX."),
        "no-ris": QCoreApplication.translate("Refusals", "{0}: no RIS entries (each starts with “TY  - ”)."),
    }.get(code, QCoreApplication.translate("Refusals", "{0}: the bibliography cannot be read.")).format(name)


def bibliography_problem(why, lang: str = "en") -> str:
    """One entry of a bibliography that was not imported (a Why of core/bib_import)."""
    code, args = getattr(why, "code", ""), getattr(why, "args_", {}) or {}
    name, n = args.get("name", ""), args.get("n", 0)
    if code == "too-many":
        return QCoreApplication.translate(
            "Refusals", "{0}: {1} entries; only the first {2} are read."
        ).format(name, args.get("count"), args.get("limit"))
    if code == "entry-skipped":
        key = args.get("key") or QCoreApplication.translate("Refusals", "no key")
        return QCoreApplication.translate("Refusals", "{0}: entry {1} ({2}) skipped: {3}").format(
            name, n, key, evidence_text(args.get("why"), None, lang)
        )
    if code == "entry-not-table":
        return QCoreApplication.translate("Refusals", "{0}: entry {1} skipped: it is not a record.").format(
            name, n
        )
    if code == "bibtex-entry" and args.get("line"):
        return QCoreApplication.translate("Refusals", "{0}: the entry at line {1} could not be read.").format(
            name, args["line"]
        )
    if code == "ris-entry":
        return QCoreApplication.translate("Refusals", "{0}: entry {1} could not be read.").format(name, n)
    return QCoreApplication.translate("Refusals", "{0}: an entry could not be read.").format(name)


# --- digitising ---------------------------------------------------------------------------------
def digitise_text(exc) -> str:
    """A drawn shape or a layer form value refused (core/digitised.DigitiseError)."""
    code, args = getattr(exc, "code", ""), getattr(exc, "args_", {}) or {}
    if code == "wrong-shape":
        return {
            "point": QCoreApplication.translate("Refusals", "This layer holds points: draw a point."),
            "line": QCoreApplication.translate("Refusals", "This layer holds lines: draw a line."),
            "polygon": QCoreApplication.translate("Refusals", "This layer holds areas: draw an area."),
        }.get(
            args.get("geometry"),
            QCoreApplication.translate("Refusals", "The shape drawn is not of this layer's kind."),
        )
    if code == "field-long":
        return QCoreApplication.translate(
            "Refusals", "The field name “{0}…” is longer than 64 characters."
        ).format(args.get("name", ""))
    if code == "off-earth":
        return QCoreApplication.translate("Refusals", "({0}, {1}) is not a place on the Earth.").format(
            args.get("lon"), args.get("lat")
        )
    if code == "unknown-sources":
        return QCoreApplication.translate(
            "Refusals", "{0} of the ticked sources are not among the atlas's or the project's sources."
        ).format(args.get("count", 0))
    return {
        "layer-no-title": QCoreApplication.translate("Refusals", "Give the new layer a title."),
        "layer-geometry": QCoreApplication.translate("Refusals", "A layer holds points, lines or areas."),
        "field-id": QCoreApplication.translate(
            "Refusals", "“id” is the atlas's own field: choose another name."
        ),
        "position": QCoreApplication.translate(
            "Refusals", "A point of the shape is not a longitude and a latitude."
        ),
        "line-points": QCoreApplication.translate("Refusals", "A line needs at least two different points."),
        "polygon-corners": QCoreApplication.translate(
            "Refusals", "An area needs at least three different corners."
        ),
    }.get(code, QCoreApplication.translate("Refusals", "The shape drawn cannot be read."))
