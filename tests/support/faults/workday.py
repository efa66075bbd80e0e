"""Workday: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import workday
from scrapers.world import Recording
from tests.support.faults.base import JSON, Faults, robots


def recordings() -> list[Recording]:
    made = [robots("https://acme.wd1.myworkdayjobs.com")]
    answers = {
        "gone": (404, b'{"errorCode": "HTTP_404"}'),
        "garbled": (200, b'{"total": 3, "jobPostings": [{"title": '),
        "quiet": (200, b'{"total": 0, "jobPostings": [], "facets": []}'),
    }
    for site, (status, body) in answers.items():
        url = workday.search_url(workday.Board("acme", "wd1", site))
        made.append(Recording("POST", url, status, JSON, body, workday.search_body(0)))
    return made


FAULTS = Faults("acme/wd1/gone", "acme/wd1/garbled", "acme/wd1/quiet", recordings)
