"""Ashby public Job Posting API → raw item fields. Pure: call it on the bytes of a response.

API: ``GET https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true``
returns every job of a board at once (no paging) as ``{"apiVersion": "1", "jobs": [...]}``.
Jobs carry structured values: ``workplaceType`` (OnSite/Hybrid/Remote), ``employmentType``
(FullTime/PartTime/Intern/Contract/Temporary), ``address.postalAddress`` (country as a name,
"USA" or "France"), ``secondaryLocations`` and pay in ``compensation``. ``isListed: false``
jobs are not on the public board and are skipped. The API does not name the hiring company.
"""

from __future__ import annotations

import re
from typing import Any

from scrapers.extractors.base import Extracted, HiddenEntry, SourceFormatError, each_entry
from scrapers.extractors.common import join, load_json, structured_location
from scrapers.extractors.common import text as _text
from scrapers.urls import canonical_url

API = "https://api.ashbyhq.com"
HOSTED = "https://jobs.ashbyhq.com"
BOARD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")

_WORKPLACE = {"OnSite": "onsite", "Hybrid": "hybrid", "Remote": "remote"}
_EMPLOYMENT = {
    "FullTime": "FULL_TIME",
    "PartTime": "PART_TIME",
    "Intern": "INTERN",
    "Contract": "CONTRACTOR",
    "Temporary": "TEMPORARY",
}
# Ashby intervals read "1 YEAR", "1 HOUR"; "NONE" (equity, one-off bonuses) names no period.
_INTERVAL = re.compile(r"^1 (HOUR|DAY|WEEK|MONTH|YEAR)$")


def job_board_url(board: str) -> str:
    return f"{API}/posting-api/job-board/{board}?includeCompensation=true"


def _place(address: Any) -> dict[str, Any] | None:
    """A schema.org PostalAddress as a contract location. The primary location nests it under
    ``postalAddress``; secondary locations give it directly."""
    if not isinstance(address, dict):
        return None
    postal = address.get("postalAddress", address)
    if not isinstance(postal, dict):
        return None
    # addressCountry is a code or a name; "Texas" becomes "TX" as the normaliser writes it.
    country = postal.get("addressCountry")
    return structured_location(
        postal.get("addressLocality"), postal.get("addressRegion"), country, country_name=country
    )


def locations(job: dict[str, Any]) -> list[dict[str, Any]]:
    """Primary then secondary locations from their addresses; a location without an address is
    its name, for the normaliser to read (``scrapers.normalise.location.resolve_places``).
    [] when no address at all: the pipeline reads ``location_raw`` as for any source."""
    entries = [(job.get("location"), job.get("address"))] + [
        (s.get("location"), s.get("address"))
        for s in job.get("secondaryLocations") or []
        if isinstance(s, dict)
    ]
    places = [_place(address) for _, address in entries]
    if not any(places):
        return []
    return [
        place or {"text": _text(name)} for (name, _), place in zip(entries, places, strict=True)
    ]


def _salary_components(compensation: dict[str, Any]) -> list[dict[str, Any]]:
    """The Salary components: the board-wide summary when Ashby gives one, else every tier's."""
    summary = compensation.get("summaryComponents") or []
    tiers = [
        component
        for tier in compensation.get("compensationTiers") or []
        if isinstance(tier, dict)
        for component in tier.get("components") or []
    ]
    for candidates in (summary, tiers):
        salaries = [
            c
            for c in candidates
            if isinstance(c, dict)
            and c.get("compensationType") == "Salary"
            and (c.get("minValue") or c.get("maxValue"))
        ]
        if salaries:
            return salaries
    return []


