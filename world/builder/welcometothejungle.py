"""Welcome to the Jungle responses, in the shapes the site serves (see docs/world.md).

A record's ``[welcometothejungle]`` table places it on WTTJ::

    [welcometothejungle]
    organization = "back-market"     # the slug in /fr/companies/<slug>
    reference = "BM_po9OalJ"         # WTTJ's job reference (the item's source_id)
    slug = "backend-engineer_bordeaux_BM_po9OalJ"   # optional (default: title_city_reference)
    syndications = 3                 # optional: Algolia records of the job, one per syndication
                                     #   site, all with its reference (default 1)
    remote = "partial"               # optional fulltime|partial|punctual|no|unknown (default: read
                                     #   from the record's location)
    contract_type = "full_time"      # optional (default: from the record's employment_type)
    experience_level = "3_TO_4_YEARS"  # optional
    skills = ["Collaboration et travail d'équipe"]  # optional chips of the job page
    profession = "Software & Web Development"       # optional, named under "similar jobs"
    ats = "ashby"                    # optional: apply on the record's [ashby] (or [lever])
                                     #   posting; else `apply_url`, else apply on WTTJ
    apply_url = "https://…"          # optional
    api = "missing"                  # optional: the detail API answers 404 (default "ok")
    page = "waf"                     # optional: the job page is ok (default for hand-written
                                     #   records), waf (202 challenge), forbidden (403) or none

What is rendered, in both UI languages (fr, en):
- ``robots.txt``: the site's (no query strings); 404 on the API and Algolia hosts;
- the credentials: ``/{lang}/jobs`` with ``window.env`` and ``/api/env``;
- the Algolia answers of every query the spider sends for one organisation (``-a
  organizations=<slug>``) and for Spain over every organisation (``-a organizations=*
  -a countries=ES``), default page size, windows included when a query passes 1,000 hits;
- the detail API of every job, and the job page of records whose ``page`` is not "none".

The search key is Referer-locked: each Algolia exchange says so in its notes (the world's replay
keys on method, URL and body only, so it cannot refuse a request that lacks the header).
"""

from __future__ import annotations

import html
import json
import random
import re
import string
import unicodedata
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from scrapers.normalise.employment import normalise_employment_type
from scrapers.normalise.location import parse_locations
from scrapers.normalise.remote import normalise_remote
from scrapers.world import Recording
from world.builder.common import ats_posting_url
from world.builder.phrasebook import COUNTRY_NAMES
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

