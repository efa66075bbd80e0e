"""SmartRecruiters Posting API responses, in the API's real shape (see docs/world.md).

Per company: the postings list a hundred a page (``?limit=100&offset=N``) and one detail per
posting, whose ``jobAd.sections`` are the record's body cut at its section headings.

A record's ``[smartrecruiters]`` table: ``company`` (the identifier), ``id``, ``location``
(``{city, region, country, remote, hybrid}``, country lower-case as the API writes it),
``sections`` (which heading of ``body_html`` starts ``companyDescription``, ``jobDescription``,
``qualifications`` and ``additionalInformation``), and optionally ``ref_number``,
``type_of_employment``, ``experience_level``, ``department``, ``function``, ``industry``
(``{id, label}``), ``custom_fields`` (``[{fieldId, fieldLabel, valueId, valueLabel}]``) and
``language`` (``{code, label, labelNative}``). Generated records leave location and sections
out: they come from the record's location string and the phrasebook's headings.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Any

from scrapers.world import Recording
from world.builder.common import generated_place, group_records, robots_recording
from world.builder.phrasebook import COUNTRY_NAMES, PHRASEBOOK
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

# The Posting API (public, no key) and the hosted job pages its postings link to.
API = "https://api.smartrecruiters.com"
HOSTED = "https://jobs.smartrecruiters.com"
# The list pages at most 100 postings (the API's largest `limit`, the one the spider asks for).
PAGE_SIZE = 100
JSON_HEADERS = [("Content-Type", "application/json;charset=UTF-8")]
SECTION_KEYS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
_LANGUAGES = {
    "en": ("English", "English (US)"),
    "fr": ("French", "français"),
    "de": ("German", "Deutsch"),
    "es": ("Spanish", "español"),
    "nl": ("Dutch", "Nederlands"),
}
_GENERATED_HEADINGS = ("about", "role", "requirements", "benefits")


def postings_url(company: str, offset: int) -> str:
    return f"{API}/v1/companies/{company}/postings?limit={PAGE_SIZE}&offset={offset}"


def posting_url(company: str, posting_id: str) -> str:
    return f"{API}/v1/companies/{company}/postings/{posting_id}"


def hosted_url(company: str, posting_id: str, title: str) -> str:
    """The public job page: the posting id, then the title in ASCII lower case, words joined
    by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return f"{HOSTED}/{company}/{posting_id}-{slug}"


def _location(record: PostingRecord, placed: dict[str, Any]) -> dict[str, Any]:
    if "location" in placed:
        given = dict(placed["location"])
    else:
        place = generated_place(record)
        given = {
            "city": place.city,
            "region": place.region,
            "country": place.country.lower(),
            "remote": place.workplace == "remote",
            "hybrid": place.workplace == "hybrid",
        }
    country = (given.get("country") or "").lower()
    parts = [given.get("city"), given.get("region"), COUNTRY_NAMES.get(country.upper(), country)]
    return {
        "city": given.get("city"),
        "region": given.get("region"),
        "country": country,
        "remote": bool(given.get("remote", False)),
        "hybrid": bool(given.get("hybrid", False)),
        "fullLocation": ", ".join(dict.fromkeys(p for p in parts if p)),
    }


def _headings(record: PostingRecord, placed: dict[str, Any]) -> dict[str, str]:
    if "sections" in placed:
        return dict(placed["sections"])
    words = PHRASEBOOK.get(record.language or "en", PHRASEBOOK["en"])
    return {k: str(words[w]) for k, w in zip(SECTION_KEYS, _GENERATED_HEADINGS, strict=True)}


