"""Language of a clean body, scored deterministically with langdetect's own profiles (no Scrapy).

langdetect estimates a naive-Bayes posterior by sampling n-grams at random, seven trials per call:
unseeded it can answer differently on each run, and it costs 6-9 ms whatever the text length.
Here the same model (langdetect's 55 language profiles, its character normalisation, its 1-3
character n-grams and its smoothing) is summed over *every* n-gram of a bounded sample instead:
no randomness at all, and since a body's words repeat across postings, each word's score vector
is computed once and cached. The result is the exact log-likelihood langdetect approximates.

The body is scored line by line (paragraphs and list items are lines of the clean description) so
a bilingual body shows up as lines voting for two languages; the letter share of each language
gives `secondary_language` and tempers the confidence.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cache

from langdetect import DetectorFactory, detector_factory
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

__all__ = ["LanguageGuess", "detect_language", "seed_detector"]

# Below this many letters of body no language is told (docs/items.md): no answer beats a guess.
MIN_LETTERS = 40
# Bodies shorter than this are scored together with the title, and the confidence is scaled down
# in proportion: a 60-letter body is a weak witness even when the score is lopsided.
SHORT_BODY_LETTERS = 200
# The sample: every line contributes, each at most this many characters, within a total budget.
# The start of a paragraph says as much about its language as the whole of it.
LINE_MAX_CHARS = 200
SAMPLE_MAX_CHARS = 800
# A line votes for a language on its own only with this many letters; shorter ones (headings,
# "Python", "Full-time") are too short to tell and only add to the whole-body score.
VOTE_MIN_LETTERS = 30
# secondary_language: a second language holding at least this share of the voting letters, and
# enough letters of its own that one stray line cannot make a body bilingual.
SECONDARY_MIN_SHARE = 0.25
SECONDARY_MIN_LETTERS = 80
# Word score vectors kept in memory (tuples, about 1.8 kB each: the hot path, where tuples sum
# faster than packed arrays); beyond this the cache is cleared and refilled (a crawl's vocabulary
# drifts slowly). The n-gram table, packed doubles (0.5 kB each), needs no bound: it holds at most
# the profiles' 172k n-grams, a few tens of thousands in practice.
WORD_CACHE_MAX = 20_000

# langdetect's smoothing: every profile probability gets alpha / BASE_FREQ added.
_SMOOTHING = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
# langdetect drops URLs and e-mail addresses before detecting; so do we.
_URL_RE = re.compile(r"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}")
_MAIL_RE = re.compile(r"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str | None
    confidence: float
    secondary: str | None = None


def seed_detector(seed: int) -> None:
    """Kept for the settings knob: the scorer has no randomness, langdetect fallbacks do."""
    DetectorFactory.seed = seed


class _NormTable(dict[int, str]):
    """`str.translate` table applying langdetect's per-character normalisation, built lazily."""

    def __missing__(self, code: int) -> str:
        value = NGram.normalize(chr(code))
        self[code] = value
        return value


_NORM = _NormTable()


@cache
def _model() -> tuple[list[str], dict[str, list[float]]]:
    # langdetect loads its profiles on first use too (~0.4 s); reuse the same loaded map.
    detector_factory.init_factory()
    factory = detector_factory._factory
    return [_iso639_1(code) for code in factory.langlist], factory.word_lang_prob_map


def _iso639_1(code: str) -> str:
    return code.split("-")[0]  # langdetect says zh-cn / zh-tw; the contract wants ISO 639-1


# One log-likelihood per language.
Vector = tuple[float, ...] | array

_GRAM_CACHE: dict[str, array | None] = {}
_WORD_CACHE: dict[str, tuple[float, ...] | None] = {}


def _gram_vector(gram: str, probs: dict[str, list[float]]) -> array | None:
    if gram not in _GRAM_CACHE:
        row = probs.get(gram)
        _GRAM_CACHE[gram] = (
            None if row is None else array("d", [math.log(p + _SMOOTHING) for p in row])
        )
    return _GRAM_CACHE[gram]


