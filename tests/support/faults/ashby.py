"""Ashby: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import ashby
from scrapers.world import Recording
from tests.support.faults.base import Faults, get


def recordings() -> list[Recording]:
    url = ashby.job_board_url
    return [
        get(url("gone"), b'{"success":false,"errors":["not found"]}', status=404),
        get(url("broken"), b'{"apiVersion": "1", "jobs": [{"id": '),
        get(url("empty"), b'{"apiVersion": "1", "jobs": []}'),
    ]


FAULTS = Faults("gone", "broken", "empty", recordings)
