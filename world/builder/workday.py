"""Workday candidate-site (CXS) responses, in the API's real shape (see docs/world.md).

Per board: the search pages (``POST …/jobs``, 20 postings each, newest first), one detail per
posting (``GET …{externalPath}``) and the host's robots.txt. Like real tenants, only the first
search page reports ``total``; later pages say ``total: 0``.

A record's ``[workday]`` table: ``board`` (``tenant/wdN/site``), ``id`` (jobPostingInfo.id, 32
hex) and ``req_id``; optional ``location`` (the tenant's location name), ``country`` (ISO-2),
``additional_locations``, ``remote_type`` ("Remote", "Hybrid", "On-site", "Flexible"),
``time_type`` ("Full time" / "Part time"), ``job_family`` and ``start_date = false`` (the detail
then has no startDate, as on some tenants). Missing ones are derived from the record.

Board options (on any record of the board, or on a generated company): ``reported_total`` (the
first page's ``total``; a tenant may count postings this site does not show — unverified) and
``repeat_last_page = true`` (asked for the page after the last, the tenant serves the last page
again, as ever-jobs saw tenants re-serve pages past the end).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from scrapers.normalise.location import parse_locations
from scrapers.world import Recording
from world.builder.common import group_records, robots_recording
from world.builder.phrasebook import COUNTRY_NAMES, PHRASEBOOK
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

JSON_HEADERS = [("Content-Type", "application/json;charset=UTF-8")]
# The candidate site's own page size: its search asks for 20 postings a page, and so does the
# spider (tenants refuse much larger limits).
PAGE_SIZE = 20
# postedOn is an age, so the world is rendered as seen on the seeds' crawl day.
SEEN_ON = date(2026, 11, 22)
# Workday's own country names (its descriptor for the US is the long form).
_COUNTRY_DESCRIPTORS = {"US": "United States of America"}
_REMOTE_WORDS = {str(words["remote"]) for words in PHRASEBOOK.values()}
_HYBRID_WORDS = {str(words["hybrid"]) for words in PHRASEBOOK.values()}
_TIME_TYPES = {"part-time": "Part time", "part time": "Part time"}
_BOARD_OPTIONS = ("reported_total", "repeat_last_page")


@dataclass(frozen=True)
class Board:
    """One career site of one tenant, as records name it: ``kestrel/wd5/Kestrel_Careers`` is
    https://kestrel.wd5.myworkdayjobs.com/Kestrel_Careers (wd5: the tenant's data centre)."""

    tenant: str
    shard: str
    site: str

    @classmethod
    def parse(cls, board: str) -> Board:
        match = re.fullmatch(
            r"(?P<tenant>[\w-]+)/(?P<shard>wd\d+)/(?P<site>[\w.-]+)", board.strip()
        )
        if match is None:
            raise ValueError(f"{board!r} is not a Workday board (tenant/wdN/site)")
        return cls(match["tenant"], match["shard"], match["site"])

    @property
    def host(self) -> str:
        return f"https://{self.tenant}.{self.shard}.myworkdayjobs.com"

    def __str__(self) -> str:
        return f"{self.tenant}/{self.shard}/{self.site}"


def search_url(board: Board) -> str:
    """The site's search, POSTed a JSON query (see ``search_body``)."""
    return f"{board.host}/wday/cxs/{board.tenant}/{board.site}/jobs"


def search_body(offset: int) -> bytes:
    """The query of one search page, every facet open, as the candidate site sends it."""
    query = {"appliedFacets": {}, "limit": PAGE_SIZE, "offset": offset, "searchText": ""}
    return json.dumps(query).encode("utf-8")


def detail_url(board: Board, external_path: str) -> str:
    """The JSON detail of a posting, at the search's ``externalPath`` under the site's API."""
    return f"{board.host}/wday/cxs/{board.tenant}/{board.site}{external_path}"


def posting_url(board: Board, external_path: str) -> str:
    """The posting's public page, as the detail's ``externalUrl`` gives it (no locale)."""
    return f"{board.host}/{board.site}{external_path}"


def _hex_id(*parts: object) -> str:
    """A stable 32-hex Workday id for a named thing (country, location, facet value)."""
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()[:32]


def _slug(value: str) -> str:
    # Workday URL slugs: spaces become "-", other punctuation and non-ASCII letters are dropped
    # ("Pittsburgh, PA" -> "Pittsburgh-PA", "München" -> "Mnchen"; unverified beyond seen URLs).
    return re.sub(r"[^A-Za-z0-9-]", "", value.strip().replace(" ", "-"))


def _posted_on(published: str) -> str:
    days = (SEEN_ON - date.fromisoformat(published[:10])).days
    if days <= 0:
        return "Posted Today"
    if days == 1:
        return "Posted Yesterday"
    return "Posted 30+ Days Ago" if days > 30 else f"Posted {days} Days Ago"


def _workplace(record: PostingRecord) -> tuple[str, str]:
    """(remoteType, location name) from a record's location ("Hybrid - Lyon, France")."""
    location = record.location or ""
    head, _, place = location.partition(" - ")
    if head in _REMOTE_WORDS and place:
        return "Remote", f"Remote - {place}"
    if head in _HYBRID_WORDS and place:
        return "Hybrid", place
    return "On-site", location


def _country(location: str) -> str | None:
    return next((p["country"] for p in parse_locations(location) if p["country"]), None)


def _country_ref(code: str) -> dict[str, Any]:
    name = _COUNTRY_DESCRIPTORS.get(code, COUNTRY_NAMES.get(code, code))
    return {"descriptor": name, "id": _hex_id("country", code)}


