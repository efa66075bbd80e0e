"""The entry points: label every block of a body, or split it into description and boilerplate.

Classification, in order:
1. whole-block chrome rules (a block that *is* "Apply now", "© 2024 …", "View All Jobs 141313");
2. statement rules per sentence (EEO, scam, privacy, cookie): a block goes only when statement
   sentences make up most of it, so a passing "diversity" or "remote-friendly" stays;
3. sections: a statement heading ("Equal Opportunities Statement") takes its whole body;
4. the header region (everything before the first real paragraph): repeated fields (title,
   company, location, company blurb), caller-supplied header values, board widgets and the
   board's one-line summary;
5. runs of repeated fields after the body (a sidebar such as NoDegree's) -> `repeated_block`;
6. blocks around the body that the site's other postings showed too (`TemplateMemory`).
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from scrapers.boilerplate.block_rules import block_rule_category
from scrapers.boilerplate.fields import Fields, repeated_keys
from scrapers.boilerplate.header import apply_header
from scrapers.boilerplate.page import Page
from scrapers.boilerplate.repeated import apply_repeated_runs
from scrapers.boilerplate.sections import apply_sections
from scrapers.boilerplate.template import apply_template, edge_indices
from scrapers.textblocks import Block, ParsedHtml, blocks_from_html, blocks_from_text, render_blocks

__all__ = ["Classified", "Stripped", "classify_blocks", "strip_boilerplate"]


@dataclass
class Stripped:
    description: str
    boilerplate: list[dict[str, str]] = field(default_factory=list)
    # Keys of the blocks around the body, for `TemplateMemory.observe`.
    edge_keys: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Classified:
    """Every block of a body with its category (None = kept), and the keys of its edge blocks."""

    blocks: list[tuple[Block, str | None]]
    edge_keys: frozenset[str]


def classify_blocks(
    *,
    html: str | ParsedHtml | None = None,
    text: str | None = None,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    company_description: str | None = None,
    header_values: Iterable[str] = (),
    template: Container[str] = frozenset(),
) -> Classified:
    """Label every block of a body; see `strip_boilerplate` for the arguments."""
    page = Page.of(blocks_from_html(html) if html else blocks_from_text(text or ""))
    page.labels = [block_rule_category(n) for n in page.norms]
    apply_sections(page)
    fields = Fields.build(
        title, company, location, company_description, header_values, repeated_keys(page)
    )
    body_start = apply_header(page, fields)
    apply_repeated_runs(page, fields, body_start)
    edges = edge_indices(page)
    if template:
        apply_template(page, template, edges)
    return Classified(
        blocks=list(zip(page.blocks, page.labels, strict=True)),
        edge_keys=frozenset(page.keys[i] for i in edges),
    )


def strip_boilerplate(
    *,
    html: str | ParsedHtml | None = None,
    text: str | None = None,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    company_description: str | None = None,
    header_values: Iterable[str] = (),
    template: Container[str] = frozenset(),
) -> Stripped:
    """Split a posting body into the clean description and the removed boilerplate.

    `html` is used when given (a string, or `textblocks.parse_html`'s result), else `text` (a
    plain body or a
    whole-page text capture). The field arguments are what the spider extracted; lines repeating
    them leave the body.
    `template` holds block keys the site repeats across postings (`TemplateMemory.template`):
    such blocks before or after the body are `repeated_block`.
    """
    classified = classify_blocks(
        html=html,
        text=text,
        title=title,
        company=company,
        location=location,
        company_description=company_description,
        header_values=header_values,
        template=template,
    )
    pairs = classified.blocks
    return Stripped(
        description=render_blocks(b for b, label in pairs if label is None),
        boilerplate=[{"category": label, "text": b.text} for b, label in pairs if label],
        edge_keys=classified.edge_keys,
    )
