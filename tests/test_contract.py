"""The item contract's JSON Schema, and that the item class and schema agree."""

from __future__ import annotations

import copy
from dataclasses import asdict

import pytest
from jsonschema import Draft202012Validator

from scrapers.contract import load_schema, validate_posting
from scrapers.items import FIELD_NAMES, JobPosting

VALID = asdict(
    JobPosting(
        url="https://job-boards.greenhouse.io/mercari/jobs/8519643002",
        source="greenhouse",
        source_id="8519643002",
        title="Sr. Software Engineer, Backend",
        company="Mercari",
        location_raw="Hybrid-Palo Alto, CA",
        crawled_at="2026-11-22T03:00:00Z",
        id="greenhouse:8519643002",
        locations=[{"city": "Palo Alto", "region": "CA", "country": "US"}],
        remote="hybrid",
        salary={"min": 168000, "max": 252000, "currency": "USD", "period": "year"},
        date_posted="2026-11-20",
        description="About The Position\n\nMercari is Your Marketplace.",
        boilerplate=[{"category": "eeo", "text": "Mercari is an equal opportunity employer."}],
        language="en",
        language_confidence=0.99,
    )
)


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_requires_every_item_field():
    assert sorted(load_schema()["required"]) == sorted(FIELD_NAMES)


def test_schema_knows_every_item_field():
    assert sorted(load_schema()["properties"]) == sorted(FIELD_NAMES)


def test_valid_item_has_no_errors():
    assert validate_posting(VALID) == []


def _broken(**changes):
    item = copy.deepcopy(VALID)
    item.update(changes)
    return item


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"company": ""}, "company"),
        ({"title": " padded "}, "title"),
        ({"url": "not a url"}, "url"),
        ({"url": "https://example.com/jobs/1#apply"}, "url"),
        ({"remote": "sometimes"}, "remote"),
        ({"employment_type": "Full-time"}, "employment_type"),
        ({"date_posted": "2 weeks ago"}, "date_posted"),
        ({"date_posted": "2026-02-30"}, "date_posted"),
        ({"crawled_at": "2026-11-22 03:00"}, "crawled_at"),
        ({"locations": [{"city": "Porto", "region": None, "country": "Portugal"}]}, "locations"),
        ({"salary": {"min": None, "max": None, "currency": "USD", "period": "year"}}, "salary"),
        ({"salary": {"min": 1, "max": 2, "currency": "dollars", "period": "year"}}, "salary"),
        ({"boilerplate": [{"category": "spam", "text": "x"}]}, "boilerplate"),
        ({"language": "english"}, "language"),
        ({"language_confidence": 1.5}, "language_confidence"),
        ({"id": "8519643002"}, "id"),
        ({"status": "seen"}, "status"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_contract_breaks_are_reported_on_their_field(changes, field):
    assert field in {e.field for e in validate_posting(_broken(**changes))}


def test_missing_field_is_reported_by_name():
    item = copy.deepcopy(VALID)
    del item["source"]
    assert [e.field for e in validate_posting(item)] == ["source"]
