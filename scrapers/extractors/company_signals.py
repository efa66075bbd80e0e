"""The company of a career page that does not state it in structured data: each signal the page
gives a candidate with a confidence, candidates naming the same company pool their evidence, the
best one is kept. Pure: an lxml document and the page's URL in, a name out; no Scrapy.

Signals, most trusted first (confidences are priors, tuned on the labelled pages of
evaluation/company.py):

- a ``company``/``employer`` hook in the markup (what the page labels as the employer);
- ``og:site_name`` (``application-name`` weaker), when it is not the career software's name;
  weaker too, the site's name in a website builder's script (Squarespace's "siteTitle");
- the ``<title>`` minus the role: "Role at Acme", "Jobs bei Acme – Role", "Role | Acme";
- the logo's alt text, or the label of the link home ("Acme logo", "Go to Acme home");
- the copyright line ("© 2025 Acme GmbH. All rights reserved.", "Acme AS © 2025"); an acronym
  before its full name ("© HM – Hotéis Maré, S.A.") gives the full name;
- the footer's legal-name line ("Acme Joinery Pty Ltd · ABN … · 7 Collier Rd"), a name with a
  legal form standing on its own between separators, or a public body's name ("Hjortsjö kommun");
- a paragraph of the posting where the employer says what it is ("Acme Freight is a family of
  carriers", "Acme is an Equal Opportunity Employer"), or any sentence of it that is an
  equal-opportunity statement, weak: body text names clients and funders;
- the host (careers.acme.com, acme.jobs.personio.de) as a last resort, and as a witness: a
  candidate the host spells gains confidence, also by initials and short abbreviations
  (bk-anlagenbau spells "Brenner & Kühn Anlagenbau", hs-lindenberg "Hogeschool Lindenberg").

Never a company: the career software's or website builder's name, a builder's default site name
("Mi sitio", "My Site"), the department running the career pages ("Human Resources"), a credit
line's name ("Site by X", "Powered by Y", "Creado con Wix").

Names are compared folded (case, accents, punctuation, legal forms, career words removed), shown
as the most confident signal writes them: "Acme" from the logo beats "Acme GmbH" from the footer,
and a legal form stays where only the footer names the company.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from lxml import html as lxml_html

from scrapers.boilerplate.statements import SENTENCE_SPLIT_RE, sentence_category
from scrapers.boilerplate.text import norm
from scrapers.extractors.common import text
from scrapers.normalise.vocabulary import alternatives, read_vocabulary, whole_words
from scrapers.urls import DOMAINS

HOOK = 0.75
SITE_NAME = 0.7
APPLICATION_NAME = 0.5
BUILDER_SITE_TITLE = 0.5  # the site's name in a website builder's script (Squarespace)
TITLE_CONNECTOR = 0.65  # "Role at Acme", "Jobs bei Acme"
TITLE_PART = 0.5  # "Role | Acme"
LOGO_ALT = 0.6
HOME_LABEL = 0.5
COPYRIGHT = 0.55
LEGAL_LINE = 0.5
SELF_DESCRIPTION = 0.3  # "Acme is a …" opening a paragraph of the posting
HOST = 0.3
HOST_AGREES = 0.5  # what the host adds to a candidate it spells
# The full-width bar too: Japanese and Chinese titles ("Role｜採用情報｜X株式会社").
_SEPARATORS = re.compile(r"\s+[|–—·•›»:/-]\s+|\s+::\s+|\s*[|›»｜]\s*")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b(?:\s*[-–/]\s*(?:19|20)?\d{2,4}\b)?")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.I)
_MAX_WORDS = 8
_SEGMENTS = re.compile(r"\s+[|·•–—-]\s+|\s*[|·•]\s*")


@dataclass(frozen=True)
class Candidate:
    name: str
    signal: str
    confidence: float


@dataclass(frozen=True)
class _Words:
    career: re.Pattern[str]
    connector: re.Pattern[str]
    logo: re.Pattern[str]
    software: frozenset[str]
    placeholders: frozenset[str]
    credit: re.Pattern[str]
    software_hosts: tuple[str, ...]
    legal_tail: re.Pattern[str]
    legal_head: re.Pattern[str]
    rights: re.Pattern[str]
    copyright_by: re.Pattern[str]
    sentence_end: re.Pattern[str]
    footer: re.Pattern[str]
    public_body: re.Pattern[str]
    described: re.Pattern[str]
    not_names: frozenset[str]
    file_name: re.Pattern[str]
    builder_site_title: re.Pattern[str]


@cache
def _words() -> _Words:
    data = read_vocabulary("company")
    return _Words(
        career=whole_words(data["career_words"]),
        # "Role at Acme", or "at Acme" once the role is taken out of the title.
        connector=re.compile(
            rf"^(?:(.+?)\s+)?(?:{alternatives(data['connectors'])})\s+(.+)$", re.I
        ),
        logo=whole_words(data["logo_words"]),
        software=frozenset(_squashed(w) for w in data["software_names"]),
        # A builder's default name and an HR department's name alike name no company.
        placeholders=frozenset(
            _squashed(w) for w in data["placeholder_names"] + data["department_names"]
        ),
        credit=whole_words(data["credit_phrases"]),
        software_hosts=tuple(data["software_hosts"]),
        # "Acme GmbH", and without a space in unspaced scripts ("ミナト精工株式会社").
        legal_tail=re.compile(
            rf"(?:[\s,]+(?:{alternatives(data['legal_forms'])})"
            rf"|\s*(?:{alternatives(data['unspaced_legal_forms'])}))+$",
            re.I,
        ),
        legal_head=re.compile(
            rf"^(?:(?:{alternatives(data['legal_prefixes'])})\s+"
            rf"|(?:{alternatives(data['unspaced_legal_forms'])})\s*)",
            re.I,
        ),
        rights=re.compile(alternatives(data["rights_phrases"]), re.I),
        # A full stop ends a sentence, not an abbreviated legal form ("Acme Pvt. Ltd.").
        sentence_end=re.compile(
            rf"(?<=[a-z]{{3}})\.\s+(?=[A-Z])(?!(?:{alternatives(data['legal_forms'])})(?!\w))",
            re.I,
        ),
        copyright_by=re.compile(rf"^(?:{alternatives(data['copyright_by'])})\s+", re.I),
        footer=re.compile(rf"(?<![a-z])(?:{alternatives(data['footer_hooks'])})(?![a-z])", re.I),
        public_body=re.compile(
            rf"^(?:{alternatives(data['public_bodies'])})\s+\S|\S\s+(?:{alternatives(data['public_bodies'])})$",
            re.I,
        ),
        # "Acme Freight Systems is a family of carriers": up to six words, then the verb.
        described=re.compile(
            rf"^((?:\S+\s+){{0,5}}?\S+)\s+(?:{alternatives(data['self_descriptions'])})(?!\w)",
            re.I,
        ),
        not_names=frozenset(data["not_names"]),
        file_name=re.compile(rf"\.(?:{alternatives(data['image_extensions'])})$", re.I),
        # "siteTitle":"Acme" with JSON's escapes ("Caf\u00e9"), read back by json.loads.
        builder_site_title=re.compile(
            rf'"(?:{alternatives(data["builder_site_title_keys"])})"\s*:\s*("(?:[^"\\]|\\.){{1,120}}")'
        ),
    )


# --- names -------------------------------------------------------------------------------------


def _ascii(name: str) -> str:
    # Letters NFKD does not decompose: their plain spelling, as hosts write them.
    for letter, plain in (("ß", "ss"), ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("æ", "ae")):
        name = name.replace(letter, plain)
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        name = name.replace(umlaut, spelled).replace(umlaut.upper(), spelled.capitalize())
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _squashed(name: str) -> str:
    """Letters and digits, folded: Latin ones as plain ASCII (as hosts write them), the letters
    of other scripts as they are (מאפיית הגליל, ミナト精工 are names too)."""
    folded = _ascii_or_other(name.replace("&", "and")).lower()
    return "".join(c for c in folded if (c.isascii() and c.isalnum()) or _other_script(c))


def _ascii_or_other(name: str) -> str:
    """:func:`_ascii`, keeping the letters of scripts other than Latin."""
    if all(c.isascii() or not _other_script(c) for c in name):
        return _ascii(name)
    return "".join(_ascii(c) if not _other_script(c) else c for c in name)


def _other_script(letter: str) -> bool:
    return letter.isalpha() and not letter.isascii() and "LATIN" not in unicodedata.name(letter, "")


def _key(name: str) -> str:
    """What two spellings of one company share: letters and digits, folded, without the legal
    form (Acme GmbH, ACME, acme-gmbh are one key: "acme")."""
    words = _words()
    bare = words.legal_head.sub("", words.legal_tail.sub("", name.strip())) if name else ""
    return _squashed(bare)


def clean(name: str | None, *, drop: re.Pattern[str] | None = None) -> str | None:
    """A candidate name without career words (and ``drop``), brackets and edge punctuation; None
    when nothing of a name is left (only career words, a sentence, a number)."""
    if not name:
        return None
    words = _words()
    shown = words.career.sub(" ", name)
    if drop is not None:
        shown = drop.sub(" ", shown)
    shown = re.sub(r"\([^)]*\)", " ", shown)
    shown = text(shown) or ""
    shown = re.sub(r"^[\s\-–—:|,.·]+|[\s\-–—:|,·]+$", "", shown)
    # "Ltd." keeps its dot; a sentence's full stop goes.
    if not words.legal_tail.search(shown):
        shown = re.sub(r"(?<=[a-z]{3})\.$", "", shown, flags=re.I)
    key = _key(shown)
    if len(key) < 2 or sum(c.isdigit() for c in shown) > len(key) / 2:
        return None
    if len(shown.split()) > _MAX_WORDS or key in words.software:
        return None
    if _squashed(shown) in words.placeholders or words.credit.search(shown):
        return None
    if words.file_name.search(shown):
        return None
    return shown


# --- signals -----------------------------------------------------------------------------------


def _meta(doc: lxml_html.HtmlElement, name: str) -> str | None:
    values = doc.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return text(values[0]) if values else None


def from_site_name(doc: lxml_html.HtmlElement) -> Iterator[Candidate]:
    if name := clean(_meta(doc, "og:site_name")):
        yield Candidate(name, "og:site_name", SITE_NAME)
    for meta_name in ("application-name", "apple-mobile-web-app-title"):
        if name := clean(_meta(doc, meta_name)):
            yield Candidate(name, meta_name, APPLICATION_NAME)


def from_builder_script(doc: lxml_html.HtmlElement) -> Iterator[Candidate]:
    """The name the owner gave the site in a website builder's script ("siteTitle":"Acme" in
    Squarespace's context): what og:site_name says on themes that write it."""
    pattern = _words().builder_site_title
    for script in doc.xpath("//script[not(@src)]/text()"):
        for quoted in pattern.findall(script):
            try:
                value = json.loads(quoted)
            except ValueError:
                continue
            if name := clean(value):
                yield Candidate(name, "builder site title", BUILDER_SITE_TITLE)
                return


