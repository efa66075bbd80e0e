"""Boards handed out with a lease, on plain Redis commands (no Scrapy import).

The unit of work of a night with workers is a board (``scrapers/workers/``). A worker *claims*
boards from its source's queue; each claim is a *lease* that ends at a deadline unless the worker
*renews* it (a heartbeat, while it lives). When the worker has crawled its boards whole it
*acknowledges* them together with their results, in one step: the results are pushed onto the
night's result list only if the claim is still the worker's. A worker killed mid-board never
acknowledges; once its lease has run out, the next claim on that queue puts its boards back at the
head of the queue, and another worker crawls them whole. A worker that outlived its lease (it
stalled) and then acknowledges is refused: the boards are someone else's now. So a board's results
are published exactly once, by the run that crawled it whole.

Keys (``<prefix>`` is the night's namespace, ``scrapers/workers/names.py``):

- ``<prefix>:queue:<queue>``: a list of the units not yet claimed;
- ``<prefix>:leases:<queue>``: a sorted set, unit → deadline (milliseconds, the Redis server's
  clock: machines' clocks do not matter);
- ``<prefix>:owner:<queue>``: a hash, unit → token of the claim holding it;
- ``<prefix>:deliveries:<queue>``: a hash, unit → how many times it was claimed;
- ``<prefix>:left``: a hash, queue → units not yet acknowledged;
- ``<prefix>:results``: a list of the acknowledged claims' results (opaque strings).

Each step is one Lua script, so it is atomic.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS: queue, leases, owner, deliveries; ARGV: count, ttl ms, token, parts.
# Expired leases of this queue go back to its head first; then up to count units are leased, and
# no more than 1/(2 parts) of the queue (rounded up, at least one), parts being the workers that
# share it: claims shrink as the queue runs down ("factoring"), so its last units are spread over
# the workers instead of all going to the first that asks.
_CLAIM = (
    _NOW
    + """
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for i = #expired, 1, -1 do
  local unit = expired[i]
  redis.call('ZREM', KEYS[2], unit)
  redis.call('HDEL', KEYS[3], unit)
  redis.call('LPUSH', KEYS[1], unit)
end
local count = tonumber(ARGV[1])
local parts = tonumber(ARGV[4])
if parts > 1 then
  count = math.min(count, math.max(1, math.ceil(redis.call('LLEN', KEYS[1]) / (2 * parts))))
end
local out = {}
for _ = 1, count do
  local unit = redis.call('LPOP', KEYS[1])
  if not unit then break end
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), unit)
  redis.call('HSET', KEYS[3], unit, ARGV[3])
  table.insert(out, unit)
  table.insert(out, redis.call('HINCRBY', KEYS[4], unit, 1))
end
return out
"""
)

# KEYS: leases, owner; ARGV: token, ttl ms, units…  Returns how many were still this claim's.
_RENEW = (
    _NOW
    + """
local renewed = 0
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[1] then
    redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[i])
    renewed = renewed + 1
  end
end
return renewed
"""
)

# KEYS: leases, owner, left, results; ARGV: token, queue, result, units…
_ACK = """
for i = 4, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) ~= ARGV[1] then return 0 end
end
for i = 4, #ARGV do
  redis.call('ZREM', KEYS[1], ARGV[i])
  redis.call('HDEL', KEYS[2], ARGV[i])
