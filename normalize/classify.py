"""Tell a row's area from its own text when its headings do not decide it.

Lemma-like rules: stems per area in the reviewable `data/text_areas.tsv`; a row takes the area
with the most matches, and the share of its matches as confidence. Measured against the gold
with the headings withheld (`cancerplans evaluate` prints it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from normalize.term_tables import read_table


@dataclass(frozen=True)
class TextRule:
    pattern: re.Pattern[str]
    area_id: int


@cache
def text_rules() -> tuple[TextRule, ...]:
    return tuple(
        TextRule(re.compile(row["pattern"], re.IGNORECASE), int(row["area_id"]))
        for row in read_table("text_areas.tsv")
    )


def area_from_text(text: str) -> tuple[int | None, float]:
    """The area the text speaks most of, and the share of the matches that speak of it."""
    votes: Counter[int] = Counter()
    order: dict[int, int] = {}
    for position, rule in enumerate(text_rules()):
        hits = len(rule.pattern.findall(text))
        if hits:
            votes[rule.area_id] += hits
            order.setdefault(rule.area_id, position)
    if not votes:
        return None, 0.0
    best = max(votes, key=lambda area: (votes[area], -order[area]))
    return best, round(votes[best] / sum(votes.values()), 3)