SOURCE = "welcometothejungle"
SITE = "https://www.welcometothejungle.com"
API = "https://api.welcometothejungle.com"
# The UI languages: each has its own job pages and its own Algolia index.
LANGUAGES = ("fr", "en")
# The site's public search-only Algolia credentials, published in its pages' window.env.
ALGOLIA_APP_ID = "CSEKHVMS53"
ALGOLIA_API_KEY = "4bd8f6215d0cc52b26430765769e65a0"
INDEX_PREFIX = "wttj_jobs_production"
# The search key only answers requests that carry this Referer.
REFERER = f"{SITE}/"
# The index's paginationLimitedTo: hits past the 1,000th are never served, whatever nbHits says.
HITS_CAP = 1000
JSON = [("Content-Type", "application/json; charset=utf-8")]
HTML = [("Content-Type", "text/html; charset=utf-8")]
ROBOTS = b"""User-agent: *
Disallow: /me/
Disallow: /settings/
Disallow: /users/
Disallow: */jobs?query=*
Disallow: /*?
Allow: /*.css
Allow: /*.js

Sitemap: https://www.welcometothejungle.com/sitemaps/index.xml.gz
"""
REFERER_NOTE = {
    "requires_header": f"Referer: {REFERER}",
    "without_it": '403 {"message":"Method not allowed with this referer","status":403}',
}
# The whole-board searches rendered (-a organizations=* -a countries=ES): one small country keeps
# the world small; every other query of the spider is per organisation.
COUNTRY_SEARCHES = ("ES",)
_REMOTE = {"remote": "fulltime", "hybrid": "partial", "onsite": "no", None: "no"}
_CONTRACTS = {
    "FULL_TIME": "full_time",
    "PART_TIME": "part_time",
    "TEMPORARY": "temporary",
    "INTERN": "internship",
    "CONTRACTOR": "freelance",
}
_SCHEMA_TYPES = {v: k for k, v in _CONTRACTS.items()} | {"freelance": "CONTRACTOR"}
_PERIODS = {
    "year": "yearly",
    "month": "monthly",
    "week": "weekly",
    "day": "daily",
    "hour": "hourly",
}
_LEVELS = ("LESS_THAN_6_MONTHS", "1_TO_2_YEARS", "3_TO_4_YEARS", "5_TO_10_YEARS", None)
# The job page's salary line per UI language: label, no-salary text, range, period.
SALARY_WORDS = {
    "fr": ("Salaire : ", "Non spécifié", "{low} à {high}", " par {period}"),
    "en": ("Salary: ", "Not specified", "{low} to {high}", " per {period}"),
}
PERIOD_WORDS = {
    "fr": {"year": "an", "month": "mois", "week": "semaine", "day": "jour", "hour": "heure"},
    "en": {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour"},
}
_CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}
# Chrome of the job page per UI language: fr as seed 2 shows it, en inferred.
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "summary": "Résumé du poste",
        "skills": "Compétences & expertises",
        "apply_cta": "Cette offre vous tente ?",
        "apply": "Postuler",
        "position": "Le poste",
        "description": "Descriptif du poste",
        "profile": "Profil recherché",
        "process": "Déroulement des entretiens",
        "more": "Envie d’en savoir plus ?",
        "similar": "D’autres offres vous correspondent !",
        "also_hiring": "Ces entreprises recrutent aussi au poste de “{profession}”.",
        "fulltime": "Télétravail total",
        "partial": "Télétravail fréquent",
        "punctual": "Télétravail occasionnel",
        "no": "Pas de télétravail",
        "jobs_title": "Offres d'emploi | Welcome to the Jungle",
        "faq": "Quel est le processus de recrutement chez {company} ?",
    },
    "en": {
        "summary": "Job summary",
        "skills": "Skills & expertise",
        "apply_cta": "Interested in this job?",
        "apply": "Apply",
        "position": "The position",
        "description": "Job description",
        "profile": "Preferred experience",
        "process": "Recruitment process",
        "more": "Want to know more?",
        "similar": "These jobs might be of interest to you!",
        "also_hiring": "These companies are also recruiting for the position of “{profession}”.",
        "fulltime": "Fully-remote",
        "partial": "A few days at home",
        "punctual": "Occasional remote",
        "no": "No remote work",
        "jobs_title": "Jobs | Welcome to the Jungle",
        "faq": "What is the recruitment process at {company}?",
    },
}


@dataclass(frozen=True)
class _Job:
    """A record as WTTJ holds it."""

    record: PostingRecord
    placed: dict[str, Any]
    slug: str
    office: dict[str, Any]
    published_at: str
    timestamp: int

    @property
    def organization(self) -> str:
        return self.placed["organization"]

    @property
    def reference(self) -> str:
        return self.placed["reference"]


def _slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _utc(moment: str) -> datetime:
    return datetime.fromisoformat(moment).astimezone(UTC)


def _job(record: PostingRecord) -> _Job:
    placed = record.placements[SOURCE]
    found = parse_locations(record.location) if record.location else []
    place = found[0] if found else {"city": None, "region": None, "country": None}
    country = place.get("country")
    address = ", ".join(p for p in (place.get("city"), COUNTRY_NAMES.get(country or "")) if p)
    slug = placed.get("slug") or "_".join(
        (_slugify(record.title), _slugify(place.get("city") or "remote"), placed["reference"])
    )
    published = _utc(record.published)
    return _Job(
        record=record,
        placed=placed,
        slug=slug,
        office={
            "address": address or None,
            "city": place.get("city"),
            "country_code": country,
            "district": None,
            "zip_code": None,
        },
        published_at=published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        timestamp=int(published.timestamp()),
    )


# --------------------------------------------------------------------------------------------
# Algolia
# --------------------------------------------------------------------------------------------

# The requests the world answers are the spider's: pages of 100 hits asking for these attributes
# only, and a query past the cap cut into published_at_timestamp windows, first at fixed outer
# bounds (2010-01-01 and 2038-01-19), then in halves, each asked first for its count alone
# (hitsPerPage 0). A spider asking otherwise finds no recording, and says so.
HITS_PER_PAGE = 100
RETRIEVED = (
    "reference",
    "name",
    "slug",
    "organization",
    "department",
    "published_at",
    "published_at_timestamp",
)
WINDOW_START = 1_262_304_000
WINDOW_END = 2**31


