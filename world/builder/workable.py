"""Workable's public career-site API responses, in the API's real shape (see docs/world.md).

Per account: the widget (``GET /api/v1/widget/accounts/{slug}``, the company's name), the v3
list (``POST /api/v3/accounts/{slug}/jobs``) ten jobs a page as the real API serves it, each next
page keyed by the same body plus ``"token"``, and one v2 detail per job.

A record's ``[workable]`` table: ``account``, ``shortcode``, ``id``, ``type`` (``full``…),
``workplace`` (``on_site``/``hybrid``/``remote``), ``department`` (a list), ``locations``
(``[{city, region, country, countryCode}]``), optionally ``code`` and ``account_description``.
Generated records leave workplace and locations out: they are read from the record's location.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from scrapers.world import Recording
from world.builder.common import generated_place, group_records, robots_recording
from world.builder.phrasebook import COUNTRY_NAMES, PHRASEBOOK
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

# The career site and its public API: every account is a path on the same host.
HOST = "https://apply.workable.com"
JSON_HEADERS = [("Content-Type", "application/json; charset=utf-8")]
PAGE_SIZE = 10  # what apply.workable.com serves per v3 page
# The v3 list's filter body with every filter empty ("all published jobs"); each next page is
# asked for with the same body plus the previous page's "token".
JOBS_FILTER: dict[str, Any] = {
    "query": "",
    "location": [],
    "department": [],
    "worktype": [],
    "remote": [],
}
# The hosted job page shows a job's requirements and benefits under these headings, in the
# posting's language; the API gives those parts apart, without their headings.
PAGE_HEADINGS: dict[str, tuple[str, str]] = {
    "en": ("Requirements", "Benefits"),
    "fr": ("Profil recherché", "Avantages"),
    "de": ("Anforderungen", "Benefits"),
    "es": ("Requisitos", "Beneficios"),
    "nl": ("Functie-eisen", "Arbeidsvoorwaarden"),
}
US_STATES = {"CA": "California", "NY": "New York", "TX": "Texas", "WA": "Washington",
             "IL": "Illinois"}  # fmt: skip
_TYPE_LABELS = {"full": "Full-time", "part": "Part-time", "contract": "Contract",
                "temporary": "Temporary", "internship": "Internship", "other": "Other"}  # fmt: skip


def account_url(account: str) -> str:
    """The widget: the account's name and description (the v3 list names no company)."""
    return f"{HOST}/api/v1/widget/accounts/{account}"


def jobs_url(account: str) -> str:
    """The v3 list, POSTed a filter body."""
    return f"{HOST}/api/v3/accounts/{account}/jobs"


def jobs_filter(token: str | None) -> dict[str, Any]:
    return {**JOBS_FILTER, "token": token} if token else dict(JOBS_FILTER)


def job_url(account: str, shortcode: str) -> str:
    """The v2 detail of one job, its body included."""
    return f"{HOST}/api/v2/accounts/{account}/jobs/{shortcode}"


def hosted_url(account: str, shortcode: str) -> str:
    return f"{HOST}/{account}/j/{shortcode}/"


def _locations(record: PostingRecord, placed: dict[str, Any]) -> list[dict[str, Any]]:
    if "locations" in placed:
        return [
            {
                "country": loc.get("country"),
                "countryCode": loc.get("countryCode"),
                "city": loc.get("city"),
                "region": loc.get("region"),
                "hidden": bool(loc.get("hidden", False)),
            }
            for loc in placed["locations"]
        ]
    place = generated_place(record)
    return [
        {
            "country": COUNTRY_NAMES[place.country],
            "countryCode": place.country,
            "city": place.city,
            "region": US_STATES.get(place.region or "", place.region),
            "hidden": False,
        }
    ]


def _workplace(record: PostingRecord, placed: dict[str, Any]) -> str:
    return placed.get("workplace") or generated_place(record).workplace


def _published(record: PostingRecord) -> str:
    moment = datetime.fromisoformat(record.published).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def split_body(record: PostingRecord) -> tuple[str, str, str]:
    """(description, requirements, benefits): the record's body cut at its requirements and
    benefits headings (the page's own, or a generated body's), which the API leaves out."""
    language = record.language or "en"
    words = PHRASEBOOK.get(language, PHRASEBOOK["en"])
    page = PAGE_HEADINGS.get(language, PAGE_HEADINGS["en"])
    body = record.body_html.strip()
    cuts = []
    for heading in ((page[0], words["requirements"]), (page[1], words["benefits"])):
        pattern = "|".join(re.escape(str(h)) for h in heading)
        found = re.search(rf"<h[1-6][^>]*>\s*(?:{pattern})\s*</h[1-6]>", body)
        cuts.append(found)
    if not all(cuts):
        return body, "", ""
    requirements, benefits = cuts
    return (
        body[: requirements.start()].strip(),
        body[requirements.end() : benefits.start()].strip(),
        body[benefits.end() :].strip(),
    )


