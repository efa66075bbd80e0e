"""Welcome to the Jungle: the board-fault contract's boards, and its own failing cases.

Its own cases (checked in tests/test_welcometothejungle.py): ``refused-org``, whose search
Algolia refuses (HTTP 403, as when the search key rotates during a night), and ``verrou``, whose
only job has no detail (HTTP 404) and whose job page the WAF refuses (HTTP 403).
"""

from __future__ import annotations

import json

from scrapers.extractors import welcometothejungle
from scrapers.extractors.welcometothejungle import Hit, Search
from scrapers.world import Recording
from tests.support.faults.base import HTML, JSON, Faults, get
from tests.support.inprocess import recording

LANG = "fr"  # the [welcometothejungle] table of sources.toml reads the French index
# The only job of the organisation ``verrou``: listed, but neither its detail nor its page reads.
VERROU = Hit("v1", "VR_k2Jd9Qa", "chef-de-projet_nantes_VR_k2Jd9Qa", "verrou", "Verrou")


def recordings() -> list[Recording]:
    env = welcometothejungle.parse_env(recording(welcometothejungle.env_page_url(LANG)).body)

    def search(board: str, answer: bytes, status: int = 200) -> Recording:
        """The answer to the first search of ``board``, as the spider sends it."""
        query = json.dumps(Search(board, (), "", welcometothejungle.MAX_HITS_PER_PAGE).body(0))
        return Recording("POST", env.query_url(LANG), status, JSON, answer, query.encode())

    hit = {
        "objectID": VERROU.object_id,
        "reference": VERROU.reference,
        "slug": VERROU.slug,
        "organization": {"slug": VERROU.organization, "name": VERROU.company},
    }
    empty = {"hits": [], "nbHits": 0, "page": 0, "nbPages": 0, "hitsPerPage": 100}
    verrou = {**empty, "hits": [hit], "nbHits": 1, "nbPages": 1}
    refused = {"message": "Invalid Application-ID or API key", "status": 403}
    return [
        search("broken-org", b'{"hits": [{"reference": '),
        search("empty-org", json.dumps(empty).encode()),
        search("refused-org", json.dumps(refused).encode(), status=403),
        search("verrou", json.dumps(verrou).encode()),
        get(welcometothejungle.job_api_url(VERROU.organization, VERROU.slug), b"{}", status=404),
        get(
            welcometothejungle.job_page_url(LANG, VERROU.organization, VERROU.slug),
            b"<html><body><h1>403 Forbidden</h1></body></html>",
            status=403,
            headers=HTML,
        ),
    ]


FAULTS = Faults(None, "broken-org", "empty-org", recordings, extra=("refused-org", "verrou"))