def algolia_query_url(lang: str) -> str:
    return f"https://{ALGOLIA_APP_ID.lower()}-dsn.algolia.net/1/indexes/{INDEX_PREFIX}_{lang}/query"


@dataclass(frozen=True)
class Query:
    """One Algolia query: an organisation (None: all of them) or a country, in a window of
    ``published_at_timestamp`` [start, end) (None: open on that side)."""

    organization: str | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None

    def body(self, page: int, *, probe: bool = False) -> dict[str, Any]:
        body: dict[str, Any] = {
            "query": "",
            "hitsPerPage": 0 if probe else HITS_PER_PAGE,
            "page": page,
            "attributesToRetrieve": list(RETRIEVED),
            "attributesToHighlight": [],
        }
        # Inner lists are ORed, the outer list ANDed.
        facets = []
        if self.organization is not None:
            facets.append([f"organization.slug:{self.organization}"])
        if self.country is not None:
            facets.append([f"offices.country_code:{self.country}"])
        if facets:
            body["facetFilters"] = facets
        bounds = []
        if self.start is not None:
            bounds.append(f"published_at_timestamp>={self.start}")
        if self.end is not None:
            bounds.append(f"published_at_timestamp<{self.end}")
        if bounds:
            body["numericFilters"] = bounds
        return body

    def windows(self) -> list[Query]:
        """The smaller queries a query past the cap is cut into; [] when it cannot be cut."""
        if self.start is None and self.end is None:
            cuts = [(None, WINDOW_START), (WINDOW_START, WINDOW_END), (WINDOW_END, None)]
        elif self.start is None or self.end is None or self.end - self.start < 2:
            cuts = []
        else:
            middle = (self.start + self.end) // 2
            cuts = [(self.start, middle), (middle, self.end)]
        return [replace(self, start=start, end=end) for start, end in cuts]


def _object_ids(job: _Job) -> list[str]:
    count = max(1, int(job.placed.get("syndications", 1)))
    return [str(uuid.uuid5(uuid.NAMESPACE_URL, f"{job.reference}/{site}")) for site in range(count)]


def _hit(job: _Job, object_id: str) -> dict[str, Any]:
    record = job.record
    return {
        "reference": job.reference,
        "name": record.title,
        "slug": job.slug,
        "organization": {
            "slug": job.organization,
            "name": record.company,
            "reference": _org_reference(record.company),
        },
        "department": record.department,
        "published_at": record.published,
        "published_at_timestamp": job.timestamp,
        "objectID": object_id,
    }


