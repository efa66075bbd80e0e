"""NoDegree: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import nodegree
from scrapers.world import Recording
from tests.support.faults.base import HTML, Faults, get


def recordings() -> list[Recording]:
    url = nodegree.organization_jobs_url
    page = b"<html><body><main>%s</main></body></html>"
    listing = b'<ul data-testid="job-list"></ul>'
    return [
        get(url("gone"), page % b"Not found", status=404, headers=HTML),
        get(url("broken"), page % b"Oops", headers=HTML),
        get(url("empty"), page % listing, headers=HTML),
    ]


FAULTS = Faults("gone", "broken", "empty", recordings)
