"""Recruitee: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import recruitee
from scrapers.world import Recording
from tests.support.faults.base import Faults, get, robots


def recordings() -> list[Recording]:
    url = recruitee.offers_url
    made = [robots(f"https://{c}.recruitee.com") for c in ("missing", "broken", "empty")]
    made += [
        get(url("missing"), b'{"error":"Not found"}', status=404),
        get(url("broken"), b'{"offers": [{"id": 1,'),
        get(url("empty"), b'{"offers": []}'),
    ]
    return made


FAULTS = Faults("missing", "broken", "empty", recordings)
