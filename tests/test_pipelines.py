"""Each pipeline on its own, built by from_crawler as Scrapy builds it."""

from __future__ import annotations

import hashlib
import json

import pytest
from itemadapter import ItemAdapter

from pipelines.dedup import RepeatedIdPipeline
from pipelines.language import LanguagePipeline
from pipelines.normalise import NormalisePipeline
from pipelines.validate import ValidatePipeline
from scrapers.deadletter import DeadLetterExtension
from scrapers.drops import RejectItem
from scrapers.items import JobPosting
from tests.conftest import CRAWL_TIME
from tests.support.pipelines import pipeline_crawler


def _raw(**fields) -> dict:
    base = {
        "url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002?gh_src=abc#app",
        "source": "greenhouse",
        "source_id": "8519643002",
        "title": "  Sr. Software Engineer,   Backend ",
        "company": "Mercari",
        "location_raw": "Hybrid-Palo Alto, CA",
        "date_posted_raw": "2d",
        "salary_raw": "$168,000 - $252,000",
        "description": "We build the marketplace backend in Go and PHP for millions of users.",
        "crawled_at": CRAWL_TIME,
    }
    return base | fields


@pytest.fixture
def normalised():
    return NormalisePipeline.from_crawler(pipeline_crawler()).process_item(_raw())


def test_normalise_completes_a_plain_dict(normalised):
    assert set(JobPosting.__dataclass_fields__) <= set(normalised)


def test_normalise_id(normalised):
    assert normalised["id"] == "greenhouse:8519643002"


def test_normalise_canonical_url(normalised):
    assert normalised["url"] == "https://job-boards.greenhouse.io/mercari/jobs/8519643002"


def test_normalise_title_whitespace(normalised):
    assert normalised["title"] == "Sr. Software Engineer, Backend"


def test_normalise_locations(normalised):
    assert normalised["locations"] == [{"city": "Palo Alto", "region": "CA", "country": "US"}]


def test_normalise_remote_from_location(normalised):
    assert normalised["remote"] == "hybrid"


def test_normalise_seniority_from_title(normalised):
    assert normalised["seniority"] == "senior"


def test_normalise_salary(normalised):
    assert normalised["salary"] == {
        "min": 168000,
        "max": 252000,
        "currency": "USD",
        "period": "year",
    }


def test_normalise_relative_date(normalised):
    assert normalised["date_posted"] == "2026-11-20"


def test_normalise_id_without_source_id_hashes_the_canonical_url():
    item = NormalisePipeline.from_crawler(pipeline_crawler()).process_item(_raw(source_id=None))
    digest = hashlib.sha1(b"https://job-boards.greenhouse.io/mercari/jobs/8519643002").hexdigest()
    assert item["id"] == f"greenhouse:{digest[:16]}"


def test_normalise_never_overwrites_a_spider_value():
    salary = {"min": 1, "max": 2, "currency": "EUR", "period": "month"}
    item = NormalisePipeline.from_crawler(pipeline_crawler()).process_item(_raw(salary=salary))
    assert item["salary"] == salary


def test_normalise_empty_strings_become_null():
    item = NormalisePipeline.from_crawler(pipeline_crawler()).process_item(_raw(company="  "))
    assert item["company"] is None


def test_normalise_counts_unparsed_values():
    crawler = pipeline_crawler()
    NormalisePipeline.from_crawler(crawler).process_item(_raw(date_posted_raw="whenever"))
    assert crawler.stats.get_value("jobsieve/normalise/date_posted/unparsed") == 1


def test_normalise_works_on_the_item_class():
    item = NormalisePipeline.from_crawler(pipeline_crawler()).process_item(JobPosting(**_raw()))
    assert ItemAdapter(item)["id"] == "greenhouse:8519643002"


def test_language_is_english_and_repeatable():
    text = (
        "We are looking for a backend engineer to design, build and run the services "
        "behind our marketplace, with a strong focus on reliability."
    )
    first = LanguagePipeline.from_crawler(pipeline_crawler()).process_item({"description": text})
    second = LanguagePipeline.from_crawler(pipeline_crawler()).process_item({"description": text})
    assert (first["language"], first["language_confidence"]) == (
        second["language"],
        second["language_confidence"],
    ) and first["language"] == "en"


