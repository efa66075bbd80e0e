"""Typed spider options: an argument wins over the sources file, grouped options go together,
and a value that cannot be right fails at start; an argument the spider does not take, a key its
table in the sources file should not hold, or a value of the wrong type is refused by name."""

from __future__ import annotations

import re
from typing import ClassVar

import pytest
from scrapy.utils.test import get_crawler

from scrapers import registry
from scrapers.sources import load_sources
from scrapers.spider import JobSpider, SpiderOption, check_source_tables
from tests.conftest import ROOT
from tests.support.inprocess import spider_class


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


# --- arguments a spider does not take ---------------------------------------------------------


class BoardsSpider(JobSpider):
    name = "boardsy"
    board_aliases = ("organizations",)
    spider_options: ClassVar[dict[str, SpiderOption]] = {"pages": SpiderOption(_positive, 5)}


def test_an_unknown_argument_is_refused_naming_it_and_the_known_ones():
    with pytest.raises(ValueError) as refused:
        BoardsSpider(bords="x")
    assert str(refused.value) == (
        "boardsy: unknown argument -a bords= (did you mean boards? "
        "known: boards, organizations, pages)"
    )


def test_an_unknown_argument_of_a_spider_without_boards_lists_its_options():
    with pytest.raises(ValueError) as refused:
        spider_class("teal")(colour="blue")
    assert str(refused.value) == "teal: unknown argument -a colour= (known: query, pages)"


@pytest.mark.parametrize("source", sorted(registry.sources()))
def test_every_spider_refuses_a_misspelt_argument(source):
    with pytest.raises(ValueError, match=rf"^{source}: unknown argument -a bords= \("):
        spider_class(source)(bords="x")


def test_scrapyds_own_arguments_are_taken_and_kept():
    spider = BoardsSpider(boards="a", _job="6487ec79", _version="r23")
    assert (spider._job, spider._version, spider.requested_boards) == ("6487ec79", "r23", ["a"])


def test_a_name_argument_cannot_rename_the_spider():
    with pytest.raises(ValueError, match="unknown argument -a name="):
        BoardsSpider(name="other")


# --- the source's table in the sources file ---------------------------------------------------


def _boards_spider(path, **arguments) -> BoardsSpider:
    crawler = get_crawler(BoardsSpider, {"JOBSIEVE_SOURCES": str(path)})
    return BoardsSpider.from_crawler(crawler, **arguments)


def _table(tmp_path, text: str):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    return path


def test_an_unknown_key_of_the_table_is_refused_naming_it_and_the_known_ones(tmp_path):
    path = _table(tmp_path, '[boardsy]\nbaords = ["a"]\n')
    with pytest.raises(ValueError) as refused:
        _boards_spider(path)
    assert str(refused.value) == (
        f"{path}: [boardsy] has no key 'baords' (did you mean 'boards'? "
        "known: enabled, boards, pages)"
    )


def test_the_table_is_checked_even_when_the_boards_are_arguments(tmp_path):
    with pytest.raises(ValueError, match="has no key 'baords'"):
        _boards_spider(_table(tmp_path, '[boardsy]\nbaords = ["a"]\n'), boards="a")


def test_a_board_the_spider_cannot_crawl_in_the_file_stops_it_at_start(tmp_path):
    path = _table(tmp_path, '[boardsy]\nboards = ["good", "not a board"]\n')
    with pytest.raises(ValueError, match=r"\[boardsy\] boards: 'not a board' is not a board name"):
        _boards_spider(path)


def test_an_option_value_the_file_gets_wrong_is_refused_even_when_given_as_argument(tmp_path):
    with pytest.raises(ValueError, match=r"\[boardsy\] pages=0 must be at least 1"):
        _boards_spider(_table(tmp_path, "[boardsy]\npages = 0\n"), pages="2")


def test_companies_belong_to_sources_whose_api_does_not_name_them(tmp_path):
    path = _table(tmp_path, '[boardsy]\ncompanies = { a = "A" }\n')
    with pytest.raises(ValueError, match="has no key 'companies'"):
        _boards_spider(path)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'companies = "Farfetch"',
            "companies = 'Farfetch' is not a table of board = \"Company name\"",
        ),
        ("companies = { farfetch = 1 }", "companies = {'farfetch': 1} is not a table of board"),
    ],
)
def test_companies_must_name_each_board(tmp_path, table, message):
    lever = spider_class("lever")
    path = _table(tmp_path, f'[lever]\nboards = ["farfetch"]\n{table}\n')
    with pytest.raises(ValueError, match=re.escape(f"{path}: [lever] {message}")):
        lever.from_crawler(get_crawler(lever, {"JOBSIEVE_SOURCES": str(path)}))


def test_a_broken_file_is_fatal_unless_the_arguments_give_the_boards(tmp_path, caplog):
    path = _table(tmp_path, "[boardsy]\nboards = [\n")
    with pytest.raises(ValueError, match="is not valid TOML"):
        _boards_spider(path)
    spider = _boards_spider(path, boards="a")
    assert spider.selected_boards() == ["a"]
    assert "boardsy: sources file not read (sources file" in caplog.text


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('enabled = "no"', "[greenhouse] enabled = 'no' is not true or false"),
        ('boards = "a,b"', '[greenhouse] boards = \'a,b\' is not a list of strings (["a", "b"])'),
        ("boards = [1, 2]", "[greenhouse] boards = [1, 2] is not a list of strings"),
    ],
)
def test_a_wrongly_typed_value_names_key_value_and_type(tmp_path, table, message):
    path = _table(tmp_path, f"[greenhouse]\n{table}\n")
    with pytest.raises(ValueError, match=re.escape(f"{path}: {message}")):
        load_sources(path)


def test_a_top_level_key_that_is_not_a_table_is_refused(tmp_path):
    path = _table(tmp_path, 'boards = ["a"]\n')
    with pytest.raises(ValueError, match=re.escape(f"{path}: boards = ['a'] is not a table")):
        load_sources(path)


def test_every_table_of_the_shipped_sources_file_is_right_for_its_spider():
    check_source_tables(load_sources(ROOT / "sources.toml"), spider_class)


def test_every_table_is_checked_against_its_own_spider(tmp_path):
    path = _table(tmp_path, '[greenhouse]\nboards = ["mercari"]\n[teal]\nboards = ["x"]\n')
    with pytest.raises(ValueError, match=r"\[teal\] has no key 'boards' \(known: enabled, query, "):
        check_source_tables(load_sources(path), spider_class)