def _without_role(title: str, role: str | None) -> str:
    if role and role.lower() in title.lower():
        start = title.lower().index(role.lower())
        return f"{title[:start]} | {title[start + len(role) :]}"
    return title


def from_title(doc: lxml_html.HtmlElement, role: str | None) -> Iterator[Candidate]:
    """The title parts that are not the role ("Role at Acme", "Acme Careers - Role")."""
    titles = [_text(t) for t in doc.xpath("//head/title")] + [_meta(doc, "og:title")]
    for title in dict.fromkeys(t for t in titles if t):
        for part in _SEPARATORS.split(_without_role(title, role)):
            part = part.strip()
            if not part:
                continue
            connected = _words().connector.match(part)
            if connected and (name := clean(connected.group(2))):
                yield Candidate(name, "title", TITLE_CONNECTOR)
                continue
            career = _words().career.search(part)
            if (name := clean(part)) and not _is_role(name, role):
                yield Candidate(name, "title", TITLE_CONNECTOR if career else TITLE_PART)


def _is_role(name: str, role: str | None) -> bool:
    return bool(role) and _key(name) in _key(role)


def _text(element: lxml_html.HtmlElement) -> str | None:
    return text(element.text_content())


def _home_links(doc: lxml_html.HtmlElement, host: str) -> list[lxml_html.HtmlElement]:
    """Links to the site's home page ("/", "/de/", "https://www.acme.com/")."""
    links = []
    for link in doc.xpath("//body//a[@href]"):
        href = link.get("href").strip()
        # "#" and "" are a script's buttons ("Sign In"), not a way home.
        if not href or href.startswith("#"):
            continue
        parts = urlsplit(href)
        if parts.query or (parts.hostname and _registrable(parts.hostname) != _registrable(host)):
            continue
        if re.fullmatch(r"/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?", parts.path, re.I):
            links.append(link)
    return links


