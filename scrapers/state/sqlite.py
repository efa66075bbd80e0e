"""The state in one SQLite file: WAL journal, one transaction per night (no Scrapy import)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from scrapers.state import PostingState
from scrapers.state.rows import NIGHT_FIGURES_SQL, figures_by_night

_COLUMNS = [f.name for f in fields(PostingState)]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS postings (
    id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    original_url TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    last_changed TEXT NOT NULL,
    night TEXT NOT NULL,
    status TEXT NOT NULL,
    cluster TEXT NOT NULL,
    company TEXT NOT NULL,
    title TEXT NOT NULL,
    cities TEXT NOT NULL,
    countries TEXT NOT NULL,
    sketch BLOB NOT NULL,
    keys TEXT NOT NULL,
    facets TEXT NOT NULL,
    valid_through TEXT,
    expired TEXT,
    board TEXT,
    matched TEXT,
    -- Stored by company: a clustering block is one contiguous read, not one seek per posting.
    PRIMARY KEY (company, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS postings_id ON postings (id);
CREATE INDEX IF NOT EXISTS postings_cluster ON postings (cluster);
CREATE INDEX IF NOT EXISTS postings_night ON postings (source, night);
CREATE INDEX IF NOT EXISTS postings_valid ON postings (source, valid_through)
    WHERE valid_through IS NOT NULL;
CREATE TABLE IF NOT EXISTS keys (key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nights (night TEXT PRIMARY KEY, committed_at TEXT NOT NULL);
-- Each night's figures per source (JSON, boards inside), committed with the night: what the
-- health monitors compare tonight with (scrapers/health/).
CREATE TABLE IF NOT EXISTS night_figures (
    night TEXT NOT NULL,
    source TEXT NOT NULL,
    figures TEXT NOT NULL,
    PRIMARY KEY (night, source)
) WITHOUT ROWID;
"""
# Bumped whenever the tables change: an older file is migrated when a step below knows how,
# else refused with a clear message, not misread.
SCHEMA_VERSION = 4
# Each step takes a file of its version to the next, in one transaction.
_MIGRATIONS = {
    # Version 2: the board each posting was last seen on (expiry is per board).
    1: "ALTER TABLE postings ADD COLUMN board TEXT",
    # Version 3: the evidence each posting was matched into its cluster by.
    2: "ALTER TABLE postings ADD COLUMN matched TEXT",
    # Version 4: each night's figures per source, for the health monitors.
    3: "CREATE TABLE IF NOT EXISTS night_figures (night TEXT NOT NULL, source TEXT NOT NULL, "
    "figures TEXT NOT NULL, PRIMARY KEY (night, source)) WITHOUT ROWID",
}
# SQLite caps bound parameters per statement; look-ups are chunked below it.
_CHUNK = 500


class SQLiteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed night survives a power cut, not only a killed process.
            self.db.execute("PRAGMA synchronous=FULL")
            self._check_version()
            # Tables and version in one transaction: a process opening the file meanwhile sees
            # neither or both, never tables of "version 0".
            self.db.executescript(
                f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;"
            )
        except sqlite3.DatabaseError as error:
            raise ValueError(f"state {path} is not a usable SQLite database: {error}") from error

    def _check_version(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and version in _MIGRATIONS:
            self._migrate(version)
            return
        if tables and version != SCHEMA_VERSION:
            self.db.close()
            raise ValueError(
                f"state {self.path} has schema version {version}, this jobsieve reads version "
                f"{SCHEMA_VERSION}: move it aside (a fresh state starts with every posting new)"
            )

    def _migrate(self, version: int) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            while version in _MIGRATIONS:
                self.db.execute(_MIGRATIONS[version])
                version += 1
                self.db.execute(f"PRAGMA user_version={version}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _rows(self, sql: str, params: Iterable[object] = ()) -> list[PostingState]:
        cursor = self.db.execute(sql, tuple(params))
        return [PostingState(*row) for row in cursor]

    def _chunked(self, where: str, values: Iterable[str]) -> list[PostingState]:
        values = list(dict.fromkeys(values))
        found: list[PostingState] = []
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found += self._rows(
                f"SELECT {','.join(_COLUMNS)} FROM postings WHERE {where} IN ({marks})", chunk
            )
        return found

    def get(self, ids: Iterable[str]) -> dict[str, PostingState]:
        return {row.id: row for row in self._chunked("id", ids)}

    def ids_for_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0]
                for row in self.db.execute(f"SELECT id FROM keys WHERE key IN ({marks})", chunk)
            )
        return found

    def by_company(self, company: str) -> list[PostingState]:
        return self._rows(
            f"SELECT {','.join(_COLUMNS)} FROM postings WHERE company = ? AND expired IS NULL",
            (company,),
        )

    def company_titles(self, company: str) -> list[tuple[str, str]]:
        return list(
            self.db.execute(
                "SELECT id, title FROM postings WHERE company = ? AND expired IS NULL", (company,)
            )
        )

    def by_cluster(self, clusters: Iterable[str]) -> list[PostingState]:
        return self._chunked("cluster", clusters)

    def stale(self, night: str, sources: Iterable[str], seen_before: str) -> list[PostingState]:
        sources = list(sources)
        marks = ",".join("?" * len(sources))
        live = f"(expired IS NULL OR expired = ?) AND source IN ({marks}) AND night < ?"
        columns = ",".join(_COLUMNS)
        # Two indexed look-ups, not one OR that would scan every posting of the state.
        return self._rows(
            f"SELECT {columns} FROM postings WHERE {live} AND night <= ? "
            f"UNION SELECT {columns} FROM postings WHERE {live} AND valid_through < ?",
            [night, *sources, night, seen_before, night, *sources, night, night],
        )

    def commit_night(
        self,
        night: str,
        postings: Iterable[PostingState],
        complete: bool = True,
        forget_later: bool = False,
        figures: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        marks = ",".join("?" * len(_COLUMNS))
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for posting in postings:
                self.db.execute(
                    f"INSERT OR REPLACE INTO postings ({','.join(_COLUMNS)}) VALUES ({marks})",
                    tuple(getattr(posting, name) for name in _COLUMNS),
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO keys (key, id) VALUES (?, ?)",
                    [(key, posting.id) for key in posting.keys.split()],
                )
            if complete:
                self.db.execute(
                    "INSERT OR REPLACE INTO nights (night, committed_at) "
                    "VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    (night,),
                )
            if figures is not None:
                # A rerun of the night replaces its figures, every source at once.
                self.db.execute("DELETE FROM night_figures WHERE night = ?", (night,))
                self.db.executemany(
                    "INSERT INTO night_figures (night, source, figures) VALUES (?, ?, ?)",
                    [
                        (night, source, json.dumps(data, sort_keys=True))
                        for source, data in sorted(figures.items())
                    ],
                )
            if forget_later:
                self.db.execute("DELETE FROM nights WHERE night > ?", (night,))
                self.db.execute("DELETE FROM night_figures WHERE night > ?", (night,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def nights(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT night FROM nights ORDER BY night")]

    def night_figures(self, before: str, limit: int) -> list[tuple[str, dict[str, dict[str, Any]]]]:
        query = NIGHT_FIGURES_SQL.format(p="?")
        return figures_by_night(self.db.execute(query, (before, limit)))

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM postings").fetchone()[0])

    def close(self) -> None:
        self.db.close()
