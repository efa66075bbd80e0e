"""A night's name in Redis, the URL a worker joins it by, and the lock that keeps two nights of
one state from running at once on any machine (no Scrapy import).

- The night's keys live under ``jobsieve:{<id>}`` where ``<id>`` is ``<night>-<digest>``, the
  digest naming the feeds folder and the state: two feeds folders (an --offline one and a live
  one, two machines' own) never share keys, and the keys are removed when the night ends. The
  braces are a Redis Cluster hash tag: every key of a night is on one node, as its Lua scripts
  need.
- A worker joins with ``redis://host:6379/0?night=<id>`` (``scrapy worker URL``, or
  ``scrapy crawlall --join URL``): the URL of the Redis server plus the night's id.
- The lock is ``jobsieve:lock:<digest of the state>``, set with NX and a TTL the coordinator
  renews while its night runs (a killed coordinator's lock runs out by itself), beside the feeds
  folder's OS lock (``scrapers/night/lock.py``), which only one machine can see.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapers.night.status import NightRunning

LOCK_TTL = 60.0  # seconds; renewed every third of it


def connect(url: str) -> Any:
    """A Redis client for ``url``, checked with a PING: ValueError with one line when there is no
    driver or no server there."""
    try:
        import redis
    except ImportError:
        raise ValueError(
            "workers need the Redis client: pip install -e '.[workers]' (scrapy-redis, redis)"
        ) from None
    client = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
    try:
        client.ping()
    except redis.RedisError as error:
        raise ValueError(f"cannot reach Redis at {shown(url)}: {error}") from None
    return client


def shown(url: str) -> str:
    """``url`` with its password as ``***``."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def state_key(state: str) -> str:
    """What names a state across machines: a server URL as it is (password left out), a file by
    its machine and absolute path."""
    if "://" in state and not state.startswith("sqlite:"):
        return shown(state)
    return f"{socket.gethostname()}:{Path(state.removeprefix('sqlite:///')).absolute()}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:12]


def night_id(night: str, feeds_dir: Path, state: str) -> str:
    return f"{night}-{_digest(socket.gethostname(), str(feeds_dir.absolute()), state_key(state))}"


def prefix(night: str) -> str:
    """The namespace of a night's keys (``night`` as :func:`night_id` makes it)."""
    return f"jobsieve:{{{night}}}"


def join_url(redis_url: str, night: str) -> str:
    parts = urlsplit(redis_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "night"] + [("night", night)]
    return urlunsplit(parts._replace(query=urlencode(query)))


# The nights running now, by id: a worker given no ?night= joins one of them.
RUNNING = "jobsieve:nights"


def parse_join_url(url: str) -> tuple[str, str | None]:
    """``(redis URL, night id or None)`` of a join URL; ValueError saying what is wrong. Without
    ``?night=``, the worker waits for a night to start (:data:`RUNNING`)."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"{shown(url)!r} is not a redis:// URL")
    query = parse_qsl(parts.query)
    night = dict(query).get("night") or None
    rest = urlencode([(k, v) for k, v in query if k != "night"])
    return urlunsplit(parts._replace(query=rest)), night


class RedisNightLock:
    """Held by one night of a state on every machine sharing the Redis server; a second one
    raises :class:`NightRunning` naming the holder."""

    _RENEW = """
    if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
    return 0
    """
    _RELEASE = """
    if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
    return 0
    """

    def __init__(self, client: Any, state: str, night: str, ttl: float = LOCK_TTL) -> None:
        self.client = client
        self.key = f"jobsieve:lock:{_digest(state_key(state))}"
        self.state = state
        self.ttl_ms = round(ttl * 1000)
        self.holder = json.dumps(
            {
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "started": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "night": night,
            }
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> RedisNightLock:
        if not self.client.set(self.key, self.holder, nx=True, px=self.ttl_ms):
            raw = self.client.get(self.key)
            try:
                who = json.loads(raw)
                said = f"host {who['host']}, pid {who['pid']}, started {who['started']}, night "
                said += who["night"]
            except (TypeError, ValueError, KeyError):
                said = "holder not recorded"
            raise NightRunning(
                f"another night of the state {shown(self.state)} is running ({said}): this one "
                f"did not start (Redis lock {self.key})"
            )
        renew = self.client.register_script(self._RENEW)

        def beat() -> None:
            while not self._stop.wait(self.ttl_ms / 3000):
                try:
                    renew(keys=[self.key], args=[self.holder, self.ttl_ms])
                except Exception:
                    continue

        self._thread = threading.Thread(target=beat, name="night-lock", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with contextlib.suppress(Exception):  # else the TTL ends it
            self.client.register_script(self._RELEASE)(keys=[self.key], args=[self.holder])
