"""Pay written in a body becomes ``salary`` when the source has no pay field: only a sentence
that clearly states pay (a pay word, an amount with its currency, a range or a period), never
the company's money; the sentence is kept as ``salary_raw``."""

from __future__ import annotations

import pytest

from pipelines.normalise import NormalisePipeline
from scrapers.normalise.body_pay import pay_in_body
from tests.support.inprocess import CRAWL_TIME
from tests.support.pipelines import pipeline_crawler


@pytest.mark.parametrize(
    ("body", "sentence", "salary"),
    [
        (
            "We build tools for bakeries.\nThe base salary range for this role is $82k–$110k. "
            "You will also get equity.",
            "The base salary range for this role is $82k–$110k.",
            {"min": 82000, "max": 110000, "currency": "USD", "period": "year"},
        ),
        (
            "Shift lead, nights\nPay: $27.40/hour\nBenefits from day one",
            "Pay: $27.40/hour",
            {"min": 27.4, "max": 27.4, "currency": "USD", "period": "hour"},
        ),
        (
            "Dein Gehalt: 58.000 – 71.000 € brutto jährlich, dazu 30 Tage Urlaub",
            "Dein Gehalt: 58.000 – 71.000 € brutto jährlich, dazu 30 Tage Urlaub",
            {"min": 58000, "max": 71000, "currency": "EUR", "period": "year"},
        ),
        (
            "Rémunération : 3 200 € brut par mois.",
            "Rémunération : 3 200 € brut par mois.",
            {"min": 3200, "max": 3200, "currency": "EUR", "period": "month"},
        ),
    ],
)
def test_a_sentence_that_states_pay_is_the_salary(body, sentence, salary):
    assert pay_in_body(body) == (sentence, salary)


@pytest.mark.parametrize(
    "body",
    [
        "We raised $40M in our Series B to grow the team; the salary is competitive.",
        "A $1,500 yearly learning budget on top of your salary.",
        "Salary: competitive, depending on experience.",
        "Compensation: 90000",  # no currency
        "We pay a $3,000 signing bonus.",
        "Our revenue grew to €12M last year.",
        "Lift up to 25 kg; shifts of 8 hours.",
        "",
    ],
)
def test_money_that_is_not_the_job_pay_is_not_salary(body):
    assert pay_in_body(body) is None


def _normalised(**fields) -> dict:
    item = {
        "url": "https://jobs.example.org/1",
        "source": "greenhouse",
        "source_id": "1",
        "title": "Route Planner",
        "crawled_at": CRAWL_TIME,
        **fields,
    }
    return NormalisePipeline.from_crawler(pipeline_crawler()).process_item(item)


def test_the_pipeline_reads_pay_from_the_body_when_the_source_has_none():
    item = _normalised(
        description_html=(
            "<p>Plan routes.</p><ul><li>Compensation: $64,000 - $78,000 per year</li></ul>"
        )
    )
    assert (item["salary_raw"], item["salary"]) == (
        "Compensation: $64,000 - $78,000 per year",
        {"min": 64000, "max": 78000, "currency": "USD", "period": "year"},
    )


def test_the_source_pay_wins_over_the_body():
    item = _normalised(
        salary_raw="€50,000 a year",
        description_html="<p>Salary range: $64,000 - $78,000 per year</p>",
    )
    assert item["salary"]["currency"] == "EUR"


def test_a_body_without_pay_leaves_salary_empty():
    item = _normalised(description_html="<p>We raised $20M and pay for your travel.</p>")
    assert (item["salary_raw"], item["salary"]) == (None, None)


def test_a_dutch_range_between_two_amounts():
    body = "Het salaris ligt tussen 3.400 € en 4.100 € bruto per maand."
    assert pay_in_body(body) == (
        body,
        {"min": 3400, "max": 4100, "currency": "EUR", "period": "month"},
    )
