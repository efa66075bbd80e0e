"""The persistent state: the SQLite store, statuses across nights, clusters, expiry."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from scrapers.ids import content_fingerprint
from scrapers.state import night_clock, open_store, state_location
from scrapers.state.night import Night
from scrapers.state.sqlite import SQLiteStore

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


def _run(store, night: str, items: list[dict], sources=("lever", "nodegree")):
    run = Night(store, night, f"{night}T03:00:00Z", expire_after=3)
    for item in sorted(items, key=lambda i: i["id"]):
        run.observe(dict(item))
    result = run.finish(sources)
    store.commit_night(night, result.rows)
    return result


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "state.sqlite3")
    yield store
    store.close()


def test_open_store_accepts_paths_and_sqlite_urls(tmp_path):
    for location in (tmp_path / "a.db", f"sqlite:///{tmp_path}/b.db"):
        store = open_store(location)
        assert isinstance(store, SQLiteStore) and store.count() == 0
        store.close()
    assert (tmp_path / "b.db").exists()


def test_open_store_refuses_other_databases():
    with pytest.raises(ValueError, match="no state store for 'postgresql'"):
        open_store("postgresql://db.example/jobsieve")


def test_open_store_names_a_corrupt_file(tmp_path):
    bad = tmp_path / "state.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValueError, match="not a usable SQLite database"):
        open_store(bad)


def test_default_location_sits_in_the_feeds_folder():
    assert state_location(None, "feeds") == str(Path("feeds") / "state.sqlite3")
    assert state_location("/srv/state.db", "feeds") == "/srv/state.db"


def test_night_clock_is_frozen_by_crawl_time():
    assert night_clock("2026-11-22T03:00:00Z") == ("2026-11-22", "2026-11-22T03:00:00Z")


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


def test_commit_is_all_or_nothing(store, tmp_path):
    _run(store, "2026-11-22", [_item("lever:a", "lever")])
    run = Night(store, "2026-11-23", "2026-11-23T03:00:00Z")
    run.observe(_item("lever:z", "lever"))
    rows = run.finish(["lever"]).rows
    # A broken row at the end of the night's commit: nothing of the night may stay.
    rows.append(replace(rows[0], id="lever:broken", fingerprint=None))
    with pytest.raises(sqlite3.IntegrityError):
        store.commit_night("2026-11-23", rows)
    assert store.nights() == ["2026-11-22"] and "lever:z" not in store.get(["lever:z"])
    raw = sqlite3.connect(tmp_path / "state.sqlite3")
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_state_of_another_schema_version_is_refused(tmp_path):
    path = tmp_path / "state.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE postings (id TEXT PRIMARY KEY)")
        db.commit()
    with pytest.raises(ValueError, match="schema version 0"):
        open_store(path)