def from_logo(doc: lxml_html.HtmlElement, host: str) -> Iterator[Candidate]:
    """The alt text of the logo (an image in a link home, or one named a logo), else the home
    link's own label (aria-label, title, hidden text, an svg's title)."""
    drop = _words().logo
    home = _home_links(doc, host)
    images = [img for link in home for img in link.xpath(".//img")]
    images += doc.xpath(
        "//body//img[contains(translate(concat(@class, ' ', @id, ' ', @src), 'LOGO', 'logo'),"
        " 'logo')]"
    )
    for img in dict.fromkeys(images):
        if _in_partner_strip(img):
            continue
        if name := clean(img.get("alt"), drop=drop):
            yield Candidate(name, "logo", LOGO_ALT)
    for link in home:
        labels = [link.get("aria-label"), link.get("title"), *link.xpath(".//svg/title/text()")]
        labels.append(_text(link))
        for label in labels:
            if name := clean(label, drop=drop):
                yield Candidate(name, "home link", HOME_LABEL)
                break


def _in_partner_strip(img: lxml_html.HtmlElement) -> bool:
    """Badges and partner logos come in rows of images; a site's logo stands alone."""
    parent = img.getparent()
    return parent is not None and len(parent.xpath("./img | ./a/img")) >= 2


def from_copyright(doc: lxml_html.HtmlElement) -> Iterator[Candidate]:
    """The name in a copyright line: after "© 2025" ("© 2025 Acme GmbH"), or before the © when
    nothing but a year follows it ("Acme AS © 2025")."""
    words = _words()
    for node in doc.xpath(
        "//body//text()[contains(., '©') or contains(., '(c)') "
        "or contains(translate(., 'COPYRIGHT', 'copyright'), 'copyright')]"
    ):
        line = text(node.getparent().text_content() if node.is_text else str(node)) or ""
        for sentence in words.sentence_end.split(line):
            mark = _COPYRIGHT.search(sentence)
            if not mark:
                continue
            after = words.credit.split(words.rights.split(sentence[mark.end() :])[0])[0]
            after = _until_boundary(after)
            after = _COPYRIGHT.sub(" ", _YEAR.sub(" ", after)).strip(" ,")
            after = words.copyright_by.sub("", after)
            if name := clean(after):
                yield Candidate(name, "copyright", COPYRIGHT)
                continue
            before = re.split(r"\s+[|·•–—-]\s+|\s*[|·•]\s*", sentence[: mark.start()])[-1]
            if name := clean(_YEAR.sub(" ", before)):
                yield Candidate(name, "copyright", COPYRIGHT)


