"""Workday candidate-site JSON ("CXS") → raw item fields. Pure: call it on the bytes of a response.

A board is one career site of one tenant, written ``tenant/wdN/site``:
``kestrel/wd5/Kestrel_Careers`` is ``https://kestrel.wd5.myworkdayjobs.com/Kestrel_Careers``.

- Search: ``POST https://{tenant}.wdN.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs`` with
  ``{"appliedFacets": {}, "limit": 20, "offset": n, "searchText": ""}`` returns
  ``{total, jobPostings: [{title, externalPath, locationsText, postedOn, remoteType,
  bulletFields}], facets}``.
  ``total`` is only reliable on the first page: later pages of real tenants may say ``0``.
- Detail: ``GET …/wday/cxs/{tenant}/{site}{externalPath}`` returns ``{jobPostingInfo: {id, title,
  jobDescription, location, additionalLocations, postedOn, startDate, timeType, jobReqId,
  externalUrl, remoteType, country, jobRequisitionLocation, jobFamily}, hiringOrganization}``.
  The list has no body, so every posting needs its detail. Neither carries a pay range (employers
  write pay into the body) nor a locale, so ``salary`` and ``page_language`` stay unknown here.

Quirks: ``hiringOrganization.name`` may start with the tenant's legal-entity code ("IL00 Acme
Ltd.", "1010 Acme, Inc."), which is not part of the name; places are often written country
first ("Israel, Yokneam", "US, CA, Santa Clara"), which are read as "Yokneam, Israel" and
"Santa Clara, CA, US".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import join, load_json
from scrapers.extractors.common import text as _text
from scrapers.normalise.countries import country_from_code, country_from_name
from scrapers.urls import canonical_url

SOURCE = "workday"
PAGE_SIZE = 20  # the candidate site's own page size; tenants refuse much larger limits
BOARD = re.compile(
    r"^(?P<tenant>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
    r"/(?P<wd>wd\d{1,3})"
    r"/(?P<site>[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"
)

# remoteType is a tenant-configured list; these are the values whose meaning is unambiguous.
# "Flexible" (and anything unknown) is left to the pipeline, which may decide from the location.
_REMOTE_TYPES = {
    "remote": "remote",
    "fully remote": "remote",
    "hybrid": "hybrid",
    "on-site": "onsite",
    "onsite": "onsite",
    "on site": "onsite",
}
# timeType is Workday's own two-valued enum.
_TIME_TYPES = {"full time": "FULL_TIME", "full-time": "FULL_TIME", "part time": "PART_TIME"}
# A legal-entity code before the company's name: two capitals and digits ("IL00", "US01") or four
# digits and more ("1010"); "A10 Networks" or "3M" are names, not codes.
_ENTITY_CODE = re.compile(r"^(?:[A-Z]{2}\d{2,4}|\d{4,})\s*(?:[-–:|]\s*)?(?=[^\W\d_])")
# "3 Locations": the list's placeholder for a multi-location posting, not a place.
_N_LOCATIONS = re.compile(r"^\d+\s+locations?$", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ALPHA2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Board:
    tenant: str
    wd: str  # "wd5": the data-centre shard in the host name
    site: str

    @classmethod
    def parse(cls, value: str) -> Board:
        match = BOARD.match(value.strip())
        if match is None:
            raise ValueError(f"{value!r} is not a Workday board (tenant/wdN/site)")
        return cls(match["tenant"], match["wd"], match["site"])

    @property
    def host(self) -> str:
        return f"https://{self.tenant}.{self.wd}.myworkdayjobs.com"

    def __str__(self) -> str:
        return f"{self.tenant}/{self.wd}/{self.site}"


def search_url(board: Board) -> str:
    return f"{board.host}/wday/cxs/{board.tenant}/{board.site}/jobs"


def search_body(offset: int, limit: int = PAGE_SIZE) -> bytes:
    query = {"appliedFacets": {}, "limit": limit, "offset": offset, "searchText": ""}
    return json.dumps(query).encode("utf-8")


def detail_url(board: Board, external_path: str) -> str:
    return f"{board.host}/wday/cxs/{board.tenant}/{board.site}{external_path}"


def posting_url(board: Board, external_path: str) -> str:
    """The public page, as the detail's ``externalUrl`` gives it (no locale segment)."""
    return canonical_url(f"{board.host}/{board.site}{external_path}")


def apply_url(url: str) -> str:
    # The candidate site starts an application at the posting's page plus "/apply".
    return f"{url.rstrip('/')}/apply"


def remote_kind(value: str | None) -> str | None:
    return _REMOTE_TYPES.get(value.strip().lower()) if value else None


@dataclass
class SearchPage(Extracted):
    """One search page: list-level postings, their ``externalPath`` (same order) and ``total``."""

    total: int | None = None
    paths: list[str] = field(default_factory=list)