def _org_reference(company: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", company)).upper()[:4] or "ORG"


def _matches(query: Query, job: _Job) -> bool:
    if query.organization not in (None, job.organization):
        return False
    if query.country not in (None, job.office["country_code"]):
        return False
    return (query.start is None or job.timestamp >= query.start) and (
        query.end is None or job.timestamp < query.end
    )


def _params(body: dict[str, Any]) -> str:
    return urlencode({k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()})


def _answer(
    lang: str, query: Query, page: int, hits: list[dict[str, Any]], *, probe: bool = False
) -> Recording:
    body = query.body(page, probe=probe)
    size = body["hitsPerPage"]
    reachable = hits[:HITS_CAP]
    served = reachable[page * size : (page + 1) * size]
    answer = {
        "hits": served,
        "nbHits": len(hits),
        "page": page,
        "nbPages": -(-len(reachable) // size) if size else 0,
        "hitsPerPage": size,
        "exhaustiveNbHits": True,
        "exhaustiveTypo": True,
        "exhaustive": {"nbHits": True, "typo": True},
        "query": body["query"],
        "params": _params(body),
        "processingTimeMS": 1,
    }
    return Recording(
        "POST",
        algolia_query_url(lang),
        200,
        JSON,
        json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode() + b"\n",
        json.dumps(body).encode(),
        notes=REFERER_NOTE,
    )


def _search_answers(lang: str, root: Query, jobs: list[_Job]) -> list[Recording]:
    """What Algolia answers to every request the spider makes for ``root``: page 0, then the
    remaining pages, or past the cap a count (probe) of each part of the window, recursively."""
    hits = [(job, oid) for job in jobs if _matches(root, job) for oid in _object_ids(job)]
    # The index ranks newest first.
    hits.sort(key=lambda pair: (-pair[0].timestamp, pair[1]))
    recordings, pending = [], [(root, False)]
    while pending:
        query, probe = pending.pop(0)
        inside = [_hit(job, oid) for job, oid in hits if _matches(query, job)]
        recordings.append(_answer(lang, query, 0, inside, probe=probe))
        windows = query.windows() if len(inside) > HITS_CAP else []
        if windows:
            pending.extend((window, True) for window in windows)
            continue
        # Pages 1… up to the last one holding hits Algolia serves (at most HITS_CAP of them).
        last = -(-min(len(inside), HITS_CAP) // HITS_PER_PAGE) - 1
        for page in range(0 if probe else 1, last + 1):
            recordings.append(_answer(lang, query, page, inside))
    return recordings


# --------------------------------------------------------------------------------------------
# Detail API
# --------------------------------------------------------------------------------------------


def _salary(record: PostingRecord) -> dict[str, Any]:
    salary = record.salary or {}
    return {
        "salary_currency": salary.get("currency"),
        "salary_min": float(salary["min"]) if salary.get("min") else None,
        "salary_max": float(salary["max"]) if salary.get("max") else None,
        "salary_period": _PERIODS.get(salary.get("period", "year")) if salary else None,
    }


def _apply_url(job: _Job) -> str | None:
    record, placed = job.record, job.placed
    ats = record.placements.get(placed.get("ats", ""), {})
    if placed.get("ats") == "ashby" and ats.get("board") and ats.get("id"):
        return ats_posting_url("ashby", ats["board"], ats["id"]) + "/application"
    if placed.get("ats") == "lever" and ats.get("site") and ats.get("id"):
        instance = ats.get("instance", "global")
        return ats_posting_url("lever", ats["site"], ats["id"], instance) + "/apply"
    return placed.get("apply_url")


def _contract_type(job: _Job) -> str | None:
    return job.placed.get("contract_type") or _CONTRACTS.get(
        normalise_employment_type(job.record.employment_type) or ""
    )


def _remote(job: _Job) -> str:
    return job.placed.get("remote") or _REMOTE[normalise_remote(None, job.record.location)]


def _detail(job: _Job) -> dict[str, Any]:
    record, placed = job.record, job.placed
    apply_url = _apply_url(job)
    return {
        "name": record.title,
        "slug": job.slug,
        "reference": job.reference,
        "wttj_reference": placed.get("wttj_reference")
        or str(uuid.uuid5(uuid.NAMESPACE_URL, f"wttj:{job.reference}")),
        "language": record.language,
        "status": "published",
        "archived_at": None,
        "contract_type": _contract_type(job),
        "experience_level": placed.get("experience_level"),
        "education_level": None,
        "remote": _remote(job),
        **_salary(record),
        "published_at": job.published_at,
        "updated_at": _utc(record.updated).strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
        "apply_url": apply_url,
        "ats": placed.get("ats", "external") if apply_url else "wttj",
        "description": record.body_html.strip(),
        "profile": None,
        "recruitment_process": None,
        "key_missions": [],
        "summary": "",
        "office": job.office,
        "tools": [],
        "skills": [{"name": {"fr": s, "en": s}} for s in placed.get("skills", [])],
    }


def job_api_url(organization: str, slug: str) -> str:
    return f"{API}/api/v1/organizations/{organization}/jobs/{slug}"


def _detail_recording(job: _Job) -> Recording:
    url = job_api_url(job.organization, job.slug)
    if job.placed.get("api", "ok") == "missing":
        return Recording("GET", url, 404, JSON, b'{"error":"Not Found"}\n')
    return Recording("GET", url, 200, JSON, _json({"job": _detail(job)}))


# --------------------------------------------------------------------------------------------
# Job page
# --------------------------------------------------------------------------------------------


def job_page_url(lang: str, organization: str, slug: str) -> str:
    return f"{SITE}/{lang}/companies/{organization}/jobs/{slug}"


def _short(amount: int | float | None) -> str:
    if amount is None:
        return "?"
    return f"{amount / 1000:g}K" if amount >= 1000 else f"{amount:g}"


def salary_line(lang: str, salary: dict[str, Any] | None) -> str:
    """The job page's salary line: "Salaire : Non spécifié", "Salaire : 45K à 55K € par an"."""
    label, unknown, span, per = SALARY_WORDS.get(lang, SALARY_WORDS["en"])
    if not salary:
        return label + unknown
    low, high = salary.get("min"), salary.get("max")
    amounts = (
        span.format(low=_short(low), high=_short(high)) if low and high else _short(low or high)
    )
    currency = salary.get("currency")
    symbol = _CURRENCY_SYMBOLS.get(currency or "", currency or "")
    period = PERIOD_WORDS.get(lang, PERIOD_WORDS["en"]).get(salary.get("period") or "")
    return f"{label}{amounts} {symbol}".rstrip() + (per.format(period=period) if period else "")


def _env_script() -> str:
    env = {
        "ALGOLIA_APPLICATION_ID": ALGOLIA_APP_ID,
        "ALGOLIA_API_KEY_CLIENT": ALGOLIA_API_KEY,
        "ALGOLIA_JOBS_INDEX_PREFIX": INDEX_PREFIX,
        "API_URL": API,
        "ENVIRONMENT": "production",
    }
    return f"<script>window.env = {json.dumps(env, separators=(',', ':'))};</script>"


def _script_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _json_ld(job: _Job, detail: dict[str, Any]) -> str:
    record = job.record
    salary = record.salary
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": record.title,
        "description": detail["description"],
        "datePosted": job.published_at,
        "employmentType": _SCHEMA_TYPES.get(detail["contract_type"] or "", "OTHER"),
        "hiringOrganization": {"@type": "Organization", "name": record.company},
        "jobLocation": [
            {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": job.office["city"],
                    "addressCountry": job.office["country_code"],
                },
            }
        ],
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": salary["currency"],
            "value": {
                "@type": "QuantitativeValue",
                "minValue": salary["min"],
                "maxValue": salary["max"],
                "unitText": salary.get("period", "year").upper(),
            },
        }
        if salary
        else None,
        "industry": record.department,
    }
    # The site writes the employer's line breaks raw into the JSON strings (invalid JSON that
    # browsers accept): keep that quirk, the spider must read it.
    return re.sub(r"(?<!\\)\\n", "\n", _script_json(posting))


