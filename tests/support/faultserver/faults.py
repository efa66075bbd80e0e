"""Every fault the fault server serves, by name: a board named ``<fault>``,
``<fault>-<argument>`` or ``<fault>-<argument>-<label>`` gets it on its list (``reset``,
``ratelimit-2``, ``good-acme``, ``slow-300-b``).

A fault is a function of the :class:`~tests.support.faultserver.server.Exchange` (the request,
its board, the board's good entries and answer) that answers it, well or badly. To add one, write
it here under ``@fault("name")`` — the name must hold no ``-`` — and test what it does on the wire
in ``tests/test_fault_server.py`` and what a crawl makes of it in ``tests/test_fault_crawls.py``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from email.utils import formatdate

from tests.support.faultserver.server import Exchange

Fault = Callable[[Exchange], None]
FAULTS: dict[str, Fault] = {}

# What a bot wall, a broken gateway and a careers page answer where JSON was expected.
WAF_PAGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    b"<h1>Checking your browser before accessing the site.</h1>"
    b'<form id="challenge-form" action="/cdn-cgi/challenge-platform"></form></body></html>'
)
UNAVAILABLE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>"
    b"<h1>Service Unavailable</h1><p>The server is temporarily unable to service your "
    b"request. Please try again later.</p></body></html>"
)
CAREERS_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Careers at Acme</title></head><body>"
    b"<h1>Join our team</h1><p>See our open positions below.</p></body></html>"
)
HTML = "text/html; charset=utf-8"
HUGE = 40 << 20  # more than the 32 MiB DOWNLOAD_MAXSIZE for job data (issue 14 item 5)
SURROGATE_TITLE = "Backend Engineer \ud800 Payments"  # JSON writes the lone surrogate \ud800
LATIN1_TITLE = "Caf\u00e9 Engineer"
BAD_UTF8_TITLE = "Z\u00fcrich Engineer MARK"  # MARK becomes the invalid byte 0xff


def fault(name: str) -> Callable[[Fault], Fault]:
    assert "-" not in name, "a board's name reads <fault>-<argument>"

    def register(answer: Fault) -> Fault:
        FAULTS[name] = answer
        return answer

    return register


def _seconds(exchange: Exchange, default: int = 1) -> int:
    return int(exchange.board.argument or default)


# --- answered well, or well but for what a list holds -----------------------------------------


@fault("good")
def good(exchange: Exchange) -> None:
    exchange.answer_well()


@fault("forbidden")
def forbidden(exchange: Exchange) -> None:
    """robots.txt forbids the board (``ROBOTS``): asked for anyway, it answers well."""
    exchange.answer_well()


@fault("slow")
def slow(exchange: Exchange) -> None:
    """``slow-<ms>``: the list, after ``<ms>`` milliseconds (default 500)."""
    time.sleep(int(exchange.board.argument or 500) / 1000)
    exchange.answer_well()


@fault("fewer")
def fewer(exchange: Exchange) -> None:
    """The board's list without its first job: that job has gone."""
    exchange.reply(200, exchange.listing(exchange.entries[1:]))


@fault("dupes")
def dupes(exchange: Exchange) -> None:
    """Seven entries, three distinct jobs."""
    a, b, c = exchange.entries[:3]
    exchange.reply(200, exchange.listing([a, b, c, a, b, a, c]))


@fault("surrogate")
def surrogate(exchange: Exchange) -> None:
    """The second job's title holds a lone surrogate, as the JSON escape ``\\ud800``."""
    entries = [dict(entry) for entry in exchange.entries]
    entries[1][exchange.title_key] = SURROGATE_TITLE
    body = exchange.listing(entries)
    assert b"\\ud800" in body
    exchange.reply(200, body)


@fault("latin1")
def latin1(exchange: Exchange) -> None:
    """An ASCII list declared UTF-8 but for one latin-1 byte (0xe9) in the first title."""
    entries = [dict(entry) for entry in exchange.entries]
    entries[0][exchange.title_key] = LATIN1_TITLE
    body = exchange.listing(entries).replace(b"\\u00e9", b"\xe9")
    assert body.count(b"\xe9") == 1 and body.replace(b"\xe9", b"").isascii()
    exchange.reply(200, body)


