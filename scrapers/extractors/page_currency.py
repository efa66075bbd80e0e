"""The currency a page's salaries are in when a salary object states none. Pure: no Scrapy import.

A schema.org ``baseSalary`` often omits ``currency`` while the page says it elsewhere. In order,
the first that names exactly one currency wins:

1. the currencies the page's structured data states anywhere (``salaryCurrency``, ``currency``,
   ``priceCurrency`` of its other postings, offers, products): one currency, no disagreement;
2. the country of the posting's places (every place in countries paying one currency:
   scrapers/data/currencies.toml);
3. the region of the page's locale (``en-CA``, ``og:locale`` ``fr_CA``).

Several currencies at one step give none at that step (never a guess between them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from scrapers.normalise.countries import CURRENCY_BY_COUNTRY

_CURRENCY_KEYS = ("salaryCurrency", "currency", "priceCurrency")
_CODE = re.compile(r"[A-Za-z]{3}")


def stated_currencies(items: Any) -> set[str]:
    """Every ISO 4217-shaped currency the structured data states, at any depth."""
    found: set[str] = set()
    stack = [items]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in _CURRENCY_KEYS:
                value = node.get(key)
                if isinstance(value, str) and _CODE.fullmatch(value.strip()):
                    found.add(value.strip().upper())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _one(codes: Iterable[str | None]) -> str | None:
    distinct = set(codes)
    return distinct.pop() if len(distinct) == 1 and None not in distinct else None


def page_currency(stated: set[str], countries: list[str | None], locale: str | None) -> str | None:
    """The page's currency (see the module's docstring), else None."""
    if len(stated) == 1:
        return next(iter(stated))
    if countries:
        found = _one(CURRENCY_BY_COUNTRY.get(c or "") for c in countries)
        if found:
            return found
    parts = re.split(r"[-_]", locale or "")
    region = parts[-1].upper() if len(parts) > 1 else ""
    return CURRENCY_BY_COUNTRY.get(region) if len(region) == 2 else None