def _faq(job: _Job, lang: str) -> str:
    question = LABELS[lang]["faq"].format(company=job.record.company)
    faq = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [{"@type": "Question", "name": question}],
    }
    return _script_json(faq)


def _initial_data(job: _Job, detail: dict[str, Any]) -> str:
    data = detail | {
        "organization": {
            "name": job.record.company,
            "slug": job.organization,
            "reference": _org_reference(job.record.company),
        }
    }
    state = {
        "mutations": [],
        "queries": [
            {
                "queryKey": ["organizations", job.organization, "jobs", job.slug],
                "queryHash": json.dumps(["organizations", job.organization, "jobs", job.slug]),
                "state": {
                    "data": data,
                    "dataUpdateCount": 1,
                    "dataUpdatedAt": job.timestamp * 1000,
                    "error": None,
                    "status": "success",
                },
            }
        ],
    }
    literal = json.dumps(json.dumps(state, ensure_ascii=False), ensure_ascii=False)
    return literal.replace("</", "<\\/")


def _section(testid: str, title: str, body: str | None) -> str:
    if not body:
        return ""
    return f'<div data-testid="{testid}"><h3>{title}</h3><div>{body}</div></div>'


def _page(job: _Job, lang: str) -> bytes:
    record, labels = job.record, LABELS[lang]
    detail = _detail(job)
    url = job_page_url(lang, job.organization, job.slug)
    company = html.escape(record.company)
    title = html.escape(record.title)
    company_link = f"/{lang}/companies/{job.organization}"
    remote = labels.get(detail["remote"])
    salary = salary_line(lang, _detail_salary(detail))
    skills = "".join(f"<li>{html.escape(s)}</li>" for s in job.placed.get("skills", []))
    profession = job.placed.get("profession") or record.department or "Tech"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} - {company} | Welcome to the Jungle</title>",
        f'<link rel="canonical" href="{url}">',
        *(
            f'<link rel="alternate" hreflang="{other}" '
            f'href="{job_page_url(other, job.organization, job.slug)}">'
            for other in LANGUAGES
        ),
        f'<script type="application/ld+json">{_json_ld(job, detail)}</script>',
        f'<script type="application/ld+json">{_faq(job, lang)}</script>',
        _env_script(),
        "</head>",
        "<body>",
        '<div id="app">',
        f'<header data-testid="header"><a href="/{lang}" aria-label="Welcome to the Jungle">'
        '<svg aria-hidden="true" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"></path></svg>'
        "</a></header>",
        "<main>",
        '<section data-testid="job-metadata-block">',
        f"<h2>{title}</h2>",
        '<div data-testid="job-summary">',
        f"<h3>{labels['summary']}</h3>",
        f'<div><i name="salary"></i><span>{html.escape(salary)}</span></div>',
        f'<div><i name="remote"></i><span>{remote}</span></div>' if remote else "",
        f'<div data-testid="job-skills"><h4>{labels["skills"]}</h4><ul>{skills}</ul></div>'
        if skills
        else "",
        "</div>",
        f'<a href="{company_link}"><img alt="{company}" src="https://cdn.welcometothejungle.com/'
        f'uploads/organization/logo/{job.organization}.png"><span>{company}</span></a>',
        f'<div data-testid="job-company-tag"><span>{company}</span></div>',
        f'<div data-testid="job-apply"><p>{labels["apply_cta"]}</p>'
        f'<a data-testid="job_header-button-apply" href="{url}/apply" '
        f'aria-label="{labels["apply"]}"><i name="send"></i></a></div>',
        "</section>",
        '<section data-testid="job-body">',
        f"<h2>{labels['position']}</h2>",
        _section("job-section-description", labels["description"], detail["description"]),
        _section("job-section-experience", labels["profile"], detail["profile"]),
        _section("job-section-process", labels["process"], detail["recruitment_process"]),
        "</section>",
        f'<section data-testid="job-more"><h3>{labels["more"]}</h3>'
        f'<a href="{company_link}" aria-label="{company}"><i name="arrow-right"></i></a></section>',
        '<aside data-testid="similar-jobs">',
        f"<h3>{labels['similar']}</h3>",
        f"<p>{html.escape(labels['also_hiring'].format(profession=profession))}</p>",
        "</aside>",
        "</main>",
        "</div>",
        f"<script>window.__INITIAL_DATA__ = {_initial_data(job, detail)};</script>",
        '<script src="/static/js/main.js" defer></script>',
        "</body>",
        "</html>",
    ]
    return ("\n".join(p for p in parts if p) + "\n").encode("utf-8")


