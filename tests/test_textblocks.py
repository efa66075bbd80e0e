"""Tests for scrapers.textblocks: body -> blocks -> contract text, and HTML sanitising."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.textblocks import (
    Block,
    blocks_from_html,
    blocks_from_text,
    render_blocks,
    sanitise_html,
)

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def _kinds_texts(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


# --------------------------------------------------------------------------------------------
# blocks_from_html
# --------------------------------------------------------------------------------------------


def test_html_headings_paragraphs_and_items() -> None:
    html = "<h2>Who you are</h2><p>A builder.</p><ul><li>Go</li><li>SQL</li></ul>"
    assert _kinds_texts(blocks_from_html(html)) == [
        ("heading", "Who you are"),
        ("paragraph", "A builder."),
        ("item", "Go"),
        ("item", "SQL"),
    ]


def test_html_heading_level_is_kept() -> None:
    assert blocks_from_html("<h3>Benefits</h3>")[0].level == 3


def test_html_block_equality_ignores_level() -> None:
    assert blocks_from_html("<h2>X</h2>") == [Block("heading", "X")]


def test_html_bold_only_paragraph_is_a_heading() -> None:
    assert blocks_from_html("<p><strong>What we offer</strong></p>") == [
        Block("heading", "What we offer")
    ]


def test_html_partly_bold_paragraph_stays_a_paragraph() -> None:
    blocks = blocks_from_html("<p><b>Note:</b> we reply within a week.</p>")
    assert blocks == [Block("paragraph", "Note: we reply within a week.")]


def test_html_br_splits_lines() -> None:
    blocks = blocks_from_html("<p>Porto<br>Portugal</p>")
    assert _kinds_texts(blocks) == [("line", "Porto"), ("line", "Portugal")]


def test_html_br_inside_item_keeps_one_item() -> None:
    assert blocks_from_html("<ul><li>one<br>wrapped</li></ul>") == [Block("item", "one wrapped")]


def test_html_paragraph_inside_item_stays_item() -> None:
    assert blocks_from_html("<ul><li><p>Health insurance</p></li></ul>") == [
        Block("item", "Health insurance")
    ]


def test_html_drops_script_style_noscript_template() -> None:
    html = (
        "<p>Kept</p><script>var a = 1;</script><style>p {}</style>"
        "<noscript>Enable JS</noscript><template><p>Tpl</p></template>"
    )
    assert _kinds_texts(blocks_from_html(html)) == [("paragraph", "Kept")]


def test_html_entities_decoded_and_whitespace_collapsed() -> None:
    html = "<p>R&amp;D &nbsp; team\n\t&eacute;quipe&#8217;s</p>"
    assert blocks_from_html(html)[0].text == "R&D team équipe’s"


def test_html_nested_divs_split_into_paragraphs() -> None:
    html = "<div>intro<div>inner</div>outro</div>"
    assert [b.text for b in blocks_from_html(html)] == ["intro", "inner", "outro"]


def test_html_empty_input() -> None:
    assert blocks_from_html("  ") == []


# --------------------------------------------------------------------------------------------
# blocks_from_text
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["•", "-", "*", "·", "–"])
def test_text_bullet_markers_become_items(marker: str) -> None:
    assert blocks_from_text(f"  {marker} Health insurance") == [Block("item", "Health insurance")]


def test_text_hyphen_needs_a_space_to_be_a_bullet() -> None:
    assert blocks_from_text("-5% on all products.")[0].kind == "paragraph"


def test_text_short_line_without_final_punctuation_is_heading() -> None:
    blocks = blocks_from_text("What You'll Do\n\nYou will build things that matter to people.")
    assert blocks[0] == Block("heading", "What You'll Do")


def test_text_line_with_final_punctuation_is_paragraph() -> None:
    assert blocks_from_text("Cette offre vous tente ?")[0].kind == "paragraph"


def test_text_consecutive_lines_stay_separate_lines() -> None:
    blocks = blocks_from_text("Porto, Portugal\nMid-Level\n2 weeks ago")
    assert _kinds_texts(blocks) == [
        ("line", "Porto, Portugal"),
        ("line", "Mid-Level"),
        ("line", "2 weeks ago"),
    ]


def test_text_blank_line_runs_collapse() -> None:
    blocks = blocks_from_text("Python - FastAPI framework\n\n\n\n\n\nDjango (being phased out)")
    assert [b.text for b in blocks] == ["Python - FastAPI framework", "Django (being phased out)"]


def test_text_odd_spaces_normalised() -> None:
    text = "Team\u00a0player\u2009and\u202fmore\u200b here."
    assert blocks_from_text(text)[0].text == "Team player and more here."


def test_text_indented_continuation_joins_item() -> None:
    blocks = blocks_from_text("• Flexible hours and\n  remote days.")
    assert blocks == [Block("item", "Flexible hours and remote days.")]


def test_text_seed_bullets_lose_their_marker() -> None:
    text = (SEEDS / "nodegree-farfetch-backend-engineer.txt").read_text(encoding="utf-8")
    items = [b.text for b in blocks_from_text(text) if b.kind == "item"]
    assert items[-1].startswith("It has come to our attention")


def test_text_seed_has_no_empty_blocks() -> None:
    text = (SEEDS / "welcometothejungle-backmarket-backend-engineer.txt").read_text("utf-8")
    assert all(b.text.strip() for b in blocks_from_text(text))


# --------------------------------------------------------------------------------------------
# render_blocks
# --------------------------------------------------------------------------------------------


def test_render_contract_format() -> None:
    html = (
        "<h2>Title</h2><p>Intro text.</p><ul><li>one</li><li>two</li></ul>"
        "<p>Outro.</p><p>Porto<br>Portugal</p>"
    )
    assert render_blocks(blocks_from_html(html)) == (
        "Title\n\nIntro text.\n\n- one\n- two\n\nOutro.\n\nPorto\nPortugal"
    )


def test_render_skips_empty_blocks() -> None:
    assert render_blocks([Block("paragraph", ""), Block("paragraph", "A.")]) == "A."


def test_render_is_deterministic() -> None:
    text = (SEEDS / "teal-mercari-sr-software-engineer-backend.txt").read_text("utf-8")
    assert render_blocks(blocks_from_text(text)) == render_blocks(blocks_from_text(text))


def test_render_round_trips_through_text() -> None:
    text = (SEEDS / "teal-mercari-sr-software-engineer-backend.txt").read_text("utf-8")
    rendered = render_blocks(blocks_from_text(text))
    assert render_blocks(blocks_from_text(rendered)) == rendered


# --------------------------------------------------------------------------------------------
# sanitise_html
# --------------------------------------------------------------------------------------------


def test_sanitise_removes_script() -> None:
    assert "alert" not in sanitise_html("<p>Hi</p><script>alert(1)</script>")


def test_sanitise_keeps_text_after_removed_element() -> None:
    assert "tail" in sanitise_html("<p>Hi<script>x()</script> tail</p>")


def test_sanitise_removes_onclick() -> None:
    assert "onclick" not in sanitise_html('<a href="/jobs" onclick="steal()">Jobs</a>')


def test_sanitise_removes_javascript_href() -> None:
    assert "javascript" not in sanitise_html('<a href="javascript:alert(1)">x</a>').lower()


def test_sanitise_removes_obfuscated_javascript_src() -> None:
    assert "script:" not in sanitise_html('<img src=" JaVa&#x09;Script:alert(1)">').lower()


@pytest.mark.parametrize("tag", ["style", "iframe", "object", "embed"])
def test_sanitise_removes_active_elements(tag: str) -> None:
    html = f"<p>Kept</p><{tag}>x</{tag}>" if tag != "embed" else "<p>Kept</p><embed src=a.swf>"
    assert f"<{tag}" not in sanitise_html(html)


def test_sanitise_keeps_safe_markup() -> None:
    html = '<h2>Benefits</h2><ul><li><a href="https://example.com/x">Health</a></li></ul>'
    assert sanitise_html(html) == html


def test_sanitise_keeps_a_document_a_document() -> None:
    out = sanitise_html("<html><body><p onmouseover='x()'>Hi</p></body></html>")
    assert out == "<html><body><p>Hi</p></body></html>"


def test_sanitise_empty() -> None:
    assert sanitise_html("") == ""
