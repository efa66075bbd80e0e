"""Statement rules: a block is EEO, scam, privacy or cookie text when such sentences dominate it.

Each sentence is matched on its own, and a block is removed only when the sentences that match
make up at least STATEMENT_SHARE of its characters: a statement-like block goes, a passing
"diversity" or "remote-friendly" in a paragraph stays. Sentences are matched only against the
rules that matched somewhere in their block, and those only among the rules the gate lets through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.boilerplate.rules import CATEGORIES, RULES, TRAITS_CATEGORY
from scrapers.boilerplate.triggers import word_prefixes

__all__ = ["SENTENCE_SPLIT_RE", "BlockRules", "sentence_category", "statement_category"]

STATEMENT_SHARE = 0.5
# A sentence listing this many distinct protected characteristics is an EEO statement.
PROTECTED_TRAITS_MIN = 4

# Sentence ends: terminal punctuation followed by space. Abbreviations split too; harmless here
# because only the share of statement text matters.
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+")


def _count_traits(sentence: str) -> int:
    return len({m.group(0) for m in RULES.traits.finditer(sentence)})


@dataclass(frozen=True, slots=True)
class BlockRules:
    """The statement rules that can still match somewhere in a block (found on the whole block)."""

    phrases: dict[str, tuple[re.Pattern[str], ...]]
    traits: bool
    co_occurrence: dict[str, tuple[tuple[re.Pattern[str], ...], ...]]

    @classmethod
    def of(cls, norm: str) -> BlockRules:
        prefixes = word_prefixes(norm)
        phrases = {}
        for category, regexes in RULES.gate.active(prefixes).items():
            found = tuple(regex for regex in regexes if regex.search(norm))
            if found:
                phrases[category] = found
        co_occurrence = {}
        for category, rules in RULES.co_occurrence.items():
            triggers = RULES.co_occurrence_triggers[category]
            live = tuple(
                rule
                for rule, needs in zip(rules, triggers, strict=True)
                if (needs is None or not needs.isdisjoint(prefixes))
                and all(x.search(norm) for x in rule)
            )
            if live:
                co_occurrence[category] = live
        return cls(phrases, norm.count(",") >= 2, co_occurrence)

    def __bool__(self) -> bool:
        return bool(self.phrases or self.traits or self.co_occurrence)


# Every rule, ungated: what `BlockRules.of` must agree with.
ALL_RULES = BlockRules(
    {category: (regex,) for category, regex in RULES.statements.items()},
    True,
    dict(RULES.co_occurrence),
)


def sentence_category(sentence: str, rules: BlockRules = ALL_RULES) -> str | None:
    """Statement category of one sentence; `rules` = those that matched its block.

    A sentence stating a requirement of the job is never an EEO statement by its phrases: "must
    be physically capable … (accommodation will be provided)" is what the job asks."""
    for category, regexes in rules.phrases.items():
        if category == TRAITS_CATEGORY and RULES.requirement.search(sentence):
            continue
        if any(regex.search(sentence) for regex in regexes):
            return category
    # Trait lists are comma lists; the comma gate spares the long alternation on most sentences.
    if (
        rules.traits
        and sentence.count(",") >= 2
        and _count_traits(sentence) >= PROTECTED_TRAITS_MIN
    ):
        return TRAITS_CATEGORY
    for category, co_rules in rules.co_occurrence.items():
        if any(all(regex.search(sentence) for regex in rule) for rule in co_rules):
            return category
    return None


def statement_category(norm: str) -> str | None:
    """The statement category covering most of the block, if statement text dominates it."""
    rules = BlockRules.of(norm)
    if not rules:  # the usual case: nothing in the block can match, no sentence to look at
        return None
    share: dict[str, int] = {}
    for sentence in SENTENCE_SPLIT_RE.split(norm):
        category = sentence_category(sentence, rules)
        if category:
            share[category] = share.get(category, 0) + len(sentence)
    if not share:
        return None
    category = max(share, key=lambda c: (share[c], -CATEGORIES.index(c)))
    return category if sum(share.values()) >= STATEMENT_SHARE * len(norm) else None
