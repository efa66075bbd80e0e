"""The page being stripped: its blocks, their matching forms, and the label each block gets."""

from __future__ import annotations

from dataclasses import dataclass

from scrapers.boilerplate.text import key_of_norm, norm
from scrapers.textblocks import Block

__all__ = ["CONTENT_MIN_WORDS", "Labels", "Page"]

# An unclaimed paragraph of at least this many words is surely the employer's content: the header
# region ends at the first one, and the page's template is looked for only around them.
CONTENT_MIN_WORDS = 8

Labels = list[str | None]  # one category (or None = kept) per block


@dataclass(slots=True)
class Page:
    blocks: list[Block]
    norms: list[str]  # matching form of each block
    keys: list[str]  # equality form of each block
    labels: Labels  # category per block, None = kept

    @classmethod
    def of(cls, blocks: list[Block]) -> Page:
        norms = [norm(b.text) for b in blocks]
        return cls(blocks, norms, [key_of_norm(n) for n in norms], [None] * len(blocks))

    def __len__(self) -> int:
        return len(self.blocks)

    def words(self, i: int) -> int:
        return len(self.blocks[i].text.split())
