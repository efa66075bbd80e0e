"""Personio public XML feeds, in the feed's real shape (see docs/world.md).

A record's ``[personio]`` table: ``board`` (as ``-a boards=`` takes it: ``acme``, ``acme:en``,
``acme.jobs.personio.com:en``) and ``id`` are required; ``subcompany`` (default: the record's
company), ``office``, ``additional_offices``, ``recruiting_category``, ``employment_type``,
``seniority``, ``schedule``, ``years_of_experience``, ``keywords``, ``occupation`` and
``occupation_category`` are optional. The body is split into one ``<jobDescription>`` per
``<h3>`` heading. Generated postings get their office from the record's location.
"""

from __future__ import annotations

import html
import random
import re
from collections import defaultdict
from typing import Any

from lxml import etree

from scrapers.normalise.location import parse_locations
from scrapers.world import Recording
from world.builder.phrasebook import PHRASEBOOK
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

XML_HEADERS = [("Content-Type", "text/xml; charset=UTF-8")]
TEXT_HEADERS = [("Content-Type", "text/plain")]
ROBOTS = b"User-agent: *\nAllow: /\n"
# A board as records name it: "acme" (https://acme.jobs.personio.de, the feed in German, the
# company's default), "acme:en" (the feed in English), "acme.jobs.personio.com:en" (the .com host).
_BOARD = re.compile(
    r"(?P<company>[A-Za-z0-9-]+)"
    r"(?:\.jobs\.personio\.(?P<tld>de|com))?"
    r"(?::(?P<language>[A-Za-z]{2}))?"
)
_HEADING = re.compile(r"<h3[^>]*>(.*?)</h3>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_SCHEDULES = {"full-time": "full-time", "part-time": "part-time"}
_DEPARTMENTS = ("Engineering", "Product", "Sales", "Marketing", "Customer Success", "Finance")
_SENIORITY = (
    (re.compile(r"\bjunior\b", re.I), "entry-level"),
    (re.compile(r"\b(senior|lead|staff)\b", re.I), "experienced"),
)


def feed(board: str) -> tuple[str, str]:
    """(origin, feed URL) of a board: every company is its own host, one feed per language."""
    match = _BOARD.fullmatch(board.strip())
    if match is None:
        raise ValueError(f"{board!r} is not a Personio board (acme, acme:en, …)")
    origin = f"https://{match['company'].lower()}.jobs.personio.{match['tld'] or 'de'}"
    language = match["language"]
    return origin, f"{origin}/xml" + (f"?language={language.lower()}" if language else "")


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, HTML) per ``<h3>`` section, in order; text before the first heading gets none."""
    found: list[tuple[str, str]] = []
    cuts = list(_HEADING.finditer(body))
    if (lead := body[: cuts[0].start() if cuts else len(body)].strip()) != "":
        found.append(("", lead))
    for n, match in enumerate(cuts):
        end = cuts[n + 1].start() if n + 1 < len(cuts) else len(body)
        heading = html.unescape(_TAGS.sub("", match.group(1))).strip()
        found.append((heading, body[match.end() : end].strip()))
    return found


def _generated_office(record: PostingRecord) -> str:
    """A generated posting's office, named as companies name them: "Berlin", "Berlin (Hybrid)",
    "Remote (Germany)" (the feed has no workplace field)."""
    location = record.location or ""
    for words in PHRASEBOOK.values():
        for kind in ("remote", "hybrid"):
            prefix = f"{words[kind]} - "
            if location.startswith(prefix):
                rest = location.removeprefix(prefix)
                if kind == "remote":
                    return f"{words[kind]} ({rest})"
                place = (parse_locations(rest) or [{}])[0]
                return f"{place.get('city') or rest} ({words[kind]})"
    place = (parse_locations(location) or [{}])[0]
    return place.get("city") or location


def _seniority(title: str) -> str:
    return next((level for pattern, level in _SENIORITY if pattern.search(title)), "experienced")


def _add(parent: Any, tag: str, value: Any) -> Any:
    child = etree.SubElement(parent, tag)
    if value is not None:
        child.text = str(value)
    return child


def _position(root: Any, record: PostingRecord) -> None:
    placed = record.placements["personio"]
    position = etree.SubElement(root, "position")
    _add(position, "id", int(placed["id"]))
    _add(position, "subcompany", placed.get("subcompany", record.company))
    _add(position, "office", placed.get("office") or _generated_office(record))
    offices = placed.get("additional_offices", [])
    if offices:
        additional = etree.SubElement(position, "additionalOffices")
        for office in offices:
            _add(additional, "office", office)
    _add(position, "department", record.department or placed.get("department"))
    _add(position, "recruitingCategory", placed.get("recruiting_category"))
    _add(position, "name", record.title)
    descriptions = etree.SubElement(position, "jobDescriptions")
    for heading, value in sections(record.body_html.strip()):
        description = etree.SubElement(descriptions, "jobDescription")
        _add(description, "name", heading)
        etree.SubElement(description, "value").text = etree.CDATA(value)
    schedule = _SCHEDULES.get((record.employment_type or "").lower(), "full-time")
    _add(position, "employmentType", placed.get("employment_type", "permanent"))
    _add(position, "seniority", placed.get("seniority") or _seniority(record.title))
    _add(position, "schedule", placed.get("schedule", schedule))
    _add(position, "yearsOfExperience", placed.get("years_of_experience", "2-5"))
    _add(position, "keywords", placed.get("keywords"))
    _add(position, "occupation", placed.get("occupation"))
    _add(position, "occupationCategory", placed.get("occupation_category"))
    _add(position, "createdAt", record.published)


def _feed_body(records: list[PostingRecord]) -> bytes:
    root = etree.Element("workzag-jobs")
    for record in sorted(records, key=lambda r: int(r.placements["personio"]["id"])):
        _position(root, record)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render(records: list[PostingRecord]) -> list[Recording]:
    feeds: dict[tuple[str, str], list[PostingRecord]] = defaultdict(list)
    for record in records:
        feeds[feed(record.placements["personio"]["board"])].append(record)
    recordings = []
    # Each company is its own host, with its own robots.txt, whatever languages it publishes.
    for origin in sorted({origin for origin, _ in feeds}):
        recordings.append(Recording("GET", f"{origin}/robots.txt", 200, TEXT_HEADERS, ROBOTS))
    for origin, url in sorted(feeds, key=lambda f: f[1]):
        body = _feed_body(feeds[origin, url])
        recordings.append(Recording("GET", url, 200, XML_HEADERS, body))
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    # 7-digit ids like Personio's, unique within the world.
    return {
        "board": spec.board,
        "id": 1_500_000 + (spec.seed % 100) * 1_000 + index,
        "department": _DEPARTMENTS[rng.randrange(len(_DEPARTMENTS))],
        "recruiting_category": "Allgemein",
    }
