"""Lever: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import lever
from scrapers.world import Recording
from tests.support.faults.base import Faults, get


def recordings() -> list[Recording]:
    url = lever.postings_url
    return [
        get(url("gone", 0), b'{"ok":false,"error":"Document not found"}', status=404),
        get(url("broken", 0), b'[{"id": "a1", "text": "Engin'),
        get(url("empty", 0), b"[]"),
    ]


FAULTS = Faults("gone", "broken", "empty", recordings)
