"""Language of a clean body with langdetect, made deterministic (no Scrapy import).

langdetect samples n-grams at random: unseeded, the same text can come back as another language
on another run. ``DetectorFactory.seed`` makes every call repeatable, across processes too.
"""

from __future__ import annotations

from dataclasses import dataclass

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

# Below this many letters langdetect guesses (see docs/items.md): no answer beats a wrong one.
MIN_LETTERS = 40
# langdetect is slow (~3 ms per 1,000 chars) and the start of a body decides its language.
MAX_CHARS = 3000
SECONDARY_MIN_PROBABILITY = 0.2


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str | None
    confidence: float
    secondary: str | None = None


def seed_detector(seed: int) -> None:
    DetectorFactory.seed = seed


def _iso639_1(code: str) -> str:
    return code.split("-")[0]  # langdetect says zh-cn / zh-tw; the contract wants ISO 639-1


def detect_language(text: str | None) -> LanguageGuess:
    sample = (text or "")[:MAX_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return LanguageGuess(None, 0.0)
    try:
        ranked = detect_langs(sample)
    except LangDetectException:
        return LanguageGuess(None, 0.0)
    best = ranked[0]
    secondary = next(
        (_iso639_1(r.lang) for r in ranked[1:] if r.prob >= SECONDARY_MIN_PROBABILITY), None
    )
    return LanguageGuess(_iso639_1(best.lang), round(float(best.prob), 4), secondary)


seed_detector(0)
