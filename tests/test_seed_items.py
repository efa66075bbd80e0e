"""The three seed jobs as the board spiders crawl them from the shipped world, through every
pipeline: the values ../shared/seeds/README.md lists, one assert per field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CRAWL_TIME, SHIPPED_WORLD, run_scrapy

SEED_IDS = {
    "nodegree": "nodegree:ce7672804fe64ff4946cef925788478e",
    "welcometothejungle": "welcometothejungle:BM_po9OalJ",
    "teal": "teal:7ea1a4547c703cfa162aeecd3b88cadf23435",
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, dict]:
    items = {}
    for source in SEED_IDS:
        out = tmp_path_factory.mktemp(source) / "out.jsonl"
        result = run_scrapy(
            "crawl",
            source,
            "-s",
            f"JOBSIEVE_WORLD={SHIPPED_WORLD}",
            "-s",
            f"JOBSIEVE_CRAWL_TIME={CRAWL_TIME}",
            "-O",
            str(out),
        )
        assert result.returncode == 0, result.stderr[-3000:]
        lines = [json.loads(line) for line in Path(out).read_text().splitlines() if line]
        items[source] = next(line for line in lines if line["id"] == SEED_IDS[source])
    return items


def test_nodegree_title(seeds):
    assert seeds["nodegree"]["title"] == "Backend Engineer"


def test_nodegree_company(seeds):
    assert seeds["nodegree"]["company"] == "Farfetch"


def test_nodegree_company_description(seeds):
    assert seeds["nodegree"]["company_description"].startswith("Online luxury fashion marketplace")


def test_nodegree_location(seeds):
    assert seeds["nodegree"]["locations"] == [{"city": "Porto", "region": None, "country": "PT"}]


def test_nodegree_seniority(seeds):
    assert (seeds["nodegree"]["seniority_raw"], seeds["nodegree"]["seniority"]) == (
        "Mid-Level",
        "mid",
    )


def test_nodegree_date_posted(seeds):
    assert (seeds["nodegree"]["date_posted_raw"], seeds["nodegree"]["date_posted"]) == (
        "2 weeks ago",
        "2026-11-08",
    )


def test_nodegree_department(seeds):
    assert seeds["nodegree"]["department"] == "Engineering"


def test_nodegree_not_remote(seeds):
    assert seeds["nodegree"]["remote"] is None


def test_nodegree_language(seeds):
    assert seeds["nodegree"]["language"] == "en"


def test_nodegree_original_url_is_the_lever_posting(seeds):
    assert seeds["nodegree"]["original_url"].startswith("https://jobs.lever.co/farfetch/")


def test_nodegree_eeo_and_scam_sections_stripped(seeds):
    assert {"eeo", "scam_disclaimer"} <= {b["category"] for b in seeds["nodegree"]["boilerplate"]}


def test_wttj_title(seeds):
    assert seeds["welcometothejungle"]["title"] == "Backend Engineer"


def test_wttj_company(seeds):
    assert seeds["welcometothejungle"]["company"] == "Back Market"


def test_wttj_page_language(seeds):
    assert seeds["welcometothejungle"]["page_language"] == "fr"


def test_wttj_body_language(seeds):
    assert seeds["welcometothejungle"]["language"] == "en"


def test_wttj_salary_not_specified(seeds):
    assert (seeds["welcometothejungle"]["salary_raw"], seeds["welcometothejungle"]["salary"]) == (
        "Salaire : Non spécifié",
        None,
    )


def test_wttj_remote(seeds):
    assert seeds["welcometothejungle"]["remote"] == "hybrid"


def test_wttj_original_url_is_the_ats_posting(seeds):
    assert seeds["welcometothejungle"]["original_url"].startswith(
        ("https://jobs.ashbyhq.com/backmarket/", "https://jobs.eu.lever.co/backmarket/")
    )


def test_teal_title(seeds):
    assert seeds["teal"]["title"] == "Sr. Software Engineer, Backend"


def test_teal_company(seeds):
    assert seeds["teal"]["company"] == "Mercari"


def test_teal_date_posted(seeds):
    assert (seeds["teal"]["date_posted_raw"], seeds["teal"]["date_posted"]) == ("2d", "2026-11-20")


def test_teal_salary(seeds):
    assert seeds["teal"]["salary"] == {
        "min": 168000,
        "max": 252000,
        "currency": "USD",
        "period": "year",
    }


def test_teal_remote(seeds):
    assert (seeds["teal"]["remote_raw"], seeds["teal"]["remote"]) == ("Hybrid", "hybrid")


def test_teal_employment_type(seeds):
    assert seeds["teal"]["employment_type"] == "FULL_TIME"


def test_teal_title_outranks_the_career_level_widget(seeds):
    assert (seeds["teal"]["seniority_raw"], seeds["teal"]["seniority"]) == ("Mid Level", "senior")


def test_teal_language(seeds):
    assert seeds["teal"]["language"] == "en"


def test_teal_original_url_is_the_greenhouse_posting(seeds):
    assert seeds["teal"]["original_url"] == (
        "https://job-boards.greenhouse.io/mercari/jobs/8519643002"
    )


@pytest.mark.parametrize(
    ("source", "skills"),
    [
        (
            "nodegree",
            {
                ".NET",
                "C#",
                "PostgreSQL",
                "Hangfire",
                "Azure Service Bus",
                "Azure",
                "Terraform",
                "Bitbucket Pipelines",
                "RabbitMQ",
            },
        ),
        (
            "welcometothejungle",
            {
                "Python",
                "FastAPI",
                "Django",
                "Kubernetes",
                "GKE",
                "Docker",
                "ArgoCD",
                "CircleCI",
                "GitHub",
            },
        ),
        ("teal", {"Go", "PHP", "Docker", "Kubernetes", "Terraform"}),
    ],
)
def test_seed_skills(seeds, source, skills):
    assert skills <= set(seeds[source]["skills"])