def _job(record: PostingRecord, account: str) -> dict[str, Any]:
    placed = record.placements["workable"]
    locations = _locations(record, placed)
    first = {k: v for k, v in locations[0].items() if k != "hidden"} if locations else {}
    workplace = _workplace(record, placed)
    return {
        "id": int(placed["id"]),
        "shortcode": placed["shortcode"],
        "title": record.title,
        # `remote` predates `workplace` and is true only for fully remote jobs.
        "remote": workplace == "remote",
        "location": first,
        "locations": locations,
        "state": "published",
        "isInternal": False,
        "code": placed.get("code", ""),
        "published": _published(record),
        "type": placed.get("type", "full"),
        "language": record.language or "en",
        "department": list(placed.get("department") or []),
        "accountUid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{HOST}/{account}")),
        "approvalStatus": "approved",
        "workplace": workplace,
    }


def _detail(record: PostingRecord, account: str) -> dict[str, Any]:
    description, requirements, benefits = split_body(record)
    return {
        **_job(record, account),
        "description": description,
        "requirements": requirements,
        "benefits": benefits,
    }


def _widget_job(record: PostingRecord, account: str) -> dict[str, Any]:
    job = _job(record, account)
    hosted = hosted_url(account, job["shortcode"])
    first = job["location"]
    return {
        "title": record.title,
        "shortcode": job["shortcode"],
        "code": job["code"],
        "employment_type": _TYPE_LABELS.get(job["type"], "Other"),
        "telecommuting": job["remote"],
        "department": " / ".join(job["department"]),
        "url": hosted,
        "shortlink": f"{HOST}/j/{job['shortcode']}",
        "application_url": f"{hosted}apply/",
        "published_on": job["published"][:10],
        "created_at": job["published"][:10],
        "country": first.get("country"),
        "city": first.get("city"),
        "state": first.get("region"),
        "education": "",
        "experience": "",
        "function": "",
        "industry": "",
        "locations": job["locations"],
    }


def _token(job: dict[str, Any]) -> str:
    """An opaque cursor like the real one: the base64 of the last job's sort key."""
    moment = datetime.strptime(job["published"], "%Y-%m-%dT%H:%M:%S.000Z").replace(tzinfo=UTC)
    key = json.dumps([int(moment.timestamp() * 1000), job["id"]], separators=(",", ":"))
    return base64.b64encode(key.encode()).decode()


def _json(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def _account_recordings(account: str, records: list[PostingRecord]) -> list[Recording]:
    # Newest first, as the career page lists them.
    records = sorted(
        records,
        key=lambda r: (_published(r), r.placements["workable"]["shortcode"]),
        reverse=True,
    )
    description = next(
        (r.placements["workable"]["account_description"] for r in records
         if r.placements["workable"].get("account_description")),
        None,
    )  # fmt: skip
    widget = {
        "name": records[0].company,
        "description": description,
        "jobs": [_widget_job(r, account) for r in records],
    }
    recordings = [Recording("GET", account_url(account), 200, JSON_HEADERS, _json(widget))]
    jobs = [_job(r, account) for r in records]
    pages = [jobs[i : i + PAGE_SIZE] for i in range(0, len(jobs), PAGE_SIZE)] or [[]]
    token = None
    for number, results in enumerate(pages):
        body: dict[str, Any] = {"total": len(jobs), "results": results}
        if number + 1 < len(pages):
            body["nextPage"] = _token(results[-1])
        request = json.dumps(jobs_filter(token), separators=(",", ":")).encode()
        recordings.append(
            Recording("POST", jobs_url(account), 200, JSON_HEADERS, _json(body), request)
        )
        token = body.get("nextPage")
    for record in records:
        shortcode = record.placements["workable"]["shortcode"]
        recordings.append(
            Recording(
                "GET",
                job_url(account, shortcode),
                200,
                JSON_HEADERS,
                _json(_detail(record, account)),
            )
        )
    return recordings


def render(records: list[PostingRecord]) -> list[Recording]:
    accounts = group_records(records, lambda r: r.placements["workable"]["account"])
    recordings = [robots_recording(HOST)]
    for account in sorted(accounts):
        recordings.extend(_account_recordings(account, accounts[account]))
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    # Ten upper-case hex characters, like Workable's shortcodes, unique within the account.
    digest = hashlib.sha1(f"{spec.board}:{spec.seed}:{index}".encode()).hexdigest()
    placement: dict[str, Any] = {
        "account": spec.board,
        "shortcode": digest[:10].upper(),
        "id": 3_000_000 + (spec.seed % 100) * 10_000 + index,
        "type": "full",
        "department": [rng.choice(["Engineering", "Product", "Sales", "Operations"])],
    }
    if spec.options.get("account_description"):
        placement["account_description"] = spec.options["account_description"]
    return placement
