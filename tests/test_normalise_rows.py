"""The normalisation rows (evaluation/normalise/rows/): every file says what the format asks and
every row runs through the pipelines, so the evaluation scores the normaliser, not a bad file;
and the scorer compares places as places."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.normalise.score import ROWS_DIR, Row, RowError, load_rows, normalised, right

ROW_FILES = sorted(ROWS_DIR.glob("**/*.toml"))


@pytest.mark.parametrize("path", ROW_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_row_runs(path: Path, tmp_path: Path) -> None:
    (tmp_path / path.name).write_bytes(path.read_bytes())
    rows = load_rows(tmp_path)
    assert rows  # every file holds rows, and each reads and runs
    for row in rows:
        normalised(row.posting)


def _row(field: str, expect: object) -> Row:
    return Row("x.toml", 1, "tuning", field, "en", "GB", {}, expect, "")


def test_a_city_is_right_in_any_spelling_and_a_region_by_name_or_code() -> None:
    munich = [{"city": "Munich", "region": "", "country": "DE"}]
    assert right(_row("location", munich), {"locations": [{"city": "München", "country": "DE"}]})
    assert not right(_row("location", munich), {"locations": [{"city": "München"}]})
    zug = [{"city": "Baar", "region": "ZG", "country": "CH"}]
    assert right(
        _row("location", zug), {"locations": [{"city": "Baar", "region": "Zug", "country": "CH"}]}
    )
    assert not right(_row("location", zug), {"locations": [{"city": "Baar", "country": "CH"}]})


def test_pay_is_right_only_with_its_currency_and_period() -> None:
    pay = {"min": 4500, "max": 6000, "currency": "BRL", "period": "month"}
    assert right(_row("salary", pay), {"salary": {**pay, "min": 4500.0}})
    assert not right(_row("salary", pay), {"salary": {**pay, "period": None}})
    assert right(_row("salary", None), {"salary": None})


def test_a_bad_row_is_named(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text('[[row]]\nfield = "pay"\nexpect = ""\n', encoding="utf-8")
    with pytest.raises(RowError, match=r"x.toml#1: field 'pay'"):
        load_rows(tmp_path)


def test_every_known_place_of_the_tuning_rows_has_its_country() -> None:
    """The issue's promise: a location naming a city or region the gazetteer or ISO 3166-2 knows
    always gets a country (checked on the tuning rows; held-out rows are never printed)."""
    from scrapers.gazetteer import city_ids
    from scrapers.normalise.countries import region_of
    from scrapers.normalise.location import parse_locations

    raws = {
        r.posting["location_raw"]
        for r in load_rows()
        if not r.held_out and r.posting.get("location_raw")
    }
    countryless = [
        (raw, place)
        for raw in sorted(raws)
        for place in parse_locations(raw)
        if place["country"] is None
        and (
            (place["city"] and city_ids(place["city"]))
            or (place["region"] and region_of(place["region"]))
        )
    ]
    assert countryless == []
