"""Greenhouse Job Board API responses, in the API's real shape (see docs/world.md)."""

from __future__ import annotations

import html
import json
import random
from typing import Any

from scrapers.world import Recording
from world.builder.common import group_records, robots_recording
from world.builder.records import PostingRecord
from world.builder.synthetic import CompanySpec

# The public Job Board API, and the hosted board a job's absolute_url points at.
API = "https://boards-api.greenhouse.io"
HOSTED = "https://job-boards.greenhouse.io"
JSON_HEADERS = [("Content-Type", "application/json; charset=utf-8")]


def board_jobs_url(board: str) -> str:
    """A board's jobs with their bodies (without ``content=true`` the list has none)."""
    return f"{API}/v1/boards/{board}/jobs?content=true"


def job_detail_url(board: str, job_id: int) -> str:
    """One job; ``pay_transparency=true`` adds its ``pay_input_ranges``."""
    return f"{API}/v1/boards/{board}/jobs/{job_id}?pay_transparency=true"


def _job(record: PostingRecord, board: str) -> dict[str, Any]:
    placed = record.placements["greenhouse"]
    job_id = int(placed["id"])
    return {
        "absolute_url": f"{HOSTED}/{board}/jobs/{job_id}",
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": False,
                "requires_processing_consent": False,
                "requires_retention_consent": False,
                "retention_period": None,
                "demographic_data_consent_applies": False,
            }
        ],
        "internal_job_id": int(placed.get("internal_job_id", job_id)),
        "location": {"name": record.location or ""},
        "metadata": placed.get("metadata") or None,
        "id": job_id,
        "updated_at": record.updated,
        "requisition_id": placed.get("requisition_id"),
        # Greenhouse keeps the title exactly as typed, trailing spaces included.
        "title": record.title,
        "company_name": record.company,
        "first_published": record.published,
        "language": record.language or "en",
        # The real API entity-escapes the HTML once (&lt;p&gt;…).
        "content": html.escape(record.body_html.strip(), quote=True),
        "departments": [
            {"id": d["id"], "name": d["name"], "child_ids": [], "parent_id": None}
            for d in placed.get("departments", [])
        ],
        "offices": [
            {
                "id": o["id"],
                "name": o["name"],
                "location": o.get("location"),
                "child_ids": [],
                "parent_id": None,
            }
            for o in placed.get("offices", [])
        ],
    }


def render(records: list[PostingRecord]) -> list[Recording]:
    boards = group_records(records, lambda r: r.placements["greenhouse"]["board"])
    recordings = [robots_recording(API)]
    for board in sorted(boards):
        placed = sorted(boards[board], key=lambda r: int(r.placements["greenhouse"]["id"]))
        jobs = [_job(r, board) for r in placed]
        body = {"jobs": jobs, "meta": {"total": len(jobs)}}
        recordings.append(Recording("GET", board_jobs_url(board), 200, JSON_HEADERS, _json(body)))
        for record, job in zip(placed, jobs, strict=True):
            detail = job | {"pay_input_ranges": _pay_ranges(record)}
            url = job_detail_url(board, job["id"])
            recordings.append(Recording("GET", url, 200, JSON_HEADERS, _json(detail)))
    return recordings


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


_PAY_TITLES = {"year": "Annual Base Salary", "hour": "Hourly Pay", "month": "Monthly Salary"}


def _pay_ranges(record: PostingRecord) -> list[dict[str, Any]]:
    salary = record.salary
    if not salary:
        return []
    return [
        {
            "min_cents": round(salary["min"] * 100),
            "max_cents": round(salary["max"] * 100),
            "currency_type": salary["currency"],
            "title": _PAY_TITLES.get(salary.get("period", "year"), "Pay Range"),
            "blurb": "<p>Final offers are determined by location, skills and experience.</p>",
        }
    ]


def synthetic_placement(spec: CompanySpec, index: int, rng: random.Random) -> dict[str, Any]:
    # 10-digit ids like Greenhouse's, unique within the board.
    job_id = 7_000_000_000 + (spec.seed % 1000) * 1_000_000 + index
    offices = [{"id": 4_100_000_000 + spec.seed, "name": "HQ", "location": None}]
    return {
        "board": spec.board,
        "id": job_id,
        "internal_job_id": job_id - 3_000_000_000,
        "offices": offices,
        "departments": [],
        "metadata": [],
    }