end
redis.call('RPUSH', KEYS[4], ARGV[3])
redis.call('HINCRBY', KEYS[3], ARGV[2], -(#ARGV - 3))
return 1
"""

# KEYS: queue, leases, owner; ARGV: token, units…  Units still this claim's go back to the head.
_RELEASE = """
local released = 0
for i = #ARGV, 2, -1 do
  if redis.call('HGET', KEYS[3], ARGV[i]) == ARGV[1] then
    redis.call('ZREM', KEYS[2], ARGV[i])
    redis.call('HDEL', KEYS[3], ARGV[i])
    redis.call('LPUSH', KEYS[1], ARGV[i])
    released = released + 1
  end
end
return released
"""


@dataclass(frozen=True)
class Claim:
    """Units of one queue leased together under one token."""

    queue: str
    token: str
    units: tuple[str, ...]
    deliveries: dict[str, int] = field(default_factory=dict)  # unit -> times claimed (1: first)


class Leases:
    """The leased queues of one namespace on a Redis client (``redis.Redis``)."""

    def __init__(self, redis: Any, prefix: str, ttl: float) -> None:
        self.redis = redis
        self.prefix = prefix
        self.ttl_ms = max(1, round(ttl * 1000))
        self._claim = redis.register_script(_CLAIM)
        self._renew = redis.register_script(_RENEW)
        self._ack = redis.register_script(_ACK)
        self._release = redis.register_script(_RELEASE)

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    def put(self, queue: str, units: list[str]) -> None:
        """Queue ``units`` (in this order) to be claimed."""
        if not units:
            return
        with self.redis.pipeline() as pipe:
            pipe.rpush(self.key("queue", queue), *units)
            pipe.hincrby(self.key("left"), queue, len(units))
            pipe.execute()

    def claim(self, queue: str, count: int = 1, parts: int = 1) -> Claim | None:
        """Up to ``count`` units of ``queue`` leased for ``ttl`` seconds, or None when there is
        none to claim (every unit is done or leased to a live holder). With ``parts`` (the
        workers sharing the queue), no more than 1/(2 parts) of the units queued, rounded up."""
        token = secrets.token_hex(8)
        keys = [self.key("queue", queue), self.key("leases", queue)]
        keys += [self.key("owner", queue), self.key("deliveries", queue)]
        found = self._claim(keys=keys, args=[count, self.ttl_ms, token, max(1, parts)])
        if not found:
            return None
        units = [_text(unit) for unit in found[0::2]]
        deliveries = {unit: int(n) for unit, n in zip(units, found[1::2], strict=True)}
        return Claim(queue, token, tuple(units), deliveries)

    def renew(self, claim: Claim) -> bool:
        """Push the claim's deadline ``ttl`` seconds on; False when it is no longer held."""
        keys = [self.key("leases", claim.queue), self.key("owner", claim.queue)]
        renewed = self._renew(keys=keys, args=[claim.token, self.ttl_ms, *claim.units])
        return int(renewed) == len(claim.units)

    def ack(self, claim: Claim, result: bytes | str) -> bool:
        """Publish ``result`` and acknowledge the claim's units, together; False (nothing
        published) when the claim is no longer held."""
        keys = [self.key("leases", claim.queue), self.key("owner", claim.queue)]
        keys += [self.key("left"), self.key("results")]
        done = self._ack(keys=keys, args=[claim.token, claim.queue, result, *claim.units])
        return bool(int(done))

    def release(self, claim: Claim) -> int:
        """Give the claim's units back to the head of the queue (a worker stopping on purpose)."""
        keys = [self.key("queue", claim.queue), self.key("leases", claim.queue)]
        keys.append(self.key("owner", claim.queue))
        return int(self._release(keys=keys, args=[claim.token, *claim.units]))

    def left(self, queue: str) -> int:
        """Units of ``queue`` not yet acknowledged (queued or leased)."""
        return int(self.redis.hget(self.key("left"), queue) or 0)

    def leased(self, queue: str) -> int:
        return int(self.redis.zcard(self.key("leases", queue)))

    def next_result(self, timeout: float = 0) -> bytes | None:
        """The oldest result not yet taken, waiting up to ``timeout`` seconds (0: not at all)."""
        if timeout <= 0:
            return self.redis.lpop(self.key("results"))
        found = self.redis.blpop([self.key("results")], timeout=timeout)
        return found[1] if found else None

    def clear(self) -> int:
        """Remove every key of the namespace; how many."""
        keys = list(self.redis.scan_iter(match=f"{_glob(self.prefix)}:*", count=1000))
        return int(self.redis.delete(*keys)) if keys else 0


class Heartbeat:
    """A thread renewing every claim it holds each third of the lease: a worker whose reactor
    is busy for a while (a long parse) keeps its boards; a killed one loses them on time."""

    def __init__(self, leases: Leases, period: float | None = None) -> None:
        self.leases = leases
        self.period = period if period is not None else leases.ttl_ms / 3000
        self.claims: dict[str, Claim] = {}
        self.lost: set[str] = set()  # tokens whose lease was found gone
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lease-heartbeat", daemon=True)

    def start(self) -> Heartbeat:
        self._thread.start()
        return self

    def hold(self, claim: Claim) -> None:
        with self._lock:
            self.claims[claim.token] = claim

    def drop(self, claim: Claim) -> None:
        with self._lock:
            self.claims.pop(claim.token, None)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            with self._lock:
                held = list(self.claims.values())
            for claim in held:
                try:
                    if not self.leases.renew(claim):
                        self.lost.add(claim.token)
                except Exception:  # a Redis blip: the next beat tries again, within the lease
                    continue


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _glob(text: str) -> str:
    """``text`` with Redis glob characters escaped."""
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)
