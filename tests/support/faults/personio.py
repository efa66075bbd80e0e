"""Personio: the board-fault contract's boards, and its own failing cases."""

from __future__ import annotations

from scrapers.extractors import personio
from scrapers.world import Recording
from tests.support.faults.base import HTML, XML, Faults, get, robots

# The empty feed is asked for in English: a board is counted under its whole name, language too.
EMPTY = "empty:en"
# Answers an HTML page where the XML feed was expected.
HTML_PAGE = "htmlpage"


def recordings() -> list[Recording]:
    feed = personio.Feed
    made = [robots(feed(c).host) for c in ("missing", "broken", "empty", HTML_PAGE)]
    broken = b'<?xml version="1.0"?><workzag-jobs><position><id>1</id><name>A</name>'
    empty = b'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs/>\n'
    made += [
        get(feed("missing").url, b"<h1>Not found</h1>", status=404, headers=HTML),
        get(feed("broken").url, broken, headers=XML),
        get(feed.parse(EMPTY).url, empty, headers=XML),
        get(feed(HTML_PAGE).url, b"<html><body>Hi</body></html>", headers=HTML),
    ]
    return made


FAULTS = Faults("missing", "broken", EMPTY, recordings, extra=(HTML_PAGE,))
