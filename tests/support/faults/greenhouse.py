"""Greenhouse: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import greenhouse
from scrapers.world import Recording
from tests.support.faults.base import Faults, get

# A job whose public URL is a script: the item contract rejects it (the dead letters hold it).
INVALID_JOB = {
    "id": 77,
    "title": "Engineer",
    "absolute_url": "javascript:alert(1)",
    "location": {"name": "Berlin"},
    "content": "&lt;p&gt;Build things.&lt;/p&gt;",
}


def recordings() -> list[Recording]:
    url = greenhouse.board_jobs_url
    invalid = json.dumps({"jobs": [INVALID_JOB], "meta": {"total": 1}}).encode()
    return [
        get(url("missing"), b'{"status": 404, "error": "Job not found"}', status=404),
        get(url("broken"), b'{"jobs": [{"id": 1,'),
        get(url("empty"), b'{"jobs": [], "meta": {"total": 0}}'),
        get(url("invalid"), invalid),
        get(greenhouse.job_detail_url("invalid", 77), b'{"status": 404}', status=404),
    ]


FAULTS = Faults("missing", "broken", "empty", recordings, extra=("invalid",))
