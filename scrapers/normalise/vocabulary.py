"""The normalisers' vocabularies: TOML files in scrapers/data, read once each."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

__all__ = ["alternatives", "read_vocabulary", "unspaced", "whole_words"]


def read_vocabulary(name: str) -> dict[str, Any]:
    """`scrapers/data/<name>.toml`, parsed."""
    text = resources.files("scrapers").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def unspaced(text: str) -> bool:
    """Written in a script without spaces between words (Chinese, Japanese, Korean, Thai): a
    phrase in it has no word boundary to require (応募 in 今すぐ応募)."""
    return any(c >= "\u2e80" or "\u0e00" <= c <= "\u0e7f" for c in text)


def alternatives(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation, escaped, longest first: "s a s" is tried before
    "s a", "apply now" before "apply"."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


def whole_words(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Any of the phrases as whole words; one in an unspaced script anywhere."""
    phrases = list(phrases)
    spaced = alternatives(p for p in phrases if not unspaced(p))
    pattern = rf"(?<!\w)(?:{spaced})(?!\w)"
    if any(unspaced(p) for p in phrases):
        pattern = f"{pattern}|{alternatives(p for p in phrases if unspaced(p))}"
    return re.compile(pattern, flags)
