"""Raw fields → normalised fields. A value a spider already set is never overwritten."""

from __future__ import annotations

import logging
import re
from typing import Any

from itemadapter import ItemAdapter

from scrapers.dedup.ids import posting_id
from scrapers.items import FIELD_NAMES, JobPosting
from scrapers.normalise.body_pay import may_state_pay, pay_in_body
from scrapers.normalise.countries import country_of_language
from scrapers.normalise.dates import resolve_date
from scrapers.normalise.employment import normalise_employment_type
from scrapers.normalise.location import parse_locations, resolve_places
from scrapers.normalise.remote import normalise_remote
from scrapers.normalise.salary import parse_salary, says_unspecified
from scrapers.normalise.seniority import normalise_seniority
from scrapers.pipeline import CrawlerPipeline
from scrapers.textblocks import blocks_from_html
from scrapers.urls import canonical_url, country_of_site

logger = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LIST_FIELDS = {"locations", "skills", "boilerplate", "truncated"}
_TEXT_FIELDS = [
    name for name, value in JobPosting().__dict__.items() if value is None
]  # every nullable field: "" and whitespace become null, as the contract says


def _locale(language: str | None, country: str | None) -> str | None:
    """The page's language with the job's country when the page names none: "en" on a British
    board is "en-GB", which writes 09/11/2026 day first."""
    if not language or not country or "-" in language or "_" in language:
        return language
    return f"{language}-{country}"


class NormalisePipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        self._complete(adapter)
        for url_field in ("url", "apply_url", "original_url"):
            if adapter[url_field]:
                adapter[url_field] = canonical_url(adapter[url_field])
        if adapter["title"]:
            adapter["title"] = " ".join(adapter["title"].split())
        if not adapter["id"] and adapter["source"] and adapter["url"]:
            adapter["id"] = posting_id(adapter["source"], adapter["source_id"], adapter["url"])

        if adapter["locations"]:
            # What the source states of its places (scrapers.normalise.location.resolve_places).
            adapter["locations"] = resolve_places(adapter["locations"])
        # A national board or a career site says by its domain where its jobs mostly are; an
        # ATS's or a global board's domain says nothing. Failing that, a page in a language of
        # one country (Japanese, Polish) is about a job there.
        site_country = (
            country_of_site(adapter["url"]) if adapter["source"] == "jobposting" else None
        ) or country_of_language(adapter["page_language"])
        self._fill(
            adapter,
            "locations",
            "location_raw",
            lambda: parse_locations(adapter["location_raw"], hint=site_country),
        )
        self._count_unknown_places(adapter)
        self._fill(
            adapter,
            "remote",
            "remote_raw",
            lambda: normalise_remote(
                adapter["remote_raw"], adapter["location_raw"], adapter["title"]
            ),
            always=True,
        )
        self._fill(
            adapter,
            "employment_type",
            "employment_type_raw",
            lambda: normalise_employment_type(adapter["employment_type_raw"]),
        )
        self._fill(
            adapter,
            "seniority",
            "seniority_raw",
            lambda: normalise_seniority(adapter["title"], adapter["seniority_raw"]),
            always=True,
        )
        country = next(
            (loc.get("country") for loc in adapter["locations"] if loc.get("country")),
            site_country,
        )
        self._fill(
            adapter,
            "salary",
            "salary_raw",
            lambda: parse_salary(adapter["salary_raw"], country=country),
            unspecified=says_unspecified,
        )
        self._pay_from_body(adapter, country)
        if adapter["crawled_at"]:
            self._fill(
                adapter,
                "date_posted",
                "date_posted_raw",
                # A posting date without a year ("18 November") is the latest such day: a
                # closing date (valid_through) is not read so, it may be next year's.
                lambda: resolve_date(
                    adapter["date_posted_raw"],
                    adapter["crawled_at"],
                    language=_locale(adapter["page_language"], country),
                    past=True,
                ),
            )
        self._valid_through(adapter, country)
        return item

    def _pay_from_body(self, adapter: ItemAdapter, country: str | None) -> None:
        """Without any pay from the source, a body sentence that clearly states pay becomes
        ``salary``, the sentence ``salary_raw`` (scrapers.normalise.body_pay)."""
        if adapter["salary"] or adapter["salary_raw"]:
            return
        text = adapter["description"]
        if not text:
            html = adapter["description_html"]
            if not html or not may_state_pay(html):  # most bodies: not parsed here at all
                return
            text = "\n".join(block.text for block in blocks_from_html(html))
        found = pay_in_body(text, country=country)
        if found is None:
            return
        adapter["salary_raw"], adapter["salary"] = found
        self.stats.inc_value("jobsieve/normalise/salary/from_body")

    def _count_unknown_places(self, adapter: ItemAdapter) -> None:
        """A place whose country we cannot tell stays null, and is counted."""
        for location in adapter["locations"] or []:
            if isinstance(location, dict) and not location.get("country"):
                self.stats.inc_value("jobsieve/normalise/locations/unparsed")
                logger.debug("No country for %r in %r", location, adapter["location_raw"])

    def _valid_through(self, adapter: ItemAdapter, country: str | None) -> None:
        """Spiders may put the source's own expiry text in `valid_through`; make it a date.

        The contract has no `valid_through_raw`, so a value that cannot be read is logged (with
        the posting's url) before it becomes null: never a guess, never silently lost.
        """
        raw = adapter["valid_through"]
        if raw is None or (isinstance(raw, str) and _ISO_DATE.match(raw)):
            return
        language = _locale(adapter["page_language"], country)
        value = resolve_date(raw, adapter["crawled_at"] or "", language=language)
        if value is None:
            self.stats.inc_value("jobsieve/normalise/valid_through/unparsed")
            logger.warning("Unreadable valid_through %r on %s", raw, adapter["url"])
        adapter["valid_through"] = value

    def _complete(self, adapter: ItemAdapter) -> None:
        for name in FIELD_NAMES:
            if name not in adapter:
                adapter[name] = [] if name in _LIST_FIELDS else None
        for name in _TEXT_FIELDS:
            value = adapter[name]
            if isinstance(value, str) and not value.strip():
                adapter[name] = None

    def _fill(
        self,
        adapter: ItemAdapter,
        name: str,
        raw_name: str,
        parse: Any,
        always: bool = False,
        unspecified: Any = None,
    ) -> None:
        """Set ``name`` from ``parse()`` unless a spider set it; count raw values that fail.

        ``always`` parses even without the raw value (remote and seniority also read the title).
        """
        if adapter[name] not in (None, []):
            return
        if not adapter[raw_name] and not always:
            return
        value = parse()
        if value in (None, []):
            if unspecified is not None and unspecified(adapter[raw_name]):
                self.stats.inc_value(f"jobsieve/normalise/{name}/unspecified")
            elif adapter[raw_name]:
                self.stats.inc_value(f"jobsieve/normalise/{name}/unparsed")
            return
        adapter[name] = value