def _word_vector(word: str) -> tuple[float, ...] | None:
    """Sum of the log-probabilities of the word's n-grams, as langdetect's NGram emits them."""
    cached = _WORD_CACHE.get(word, False)
    if cached is not False:
        return cached
    _langs, probs = _model()
    padded = f" {word} "
    vectors = []
    # NGram never emits grams of all-caps words ("capital word") nor the lone space.
    if not (len(word) > 1 and word.isupper()):
        grams = (padded[i : i + n] for n in (1, 2, 3) for i in range(len(padded) - n + 1))
        vectors = [v for g in grams if g != " " and (v := _gram_vector(g, probs)) is not None]
    if len(_WORD_CACHE) >= WORD_CACHE_MAX:
        _WORD_CACHE.clear()
    result = _sum_vectors(vectors)
    _WORD_CACHE[word] = result
    return result


def _sum_vectors(vectors: list[Vector]) -> tuple[float, ...] | None:
    # Column sums in C (zip + sum) rather than a Python loop over 55 languages per vector.
    return tuple(map(sum, zip(*vectors, strict=True))) if vectors else None


def _score(text: str) -> tuple[Vector | None, int]:
    """Log-likelihood per language of `text`, and its letter count."""
    cleaned = _MAIL_RE.sub(" ", _URL_RE.sub(" ", text)).translate(_NORM)
    words = cleaned.split()
    vectors = [v for w in words if (v := _word_vector(w)) is not None]
    return _sum_vectors(vectors), sum(map(len, words))


def _posterior(scores: Vector) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    norm = sum(exps)
    return [e / norm for e in exps]


def _sample_lines(text: str) -> list[str]:
    """The body's non-empty lines, each cut so the whole sample stays within the budget."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    budget = max(LINE_MAX_CHARS // 3, min(LINE_MAX_CHARS, SAMPLE_MAX_CHARS // len(lines)))
    sample, used = [], 0
    # Spread the budget over the whole body: a stride keeps lines from start to end.
    stride = max(1, math.ceil(len(lines) * budget / SAMPLE_MAX_CHARS))
    for line in lines[::stride]:
        cut = line[:budget]
        sample.append(cut)
        used += len(cut)
        if used >= SAMPLE_MAX_CHARS:
            break
    return sample


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _letters(text: str) -> int:
    return sum(map(len, _LETTERS_RE.findall(text)))


def _rank_lines(lines: list[str]) -> tuple[Vector | None, Counter[int]]:
    """Whole-sample scores, and the letters of each voting line per winning language index."""
    line_scores = []
    votes: Counter[int] = Counter()
    for line in lines:
        scores, letters = _score(line)
        if scores is None:
            continue
        line_scores.append(scores)
        if letters >= VOTE_MIN_LETTERS:
            votes[max(range(len(scores)), key=scores.__getitem__)] += letters
    return _sum_vectors(line_scores), votes


def detect_language(text: str | None, title: str | None = None) -> LanguageGuess:
    """ISO 639-1 language of a clean body, its confidence, and a second language if bilingual.

    `title` only helps short bodies; an empty or near-empty body is `None` whatever the title.
    """
    body = text or ""
    # Only small counts matter (the 40-letter floor, the short-body scale): a prefix will do.
    body_letters = _letters(body[: SHORT_BODY_LETTERS * 10])
    if body_letters < MIN_LETTERS:
        return LanguageGuess(None, 0.0)
    short = body_letters < SHORT_BODY_LETTERS
    lines = _sample_lines(f"{title}\n{body}" if short and title else body)
    total, votes = _rank_lines(lines)
    if total is None:
        return LanguageGuess(None, 0.0)
    langs, _probs = _model()
    # The body's language is the whole sample's most likely one (per-line votes are noisier:
    # a short line can vote Spanish in a Portuguese body); the votes tell a second language.
    best = max(range(len(total)), key=total.__getitem__)
    voted = sum(votes.values())
    second = next(
        (
            i
            for i, n in votes.most_common()
            if i != best
            and langs[i] != langs[best]
            and n >= SECONDARY_MIN_LETTERS
            and n / voted >= SECONDARY_MIN_SHARE
        ),
        None,
    )
    # Confidence: the posterior, less the share of the body in the second language.
    confidence = _posterior(total)[best] * (1 - votes[second] / voted if second is not None else 1)
    if short:
        confidence *= body_letters / SHORT_BODY_LETTERS
    secondary = langs[second] if second is not None else None
    return LanguageGuess(langs[best], round(confidence, 4), secondary)
