"""SmartRecruiters: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import smartrecruiters
from scrapers.world import Recording
from tests.support.faults.base import Faults, get

# Lists two postings, but the second's detail is gone (withdrawn between list and detail).
HALF = "HalfCo"
HALF_KEPT, HALF_GONE = "11", "99"


def recordings() -> list[Recording]:
    url = smartrecruiters.postings_url
    empty = {"offset": 0, "limit": 100, "totalFound": 0, "content": []}
    company = {"identifier": HALF, "name": "Half Co"}
    listed = [
        {"id": HALF_KEPT, "name": "Kept", "company": company},
        {"id": HALF_GONE, "name": "Gone", "company": company},
    ]
    half = {"offset": 0, "limit": 100, "totalFound": 2, "content": listed}
    kept = {**listed[0], "jobAd": {"sections": {"jobDescription": {"text": "<p>Open.</p>"}}}}
    gone = b'{"message": "Job ad not found"}'
    return [
        get(url("GoneCo"), b'{"message": "Company not found"}', status=404),
        get(url("BrokenCo"), b'{"content": [{"id": '),
        get(url("EmptyCo"), json.dumps(empty).encode()),
        get(url(HALF), json.dumps(half).encode()),
        get(smartrecruiters.posting_url(HALF, HALF_KEPT), json.dumps(kept).encode()),
        get(smartrecruiters.posting_url(HALF, HALF_GONE), gone, status=404),
    ]


FAULTS = Faults("GoneCo", "BrokenCo", "EmptyCo", recordings, extra=(HALF,))
