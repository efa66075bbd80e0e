"""Ashby public Job Posting API responses, in the API's real shape (see docs/world.md).

A record's ``[ashby]`` table places it on a job board::

    [ashby]
    board = "backmarket"             # the name in https://jobs.ashbyhq.com/<board>
    id = "5b7e…"                     # the job uuid
    team = "Backend"                 # optional; department defaults to the record's
    location = "Bordeaux"            # optional Ashby location name (default: the record's)
    address = { locality = "Bordeaux", region = "Nouvelle-Aquitaine", country = "France" }
                                     # optional (default: read from the record's location)
    secondary = [{ location = "Paris", locality = "Paris", country = "France" }]   # optional
    workplace_type = "Hybrid"        # optional OnSite|Hybrid|Remote (default: from the location)
    employment_type = "FullTime"     # optional (default: from the record's employment_type)
    listed = false                   # optional: an unlisted job the API still returns
    tiers = [{ title = "Zone A", min = 150000, max = 180000 }]  # optional pay tiers (default:
                                     #   one tier from the record's [salary])
    equity = [0.05, 0.1]             # optional equity range, in percent
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime
from typing import Any

from scrapers.normalise.employment import normalise_employment_type
from scrapers.normalise.location import parse_locations
from scrapers.normalise.remote import normalise_remote
from scrapers.textblocks import blocks_from_html, render_blocks
from scrapers.world import Recording
from world.builder.common import group_records, robots_recording
from world.builder.phrasebook import COUNTRY_NAMES
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

# The public Job Posting API, and the hosted board the jobs' URLs point at.
API = "https://api.ashbyhq.com"
HOSTED = "https://jobs.ashbyhq.com"
JSON_HEADERS = [("Content-Type", "application/json; charset=utf-8")]

_EMPLOYMENT = {
    "FULL_TIME": "FullTime",
    "PART_TIME": "PartTime",
    "INTERN": "Intern",
    "CONTRACTOR": "Contract",
    "TEMPORARY": "Temporary",
}
_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite", None: "OnSite"}
_INTERVALS = {p: f"1 {p.upper()}" for p in ("hour", "day", "week", "month", "year")}
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_TEAMS = ("Platform", "Growth", "Operations", "Sales", "Design", "Data")


def job_board_url(board: str) -> str:
    """A board's jobs; ``includeCompensation=true`` adds their pay tiers."""
    return f"{API}/posting-api/job-board/{board}?includeCompensation=true"


def _published(moment: str) -> str:
    """Ashby's publishedAt: UTC with milliseconds ("2021-04-30T16:21:55.393+00:00")."""
    utc = datetime.fromisoformat(moment).astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}+00:00"


def _postal(locality: Any = None, region: Any = None, country: Any = None) -> dict[str, Any]:
    return {"addressLocality": locality, "addressRegion": region, "addressCountry": country}


def _address(record: PostingRecord, placed: dict[str, Any]) -> dict[str, Any]:
    if "address" in placed:
        return _postal(**placed["address"])
    found = parse_locations(record.location)
    if not found:
        return _postal()
    place = found[0]
    country = COUNTRY_NAMES.get(place["country"] or "", place["country"])
    return _postal(place["city"], place["region"], country)


def _money(amount: float, currency: str, period: str) -> str:
    symbol = _SYMBOLS.get(currency, f"{currency} ")
    if period == "year" and amount >= 1000:
        return f"{symbol}{amount / 1000:g}K"
    return f"{symbol}{amount:,.2f}".removesuffix(".00")


def _salary_component(low: float, high: float, currency: str, period: str) -> dict[str, Any]:
    summary = f"{_money(low, currency, period)} – {_money(high, currency, period)}"
    if period != "year":
        summary += f" per {period}"
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{currency}{low}{high}{period}")),
        "summary": summary,
        "compensationType": "Salary",
        "interval": _INTERVALS[period],
        "currencyCode": currency,
        "minValue": low,
        "maxValue": high,
    }


def _equity_component(equity: list[float]) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"equity{equity}")),
        "summary": f"{equity[0]:g}% – {equity[1]:g}%",
        "compensationType": "EquityPercentage",
        "interval": "NONE",
        "currencyCode": None,
        "minValue": equity[0],
        "maxValue": equity[1],
    }


def _compensation(record: PostingRecord, placed: dict[str, Any]) -> dict[str, Any]:
    pay = record.salary
    if not pay:
        return {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
    currency, period = pay["currency"], pay["period"]
    tiers = placed.get("tiers") or [{"title": None, "min": pay["min"], "max": pay["max"]}]
    extra = [_equity_component(placed["equity"])] if "equity" in placed else []
    overall = _salary_component(pay["min"], pay["max"], currency, period)
    groups = []
    for tier in tiers:
        components = [_salary_component(tier["min"], tier["max"], currency, period), *extra]
        groups.append(
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{placed['id']}{tier['title']}")),
                "tierSummary": " • ".join(c["summary"] for c in components),
                "title": tier["title"],
                "additionalInformation": None,
                "components": components,
            }
        )
    return {
        "compensationTierSummary": " • ".join(c["summary"] for c in [overall, *extra]),
        "scrapeableCompensationSalarySummary": overall["summary"].replace(" – ", " - "),
        "compensationTiers": groups,
        "summaryComponents": [overall, *extra],
    }


def _job(record: PostingRecord) -> dict[str, Any]:
    placed = record.placements["ashby"]
    board, job_id = placed["board"], placed["id"]
    workplace = placed.get("workplace_type") or _WORKPLACE[normalise_remote(None, record.location)]
    employment = placed.get("employment_type") or _EMPLOYMENT.get(
        normalise_employment_type(record.employment_type) or "", "FullTime"
    )
    secondary = [
        {
            "location": s["location"],
            "address": _postal(s.get("locality"), s.get("region"), s.get("country")),
        }
        for s in placed.get("secondary", [])
    ]
    return {
        "id": job_id,
        "title": record.title,
        "department": placed.get("department", record.department),
        "team": placed.get("team"),
        "employmentType": employment,
        "location": placed.get("location", record.location),
        "secondaryLocations": secondary,
        "publishedAt": _published(record.published),
        "isListed": placed.get("listed", True),
        # Ashby sets isRemote for hybrid jobs too.
        "isRemote": workplace in ("Remote", "Hybrid"),
        "workplaceType": workplace,
        "address": {"postalAddress": _address(record, placed)},
        "jobUrl": f"{HOSTED}/{board}/{job_id}",
        "applyUrl": f"{HOSTED}/{board}/{job_id}/application",
        "descriptionHtml": record.body_html.strip(),
        "descriptionPlain": render_blocks(blocks_from_html(record.body_html)),
        "shouldDisplayCompensationOnJobPostings": bool(record.salary),
        "compensation": _compensation(record, placed),
    }


def render(records: list[PostingRecord]) -> list[Recording]:
    boards = group_records(records, lambda r: r.placements["ashby"]["board"])
    recordings = [robots_recording(API)]
    for board in sorted(boards):
        jobs = [_job(r) for r in boards[board]]
        # Ashby lists a board by department, then title.
        jobs.sort(key=lambda j: (j["department"] or "", j["title"], j["id"]))
        body = {"apiVersion": "1", "jobs": jobs}
        recordings.append(
            Recording(
                "GET",
                job_board_url(board),
                200,
                JSON_HEADERS,
                json.dumps(body, indent=2, ensure_ascii=False).encode("utf-8") + b"\n",
            )
        )
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    return {
        "board": spec.board,
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "team": _TEAMS[rng.randrange(len(_TEAMS))],
    }
