"""Recruitee Careers Site API responses, in the API's real shape (see docs/world.md).

A record's ``[recruitee]`` table: ``board`` (the company subdomain) and ``id`` are required;
``slug``, ``careers_host`` (a company's own careers domain), the address (``city``,
``state_name``, ``state_code``, ``postal_code``, ``country``, ``country_code``), ``workplace``
(``remote`` / ``hybrid`` / ``on_site``, or a list of them), ``employment_type_code``,
``experience_code``, ``education_code``, ``category_code``, ``min_hours`` / ``max_hours``,
``requirements_from`` (the HTML where the ``requirements`` part of the body starts) and
``salary_shape = "flat"`` (the older flat salary fields) are optional. Generated postings get
their address and workplace from the record's location.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any

from scrapers.normalise.location import parse_locations
from scrapers.world import Recording
from world.builder.common import group_records, robots_recording
from world.builder.phrasebook import COUNTRY_NAMES, PHRASEBOOK
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

JSON_HEADERS = [("Content-Type", "application/json; charset=utf-8")]
WORKPLACES = ("remote", "hybrid", "on_site")
_EMPLOYMENT_CODES = {
    "full-time": "fulltime_permanent",
    "part-time": "parttime_permanent",
    "contract": "freelance",
    "internship": "internship",
    "temporary": "fulltime_fixed_term",
}
_HOURS = {"fulltime": (40, 40), "parttime": (24, 32)}
# Recruitee's experience codes by the level word a generated title starts or ends with.
_EXPERIENCE = (
    (re.compile(r"\bjunior\b", re.I), "entry_level"),
    (re.compile(r"\b(senior|lead|staff)\b", re.I), "experienced"),
)
_CATEGORIES = ("it", "marketing", "sales", "customer_support", "finance", "design")


def board_url(company: str) -> str:
    """Every company is its own host: its careers site and its API."""
    return f"https://{company.lower()}.recruitee.com"


def offers_url(company: str) -> str:
    # The API's path ends in a slash; without it Recruitee answers with a redirect.
    return f"{board_url(company)}/api/offers/"


def _slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "offer"


def _recruitee_time(iso: str, earlier: timedelta = timedelta(0)) -> str:
    moment = datetime.fromisoformat(iso).astimezone(UTC) - earlier
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _split_body(body: str, marker: str | None) -> tuple[str, str]:
    """``description`` and ``requirements``: the body split where the requirements start
    (``requirements_from``), or, for generated bodies, at their third heading."""
    if marker and marker in body:
        at = body.index(marker)
    else:
        headings = [m.start() for m in re.finditer(r"<h3>", body)]
        at = headings[2] if len(headings) > 2 else len(body)
    return body[:at].strip(), body[at:].strip()


def _experience(title: str) -> str:
    return next((code for pattern, code in _EXPERIENCE if pattern.search(title)), "mid_level")


def _generated_address(record: PostingRecord) -> dict[str, Any]:
    """Address and workplace of a generated posting, read back from its location line."""
    location = record.location or ""
    workplace = ["on_site"]
    for words in PHRASEBOOK.values():
        for kind in ("remote", "hybrid"):
            prefix = f"{words[kind]} - "
            if location.startswith(prefix):
                location, workplace = location.removeprefix(prefix), [kind]
    place = (parse_locations(location) or [{}])[0]
    country = place.get("country")
    return {
        "city": place.get("city"),
        "state_code": place.get("region") if country == "US" else None,
        "country_code": country,
        "country": COUNTRY_NAMES.get(country or ""),
        "workplace": workplace,
    }


def _address(record: PostingRecord, placed: dict[str, Any]) -> dict[str, Any]:
    if "country_code" not in placed and "city" not in placed:
        return _generated_address(record)
    workplace = placed.get("workplace", "on_site")
    return {
        "city": placed.get("city"),
        "state_name": placed.get("state_name"),
        "state_code": placed.get("state_code"),
        "postal_code": placed.get("postal_code"),
        "country": placed.get("country"),
        "country_code": placed.get("country_code"),
        "workplace": [workplace] if isinstance(workplace, str) else list(workplace),
    }


def _salary(record: PostingRecord, flat: bool) -> dict[str, Any]:
    salary = record.salary or {}
    if flat:
        # Older offers: flat fields, no period.
        return {
            "salary_min": salary.get("min"),
            "salary_max": salary.get("max"),
            "salary_currency": salary.get("currency"),
        }
    # Unset pay keeps the object with null members (unverified: it may also be absent).
    return {
        "salary": {
            "min": salary.get("min"),
            "max": salary.get("max"),
            "period": salary.get("period") if salary else None,
            "currency": salary.get("currency"),
        }
    }


def _offer(record: PostingRecord, slug: str) -> dict[str, Any]:
    placed = record.placements["recruitee"]
    board = placed["board"]
    offer_id = int(placed["id"])
    address = _address(record, placed)
    host = placed.get("careers_host") or board_url(board)
    code = placed.get("employment_type_code") or _EMPLOYMENT_CODES.get(
        (record.employment_type or "").lower(), "fulltime_permanent"
    )
    low, high = _HOURS.get(code.split("_")[0], (None, None))
    description, requirements = _split_body(record.body_html, placed.get("requirements_from"))
    parts = [address.get("city"), address.get("state_name"), address.get("country")]
    location = record.location if "country_code" in placed else ", ".join(p for p in parts if p)
    language = record.language or "en"
    return {
        "id": offer_id,
        "slug": slug,
        "position": placed.get("position", 1),
        "status": "published",
        "options_phone": "optional",
        "options_photo": "off",
        "options_cover_letter": "optional",
        "options_cv": "required",
        "title": record.title,
        "description": description,
        "requirements": requirements,
        "location": location,
        "city": address.get("city"),
        "state_name": address.get("state_name"),
        "state_code": address.get("state_code"),
        "postal_code": address.get("postal_code"),
        "country": address.get("country"),
        "country_code": address.get("country_code"),
        "remote": "remote" in address["workplace"],
        "hybrid": "hybrid" in address["workplace"],
        "on_site": "on_site" in address["workplace"],
        "locations": [
            {
                "id": offer_id * 10 + 1,
                "city": address.get("city"),
                "state": address.get("state_name"),
                "state_code": address.get("state_code"),
                "country": address.get("country"),
                "country_code": address.get("country_code"),
            }
        ],
        "careers_url": f"{host}/o/{slug}",
        "careers_apply_url": f"{host}/o/{slug}/c/new",
        "mailbox_email": f"job.{offer_id}@{board}.recruitee.com",
        "company_name": record.company,
        "department": record.department,
        "created_at": _recruitee_time(record.published, timedelta(hours=3)),
        "updated_at": _recruitee_time(record.updated),
        "published_at": _recruitee_time(record.published),
        "close_at": None,
        "employment_type_code": code,
        "category_code": placed.get("category_code"),
        "experience_code": placed.get("experience_code") or _experience(record.title),
        "education_code": placed.get("education_code"),
        "min_hours": placed.get("min_hours", low),
        "max_hours": placed.get("max_hours", high),
        "tags": placed.get("tags", []),
        **_salary(record, placed.get("salary_shape") == "flat"),
        "translations": {
            language: {
                "title": record.title,
                "description": description,
                "requirements": requirements,
            }
        },
    }


def _offers(records: list[PostingRecord]) -> list[dict[str, Any]]:
    offers, taken = [], set()
    for record in sorted(records, key=lambda r: int(r.placements["recruitee"]["id"])):
        placed = record.placements["recruitee"]
        base = placed.get("slug") or _slugify(record.title)
        if placed.get("slug_with_id"):
            # Generated companies repeat titles a lot: an id in the slug keeps each posting's URL
            # its own when others of the same title come and go between nights.
            base = f"{base}-{placed['id']}"
        # Recruitee keeps slugs unique within a company by numbering repeats.
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        offers.append(_offer(record, slug))
    return offers


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def render(records: list[PostingRecord]) -> list[Recording]:
    boards = group_records(records, lambda r: r.placements["recruitee"]["board"])
    recordings = []
    for board in boards:
        # Each company is its own host, so each has its own robots.txt.
        recordings.append(robots_recording(board_url(board)))
        body = {"offers": _offers(boards[board])}
        recordings.append(Recording("GET", offers_url(board), 200, JSON_HEADERS, _json(body)))
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    # 7-digit ids like Recruitee's, unique within the world.
    return {
        "board": spec.board,
        "id": 2_900_000 + (spec.seed % 100) * 1_000 + index,
        "category_code": _CATEGORIES[rng.randrange(len(_CATEGORIES))],
        "education_code": "bachelor_degree",
        "slug_with_id": True,
    }
