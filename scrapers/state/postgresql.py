"""The state in a PostgreSQL database: one transaction per night, as in SQLite (no Scrapy import).

Same tables, same answers as :mod:`scrapers.state.sqlite`, in the same order: text is compared
byte by byte (``COLLATE "C"``, as SQLite's ``BINARY``), and each look-up returns its rows in the
order SQLite's index walk gives them, so a night settles the same clusters and tells the same
evidence against either store.

The tables live in the first schema of the connection's ``search_path`` (``public`` unless the
URL says otherwise: ``?options=-csearch_path%3Djobsieve``). Their version is kept in
``jobsieve_schema``; a new database is built, and an older one brought up to date, by running the
steps of ``_MIGRATIONS`` in order, all in one transaction (PostgreSQL's DDL is transactional:
all the steps or none) under an advisory lock, so two processes opening the database at once
never both migrate it.

The connection is in autocommit: a read is its own statement and no transaction is left open
while a night crawls; ``commit_night`` writes everything in one explicit transaction.

Needs psycopg 3 (``pip install 'jobsieve[postgresql]'``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from scrapers.state import PostingState, redacted
from scrapers.state.rows import NIGHT_FIGURES_SQL, figures_by_night

_COLUMNS = [f.name for f in fields(PostingState)]
_SELECT = ", ".join(_COLUMNS)
# Versions are numbered as SQLite's are (scrapers/state/sqlite.py): version 4 is the same tables
# in both stores. Bumped whenever the tables change, with a step below.
SCHEMA_VERSION = 4
# Step n takes a database of version n to version n + 1. Version 0 is an empty schema: a new
# database runs every step.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    # Version 1: postings, their strong keys, the nights done.
    0: (
        """CREATE TABLE postings (
            id TEXT COLLATE "C" PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            source TEXT COLLATE "C" NOT NULL,
            url TEXT NOT NULL,
            original_url TEXT,
            first_seen TEXT COLLATE "C" NOT NULL,
            last_seen TEXT COLLATE "C" NOT NULL,
            last_changed TEXT COLLATE "C" NOT NULL,
            night TEXT COLLATE "C" NOT NULL,
            status TEXT NOT NULL,
            cluster TEXT COLLATE "C" NOT NULL,
            company TEXT COLLATE "C" NOT NULL,
            title TEXT NOT NULL,
            cities TEXT NOT NULL,
            countries TEXT NOT NULL,
            sketch BYTEA NOT NULL,
            keys TEXT NOT NULL,
            facets TEXT NOT NULL,
            valid_through TEXT COLLATE "C",
            expired TEXT COLLATE "C"
        )""",
        # A clustering block (one company) is one index range.
        "CREATE INDEX postings_company ON postings (company, id)",
        "CREATE INDEX postings_cluster ON postings (cluster, company, id)",
        "CREATE INDEX postings_night ON postings (source, night)",
        "CREATE INDEX postings_valid ON postings (source, valid_through) "
        "WHERE valid_through IS NOT NULL",
        'CREATE TABLE keys (key TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, '
        "PRIMARY KEY (key, id))",
        'CREATE TABLE nights (night TEXT COLLATE "C" PRIMARY KEY, '
        "committed_at TIMESTAMPTZ NOT NULL)",
    ),
    # Version 2: the board each posting was last seen on (expiry is per board).
    1: ('ALTER TABLE postings ADD COLUMN board TEXT COLLATE "C"',),
    # Version 3: the evidence each posting was matched into its cluster by.
    2: ("ALTER TABLE postings ADD COLUMN matched TEXT",),
    # Version 4: each night's figures per source (JSON text, as SQLite keeps it), for the health
    # monitors.
    3: (
        'CREATE TABLE night_figures (night TEXT COLLATE "C" NOT NULL, '
        'source TEXT COLLATE "C" NOT NULL, figures TEXT NOT NULL, PRIMARY KEY (night, source))',
    ),
}
# The advisory lock a migration holds (any number of jobsieve's own, fixed).
_MIGRATION_LOCK = 0x6A6F6273  # "jobs"
# Look-ups are chunked as SQLite's are, each chunk in index order: the same rows in the same
# order as the SQLite store returns them.
_CHUNK = 500
_UPSERT = (
    f"INSERT INTO postings ({_SELECT}) VALUES ({', '.join(['%s'] * len(_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{name} = EXCLUDED.{name}" for name in _COLUMNS if name != "id")
)


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


# Connection parameters the URL may set itself (libpq's names), else these.
_DEFAULTS = {"connect_timeout": 10, "application_name": "jobsieve"}


class PostgreSQLStore:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            given = conninfo_to_dict(url)
            defaults = {k: v for k, v in _DEFAULTS.items() if k not in given}
            self.db = psycopg.connect(url, autocommit=True, **defaults)
        except psycopg.Error as error:  # no server there, refused, a malformed URL
            raise ValueError(
                f"state {redacted(url)}: cannot connect to PostgreSQL: {_first_line(error)}"
            ) from None
        try:
            self._check_version()
        except BaseException:
            self.db.close()
            raise

    # --- schema ---------------------------------------------------------------------------------

    def schema_version(self) -> int | None:
        """The version the database says it has; None when it has no version table."""
        row = self.db.execute("SELECT to_regclass('jobsieve_schema')").fetchone()
        if row is None or row[0] is None:
            return None
        found = self.db.execute("SELECT max(version) FROM jobsieve_schema").fetchone()
        return int(found[0]) if found and found[0] is not None else 0

    def _check_version(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        try:
            # The lock first, then the transaction: one begun after the wait sees the tables
            # another process may have made meanwhile (and read again here).
            self.db.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
            try:
                with self.db.transaction():
                    self._migrate()
            finally:
                self.db.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
        except psycopg.Error as error:
            raise ValueError(
                f"state {redacted(self.url)}: cannot set up the tables: {_first_line(error)}"
            ) from None

    def _migrate(self) -> None:
        """Every step from the database's version to ``SCHEMA_VERSION``, in the caller's
        transaction: all of them, or none."""
        version = self.schema_version()
        if version is None:
            foreign = self.db.execute("SELECT to_regclass('postings')").fetchone()
            if foreign and foreign[0] is not None:
                raise ValueError(self._refusal(0))
            self.db.execute("CREATE TABLE jobsieve_schema (version INTEGER NOT NULL)")
            self.db.execute("INSERT INTO jobsieve_schema (version) VALUES (0)")
            version = 0
        if version not in _MIGRATIONS and version != SCHEMA_VERSION:
            raise ValueError(self._refusal(version))
        while version in _MIGRATIONS:
            for statement in _MIGRATIONS[version]:
                self.db.execute(statement)
            version += 1
            self.db.execute("UPDATE jobsieve_schema SET version = %s", (version,))

    def _refusal(self, version: int) -> str:
        return (
            f"state {redacted(self.url)} has schema version {version}, this jobsieve reads "
            f"version {SCHEMA_VERSION}: use another database or schema (a fresh state starts "
            "with every posting new)"
        )

    # --- reads ----------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[object] = ()) -> list[PostingState]:
        return [PostingState(*row) for row in self.db.execute(sql, tuple(params))]

    def _chunked(self, where: str, values: Iterable[str], order: str) -> list[PostingState]:
        values = list(dict.fromkeys(values))
        found: list[PostingState] = []
        for start in range(0, len(values), _CHUNK):
            found += self._rows(
                f"SELECT {_SELECT} FROM postings WHERE {where} = ANY(%s) ORDER BY {order}",
                (values[start : start + _CHUNK],),
            )
        return found

    def get(self, ids: Iterable[str]) -> dict[str, PostingState]:
        return {row.id: row for row in self._chunked("id", ids, "id")}

    def ids_for_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), _CHUNK):
            found.update(
                row[0]
                for row in self.db.execute(
                    "SELECT id FROM keys WHERE key = ANY(%s)", (keys[start : start + _CHUNK],)
                )
            )
        return found

    def by_company(self, company: str) -> list[PostingState]:
        return self._rows(
            f"SELECT {_SELECT} FROM postings WHERE company = %s AND expired IS NULL ORDER BY id",
            (company,),
        )

    def company_titles(self, company: str) -> list[tuple[str, str]]:
        return [
            (row[0], row[1])
            for row in self.db.execute(
                "SELECT id, title FROM postings WHERE company = %s AND expired IS NULL ORDER BY id",
                (company,),
            )
        ]

    def by_cluster(self, clusters: Iterable[str]) -> list[PostingState]:
        return self._chunked("cluster", clusters, "cluster, company, id")

    def stale(self, night: str, sources: Iterable[str], seen_before: str) -> list[PostingState]:
        sources = list(sources)
        live = "(expired IS NULL OR expired = %s) AND source = ANY(%s) AND night < %s"
        # Two indexed look-ups, not one OR that would scan every posting of the state.
        return self._rows(
            f"SELECT {_SELECT} FROM postings WHERE {live} AND night <= %s "
            f"UNION SELECT {_SELECT} FROM postings WHERE {live} AND valid_through < %s "
            "ORDER BY id",
            [night, sources, night, seen_before, night, sources, night, night],
        )

    def nights(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT night FROM nights ORDER BY night")]

    def night_figures(self, before: str, limit: int) -> list[tuple[str, dict[str, dict[str, Any]]]]:
        query = NIGHT_FIGURES_SQL.format(p="%s")
        return figures_by_night(self.db.execute(query, (before, limit)))

    def count(self) -> int:
        row = self.db.execute("SELECT count(*) FROM postings").fetchone()
        return int(row[0]) if row else 0

    # --- the night's one write ------------------------------------------------------------------

    def commit_night(
        self,
        night: str,
        postings: Iterable[PostingState],
        complete: bool = True,
        forget_later: bool = False,
        figures: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        rows = list(postings)
        with self.db.transaction(), self.db.cursor() as cursor:
            if rows:
                cursor.executemany(
                    _UPSERT, [tuple(getattr(row, name) for name in _COLUMNS) for row in rows]
                )
            keys = [(key, row.id) for row in rows for key in row.keys.split()]
            if keys:
                cursor.executemany(
                    "INSERT INTO keys (key, id) VALUES (%s, %s) ON CONFLICT DO NOTHING", keys
                )
            if complete:
                cursor.execute(
                    "INSERT INTO nights (night, committed_at) VALUES (%s, now()) "
                    "ON CONFLICT (night) DO UPDATE SET committed_at = EXCLUDED.committed_at",
                    (night,),
                )
            if figures is not None:
                # A rerun of the night replaces its figures, every source at once.
                cursor.execute("DELETE FROM night_figures WHERE night = %s", (night,))
                if figures:
                    cursor.executemany(
                        "INSERT INTO night_figures (night, source, figures) VALUES (%s, %s, %s)",
                        [
                            (night, source, json.dumps(data, sort_keys=True))
                            for source, data in sorted(figures.items())
                        ],
                    )
            if forget_later:
                cursor.execute("DELETE FROM nights WHERE night > %s", (night,))
                cursor.execute("DELETE FROM night_figures WHERE night > %s", (night,))

    def close(self) -> None:
        self.db.close()
