"""Recognise a document's regional layout from its text, with a confidence and the evidence."""

from __future__ import annotations

from dataclasses import dataclass

from extract.document import Document
from extract.errors import UnknownLayout
from extract.layouts import LAYOUTS, Layout

MIN_CONFIDENCE = 0.5  # share of a layout's signature weight that must be present


@dataclass(frozen=True)
class Evidence:
    """A signature found in the text: what it is, the first line it is on, its weight."""

    label: str
    line: int
    weight: float


@dataclass(frozen=True)
class Detection:
    layout: Layout
    confidence: float
    evidence: tuple[Evidence, ...]


def score_layout(document: Document, layout: Layout) -> Detection:
    """How much of the layout's signature weight the document shows, and where."""
    found: list[Evidence] = []
    signatures = layout.all_signatures()
    for signature in signatures:
        line = next((ln for ln in document.lines if signature.pattern.search(ln.text)), None)
        if line is not None:
            found.append(Evidence(signature.label, line.number, signature.weight))
    total = sum(signature.weight for signature in signatures)
    confidence = sum(evidence.weight for evidence in found) / total if total else 0.0
    return Detection(layout, round(confidence, 3), tuple(found))


def rank_layouts(document: Document) -> list[Detection]:
    """Every registered layout scored against the document, best first."""
    scored = [score_layout(document, layout) for layout in LAYOUTS.values()]
    return sorted(scored, key=lambda detection: detection.confidence, reverse=True)


def detect_layout(document: Document) -> Detection:
    """The best-matching layout; raises UnknownLayout when none reaches MIN_CONFIDENCE."""
    ranked = rank_layouts(document)
    best = ranked[0]
    if best.confidence < MIN_CONFIDENCE:
        summary = ", ".join(f"{d.layout.name} {d.confidence:.2f}" for d in ranked[:3])
        raise UnknownLayout(
            f"the text matches none of the known layouts (best scores: {summary}; "
            f"{MIN_CONFIDENCE:.2f} needed). Known layouts: {', '.join(LAYOUTS)}"
        )
    return best
