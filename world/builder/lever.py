"""Lever Postings API responses, in the API's real shape (see docs/world.md).

A record's ``[lever]`` table places it on a site::

    [lever]
    site = "farfetch"                # the name in https://jobs.lever.co/<site>
    instance = "eu"                  # optional: Lever's EU instance (default "global")
    id = "3f0c…"                     # the posting uuid
    team = "Engineering"             # optional categories: team, department (default: the
    commitment = "Full-time"         #   record's), commitment (default: employment_type),
    location = "Porto"               #   location (default: the record's), all_locations
    country = "PT"                   # optional; default: the country of the record's location
    workplace_type = "hybrid"        # optional: on-site|hybrid|remote|unspecified (default:
                                     #   read from the location, else on-site)
    opening_blocks = 1               # how many leading top-level blocks form `opening`
    lists_from = "What You'll Do"    # optional: first heading of the `lists` (default: the
                                     #   last run of heading + <ul> pairs)
    additional_from = "Equal Opportunities Statement"  # optional: `additional` starts here

Lever splits the body the employer wrote into opening / descriptionBody / lists / additional;
the renderer cuts the record's body the same way, so the spider must put it back together.
"""

from __future__ import annotations

import json
import random
import re
import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from scrapers.normalise.location import parse_locations
from scrapers.normalise.remote import normalise_remote
from scrapers.textblocks import blocks_from_html, render_blocks
from scrapers.world import Recording
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

# Lever runs two instances, each with its own API and hosted job pages.
API = {"global": "https://api.lever.co", "eu": "https://api.eu.lever.co"}
HOSTED = {"global": "https://jobs.lever.co", "eu": "https://jobs.eu.lever.co"}
# The API serves `limit` postings a page; the world records pages of the size the spider asks
# for (a spider asking for another size finds no recording, and says so).
PAGE_SIZE = 100
JSON_HEADERS = [("Content-Type", "application/json; charset=utf-8")]
ROBOTS = b"User-agent: *\nAllow: /\n"

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link"})
_HEADING = re.compile(r"^<h[1-6]\b", re.I)
_LIST = re.compile(r"^<ul\b[^>]*>(?P<items>.*)</ul>$", re.I | re.S)
_INTERVALS = {
    "hour": "per-hour-wage",
    "day": "per-day-wage",
    "week": "per-week-salary",
    "month": "per-month-salary",
    "year": "per-year-salary",
}
_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site", None: "on-site"}
_TEAMS = ("Engineering", "Product", "Operations", "Sales", "Customer Success", "Finance")


def blocks(body: str) -> list[str]:
    """The top-level elements of an HTML fragment, verbatim (text outside them is an error:
    Lever's editor wraps every line)."""
    found: list[str] = []
    depth, start, covered = 0, 0, 0
    for match in _TAG.finditer(body):
        closing, name = match.group(1), match.group(2).lower()
        if depth == 0 and not closing and body[covered : match.start()].strip():
            raise ValueError(f"text outside any element: {body[covered : match.start()][:60]!r}")
        if name in _VOID or match.group(3):
            if depth == 0:
                found.append(match.group(0))
                covered = match.end()
            continue
        if not closing:
            start = match.start() if depth == 0 else start
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                found.append(body[start : match.end()])
                covered = match.end()
    if depth or body[covered:].strip():
        raise ValueError(f"unbalanced HTML near {body[covered:][:60]!r}")
    return found


def plain_text(fragment: str) -> str:
    """The ``*Plain`` twin of an HTML field, as the pipeline would write the text."""
    return render_blocks(blocks_from_html(fragment))


def _heading_index(parts: list[str], heading: str) -> int:
    for index, part in enumerate(parts):
        if _HEADING.match(part) and plain_text(part) == heading:
            return index
    raise ValueError(f"no heading {heading!r} in the body")


def _is_pair(parts: list[str], index: int, end: int) -> bool:
    return index + 1 < end and bool(_HEADING.match(parts[index]) and _LIST.match(parts[index + 1]))


def split_body(
    body: str,
    opening_blocks: int = 1,
    lists_from: str | None = None,
    additional_from: str | None = None,
) -> dict[str, Any]:
    """``body`` as Lever stores it: opening, descriptionBody, lists and additional."""
    parts = blocks(body)
    end = _heading_index(parts, additional_from) if additional_from else len(parts)
    if lists_from:
        start = _heading_index(parts, lists_from)
    else:  # the last run of heading + list pairs before `additional`
        pairs = [i for i in range(end) if _is_pair(parts, i, end)]
        start = pairs[-1] if pairs else end
        while start - 2 in pairs:
            start -= 2
    lists, stop = [], start
    while _is_pair(parts, stop, end):
        items = _LIST.match(parts[stop + 1]).group("items").strip()  # type: ignore[union-attr]
        lists.append(
            {"text": plain_text(parts[stop]), "content": re.sub(r"</li>\s+<li", "</li><li", items)}
        )
        stop += 2
    opening = parts[: min(opening_blocks, start)]
    return {
        "opening": "\n".join(opening),
        "descriptionBody": "\n".join(parts[len(opening) : start]),
        "lists": lists,
        "additional": "\n".join(parts[stop:]),
    }


