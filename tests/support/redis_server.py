"""The real Redis server the workers' tests run against (127.0.0.1:6379, nothing kept on disk),
or ``JOBSIEVE_TEST_REDIS`` (a redis:// URL). A test that needs it is skipped, saying why, only
when no server answers there; with ``JOBSIEVE_TEST_REDIS_REQUIRED=1`` it fails instead (CI sets
it: a server that should be there is not).

Each test gets a namespace of its own (``jobsieve-test:{<hex>}``), removed after it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache

import pytest

SERVER = os.environ.get("JOBSIEVE_TEST_REDIS", "redis://127.0.0.1:6379/0")
REQUIRED = os.environ.get("JOBSIEVE_TEST_REDIS_REQUIRED", "") not in ("", "0")


@cache
def unreachable() -> str | None:
    """Why no test can use the server (None: it answers)."""
    try:
        import redis
    except ImportError:
        return "the redis client is not installed (pip install -e '.[test]')"
    try:
        redis.Redis.from_url(SERVER, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        return f"no Redis server at {SERVER}: {error}"
    return None


def need_redis() -> None:
    reason = unreachable()
    if reason is None:
        return
    if REQUIRED:
        pytest.fail(f"{reason} (JOBSIEVE_TEST_REDIS_REQUIRED is set)")
    pytest.skip(reason)


@pytest.fixture
def redis_client() -> Iterator[object]:
    need_redis()
    import redis

    client = redis.Redis.from_url(SERVER)
    yield client
    client.close()


@pytest.fixture
def redis_prefix(redis_client) -> Iterator[str]:
    """A namespace of its own, its keys removed after the test."""
    prefix = f"jobsieve-test:{{{uuid.uuid4().hex}}}"
    yield prefix
    keys = list(redis_client.scan_iter(match=f"jobsieve-test:{{{prefix[15:-1]}}}*"))
    if keys:
        redis_client.delete(*keys)
