"""The jobs a fault server board lists, in each ATS's own shape, made up from the board's name.

Every board lists :data:`JOBS` jobs whose ids, titles and company follow from its name alone, so
a test knows what a board holds without asking the server, two boards never share an id, and
the same board answers the same on every night. Bodies are long enough, and English enough, for
every pipeline of the project (language, boilerplate, the item contract) to keep them.
"""

from __future__ import annotations

import hashlib
import html
import json
import uuid
from typing import Any

JOBS = 3
ROLES = ("Backend Engineer", "Data Analyst", "Product Designer", "Site Reliability Engineer")
CITIES = ("Berlin, Germany", "Lisbon, Portugal", "Austin, TX")
PUBLISHED = "2026-11-02T09:30:00+00:00"
CREATED_MS = 1793606400000  # Lever's createdAt: epoch milliseconds


def _number(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)


def company(board: str) -> str:
    return board.replace("-", " ").title()


def body_html(board: str, title: str) -> str:
    who = company(board)
    return (
        f"<h3>About {who}</h3>\n"
        f"<p>{who} builds tools that help small shops sell to customers all over the world, "
        "and every team owns its work from the first idea to the last support ticket.</p>\n"
        "<h3>The role</h3>\n"
        f"<p>As our new {title}, you will work with product, design and engineering to turn "
        "real customer problems into simple and reliable software.</p>\n"
        "<h3>What we are looking for</h3>\n"
        "<ul><li>Clear written and spoken communication in English</li>"
        "<li>Several years of professional experience in a similar role</li>"
        "<li>A habit of asking good questions and finishing what you start</li></ul>\n"
        "<h3>What we offer</h3>\n"
        "<ul><li>Flexible working hours</li><li>A yearly learning budget</li></ul>"
    )


# --- Greenhouse ------------------------------------------------------------------------------


def greenhouse_id(board: str, n: int) -> int:
    """The id of job ``n`` of ``board``: ten digits, as Greenhouse's are."""
    return 5_000_000_000 + _number(board) % 10**7 * 100 + n


def greenhouse_job(board: str, n: int) -> dict[str, Any]:
    """Job ``n`` of ``board`` as the list endpoint (``content=true``) gives it."""
    job_id = greenhouse_id(board, n)
    title = f"{ROLES[n % len(ROLES)]} {n + 1}"
    return {
        "absolute_url": f"https://job-boards.greenhouse.io/{board}/jobs/{job_id}",
        "data_compliance": [],
        "internal_job_id": job_id - 1_000_000_000,
        "location": {"name": CITIES[n % len(CITIES)]},
        "metadata": None,
        "id": job_id,
        "updated_at": PUBLISHED,
        "requisition_id": None,
        "title": title,
        "company_name": company(board),
        "first_published": PUBLISHED,
        "language": "en",
        # Greenhouse escapes the body's HTML once.
        "content": html.escape(body_html(board, title), quote=False),
        "departments": [{"id": 1, "name": "Engineering"}],
        "offices": [],
    }


def greenhouse_jobs(board: str) -> list[dict[str, Any]]:
    return [greenhouse_job(board, n) for n in range(JOBS)]


def greenhouse_list(jobs: list[Any]) -> bytes:
    return json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}).encode()


def greenhouse_detail(board: str, job_id: int) -> bytes | None:
    """The single-job endpoint's answer (``pay_transparency=true``), None for an unknown id."""
    for job in greenhouse_jobs(board):
        if job["id"] == job_id:
            return json.dumps({**job, "pay_input_ranges": []}).encode()
    return None


# --- Lever ----------------------------------------------------------------------------------


def lever_id(site: str, n: int, *, hosted: str = "https://jobs.lever.co") -> str:
    """The id of posting ``n`` of ``site`` on the instance whose jobs are at ``hosted``."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{hosted}/{site}/{n}"))


def lever_posting(site: str, n: int, *, hosted: str = "https://jobs.lever.co") -> dict[str, Any]:
    posting_id = lever_id(site, n, hosted=hosted)
    title = f"{ROLES[n % len(ROLES)]} {n + 1}"
    opening, _, rest = body_html(site, title).partition("<h3>The role</h3>")
    return {
        "id": posting_id,
        "text": title,
        "categories": {
            "location": CITIES[n % len(CITIES)],
            "commitment": "Full-time",
            "team": "Engineering",
        },
        "country": "DE",
        "workplaceType": "hybrid",
        "createdAt": CREATED_MS,
        "opening": opening,
        "descriptionBody": f"<h3>The role</h3>{rest}",
        "lists": [],
        "additional": "",
        "hostedUrl": f"{hosted}/{site}/{posting_id}",
        "applyUrl": f"{hosted}/{site}/{posting_id}/apply",
    }


def lever_postings(site: str, *, hosted: str = "https://jobs.lever.co") -> list[dict[str, Any]]:
    return [lever_posting(site, n, hosted=hosted) for n in range(JOBS)]


def lever_page(postings: list[Any]) -> bytes:
    return json.dumps(postings).encode()


# --- what a crawl makes of a board -------------------------------------------------------------

LEVER_HOSTED = {"": "https://jobs.lever.co", "eu": "https://jobs.eu.lever.co"}


def posting_ids(source: str, board: str, jobs: range = range(JOBS)) -> set[str]:
    """The ids jobsieve gives jobs ``jobs`` of ``board``, named as its spider names it (a Lever
    board ``eu:<site>`` is on Lever's EU instance)."""
    if source == "greenhouse":
        return {f"greenhouse:{greenhouse_id(board, n)}" for n in jobs}
    instance, _, site = board.rpartition(":")
    return {f"lever:{lever_id(site, n, hosted=LEVER_HOSTED[instance])}" for n in jobs}


def list_path(source: str, board: str) -> str:
    """The path of a board's list (a Lever site's pages) on the server."""
    if source == "greenhouse":
        return f"/v1/boards/{board}/jobs"
    return f"/v0/postings/{board.rpartition(':')[2]}"
