"""scrapers.sanitise: the text rules, the HTML allow-list, the size limits and a posting's every
string (the pipeline: test_sanitise_pipeline.py; the hostile corpus: test_hostile.py; random
input: test_sanitise_property.py)."""

from __future__ import annotations

import time
import unicodedata

import pytest

from scrapers.sanitise import (
    cap_source_html,
    clean_text,
    cut_html,
    cut_text,
    is_clean,
    rules,
    sanitise_html,
    sanitise_posting,
)
from tests.support.hostile import forbidden, parse, visible_text

LIMITS = rules().limits
REL = 'rel="nofollow noopener noreferrer"'


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Senior Engineer", "Senior Engineer"),
        ("Senior\x00 Engineer", "Senior Engineer"),
        ("Tab\tand\nnewline stay", "Tab\tand\nnewline stay"),
        ("a\r\nb\rc\x0bd\x0ce\x85f\u2028g\u2029h", "a\nb\nc\nd\ne\nf\ng\nh"),
        ("bell\x07 del\x7f c1\x80\x9f", "bell del c1"),
        ("\x1b[2J\x1b[1;31mRed\x1b[0m", "Red"),  # CSI: parameters and final byte go with ESC
        ("\x9b31mRed", "Red"),  # the C1 form of CSI
        ("\x1b]0;window title\x07Job", "Job"),  # OSC ended by BEL
        ("\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC ended by ESC \
        ("\x1b]0;never ended", "0;never ended"),  # an unended OSC swallows nothing
        ("\x1bcReset", "Reset"),  # a two-character escape
        ("\u202eright-to-left\u202c", "right-to-left"),
        ("\u202a\u202b\u202d\u2066\u2067\u2068\u2069x", "x"),
        ("\ufeffBOM first, \ufeffthen inside", "BOM first, then inside"),
        ("zero\u200bwidth\u2060joined\u2061\u2064", "zerowidthjoined"),
        ("lone \ud800 surrogate \udfff", "lone \ufffd surrogate \ufffd"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFC
        ("\u2126hm", "\u03a9hm"),  # NFC folds the ohm sign into omega
        ("we\u00e2\x80\x99re \u00e2\x80\x9cgreat\u00e2\x80\x9d", "we\u2019re \u201cgreat\u201d"),
        ("Caf\u00c3\u00a9 stays as it is", "Caf\u00c3\u00a9 stays as it is"),  # no C1: not ours
        ("\u00dc\x85", "\u00dc\n"),  # NEL after a letter is a line break, not mojibake
        ("Hebrew \u200fmark\u200e stays", "Hebrew \u200fmark\u200e stays"),  # bidi marks stay
    ],
)
def test_clean_text(text: str, clean: str) -> None:
    assert clean_text(text) == clean
    assert clean_text(clean) == clean  # once is enough


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        # Between letters of scripts that need them: kept.
        (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        ),
        ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),  # Devanagari half form
        ("\u0d28\u0d4d\u200d ok", "\u0d28\u0d4d\u200d ok"),  # Malayalam chillu, at a word's end
        ("\u0dc1\u0dca\u200d\u0dbb", "\u0dc1\u0dca\u200d\u0dbb"),  # Sinhala
        # Between emoji: kept; elsewhere around emoji: gone.
        ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb"),
        ("\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001f3f3\ufe0f\u200d\U0001f308"),
        ("\U0001f469\u200d\U0001f3fd\u200d", "\U0001f469\u200d\U0001f3fd"),
        ("x\u200d\U0001f4bb", "x\U0001f4bb"),
        ("\U0001f469\u200c\U0001f4bb", "\U0001f469\U0001f4bb"),  # ZWNJ never joins emoji
        # Inside Latin words, at edges, in runs: gone (a run keeps its first only when needed).
        ("Pay\u200cments", "Payments"),
        ("Glo\u200dbex", "Globex"),
        ("\u200dStart and end\u200c", "Start and end"),
        ("\u0628\u200c\u200c\u200d\u062a", "\u0628\u200c\u062a"),
    ],
)
def test_joiners_stay_only_where_a_script_needs_them(text: str, clean: str) -> None:
    assert clean_text(text) == clean


