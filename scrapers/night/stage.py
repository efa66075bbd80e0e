"""Step 3, stage the feeds: postings, jobs, delta, expired, dead letters and the report, written
and fsynced into the staging folder (no Scrapy import)."""

from __future__ import annotations

import json
import logging
import os
import shutil
from contextlib import ExitStack
from datetime import UTC, datetime
from typing import Any

from scrapers.completeness import Completeness
from scrapers.health import HealthSettings
from scrapers.night.files import durable, read_jsonl, write_jsonl, write_text
from scrapers.night.health import History, judge_night
from scrapers.night.html import write_report_html
from scrapers.night.plan import FEEDS, REPORT, REPORT_HTML, NightPlan
from scrapers.night.report import PostingFigures, build_report
from scrapers.night.settle import POSTING_BOARDS, StagedItems
from scrapers.night.status import night_status
from scrapers.state import redacted
from scrapers.state.results import NightResult

logger = logging.getLogger(__name__)


def stage_feeds(
    plan: NightPlan,
    result: NightResult,
    staged: StagedItems,
    stats: dict[str, dict[str, Any]],
    started: datetime,
    complete: Completeness,
    history: History | None = None,
    health: HealthSettings | None = None,
) -> dict[str, dict[str, Any]]:
    """Every feed of the night, then ``report.json`` from the crawlers' ``stats``, with the
    night's status (``complete``: what was read in full) and its health findings against the
    previous nights' figures (``history``). Returns tonight's figures, for the state."""
    staging = plan.staging
    figures = stage_postings(plan, result, staged)
    # Expired postings are in no source's postings: counted beside their source's statuses.
    for posting in result.expired:
        source = figures.get(posting.get("source") or "")
        if source is not None:
            source["expired"] = source.get("expired", 0) + 1
    for source in figures.values():
        source.setdefault("expired", 0)
    write_jsonl(staging / "expired.jsonl", result.expired)
    deadletter = read_jsonl(plan.staged_deadletter(name) for name in plan.sources)
    deadletter.sort(
        key=lambda line: (line.get("spider") or "", json.dumps(line["item"], sort_keys=True))
    )
    write_jsonl(staging / "deadletter.jsonl", deadletter)
    report = build_report(
        night=plan.night,
        started=started,
        finished=datetime.now(UTC),
        world=plan.world,
        sources=stats,
        files={name: str(plan.out / name) for name in (*FEEDS, REPORT, REPORT_HTML)},
        postings=figures,
        night_counts={
            "live_jobs": len(result.jobs),
            "new_or_updated_jobs": len(result.delta),
            "expired_postings": len(result.expired),
            "duplicate_postings": sum(result.duplicates.values()),
        },
        state=redacted(plan.state),  # published: a URL's password is not
        status=night_status(complete, exported=len(result.order)),
    )
    report, figures = judge_night(report, history or [], health or HealthSettings())
    write_text(staging / REPORT, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    stage_page(plan, report, deadletter)
    return figures


def stage_page(plan: NightPlan, report: dict[str, Any], deadletter: list[dict[str, Any]]) -> None:
    """report.html beside report.json, its trends read from the nights before in the feeds
    folder. The page is derived from the feeds: a fault in it is logged, and the night's data
    are published all the same."""
    try:
        write_report_html(plan.staging, report, plan.feeds_dir, deadletter)
    except Exception:
        logger.exception("%s of night %s not written", REPORT_HTML, plan.night)


def stage_postings(
    plan: NightPlan, result: NightResult, staged: StagedItems
) -> dict[str, dict[str, Any]]:
    """postings.jsonl, the per-source files, jobs.jsonl and delta.jsonl, one item in memory at a
    time; returns the report's per-source posting figures.

    postings.jsonl is in (source, id) order and jobs.jsonl in id order: each job line is written
    once, beside its head's posting line, to a scratch file, then copied over in id order.
    """
    staging = plan.staging
    settled = staging / "settled"
    sources = list(dict.fromkeys(plan.sources))
    heads = {job.head: job for job in result.jobs}
    job_at: dict[str, int] = {}
    figures = PostingFigures()
    with ExitStack() as stack:
        stack.callback(staged.close)
        outputs = {
            name: stack.enter_context(durable(settled / f"{name}.jsonl")) for name in sources
        }
        postings = stack.enter_context(durable(staging / "postings.jsonl"))
        scratch = stack.enter_context((settled / "jobs.scratch").open("w+b"))
        for posting in result.order:
            item = result.posting(staged.item(posting))
            text = json.dumps(item, ensure_ascii=False) + "\n"
            postings.write(text)
            source = item.get("source")
            if isinstance(source, str) and source in outputs:
                outputs[source].write(text)
            figures.add(item)
            job = heads.get(posting)
            if job is not None:
                job_at[posting] = scratch.tell()
                line = json.dumps(result.job_line(job, item), ensure_ascii=False) + "\n"
                scratch.write(line.encode("utf-8"))
        jobs = stack.enter_context(durable(staging / "jobs.jsonl"))
        delta = stack.enter_context(durable(staging / "delta.jsonl"))
        for job in result.jobs:
            scratch.seek(job_at[job.head])
            text = scratch.readline().decode("utf-8")
            jobs.write(text)
            if job.status != "unchanged":
                delta.write(text)
    # Only now: the per-source files were the items' source until the last job line.
    for name in sources:
        target = plan.staged_items(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(settled / f"{name}.jsonl", target)
    shutil.rmtree(settled)
    # Settled into the state; the boards are no feed of their own (the item contract has none).
    shutil.rmtree(staging / POSTING_BOARDS, ignore_errors=True)
    return figures.figures()
