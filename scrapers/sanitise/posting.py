"""Every string of a posting cleaned, its HTML sanitised, its bodies cut to size: what the item
pipeline ``pipelines.sanitise.SanitisePipeline`` does to each item, as a pure function."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from scrapers.sanitise.html import sanitise_html
from scrapers.sanitise.rules import rules
from scrapers.sanitise.size import cap_source_html, cut_html, cut_text
from scrapers.sanitise.text import clean_text

__all__ = ["Sanitised", "sanitise_posting"]

HTML_FIELD = "description_html"
TEXT_FIELD = "description"
FLAG_FIELD = "truncated"


@dataclass
class Sanitised:
    """What sanitising a posting changed: fields whose text lost or changed characters (HTML
    aside: its markup is always rewritten), and fields cut to the size limit."""

    cleaned: list[str] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)


def _clean(value: Any) -> Any:
    """A field's value with every string in it cleaned (lists and objects too)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def sanitise_posting(fields: MutableMapping[str, Any]) -> Sanitised:
    """Clean ``fields`` in place (an ``ItemAdapter`` or a dict) and say what changed.

    ``description_html`` keeps only what the allow-list allows (None when no text is left), and
    both bodies are cut to their limits (the source's HTML first, when too big to sanitise).
    When ``description_html`` is cut, the ``description`` made from it later is short as well,
    and both are named in ``truncated``.
    """
    done = Sanitised()
    limits = rules().limits
    for name in list(fields.keys()):
        value = fields[name]
        if name == HTML_FIELD and isinstance(value, str):
            source, cut = cap_source_html(value, limits.source_html_chars, limits.source_html_tags)
            html = sanitise_html(source)
            if html is not None and len(html) > limits.description_html:
                html, cut = cut_html(html, limits.description_html), True
            if cut:
                done.truncated += [HTML_FIELD, TEXT_FIELD]
            fields[name] = html
            continue
        cleaned = _clean(value)
        too_long = isinstance(cleaned, str) and len(cleaned) > limits.description
        if name == TEXT_FIELD and too_long:
            cleaned = cut_text(cleaned, limits.description)
            if TEXT_FIELD not in done.truncated:
                done.truncated.append(TEXT_FIELD)
        if cleaned != value:
            done.cleaned.append(name)
            fields[name] = cleaned
    if done.truncated:
        flagged = list(fields.get(FLAG_FIELD) or [])
        fields[FLAG_FIELD] = flagged + [n for n in done.truncated if n not in flagged]
    return done