def _listing(job: Any, board: Board, crawled_at: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(job, dict):
        raise SourceFormatError(f"not a Workday listing: {str(job)[:120]}")
    path, title = _text(job.get("externalPath")), _text(job.get("title"))
    if not path or not path.startswith("/") or not title:
        raise SourceFormatError(f"Workday listing without externalPath or title: {str(job)[:120]}")
    places = _text(job.get("locationsText"))
    if places and _N_LOCATIONS.match(places):
        places = None
    remote_raw = _text(job.get("remoteType"))
    url = posting_url(board, path)
    return path, {
        "url": url,
        "source": SOURCE,
        # The posting id is only in the detail; a posting known from the list alone has none.
        "source_id": None,
        "title": title,
        "location_raw": places,
        "remote_raw": remote_raw,
        "remote": remote_kind(remote_raw),
        "date_posted_raw": _text(job.get("postedOn")),
        "apply_url": apply_url(url),
        "crawled_at": crawled_at,
        # Only when a place is written country first: what the list gives stays as it was.
        **(
            {"locations": ordered} if (ordered := place_entries([places] if places else [])) else {}
        ),
    }


def company_name(name: str | None) -> str | None:
    """The hiring organisation's name without the legal-entity code Workday puts before it."""
    if not name:
        return None
    return _ENTITY_CODE.sub("", name, count=1).strip() or name


def _is_country(token: str) -> bool:
    return bool(country_from_code(token) or country_from_name(token))


def country_last(place: str) -> str:
    """A place written country first ("Israel, Yokneam", "US, CA, Santa Clara") in the usual
    order, country last; any other place as it is."""
    parts = [p.strip() for p in place.split(",")]
    if len(parts) < 2 or not all(parts) or not _is_country(parts[0]) or _is_country(parts[-1]):
        return place
    return ", ".join(reversed(parts))


def place_entries(places: list[str]) -> list[dict[str, Any]]:
    """Places for ``locations`` when one of them is written country first, else [] (the
    pipeline reads ``location_raw`` as for any source)."""
    ordered = [country_last(p) for p in places]
    return [{"text": p} for p in ordered] if ordered != places else []


def _total(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse_search(body: bytes | str, *, board: Board, crawled_at: str) -> SearchPage:
    """The postings one search page lists, as list-level raw item fields, in the API's order.

    A response that is not a search page raises SourceFormatError; one bad listing is skipped.
    """
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobPostings"), list):
        raise SourceFormatError("no 'jobPostings' list in the response")
    page = SearchPage(total=_total(data.get("total")))
    read = each_entry(
        data["jobPostings"],
        lambda job: _listing(job, board, crawled_at),
        page,
        id_of=lambda job: job.get("externalPath") if isinstance(job, dict) else None,
    )
    for _, (path, posting) in read:
        page.paths.append(path)
        page.postings.append(posting)
    return page


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _html(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _names(values: Any) -> list[str]:
    # jobFamily entries are reference objects ({descriptor, id}) on most tenants (unverified);
    # accept plain strings and {name} too.
    names = []
    for value in values or []:
        if isinstance(value, dict):
            value = value.get("descriptor") or value.get("name")
        if name := _text(value):
            names.append(name)
    return names


def _date_posted_raw(info: dict[str, Any], listed: dict[str, Any]) -> str | None:
    # startDate is the day the posting went live, a real date; postedOn ("Posted 30+ Days Ago")
    # is an age that loses precision past 30 days, so it is only the fallback.
    start = _text(info.get("startDate"))
    if start and _ISO_DATE.match(start):
        return start
    return _text(info.get("postedOn")) or listed.get("date_posted_raw")


def _locations(info: dict[str, Any]) -> list[dict[str, Any]]:
    """The requisition's location with Workday's own ISO country, then the extra locations, as
    words for the normaliser to read (``scrapers.normalise.location.resolve_places``).

    Only the requisition location carries a structured country; without it the pipeline parses
    ``location_raw`` as for any source.
    """
    requisition = _mapping(info.get("jobRequisitionLocation"))
    country = (_text(_mapping(requisition.get("country")).get("alpha2Code")) or "").upper()
    place = _text(requisition.get("descriptor")) or _text(info.get("location"))
    extras = info.get("additionalLocations") or []
    if not _ALPHA2.match(country):
        return place_entries([t for t in (_text(v) for v in [place, *extras]) if t])
    return [
        {"text": place and country_last(place), "country": country, "one_place": True},
        *({"text": country_last(t)} for t in (_text(extra) for extra in extras) if t),
    ]


def parse_detail(
    body: bytes | str, *, crawled_at: str, listed: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One posting from its detail response; ``listed`` (its list-level fields) fills gaps."""
    data = load_json(body)
    info = data.get("jobPostingInfo") if isinstance(data, dict) else None
    if not isinstance(info, dict) or not _text(info.get("title")):
        raise SourceFormatError("no 'jobPostingInfo' with a title in the response")
    listed = listed or {}
    url = (
        canonical_url(info["externalUrl"]) if _text(info.get("externalUrl")) else listed.get("url")
    )
    if not url:
        raise SourceFormatError("Workday posting without externalUrl")
    places = [info.get("location"), *(info.get("additionalLocations") or [])]
    remote_raw = _text(info.get("remoteType")) or listed.get("remote_raw")
    time_type = _text(info.get("timeType"))
    organisation = _mapping(data.get("hiringOrganization"))
    return {
        "url": url,
        "source": SOURCE,
        # jobPostingInfo.id is unique across tenants; jobReqId ("R-10482") is not.
        "source_id": _text(info.get("id")),
        "title": _text(info["title"]),
        "company": company_name(_text(organisation.get("name"))),
        "location_raw": join(places, "; ") or listed.get("location_raw"),
        "remote_raw": remote_raw,
        "employment_type_raw": time_type,
        "date_posted_raw": _date_posted_raw(info, listed),
        "department": join(_names(info.get("jobFamily")), " / "),
        "description_html": _html(info.get("jobDescription")),
        "apply_url": apply_url(url) if info.get("canApply", True) is not False else None,
        "crawled_at": crawled_at,
        "locations": _locations(info),
        "remote": remote_kind(remote_raw),
        "employment_type": _TIME_TYPES.get(time_type.lower()) if time_type else None,
    }
