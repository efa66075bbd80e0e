"""The fault server: a real HTTP/1.1 server on 127.0.0.1 answering as Greenhouse and Lever do,
with the fault its board's name asks for.

It serves, by the ``Host`` a request names (the loopback download handler,
``tests/support/loopback.py``, sends every https URL of a crawl here with its own host):

- ``boards-api.greenhouse.io``: ``/v1/boards/<board>/jobs?content=true`` (the board's list) and
  ``/v1/boards/<board>/jobs/<id>?pay_transparency=true`` (one job);
- ``api.lever.co`` and ``api.eu.lever.co``: ``/v0/postings/<site>?mode=json&skip=…&limit=…``;
- ``/robots.txt`` on each (:data:`ROBOTS`), which forbids boards named ``forbidden…``; Lever's EU
  host answers it slowly (:data:`ROBOTS_DELAY`), so that requests queue up behind it.

A board named ``<fault>``, ``<fault>-<argument>`` or ``<fault>-<argument>-<label>`` (the label
tells boards of one fault apart) gets that fault on its list (the first page
of a Lever site); its other requests are answered well. ``faults.py`` holds the faults and says
how to add one; ``postings.py`` what a board lists. :attr:`FaultServer.overrides` gives a board
another fault from one night to the next.

Every request is logged with when it arrived and when its answer was done (``time.monotonic``),
so tests can count requests and measure ``Retry-After`` waits.
"""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.faultserver import postings

GREENHOUSE = "boards-api.greenhouse.io"
LEVER = "api.lever.co"
LEVER_EU = "api.eu.lever.co"
ROBOTS = {
    GREENHOUSE: b"User-agent: *\nDisallow: /v1/boards/forbidden\n",
    LEVER: b"User-agent: *\nDisallow: /v0/postings/forbidden\n",
    LEVER_EU: b"User-agent: *\nDisallow: /v0/postings/forbidden\n",
}
ROBOTS_DELAY = {LEVER_EU: 0.5}
JSON = "application/json; charset=utf-8"
# How long a stalled answer waits for FaultServer.release() at most.
STALL_MAX = 60.0


@dataclass
class Arrival:
    """One request the server got: when (``time.monotonic()``; ``wall`` is ``time.time()``), and
    when its answer, or the fault in its place, was done."""

    method: str
    host: str
    target: str  # path and query, as sent
    headers: dict[str, str]
    at: float
    wall: float
    status: int | None = None
    answered: float | None = None
    # The answer's headers (not Content-Length), as sent.
    answer_headers: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return urlsplit(self.target).path


@dataclass(frozen=True)
class Board:
    """Which board a request is for, and the fault its name (or an override) gives it."""

    source: str  # "greenhouse" or "lever"
    name: str  # as in the URL: a Greenhouse token, a Lever site
    fault: str
    argument: str  # what follows the fault's name after "-", up to the next ("" if nothing)
    host: str

    @classmethod
    def of(cls, source: str, name: str, host: str, overrides: dict[str, str]) -> Board:
        # <fault>[-<argument>[-<anything>]]: what follows the argument only tells boards apart.
        named = overrides.get(f"{source}/{name}", name)
        fault, _, rest = named.partition("-")
        return cls(source, name, fault, rest.partition("-")[0], host)