def _until_boundary(tail: str) -> str:
    """A copyright line's name ends at a separator or at a lower-case clause (", registered in");
    an acronym the next part spells out gives way to it ("HM – Hotéis Maré, S.A.")."""
    parts = re.split(r"\s+[|·•–—-]\s+|\s*[|·•]\s*|,\s+(?=[a-z])", tail.strip())
    if len(parts) > 1 and _is_acronym_of(parts[0], parts[1]):
        return parts[1]
    return parts[0]


def _initials(name: str) -> str:
    """The capitals an acronym takes from a name: its capitalised words' first letters, without
    the legal form ("Hotéis Maré, S.A." → hm)."""
    bare = _words().legal_tail.sub("", name.strip())
    return "".join(_squashed(w)[:1] for w in re.findall(r"[^\W\d_][\w'’]*", bare) if w[0].isupper())


def _is_acronym_of(short: str, long: str) -> bool:
    short = _COPYRIGHT.sub(" ", _YEAR.sub(" ", short)).strip()
    return re.fullmatch(r"[A-Z0-9&.]{2,6}", short) is not None and _squashed(short) == _initials(
        long
    )


def from_legal_line(doc: lxml_html.HtmlElement) -> Iterator[Candidate]:
    """A name with a legal form standing on its own in the footer, between separators or line
    breaks ("Acme Joinery Pty Ltd · ABN 41 … · 7 Collier Rd"); a credit line's name is not one
    ("Site by Perth Web Co."), a copyright line is read by :func:`from_copyright`."""
    words = _words()
    footers = doc.xpath("//body//footer | //body//*[@role='contentinfo']") + [
        element
        for element in doc.xpath("//body//*[@class or @id]")
        if words.footer.search(f"{element.get('class', '')} {element.get('id', '')}")
    ]
    for footer in dict.fromkeys(footers):
        for node in footer.xpath(".//text()"):
            line = text(str(node)) or ""
            if _COPYRIGHT.search(line) or words.credit.search(line):
                continue
            for segment in _SEGMENTS.split(line):
                segment = segment.strip(" ,.;:")
                if not _capitalised(segment):
                    continue
                if words.legal_tail.search(segment):
                    if words.legal_tail.sub("", segment) and (name := clean(segment)):
                        yield Candidate(name, "legal line", LEGAL_LINE)
                elif _is_public_body(segment) and (name := clean(segment)):
                    yield Candidate(name, "legal line", LEGAL_LINE)


