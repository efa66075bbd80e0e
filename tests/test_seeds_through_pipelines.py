"""The three seed captures, given as `description`, through every pipeline as Scrapy chains them.

Each capture is the visible text of a real job page, site chrome included; the item's other
fields are what each board's spider extracts from that page (tests/fixtures/seeds/seeds.toml).
The pipelines must turn the capture itself into the clean body and the values the page states
(relative ages resolved at the seeds' clock), the chrome kept aside under `boilerplate`.
"""

from __future__ import annotations

import pytest

from tests.support.inprocess import CRAWL_TIME
from tests.support.pipelines import pipeline_crawler, through_pipelines
from tests.support.seeds import load_seeds

SEEDS = load_seeds()


@pytest.fixture(scope="module")
def items() -> dict[str, dict]:
    return {
        source: through_pipelines(
            {"source": source, "description": seed.text(), "crawled_at": CRAWL_TIME}
            | seed.extracted,
            pipeline_crawler("seed"),
        )
        for source, seed in SEEDS.items()
    }


@pytest.mark.parametrize(
    ("source", "field", "expected"),
    [(source, f, v) for source, seed in SEEDS.items() for f, v in seed.item.items()],
)
def test_seed_field(items, source, field, expected):
    assert items[source][field] == expected


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_boilerplate_removed(items, source):
    removed = [(b["category"], b["text"]) for b in items[source]["boilerplate"]]
    assert [line for line in SEEDS[source].removed if line not in removed] == []


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_body_is_the_employer_text(items, source):
    body, expected = items[source]["description"], SEEDS[source].body
    assert (body.startswith(expected["start"]), body.endswith(expected["end"])) == (True, True)
