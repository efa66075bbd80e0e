"""The real PostgreSQL server the state tests run against, one fresh schema per test.

The server is the one the project's machines and CI run (127.0.0.1:5432, trust auth, database
``test``), or ``JOBSIEVE_TEST_POSTGRES`` (a libpq URL). A test that needs it is skipped, saying
why, only when no server answers there; with ``JOBSIEVE_TEST_POSTGRES_REQUIRED=1`` it fails
instead (CI sets it: a server that should be there is not).

Each test gets a schema of its own, named uniquely (``jobsieve_test_<hex>``), reached through the
URL's ``search_path`` and dropped after the test: parallel xdist workers and parallel test runs
never meet each other's tables.

A plugin (``pytest_plugins`` in tests/conftest.py): ``store_location`` is a location of a fresh,
empty state in each store, SQLite and PostgreSQL, so a test taking it (or the ``store`` built on
it) runs on both; ``postgres_state`` is a fresh PostgreSQL state's URL alone.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import psycopg
import pytest

SERVER = os.environ.get("JOBSIEVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRED = os.environ.get("JOBSIEVE_TEST_POSTGRES_REQUIRED", "") not in ("", "0")
STORES = ("sqlite", "postgresql")


@cache
def unreachable() -> str | None:
    """Why no test can use the server (None: it answers)."""
    try:
        with psycopg.connect(SERVER, connect_timeout=3) as db:
            db.execute("SELECT 1")
    except psycopg.Error as error:
        return f"no PostgreSQL server at {SERVER}: {str(error).strip().splitlines()[0]}"
    return None


def need_server() -> None:
    reason = unreachable()
    if reason is None:
        return
    if REQUIRED:
        pytest.fail(f"{reason} (JOBSIEVE_TEST_POSTGRES_REQUIRED is set)")
    pytest.skip(reason)


def with_search_path(url: str, schema: str) -> str:
    """``url`` whose connections see ``schema`` (and only it) first."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A state URL on the server whose tables live in a new, empty schema, dropped after."""
    need_server()
    schema = f"jobsieve_test_{uuid.uuid4().hex}"
    with psycopg.connect(SERVER, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(SERVER, schema)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as db:
            db.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@contextmanager
def state_in(store: str, folder: Path) -> Iterator[str]:
    """A fresh state's location in ``store`` (one of STORES): a file in ``folder``, or a new
    PostgreSQL schema dropped after."""
    if store == "sqlite":
        yield str(folder / "state.sqlite3")
        return
    with fresh_schema() as url:
        yield url


@pytest.fixture
def postgres_state() -> Iterator[str]:
    """A fresh PostgreSQL state's URL."""
    with fresh_schema() as url:
        yield url


@pytest.fixture(params=STORES)
def store_location(request, tmp_path) -> Iterator[str]:
    """A fresh state's location in each store: a SQLite file, a PostgreSQL schema."""
    with state_in(request.param, tmp_path) as location:
        yield location


class RawState:
    """The state's database under the store's feet, to write it as an older version did: the
    same SQL on either store (``?`` placeholders), and its schema version read and set."""

    def __init__(self, location: str) -> None:
        self.postgres = location.startswith(("postgresql:", "postgres:"))
        if self.postgres:
            self.db: Any = psycopg.connect(location, autocommit=True)
        else:
            self.db = sqlite3.connect(Path(location), isolation_level=None)

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.postgres:
            sql = sql.replace("?", "%s")
        cursor = self.db.execute(sql, params)
        return list(cursor.fetchall()) if cursor.description else []

    def version(self) -> int:
        if self.postgres:
            return int(self.execute("SELECT version FROM jobsieve_schema")[0][0])
        return int(self.execute("PRAGMA user_version")[0][0])

    def set_version(self, version: int) -> None:
        if self.postgres:
            self.execute("UPDATE jobsieve_schema SET version = ?", (version,))
        else:
            self.execute(f"PRAGMA user_version={int(version)}")

    def close(self) -> None:
        self.db.close()


@contextmanager
def raw_state(location: str) -> Iterator[RawState]:
    with closing(RawState(location)) as raw:
        yield raw
