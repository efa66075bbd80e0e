"""Workday: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import workday
from scrapers.world import Recording
from tests.support.faults.base import JSON, Faults, robots

# Sites of one `acme` tenant, each failing in its own way.
ANSWERS = {
    "gone": (404, b'{"errorCode": "HTTP_404"}'),
    "garbled": (200, b'{"total": 3, "jobPostings": [{"title": '),
    "quiet": (200, b'{"total": 0, "jobPostings": [], "facets": []}'),
    # The search refuses the query (Workday's answer to a body it does not take).
    "strict": (422, b'{"errorCode": "HTTP_422", "httpStatus": 422}'),
    # The server fails, retries included.
    "flaky": (500, b'{"errorCode": "HTTP_500", "httpStatus": 500}'),
}
# Page 1 over-counts (the next page is empty) and lists a posting whose detail is gone.
HALFWAY = workday.Board("acme", "wd1", "halfway")
HALFWAY_PATH = "/job/Leeds-United-Kingdom/Warehouse-Operations-Lead_R-900"


def _search(board: workday.Board, offset: int, status: int, body: bytes) -> Recording:
    url = workday.search_url(board)
    return Recording("POST", url, status, JSON, body, workday.search_body(offset))


def recordings() -> list[Recording]:
    made = [robots("https://acme.wd1.myworkdayjobs.com")]
    for site, (status, body) in ANSWERS.items():
        made.append(_search(workday.Board("acme", "wd1", site), 0, status, body))
    listing = {"title": "Warehouse Operations Lead", "externalPath": HALFWAY_PATH}
    listing |= {"locationsText": "Leeds, United Kingdom", "postedOn": "Posted Yesterday"}
    for offset, total, jobs in ((0, 21, [listing]), (20, 0, [])):
        body = json.dumps({"total": total, "jobPostings": jobs, "facets": []}).encode()
        made.append(_search(HALFWAY, offset, 200, body))
    detail = workday.detail_url(HALFWAY, HALFWAY_PATH)
    made.append(Recording("GET", detail, 404, JSON, b'{"errorCode": "HTTP_404"}'))
    return made


FAULTS = Faults(
    "acme/wd1/gone",
    "acme/wd1/garbled",
    "acme/wd1/quiet",
    recordings,
    extra=("acme/wd1/strict", "acme/wd1/flaky", str(HALFWAY)),
)
