"""Score the shipped boilerplate rules and language detector on the labelled pages.

    python -m evaluation.score            # the figures (README)
    python -m evaluation.score --misses   # and every misclassified block / wrong language

Block figures compare each block's category with its label (`body` = content). "Removal" treats
every category as one: precision = removed blocks that are boilerplate, recall = boilerplate blocks
removed. "Content kept" is the share of the labelled content's characters left in `description`.
Language accuracy is on the clean body the pipeline produces, for the evaluation pages plus the
three seeds, next to plain seeded langdetect on the same bodies.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field

from evaluation.dataset import CONTENT, LabelledPage, load_pages
from scrapers.boilerplate import classify_blocks
from scrapers.language import detect_language
from scrapers.textblocks import normalise_spaces, render_blocks
from tests.support.seeds import SEEDS_FILE, load_seeds


@dataclass
class PageResult:
    page: LabelledPage
    predicted: list[str]  # one label per block, CONTENT when kept
    description: str
    language: str | None
    secondary: str | None


@dataclass
class Report:
    pages: list[PageResult] = field(default_factory=list)
    language_cases: list[tuple[str, str | None, str | None, str | None]] = field(
        default_factory=list
    )  # (name, expected, ours, plain langdetect)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter(
            (gold, pred)
            for r in self.pages
            for gold, pred in zip(r.page.labels, r.predicted, strict=True)
        )


def run_page(page: LabelledPage) -> PageResult:
    f = page.fields
    classified = classify_blocks(
        text=page.text,
        title=f.get("title"),
        company=f.get("company"),
        location=f.get("location"),
        company_description=f.get("company_description"),
        header_values=page.header_values,
    )
    blocks = classified.blocks
    if len(blocks) != len(page.labels):
        raise ValueError(
            f"{page.name}: {len(page.labels)} labelled lines but {len(blocks)} blocks "
            "(an indented line continues the item above it; give it its own label)"
        )
    description = render_blocks(b for b, label in blocks if label is None)
    guess = detect_language(description, title=f.get("title"))
    return PageResult(
        page,
        [label or CONTENT for _b, label in blocks],
        description,
        guess.language,
        guess.secondary,
    )


def _plain_langdetect(text: str) -> str | None:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    if sum(c.isalpha() for c in text) < 40:
        return None
    try:
        return detect(text).split("-")[0]
    except LangDetectException:
        return None


def evaluate(pages: list[LabelledPage] | None = None, seeds: bool = True) -> Report:
    report = Report()
    for page in load_pages() if pages is None else pages:
        result = run_page(page)
        report.pages.append(result)
        expected = page.fields["language"]
        report.language_cases.append(
            (
                page.name,
                None if expected == "none" else expected,
                result.language,
                _plain_langdetect(result.description),
            )
        )
    if seeds and SEEDS_FILE.is_file():
        # Each capture with its title as its spider extracts it, and the language the page is in.
        for seed in load_seeds().values():
            from scrapers.boilerplate import strip_boilerplate

            body = strip_boilerplate(text=seed.text())
            ours = detect_language(body.description, title=seed.page["title"]).language
            report.language_cases.append(
                (
                    f"seed:{seed.capture.name}",
                    seed.item["language"],
                    ours,
                    _plain_langdetect(body.description),
                )
            )
    return report


@dataclass(frozen=True)
class Figures:
    per_category: dict[str, tuple[float, float, int]]  # precision, recall, gold support
    removal_precision: float
    removal_recall: float
    content_kept: float
    language_accuracy: float
    langdetect_accuracy: float
    secondary_correct: int
    secondary_total: int


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def figures(report: Report) -> Figures:
    confusion = report.confusion()
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion})
    per_category = {}
    for label in labels:
        tp = confusion[(label, label)]
        pred = sum(n for (_, p), n in confusion.items() if p == label)
        gold = sum(n for (g, _), n in confusion.items() if g == label)
        per_category[label] = (_ratio(tp, pred), _ratio(tp, gold), gold)
    removed_ok = sum(n for (g, p), n in confusion.items() if g != CONTENT and p != CONTENT)
    removed = sum(n for (_, p), n in confusion.items() if p != CONTENT)
    boiler = sum(n for (g, _), n in confusion.items() if g != CONTENT)
    kept_chars = total_chars = 0
    for r in report.pages:
        blocks = [normalise_spaces(line) for line in r.page.text.splitlines() if line.strip()]
        for text, gold, pred in zip(blocks, r.page.labels, r.predicted, strict=True):
            if gold == CONTENT:
                total_chars += len(text)
                kept_chars += len(text) if pred == CONTENT else 0
    cases = report.language_cases
    bilingual = [r for r in report.pages if r.page.fields.get("secondary_language")]
    return Figures(
        per_category=per_category,
        removal_precision=_ratio(removed_ok, removed),
        removal_recall=_ratio(removed_ok, boiler),
        content_kept=_ratio(kept_chars, total_chars),
        language_accuracy=_ratio(sum(e == o for _, e, o, _ in cases), len(cases)),
        langdetect_accuracy=_ratio(sum(e == p for _, e, _, p in cases), len(cases)),
        secondary_correct=sum(
            r.secondary == r.page.fields["secondary_language"] for r in bilingual
        ),
        secondary_total=len(bilingual),
    )


def _misses(report: Report) -> list[str]:
    out = []
    for r in report.pages:
        lines = [line for line in r.page.text.splitlines() if line.strip()]
        for text, gold, pred in zip(lines, r.page.labels, r.predicted, strict=True):
            if gold != pred:
                out.append(f"{r.page.name}: {gold} -> {pred}: {text[:90]}")
    for name, expected, ours, plain in report.language_cases:
        if expected != ours:
            out.append(f"{name}: language {expected} -> {ours} (langdetect {plain})")
    return out


def format_figures(fig: Figures, pages: int, cases: int) -> str:
    rows = [f"{pages} pages, {cases} language cases (pages + seeds)", ""]
    rows.append(f"{'category':<16} {'precision':>9} {'recall':>7} {'blocks':>7}")
    for label, (p, r, n) in fig.per_category.items():
        rows.append(f"{label:<16} {p:>9.3f} {r:>7.3f} {n:>7}")
    rows += [
        "",
        f"removal precision {fig.removal_precision:.3f}  recall {fig.removal_recall:.3f}",
        f"content kept      {fig.content_kept:.4f} of labelled content characters",
        f"language accuracy {fig.language_accuracy:.3f} (plain langdetect, seeded: "
        f"{fig.langdetect_accuracy:.3f})",
        f"secondary language right on {fig.secondary_correct}/{fig.secondary_total} "
        "bilingual pages",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    report = evaluate()
    print(format_figures(figures(report), len(report.pages), len(report.language_cases)))
    if args.misses:
        print("\n" + "\n".join(_misses(report) or ["no misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
