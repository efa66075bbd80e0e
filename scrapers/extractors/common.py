"""Small readers every extractor needs (no Scrapy import)."""

from __future__ import annotations

import json
from typing import Any

from parsel import Selector

from scrapers.extractors.base import SourceFormatError
from scrapers.normalise.countries import country_from_code, country_from_name, subdivision
from scrapers.textblocks import blocks_from_html


def text(value: Any) -> str | None:
    """A trimmed string, or None for None / blank (the contract never holds "")."""
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def join(values: Any, separator: str = ", ") -> str | None:
    parts = [t for t in (text(v) for v in values or []) if t]
    return separator.join(dict.fromkeys(parts)) or None


def load_json(body: bytes | str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise SourceFormatError(f"malformed JSON: {error}") from error


def html_to_text(html: str | None) -> str | None:
    """One line of plain text from an HTML fragment (for blurbs compared with body lines)."""
    if not html or not html.strip():
        return None
    return text(" ".join(block.text for block in blocks_from_html(html)))


def structured_location(
    city: Any, region: Any, country: Any, *, country_name: Any = None
) -> dict[str, str | None] | None:
    """``{city, region, country}`` from an API's separate fields, in the contract's conventions
    (ISO-2 upper-case country, US/Canadian regions as postal codes); None when all are empty."""
    city, region = text(city), text(region)
    code = text(country)
    iso = country_from_code(code.upper()) if code else None
    if iso is None and text(country_name):
        iso = country_from_name(text(country_name) or "")
    if region and (found := subdivision(region)) and iso in (None, found[1]):
        region, iso = found
    if not (city or region or iso):
        return None
    return {"city": city, "region": region, "country": iso}


def card_text(anchor: Selector) -> str:
    """The visible text of the listing card (list item) holding a job link, or of the link."""
    card = anchor.xpath("ancestor-or-self::li[1]") or anchor
    return " ".join(" ".join(card.xpath(".//text()").getall()).split())
