"""SmartRecruiters: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import smartrecruiters
from scrapers.world import Recording
from tests.support.faults.base import Faults, get


def recordings() -> list[Recording]:
    url = smartrecruiters.postings_url
    empty = {"offset": 0, "limit": 100, "totalFound": 0, "content": []}
    return [
        get(url("GoneCo"), b'{"message": "Company not found"}', status=404),
        get(url("BrokenCo"), b'{"content": [{"id": '),
        get(url("EmptyCo"), json.dumps(empty).encode()),
    ]


FAULTS = Faults("GoneCo", "BrokenCo", "EmptyCo", recordings)
