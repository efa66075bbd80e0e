"""Recruitee: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import recruitee
from scrapers.world import Recording
from tests.support.faults.base import HTML, Faults, get, robots

# Answers an HTML page where the offers' JSON was expected.
HTML_PAGE = "htmlpage"


def recordings() -> list[Recording]:
    url = recruitee.offers_url
    made = [robots(f"https://{c}.recruitee.com") for c in ("broken", "empty", HTML_PAGE)]
    made += [
        # A company Recruitee does not know answers 404 for every path, robots.txt too.
        get("https://missing.recruitee.com/robots.txt", b"<h1>404", status=404, headers=HTML),
        get(url("missing"), b'{"error":"Not found"}', status=404),
        get(url("broken"), b'{"offers": [{"id": 1,'),
        get(url("empty"), b'{"offers": []}'),
        get(url(HTML_PAGE), b"<html><body>Hi</body></html>", headers=HTML),
    ]
    return made


FAULTS = Faults("missing", "broken", "empty", recordings, extra=(HTML_PAGE,))
