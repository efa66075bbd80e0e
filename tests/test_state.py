"""The persistent state: statuses across nights, clusters, expiry, in each store.

Every test taking ``store`` (or ``store_location``) runs twice: on SQLite and on the real
PostgreSQL server, each in a fresh database (tests/support/postgres.py), and must give the same
answers on both."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from dataclasses import dataclass, fields, replace
from itertools import combinations
from pathlib import Path

import psycopg
import pytest

from scrapers.clock import CrawlClock
from scrapers.dedup.ids import content_fingerprint
from scrapers.dedup.matching import same_job
from scrapers.dedup.signature import Signature
from scrapers.night.report import PostingFigures
from scrapers.state import PostingState, open_store, redacted, state_location
from scrapers.state import postgresql as pg_store
from scrapers.state import sqlite as sqlite_store
from scrapers.state.ledger import Expiry, NightLedger
from scrapers.state.postgresql import PostgreSQLStore
from scrapers.state.results import Sighting
from scrapers.state.sqlite import SQLiteStore
from tests.support.postgres import raw_state

BODY = " ".join(f"Point {i}: we ship reliable backend services for our buyers." for i in range(30))
LEVER = "https://jobs.lever.co/farfetch/4e661362-45c4-43d1-9df3-93c231cb78dc"


def _item(posting: str, source: str, **fields) -> dict:
    item = {
        "id": posting,
        "source": source,
        "url": f"https://{source}.example/{posting}",
        "original_url": None,
        "apply_url": None,
        "title": "Backend Engineer",
        "company": "Farfetch",
        "locations": [{"city": "Porto", "region": None, "country": "PT"}],
        "location_raw": "Porto",
        "description": BODY,
        "valid_through": None,
        **fields,
    }
    item["fingerprint"] = content_fingerprint(item["title"], item["company"], item["description"])
    return item


@dataclass
class Feeds:
    postings: list[dict]
    jobs: list[dict]
    delta: list[dict]
    expired: list[dict]
    rows: list


def _run(store, night: str, items: list[dict], sources=("lever", "nodegree"), boards=None) -> Feeds:
    """One night of ``items``; ``sources`` those crawled completely (or an ``Expiry``),
    ``boards`` the board each posting was read from ({id: board}), as crawlall knows them."""
    run = NightLedger(store, night, f"{night}T03:00:00Z", expire_after=3)
    for item in sorted(items, key=lambda i: i["id"]):
        sighting = Sighting.of(dict(item))
        sighting.board = (boards or {}).get(item["id"])
        run.see(sighting)
    result = run.finish(sources)
    store.commit_night(night, result.rows)
    # The night keeps no item: the feed lines are rebuilt from the items, as crawlall does (the
    # last item of an id counts).
    by_id = {item["id"]: dict(item) for item in items}
    postings = [result.posting(by_id[posting]) for posting in result.order]
    jobs = [result.job_line(job, by_id[job.head]) for job in result.jobs]
    delta = [line for line in jobs if line["status"] != "unchanged"]
    return Feeds(postings, jobs, delta, result.expired, result.rows)


@pytest.fixture
def store(store_location):
    """A fresh state in each store (SQLite, PostgreSQL)."""
    store = open_store(store_location)
    yield store
    store.close()


def test_open_store_accepts_paths_and_sqlite_urls(tmp_path):
    for location in (tmp_path / "a.db", f"sqlite:///{tmp_path}/b.db"):
        store = open_store(location)
        assert isinstance(store, SQLiteStore) and store.count() == 0
        store.close()
    assert (tmp_path / "b.db").exists()


def test_open_store_picks_postgresql_by_the_url_scheme(postgres_state):
    for location in (postgres_state, "postgres" + postgres_state.removeprefix("postgresql")):
        store = open_store(location)
        assert isinstance(store, PostgreSQLStore) and store.count() == 0
        assert store.schema_version() == pg_store.SCHEMA_VERSION
        store.close()


def test_open_store_refuses_other_databases():
    with pytest.raises(ValueError, match="no state store for 'mysql'"):
        open_store("mysql://db.example/jobsieve")


def test_an_unreachable_server_is_one_line_without_its_password():
    with pytest.raises(ValueError) as raised:
        open_store("postgresql://jobsieve:s3cret@127.0.0.1:1/jobsieve")
    message = str(raised.value)
    assert message.startswith(
        "state postgresql://jobsieve:***@127.0.0.1:1/jobsieve: cannot connect to PostgreSQL: "
    )
    assert "s3cret" not in message and "\n" not in message


def test_a_password_in_a_state_url_is_never_shown():
    assert redacted("postgresql://me:s3cret@db:5432/jobs?sslmode=require&password=x&a=b") == (
        "postgresql://me:***@db:5432/jobs?sslmode=require&password=***&a=b"
    )
    assert redacted("feeds/state.sqlite3") == "feeds/state.sqlite3"


def test_open_store_names_a_corrupt_file(tmp_path):
    bad = tmp_path / "state.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValueError, match="not a usable SQLite database"):
        open_store(bad)


def test_default_location_sits_in_the_feeds_folder():
    assert state_location(None, "feeds") == str(Path("feeds") / "state.sqlite3")
    assert state_location("/srv/state.db", "feeds") == "/srv/state.db"


def test_crawl_clock_is_frozen_by_crawl_time():
    clock = CrawlClock.from_settings({"JOBSIEVE_CRAWL_TIME": "2026-11-22T04:00:00+01:00"})
    assert clock.night_and_stamp() == ("2026-11-22", "2026-11-22T03:00:00Z")


def test_statuses_across_nights_keep_first_seen(store):
    first = _run(store, "2026-11-22", [_item("lever:a", "lever"), _item("lever:b", "lever")])
    assert {p["id"]: p["status"] for p in first.postings} == {"lever:a": "new", "lever:b": "new"}
    changed = _item("lever:b", "lever", description=BODY + " Now also Kotlin.")
    second = _run(store, "2026-11-23", [_item("lever:a", "lever"), changed])
    assert {p["id"]: (p["status"], p["first_seen"]) for p in second.postings} == {
        "lever:a": ("unchanged", "2026-11-22T03:00:00Z"),
        "lever:b": ("updated", "2026-11-22T03:00:00Z"),
    }
    assert [j["id"] for j in second.delta] == ["lever:b"]


def test_state_row_has_every_field_of_the_issue(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever")])
    row = store.get(["lever:a"])["lever:a"]
    assert (row.source, row.first_seen, row.last_seen, row.last_changed, row.status) == (
        "lever",
        "2026-11-22T03:00:00Z",
        "2026-11-22T03:00:00Z",
        "2026-11-22T03:00:00Z",
        "new",
    )
    assert row.cluster == "lever:a" and row.fingerprint and row.url


def test_rerun_of_a_committed_night_gives_the_same_answer(store):
    items = [_item("lever:a", "lever"), _item("nodegree:a", "nodegree")]
    once = _run(store, "2026-11-22", items)
    again = _run(store, "2026-11-22", items)
    assert once.postings == again.postings and once.jobs == again.jobs


def test_cross_source_copy_is_marked_duplicate_of_the_ats_record(store):
    result = _run(
        store,
        "2026-11-22",
        [_item("lever:a", "lever", url=LEVER), _item("nodegree:a", "nodegree", original_url=LEVER)],
    )
    marks = {p["id"]: p["duplicate_of"] for p in result.postings}
    assert marks == {"lever:a": None, "nodegree:a": "lever:a"}
    [job] = result.jobs
    assert (job["id"], [s["id"] for s in job["sources"]]) == ("lever:a", ["lever:a", "nodegree:a"])


def test_copy_seen_a_night_later_joins_the_stored_cluster(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever", url=LEVER)])
    later = _run(
        store,
        "2026-11-23",
        [_item("lever:a", "lever", url=LEVER), _item("nodegree:a", "nodegree", original_url=LEVER)],
    )
    assert {p["id"]: p["duplicate_of"] for p in later.postings}["nodegree:a"] == "lever:a"
    assert store.get(["nodegree:a"])["nodegree:a"].cluster == "lever:a"


def test_cluster_survives_a_night_where_only_the_copy_is_crawled(store):
    both = [_item("lever:a", "lever", url=LEVER), _item("nodegree:a", "nodegree")]
    _run(store, "2026-11-22", both)
    result = _run(store, "2026-11-23", [both[1]], sources=("nodegree",))
    assert result.postings[0]["duplicate_of"] == "lever:a"
    assert [s["id"] for s in result.jobs[0]["sources"]] == ["lever:a", "nodegree:a"]


def test_posting_not_seen_for_three_nights_expires(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever"), _item("lever:b", "lever")])
    two_nights = _run(store, "2026-11-24", [_item("lever:a", "lever")])
    assert two_nights.expired == []
    three = _run(store, "2026-11-25", [_item("lever:a", "lever")])
    assert [(e["id"], e["reason"], e["last_seen"]) for e in three.expired] == [
        ("lever:b", "not_seen", "2026-11-22T03:00:00Z")
    ]
    assert store.get(["lever:b"])["lever:b"].expired == "2026-11-25"


def test_posting_past_valid_through_expires_at_once(store):
    _run(store, "2026-11-22", [_item("lever:b", "lever", valid_through="2026-11-22")])
    result = _run(store, "2026-11-23", [])
    assert [(e["id"], e["reason"]) for e in result.expired] == [("lever:b", "valid_through")]


def test_expiry_only_for_sources_crawled_tonight(store):
    _run(store, "2026-11-22", [_item("lever:b", "lever")])
    assert _run(store, "2026-11-30", [], sources=("nodegree",)).expired == []


def test_expired_posting_that_comes_back_is_updated(store):
    _run(store, "2026-11-22", [_item("lever:b", "lever")])
    _run(store, "2026-11-26", [])
    back = _run(store, "2026-11-27", [_item("lever:b", "lever")])
    assert (back.postings[0]["status"], back.postings[0]["first_seen"]) == (
        "updated",
        "2026-11-22T03:00:00Z",
    )


def test_commit_is_all_or_nothing(store, store_location):
    _run(store, "2026-11-22", [_item("lever:a", "lever")])
    run = NightLedger(store, "2026-11-23", "2026-11-23T03:00:00Z")
    run.observe(_item("lever:z", "lever"))
    rows = run.finish(["lever"]).rows
    # A broken row at the end of the night's commit: nothing of the night may stay.
    good = list(rows)
    rows.append(replace(rows[0], id="lever:broken", fingerprint=None))
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
        store.commit_night("2026-11-23", rows, figures={"lever": {"postings": 2}})
    # Neither this connection nor another sees anything of the night.
    again = open_store(store_location)
    try:
        for seen in (store, again):
            assert seen.nights() == ["2026-11-22"] and "lever:z" not in seen.get(["lever:z"])
            assert seen.night_figures(before="2026-12-01", limit=7) == []
    finally:
        again.close()
    if isinstance(store, SQLiteStore):
        with closing(sqlite3.connect(store_location)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # The store is still usable: the night without its broken row commits.
    store.commit_night("2026-11-23", good)
    assert store.nights() == ["2026-11-22", "2026-11-23"] and store.get(["lever:z"])


# --- expiry per board --------------------------------------------------------------------------


def _expiry(incomplete=None, held=(), sources=("lever", "nodegree")) -> Expiry:
    return Expiry(
        frozenset(sources),
        {source: frozenset(boards) for source, boards in (incomplete or {}).items()},
        frozenset(held),
    )


def test_a_posting_of_a_board_read_incompletely_does_not_expire_nor_move(store):
    boards = {"lever:a": "acme", "lever:b": "globex"}
    _run(store, "2026-11-22", [_item("lever:a", "lever"), _item("lever:b", "lever")], boards=boards)
    # Four nights later neither is listed; globex was not read completely that night.
    result = _run(store, "2026-11-26", [], sources=_expiry({"lever": {"globex"}}))
    assert [e["id"] for e in result.expired] == ["lever:a"]
    row = store.get(["lever:b"])["lever:b"]
    assert (row.expired, row.last_seen, row.board) == (None, "2026-11-22T03:00:00Z", "globex")


def test_a_held_posting_does_not_expire_while_its_board_does(store):
    boards = {"lever:a": "acme", "lever:b": "acme"}
    _run(store, "2026-11-22", [_item("lever:a", "lever"), _item("lever:b", "lever")], boards=boards)
    result = _run(store, "2026-11-26", [], sources=_expiry(held={"lever:b"}))
    assert [e["id"] for e in result.expired] == ["lever:a"]
    assert store.get(["lever:b"])["lever:b"].expired is None


def test_a_posting_stored_without_a_board_expires_only_with_its_whole_source(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever")])  # no board known (older state)
    assert _run(store, "2026-11-26", [], sources=_expiry({"lever": {"globex"}})).expired == []
    result = _run(store, "2026-11-27", [], sources=_expiry())
    assert [e["id"] for e in result.expired] == ["lever:a"]


def test_a_night_that_does_not_know_the_board_keeps_the_stored_one(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever")], boards={"lever:a": "acme"})
    _run(store, "2026-11-23", [_item("lever:a", "lever")])  # `scrapy crawl`: no board
    assert store.get(["lever:a"])["lever:a"].board == "acme"


def _schema_version(store) -> int:
    return (
        store.schema_version()
        if isinstance(store, PostgreSQLStore)
        else store.db.execute("PRAGMA user_version").fetchone()[0]
    )


def test_a_state_of_version_1_is_migrated_with_no_board(store_location):
    store = open_store(store_location)
    _run(store, "2026-11-22", [_item("lever:a", "lever")], boards={"lever:a": "acme"})
    store.close()
    with raw_state(store_location) as raw:  # the state as version 1 wrote it
        raw.execute("DROP TABLE night_figures")
        raw.execute("ALTER TABLE postings DROP COLUMN matched")
        raw.execute("ALTER TABLE postings DROP COLUMN board")
        raw.set_version(1)
    store = open_store(store_location)
    try:
        row = store.get(["lever:a"])["lever:a"]
        assert (row.board, row.matched, row.first_seen, _schema_version(store)) == (
            None,
            None,
            "2026-11-22T03:00:00Z",
            4,
        )
    finally:
        store.close()
    assert sqlite_store.SCHEMA_VERSION == pg_store.SCHEMA_VERSION == 4


def test_a_state_of_version_2_is_migrated_and_matches_again(store_location):
    """A state written before the evidence was kept: its clusters stand, and a copy seen on a
    later night is matched and says why."""
    store = open_store(store_location)
    _run(store, "2026-11-22", [_item("lever:a", "lever")])
    store.close()
    with raw_state(store_location) as raw:  # the state as version 2 wrote it
        raw.execute("DROP TABLE night_figures")
        raw.execute("ALTER TABLE postings DROP COLUMN matched")
        raw.set_version(2)
    store = open_store(store_location)
    try:
        later = _run(
            store, "2026-11-23", [_item("lever:a", "lever"), _item("nodegree:a", "nodegree")]
        )
        [job] = later.jobs
        assert [(s["id"], s["matched"]) for s in job["sources"]] == [
            ("lever:a", None),
            ("nodegree:a", "lever:a: company, title, place, body 1.00"),
        ]
    finally:
        store.close()


def test_a_postgresql_state_is_built_by_every_migration_step(postgres_state):
    """A new PostgreSQL database runs each step from version 0, in order, in one transaction:
    the tables are those the last step leaves, and opening it again changes nothing."""
    assert sorted(pg_store._MIGRATIONS) == list(range(pg_store.SCHEMA_VERSION))
    open_store(postgres_state).close()
    with raw_state(postgres_state) as raw:
        tables = {
            row[0]
            for row in raw.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
        columns = [
            row[0]
            for row in raw.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = 'postings' ORDER BY ordinal_position"
            )
        ]
        assert (raw.version(), tables) == (
            4,
            {"jobsieve_schema", "postings", "keys", "nights", "night_figures"},
        )
    assert columns == [f.name for f in fields(PostingState)]
    open_store(postgres_state).close()


def test_two_processes_opening_a_new_postgresql_state_at_once_migrate_it_once(postgres_state):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: open_store(postgres_state), range(4)))
    for store in stores:
        assert store.schema_version() == pg_store.SCHEMA_VERSION
        store.close()
    with raw_state(postgres_state) as raw:
        assert raw.execute("SELECT count(*) FROM jobsieve_schema") == [(1,)]


def test_state_of_another_schema_version_is_refused(store_location):
    if store_location.startswith("postgresql:"):
        with raw_state(store_location) as raw:  # tables no jobsieve wrote
            raw.execute("CREATE TABLE postings (id TEXT PRIMARY KEY)")
    else:
        with closing(sqlite3.connect(store_location)) as db:
            db.execute("CREATE TABLE postings (id TEXT PRIMARY KEY)")
            db.commit()
    with pytest.raises(ValueError, match="schema version 0"):
        open_store(store_location)


def test_a_state_of_a_newer_version_is_refused(store_location):
    open_store(store_location).close()
    with raw_state(store_location) as raw:
        raw.set_version(5)
    with pytest.raises(ValueError, match="has schema version 5, this jobsieve reads version 4"):
        open_store(store_location)
    with raw_state(store_location) as raw:  # untouched
        assert raw.version() == 5


# --- a big company: clusters exactly those of all pairs compared ----------------------------------

ROLES = ["Backend Engineer", "Data Engineer", "Engineer", "Backend Engineer, Payments", "Manager"]
LEVELS = ["", "Senior ", "Sr. ", "Junior ", "Lead ", "Head of "]
BOARDS = ["lever", "greenhouse", "nodegree", "teal"]
WORDS = ["build", "ship", "run", "design", "review", "data", "platform", "payments", "search"]


def _big_company(count: int) -> list[dict]:
    items = []
    for number in range(count):
        # Every third posting is a copy of the one two before (its title, city and a cut of its
        # body) on another board; some others name an original's ATS link: clusters of 2 and 3.
        original = number - 2 if number % 3 == 2 else number
        rng = random.Random(original)
        body = "\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14))) for _ in range(6)
        )
        linked = number - 1 if number % 3 == 1 and number % 5 == 0 else original
        source = BOARDS[number % len(BOARDS)]
        title = rng.choice(LEVELS) + rng.choice(ROLES)
        # A copy's title may hold more words or fewer, and be seen before its original or after.
        if original != number and number % 4 in (1, 2):
            title += " (Remote)"
        elif original != number:
            title = title.removesuffix(", Payments")
        item = _item(
            f"{source}:{number:04d}",
            source,
            title=title,
            locations=[{"city": rng.choice(["Porto", "Lisbon"]), "region": None, "country": "PT"}],
            description=body if original == number else body[: len(body) * 2 // 3],
            original_url=f"{LEVER[:-4]}{linked:04d}" if number % 3 != 2 else None,
        )
        items.append(item)
    return items


def _all_pairs_clusters(items: list[dict]) -> set[frozenset[str]]:
    sigs = [Signature.of(item) for item in items]
    parent = {sig.id: sig.id for sig in sigs}

    def root(node: str) -> str:
        while parent[node] != node:
            node = parent[node]
        return node

    for a, b in combinations(sigs, 2):
        if same_job(a, b):
            parent[root(a.id)] = root(b.id)
    groups: dict[str, set[str]] = {}
    for posting in parent:
        groups.setdefault(root(posting), set()).add(posting)
    return {frozenset(group) for group in groups.values()}


def test_big_company_is_clustered_as_comparing_all_pairs(store):
    items = _big_company(300)
    result = _run(store, "2026-11-22", items, sources=BOARDS)
    clusters = {frozenset(s["id"] for s in job["sources"]) for job in result.jobs}
    expected = _all_pairs_clusters(items)
    assert sum(len(c) > 1 for c in expected) > 40 and max(map(len, expected)) > 2
    assert clusters == expected
    # Each copy points at its cluster's canonical, as a job line names it.
    canonical_of = {s["id"]: job["id"] for job in result.jobs for s in job["sources"]}
    assert all(
        p["duplicate_of"] == (None if canonical_of[p["id"]] == p["id"] else canonical_of[p["id"]])
        for p in result.postings
    )


def test_stored_posting_retitled_tonight_meets_copies_of_its_new_title(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever", title="Backend Engineer")])
    retitled = _item("lever:a", "lever", title="Data Engineer")
    copy = _item("nodegree:b", "nodegree", title="Data Engineer")
    result = _run(store, "2026-11-23", [retitled, copy])
    assert {p["id"]: p["duplicate_of"] for p in result.postings} == {
        "lever:a": None,
        "nodegree:b": "lever:a",
    }


def test_copy_of_a_stored_posting_not_crawled_tonight_is_found_by_its_title(store):
    _run(store, "2026-11-22", [_item("lever:a", "lever", title="Senior Backend Engineer")])
    copy = _item("nodegree:b", "nodegree", title="Sr. Backend Engineer (m/f/d)")
    result = _run(store, "2026-11-23", [copy], sources=("nodegree",))
    assert result.postings[0]["duplicate_of"] == "lever:a"
    assert [s["id"] for s in result.jobs[0]["sources"]] == ["lever:a", "nodegree:b"]


def test_report_figures_are_counted_per_source_one_posting_at_a_time():
    # crawlall counts per-source figures as it writes each posting, keeping none of them.
    postings = [
        {"source": "lever", "status": "new", "language": "fr", "skills": ["python"]},
        {"source": "ashby", "status": "unchanged", "duplicate_of": "lever:a", "skills": []},
        {"source": "lever", "status": "updated", "language": None, "company": "Acme"},
    ]
    counted = PostingFigures()
    for posting in postings:
        counted.add(posting)
    figures = counted.figures()
    assert list(figures) == ["ashby", "lever"]
    counts = ("new", "updated", "unchanged", "duplicate_postings")
    assert {k: figures["lever"][k] for k in counts} == {
        "new": 1, "updated": 1, "unchanged": 0, "duplicate_postings": 0,
    }  # fmt: skip
    assert figures["ashby"]["duplicate_postings"] == 1
    assert figures["lever"]["languages"] == {"fr": 1, "unknown": 1}
    assert (
        figures["lever"]["field_coverage"]["skills"],
        figures["ashby"]["field_coverage"]["skills"],
    ) == (
        0.5,
        0.0,
    )
