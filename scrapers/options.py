"""Typed spider options, declared once per spider (no Scrapy import).

A spider lists its options in ``spider_options``; each value, from ``-a name=value`` or from the
source's table in sources.toml (the argument wins), goes through the option's parser, which
raises ValueError with a one-line reason when the value cannot be right, so the crawl stops at
start instead of crawling the wrong thing. The parsers below are the kinds the spiders share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_FALSE = frozenset({"0", "false", "no", "off"})
_DOMAIN = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]{1,63})+$")


@dataclass(frozen=True)
class SpiderOption:
    """A typed spider option: ``-a name=value`` or ``name = value`` in the source's table of the
    sources file (the argument wins), parsed by ``parse``, which raises ValueError on a value that
    cannot be right, so the crawl fails at start with the reason."""

    parse: Callable[[Any], Any]
    default: Any = None
    # Options of one group are chosen together: an argument for any of them makes the crawl
    # ignore the sources file's values for all of them (``-a sitemap_urls=`` replaces the
    # configured domains too, as ``-a boards=`` replaces the configured boards).
    group: str | None = None


def values(value: Any) -> list[str]:
    """A list from the sources file, or a comma-separated argument, blanks dropped."""
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def flag(value: Any) -> bool:
    """On unless it says 0, false, no or off."""
    return str(value).strip().lower() not in _FALSE


def whole_number(name: str, low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number is None or isinstance(value, bool) or not low <= number <= high:
            raise ValueError(f"{name}={value!r} is not a whole number from {low} to {high}")
        return number

    return parse


def words(name: str, longest: int, *, required: bool = False) -> Callable[[Any], str]:
    """Printable text, runs of whitespace made one space, at most ``longest`` characters."""

    def parse(value: Any) -> str:
        text = " ".join(str(value).split())
        if len(text) > longest or not text.isprintable() or (required and not text):
            least = 1 if required else 0
            raise ValueError(f"{name}={value!r} is not {least} to {longest} printable characters")
        return text

    return parse


def one_of(name: str, choices: Sequence[str]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        choice = str(value).strip().lower()
        if choice not in choices:
            raise ValueError(f"{name}={value!r} is not one of {', '.join(choices)}")
        return choice

    return parse


def matching(name: str, pattern: re.Pattern[str], what: str) -> Callable[[Any], str]:
    """One value that must match ``pattern``; ``what`` says what it should look like."""

    def parse(value: Any) -> str:
        text = str(value).strip()
        if not pattern.match(text):
            raise ValueError(f"{name}={value!r} is not {what}")
        return text

    return parse


def urls(value: Any) -> tuple[str, ...]:
    found = values(value)
    bad = [
        u for u in found if urlsplit(u).scheme not in {"http", "https"} or not urlsplit(u).hostname
    ]
    if bad:
        raise ValueError(f"{', '.join(map(repr, bad))} is not an http(s) URL")
    return tuple(found)


def domains(value: Any) -> tuple[str, ...]:
    found = [d.lower() for d in values(value)]
    bad = [d for d in found if not _DOMAIN.match(d)]
    if bad:
        raise ValueError(f"{', '.join(map(repr, bad))} is not a domain name")
    return tuple(found)
