"""Workable: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import workable
from scrapers.world import Recording
from tests.support.faults.base import JSON, Faults, get


def recordings() -> list[Recording]:
    query = json.dumps(workable.jobs_query()).encode()
    made = [
        get(workable.account_url("gone-board"), b'{"error": "Not found"}', status=404),
        get(workable.account_url("broken-board"), b'{"name": "Broken", "jobs": ['),
    ]
    widget = {"name": "Empty Board", "description": None, "jobs": []}
    made.append(get(workable.account_url("empty-board"), json.dumps(widget).encode()))
    empty = b'{"total": 0, "results": []}'
    made.append(Recording("POST", workable.jobs_url("empty-board"), 200, JSON, empty, query))
    return made


FAULTS = Faults("gone-board", "broken-board", "empty-board", recordings)
