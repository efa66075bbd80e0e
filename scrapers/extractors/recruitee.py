"""Recruitee Careers Site API → raw item fields. Pure: call it on the bytes of a response.

API: ``GET https://{company}.recruitee.com/api/offers/`` returns every published offer of a
company at once (no paging) as ``{"offers": [...]}``; an unknown company answers 404. Each offer
carries its body in two HTML parts, ``description`` then ``requirements``; its workplace as three
booleans ``remote`` / ``hybrid`` / ``on_site``; its pay either as ``salary{min, max, currency,
period}`` or, on older offers, as flat ``salary_min`` / ``salary_max`` / ``salary_currency`` with
no period; dates as ``"2026-05-29 09:42:54 UTC"``.
"""

from __future__ import annotations

import re
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import load_json
from scrapers.extractors.common import text as _text
from scrapers.urls import canonical_url

# A company's careers subdomain: one DNS label.
COMPANY = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")

# Recruitee's contract codes as schema.org values. Fixed-term contracts are TEMPORARY whatever
# their hours, as the employment normaliser decides for "befristet" / CDD.
EMPLOYMENT_TYPES = {
    "fulltime": "FULL_TIME",
    "full_time": "FULL_TIME",
    "fulltime_permanent": "FULL_TIME",
    "fulltime_fixed_term": "TEMPORARY",
    "parttime": "PART_TIME",
    "part_time": "PART_TIME",
    "parttime_permanent": "PART_TIME",
    "parttime_fixed_term": "TEMPORARY",
    "contract": "CONTRACTOR",
    "freelance": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
    "traineeship": "INTERN",
    "volunteer": "VOLUNTEER",
    "other": "OTHER",
}
SALARY_PERIODS = {
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "annual": "year",
}
_WORKPLACES = (
    ("remote", "Remote", "remote"),
    ("hybrid", "Hybrid", "hybrid"),
    ("on_site", "On-site", "onsite"),
)


def board_url(company: str) -> str:
    return f"https://{company.lower()}.recruitee.com"


def offers_url(company: str) -> str:
    # The trailing slash is part of the documented path; without it Recruitee redirects.
    return f"{board_url(company)}/api/offers/"


def _amount(value: Any) -> int | float | None:
    """Pay amounts come as numbers or numeric strings ("52000.0"); anything else is unknown."""
    try:
        amount = float(str(value).replace(",", ""))
    except (TypeError, ValueError):
        return None
    if amount <= 0:
        return None
    return int(amount) if amount.is_integer() else amount


def _pay_text(low: Any, high: Any, currency: str | None, period: str | None) -> str | None:
    if low is not None and high is not None:
        span = f"{low:,}" if low == high else f"{low:,} - {high:,}"
    elif low is not None:
        span = f"from {low:,}"
    elif high is not None:
        span = f"up to {high:,}"
    else:
        return None
    return " ".join(p for p in (span, currency, f"per {period}" if period else None) if p)


def salary_fields(offer: dict[str, Any]) -> dict[str, Any]:
    """``salary`` from the structured range, and a readable ``salary_raw`` for either shape.

    The older flat fields name no period, so they only give ``salary_raw`` ("42,000 - 52,000
    EUR"): the salary normaliser then decides the period by its documented rules, rather than
    this extractor guessing one.
    """
    structured = offer.get("salary")
    if isinstance(structured, dict) and (structured.get("min") or structured.get("max")):
        low, high = _amount(structured.get("min")), _amount(structured.get("max"))
        currency = (_text(structured.get("currency")) or "").upper() or None
        period_raw = _text(structured.get("period"))
        period = SALARY_PERIODS.get((period_raw or "").lower())
        fields: dict[str, Any] = {"salary_raw": _pay_text(low, high, currency, period_raw)}
        if (low or high) and currency and len(currency) == 3:
            if low and high and low > high:
                low, high = high, low
            fields["salary"] = {"min": low, "max": high, "currency": currency, "period": period}
        return fields
    low, high = _amount(offer.get("salary_min")), _amount(offer.get("salary_max"))
    currency = (_text(offer.get("salary_currency")) or "").upper() or None
    return {"salary_raw": _pay_text(low, high, currency, None)}


