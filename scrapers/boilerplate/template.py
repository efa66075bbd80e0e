"""A site's page template, learnt across a crawl: blocks around the body many postings share."""

from __future__ import annotations

from collections.abc import Container, Iterable

from scrapers.boilerplate.page import CONTENT_MIN_WORDS, Page
from scrapers.boilerplate.text import key
from scrapers.textblocks import HEADING, ITEM

__all__ = ["TemplateMemory", "apply_template", "edge_indices"]


def _anchors(page: Page) -> list[int]:
    """Kept blocks that are surely body: list items, and paragraphs of CONTENT_MIN_WORDS or more
    (a heading-like line never is: "Get the JobHunt app for iOS and Android")."""
    return [
        i
        for i, block in enumerate(page.blocks)
        if page.labels[i] is None
        and (block.kind == ITEM or (block.kind != HEADING and page.words(i) >= CONTENT_MIN_WORDS))
    ]


def edge_indices(page: Page) -> list[int]:
    """Blocks before the first and after the last sure body block: where a site's template sits.

    The heading right above the first body block is the body's own section heading ("About The
    Position"), never template, even when every posting of the board has it.
    """
    anchors = _anchors(page)
    if not anchors:
        return []
    first, last = anchors[0], anchors[-1]
    top = range(first - 1 if page.blocks[first - 1].kind == HEADING else first) if first else ()
    return [i for i in (*top, *range(last + 1, len(page))) if page.keys[i]]


def apply_template(page: Page, template: Container[str], edges: list[int]) -> None:
    """Edge blocks the site showed on many other postings (see `TemplateMemory`)."""
    for i in edges:
        if page.labels[i] is None and page.keys[i] in template:
            page.labels[i] = "repeated_block"


class TemplateMemory:
    """A crawl's memory of each source's page template, as trafilatura's repeated-segment check.

    A block key is template once it was seen at the edges of `min_postings` postings of one
    source from at least `min_companies` companies: a block shared by several employers' postings
    is the board's, while one employer's own repeated text (its blurb, its benefits) is content.
    """

    def __init__(self, min_postings: int, min_companies: int = 2, max_keys: int = 50_000) -> None:
        # No default for `min_postings`: its one default is the setting's
        # (JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS in scrapers/settings.py).
        self.min_postings = min_postings
        self.min_companies = min_companies
        self.max_keys = max_keys
        self._seen: dict[str, dict[str, tuple[int, frozenset[str]]]] = {}
        self._learned: dict[str, set[str]] = {}

    def template(self, source: str) -> Container[str]:
        """The source's learnt template (live view: it grows as the crawl goes)."""
        return self._learned.get(source, frozenset())

    def observe(self, source: str, company: str | None, keys: Iterable[str]) -> None:
        if self.min_postings <= 0:
            return  # 0 turns template learning off (JOBSIEVE_REPEATED_BLOCK_MIN_POSTINGS)
        seen = self._seen.setdefault(source, {})
        learned = self._learned.setdefault(source, set())
        who = key(company) if company else ""
        for block_key in keys:
            count, companies = seen.get(block_key, (0, frozenset()))
            if len(companies) < self.min_companies:
                companies = companies | {who}
            seen[block_key] = (count + 1, companies)
            if count + 1 >= self.min_postings and len(companies) >= self.min_companies:
                learned.add(block_key)
        if len(seen) > self.max_keys:
            # Bounded memory: forget keys seen once (unique text, the bulk of it).
            for block_key in [k for k, (n, _) in seen.items() if n == 1]:
                del seen[block_key]
