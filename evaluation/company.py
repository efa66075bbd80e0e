"""How often the career-site extractor names the company of a job page without structured data.

    python -m evaluation.company            # found / right on the tuning and the held-out part
    python -m evaluation.company --misses   # and every wrong or missing company of the tuning part

The pages and their labels are in tests/fixtures/company_pages/ (labels.toml says how they were
written). Each page goes through ``scrapers.extractors.jobposting.parse_page`` as the spider calls
it, at the URL it is labelled with. A company is *right* when it equals the label (or one of its
``also`` names) after folding case, accents, punctuation and legal forms: "Acme GmbH" is Acme.
The held-out part's misses are never printed: it is read only as counts.
"""

from __future__ import annotations

import argparse
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapers.extractors.jobposting import parse_page

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "company_pages"
CRAWL_TIME = "2026-11-22T03:00:00Z"
# Written with the labels, before the mechanism: the scorer's own list, not the extractor's.
_LEGAL_FORMS = {
    "ab", "ag", "as", "bv", "co", "corp", "gmbh", "ggmbh", "inc", "kg", "llc", "llp", "ltd",
    "limited", "ltda", "nv", "oy", "plc", "pty", "sa", "sas", "sarl", "sl", "spa", "srl",
    "sp", "zoo", "z", "o", "oo", "de", "cv", "stichting", "se",
}  # fmt: skip
_SCRIPT_LEGAL_FORMS = ("株式会社", "有限会社", "合同会社")


def fold(name: str) -> str:
    """Case, accents, punctuation and legal forms folded away: what two names must share. Letters
    of every script stay (株式会社みなと精機 is みなと精機, never the empty name)."""
    name = name.replace("&", " and ").replace("ß", "ss")
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        name = name.replace(umlaut, spelled).replace(umlaut.upper(), spelled.capitalize())
    for form in _SCRIPT_LEGAL_FORMS:
        name = name.replace(form, " ")
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    # "A/S", "S.A.": a legal form's letters are one word.
    words = re.findall(r"[^\W_]+", re.sub(r"[./]", "", plain))
    while words and words[-1] in _LEGAL_FORMS | {"and"}:
        words.pop()
    if words and words[0] == "stichting":
        words.pop(0)
    return " ".join(words)


@dataclass
class Case:
    page: str
    part: str
    expected: list[str]
    found: str | None
    skipped: str | None

    @property
    def right(self) -> bool:
        found = fold(self.found or "")
        return bool(found) and found in {fold(e) for e in self.expected}


def load_labels(pages: Path = PAGES) -> dict[str, dict[str, Any]]:
    with (pages / "labels.toml").open("rb") as handle:
        return tomllib.load(handle)


def evaluate(pages: Path = PAGES) -> list[Case]:
    cases = []
    for page, label in load_labels(pages).items():
        result = parse_page(
            (pages / f"{page}.html").read_bytes(),
            url=label["url"],
            crawled_at=CRAWL_TIME,
            is_ats_host=lambda host: False,
        )
        found = result.postings[0]["company"] if result.postings else None
        expected = [label["company"], *label.get("also", [])]
        cases.append(Case(page, label["part"], expected, found, result.skip))
    return cases


def summary(cases: list[Case], part: str) -> str:
    mine = [c for c in cases if c.part == part]
    exported = sum(c.skipped is None for c in mine)
    found = sum(bool(c.found) for c in mine)
    right = sum(c.right for c in mine)
    right_exported = sum(c.right for c in mine if c.skipped is None)
    share = 100 * right / len(mine) if mine else 0.0
    share_exported = 100 * right_exported / exported if exported else 0.0
    # A page the quality gate skips has no company: a miss of the whole, not of the exported.
    return (
        f"{part:8} pages {len(mine):3}  exported {exported:3}  company found {found:3}  "
        f"right {right:3} of all ({share:.0f} %), {right_exported} of exported "
        f"({share_exported:.0f} %)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="name the tuning part's misses")
    arguments = parser.parse_args(argv)
    cases = evaluate()
    for part in ("tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"):
        print(summary(cases, part))
    if arguments.misses:
        for case in cases:
            if case.part == "tune" and not case.right:
                print(f"  {case.page}: found {case.found!r}, expected {case.expected[0]!r}")


if __name__ == "__main__":
    main()
