"""Per-crawl checks with Spidermon (optional: ``pip install 'jobsieve[monitoring]'``).

Spidermon runs monitor suites when a crawler closes and sends what failed through its actions
(e-mail, Slack, Telegram, Sentry, Discord…). Each source's crawler of a `crawlall` night is one
such crawl, so this suite checks what one crawl can know: it finished, no board failed, it
exported postings. Comparing a night with earlier nights needs the state and every source at
once, after the crawlers have closed: that is ``scrapers/health/`` (docs/health.md).

Enable it (``settings.py`` or ``-s``)::

    SPIDERMON_ENABLED = True
    SPIDERMON_SPIDER_CLOSE_MONITORS = ["scrapers.monitoring.CrawlMonitors"]
    JOBSIEVE_MONITOR_ACTIONS = [
        "spidermon.contrib.actions.slack.notifiers.SendSlackMessageSpiderFinished"
    ]

plus the chosen action's own ``SPIDERMON_*`` settings (Spidermon's documentation).
"""

from __future__ import annotations

from typing import Any

from scrapy.utils.misc import load_object
from spidermon import Monitor, MonitorSuite, monitors

from scrapers.completeness import board_counters


class _CrawlMonitor(Monitor):
    @property
    def stats(self) -> dict[str, Any]:
        # Spidermon's stats are an attribute dict; read them as the plain dict they wrap.
        return dict(self.data.stats)

    @property
    def source(self) -> str:
        return self.data.spider.name


@monitors.name("jobsieve crawl")
class CrawlMonitor(_CrawlMonitor):
    @monitors.name("the crawl finished")
    def test_finished(self) -> None:
        reason = self.stats.get("finish_reason")
        self.assertEqual(
            reason, "finished", msg=f"{self.source}: the crawl did not finish ({reason})"
        )

    @monitors.name("no board failed")
    def test_no_board_failed(self) -> None:
        failed = sorted(
            board for board, c in board_counters(self.source, self.stats).items() if c.get("error")
        )
        self.assertFalse(failed, msg=f"{self.source}: board(s) failed: {', '.join(failed)}")

    @monitors.name("postings exported")
    def test_postings(self) -> None:
        count = int(self.stats.get("item_scraped_count") or 0)
        self.assertGreater(count, 0, msg=f"{self.source} exported no postings")


class CrawlMonitors(MonitorSuite):
    """jobsieve's per-crawl monitors; what failed goes to the actions named in
    ``JOBSIEVE_MONITOR_ACTIONS`` (Spidermon action classes)."""

    monitors = [CrawlMonitor]  # noqa: RUF012 (Spidermon's own declaration)

    def __init__(self, *args: Any, crawler: Any = None, **kwargs: Any) -> None:
        if crawler is not None and "monitors_failed_actions" not in kwargs:
            kwargs["monitors_failed_actions"] = [
                load_object(path) for path in crawler.settings.getlist("JOBSIEVE_MONITOR_ACTIONS")
            ]
        super().__init__(*args, crawler=crawler, **kwargs)