@dataclass
class Exchange:
    """One request and the means to answer it, well or badly."""

    handler: FaultHandler
    arrival: Arrival
    board: Board
    query: dict[str, list[str]]
    # True for the board's list (a Lever site's first page): the request a board's fault is on.
    is_list: bool
    good: Callable[[], tuple[int, bytes]]
    entries: list[dict[str, Any]] = field(default_factory=list)
    # The answer of a list holding these entries, in the source's shape.
    listing: Callable[[list[Any]], bytes] = lambda entries: b""

    @property
    def server(self) -> FaultServer:
        return self.handler.server.faults  # type: ignore[attr-defined,no-any-return]

    @property
    def title_key(self) -> str:
        return "title" if self.board.source == "greenhouse" else "text"

    def first_time(self) -> bool:
        """This is the first request for this URL since the server was last reset."""
        same = [a for a in self.server.arrivals(self.board.host) if a.target == self.target]
        return same[0] is self.arrival

    @property
    def target(self) -> str:
        return self.arrival.target

    def url(self, target: str) -> str:
        return f"https://{self.board.host}{target}"

    # --- answers ---------------------------------------------------------------------------------

    def reply(
        self,
        status: int,
        body: bytes,
        content_type: str = JSON,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.handler.answer(status, body, [("Content-Type", content_type), *headers])

    def answer_well(self) -> None:
        status, body = self.good()
        self.reply(status, body)

    def redirect(self, target: str) -> None:
        self.reply(302, b"", "text/plain", [("Location", self.url(target))])

    def cut(
        self, body: bytes, keep: int, *, reset: bool, headers: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Announce ``body`` whole (Content-Length), send its first ``keep`` bytes, then end the
        connection: with a FIN, or with a TCP RST when ``reset``."""
        self.handler.cut(body, keep, reset=reset, headers=[("Content-Type", JSON), *headers])

    def send_file(self, path: Path, headers: Iterable[tuple[str, str]]) -> None:
        self.handler.send_file(path, list(headers))

    def stall(self) -> None:
        """Hold the answer until the test calls :meth:`FaultServer.release` (or STALL_MAX)."""
        self.server.stalled.set()
        self.server.released.wait(STALL_MAX)


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the APIs and Scrapy's connection pool do
    server_version = "faultserver"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the arrivals log says it all

    def do_GET(self) -> None:
        faults: FaultServer = self.server.faults  # type: ignore[attr-defined]
        host = (self.headers.get("Host") or "").split(":")[0]
        self.arrival = Arrival(
            "GET", host, self.path, dict(self.headers.items()), time.monotonic(), time.time()
        )
        faults.record(self.arrival)
        try:
            faults.route(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away: nothing to tell it
        finally:
            if self.arrival.answered is None:  # nothing sent: the connection just closed
                self.arrival.answered = time.monotonic()

    def _head(self, status: int, headers: list[tuple[str, str]], length: int) -> None:
        # Noted before a byte goes out: the client may read the whole answer, and the test ask
        # for the log, before this thread runs another line.
        self.arrival.answered = time.monotonic()
        self.arrival.status = status
        self.arrival.answer_headers = dict(headers)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def answer(self, status: int, body: bytes, headers: list[tuple[str, str]]) -> None:
        self._head(status, headers, len(body))
        self.wfile.write(body)

    def cut(self, body: bytes, keep: int, *, reset: bool, headers: list[tuple[str, str]]) -> None:
        self._head(200, headers, len(body))
        self.wfile.write(body[:keep])
        self.wfile.flush()
        time.sleep(0.1)  # let the client read the part that came
        self.close_connection = True
        if reset:
            # SO_LINGER 0: closing sends a TCP RST rather than a FIN. The socket is detached
            # first: the request's read file holds it open otherwise, and the close would wait.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            os.close(self.connection.detach())
        else:
            self.connection.shutdown(socket.SHUT_RDWR)

    def send_file(self, path: Path, headers: list[tuple[str, str]]) -> None:
        self._head(200, headers, path.stat().st_size)
        with path.open("rb") as body:
            while chunk := body.read(1 << 20):
                self.wfile.write(chunk)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


class FaultServer:
    """The server, in threads of this process. ``start()`` binds a free port on 127.0.0.1."""

    def __init__(self, bomb: Path | None = None) -> None:
        self.bomb = bomb  # the gzip bomb's file (bomb.py), for the ``bomb`` fault
        self.log: list[Arrival] = []
        self.overrides: dict[str, str] = {}  # "<source>/<board>" -> "<fault>[-<argument>]"
        self.robots_delay = dict(ROBOTS_DELAY)
        self.stalled = threading.Event()
        self.released = threading.Event()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        assert self._server is not None, "the fault server is not started"
        return self._server.server_address[1]

    def start(self) -> FaultServer:
        self._server = _Server(("127.0.0.1", 0), FaultHandler)
        self._server.faults = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def reset(self) -> None:
        """Forget every request and override: the next test starts afresh."""
        with self._lock:
            self.log.clear()
        self.overrides.clear()
        self.robots_delay = dict(ROBOTS_DELAY)
        self.stalled.clear()
        self.released.clear()

    def release(self) -> None:
        """Let stalled answers go."""
        self.released.set()

    def record(self, arrival: Arrival) -> None:
        with self._lock:
            self.log.append(arrival)

    def arrivals(self, host: str | None = None, path: str = "") -> list[Arrival]:
        """Requests so far, in order of arrival: to ``host`` (any if None), whose path starts
        with ``path``."""
        with self._lock:
            log = list(self.log)
        return [a for a in log if (host is None or a.host == host) and a.path.startswith(path)]

    # --- routing ---------------------------------------------------------------------------------

    def route(self, handler: FaultHandler) -> None:
        arrival = handler.arrival
        parts = urlsplit(arrival.target)
        query = parse_qs(parts.query)
        if parts.path == "/robots.txt" and arrival.host in ROBOTS:
            time.sleep(self.robots_delay.get(arrival.host, 0))
            handler.answer(200, ROBOTS[arrival.host], [("Content-Type", "text/plain")])
            return
        steps = parts.path.strip("/").split("/")
        exchange = None
        if arrival.host == GREENHOUSE and steps[:2] == ["v1", "boards"] and len(steps) >= 4:
            exchange = self._greenhouse(handler, steps, query)
        elif arrival.host in (LEVER, LEVER_EU) and steps[:2] == ["v0", "postings"]:
            exchange = self._lever(handler, steps, query)
        if exchange is None:
            handler.answer(404, b'{"error": "Not found"}', [("Content-Type", JSON)])
            return
        from tests.support.faultserver.faults import FAULTS

        if not exchange.is_list:
            exchange.answer_well()
            return
        answer = FAULTS.get(exchange.board.fault)
        if answer is None:
            exchange.reply(404, f'{{"error": "no fault {exchange.board.fault!r}"}}'.encode())
            return
        answer(exchange)

    def _greenhouse(
        self, handler: FaultHandler, steps: list[str], query: dict[str, list[str]]
    ) -> Exchange | None:
        board = Board.of("greenhouse", steps[2], GREENHOUSE, self.overrides)
        if steps[3:] == ["jobs"]:
            jobs = postings.greenhouse_jobs(board.name)
            return Exchange(
                handler,
                handler.arrival,
                board,
                query,
                is_list=True,
                good=lambda: (200, postings.greenhouse_list(jobs)),
                entries=jobs,
                listing=postings.greenhouse_list,
            )
        if len(steps) == 5 and steps[3] == "jobs" and steps[4].isdigit():
            detail = postings.greenhouse_detail(board.name, int(steps[4]))
            found = (200, detail) if detail else (404, b'{"status": 404, "error": "Not found"}')
            return Exchange(
                handler, handler.arrival, board, query, is_list=False, good=lambda: found
            )
        return None

    def _lever(
        self, handler: FaultHandler, steps: list[str], query: dict[str, list[str]]
    ) -> Exchange | None:
        if len(steps) != 3:
            return None
        host = handler.arrival.host
        board = Board.of("lever", steps[2], host, self.overrides)
        hosted = "https://jobs.eu.lever.co" if host == LEVER_EU else "https://jobs.lever.co"
        every = postings.lever_postings(board.name, hosted=hosted)
        skip = int(query.get("skip", ["0"])[0])
        limit = int(query.get("limit", ["100"])[0])
        page = every[skip : skip + limit]
        return Exchange(
            handler,
            handler.arrival,
            board,
            query,
            is_list=skip == 0,
            good=lambda: (200, postings.lever_page(page)),
            entries=page,
            listing=postings.lever_page,
        )
