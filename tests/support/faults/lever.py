"""Lever: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import lever
from scrapers.world import Recording
from tests.support.faults.base import Faults, get


def posting(n: int, site: str) -> dict:
    """A small posting of Lever's API, numbered ``n`` (its id and title are unique by ``n``)."""
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "text": f"Warehouse Associate {n}",
        "categories": {"location": "Austin, TX", "commitment": "Full-time"},
        "country": "US",
        "workplaceType": "on-site",
        "createdAt": 1793606400000,
        "opening": "<p>Join our warehouse team in Austin.</p>",
        "descriptionBody": "<p>You will pick, pack and ship orders for our customers.</p>",
        "lists": [],
        "additional": "",
        "hostedUrl": f"https://jobs.lever.co/{site}/00000000-0000-4000-8000-{n:012d}",
    }


def page(site: str, numbers: range) -> bytes:
    return json.dumps([posting(n, site) for n in numbers]).encode()


def recordings() -> list[Recording]:
    url = lever.postings_url
    full = range(lever.PAGE_SIZE)
    return [
        get(url("gone", 0), b'{"ok":false,"error":"Document not found"}', status=404),
        get(url("broken", 0), b'[{"id": "a1", "text": "Engin'),
        get(url("empty", 0), b"[]"),
        # Exactly one full page: the second page, asked for, is empty.
        get(url("hundred", 0), page("hundred", full)),
        get(url("hundred", lever.PAGE_SIZE), b"[]"),
        # A site that ignores `skip`: its second page repeats the first.
        get(url("stuck", 0), page("stuck", range(500, 500 + lever.PAGE_SIZE))),
        get(url("stuck", lever.PAGE_SIZE), page("stuck", range(500, 500 + lever.PAGE_SIZE))),
    ]


# Neither extra site has a name in the sources file's `companies`.
FAULTS = Faults("gone", "broken", "empty", recordings, extra=("hundred", "stuck"))
