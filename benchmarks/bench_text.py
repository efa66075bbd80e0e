"""Speed of boilerplate stripping and language detection on 5 kB postings (run by hand).

    python benchmarks/bench_text.py [--rounds 5]

Postings: every evaluation page grown to 5,000 characters with content of the other pages in its
language (chrome kept where the page has it), plus the three seed captures. Stripping runs on the
page; language detection on the clean description it leaves, next to plain seeded langdetect.
Median CPU ms per posting on one core (`time.thread_time`, so other processes do not count).

Both steps cache (rule categories per block; score vectors per word, n-gram rows per gram), so:
- crawl order: caches emptied, postings timed on first sight in order (a short fresh crawl);
- held out: caches filled from the other half of the postings, this one new (a crawl's steady
  state; the n-gram table, bounded by langdetect's profiles, is warm);
- unseen: caches emptied before every call (worst case); cold start: n-gram table empty too.
Accuracy is the evaluation figure (`python -m evaluation.score`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.dataset import CONTENT, LabelledPage, load_pages  # noqa: E402
from scrapers import language  # noqa: E402
from scrapers.boilerplate import block_rules, strip_boilerplate  # noqa: E402
from scrapers.boilerplate import text as boilerplate_text  # noqa: E402
from tests.support.seeds import load_seeds  # noqa: E402

BODY_CHARS = 5000


def _content(page: LabelledPage) -> list[str]:
    lines = [line for line in page.text.splitlines() if line.strip()]
    # Headings and items too: a grown body keeps the page's shape.
    return [t for t, label in zip(lines, page.labels, strict=True) if label == CONTENT]


def _grow(page: LabelledPage, pages: list[LabelledPage], size: int = BODY_CHARS) -> str:
    """The page with content of other pages in its language inserted after its first body line.

    A realistic long posting: chrome where the page has it, a body of `size` characters or more
    in one language, no paragraph repeated (repeats are what the repeated-field rules look for).
    """
    extra: list[str] = []
    same = [p for p in pages if p is not page and p.fields["language"] == page.fields["language"]]
    pool = [line for p in same for line in _content(p)]
    # Small languages run out of other pages: then their content comes round again.
    for i in range(10_000):
        if len(page.text) + sum(len(x) + 2 for x in extra) >= size or not pool:
            break
        extra.append(pool[i % len(pool)])
    lines, out, inserted = page.text.splitlines(), [], False
    for line in lines:
        out.append(line)
        if not inserted and line.strip() in _content(page)[:1]:
            out += ["", *(f"{x}\n" for x in extra)]
            inserted = True
    return "\n".join(out)


def _pages() -> list[tuple[str, str]]:
    labelled = load_pages()
    pages = [(p.fields.get("title", ""), _grow(p, labelled)) for p in labelled]
    pages += [(seed.page["title"], seed.text()) for seed in load_seeds().values()]
    return pages


def _cpu_ms(fn: Callable[[], object]) -> float:
    # CPU time of this thread: "on one core", not counting time other processes took.
    start = time.thread_time()
    fn()
    return (time.thread_time() - start) * 1000


def _crawl_median(
    fn: Callable[[str, str], object], inputs: list[tuple[str, str]], rounds: int, reset: Callable
) -> float:
    """Median ms per posting over `rounds` passes in crawl order, caches emptied before each pass.

    Each posting is timed on first sight: it gains only from what earlier postings taught the
    caches, as in a crawl (a page timed twice in a row would be a pure cache hit).
    """
    per_posting: list[list[float]] = [[] for _ in inputs]
    for _ in range(rounds):
        reset()
        for i, (title, text) in enumerate(inputs):
            per_posting[i].append(_cpu_ms(lambda t=title, x=text: fn(t, x)))
    return statistics.median(statistics.median(times) for times in per_posting)


def _held_out_median(
    fn: Callable[[str, str], object], inputs: list[tuple[str, str]], rounds: int, reset: Callable
) -> float:
    """Median ms per posting first seen after the caches learnt from the *other* postings.

    Even postings warm the caches, odd ones are timed, and the other way round: a crawl's steady
    state where the language's common words are known but this posting is new.
    """
    times: list[float] = []
    halves = (inputs[0::2], inputs[1::2])
    for warm, timed in (halves, halves[::-1]):
        for title, text in timed:
            runs = []
            for _ in range(rounds):
                reset()
                for t, x in warm:
                    fn(t, x)
                runs.append(_cpu_ms(lambda t=title, x=text: fn(t, x)))
            times.append(statistics.median(runs))
    return statistics.median(times)


def _isolated_median(
    fn: Callable[[str, str], object], inputs: list[tuple[str, str]], rounds: int, reset: Callable
) -> float:
    """Median ms per posting with caches emptied before every call: text never seen before."""
    times = []
    for title, text in inputs:
        runs = []
        for _ in range(rounds):
            reset()
            runs.append(_cpu_ms(lambda t=title, x=text: fn(t, x)))
        times.append(statistics.median(runs))
    return statistics.median(times)


def _plain_langdetect(text: str) -> object:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs(text)


def _clear_blocks() -> None:
    block_rules.block_rule_category.cache_clear()
    block_rules.section_category.cache_clear()
    boilerplate_text.key.cache_clear()


def _clear_words() -> None:
    language._WORD_CACHE.clear()


def _clear_all() -> None:
    language._WORD_CACHE.clear()
    language._GRAM_CACHE.clear()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    pages = _pages()
    bodies = [
        (t, strip_boilerplate(text=text, title=t).description[:BODY_CHARS]) for t, text in pages
    ]
    language.detect_language(bodies[0][1])  # profile loading (~0.4 s) is not a per-call cost
    _plain_langdetect(bodies[0][1])

    size = statistics.median(len(x) for _t, x in pages)
    body_size = statistics.median(len(x) for _t, x in bodies)
    print(f"{len(pages)} postings; median page {size:.0f} chars, clean body {body_size:.0f} chars")
    print(f"median ms per posting, one core ({args.rounds} rounds)")

    def strip(t: str, x: str) -> object:
        return strip_boilerplate(text=x, title=t)

    def detect(t: str, x: str) -> object:
        return language.detect_language(x, t)

    def plain(_t: str, x: str) -> object:
        return _plain_langdetect(x)

    n = args.rounds
    rows = [
        ("strip_boilerplate, crawl order", _crawl_median(strip, pages, n, _clear_blocks)),
        ("strip_boilerplate, held out", _held_out_median(strip, pages, n, _clear_blocks)),
        ("strip_boilerplate, unseen text", _isolated_median(strip, pages, n, _clear_blocks)),
        ("detect_language, crawl order", _crawl_median(detect, bodies, n, _clear_all)),
        ("detect_language, held out", _held_out_median(detect, bodies, n, _clear_words)),
        ("detect_language, unseen words", _isolated_median(detect, bodies, n, _clear_words)),
        ("detect_language, cold start", _isolated_median(detect, bodies, n, _clear_all)),
        ("plain langdetect 1.0.9, seeded", _isolated_median(plain, bodies, n, lambda: None)),
    ]
    for name, ms in rows:
        print(f"  {name:<32} {ms:7.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
