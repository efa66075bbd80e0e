"""Welcome to the Jungle: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

import json

from scrapers.extractors import welcometothejungle
from scrapers.world import Recording
from tests.support.faults.base import JSON, Faults
from tests.support.inprocess import recording


def recordings() -> list[Recording]:
    env_page = recording(welcometothejungle.env_page_url("fr"))
    env = welcometothejungle.parse_env(env_page.body)
    made = []
    for board, body in (
        ("broken-org", b'{"hits": [{"reference": '),
        ("empty-org", b'{"hits": [], "nbHits": 0, "page": 0, "nbPages": 0, "hitsPerPage": 100}'),
    ):
        search = welcometothejungle.Search(board, (), "", welcometothejungle.MAX_HITS_PER_PAGE)
        query = json.dumps(search.body(0)).encode()
        made.append(Recording("POST", env.query_url("fr"), 200, JSON, body, query))
    return made


FAULTS = Faults(None, "broken-org", "empty-org", recordings)
