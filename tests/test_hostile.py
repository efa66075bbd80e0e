"""The hostile corpus (tests/fixtures/hostile/) neutralised: by the sanitiser on its own, and
through Greenhouse and Lever end to end (a real crawl in this process, every middleware and
pipeline, the items as exported), with no posting lost to hostile bytes. The held-out part (never
looked at while the sanitiser was tuned) is held to the same, apart.

What "survives", "damaged" and "missing" mean, and how an output is read (as a browser reads it):
tests/support/hostile.py.
"""

from __future__ import annotations

import pytest
import pytest_twisted

from scrapers.sanitise import sanitise_html
from tests.support.hostile import (
    HtmlConstruct,
    Verdict,
    crawl_corpus,
    html_constructs,
    parse,
    survivors,
    text_constructs,
    violations,
    visible_text,
)

# Text a browser shows that the sanitiser loses, on purpose: the paragraph after an element left
# open whose name is an SVG or MathML element's (<set>, <animate>, <root>, <mglyph>). ammonia
# removes such an element with its content wherever it is, so that markup cannot change namespace
# when parsed again (mutation XSS); left open, it holds what follows (docs/items.md).
KNOWN_TEXT_LOSSES = {
    "h5sc-17-xml-stylesheet-pi": "an unclosed <root/> (MathML's root) takes the next paragraph",
    "h5sc-24-html-time-set": "an unclosed <set/> (SVG's set) takes the next paragraph",
    "h5sc-28-html-time-animate": "an unclosed <animate/> (SVG's animate) takes the next paragraph",
    "mxss-math-mtext-table-mglyph": "an unclosed <mglyph> in <math> takes the next paragraph",
    # Held out: the text of a link inside <math> goes with the <math> (as in the tuned part's
    # "<math href=...>CLICKME</math>"); seen once the held-out part was first run, left as it is.
    "dompurify-math-xlink-href": "the text inside <math> goes with it",
}
TUNED = html_constructs("tuned")
HELD_OUT = html_constructs("heldout")


def _lost(construct: HtmlConstruct, out: str) -> list[str]:
    wanted = list(construct.keep)
    if construct.tail in visible_text(parse(construct.body)):
        wanted.append(construct.tail)
    shown = visible_text(parse(out))
    return [text for text in wanted if " ".join(text.split()) not in shown]


def _known_losses(construct: HtmlConstruct) -> list[str]:
    reason = KNOWN_TEXT_LOSSES.get(construct.id, "")
    return (
        [construct.tail] if "next paragraph" in reason else list(construct.keep) if reason else []
    )


@pytest.mark.parametrize("construct", TUNED + HELD_OUT, ids=[c.id for c in TUNED + HELD_OUT])
def test_the_sanitiser_neutralises_the_construct(construct: HtmlConstruct) -> None:
    out = sanitise_html(construct.body) or ""
    assert survivors(construct.forbid, out) == []
    assert violations(out) == []
    assert _lost(construct, out) == _known_losses(construct)


def test_the_corpus_is_as_big_as_the_issue_asks() -> None:
    # At least 80 constructs of the public collections, plus the text-level ones.
    public = [c for c in TUNED if c.id.startswith(("owasp-", "h5sc-"))]
    assert (len(public) >= 80, len(text_constructs("tuned")) >= 5) == (True, True)


# --- through Greenhouse and Lever ----------------------------------------------------------------


@pytest_twisted.async_fixture(scope="module")
async def tuned(tmp_path_factory: pytest.TempPathFactory) -> list[Verdict]:
    return await crawl_corpus(tmp_path_factory.mktemp("hostile-tuned"), "tuned")


@pytest_twisted.async_fixture(scope="module")
async def held_out(tmp_path_factory: pytest.TempPathFactory) -> list[Verdict]:
    return await crawl_corpus(tmp_path_factory.mktemp("hostile-held-out"), "heldout")


def test_every_construct_is_carried_by_both_sources(tuned: list[Verdict]) -> None:
    carried = {
        source: {v.construct for v in tuned if v.source == source}
        for source in ("greenhouse", "lever")
    }
    text = text_constructs("tuned")
    assert (len(carried["greenhouse"]), len(carried["lever"])) == (
        len(TUNED) + len(text),
        len(TUNED) + len([c for c in text if c.field != "company"]),  # Lever names no company
    )


def test_nothing_survives_through_any_source(tuned: list[Verdict]) -> None:
    assert [(v.source, v.construct, v.survived) for v in tuned if v.survived] == []


def test_no_posting_is_lost_to_hostile_bytes(tuned: list[Verdict]) -> None:
    assert [(v.source, v.construct, v.missing) for v in tuned if v.missing] == []


def test_every_exported_item_is_inside_the_allow_list(tuned: list[Verdict]) -> None:
    assert [(v.source, v.construct, v.unsafe) for v in tuned if v.unsafe] == []


def test_no_text_is_lost_but_the_known_losses(tuned: list[Verdict]) -> None:
    damaged = {(v.source, v.construct) for v in tuned if v.damaged}
    tuned_ids = {c.id for c in TUNED}
    known = {(s, c) for s in ("greenhouse", "lever") for c in KNOWN_TEXT_LOSSES if c in tuned_ids}
    assert damaged == known


def test_the_held_out_part_fares_as_the_tuned_one(held_out: list[Verdict]) -> None:
    damaged = {(v.source, v.construct) for v in held_out if v.damaged}
    assert (
        [(v.source, v.construct, v.survived) for v in held_out if v.survived],
        [(v.source, v.construct, v.missing) for v in held_out if v.missing],
        [(v.source, v.construct, v.unsafe) for v in held_out if v.unsafe],
        damaged,
        len(held_out),
    ) == ([], [], [], {(s, "dompurify-math-xlink-href") for s in ("greenhouse", "lever")}, 75)
