"""Lever Postings API → raw item fields. Pure: call it on the bytes of a response.

API: ``GET https://api.lever.co/v0/postings/{site}?mode=json&skip=X&limit=Y`` (Lever's EU
instance: ``https://api.eu.lever.co``) returns one page of a site's published postings as a
top-level JSON ARRAY; a page shorter than ``limit`` is the last. A posting splits its body into
``opening``/``descriptionBody`` (styled HTML), ``lists[{text, content}]`` (a heading and its
``<li>`` items) and ``additional`` (closing HTML); ``createdAt`` is epoch milliseconds. The API
does not name the hiring company.

Boards are written ``site`` (global instance) or ``eu:site`` (EU instance).
"""

from __future__ import annotations

import html
import re
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import join, load_json
from scrapers.extractors.common import text as _text
from scrapers.normalise.countries import country_from_code
from scrapers.urls import canonical_url

API = {"global": "https://api.lever.co", "eu": "https://api.eu.lever.co"}
HOSTED = {"global": "https://jobs.lever.co", "eu": "https://jobs.eu.lever.co"}
BOARD = re.compile(r"^(?:eu:)?[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
PAGE_SIZE = 100

_WORKPLACE = {"on-site": "onsite", "hybrid": "hybrid", "remote": "remote"}
# Lever pay intervals are `per-<unit>-<salary|wage>`; `one-time` and others name no period.
_INTERVAL = re.compile(r"^per-(hour|day|week|month|year)-")


def split_board(board: str) -> tuple[str, str]:
    """``eu:backmarket`` -> ("eu", "backmarket"); ``farfetch`` -> ("global", "farfetch")."""
    instance, _, site = board.rpartition(":")
    return (instance or "global"), site


def board_name(instance: str, site: str) -> str:
    return site if instance == "global" else f"{instance}:{site}"


def postings_url(board: str, skip: int = 0, limit: int = PAGE_SIZE) -> str:
    instance, site = split_board(board)
    return f"{API[instance]}/v0/postings/{site}?mode=json&skip={skip}&limit={limit}"


def _html(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def description_html(posting: dict[str, Any]) -> str | None:
    """The body as Lever's hosted page shows it: opening, body, each list under its heading,
    then the closing text. ``description`` already holds opening + body, so it is only the
    fallback for postings without ``descriptionBody``."""
    if "descriptionBody" in posting:
        parts = [_html(posting.get("opening")), _html(posting.get("descriptionBody"))]
    else:
        parts = [_html(posting.get("description"))]
    for entry in posting.get("lists") or []:
        if not isinstance(entry, dict):
            continue
        heading, content = _text(entry.get("text")), _html(entry.get("content"))
        if heading:
            # `text` is plain text ("Rewards & Benefits"), `content` is HTML.
            parts.append(f"<h3>{html.escape(heading, quote=False)}</h3>")
        if content:
            parts.append(f"<ul>{content}</ul>")
    parts.append(_html(posting.get("additional")))
    return "\n".join(p for p in parts if p) or None


def _amount(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def salary(posting: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(structured salary, readable raw string) from ``salaryRange``."""
    pay = posting.get("salaryRange")
    if not isinstance(pay, dict):
        return None, None
    bounds = [
        v if isinstance(v, int | float) and v > 0 else None
        for v in (pay.get("min"), pay.get("max"))
    ]
    if bounds == [None, None]:
        return None, None
    currency = _text(pay.get("currency"))
    currency = currency.upper() if currency and re.fullmatch(r"[A-Za-z]{3}", currency) else None
    interval = _text(pay.get("interval")) or ""
    period = match.group(1) if (match := _INTERVAL.match(interval)) else None
    low, high = (_amount(v) if v is not None else None for v in bounds)
    amounts = f"{low} - {high}" if low and high else (f"from {low}" if low else f"up to {high}")
    raw = " ".join(p for p in (amounts, currency, f"per {period}" if period else interval) if p)
    structured = {"min": bounds[0], "max": bounds[1], "currency": currency, "period": period}
    return structured, raw


def _location_labels(categories: dict[str, Any]) -> list[str]:
    labels = [t for t in (_text(v) for v in categories.get("allLocations") or []) if t]
    return labels or [t for t in [_text(categories.get("location"))] if t]


def locations(labels: list[str], country: str | None) -> list[dict[str, Any]]:
    """Lever's place labels with the posting's ISO country, for the normaliser to read
    (``scrapers.normalise.location.resolve_places``): the country is the posting's primary one,
    so it only fills places that name none. [] without a country: the pipeline reads
    ``location_raw`` as for any source."""
    if not country:
        return []
    return [{"text": label, "country": country} for label in labels] or [
        {"city": None, "region": None, "country": country}
    ]


def parse_posting(
    posting: dict[str, Any], *, board: str, crawled_at: str, company: str | None = None
) -> dict[str, Any]:
    if (
        not isinstance(posting, dict)
        or not _text(posting.get("id"))
        or not _text(posting.get("text"))
    ):
        raise SourceFormatError(f"not a Lever posting: {str(posting)[:120]}")
    categories = posting.get("categories") if isinstance(posting.get("categories"), dict) else {}
    labels = _location_labels(categories)
    country = country_from_code(str(posting.get("country") or ""))
    workplace = _text(posting.get("workplaceType"))
    pay, pay_raw = salary(posting)
    instance, site = split_board(board)
    hosted = _text(posting.get("hostedUrl")) or f"{HOSTED[instance]}/{site}/{posting['id']}"
    apply_url = _text(posting.get("applyUrl"))
    created = posting.get("createdAt")
    return {
        "url": canonical_url(hosted),
        "source": "lever",
        "source_id": str(posting["id"]).strip(),
        "title": _text(posting["text"]),
        "company": _text(company),
        "location_raw": "; ".join(labels) or None,
        # "unspecified" is Lever saying it does not know: leave remote to the pipeline.
        "remote_raw": workplace if workplace in _WORKPLACE else None,
        "remote": _WORKPLACE.get(workplace or ""),
        "employment_type_raw": _text(categories.get("commitment")),
        "salary_raw": pay_raw,
        "salary": pay,
        "date_posted_raw": str(created) if isinstance(created, int) else _text(created),
        "department": join([categories.get("department"), categories.get("team")], " / "),
        "description_html": description_html(posting),
        "apply_url": canonical_url(apply_url) if apply_url else None,
        "crawled_at": crawled_at,
        "locations": locations(labels, country),
    }


def parse_postings_page(
    body: bytes | str, *, board: str, crawled_at: str, company: str | None = None
) -> Extracted:
    """One page of a site's postings, in the API's order. A response that is not a JSON array
    raises SourceFormatError (Lever answers errors as ``{"ok": false, ...}``); one bad posting
    is skipped, with why."""
    data = load_json(body)
    if not isinstance(data, list):
        raise SourceFormatError(f"expected a JSON array of postings, got {type(data).__name__}")
    extracted = Extracted()
    for _, posting in each_entry(
        data,
        lambda entry: parse_posting(entry, board=board, crawled_at=crawled_at, company=company),
        extracted,
    ):
        extracted.postings.append(posting)
    return extracted