def _capitalised(name: str) -> bool:
    """Starts as a name does: with a capital, or a letter of a script without capitals."""
    first = name[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _is_public_body(segment: str) -> bool:
    """A public employer's name on a footer line of its own ("Hjortsjö kommun · Storgatan 12"):
    a short name whose first or last word says what kind of public body it is."""
    return len(segment.split()) <= 5 and bool(_words().public_body.search(segment))


# Lower-case words a name holds between its capitalised ones ("City of X", "Wattle and Pine").
_NAME_JOINERS = frozenset(
    {
        "of",
        "and",
        "&",
        "de",
        "del",
        "la",
        "van",
        "der",
        "den",
        "für",
        "di",
        "du",
        "des",
        "y",
        "e",
        "und",
        "et",
        "og",
        "och",
    }
)


def from_self_description(doc: lxml_html.HtmlElement, role: str | None) -> Iterator[Candidate]:
    """A paragraph of the posting that opens with the employer saying what it is ("Mercator
    Freight Systems is a family of carriers", "Acme is an Equal Opportunity Employer"), or a
    sentence of it that is an equal-opportunity statement (the boilerplate's EEO rules): "…
    from day one. Vardhan Technologies is an equal opportunity employer." The subject, when it
    reads as a name (capitalised words, not "Our team", not the role)."""
    for paragraph in doc.xpath(
        "//body//p[not(ancestor::header or ancestor::nav or ancestor::footer)]"
    ):
        said = text(paragraph.text_content()) or ""
        sentences = SENTENCE_SPLIT_RE.split(said)
        stated = [s for s in sentences[1:] if sentence_category(norm(s)) == "eeo"]
        for sentence in dict.fromkeys([said, *stated]):
            if name := _described_subject(sentence, role):
                yield Candidate(name, "self-description", SELF_DESCRIPTION)


def _described_subject(sentence: str, role: str | None) -> str | None:
    words = _words()
    described = words.described.match(sentence)
    if not described:
        return None
    subject = described.group(1).split()
    if subject[0].lower() in words.not_names or not subject[0][:1].isupper():
        return None
    if all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in subject):
        name = clean(" ".join(subject))
        if name and not _is_role(name, role):
            return name
    return None


def _registrable(host: str) -> str:
    parts = DOMAINS(host)
    if parts.suffix:
        return parts.domain
    # An unlisted suffix (a test domain): the label before the last.
    labels = host.split(".")
    return labels[-2] if len(labels) >= 2 and not host.replace(".", "").isdigit() else ""


def host_label(host: str) -> str | None:
    """The employer's part of a host: acme in careers.acme.co.uk, acme in acme.jobs.personio.de."""
    host = host.lower().rstrip(".")
    for software in _words().software_hosts:
        if host.endswith(f".{software}"):
            return host[: -len(software) - 1].split(".")[0]
    return _registrable(host) or None


def from_host(host: str) -> Iterator[Candidate]:
    label = host_label(host)
    if label and (name := clean(" ".join(p.capitalize() for p in re.split(r"[-_]", label)))):
        yield Candidate(name, "host", HOST)


def _hooked(doc: lxml_html.HtmlElement, hook: str | None) -> Iterator[Candidate]:
    if name := clean(hook):
        yield Candidate(name, "hook", HOOK)


# --- the best one ------------------------------------------------------------------------------


