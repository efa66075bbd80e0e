"""Text folded for comparing postings: case, accents and spacing differ between boards showing
the same job; content does not (no Scrapy import)."""

from __future__ import annotations

import re
import unicodedata

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_WORD = re.compile(r"\W+")


def _drop_mark(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def fold(text: str | None) -> str:
    """Lower case, accents dropped, every run of non-word characters one space, trimmed."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    # Only non-ASCII characters can be combining marks: look at those alone (dedup hot path).
    stripped = decomposed if decomposed.isascii() else _NON_ASCII.sub(_drop_mark, decomposed)
    return _NON_WORD.sub(" ", stripped.casefold()).strip()
