"""Sections: a statement heading ("Equal Opportunities Statement") takes its whole section.

The heading and every block under it, up to the next heading of the same or a higher rank, get
the heading's category; a block with a more precise rule of its own keeps it. A board widget's
heading ("What This Job Offers") takes only the label/value rows under it.
"""

from __future__ import annotations

from scrapers.boilerplate.block_rules import section_category
from scrapers.boilerplate.page import Page
from scrapers.boilerplate.rules import RULES
from scrapers.textblocks import HEADING, ITEM, LINE, PSEUDO_HEADING_LEVEL, Block

__all__ = ["apply_sections"]

WIDGET_VALUE_MAX_WORDS = 6
WIDGET_VALUE_MAX_CHARS = 40
# Its rows are read as label/value pairs (see `_widget_extent`).
WIDGET_CATEGORY = "meta_widget"


def _rank(block: Block) -> int:
    if block.kind == HEADING:
        return block.level or PSEUDO_HEADING_LEVEL
    return PSEUDO_HEADING_LEVEL


def _is_widget_value(page: Page, i: int) -> bool:
    return (
        page.labels[i] is None
        and page.words(i) <= WIDGET_VALUE_MAX_WORDS
        and len(page.blocks[i].text) <= WIDGET_VALUE_MAX_CHARS
        and not RULES.widget_label.match(page.norms[i])
    )


def _widget_extent(page: Page, start: int) -> int:
    """End (exclusive) of the label/value rows following the widget heading at `start`."""
    i = start + 1
    while i < len(page) and page.labels[i] is None:
        if RULES.widget_label.match(page.norms[i]):
            has_value = i + 1 < len(page) and _is_widget_value(page, i + 1)
            i += 2 if has_value else 1
        elif RULES.widget_label_value.match(page.norms[i]) and _is_widget_value(page, i):
            i += 1  # "Job Type Full-time" on one line
        else:
            break
    return i


def _section_extent(page: Page, start: int) -> int:
    """End (exclusive) of the section headed by block `start`."""
    head = page.blocks[start]
    rank = _rank(head)
    i = start + 1
    while i < len(page):
        block = page.blocks[i]
        if block.kind == HEADING and _rank(block) <= rank:
            break
        # A line of a text capture heads the rest of its own group only (a "Stand Out From the
        # Crowd" box must not swallow the posting under it), and any other section heading
        # ("Warnung vor Betrug" after "Datenschutzhinweise") starts a section of its own.
        if head.kind == LINE and head.group and block.group != head.group:
            break
        if block.kind != ITEM and section_category(page.norms[i]) is not None:
            break
        i += 1
    return i


def apply_sections(page: Page) -> None:
    i = 0
    while i < len(page):
        # A list item is never a section heading: "- Equal opportunity employer" in a list of
        # perks must not swallow the perks after it (the statement rule still takes the item).
        is_item = page.blocks[i].kind == ITEM
        category = None if is_item else section_category(page.norms[i])
        if category is None:
            i += 1
            continue
        if category == WIDGET_CATEGORY:
            end = _widget_extent(page, i)
            if end == i + 1:  # a heading with no widget rows is the employer's own heading
                i += 1
                continue
        else:
            end = _section_extent(page, i)
        page.labels[i] = category
        for j in range(i + 1, end):
            # A body block with a more precise rule of its own keeps it.
            if page.labels[j] is None:
                page.labels[j] = category
        i = end
