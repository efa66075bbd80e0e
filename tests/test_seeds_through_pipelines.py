"""The three seed captures, given as `description`, through every pipeline as Scrapy chains them.

Expectations: ../shared/seeds/README.md (copied fields below are what each board's spider will
extract from the page; the body is the whole text capture, chrome and all).
"""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from pipelines.boilerplate import BoilerplatePipeline
from pipelines.dedup import RepeatedIdPipeline
from pipelines.language import LanguagePipeline
from pipelines.normalise import NormalisePipeline
from pipelines.validate import ValidatePipeline
from tests.conftest import CRAWL_TIME, FIXTURES

SEEDS = {
    "nodegree": {
        "file": "nodegree-farfetch-backend-engineer.txt",
        "url": "https://jobs.nodegree.com/organizations/farfetch/jobs/backend-engineer-"
        "Jce7672804fe64ff4946cef925788478e_ONoDegreejnw1Dw13VD",
        "title": "Backend Engineer",
        "company": "Farfetch",
        "company_description": "Online luxury fashion marketplace connecting consumers with "
        "boutiques and brands worldwide, offering curated designer clothing, accessories, and "
        "lifestyle products.",
        "location_raw": "Porto, Portugal",
        "seniority_raw": "Mid-Level",
        "date_posted_raw": "2 weeks ago",
        "department": "Engineering",
    },
    "welcometothejungle": {
        "file": "welcometothejungle-backmarket-backend-engineer.txt",
        "url": "https://www.welcometothejungle.com/fr/companies/back-market/jobs/"
        "backend-engineer_bordeaux_BM_po9OalJ",
        "title": "Backend Engineer",
        "company": "Back Market",
        "salary_raw": "Salaire : Non spécifié",
        "remote_raw": "Télétravail fréquent",
        "page_language": "fr",
    },
    "teal": {
        "file": "teal-mercari-sr-software-engineer-backend.txt",
        "url": "https://www.tealhq.com/job/sr-software-engineer-backend_"
        "7ea1a4547c703cfa162aeecd3b88cadf23435",
        "title": "Sr. Software Engineer, Backend",
        "company": "Mercari",
        "date_posted_raw": "2d",
        "salary_raw": "$168,000 - $252,000",
        "remote_raw": "Hybrid",
        "employment_type_raw": "Full-time",
        "seniority_raw": "Mid Level",
        "original_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002",
    },
}


def _through_pipelines(source: str) -> dict:
    fields = dict(SEEDS[source])
    text = (FIXTURES / "seeds" / fields.pop("file")).read_text(encoding="utf-8")
    item = {"source": source, "description": text, "crawled_at": CRAWL_TIME, **fields}
    crawler = get_crawler(Spider)
    crawler.spider = crawler._create_spider("seed")
    for pipeline in (
        NormalisePipeline,
        BoilerplatePipeline,
        LanguagePipeline,
        RepeatedIdPipeline,
        ValidatePipeline,
    ):
        item = pipeline.from_crawler(crawler).process_item(item)
    return item


@pytest.fixture(scope="module")
def items() -> dict[str, dict]:
    return {source: _through_pipelines(source) for source in SEEDS}


def _categories(item: dict, text: str) -> set[str]:
    return {b["category"] for b in item["boilerplate"] if text in b["text"]}


def test_nodegree_location(items):
    assert items["nodegree"]["locations"] == [{"city": "Porto", "region": None, "country": "PT"}]


def test_nodegree_seniority(items):
    assert items["nodegree"]["seniority"] == "mid"


def test_nodegree_date_posted(items):
    assert items["nodegree"]["date_posted"] == "2026-11-08"


def test_nodegree_remote_friendly_team_is_not_remote(items):
    assert items["nodegree"]["remote"] is None


def test_nodegree_language(items):
    assert items["nodegree"]["language"] == "en"


def test_nodegree_body_starts_with_the_intro(items):
    assert items["nodegree"]["description"].startswith("As a Backend Engineer, you will join")


def test_nodegree_body_keeps_benefits(items):
    assert "- Flexible benefits program" in items["nodegree"]["description"]


def test_nodegree_eeo_removed(items):
    assert "eeo" in _categories(items["nodegree"], "FARFETCH is committed to being an inclusive")


def test_nodegree_scam_disclaimer_removed(items):
    assert "scam_disclaimer" in _categories(items["nodegree"], "fraudulent activities")


def test_nodegree_board_summary_removed(items):
    assert "board_summary" in _categories(items["nodegree"], "Develop scalable backend services")


def test_nodegree_navigation_removed(items):
    assert "navigation" in _categories(items["nodegree"], "View All Jobs 141313")


def test_wttj_salary_not_specified_is_null(items):
    assert items["welcometothejungle"]["salary"] is None


def test_wttj_remote(items):
    assert items["welcometothejungle"]["remote"] == "hybrid"


def test_wttj_body_language_is_english_despite_french_ui(items):
    assert items["welcometothejungle"]["language"] == "en"


def test_wttj_body_keeps_recruitment_process(items):
    assert "Back Market Values fit interview" in items["welcometothejungle"]["description"]


def test_wttj_similar_jobs_removed(items):
    assert "similar_jobs" in _categories(items["welcometothejungle"], "D’autres offres")


def test_teal_salary(items):
    assert items["teal"]["salary"] == {
        "min": 168000,
        "max": 252000,
        "currency": "USD",
        "period": "year",
    }


def test_teal_date_posted(items):
    assert items["teal"]["date_posted"] == "2026-11-20"


def test_teal_remote(items):
    assert items["teal"]["remote"] == "hybrid"


def test_teal_employment_type(items):
    assert items["teal"]["employment_type"] == "FULL_TIME"


def test_teal_title_outranks_career_level_widget(items):
    assert items["teal"]["seniority"] == "senior"


def test_teal_upsell_removed(items):
    assert "upsell" in _categories(items["teal"], "Upload your resume")


def test_teal_body_ends_with_benefits(items):
    assert items["teal"]["description"].endswith(
        "celebrate from virtual coffee breaks to recognition programs"
    )


def test_teal_language(items):
    assert items["teal"]["language"] == "en"
