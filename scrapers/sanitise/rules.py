"""The rules of scrapers/data/sanitise.toml, read once and checked: the HTML allow-list, the
characters no text keeps and the size limits (pure module, no Scrapy)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["HtmlPolicy", "Limits", "Rules", "TextRules", "rules"]

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class HtmlPolicy:
    tags: frozenset[str]
    drop_with_content: frozenset[str]
    url_schemes: frozenset[str]
    link_rel: str
    attributes: dict[str, frozenset[str]]  # per tag
    attribute_values: dict[str, frozenset[str]]  # on every allowed tag


@dataclass(frozen=True)
class TextRules:
    newline: tuple[str, ...]
    remove: Ranges
    joining_scripts: Ranges
    emoji: Ranges
    emoji_left: Ranges


@dataclass(frozen=True)
class Limits:
    description_html: int
    description: int
    source_html_chars: int
    source_html_tags: int


@dataclass(frozen=True)
class Rules:
    html: HtmlPolicy
    text: TextRules
    limits: Limits


def _ranges(value: list[list[int]]) -> Ranges:
    out = tuple((int(low), int(high)) for low, high in value)
    for low, high in out:
        if not 0 <= low <= high <= 0x10FFFF:
            raise ValueError(f"sanitise.toml: bad range {low:#x}-{high:#x}")
    return out


def _policy(html: dict[str, Any]) -> HtmlPolicy:
    tags = frozenset(html["tags"])
    drop = frozenset(html["drop_with_content"])
    if tags & drop:
        # nh3 refuses a tag both kept and dropped with its content; say which here.
        raise ValueError(f"sanitise.toml: both allowed and dropped: {sorted(tags & drop)}")
    attributes = {tag: frozenset(names) for tag, names in html["attributes"].items()}
    if unknown := set(attributes) - tags:
        raise ValueError(f"sanitise.toml: attributes for tags not allowed: {sorted(unknown)}")
    return HtmlPolicy(
        tags=tags,
        drop_with_content=drop,
        url_schemes=frozenset(html["url_schemes"]),
        link_rel=html["link_rel"],
        attributes=attributes,
        attribute_values={k: frozenset(v) for k, v in html["attribute_values"].items()},
    )


@cache
def rules() -> Rules:
    """scrapers/data/sanitise.toml, parsed and checked."""
    path = resources.files("scrapers").joinpath("data", "sanitise.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    text = data["text"]
    return Rules(
        html=_policy(data["html"]),
        text=TextRules(
            newline=tuple(text["newline"]),
            remove=_ranges(text["remove"]),
            joining_scripts=_ranges(text["joining_scripts"]),
            emoji=_ranges(text["emoji"]),
            emoji_left=_ranges(text["emoji_left"]),
        ),
        limits=Limits(**{k: int(v) for k, v in data["limits"].items()}),
    )