def _epoch_ms(moment: str) -> int:
    return int(datetime.fromisoformat(moment).timestamp() * 1000)


def _country(record: PostingRecord, placed: dict[str, Any]) -> str | None:
    if "country" in placed:
        return placed["country"]
    found = [loc["country"] for loc in parse_locations(record.location) if loc["country"]]
    return found[0] if found else None


def _categories(record: PostingRecord, placed: dict[str, Any]) -> dict[str, Any]:
    location = placed.get("location", record.location)
    categories = {
        "commitment": placed.get("commitment", record.employment_type),
        "department": placed.get("department", record.department),
        "location": location,
        "team": placed.get("team"),
        "allLocations": placed.get("all_locations", [location] if location else []),
    }
    # Lever leaves out the categories a posting does not use.
    return {k: v for k, v in categories.items() if v not in (None, "")}


def _salary_range(record: PostingRecord) -> dict[str, Any] | None:
    if not record.salary:
        return None
    return {
        "currency": record.salary["currency"],
        "interval": _INTERVALS[record.salary["period"]],
        "min": record.salary.get("min"),
        "max": record.salary.get("max"),
    }


def _posting(record: PostingRecord) -> dict[str, Any]:
    placed = record.placements["lever"]
    instance, site, posting_id = placed.get("instance", "global"), placed["site"], placed["id"]
    body = split_body(
        record.body_html.strip(),
        opening_blocks=placed.get("opening_blocks", 1),
        lists_from=placed.get("lists_from"),
        additional_from=placed.get("additional_from"),
    )
    description = "\n".join(p for p in (body["opening"], body["descriptionBody"]) if p)
    workplace = placed.get("workplace_type") or _WORKPLACE[normalise_remote(None, record.location)]
    posting: dict[str, Any] = {
        "additionalPlain": plain_text(body["additional"]),
        "additional": body["additional"],
        "categories": _categories(record, placed),
        "createdAt": _epoch_ms(record.published),
        "descriptionPlain": plain_text(description),
        "description": description,
        "id": posting_id,
        "lists": body["lists"],
        "text": record.title,
        "country": _country(record, placed),
        "workplaceType": workplace,
        "opening": body["opening"],
        "openingPlain": plain_text(body["opening"]),
        "descriptionBody": body["descriptionBody"],
        "descriptionBodyPlain": plain_text(body["descriptionBody"]),
        "hostedUrl": f"{HOSTED[instance]}/{site}/{posting_id}",
        "applyUrl": f"{HOSTED[instance]}/{site}/{posting_id}/apply",
    }
    if salary_range := _salary_range(record):
        posting["salaryRange"] = salary_range
    return posting


def postings_url(instance: str, site: str, skip: int) -> str:
    return f"{API[instance]}/v0/postings/{site}?mode=json&skip={skip}&limit={PAGE_SIZE}"


def _pages(instance: str, site: str, postings: list[dict[str, Any]]) -> list[Recording]:
    """Every page the spider asks for: full pages, the short last one, and an empty page after
    a board whose size is an exact multiple of the page size."""
    recordings = []
    for skip in range(0, len(postings) + 1, PAGE_SIZE):
        page = postings[skip : skip + PAGE_SIZE]
        if skip and not page and len(postings) % PAGE_SIZE:
            break
        body = json.dumps(page, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        url = postings_url(instance, site, skip)
        recordings.append(Recording("GET", url, 200, JSON_HEADERS, body))
    return recordings


def render(records: list[PostingRecord]) -> list[Recording]:
    sites: dict[tuple[str, str], list[PostingRecord]] = defaultdict(list)
    for record in records:
        placed = record.placements["lever"]
        sites[placed.get("instance", "global"), placed["site"]].append(record)
    recordings = [
        Recording("GET", f"{API[i]}/robots.txt", 200, [("Content-Type", "text/plain")], ROBOTS)
        for i in sorted({instance for instance, _ in sites})
    ]
    for instance, site in sorted(sites):
        postings = [_posting(r) for r in sites[instance, site]]
        # Newest first, as Lever lists them; the id breaks ties so paging is stable.
        postings.sort(key=lambda p: (-p["createdAt"], p["id"]))
        recordings.extend(_pages(instance, site, postings))
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    return {
        "site": spec.board,
        "instance": spec.options.get("instance", "global"),
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "team": _TEAMS[rng.randrange(len(_TEAMS))],
        # Generated bodies open with a heading and the company intro.
        "opening_blocks": 2,
    }
