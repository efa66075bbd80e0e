"""The three seed jobs, the product's first acceptance cases, as the shipped night crawls them
from the shipped world through every pipeline.

Each seed is a real job page captured as a browser renders it; what each page states is in
tests/fixtures/seeds/seeds.toml: facts about the pages, not outputs of the code. The night reads
what the page states, what its spider reads besides (Teal's embedded state, WTTJ's job API) and
makes of them what the pipelines make.
"""

from __future__ import annotations

import pytest

from tests.support.inprocess import CRAWL_TIME
from tests.support.seeds import load_seeds

SEEDS = load_seeds()


def _night_fields(source: str) -> dict:
    seed = SEEDS[source]
    identity = {"id": seed.id, "source": source, "source_id": seed.source_id}
    return identity | seed.page | seed.state | seed.api | seed.item | {"crawled_at": CRAWL_TIME}


@pytest.fixture(scope="module")
def seeds(shipped_night) -> dict[str, dict]:
    return {
        source: next(line for line in shipped_night.postings(source) if line["id"] == seed.id)
        for source, seed in SEEDS.items()
    }


@pytest.mark.parametrize(
    ("source", "field", "expected"),
    [(source, f, v) for source in SEEDS for f, v in _night_fields(source).items()],
)
def test_seed_field(seeds, source, field, expected):
    assert seeds[source][field] == expected


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_body_keeps_the_employer_text(seeds, source):
    body, expected = seeds[source]["description"], SEEDS[source].body
    lines = body.splitlines()
    assert (
        body.startswith(expected["start"]),
        [h for h in expected["headings"] if h not in lines],
        body.endswith(expected["end"]),
    ) == (
        True,
        [],
        True,
    )


def test_nodegree_eeo_and_scam_sections_stripped(seeds):
    assert {"eeo", "scam_disclaimer"} <= {b["category"] for b in seeds["nodegree"]["boilerplate"]}


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_is_the_same_job_as_its_ats_postings(shipped_night, seeds, source):
    seed, postings = seeds[source], SEEDS[source].ats_postings
    canonical = seed["duplicate_of"] or seed["id"]
    same = [
        (line["source"], line["url"])
        for line in shipped_night.postings()
        if canonical in (line["id"], line["duplicate_of"]) and line["id"] != seed["id"]
    ]
    # Each URL cut to the length of the start expected of it.
    starts = sorted((s, url[: len(postings.get(s, url))]) for s, url in same)
    assert (starts, seed["original_url"] in dict(same).values()) == (
        sorted(postings.items()),
        True,
    )


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_skills(seeds, source):
    assert SEEDS[source].skills <= set(seeds[source]["skills"])