def test_is_clean_never_says_clean_when_clean_text_would_change_it() -> None:
    samples = ["plain", "caf\u00e9", "Cafe\u0301", "a\x00", "tab\t", "cr\r", "\u200d", "\u00a0"]
    samples += ["\U0001f469\u200d\U0001f4bb", "\u0645\u06cc\u200c\u062e", "\ud800", "\x85"]
    for text in samples:
        # Text with a joiner is looked at, even where the joiner stays.
        assert not is_clean(text) or clean_text(text) == text, repr(text)
        assert is_clean(text) or clean_text(text) != text or "\u200c" in text or "\u200d" in text


def test_clean_text_returns_the_same_object_when_nothing_changes() -> None:
    text = "Senior Engineer \u2014 caf\u00e9 " * 50
    assert clean_text(text) is text


# --- HTML ---------------------------------------------------------------------------------------


def test_the_allow_list_keeps_what_a_description_needs() -> None:
    html = (
        '<h2>Benefits</h2><p dir="rtl">Text <strong>bold</strong> <em>it</em></p>'
        '<ul><li><a href="https://example.com/x" rel="nofollow noopener noreferrer">Health</a></li>'
        '</ul><ol start="3"><li>three</li></ol><table><tbody><tr><td colspan="2">c</td></tr>'
        "</tbody></table><pre><code>x = 1</code></pre><blockquote>q</blockquote><br><hr>"
    )
    assert sanitise_html(html) == html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Attributes: only href (http, https, mailto), colspan/rowspan, start and dir's values.
        ('<p class="x" id="y" style="color:red" title="t">t</p>', "<p>t</p>"),
        ('<p dir="bogus">t</p>', "<p>t</p>"),
        (
            '<a href="mailto:jobs@example.com">mail</a>',
            f'<a href="mailto:jobs@example.com" {REL}>mail</a>',
        ),
        ('<a href="HTTP://EXAMPLE.COM/">up</a>', f'<a href="HTTP://EXAMPLE.COM/" {REL}>up</a>'),
        ('<a href="/jobs/1">rel</a>', f"<a {REL}>rel</a>"),  # relative: the aggregator's page
        ('<a href="//evil.example/">proto</a>', f"<a {REL}>proto</a>"),
        ('<a href="#top">frag</a>', f"<a {REL}>frag</a>"),
        ('<a href="tel:+351">tel</a>', f"<a {REL}>tel</a>"),
        (
            '<a href="https://x.example" target="_blank" rel="opener">x</a>',
            f'<a href="https://x.example" {REL}>x</a>',
        ),
        # Elements: not allowed, text kept; dropped with content; comments gone.
        ("<span><font>kept</font></span>", "kept"),
        ("<p>a<script>x()</script><style>p{}</style><iframe>f</iframe>b</p>", "<p>ab</p>"),
        ("<p>a<noscript>n</noscript><template>t</template><title>T</title>b</p>", "<p>ab</p>"),
        ("<svg><text>drawn</text></svg><math><mi>x</mi></math><p>p</p>", "<p>p</p>"),
        ("<p>a<!-- comment -->b</p>", "<p>ab</p>"),
        ("<form><label>Name <input></label><button>Send</button></form>", "Name Send"),
        # Malformed: closed where a browser closes it, nothing after it lost.
        ("<p>Intro<embed src=x><p>After", "<p>Intro</p><p>After</p>"),
        ("<ul><li>one<li>two</ul>after", "<ul><li>one</li><li>two</li></ul>after"),
        ("<b>open <i>and open", "<b>open <i>and open</i></b>"),
        # Character references of hidden characters: read, then cleaned like any text.
        ("<p>a&#x202E;b&#x200B;c&#xFEFF;d&#0;e</p>", "<p>abcd\ufffde</p>"),
        ("<p>e&#x301; &lt;&#x338;</p>", "<p>\u00e9 \u226e</p>"),  # NFC of the text, not the tags
        (
            '<a href="https://x.example/&#x202E;path">x</a>',
            f'<a href="https://x.example/path" {REL}>x</a>',
        ),
        ("<p>&nbsp;&amp;&lt;&gt;\"'</p>", "<p>&nbsp;&amp;&lt;&gt;\"'</p>"),
    ],
)
def test_sanitise_html(html: str, expected: str) -> None:
    assert sanitise_html(html) == expected
    assert sanitise_html(expected) == expected  # its own output is left as it is


