"""Which statement rules can match a text: an inverted index from trigger prefix to rules.

Rules with trigger prefixes (`triggers.required_prefixes`) each keep their own regex, searched only
when the text has one of their prefixes; the others are searched always, as one alternation per
category. (One alternation per combination of rules would cost a compile for every new
combination a crawl meets.) Results are those of searching every rule: the gate only leaves out
rules that cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scrapers.boilerplate.triggers import required_prefixes

__all__ = ["Gate"]


class Gate:
    def __init__(self, rules: Iterable[tuple[str, str]], flags: re.RegexFlag) -> None:
        """`rules`: (category, pattern) pairs, categories in precedence order."""
        self.ungated: list[tuple[str, str]] = []  # (category, pattern) with no triggers
        self.order: dict[str, int] = {}
        self.gated: list[tuple[str, re.Pattern[str]]] = []
        self.triggers: list[frozenset[str]] = []
        self.index: dict[str, tuple[int, ...]] = {}
        for category, pattern in rules:
            self.order.setdefault(category, len(self.order))
            triggers = required_prefixes(pattern)
            if triggers is None:
                self.ungated.append((category, pattern))
                continue
            for prefix in triggers:
                self.index[prefix] = (*self.index.get(prefix, ()), len(self.gated))
            self.gated.append((category, re.compile(pattern, flags)))
            self.triggers.append(triggers)
        always: dict[str, list[str]] = {}
        for category, pattern in self.ungated:
            always.setdefault(category, []).append(pattern)
        self.always = {
            category: re.compile("|".join(f"(?:{p})" for p in patterns), flags)
            for category, patterns in always.items()
        }

    def active(self, prefixes: set[str]) -> dict[str, list[re.Pattern[str]]]:
        """Per category, in precedence order, the regexes that can match a text with these word
        prefixes (`triggers.word_prefixes`)."""
        found: dict[str, list[re.Pattern[str]]] = {c: [r] for c, r in self.always.items()}
        hits = {i for prefix in prefixes.intersection(self.index) for i in self.index[prefix]}
        for i in sorted(hits):
            category, regex = self.gated[i]
            found.setdefault(category, []).append(regex)
        return dict(sorted(found.items(), key=lambda item: self.order[item[0]]))
