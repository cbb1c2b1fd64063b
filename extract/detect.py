"""Recognise a document's layout from its text, comparing every layout on the same evidence.

The strongest evidence is a table header read by the column vocabulary (extract/columns.py): it
is compared with each table layout's declared header (the cells it fills and its label words), and
decides between table layouts. A layout's other signatures add to that; by themselves they
decide only when two or more strong ones are found (a lone word never does), and a layout
without tables cannot win a document whose tables say what they are. The `generic` layout reads
any table the vocabulary finds and wins where no regional layout's header comes close.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.columns import HeaderColumn, header_spans
from extract.document import Document
from extract.errors import UnknownLayout
from extract.labelled_blocks import MIN_RECORDS, read_labelled_blocks
from extract.layouts import GENERIC, LAYOUTS, Layout

MIN_CONFIDENCE = 0.5  # a layout below this is not recognised
NEAR_TIE = 0.1  # two layouts closer than this: the document gets a warning
HEADER_SHARE = 0.75  # part of a table layout's confidence that comes from its table header
GENERIC_CONFIDENCE = 0.6  # the generic layout's confidence when it finds a table header
LONE_SIGNATURE_CAP = 0.45  # confidence from one signature alone, however heavy
STRONG_SIGNATURE = 1.0  # weaker signatures (bullets) only add to two strong ones


@dataclass(frozen=True)
class Evidence:
    """What was found in the text: what it is, the first line it is on, its weight."""

    label: str
    line: int
    weight: float


@dataclass(frozen=True)
class Detection:
    layout: Layout
    confidence: float
    evidence: tuple[Evidence, ...]
    warnings: tuple[str, ...] = ()
    forced: bool = False  # named by the user (--layout), not detected


@dataclass(frozen=True)
class FoundHeader:
    line: int
    columns: tuple[HeaderColumn, ...]

    @property
    def text(self) -> str:
        return " | ".join(column.label for column in self.columns)


def find_headers(document: Document) -> list[FoundHeader]:
    """Every header of a table that the column vocabulary reads in the document."""
    return [
        FoundHeader(document.lines[index].number, span.columns)
        for index, span in header_spans(document.lines).items()
    ]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def header_similarity(found: Sequence[HeaderColumn], declared: Sequence[HeaderColumn]) -> float:
    """How alike two headers are: the cells they fill and their label words, equally weighted."""
    cells = _jaccard({x for c in found for x in c.cells}, {x for c in declared for x in c.cells})
    keys = _jaccard({c.key for c in found}, {c.key for c in declared})
    return (cells + keys) / 2


def _signature_share(document: Document, layout: Layout) -> tuple[float, list[Evidence]]:
    found: list[Evidence] = []
    for signature in layout.signatures:
        line = next((ln for ln in document.lines if signature.pattern.search(ln.text)), None)
        if line is not None:
            found.append(Evidence(signature.label, line.number, signature.weight))
    total = sum(signature.weight for signature in layout.signatures)
    share = sum(evidence.weight for evidence in found) / total if total else 0.0
    if sum(1 for evidence in found if evidence.weight >= STRONG_SIGNATURE) < 2:
        share = min(share, LONE_SIGNATURE_CAP)  # one word (and bullets) never decides
    return share, found


def score_layout(document: Document, layout: Layout, headers: list[FoundHeader]) -> Detection:
    """The layout's confidence on the document's evidence, and that evidence."""
    share, evidence = _signature_share(document, layout)
    if layout.table is None:
        confidence = share * (1 - HEADER_SHARE) if headers else share
    elif layout is GENERIC:
        evidence = [Evidence(f"table header '{h.text}'", h.line, 1.0) for h in headers[:1]]
        blocks = [] if headers else read_labelled_blocks(document.lines)
        if blocks:
            label = f"{len(blocks)} blocks of labelled fields ('Mål: …', 'Ansvarig: …')"
            evidence = [Evidence(label, blocks[0].line_start, 1.0)]
        confidence = GENERIC_CONFIDENCE if headers or len(blocks) >= MIN_RECORDS else 0.0
    elif headers:
        declared = layout.table.columns
        best = max(headers, key=lambda h: header_similarity(h.columns, declared))
        similarity = header_similarity(best.columns, declared)
        confidence = HEADER_SHARE * similarity + (1 - HEADER_SHARE) * share
        label = f"table header '{best.text}' (like the layout's: {similarity:.2f})"
        evidence = [Evidence(label, best.line, similarity), *evidence]
    else:
        confidence = (1 - HEADER_SHARE) * share
    return Detection(layout, round(confidence, 3), tuple(evidence))


def rank_layouts(document: Document) -> list[Detection]:
    """Every registered layout scored against the document, best first."""
    headers = find_headers(document)
    scored = [score_layout(document, layout, headers) for layout in LAYOUTS.values()]
    return sorted(scored, key=lambda detection: detection.confidence, reverse=True)


def detect_layout(document: Document, forced: str | None = None) -> Detection:
    """The best-matching layout (or the one named by `forced`); raises UnknownLayout when none
    reaches MIN_CONFIDENCE. A runner-up within NEAR_TIE is reported as a warning."""
    if forced is not None:
        return forced_layout(forced)
    ranked = rank_layouts(document)
    best = ranked[0]
    if best.confidence < MIN_CONFIDENCE:
        summary = ", ".join(f"{d.layout.name} {d.confidence:.2f}" for d in ranked[:3])
        raise UnknownLayout(
            f"the text matches none of the known layouts (best scores: {summary}; "
            f"{MIN_CONFIDENCE:.2f} needed) and no table header with the column labels of "
            "extract/data/columns.tsv was found. If it is a plan, run `cancerplans inspect` on "
            "it, add its column labels to columns.tsv, or pass --layout NAME (one of: "
            f"{', '.join(LAYOUTS)})"
        )
    close = [d for d in ranked[1:] if best.confidence - d.confidence < NEAR_TIE]
    warnings = tuple(
        f"layout uncertain: {best.layout.name} ({best.confidence:.2f}) and "
        f"{d.layout.name} ({d.confidence:.2f}) come close; check with `cancerplans inspect` "
        "or choose with --layout"
        for d in close
    )
    return Detection(best.layout, best.confidence, best.evidence, warnings)


def forced_layout(name: str) -> Detection:
    """The layout a user named, with that as its evidence."""
    if name not in LAYOUTS:
        raise UnknownLayout(f"no layout named {name!r}; known layouts: {', '.join(LAYOUTS)}")
    evidence = (Evidence("chosen with --layout", 0, 1.0),)
    return Detection(LAYOUTS[name], 1.0, evidence, forced=True)