class _Posting:
    """One record as Workday shows it: the list entry and the detail of the same posting."""

    def __init__(self, record: PostingRecord) -> None:
        placed = record.placements["workday"]
        self.record = record
        self.board = Board.parse(placed["board"])
        derived_remote, derived_location = _workplace(record)
        self.remote_type: str = placed.get("remote_type", derived_remote)
        self.location: str = placed.get("location", derived_location)
        self.country: str | None = placed.get("country", _country(self.location))
        self.additional: list[str] = list(placed.get("additional_locations", []))
        self.req_id: str = placed["req_id"]
        self.id: str = placed["id"]
        employment = (record.employment_type or "").lower()
        self.time_type: str = placed.get("time_type", _TIME_TYPES.get(employment, "Full time"))
        self.families: list[str] = placed.get(
            "job_family", [record.department] if record.department else []
        )
        self.start_date = bool(placed.get("start_date", True))
        self.path = f"/job/{_slug(self.location)}/{_slug(record.title)}_{self.req_id}"

    def listing(self) -> dict[str, Any]:
        count = 1 + len(self.additional)
        return {
            "title": self.record.title,
            "externalPath": self.path,
            "locationsText": f"{count} Locations" if count > 1 else self.location,
            "postedOn": _posted_on(self.record.published),
            "remoteType": self.remote_type,
            "bulletFields": [self.req_id],
        }

    def detail(self) -> dict[str, Any]:
        record, site = self.record, self.board.site
        info: dict[str, Any] = {
            "id": self.id,
            "title": record.title,
            "jobDescription": record.body_html.strip(),
            "location": self.location,
            "postedOn": _posted_on(record.published),
            "startDate": record.published[:10],
            "timeType": self.time_type,
            "jobReqId": self.req_id,
            "jobPostingId": self.path.rsplit("/", 1)[-1],
            "jobPostingSiteId": site,
            "country": _country_ref(self.country) if self.country else None,
            "canApply": True,
            "posted": True,
            "includeResumeParsing": True,
            "jobRequisitionLocation": {"descriptor": self.location},
            "externalUrl": posting_url(self.board, self.path),
            "questionnaireId": _hex_id("questionnaire", self.board),
            "remoteType": self.remote_type,
            "jobFamily": [{"descriptor": f, "id": _hex_id("family", f)} for f in self.families],
        }
        if self.additional:
            info["additionalLocations"] = self.additional
        if self.country:
            info["jobRequisitionLocation"]["country"] = _country_ref(self.country) | {
                "alpha2Code": self.country
            }
        if not self.start_date:
            del info["startDate"]
        return {
            "jobPostingInfo": {k: v for k, v in info.items() if v is not None},
            "hiringOrganization": {"name": record.company, "url": ""},
            "similarJobs": [],
            "userAuthenticated": False,
        }


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def _facets(postings: list[_Posting]) -> list[dict[str, Any]]:
    def facet(parameter: str, descriptor: str, values: list[str]) -> dict[str, Any]:
        counts: dict[str, int] = defaultdict(int)
        for value in values:
            counts[value] += 1
        return {
            "facetParameter": parameter,
            "descriptor": descriptor,
            "values": [
                {"descriptor": v, "id": _hex_id(parameter, v), "count": n}
                for v, n in sorted(counts.items())
            ],
        }

    return [
        facet("jobFamilyGroup", "Job Category", [f for p in postings for f in p.families]),
        facet("locations", "Locations", [p.location for p in postings]),
        facet("timeType", "Time Type", [p.time_type for p in postings]),
    ]


def _board_option(records: list[PostingRecord], name: str) -> Any:
    return next(
        (r.placements["workday"][name] for r in records if name in r.placements["workday"]), None
    )


def _search_pages(board: Board, records: list[PostingRecord]) -> list[Recording]:
    postings = sorted(
        (_Posting(r) for r in records), key=lambda p: (p.record.published, p.id), reverse=True
    )
    pages = [postings[i : i + PAGE_SIZE] for i in range(0, len(postings), PAGE_SIZE)] or [[]]
    if _board_option(records, "repeat_last_page"):
        pages.append(pages[-1])
    first_total = _board_option(records, "reported_total") or len(postings)
    facets = _facets(postings)
    recordings = []
    for number, page in enumerate(pages):
        body = {
            "total": first_total if number == 0 else 0,
            "jobPostings": [p.listing() for p in page],
            "facets": facets,
            "userAuthenticated": False,
        }
        recordings.append(
            Recording(
                "POST",
                search_url(board),
                200,
                JSON_HEADERS,
                _json(body),
                request_body=search_body(number * PAGE_SIZE),
            )
        )
    recordings += [
        Recording("GET", detail_url(board, p.path), 200, JSON_HEADERS, _json(p.detail()))
        for p in postings
    ]
    return recordings


def render(records: list[PostingRecord]) -> list[Recording]:
    boards = group_records(records, lambda r: str(Board.parse(r.placements["workday"]["board"])))
    hosts = sorted({Board.parse(name).host for name in boards})
    recordings = [robots_recording(host) for host in hosts]
    for name in sorted(boards):
        recordings += _search_pages(Board.parse(name), boards[name])
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    # spec.board is the board as `-a boards=` takes it; a malformed one fails the build here.
    Board.parse(spec.board)
    options = {k: spec.options[k] for k in _BOARD_OPTIONS if k in spec.options}
    return {
        "board": spec.board,
        "id": f"{rng.getrandbits(128):032x}",
        "req_id": f"R-{spec.seed}{index:04d}",
        **options,
    }
