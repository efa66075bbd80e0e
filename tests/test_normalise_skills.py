"""Skills from the shipped taxonomy, and the late pipeline that reads the clean body."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from pipelines.normalise import NormalisePipeline
from scrapers.normalise.skills import TaxonomyError, build_taxonomy, extract_skills, load_taxonomy
from tests.support.inprocess import CRAWL_TIME
from tests.support.pipelines import pipeline_crawler, through_pipelines
from tests.support.seeds import load_seeds

# The seed pages, with the skills each names (the product's first acceptance cases).
SEEDS = load_seeds()


@pytest.fixture(scope="module")
def seed_items() -> dict[str, dict[str, Any]]:
    return {
        source: through_pipelines(
            {
                "url": f"https://example.org/{seed.capture.name}",
                "source": "seed",
                "title": seed.page["title"],
                "description": seed.text(),
                "crawled_at": CRAWL_TIME,
            }
        )
        for source, seed in SEEDS.items()
    }


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_skills_through_the_pipelines(seed_items: dict, source: str) -> None:
    assert SEEDS[source].skills <= set(seed_items[source]["skills"])


def test_seed_skills_are_canonical_and_unique(seed_items: dict) -> None:
    names = load_taxonomy().names
    for item in seed_items.values():
        assert len(item["skills"]) == len(set(item["skills"]))
        assert set(item["skills"]) <= names


def test_english_go_in_the_teal_seed_is_not_counted_twice(seed_items: dict) -> None:
    # "rewards that go beyond the paycheck" is English; "Go, PHP" is the language.
    skills = seed_items["teal"]["skills"]
    assert skills.count("Go") == 1


def test_the_taxonomy_has_at_least_300_skills() -> None:
    assert len(load_taxonomy().names) >= 300


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tokens with symbols: the right word boundaries
        ("Master the Stack: .NET (C#), PostgreSQL", [".NET", "C#", "PostgreSQL"]),
        ("a strong command of.NET (C#)", [".NET", "C#"]),
        ("C/C++ and embedded Linux", ["C", "C++", "Linux"]),
        ("Node.js and NodeJS", ["Node.js"]),
        ("ASP.NET Core and VB.NET", ["ASP.NET", "Visual Basic"]),
        ("F# or C#", ["F#", "C#"]),
        ("JavaScript, not Java", ["JavaScript", "Java"]),
        ("TypeScript/React", ["TypeScript", "React"]),
        # aliases
        ("dotnet and Golang", [".NET", "Go"]),
        ("Postgres on K8s", ["PostgreSQL", "Kubernetes"]),
        ("Kubernetes (GKE)", ["Kubernetes", "GKE"]),
        ("Argo CD and Circle CI", ["ArgoCD", "CircleCI"]),
        ("Azure Service Bus on Microsoft Azure", ["Azure Service Bus", "Azure"]),
        ("CI/CD (Bitbucket Pipelines)", ["CI/CD", "Bitbucket Pipelines"]),
        ("Hangfire jobs and RabbitMQ", ["Hangfire", "RabbitMQ"]),
        ("Python - FastAPI framework", ["Python", "FastAPI"]),
        ("hosted on GitHub", ["GitHub"]),
        ("Azure\nService   Bus", ["Azure Service Bus"]),
        # case rules for English words
        ("We go to market fast. Let it go.", []),
        ("Go to the office twice a week", []),
        ("Go-live next month", []),
        ("Expert knowledge of Go and PHP", ["Go", "PHP"]),
        ("Go, Rust and Python", ["Go", "Rust", "Python"]),
        ("rust-proof coating, swift delivery", []),
        ("Swift and Kotlin", ["Swift", "Kotlin"]),
        ("a spark of joy", []),
        ("Spark and Kafka", ["Apache Spark", "Apache Kafka"]),
        ("React Native, react quickly", ["React Native"]),
        ("Python or R", ["Python", "R"]),
        ("R&D team", []),
        ("raised a Series C round", []),
        ("Chef de projet digital", []),
        ("Chef·fe de projet CRM", []),
        ("Ansible, Chef or Puppet", ["Ansible", "Chef", "Puppet"]),
        # aliases in the sources' other languages
        ("Ingénieur vision par ordinateur", ["Computer vision"]),
        ("maschinelles Lernen mit PyTorch", ["Machine learning", "PyTorch"]),
        ("aprendizaje automático", ["Machine learning"]),
        ("Spring 2027 internship", []),
        ("Java/Spring", ["Java", "Spring"]),
        ("excel at communication", []),
        ("Excel and Power BI", ["Microsoft Excel", "Power BI"]),
        ("Le poste : développeur Python / Django", ["Python", "Django"]),
        ("Erfahrung mit Docker und Kubernetes", ["Docker", "Kubernetes"]),
        # not inside other words
        ("Argonaut, Golang-free, gopher", ["Go"]),
        ("an example.net domain", []),
        ("Javanese", []),
    ],
)
def test_extract_skills(text: str, expected: list[str]) -> None:
    assert extract_skills(text) == expected


def test_title_mentions_come_first() -> None:
    assert extract_skills("Senior Rust Engineer", "We use Python and Rust.") == ["Rust", "Python"]


@pytest.mark.parametrize("text", [None, "", "   "])
def test_extract_skills_from_nothing(text: str | None) -> None:
    assert extract_skills(text) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"lang": ["Python"]}, "must be a table"),
        ({"lang": {"Python": "py"}}, "expected a list"),
        ({"lang": {"Python": {"alias": ["py"]}}}, "unknown keys"),
        ({"lang": {"Python": [""]}}, "non-empty"),
        ({"a": {"Python": []}, "b": {"Python": []}}, "listed twice"),
        ({"a": {"Go": ["golang"], "Golang": []}}, "names both"),
        ({"a": {"Go": {"exact": ["Go"], "not_before": "("}}}, "bad not_before"),
    ],
)
def test_a_malformed_taxonomy_is_named(data: dict, message: str) -> None:
    with pytest.raises(TaxonomyError, match=message):
        build_taxonomy(data)


# --- the pipeline -------------------------------------------------------------------------------


def _item(**fields: Any) -> dict[str, Any]:
    return {
        "url": "https://example.org/jobs/1",
        "source": "test",
        "title": "Backend Engineer",
        "crawled_at": CRAWL_TIME,
        **fields,
    }


def test_skills_come_from_the_clean_body_not_the_chrome() -> None:
    html = (
        "<p>We build our APIs in Python.</p>"
        "<h3>Similar jobs</h3><ul><li>Senior Java Developer</li><li>Scala Engineer</li></ul>"
    )
    item = through_pipelines(_item(description_html=html))
    assert "Python" in item["skills"]


def test_skills_a_spider_set_are_kept() -> None:
    item = through_pipelines(_item(description="Python and Go", skills=["Collaboration"]))
    assert item["skills"] == ["Collaboration"]


def test_no_skill_is_counted() -> None:
    crawler = pipeline_crawler()
    through_pipelines(_item(description="A friendly team selling shoes."), crawler)
    assert crawler.stats.get_value("jobsieve/normalise/skills/none") == 1


def test_seniority_from_the_body_only_when_nothing_else_tells() -> None:
    crawler = pipeline_crawler()
    body = "You have at least 5 years of experience with Python."
    plain = through_pipelines(_item(description=body), crawler)
    titled = through_pipelines(_item(title="Junior Backend Engineer", description=body), crawler)
    assert plain["seniority"] == "senior"
    assert titled["seniority"] == "junior"
    assert crawler.stats.get_value("jobsieve/normalise/seniority/from_body") == 1


# --- normalise pipeline: gaps the issue names --------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-12-31", "2026-12-31"),
        ("2026-12-31T23:59:59+01:00", "2026-12-31"),
        ("31.12.2026", "2026-12-31"),
        (1798675200000, "2026-12-31"),
    ],
)
def test_valid_through_from_a_raw_value(raw: Any, expected: str) -> None:
    item = NormalisePipeline.from_crawler(pipeline_crawler()).process_item(_item(valid_through=raw))
    assert item["valid_through"] == expected


def test_unreadable_valid_through_is_null_counted_and_logged(caplog) -> None:
    crawler = pipeline_crawler()
    with caplog.at_level(logging.WARNING):
        item = NormalisePipeline.from_crawler(crawler).process_item(
            _item(valid_through="until filled")
        )
    assert item["valid_through"] is None
    assert crawler.stats.get_value("jobsieve/normalise/valid_through/unparsed") == 1
    assert "until filled" in caplog.text


def test_unknown_place_is_null_and_counted() -> None:
    crawler = pipeline_crawler()
    item = NormalisePipeline.from_crawler(crawler).process_item(
        _item(location_raw="Porto, Portugal; Nowhere Land")
    )
    assert item["locations"] == [
        {"city": "Porto", "region": None, "country": "PT"},
        {"city": "Nowhere Land", "region": None, "country": None},
    ]
    assert crawler.stats.get_value("jobsieve/normalise/locations/unparsed") == 1