@pytest.mark.parametrize(
    "html",
    ["", "   ", "<script>x()</script>", "<!-- only -->", "<p> </p><br>", "<svg><text>x</text>"],
)
def test_a_body_with_no_text_left_is_none(html: str) -> None:
    assert sanitise_html(html) is None


def test_a_combining_mark_after_a_tag_never_joins_the_tag() -> None:
    # NFC of the serialised output would compose ">" + U+0338 into "≯" and break the tag.
    assert sanitise_html("<p>a</p>\u0338<b>x</b>") == "<p>a</p>\u0338<b>x</b>"


# --- sizes --------------------------------------------------------------------------------------


def test_cut_text_ends_between_words_within_the_limit() -> None:
    text = "lorem ipsum " * 100
    cut = cut_text(text, 50)
    assert (cut, len(cut) <= 50) == ("lorem ipsum lorem ipsum lorem ipsum lorem ipsum", True)
    assert cut_text("short", 50) == "short"
    assert cut_text("x" * 5000, 2000) == "x" * 2000  # no space near the limit: cut there


@pytest.mark.parametrize(
    "body",
    [
        "<p>" + "lorem ipsum dolor sit amet " * 2000 + "</p>",  # one long line
        "<p>Build it &amp; ship it.</p>" * 3000,  # many paragraphs, references
        "<ul>" + "<li><b>deep <i>markup</i></b></li>" * 3000 + "</ul>",
        "<p>" + "x" * 60000 + "</p>",  # no space anywhere
    ],
)
def test_cut_html_is_within_the_limit_well_formed_and_ends_on_whole_words(body: str) -> None:
    html = sanitise_html(body)
    cut = cut_html(html, 20000)
    assert cut is not None and len(cut) <= 20000
    assert sanitise_html(cut) == cut  # well formed: the sanitiser would write it the same
    shown = visible_text(parse(cut))
    assert shown and visible_text(parse(html)).startswith(shown[:-100])
    assert not shown.endswith(("&", "&am", "<", "ipsu", "dolo"))


def test_cut_html_leaves_a_body_that_fits() -> None:
    assert cut_html("<p>fits</p>", 100) == "<p>fits</p>"


def test_a_source_html_too_big_to_sanitise_is_cut_at_a_tag_first() -> None:
    assert cap_source_html("<p>a</p><p>b</p>", 100, 10) == ("<p>a</p><p>b</p>", False)
    assert cap_source_html("<p>a</p><p>bbbbbb</p>", 12, 10) == ("<p>a</p>", True)  # characters
    assert cap_source_html("<p>a</p><p>b</p><p>c</p>", 100, 5) == ("<p>a</p><p>b</p>", True)
    assert cap_source_html("x" * 50, 10, 10) == ("x" * 10, True)  # no tag to cut at


@pytest.mark.parametrize(
    "hostile",
    [
        "\x9d" * 200_000,  # unterminated OSC introducers: each once read to the end (minutes)
        "\x1b]" + "\x9d" * 200_000,
        "\x1b[" * 100_000,
        "\u00e2\x80" * 100_000,
        "a\u200d" * 100_000,
    ],
)
def test_hostile_text_is_cleaned_in_linear_time(hostile: str) -> None:
    started = time.perf_counter()
    assert forbidden(clean_text(hostile)) == []
    assert time.perf_counter() - started < 3  # about 0.02 s; quadratic, it took minutes


