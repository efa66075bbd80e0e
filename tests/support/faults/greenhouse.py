"""Greenhouse: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import greenhouse
from scrapers.world import Recording
from tests.support.faults.base import Faults, get


def recordings() -> list[Recording]:
    url = greenhouse.board_jobs_url
    return [
        get(url("missing"), b'{"status": 404, "error": "Job not found"}', status=404),
        get(url("broken"), b'{"jobs": [{"id": 1,'),
        get(url("empty"), b'{"jobs": [], "meta": {"total": 0}}'),
    ]


FAULTS = Faults("missing", "broken", "empty", recordings)