def _detail_salary(detail: dict[str, Any]) -> dict[str, Any] | None:
    if not detail["salary_min"] and not detail["salary_max"]:
        return None
    period = {v: k for k, v in _PERIODS.items()}.get(detail["salary_period"] or "")
    return {
        "min": detail["salary_min"],
        "max": detail["salary_max"],
        "currency": detail["salary_currency"],
        "period": period,
    }


# AWS WAF's JavaScript challenge, as a non-browser client gets it: HTTP 202 and this page.
WAF_CHALLENGE = b"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title></title>
<script type="text/javascript">
window.awsWafCookieDomainList = [];
window.gokuProps = {
"key":"AQIDAHjcYu/GjX+QlghicBgQ/7bFaQZ+m5FKCMDnO+vTbNg96AHc",
"iv":"D549tQCRGQAAAvzt",
"context":"kG0d8m3+X2TQ0jGZ5o6y"
};
</script>
<script src="https://4a4b1b6a5c3d.edge.sdk.awswaf.com/4a4b1b6a5c3d/5e6f7a8b9c0d/challenge.js">
</script>
</head>
<body>
<div id="challenge-container"></div>
<script type="text/javascript">
AwsWafIntegration.saveReferrer();
AwsWafIntegration.checkForceRefresh().then((forceRefresh) => {
  if (forceRefresh) {
    AwsWafIntegration.forceRefreshToken().then(() => { window.location.reload(true); });
  } else {
    AwsWafIntegration.getToken().then(() => { window.location.reload(true); });
  }
});
</script>
<noscript>
<h1>JavaScript is disabled</h1>
In order to continue, you need to verify that you're not a robot by solving a CAPTCHA puzzle.
The CAPTCHA puzzle requires JavaScript. Enable JavaScript and then reload the page.
</noscript>
</body>
</html>
"""
FORBIDDEN = b"<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n</body>\n</html>\n"  # noqa: E501


def _page_recordings(job: _Job) -> list[Recording]:
    kind = job.placed.get("page", "ok")
    if kind == "none":
        return []
    recordings = []
    for lang in LANGUAGES:
        url = job_page_url(lang, job.organization, job.slug)
        if kind == "waf":
            headers = [*HTML, ("x-amzn-waf-action", "challenge")]
            recordings.append(Recording("GET", url, 202, headers, WAF_CHALLENGE))
        elif kind == "forbidden":
            recordings.append(Recording("GET", url, 403, HTML, FORBIDDEN))
        else:
            recordings.append(Recording("GET", url, 200, HTML, _page(job, lang)))
    return recordings


# --------------------------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------------------------


def _site_recordings() -> list[Recording]:
    not_found = b'{"message":"Not Found","status":404}\n'
    recordings = [
        Recording("GET", f"{SITE}/robots.txt", 200, [("Content-Type", "text/plain")], ROBOTS),
        Recording("GET", f"{API}/robots.txt", 404, JSON, b'{"error":"Not Found"}\n'),
        Recording(
            "GET", algolia_query_url("fr").split("/1/")[0] + "/robots.txt", 404, JSON, not_found
        ),
    ]
    env_js = {
        f"PUBLIC_{k}": v
        for k, v in (
            ("ALGOLIA_APPLICATION_ID", ALGOLIA_APP_ID),
            ("ALGOLIA_API_KEY_CLIENT", ALGOLIA_API_KEY),
            ("ALGOLIA_JOBS_INDEX_PREFIX", INDEX_PREFIX),
            ("API_URL", API),
            ("ENVIRONMENT", "production"),
        )
    }
    script = f"window.env = {json.dumps(env_js, indent=2)};\n".encode()
    recordings.append(
        Recording(
            "GET",
            f"{SITE}/api/env",
            200,
            [("Content-Type", "application/javascript; charset=utf-8")],
            script,
        )
    )
    for lang in LANGUAGES:
        shell = (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{LABELS[lang]['jobs_title']}</title>\n{_env_script()}\n</head>\n"
            '<body>\n<div id="app"></div>\n<script src="/static/js/main.js" defer></script>\n'
            "</body>\n</html>\n"
        )
        # The job-search page: a client-rendered shell that carries window.env.
        recordings.append(Recording("GET", f"{SITE}/{lang}/jobs", 200, HTML, shell.encode()))
    return recordings


def render(records: list[PostingRecord]) -> list[Recording]:
    jobs = sorted((_job(r) for r in records), key=lambda j: (j.organization, j.reference))
    recordings = _site_recordings()
    organizations = sorted({j.organization for j in jobs})
    for lang in LANGUAGES:
        for organization in organizations:
            recordings.extend(_search_answers(lang, Query(organization=organization), jobs))
        for country in COUNTRY_SEARCHES:
            recordings.extend(_search_answers(lang, Query(country=country), jobs))
    for job in jobs:
        recordings.append(_detail_recording(job))
        recordings.extend(_page_recordings(job))
    return recordings


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


_ALPHABET = string.ascii_letters + string.digits


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    """Options of a generated WTTJ company: ``syndicated`` (share of its jobs listed on 2-3
    syndication sites, default 0.3) and ``ats`` ("lever": apply on a Lever posting)."""
    reference = f"{_org_reference(spec.company)}_" + "".join(rng.choices(_ALPHABET, k=7))
    syndications = 1 + (rng.random() < float(spec.options.get("syndicated", 0.3))) * rng.choice(
        (1, 2)
    )
    placement: dict[str, Any] = {
        "organization": spec.board,
        "reference": reference,
        "syndications": syndications,
        "page": "none",
    }
    if level := rng.choice(_LEVELS):
        placement["experience_level"] = level
    if spec.options.get("ats") == "lever":
        posting = uuid.UUID(int=rng.getrandbits(128), version=4)
        placement["apply_url"] = ats_posting_url("lever", spec.board, str(posting)) + "/apply"
    return placement
