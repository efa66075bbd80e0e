"""What the spider extracted (title, company, location, blurb, header values), as block keys.

The page shows those values as fields around the body, so a block made of them is page chrome:
`FIELD_CATEGORY` for extracted fields, `HEADER_VALUE_CATEGORY` for caller-supplied header values
(age, seniority, salary line, department: the board's metadata widget, the same category as
"Salaire : Non spécifié" and "Télétravail fréquent" on WTTJ).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from scrapers.boilerplate.page import Page
from scrapers.boilerplate.rules import RULES
from scrapers.boilerplate.text import key
from scrapers.textblocks import ITEM

__all__ = ["FIELD_CATEGORY", "HEADER_VALUE_CATEGORY", "Fields", "repeated_keys"]

FIELD_CATEGORY = "ui_chrome"
HEADER_VALUE_CATEGORY = "meta_widget"

_SEPARATORS_ONLY_RE = re.compile(r"^[\s|·•,/\-–—]*$")


@dataclass(frozen=True, slots=True)
class Fields:
    field_keys: frozenset[str]  # title, company, location, company_description, repeated lines
    value_keys: frozenset[str]  # caller-supplied header values
    title_key: str | None
    about_keys: frozenset[str]  # "about <company>" in several languages
    consumable: tuple[str, ...]  # given fields and values, longest first

    @classmethod
    def build(
        cls,
        title: str | None,
        company: str | None,
        location: str | None,
        company_description: str | None,
        header_values: Iterable[str],
        repeated: Iterable[str] = (),
    ) -> Fields:
        given = {key(v) for v in (title, company, location, company_description) if v}
        given.discard("")
        values = {key(v) for v in header_values if v}
        values.discard("")
        company_key = key(company) if company else ""
        about = {f"{p} {company_key}" for p in RULES.about_prefixes} if company_key else set()
        return cls(
            field_keys=frozenset(given | set(repeated)),
            value_keys=frozenset(values),
            title_key=key(title) if title else None,
            about_keys=frozenset(about),
            consumable=tuple(sorted(given | values, key=lambda s: (-len(s), s))),
        )

    def category(self, block_key: str) -> str | None:
        """`FIELD_CATEGORY` / `HEADER_VALUE_CATEGORY` if a block's key is made of field values."""
        if not block_key:
            return None
        if block_key in self.field_keys:
            return FIELD_CATEGORY
        if block_key in self.value_keys:
            return HEADER_VALUE_CATEGORY
        # Several values glued on one line (Teal: "2d$168,000 - $252,000Hybrid").
        rest, used_value = block_key, False
        for value in self.consumable:
            if value in rest:
                rest = rest.replace(value, " ")
                used_value = used_value or value in self.value_keys
        if rest != block_key and _SEPARATORS_ONLY_RE.match(rest):
            return HEADER_VALUE_CATEGORY if used_value else FIELD_CATEGORY
        return None


def repeated_keys(page: Page) -> set[str]:
    """Non-item texts the page shows more than once: a header or sidebar repeating a field.

    This catches field lines even when the caller could not extract the field; it only acts
    where fields do (the header region and field runs after the body).
    """
    counts = Counter(k for b, k in zip(page.blocks, page.keys, strict=True) if b.kind != ITEM)
    return {k for k, n in counts.items() if n >= 2 and k}
