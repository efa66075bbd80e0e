"""The two forms of a block's text the rules see: `norm` for patterns, `key` for equality."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["QUOTES", "key", "key_of_norm", "norm"]

# Field values (title, company, blurb...) whose matching key is remembered.
FIELD_CACHE_SIZE = 4_096

QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_TRAILING_PUNCT = " .,:;!?…"

# `QUOTES` as pairs for `str.replace`: `str.translate` looks every character up in a dict, 10-40x
# slower on a posting's text than replacing the few quotes present. Same result: no replacement
# is itself a quote to replace.
_QUOTE_PAIRS = tuple((chr(quote), ascii_quote) for quote, ascii_quote in QUOTES.items())


def norm(text: str) -> str:
    """Text for pattern matching: NFKC, lower case, ASCII quotes, single spaces."""
    if not text.isascii():  # NFKC leaves ASCII as is (and isascii() is O(1))
        text = unicodedata.normalize("NFKC", text)
    for quote, ascii_quote in _QUOTE_PAIRS:
        if quote in text:
            text = text.replace(quote, ascii_quote)
    # str.split() splits on exactly the regex's `\s` (a textblocks test checks every code point).
    return " ".join(text.split()).lower()


def key_of_norm(normed: str) -> str:
    """Text for equality with field values, from its `norm` form."""
    return normed.casefold().rstrip(_TRAILING_PUNCT)


@lru_cache(maxsize=FIELD_CACHE_SIZE)
def key(text: str) -> str:
    """Cached: a company's name, blurb and location, and a board's header values, come back with
    every posting (and each posting asks for its title and company more than once)."""
    return key_of_norm(norm(text))
