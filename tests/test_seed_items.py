"""The three seed jobs, the product's first acceptance cases, as the shipped night crawls them
from the shipped world through every pipeline.

Each seed is a real job page captured as a browser renders it (tests/fixtures/seeds/). The values
below are what those pages state, resolved at the seeds' clock (2026-11-22T03:00:00Z): facts
about the pages, not outputs of the code.
"""

from __future__ import annotations

import pytest

SEED_IDS = {
    "nodegree": "nodegree:ce7672804fe64ff4946cef925788478e",
    "welcometothejungle": "welcometothejungle:BM_po9OalJ",
    "teal": "teal:7ea1a4547c703cfa162aeecd3b88cadf23435",
}
SEED_FIELDS = {
    "nodegree": {
        "url": "https://jobs.nodegree.com/organizations/farfetch/jobs/backend-engineer-"
        "Jce7672804fe64ff4946cef925788478e_ONoDegreejnw1Dw13VD",
        "title": "Backend Engineer",
        "company": "Farfetch",
        "company_description": "Online luxury fashion marketplace connecting consumers with "
        "boutiques and brands worldwide, offering curated designer clothing, accessories, and "
        "lifestyle products.",
        "location_raw": "Porto, Portugal",
        "locations": [{"city": "Porto", "region": None, "country": "PT"}],
        "seniority_raw": "Mid-Level",
        "seniority": "mid",
        "date_posted_raw": "2 weeks ago",
        "date_posted": "2026-11-08",
        "department": "Engineering",
        # A "remote-friendly team" is not a remote job.
        "remote": None,
        "language": "en",
    },
    "welcometothejungle": {
        "url": "https://www.welcometothejungle.com/fr/companies/back-market/jobs/"
        "backend-engineer_bordeaux_BM_po9OalJ",
        "title": "Backend Engineer",
        "company": "Back Market",
        "page_language": "fr",
        # The body is English although the site's UI is French.
        "language": "en",
        "salary_raw": "Salaire : Non spécifié",
        "salary": None,
        "remote": "hybrid",
        "original_url": "https://jobs.ashbyhq.com/backmarket/b9ca9836-44ab-4ffd-b3b9-1abd17c7e2d3",
    },
    "teal": {
        "url": "https://www.tealhq.com/job/sr-software-engineer-backend_"
        "7ea1a4547c703cfa162aeecd3b88cadf23435",
        "id": "teal:7ea1a4547c703cfa162aeecd3b88cadf23435",
        "source": "teal",
        "source_id": "7ea1a4547c703cfa162aeecd3b88cadf23435",
        "title": "Sr. Software Engineer, Backend",
        "company": "Mercari",
        # The header line `2d$168,000 - $252,000Hybrid`.
        "date_posted_raw": "2d",
        "date_posted": "2026-11-20",
        "salary_raw": "$168,000 - $252,000",
        "salary": {"min": 168000, "max": 252000, "currency": "USD", "period": "year"},
        "remote_raw": "Hybrid",
        "remote": "hybrid",
        # The widget's `Job Type Full-time`.
        "employment_type_raw": "Full-time",
        "employment_type": "FULL_TIME",
        # The widget says `Mid Level`; the title says Sr., and the title wins.
        "seniority_raw": "Mid Level",
        "seniority": "senior",
        "locations": [{"city": "Palo Alto", "region": "CA", "country": "US"}],
        "language": "en",
        "original_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002",
        "apply_url": "https://job-boards.greenhouse.io/mercari/jobs/8519643002",
        "page_language": "en",
        "crawled_at": "2026-11-22T03:00:00Z",
    },
}
# The body each seed keeps: how it starts, its headings, how it ends.
BODIES = {
    "nodegree": (
        "As a Backend Engineer, you will join",
        ["What You'll Do", "Who You Are", "Rewards & Benefits"],
        "- Flexible benefits program",
    ),
    "welcometothejungle": (
        "Back Market is the world’s leading",
        ["Recruitment process"],
        "- Back Market Values fit interview",
    ),
    "teal": (
        "About The Position",
        ["Requirements", "Responsibilities", "Benefits"],
        "celebrate from virtual coffee breaks to recognition programs",
    ),
}
# The same job on the employer's ATS, by source and the start of its URL.
ATS_POSTINGS = {
    "nodegree": {"lever": "https://jobs.lever.co/farfetch/"},
    "welcometothejungle": {
        "ashby": "https://jobs.ashbyhq.com/backmarket/",
        "lever": "https://jobs.eu.lever.co/backmarket/",
    },
    "teal": {"greenhouse": "https://job-boards.greenhouse.io/mercari/jobs/8519643002"},
}
SKILLS = {
    "nodegree": {
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
    "welcometothejungle": {
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
    "teal": {"Go", "PHP", "Docker", "Kubernetes", "Terraform"},
}


@pytest.fixture(scope="module")
def seeds(shipped_night) -> dict[str, dict]:
    return {
        source: next(line for line in shipped_night.postings(source) if line["id"] == seed_id)
        for source, seed_id in SEED_IDS.items()
    }


@pytest.mark.parametrize(
    ("source", "field", "expected"),
    [(source, f, v) for source, fields in SEED_FIELDS.items() for f, v in fields.items()],
)
def test_seed_field(seeds, source, field, expected):
    assert seeds[source][field] == expected


@pytest.mark.parametrize("source", sorted(BODIES))
def test_seed_body_keeps_the_employer_text(seeds, source):
    start, headings, end = BODIES[source]
    body = seeds[source]["description"]
    lines = body.splitlines()
    assert (
        body.startswith(start),
        [h for h in headings if h not in lines],
        body.endswith(end),
    ) == (
        True,
        [],
        True,
    )


def test_nodegree_eeo_and_scam_sections_stripped(seeds):
    assert {"eeo", "scam_disclaimer"} <= {b["category"] for b in seeds["nodegree"]["boilerplate"]}


@pytest.mark.parametrize("source", sorted(ATS_POSTINGS))
def test_seed_is_the_same_job_as_its_ats_postings(shipped_night, seeds, source):
    seed, postings = seeds[source], ATS_POSTINGS[source]
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


@pytest.mark.parametrize("source", sorted(SKILLS))
def test_seed_skills(seeds, source):
    assert SKILLS[source] <= set(seeds[source]["skills"])
