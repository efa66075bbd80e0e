"""Bytes a source sends in the wrong charset, JSON with lone surrogates, and list entries that
raise: each read in isolation, at worst with replacement characters, never costing the rest
(``scrapers/extractors/common.py``, ``scrapers/extractors/base.py``, ``scrapers/decoding.py``)."""

from __future__ import annotations

import json

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse

from scrapers.decoding import BodyDecodingMiddleware, declared_charset
from scrapers.extractors import greenhouse, lever, personio
from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import decode_body, html_text, load_json
from tests.support.inprocess import spider_for

CAFE = "Caf\u00e9"


@pytest.mark.parametrize(
    ("body", "declared", "expected"),
    [
        # Valid in what it declares: read as is.
        (CAFE.encode("utf-8"), None, (CAFE, "utf-8", 0, False)),
        (CAFE.encode("latin-1"), "iso-8859-1", (CAFE, "cp1252", 0, False)),
        # ASCII but one latin-1 byte: windows-1252, the legacy charset of Latin text.
        (CAFE.encode("latin-1"), "utf-8", (CAFE, "cp1252", 0, True)),
        # UTF-8 elsewhere: the stray byte alone is replaced.
        (
            "Z\u00fcrich \xff".encode("utf-8")[:-2] + b"\xff",
            None,
            ("Z\u00fcrich \ufffd", "utf-8", 1, True),
        ),
    ],
)
def test_a_body_is_read_as_declared_else_by_fallback(body, declared, expected):
    decoded = decode_body(body, declared)
    assert (decoded.text, decoded.encoding, decoded.replaced, decoded.fallback) == expected


def test_a_long_text_in_another_script_is_detected_not_read_as_windows_1252():
    text = "Мы ищем опытного разработчика в нашу команду в Москве. Удалённая работа возможна."
    assert decode_body(text.encode("cp1251"), "utf-8").text == text


def test_an_html_page_is_read_as_its_meta_charset_says():
    page = f'<html><head><meta charset="windows-1252"></head><p>{CAFE}</p>'.encode("cp1252")
    assert CAFE in html_text(page)


def test_json_lone_surrogates_are_replaced_and_pairs_kept():
    body = b'{"t": "a\\ud800b \\ud83d\\ude00", "k": ["\\udfff"]}'
    assert load_json(body) == {"t": "a\ufffdb \U0001f600", "k": ["\ufffd"]}


def test_json_in_a_wrong_charset_is_read_not_refused():
    assert load_json('{"t": "Caf\u00e9"}'.encode("latin-1")) == {"t": CAFE}
    with pytest.raises(SourceFormatError, match="malformed JSON"):
        load_json(b"<html>not json</html>")


def test_each_entry_skips_the_malformed_and_notes_the_failed_with_id_and_cause():
    def parse(entry):
        if entry.get("skip"):
            raise SourceFormatError("no title")
        return entry["title"].upper()

    log = Extracted()
    read = list(
        each_entry(
            [{"id": 1, "title": "a"}, {"id": 2}, {"skip": 1}, {"id": 3, "title": "c"}], parse, log
        )
    )
    [failed] = log.failed
    assert (read, log.skipped, failed.source_id, failed.cause, json.loads(failed.raw)) == (
        [({"id": 1, "title": "a"}, "A"), ({"id": 3, "title": "c"}, "C")],
        ["no title"],
        "2",
        "KeyError: 'title'",
        {"id": 2},
    )


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (
            lambda body: greenhouse.parse_board_jobs(body, crawled_at="t"),
            {"jobs": [{"id": 1, "title": "A", "location": "x"}, {"id": 2, "title": "B"}]},
        ),
        (
            lambda body: lever.parse_postings_page(body, board="b", crawled_at="t"),
            [
                {"id": "1", "text": "A", "hostedUrl": "https://jobs.lever.co/b/1", "lists": 5},
                {"id": "2", "text": "B", "hostedUrl": "https://jobs.lever.co/b/2"},
            ],
        ),
    ],
    ids=["greenhouse", "lever"],
)
def test_one_entry_that_raises_costs_only_itself(parse, body):
    extracted = parse(json.dumps(body).encode())
    assert (
        [p["source_id"] for p in extracted.postings],
        [f.source_id for f in extracted.failed],
    ) == (
        ["2"],
        ["1"],
    )


def test_a_personio_position_that_raises_is_noted_with_its_id_and_its_xml(monkeypatch):
    real = personio.parse_position

    def parse_position(position, **kwargs):
        if position.findtext("id") == "7":
            raise RuntimeError("boom")
        return real(position, **kwargs)

    monkeypatch.setattr(personio, "parse_position", parse_position)
    body = b"".join(
        b"<position><id>%d</id><name>Job %d</name></position>" % (n, n) for n in (6, 7, 8)
    )
    extracted = personio.parse_feed(
        b"<workzag-jobs>" + body + b"</workzag-jobs>",
        feed=personio.Feed.parse("acme"),
        crawled_at="t",
    )
    [failed] = extracted.failed
    assert ([p["source_id"] for p in extracted.postings], failed.source_id, failed.cause) == (
        ["6", "8"],
        "7",
        "RuntimeError: boom",
    )
    assert failed.raw.startswith("<position><id>7</id>")


# --- the downloader middleware: a bad body reaches the spider as UTF-8, counted -----------------


def _middleware():
    spider = spider_for("greenhouse", boards="acme")
    middleware = BodyDecodingMiddleware(spider.crawler)
    return spider, middleware


def test_a_valid_body_passes_untouched():
    _, middleware = _middleware()
    request = Request("https://example.com/a", cb_kwargs={"board": "acme"})
    response = TextResponse(
        request.url,
        body=CAFE.encode(),
        headers={"Content-Type": "application/json"},
        request=request,
    )
    assert middleware.process_response(request, response) is response


def test_an_html_body_in_another_charset_is_rewritten_as_utf8_with_its_declarations():
    spider, middleware = _middleware()
    request = Request("https://example.com/a", cb_kwargs={"board": "acme"})
    body = f'<html><head><meta charset="utf-8"></head><p>{CAFE}</p></html>'.encode("latin-1")
    response = HtmlResponse(
        request.url,
        body=body,
        headers={"Content-Type": "text/html; charset=utf-8"},
        request=request,
    )
    fixed = middleware.process_response(request, response)
    stats = spider.crawler.stats
    assert (
        fixed.text.count(CAFE),
        fixed.body.decode("utf-8").count('charset="utf-8"'),
        declared_charset(fixed),
        stats.get_value("jobsieve/source/greenhouse/acme/decode_replaced"),
    ) == (1, 1, "utf-8", 1)
