"""What a server sent back, as failure messages say it (scrapers/received.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scrapers.received import challenge, describe_body, first_bytes, retry_after_seconds

NOW = datetime(2026, 11, 22, 3, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("content_type", "body", "described"),
    [
        (
            "text/html; charset=utf-8",
            b"<!DOCTYPE html>\n<html><head><title>Just a moment...</title>",
            "text/html, 59 bytes: '<!DOCTYPE html> <html><head><title>Just a moment...</title>'",
        ),
        (
            "application/json",
            b'{"status": 404, "error": "Not found"}',
            """application/json, 37 bytes: '{"status": 404, "error": "Not found"}'""",
        ),
        ("application/problem+json", b"{}", "application/problem+json, 2 bytes: '{}'"),
        ("image/png", b"\x89PNG\r\n" * 300, "image/png, 1,800 bytes"),
        (None, b"oops", "no content type, 4 bytes: 'oops'"),
        ("text/html", b"", "text/html, empty body"),
    ],
)
def test_a_body_is_described_by_its_type_size_and_for_text_its_first_bytes(
    content_type, body, described
):
    assert describe_body(content_type, body) == described


def test_first_bytes_are_cut_to_one_short_line():
    quoted = first_bytes(b"<p>" + b"x" * 500 + b"</p>\n\n<p>more</p>")
    assert (len(quoted), quoted.endswith("…'"), "\n" in quoted) == (82, True, False)


def test_invalid_utf8_in_the_first_bytes_is_shown_replaced_not_raised():
    assert first_bytes(b"caf\xe9 ouvert") == "'caf\ufffd ouvert'"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("10", 10.0),
        (" 0 ", 0.0),
        ("Sun, 22 Nov 2026 03:00:30 GMT", 30.0),
        ("Sun, 22 Nov 2026 02:59:00 GMT", 0.0),  # already past: no wait
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_is_seconds_or_an_http_date(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds


@pytest.mark.parametrize(
    ("status", "headers", "blocked"),
    [
        (403, {"Content-Type": "text/html"}, "HTTP 403"),
        (403, {}, "HTTP 403"),
        # The API refusing in its own format (Algolia's wrong key): an error, not a wall.
        (403, {"Content-Type": "application/json; charset=UTF-8"}, None),
        (403, {"content-type": "application/xml"}, None),
        (503, {"cf-mitigated": "challenge"}, "HTTP 503, cf-mitigated: challenge"),
        (202, {"X-Amzn-Waf-Action": "captcha"}, "HTTP 202, x-amzn-waf-action: captcha"),
        (503, {"Content-Type": "text/html"}, None),
        (429, {"Retry-After": "10"}, None),
    ],
)
def test_a_waf_challenge_is_told_from_an_error(status, headers, blocked):
    assert challenge(status, headers) == blocked
