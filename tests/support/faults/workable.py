"""Workable: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import workable
from scrapers.world import Recording
from tests.support.faults.base import JSON, Faults, get


def widget(name: str) -> bytes:
    return json.dumps({"name": name, "description": None, "jobs": []}).encode()


def recordings() -> list[Recording]:
    query = json.dumps(workable.jobs_query()).encode()

    def first_page(board: str, body: bytes) -> Recording:
        return Recording("POST", workable.jobs_url(board), 200, JSON, body, query)

    made = [
        get(workable.account_url("gone-board"), b'{"error": "Not found"}', status=404),
        get(workable.account_url("broken-board"), b'{"name": "Broken", "jobs": ['),
        get(workable.account_url("empty-board"), widget("Empty Board")),
        first_page("empty-board", b'{"total": 0, "results": []}'),
    ]
    # An account whose list, not its widget, answers garbage.
    made += [
        get(workable.account_url("garbled-list"), widget("Garbled List")),
        first_page("garbled-list", b'{"total": 3, "results": [{"id": '),
    ]
    # A list naming a job whose detail is gone (closed between the list and the detail).
    listed = [{"shortcode": "AAA111", "title": "Kept"}, {"shortcode": "ZZZ999", "title": "Gone"}]
    kept = {"shortcode": "AAA111", "title": "Kept", "description": "<p>Still open.</p>"}
    made += [
        get(workable.account_url("half-board"), widget("Half Board")),
        first_page("half-board", json.dumps({"total": 2, "results": listed}).encode()),
        get(workable.job_url("half-board", "AAA111"), json.dumps(kept).encode()),
        get(workable.job_url("half-board", "ZZZ999"), b'{"error": "Not found"}', status=404),
    ]
    return made


FAULTS = Faults(
    "gone-board", "broken-board", "empty-board", recordings, extra=("garbled-list", "half-board")
)
