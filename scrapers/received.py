"""What a server sent back, in words an operator can act on (no Scrapy import).

Every failure message of a crawl says what was received — the status, the content type and,
for a text answer, its first bytes — so "malformed JSON" that was really a login page, or a 503
that was really a bot wall, reads as such. Also here: when a server asks to be left alone
(``Retry-After``) and whether an answer is a WAF or bot challenge rather than the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# How much of a text answer a message quotes: enough to recognise a login page or a WAF's
# "Just a moment…", short enough for one log line.
QUOTED_BYTES = 80
_TEXTUAL = re.compile(r"^(text/|application/([\w.+-]*\+)?(json|xml|javascript))", re.I)
_SPACES = re.compile(r"\s+")
_DATA = re.compile(r"[/+](json|xml)$")

# Answers that say "come back later" and may carry Retry-After (RFC 9110 §10.2.3).
RETRY_AFTER_STATUSES = frozenset({429, 503})

# Response headers by which a WAF marks a challenge page, whatever the status: Cloudflare's
# managed challenge and AWS WAF's challenge or CAPTCHA action.
_CHALLENGE_HEADERS: dict[str, Callable[[str], bool]] = {
    "cf-mitigated": lambda value: value.lower() == "challenge",
    "x-amzn-waf-action": lambda value: value.lower() in {"challenge", "captcha"},
}


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` → ``text/html``; nothing declared → ``no content type``."""
    value = (content_type or "").split(";", 1)[0].strip().lower()
    return value or "no content type"


def first_bytes(body: bytes, limit: int = QUOTED_BYTES) -> str:
    """The start of a body as one quoted line: whitespace runs folded, cut at ``limit``."""
    text = _SPACES.sub(" ", body[: limit * 4].decode("utf-8", "replace")).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def describe_body(content_type: str | None, body: bytes) -> str:
    """``text/html, 1,234 bytes: '<!DOCTYPE html><title>Just a moment…'``.

    The first bytes are quoted for a textual answer (HTML, JSON, XML, plain text): what a person
    needs to tell a login page, a WAF challenge or an error document from the data expected."""
    kind = media_type(content_type)
    if not body:
        return f"{kind}, empty body"
    described = f"{kind}, {len(body):,} bytes"
    if _TEXTUAL.match(kind) or kind == "no content type":
        described += f": {first_bytes(body)}"
    return described


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` value asks for, in seconds (never negative); None when absent
    or unreadable. It is delta-seconds (``120``) or an HTTP-date, read against ``now`` (the real
    time: the wait is real, whatever the crawl clock says)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def challenge(status: int, headers: Mapping[str, str]) -> str | None:
    """Why an answer is a WAF or bot challenge and not the page asked for, or None.

    A challenge header says so (a Cloudflare challenge comes as 403 or 503). Otherwise a 403
    that is not the API's own data format is one: a job board or an ATS does not forbid a public
    page for another reason, while a 403 in JSON or XML is the API refusing (a wrong key, a
    closed board), which its text says, and is the board's error."""
    lowered = {name.lower(): value for name, value in headers.items()}
    for name, says_challenge in _CHALLENGE_HEADERS.items():
        value = lowered.get(name)
        if value is not None and says_challenge(value):
            return f"HTTP {status}, {name}: {value}"
    if status == 403 and not _DATA.search(media_type(lowered.get("content-type"))):
        return "HTTP 403"
    return None