def test_language_of_french_body():
    text = (
        "Nous recherchons une développeuse ou un développeur backend pour concevoir et faire "
        "évoluer les services de notre place de marché."
    )
    assert (
        LanguagePipeline.from_crawler(pipeline_crawler()).process_item({"description": text})[
            "language"
        ]
        == "fr"
    )


def test_language_of_a_too_short_body_is_unknown():
    item = LanguagePipeline.from_crawler(pipeline_crawler()).process_item(
        {"description": "Apply now"}
    )
    assert (item["language"], item["language_confidence"]) == (None, 0.0)


def test_dedup_drops_second_copy_of_an_id():
    pipeline = RepeatedIdPipeline.from_crawler(pipeline_crawler())
    pipeline.process_item({"id": "greenhouse:1", "title": "A"})
    with pytest.raises(RejectItem) as dropped:
        pipeline.process_item({"id": "greenhouse:1", "title": "A"})
    assert dropped.value.reason == "duplicate"


def test_dedup_fingerprint_ignores_case_and_spacing():
    pipeline = RepeatedIdPipeline.from_crawler(pipeline_crawler())
    a = pipeline.process_item(
        {
            "id": "a:1",
            "title": "Backend Engineer",
            "company": "Farfetch",
            "description": "Build  things.",
        }
    )
    b = pipeline.process_item(
        {
            "id": "b:1",
            "title": "backend engineer",
            "company": "FARFETCH",
            "description": "Build things",
        }
    )
    assert a["fingerprint"] == b["fingerprint"]


def _valid_item() -> dict:
    crawler = pipeline_crawler()
    item = NormalisePipeline.from_crawler(crawler).process_item(_raw())
    item = RepeatedIdPipeline.from_crawler(crawler).process_item(item)
    return LanguagePipeline.from_crawler(crawler).process_item(item)


def test_validate_passes_a_valid_item():
    crawler = pipeline_crawler()
    ValidatePipeline.from_crawler(crawler).process_item(_valid_item())
    assert crawler.stats.get_value("jobsieve/valid") == 1


def test_validate_rejects_with_every_error():
    item = _valid_item() | {"url": "nope", "remote": "maybe"}
    with pytest.raises(RejectItem) as rejected:
        ValidatePipeline.from_crawler(pipeline_crawler()).process_item(item)
    assert sorted({d["field"] for d in rejected.value.details}) == ["remote", "url"]


def test_validate_counts_invalid_fields():
    crawler = pipeline_crawler()
    with pytest.raises(RejectItem):
        ValidatePipeline.from_crawler(crawler).process_item(_valid_item() | {"remote": "maybe"})
    assert crawler.stats.get_value("jobsieve/invalid/remote") == 1


def test_deadletter_writes_reason_errors_and_item(tmp_path):
    crawler = pipeline_crawler(JOBSIEVE_DEADLETTER=str(tmp_path / "%(name)s.jsonl"))
    extension = DeadLetterExtension.from_crawler(crawler)
    error = RejectItem("invalid", "bad", details=[{"field": "url", "message": "url: bad"}])
    extension.item_dropped(item={"url": "nope"}, response=None, exception=error)
    extension.spider_closed()
    line = json.loads((tmp_path / "test.jsonl").read_text())
    assert (line["reason"], line["details"][0]["field"], line["item"]) == (
        "invalid",
        "url",
        {"url": "nope"},
    )


def test_deadletter_counts_drops_by_reason(tmp_path):
    crawler = pipeline_crawler(JOBSIEVE_DEADLETTER=str(tmp_path / "%(name)s.jsonl"))
    extension = DeadLetterExtension.from_crawler(crawler)
    extension.item_dropped(item={}, response=None, exception=RejectItem("duplicate", "again"))
    assert crawler.stats.get_value("jobsieve/dropped/duplicate") == 1


def test_deadletter_file_only_when_something_is_dropped(tmp_path):
    crawler = pipeline_crawler(JOBSIEVE_DEADLETTER=str(tmp_path / "%(name)s.jsonl"))
    DeadLetterExtension.from_crawler(crawler).spider_closed()
    assert list(tmp_path.iterdir()) == []


def test_normalise_counts_unspecified_salary_apart_from_unparsed():
    crawler = pipeline_crawler()
    NormalisePipeline.from_crawler(crawler).process_item(_raw(salary_raw="Salaire : Non spécifié"))
    assert (
        crawler.stats.get_value("jobsieve/normalise/salary/unspecified"),
        crawler.stats.get_value("jobsieve/normalise/salary/unparsed"),
    ) == (1, None)