def workplace_fields(offer: dict[str, Any]) -> dict[str, Any]:
    """``remote`` from the three booleans when exactly one is set; several set (a job that can
    be done remotely or on site) says no single policy, so only ``remote_raw`` lists them."""
    shown = [(label, value) for key, label, value in _WORKPLACES if offer.get(key) is True]
    return {
        "remote_raw": ", ".join(label for label, _ in shown) or None,
        "remote": shown[0][1] if len(shown) == 1 else None,
    }


def _region(place: dict[str, Any], country: str | None) -> str | None:
    # The location normaliser's convention: US states by postal code, other regions as written.
    if country == "US" and _text(place.get("state_code")):
        return _text(place.get("state_code"))
    return _text(place.get("state_name") or place.get("state"))


def _place(place: dict[str, Any]) -> dict[str, str | None] | None:
    country = (_text(place.get("country_code")) or "").upper() or None
    city = _text(place.get("city"))
    if not country and not city:
        return None
    if country and len(country) != 2:
        country = None
    return {"city": city, "region": _region(place, country), "country": country}


def locations(offer: dict[str, Any]) -> list[dict[str, str | None]]:
    """Newer offers list every location in ``locations``; older ones only have flat fields."""
    places = [p for p in offer.get("locations") or [] if isinstance(p, dict)] or [offer]
    found: list[dict[str, str | None]] = []
    for place in places:
        if (loc := _place(place)) and loc not in found:
            found.append(loc)
    # An entry without a country would stop the location normaliser from reading location_raw,
    # which it can often place ("Utrecht" is in NL).
    return found if all(loc["country"] for loc in found) else []


def _department(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return _text(value)


def page_language(offer: dict[str, Any]) -> str | None:
    """The language of the top-level text: the translation whose title is the offer's title."""
    translations = offer.get("translations")
    if not isinstance(translations, dict):
        return None
    title = _text(offer.get("title"))
    matches = [
        code
        for code, version in translations.items()
        if isinstance(version, dict) and _text(version.get("title")) == title
    ]
    code = (matches[0] if len(matches) == 1 else "").lower()
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def body_html(offer: dict[str, Any]) -> str | None:
    parts = [str(offer.get(k) or "").strip() for k in ("description", "requirements")]
    return "\n".join(p for p in parts if p) or None


def parse_offer(offer: dict[str, Any], *, company: str, crawled_at: str) -> dict[str, Any]:
    if not isinstance(offer, dict) or offer.get("id") is None or not _text(offer.get("title")):
        raise SourceFormatError(f"not a Recruitee offer: {str(offer)[:120]}")
    slug = _text(offer.get("slug")) or str(offer["id"])
    # careers_url is on the company's own domain when it has one: that is the public page. The
    # fallback is the hosted page's usual shape (inferred, unverified: no offer seen without it).
    url = canonical_url(_text(offer.get("careers_url")) or f"{board_url(company)}/o/{slug}")
    apply_url = _text(offer.get("careers_apply_url"))
    code = _text(offer.get("employment_type_code"))
    return {
        "url": url,
        "source": "recruitee",
        "source_id": str(offer["id"]),
        "title": _text(offer["title"]),
        "company": _text(offer.get("company_name")),
        "location_raw": _text(offer.get("location")),
        **workplace_fields(offer),
        "employment_type_raw": code,
        "employment_type": EMPLOYMENT_TYPES.get((code or "").lower()),
        "seniority_raw": _text(offer.get("experience_code")),
        **salary_fields(offer),
        "date_posted_raw": _text(offer.get("published_at") or offer.get("created_at")),
        "department": _department(offer.get("department")),
        "description_html": body_html(offer),
        "apply_url": canonical_url(apply_url) if apply_url else url,
        "page_language": page_language(offer),
        "crawled_at": crawled_at,
        "locations": locations(offer),
    }


def parse_offers(body: bytes | str, *, company: str, crawled_at: str) -> Extracted:
    """Every offer of one company's response, as raw item fields, in the API's order.

    A response that is not an offers list raises SourceFormatError; one bad offer is skipped,
    with why.
    """
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("offers"), list):
        raise SourceFormatError("no 'offers' list in the response")
    extracted = Extracted()
    for _, posting in each_entry(
        data["offers"],
        lambda offer: parse_offer(offer, company=company, crawled_at=crawled_at),
        extracted,
    ):
        extracted.postings.append(posting)
    return extracted