def candidates(
    doc: lxml_html.HtmlElement, url: str, *, role: str | None = None, hook: str | None = None
) -> list[Candidate]:
    """Every signal's candidate for the page's company (several per signal allowed)."""
    host = urlsplit(url).hostname or ""
    return [
        *_hooked(doc, hook),
        *from_site_name(doc),
        *from_builder_script(doc),
        *from_title(doc, role),
        *from_logo(doc, host),
        *from_copyright(doc),
        *from_legal_line(doc),
        *from_self_description(doc, role),
        *from_host(host),
    ]


def _related(short: str, long: str) -> bool:
    return len(short) >= 4 and short != long and long.startswith(short)


def spells(label: str, name: str) -> bool:
    """Does a host label spell a name of two or more words, each word written out, by its
    initial or a short abbreviation, or left out, in order ("bkanlagenbau": Brenner & Kühn
    Anlagenbau; "wattlepine": Wattle and Pine Joinery; "hslindenberg": Hogeschool Lindenberg)?
    Half the words at least must show, one of them written out."""
    bare = _words().legal_tail.sub("", name.strip())
    parts = [w for w in (_squashed(w) for w in re.split(r"[\s\-/]+", bare)) if w]
    if len(parts) < 2 or len(label) < 4:
        return False

    @cache
    def walk(at: int, word: int, shown: int, whole: bool) -> bool:
        if word == len(parts):
            return at == len(label) and whole and 2 * shown >= len(parts)
        current = parts[word]
        ways = [(at, False, False)]
        if label.startswith(current, at):
            ways.append((at + len(current), True, True))
        if label.startswith(current[0], at):
            ways.append((at + 1, True, False))
            # An abbreviation: the first letter and one or two later ones ("hs" of Hogeschool).
            for length in (2, 3):
                if _abbreviates(label[at : at + length], current) and length < len(current):
                    ways.append((at + length, True, False))
        return any(
            walk(next_at, word + 1, shown + used, whole or full) for next_at, used, full in ways
        )

    return walk(0, 0, 0, False)


def _abbreviates(short: str, word: str) -> bool:
    """Is ``short`` the word's first letter followed by later letters of it, in order?"""
    if len(short) < 2 or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def _shows_better(candidate: Candidate, than: Candidate) -> bool:
    """The name as the site's header shows it (the brand) over the footer's legal entity and the
    host's spelling; among those, the most confident signal's."""
    fallback = {"copyright", "legal line", "host"}
    if (candidate.signal in fallback) != (than.signal in fallback):
        return than.signal in fallback
    return candidate.confidence > than.confidence


def rank(found: list[Candidate], host: str) -> list[tuple[float, Candidate]]:
    """One entry per company (folded name): the chance at least one signal is right, each signal
    counted once; a candidate the host spells, or a shorter form of a candidate ("Acme" of
    "Acme Software"), adds to it."""
    best: dict[str, dict[str, float]] = {}
    shown: dict[str, Candidate] = {}
    for candidate in found:
        key = _key(candidate.name)
        signals = best.setdefault(key, {})
        signals[candidate.signal] = max(signals.get(candidate.signal, 0.0), candidate.confidence)
        if key not in shown or _shows_better(candidate, shown[key]):
            shown[key] = candidate
    label = _squashed(host_label(host) or "")
    ranked = []
    for key, signals in best.items():
        evidence = list(signals.values())
        for other, other_signals in best.items():
            if _related(other, key) or _related(key, other):
                evidence += [c / 2 for s, c in other_signals.items() if s not in signals]
        if label and "host" not in signals and len(key) >= 4 and (key in label or label in key):
            evidence.append(HOST_AGREES if key == label else HOST_AGREES / 2)
        elif label and "host" not in signals and spells(label, shown[key].name):
            evidence.append(HOST_AGREES / 2)
        doubt = 1.0
        for confidence in evidence:
            doubt *= 1 - confidence
        ranked.append((round(1 - doubt, 4), shown[key]))
    # At equal odds the page's own words beat the host's spelling, the last resort.
    ranked.sort(key=lambda entry: (-entry[0], entry[1].signal == "host", -entry[1].confidence))
    return ranked


def best_company(
    doc: lxml_html.HtmlElement, url: str, *, role: str | None = None, hook: str | None = None
) -> str | None:
    """The company a career page names most convincingly, or None when no signal names one."""
    ranked = rank(candidates(doc, url, role=role, hook=hook), urlsplit(url).hostname or "")
    return ranked[0][1].name if ranked else None