def salary(job: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(structured salary, readable raw string). Tiers of one currency and interval fold into
    their overall range; mixed tiers are not one range, so they give no structured salary."""
    compensation = job.get("compensation")
    # Pay the employer chose not to show on the posting is not part of the posting.
    if (
        not isinstance(compensation, dict)
        or job.get("shouldDisplayCompensationOnJobPostings") is False
    ):
        return None, None
    components = _salary_components(compensation)
    raw = (
        _text(compensation.get("scrapeableCompensationSalarySummary"))
        or join([c.get("summary") for c in components], "; ")
        or _text(compensation.get("compensationTierSummary"))
    )
    kinds = {(c.get("currencyCode"), c.get("interval")) for c in components}
    if len(kinds) != 1:
        return None, raw
    currency, interval = kinds.pop()
    lows = [c["minValue"] for c in components if isinstance(c.get("minValue"), int | float)]
    highs = [c["maxValue"] for c in components if isinstance(c.get("maxValue"), int | float)]
    period = match.group(1).lower() if (match := _INTERVAL.match(interval or "")) else None
    code = _text(currency)
    structured = {
        "min": min(lows) if lows and min(lows) > 0 else None,
        "max": max(highs) if highs and max(highs) > 0 else None,
        "currency": code.upper() if code and re.fullmatch(r"[A-Za-z]{3}", code) else None,
        "period": period,
    }
    return (structured if structured["min"] or structured["max"] else None), raw


def _remote(job: dict[str, Any]) -> tuple[str | None, str | None]:
    workplace = _text(job.get("workplaceType"))
    if workplace in _WORKPLACE:
        return workplace, _WORKPLACE[workplace]
    # Older jobs have only the flag; `isRemote` is also true for hybrid jobs, so it is read
    # only without `workplaceType`, and false says nothing (many boards never set it).
    return (
        ("Remote", "remote") if workplace is None and job.get("isRemote") is True else (None, None)
    )


def parse_job(
    job: dict[str, Any], *, board: str, crawled_at: str, company: str | None = None
) -> dict[str, Any]:
    if not isinstance(job, dict) or not _text(job.get("id")) or not _text(job.get("title")):
        raise SourceFormatError(f"not an Ashby job: {str(job)[:120]}")
    if job.get("isListed") is False:
        raise HiddenEntry(f"job {job['id']} is unlisted (isListed: false)")
    job_url = _text(job.get("jobUrl")) or f"{HOSTED}/{board}/{job['id']}"
    apply_url = _text(job.get("applyUrl"))
    employment = _text(job.get("employmentType"))
    remote_raw, remote = _remote(job)
    pay, pay_raw = salary(job)
    secondary = [
        s.get("location") for s in job.get("secondaryLocations") or [] if isinstance(s, dict)
    ]
    return {
        "url": canonical_url(job_url),
        "source": "ashby",
        "source_id": str(job["id"]).strip(),
        "title": _text(job["title"]),
        "company": _text(company),
        "location_raw": join([job.get("location"), *secondary], "; "),
        "remote_raw": remote_raw,
        "remote": remote,
        "employment_type_raw": employment,
        "employment_type": _EMPLOYMENT.get(employment or ""),
        "salary_raw": pay_raw,
        "salary": pay,
        "date_posted_raw": _text(job.get("publishedAt")),
        "department": join([job.get("department"), job.get("team")], " / "),
        "description_html": (job.get("descriptionHtml") or "").strip() or None,
        "apply_url": canonical_url(apply_url) if apply_url else None,
        "crawled_at": crawled_at,
        "locations": locations(job),
    }


def parse_job_board(
    body: bytes | str, *, board: str, crawled_at: str, company: str | None = None
) -> Extracted:
    """All listed jobs of one board, in the API's order. A response that is not a job board
    raises SourceFormatError; an unlisted or malformed job is skipped, with why."""
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise SourceFormatError("no 'jobs' list in the response")
    extracted = Extracted()
    for _, posting in each_entry(
        data["jobs"],
        lambda job: parse_job(job, board=board, crawled_at=crawled_at, company=company),
        extracted,
    ):
        extracted.postings.append(posting)
    return extracted
