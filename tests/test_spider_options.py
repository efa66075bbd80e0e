"""Typed spider options: an argument wins over the sources file, grouped options go together,
and a value that cannot be right fails at start."""

from __future__ import annotations

from typing import ClassVar

import pytest
from scrapy.utils.test import get_crawler

from scrapers.spider import JobSpider, SpiderOption


def _positive(value: object) -> int:
    number = int(str(value))
    if number < 1:
        raise ValueError(f"pages={value!r} must be at least 1")
    return number


def _words(value: object) -> tuple[str, ...]:
    return tuple(str(value).split(","))


class OptionsSpider(JobSpider):
    name = "options"
    spider_options: ClassVar[dict[str, SpiderOption]] = {
        "pages": SpiderOption(_positive, 5),
        "domains": SpiderOption(_words, (), group="start"),
        "start_urls": SpiderOption(_words, (), group="start"),
    }


@pytest.fixture
def sources(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(
        '[options]\npages = 3\ndomains = "a.example"\nstart_urls = "https://b.example/"\n'
    )
    return path


def _spider(sources, **arguments) -> OptionsSpider:
    crawler = get_crawler(OptionsSpider, {"JOBSIEVE_SOURCES": str(sources)})
    return OptionsSpider.from_crawler(crawler, **arguments)


def test_sources_file_fills_options(sources):
    spider = _spider(sources)
    assert (spider.pages, spider.domains, spider.start_urls) == (
        3,
        ("a.example",),
        ("https://b.example/",),
    )


def test_argument_wins_over_sources_file(sources):
    assert _spider(sources, pages="7").pages == 7


def test_default_without_argument_or_sources_entry(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text("[options]\n")
    assert _spider(path).pages == 5


def test_an_argument_in_a_group_replaces_the_whole_group(sources):
    spider = _spider(sources, start_urls="https://c.example/")
    assert (spider.domains, spider.start_urls) == ((), ("https://c.example/",))


def test_bad_argument_fails_at_start(sources):
    with pytest.raises(ValueError, match="must be at least 1"):
        OptionsSpider(pages="0")


def test_bad_sources_file_value_fails_at_start(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text("[options]\npages = 0\n")
    with pytest.raises(ValueError, match="must be at least 1"):
        _spider(path)
