"""The rules that look at one block on its own: whole-block, statement, section and header rules."""

from __future__ import annotations

from functools import lru_cache

from scrapers.boilerplate.rules import RULES
from scrapers.boilerplate.statements import statement_category
from scrapers.textblocks import LINE

__all__ = ["block_rule_category", "header_rule_category", "section_category"]

# Blocks whose rule category is remembered (a few MB at most).
BLOCK_CACHE_SIZE = 20_000
# Whole-block rules never match more than this (the longest is a footer link row): longer blocks
# are paragraphs and skip them.
LINE_RULE_MAX_CHARS = 400


def _line_category(norm: str) -> str | None:
    if len(norm) > LINE_RULE_MAX_CHARS:
        return None
    found = RULES.line.match(norm)
    return found.lastgroup if found else None


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def block_rule_category(norm: str) -> str | None:
    """Whole-block and statement rules of one block. Cached: within a crawl the same blocks (a
    site's chrome, an employer's EEO paragraph and benefits) come back posting after posting."""
    return _line_category(norm) or statement_category(norm)


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def section_category(norm: str) -> str | None:
    """Cached for the reason `block_rule_category` is: a site's headings come back all crawl."""
    found = RULES.section.match(norm)
    return found.lastgroup if found else None


def header_rule_category(kind: str, norm: str) -> str | None:
    """Rules that hold only in the header region (see `header`)."""
    for category, regex in RULES.header.items():
        if regex.match(norm):
            return category
    if kind == LINE:
        for category, regex in RULES.header_line.items():
            if regex.match(norm):
                return category
    return None