@pytest.mark.parametrize(
    "body",
    [
        "<ul><li>" * 100_000,  # nested: html5ever's work grows with the square of the depth
        "<div>" * 100_000,
        "<p>" + "\x9d" * 2_000_000,  # html5ever reports every control character
        "<p>x</p>" * 200_000,
    ],
)
def test_hostile_markup_costs_a_bounded_time_and_is_flagged(body: str) -> None:
    fields = {"description_html": body}
    started = time.perf_counter()
    assert sanitise_posting(fields).truncated == ["description_html", "description"]
    assert time.perf_counter() - started < 5  # about 0.3 s; 100,000 nested <div> took 50 s


# --- a posting ----------------------------------------------------------------------------------


def test_sanitise_posting_cleans_every_string_and_says_which_changed() -> None:
    fields = {
        "title": "Senior\x00 Engineer",
        "company": "Acme",
        "location_raw": "Ber\u200blin",
        "locations": [{"city": "Ber\u200blin", "region": None, "country": "DE"}],
        "boilerplate": [{"category": "eeo", "text": "\u202eEqual\u202c"}],
        "salary": {"min": 1, "max": 2, "currency": "EUR\x07", "period": "year"},
        "description_html": '<p onclick="x()">Hi &#x202E;there</p>',
        "description": None,
        "language_confidence": 0.5,
    }
    done = sanitise_posting(fields)
    assert fields == {
        "title": "Senior Engineer",
        "company": "Acme",
        "location_raw": "Berlin",
        "locations": [{"city": "Berlin", "region": None, "country": "DE"}],
        "boilerplate": [{"category": "eeo", "text": "Equal"}],
        "salary": {"min": 1, "max": 2, "currency": "EUR", "period": "year"},
        "description_html": "<p>Hi there</p>",
        "description": None,
        "language_confidence": 0.5,
    }
    assert (done.cleaned, done.truncated) == (
        ["title", "location_raw", "locations", "boilerplate", "salary"],
        [],
    )


def test_a_cut_body_is_named_in_truncated() -> None:
    html = {"description_html": "<p>" + "word " * 50000 + "</p>", "description": None}
    done = sanitise_posting(html)
    assert done.truncated == html["truncated"] == ["description_html", "description"]
    assert len(html["description_html"]) <= LIMITS.description_html
    text = {"description_html": None, "description": "word " * 50000, "truncated": []}
    assert sanitise_posting(text).truncated == text["truncated"] == ["description"]
    assert len(text["description"]) <= LIMITS.description
    small = {"description_html": "<p>small</p>", "description": "small"}
    assert (sanitise_posting(small).truncated, "truncated" in small) == ([], False)


# --- the rules and their documentation ----------------------------------------------------------


def test_the_rules_refuse_a_tag_both_kept_and_dropped() -> None:
    from scrapers.sanitise.rules import _policy

    html = {
        "tags": ["p", "script"],
        "drop_with_content": ["script"],
        "url_schemes": [],
        "link_rel": "",
        "attributes": {},
        "attribute_values": {},
    }
    with pytest.raises(ValueError, match="both allowed and dropped: \\['script'\\]"):
        _policy(html)


NEVER = {"script", "style", "svg", "math", "meta", "base", "link", "iframe", "object", "embed"}
NEVER |= {"form", "input", "button", "img", "frame", "frameset", "applet", "template", "textarea"}


def test_nothing_active_is_ever_allowed() -> None:
    policy = rules().html
    attributes = {n for names in policy.attributes.values() for n in names}
    attributes |= set(policy.attribute_values)
    assert not policy.tags & NEVER
    assert attributes <= {"href", "colspan", "rowspan", "start", "dir"}
    assert policy.url_schemes == {"http", "https", "mailto"}
    assert policy.link_rel == "nofollow noopener noreferrer"


def test_every_removed_range_is_really_invisible_or_a_control() -> None:
    # The rules' removals are controls (Cc) or format characters (Cf): never a letter or a space.
    for low, high in rules().text.remove:
        for point in range(low, high + 1):
            assert unicodedata.category(chr(point)) in ("Cc", "Cf"), hex(point)
