"""The labelled evaluation set loads, the scorer runs, and the shipped rules stay above a floor.

Floors are set a little under the figures of the rules as shipped (evaluation/README.md), so a rule
change that loses ground on the set fails here. This is a regression guard, not a timing test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.dataset import CONTENT, PageFormatError, load_page, load_pages
from evaluation.score import Report, evaluate, figures, format_figures, main

REMOVAL_PRECISION_FLOOR = 0.97
REMOVAL_RECALL_FLOOR = 0.95
CONTENT_KEPT_FLOOR = 0.99
CATEGORY_FLOOR = 0.8
LANGUAGE_FLOOR = 0.95


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate()


def test_the_set_is_big_and_varied_enough() -> None:
    pages = load_pages()
    assert len(pages) >= 25
    assert {p.fields["language"] for p in pages} >= {"en", "fr", "de", "es", "pt", "nl", "it"}
    assert any(p.fields["language"] != p.fields.get("page_language") for p in pages)
    assert any(p.fields.get("secondary_language") for p in pages)
    labels = {label for p in pages for label in p.labels}
    assert {"eeo", "scam_disclaimer", "cookie", "repeated_block", CONTENT} <= labels


def test_removal_and_content_kept_stay_above_the_floor(report: Report) -> None:
    fig = figures(report)
    assert fig.removal_precision >= REMOVAL_PRECISION_FLOOR
    assert fig.removal_recall >= REMOVAL_RECALL_FLOOR
    assert fig.content_kept >= CONTENT_KEPT_FLOOR


def test_every_category_stays_above_the_floor(report: Report) -> None:
    for label, (precision, recall, support) in figures(report).per_category.items():
        assert precision >= CATEGORY_FLOOR, (label, precision)
        if support:
            assert recall >= CATEGORY_FLOOR, (label, recall)


def test_language_accuracy_stays_above_the_floor(report: Report) -> None:
    fig = figures(report)
    assert fig.language_accuracy >= LANGUAGE_FLOOR
    assert fig.secondary_correct == fig.secondary_total


def test_seeds_count_in_the_language_cases(report: Report) -> None:
    assert sum(name.startswith("seed:") for name, *_ in report.language_cases) == 3


def test_report_prints(report: Report) -> None:
    text = format_figures(figures(report), len(report.pages), len(report.language_cases))
    assert "removal precision" in text and "language accuracy" in text


def test_main_lists_misses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--misses"]) == 0
    assert "content kept" in capsys.readouterr().out


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_label_is_a_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "language: en\n---\nbody| Hello there.\nbanner| Accept\n")
    with pytest.raises(PageFormatError, match=r"page\.txt:4"):
        load_page(path)


def test_missing_separator_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PageFormatError, match="---"):
        load_page(_write(tmp_path, "language: en\nbody| Hello there.\n"))


def test_unknown_header_field_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PageFormatError, match=r"page\.txt:2"):
        load_page(_write(tmp_path, "language: en\nlanguge: fr\n---\nbody| Hi.\n"))


def test_page_text_and_labels(tmp_path: Path) -> None:
    page = load_page(
        _write(
            tmp_path,
            "title: T\nheader_values: 2d ; Remote\nlanguage: en\n---\n"
            "navigation| Back\n\nbody| - an item\n",
        )
    )
    assert page.text == "Back\n\n- an item\n"
    assert page.labels == ["navigation", CONTENT]
    assert page.header_values == ["2d", "Remote"]
