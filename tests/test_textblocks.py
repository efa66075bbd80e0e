"""Tests for scrapers.textblocks: body -> blocks -> contract text (sanitising: test_sanitise)."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable

import pytest

from scrapers import textblocks
from scrapers.textblocks import (
    Block,
    blocks_from_html,
    blocks_from_text,
    normalise_spaces,
    parse_html,
    render_blocks,
)
from tests.support.seeds import load_seeds

SEEDS = load_seeds()


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
    text = SEEDS["nodegree"].text()
    items = [b.text for b in blocks_from_text(text) if b.kind == "item"]
    assert items[-1].startswith("It has come to our attention")


def test_text_seed_has_no_empty_blocks() -> None:
    text = SEEDS["welcometothejungle"].text()
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
    text = SEEDS["teal"].text()
    assert render_blocks(blocks_from_text(text)) == render_blocks(blocks_from_text(text))


def test_render_round_trips_through_text() -> None:
    text = SEEDS["teal"].text()
    rendered = render_blocks(blocks_from_text(text))
    assert render_blocks(blocks_from_text(rendered)) == rendered


# --------------------------------------------------------------------------------------------
# normalise_spaces
# --------------------------------------------------------------------------------------------


def test_str_split_whitespace_is_exactly_regex_whitespace() -> None:
    # normalise_spaces (and boilerplate._norm) split with str.split() in place of `\s+`.
    regex = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (regex.match(char) is not None) == char.isspace(), hex(code)


def test_normalise_spaces_equals_the_regex_form() -> None:
    odd = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    for text in (f"{odd}a{odd}b\u200b c\u00ad{odd}", "plain  ascii\ttext\n", "", odd, "\ufeffx"):
        expected = re.sub(r"\s+", " ", re.sub("[\u00ad\u200b\u2060\ufeff]", "", text)).strip()
        assert normalise_spaces(text) == expected


# --------------------------------------------------------------------------------------------
# parse_html: the fast parse gives parsel's blocks
# --------------------------------------------------------------------------------------------


def _outcome(fn: Callable[[], object]) -> object:
    try:
        return fn()
    except Exception as error:  # RecursionError included: deep markup fails as it did
        return type(error)


def _assert_fast_parse_gives_parsels_blocks(html: str) -> None:
    def fast() -> object:
        return [(b.kind, b.text, b.level) for b in parse_html(html).blocks]

    def parsel() -> object:
        return [(b.kind, b.text, b.level) for b in blocks_from_html(html)]

    assert _outcome(fast) == _outcome(parsel), repr(html)


ORDINARY_BODY = (
    "<h3>About us</h3><p>We build <b>things</b> &amp; more.</p>"
    '<p><strong>Benefits</strong></p><ul><li>Go<br>and SQL</li><li><a href="/x">Health</a></li>'
    "</ul><table><tr><td>a</td><td>b</td></tr></table>\n"
)

# Where the fast fragment-in-a-wrapper parse and parsel's plain parse part ways, or one parser
# stops where the other goes on: each must still give exactly parsel's blocks.
EDGE_BODIES = [
    ORDINARY_BODY,
    "<b>Benefits</b>",  # the wrapper of a lone bold fragment is no pseudo-heading
    "<!-- c --><b>Benefits</b>",
    "<title>Job</title><p>Body</p>",  # parsel puts a leading <title> in <head>
    "<style>p{}</style><b>Benefits</b><p>Body</p>",
    "<meta charset=utf-8>Intro<p>Body</p>",
    "<base><tr><td>x</td></tr>",  # after a leading head element parsel drops a stray row
    "<link><tbody><li>x</li></tbody>",
    "Leading text <b>bold</b><p>Body</p>",
    "<p>Body</p></body>After the body",  # the fragment's own </body>
    "<b></body>After</b>",
    # ... also when the wrapper's own "</body>" is swallowed (libxml2 then reports no error).
    "<p>x</p></body><p>y</p><!-- open>",
    '<p>x</p></BODY ><p>y</p><a title="z>',
    "<p>x</p><header>Kept</header><p>y</p>",
    "<p>Body</p></html><p>more</p>",
    "<head><title>t</title></head><p>x</p>",
    "<p>Body</p><textarea>left open",  # takes the wrapper's "</body></html>" as text
    "<p>Body</p><title>left open",
    "<p>Body</p><textarea>left <b>open</b>",
    "<p>Body</p><xmp>left <b>open</b>",
    "<p><b>Benefits</b><i",  # unfinished tags at the end
    "<p>Body<br class=x",
    "<p>Body</",
    "<p>x<!-- unterminated",
    '<p>x<a title="open',
    "<p>NUL\x00inside</p>",
    "<p>lone \ud800 surrogate</p>",
    "\x0cleading control character<p>x</p>",
    "<p>x</p>\x0c",
    "\xa0<p>NBSP first</p>\u3000",
    "\ufeff<p>BOM first</p>",
    "\r\n<p>CRLF</p>\r\n",
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>Doc</p></body></html>",
    "<html><body><p onmouseover='x()'>Hi</p></body></html>",
    "\xa0<html><head><title>T</title></head><body><p>Doc</p></body></html>",  # parsel strips
    "\u3000<!DOCTYPE html><html><title>T</title><p>Doc</p></html>",
    "<html/><p>x</p>",
    "<!DOCTYPE html>",
    "<html>",
    "<!-- only a comment -->",
    "<div>" * 300 + "deep" + "</div>" * 300,  # past libxml2's depth limit without huge_tree
    "<p>Hi<script>x()</script> tail</p><iframe>y</iframe>after",
    '<a href="java\tscript:x" onclick="y">link</a>\r\n',
    "<table><tr><td>a</td><td>b</td></tr></table>\xa0",
    "<p>café “quoted” 😀 日本語 x\xa0y z\u200bw</p>",
    "   ",
    "",
]


@pytest.mark.parametrize("html", EDGE_BODIES)
def test_the_fast_parse_gives_parsels_blocks(html: str) -> None:
    _assert_fast_parse_gives_parsels_blocks(html)


def _random_body(rng: random.Random, depth: int = 0) -> str:
    tags = ["p", "div", "h2", "h3", "ul", "li", "b", "strong", "em", "a", "span", "br", "table"]
    tags += ["tr", "td", "section", "font", "pre", "script", "style", "iframe", "title", "meta"]
    tags += ["textarea", "head", "body", "html", "svg", "noscript", "template", "img", "o:p"]
    attrs = ["", ' class="x"', ' href="javascript:x"', " onclick=y", " title='a > b'", ' alt="é']
    words = ["Benefits", "We hire.", "café", "a &amp; b", "&nbsp;", "x\xa0y", "z\u200bw", "<", "&"]
    words += ["\n", "  ", "“q”", "😀", "\x0c", "&#0;", "</", "<!-- c -->", "<!--", "\r\n", "\x00"]
    out = []
    for _ in range(rng.randint(1, 5)):
        if rng.random() < 0.5 and depth < 5:
            tag = rng.choice(tags)
            end = f"</{tag}>" if rng.random() < 0.85 else ""
            out.append(f"<{tag}{rng.choice(attrs)}>{_random_body(rng, depth + 1)}{end}")
        else:
            out.append(rng.choice(words))
    return "".join(out)


def test_the_fast_parse_gives_parsels_blocks_on_random_markup() -> None:
    rng = random.Random(20261122)
    edges = ["", "", "", " ", "\n", "\xa0", "\x0c"]
    for _ in range(1500):
        body = _random_body(rng)
        if rng.random() < 0.6:  # most bodies open and close with a block of their own
            body = f"<p>{body}</p>"
        elif rng.random() < 0.1:
            body = f"<!DOCTYPE html><html><body>{body}</body></html>"
        _assert_fast_parse_gives_parsels_blocks(rng.choice(edges) + body + rng.choice(edges))


def test_an_ordinary_body_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def second_parse(html: str) -> None:
        raise AssertionError("parsed twice")

    monkeypatch.setattr(textblocks, "_parsel_root", second_parse)
    body = parse_html(ORDINARY_BODY)
    assert _kinds_texts(body.blocks) == [
        ("heading", "About us"),
        ("paragraph", "We build things & more."),
        ("heading", "Benefits"),
        ("item", "Go and SQL"),
        ("item", "Health"),
        ("paragraph", "a b"),
    ]


def test_a_body_the_wrapper_changes_gets_parsels_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    parsel_root = textblocks._parsel_root
    monkeypatch.setattr(
        textblocks, "_parsel_root", lambda html: calls.append(html) or parsel_root(html)
    )
    html = "<title>Job</title><p>Body</p>"
    assert _kinds_texts(parse_html(html).blocks) == [("paragraph", "Body")]
    assert calls == [html]


def test_a_parsed_body_is_accepted_by_blocks_from_html() -> None:
    body = parse_html('<p onclick="x()">Hi</p>')
    assert blocks_from_html(body) == [Block("paragraph", "Hi")]
    assert not parse_html("")