@fault("badutf8")
def badutf8(exchange: Exchange) -> None:
    """A UTF-8 list (``ü`` as two bytes) with one byte that is never UTF-8 (0xff)."""
    entries = [dict(entry) for entry in exchange.entries]
    entries[0][exchange.title_key] = BAD_UTF8_TITLE
    body = (
        exchange.listing(entries).replace(b"\\u00fc", "\u00fc".encode()).replace(b"MARK", b"\xff")
    )
    exchange.reply(200, body)


@fault("huge")
def huge(exchange: Exchange) -> None:
    """The list, then 40 MiB of JSON whitespace: a valid answer over DOWNLOAD_MAXSIZE."""
    status, body = exchange.good()
    exchange.reply(status, body + b" " * HUGE)


# --- answered with an error, a wall, or the wrong thing ----------------------------------------


@fault("redirectloop")
def redirectloop(exchange: Exchange) -> None:
    """A -> B -> A: the list redirects to itself with ``&loop=1``, which redirects back."""
    target = exchange.target
    if "loop" in exchange.query:
        exchange.redirect(target.replace("&loop=1", ""))
    else:
        exchange.redirect(f"{target}&loop=1")


@fault("ratelimit")
def ratelimit(exchange: Exchange) -> None:
    """``ratelimit-<s>``: 429 with ``Retry-After: <s>`` the first time, then the list."""
    if exchange.first_time():
        seconds = str(_seconds(exchange))
        exchange.reply(429, b'{"error": "Too Many Requests"}', headers=[("Retry-After", seconds)])
    else:
        exchange.answer_well()


@fault("ratelimitdate")
def ratelimitdate(exchange: Exchange) -> None:
    """``ratelimitdate-<s>``: 429 with ``Retry-After`` as an HTTP-date at least ``<s>`` seconds
    ahead (whole seconds, rounded up), then the list."""
    if exchange.first_time():
        when = formatdate(math.ceil(time.time()) + _seconds(exchange), usegmt=True)
        exchange.reply(429, b'{"error": "Too Many Requests"}', headers=[("Retry-After", when)])
    else:
        exchange.answer_well()


@fault("unavailable")
def unavailable(exchange: Exchange) -> None:
    """``unavailable-<s>``: 503 (an HTML page) with ``Retry-After: <s>`` the first time, then
    the list."""
    if exchange.first_time():
        retry = [("Retry-After", str(_seconds(exchange)))]
        exchange.reply(503, UNAVAILABLE_PAGE, HTML, headers=retry)
    else:
        exchange.answer_well()


@fault("error503")
def error503(exchange: Exchange) -> None:
    """503, an HTML page and no Retry-After, every time."""
    exchange.reply(503, UNAVAILABLE_PAGE, HTML)


@fault("waf403")
def waf403(exchange: Exchange) -> None:
    """A bot wall's challenge page, 403, every time."""
    exchange.reply(403, WAF_PAGE, HTML)


@fault("html")
def html_page(exchange: Exchange) -> None:
    """200 and a careers page in HTML where the API's JSON was expected."""
    exchange.reply(200, CAREERS_PAGE, HTML)


@fault("truncated")
def truncated(exchange: Exchange) -> None:
    """Half the list, then the connection closed (FIN) short of its Content-Length."""
    _, body = exchange.good()
    exchange.cut(body, len(body) // 2, reset=False)


@fault("reset")
def reset(exchange: Exchange) -> None:
    """Half the list, then a TCP RST mid-body."""
    _, body = exchange.good()
    exchange.cut(body, len(body) // 2, reset=True)


@fault("bomb")
def bomb(exchange: Exchange) -> None:
    """10 MB of gzip (``Content-Encoding: gzip``) that inflates to 10 GiB of zeros."""
    path = exchange.server.bomb
    assert path is not None, "FaultServer(bomb=...) serves the bomb"
    exchange.send_file(path, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])


@fault("stall")
def stall(exchange: Exchange) -> None:
    """Nothing until the test releases it (``FaultServer.release``), then the list."""
    exchange.stall()
    exchange.answer_well()