def split_sections(record: PostingRecord, placed: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The body cut at the headings that start each section, headings becoming titles."""
    body = record.body_html.strip()
    found = []
    for key, title in _headings(record, placed).items():
        match = re.search(rf"<h[1-6][^>]*>\s*{re.escape(title)}\s*</h[1-6]>", body)
        if match:
            found.append((match.start(), match.end(), key, title))
    found.sort()
    if not found:
        return {"jobDescription": {"title": "Job Description", "text": body}}
    sections = {}
    for i, (_, end, key, title) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(body)
        sections[key] = {"title": title, "text": body[end:stop].strip()}
    if lead := body[: found[0][0]].strip():  # text above the first heading opens the job
        job = sections.get("jobDescription", {"title": "Job Description", "text": ""})
        sections["jobDescription"] = {**job, "text": f"{lead}\n{job['text']}".strip()}
    return {key: sections[key] for key in SECTION_KEYS if key in sections}


def _released(record: PostingRecord) -> str:
    moment = datetime.fromisoformat(record.published).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _label(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return {"id": value.get("id"), "label": value.get("label")} if value else None


def _experience(title: str) -> dict[str, str]:
    """The career level an employer would pick for a generated title (labels are the API's
    fixed English list whatever the posting's language)."""
    words = set(re.findall(r"\w+", title.lower()))
    if words & {"junior", "júnior"}:
        return {"id": "entry_level", "label": "Entry Level"}
    if words & {"senior", "sénior", "lead", "staff", "principal", "confirmé"}:
        return {"id": "mid_senior_level", "label": "Mid-Senior Level"}
    return {"id": "associate", "label": "Associate"}


def _posting(record: PostingRecord) -> dict[str, Any]:
    placed = record.placements["smartrecruiters"]
    company, posting_id = placed["company"], str(placed["id"])
    language = record.language or "en"
    label, native = _LANGUAGES.get(language, (language, language))
    employment = placed.get("type_of_employment") or {
        "id": "permanent",
        "label": record.employment_type or "Full-time",
    }
    posting: dict[str, Any] = {
        "id": posting_id,
        "name": record.title,
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"smartrecruiters:{company}:{posting_id}")),
        "jobAdId": str(uuid.uuid5(uuid.NAMESPACE_URL, f"smartrecruiters-ad:{posting_id}")),
        "defaultJobAd": True,
        "refNumber": placed.get("ref_number", f"REF{posting_id[-6:]}"),
        "company": {"identifier": company, "name": record.company},
        "releasedDate": _released(record),
        "location": _location(record, placed),
        "industry": _label(placed.get("industry")) or {"id": "computer_software",
                                                        "label": "Computer Software"},
        "department": _label(placed.get("department"))
        or ({"id": "0", "label": record.department} if record.department else {}),
        "function": _label(placed.get("function")) or {"id": "other", "label": "Other"},
        "typeOfEmployment": _label(employment),
        "experienceLevel": _label(placed.get("experience_level")) or _experience(record.title),
        "customField": list(placed.get("custom_fields") or []),
        "visibility": "PUBLIC",
        "ref": posting_url(company, posting_id),
        "creator": {"name": placed.get("creator", "Talent Acquisition")},
        "language": placed.get("language")
        or {"code": language, "label": label, "labelNative": native},
    }  # fmt: skip
    return posting


def _detail(record: PostingRecord) -> dict[str, Any]:
    placed = record.placements["smartrecruiters"]
    posting = _posting(record)
    public = hosted_url(placed["company"], posting["id"], record.title)
    return {
        **posting,
        "active": True,
        "applyUrl": f"{public}?oga=true",
        "postingUrl": public,
        "jobAd": {"sections": split_sections(record, placed)},
    }


def _json(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def _company_recordings(company: str, records: list[PostingRecord]) -> list[Recording]:
    # Newest first, as the API lists them.
    records = sorted(
        records,
        key=lambda r: (_released(r), str(r.placements["smartrecruiters"]["id"])),
        reverse=True,
    )
    postings = [_posting(r) for r in records]
    recordings = []
    for offset in range(0, max(len(postings), 1), PAGE_SIZE):
        page = {
            "offset": offset,
            "limit": PAGE_SIZE,
            "totalFound": len(postings),
            "content": postings[offset : offset + PAGE_SIZE],
        }
        recordings.append(
            Recording("GET", postings_url(company, offset), 200, JSON_HEADERS, _json(page))
        )
    for record in records:
        posting_id = str(record.placements["smartrecruiters"]["id"])
        recordings.append(
            Recording(
                "GET", posting_url(company, posting_id), 200, JSON_HEADERS, _json(_detail(record))
            )
        )
    return recordings


def render(records: list[PostingRecord]) -> list[Recording]:
    companies = group_records(records, lambda r: r.placements["smartrecruiters"]["company"])
    recordings = [robots_recording(API)]
    for company in sorted(companies):
        recordings.extend(_company_recordings(company, companies[company]))
    return recordings


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    # 15-digit ids like SmartRecruiters', unique within the company.
    department = rng.choice(["Engineering", "Product", "Sales", "Operations", "Finance"])
    return {
        "company": spec.board,
        "id": str(744_000_000_000_000 + (spec.seed % 1000) * 100_000 + index),
        "department": {"id": department.lower(), "label": department},
    }
