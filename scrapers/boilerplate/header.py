"""The header region: everything before the first real paragraph of the body.

There, lines repeating extracted fields (title, company, location, blurb), caller-supplied header
values, board widgets and chips, and the board's one-line summary are chrome; the region ends at
the first unclaimed list item or paragraph of CONTENT_MIN_WORDS words or more.
"""

from __future__ import annotations

from scrapers.boilerplate.block_rules import header_rule_category
from scrapers.boilerplate.fields import FIELD_CATEGORY, Fields
from scrapers.boilerplate.page import CONTENT_MIN_WORDS, Page
from scrapers.boilerplate.rules import RULES
from scrapers.boilerplate.statements import SENTENCE_SPLIT_RE
from scrapers.textblocks import ITEM, LINE, PARAGRAPH

__all__ = ["apply_header"]

# The board's own one-line summary under the title (NoDegree): one short sentence.
SUMMARY_MAX_WORDS = 30
# A skill chip under a "Compétences & expertises" label is a short line.
SKILL_CHIP_MAX_WORDS = 6


def _is_single_sentence(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= SUMMARY_MAX_WORDS
        and len(SENTENCE_SPLIT_RE.split(text.rstrip(".!?… "))) == 1
    )


def _is_header_signal(page: Page, i: int, fields: Fields) -> bool:
    return (
        fields.category(page.keys[i]) is not None
        or header_rule_category(page.blocks[i].kind, page.norms[i]) is not None
    )


def _is_board_summary(page: Page, i: int, fields: Fields) -> bool:
    """One short sentence wedged between the title and the header's field lines (NoDegree)."""
    if i == 0 or i + 1 >= len(page) or page.blocks[i].kind not in (LINE, PARAGRAPH):
        return False
    if fields.title_key is not None:
        under_title = page.keys[i - 1] == fields.title_key
    else:  # title unknown: the first field line of the page stands in for it
        under_title = page.labels[i - 1] == FIELD_CATEGORY
    return (
        under_title
        and _is_single_sentence(page.blocks[i].text)
        and _is_header_signal(page, i + 1, fields)
    )


def apply_header(page: Page, fields: Fields) -> int:
    """Label the header region's chrome; return the index where the body starts."""
    in_chips = False  # inside a run of skill chips under a "Compétences & expertises" label
    for i, block in enumerate(page.blocks):
        norm = page.norms[i]
        if page.labels[i] is not None:
            in_chips = bool(RULES.skill_label.match(norm))
            continue
        if field_category := fields.category(page.keys[i]):
            page.labels[i], in_chips = field_category, False
        elif block.kind == LINE and RULES.skill_label.match(norm):
            page.labels[i], in_chips = "ui_chrome", True
        elif in_chips and block.kind == LINE and page.words(i) <= SKILL_CHIP_MAX_WORDS:
            page.labels[i] = "meta_widget"  # a chip, e.g. "Collaboration et travail d'équipe"
        elif category := header_rule_category(block.kind, norm):
            page.labels[i], in_chips = category, False
        elif _is_board_summary(page, i, fields):
            page.labels[i], in_chips = "board_summary", False
        elif block.kind == ITEM or page.words(i) >= CONTENT_MIN_WORDS:
            return i
        else:
            in_chips = False  # a short unclaimed heading such as "About The Position"
    return len(page)
