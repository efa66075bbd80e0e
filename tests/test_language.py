"""Tests for scrapers.language: deterministic scoring with langdetect's profiles, clean bodies."""

from __future__ import annotations

import pytest

from scrapers import language
from scrapers.language import SHORT_BODY_LETTERS, LanguageGuess, detect_language

BODIES = {
    "en": "We are looking for a backend engineer to join our payments team in London. You will "
    "design services, review code and help us keep the platform fast and reliable.",
    "fr": "Nous recherchons un développeur backend pour rejoindre notre équipe à Lyon. Vous "
    "concevrez des services, relirez le code et participerez aux choix techniques.",
    "de": "Wir suchen eine erfahrene Entwicklerin oder einen erfahrenen Entwickler für unser "
    "Team in Köln. Sie entwickeln unsere Plattform weiter und betreuen unsere Kunden.",
    "es": "Buscamos un ingeniero de software para reforzar nuestro equipo en Madrid. Diseñarás "
    "servicios, revisarás el código de tus compañeros y participarás en las guardias.",
    "pt": "Procuramos um desenvolvedor para a nossa equipa em Lisboa. Vais desenvolver novos "
    "serviços, rever o código dos colegas e trabalhar junto com a equipa de produto.",
    "nl": "Wij zoeken een ervaren ontwikkelaar voor ons team in Utrecht. Je bouwt nieuwe "
    "functies, controleert de code van collega's en werkt samen met onze klanten.",
    "it": "Cerchiamo uno sviluppatore da inserire nel nostro team di Milano. Svilupperai nuovi "
    "servizi, curerai i test automatici e parteciperai alla revisione del codice.",
    "ja": "私たちはバックエンドエンジニアを募集しています。"
    "東京のチームで決済サービスの設計と開発を担当していただきます。経験者を歓迎します。",
}


@pytest.mark.parametrize("lang", sorted(BODIES))
def test_language_of_a_body(lang: str) -> None:
    guess = detect_language(BODIES[lang])
    assert guess.language == lang
    assert guess.secondary is None


def test_same_answer_every_time_and_after_the_caches_are_emptied() -> None:
    text = BODIES["en"] + "\n\n" + BODIES["fr"]
    first = detect_language(text)
    assert all(detect_language(text) == first for _ in range(5))
    language._WORD_CACHE.clear()
    language._GRAM_CACHE.clear()
    assert detect_language(text) == first


def test_same_answer_in_a_fresh_process() -> None:
    import subprocess
    import sys

    code = f"from scrapers.language import detect_language;print(detect_language({BODIES['de']!r}))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == repr(detect_language(BODIES["de"]))


@pytest.mark.parametrize("body", [None, "", "   \n\n  ", "Apply now", "12345 67890 !!!"])
def test_empty_or_tiny_body_is_null_not_a_guess(body: str | None) -> None:
    assert detect_language(body, title="Senior Backend Engineer for payments") == LanguageGuess(
        None, 0.0
    )


def test_a_body_of_urls_and_addresses_is_null() -> None:
    body = "https://example.com/jobs/backend-engineer-12345 jobs@example.com careers@example.org"
    assert detect_language(body).language is None


def test_short_body_uses_the_title_and_reports_lower_confidence() -> None:
    body = "Procuramos motorista para entregas na zona de Lisboa."
    guess = detect_language(body, title="Motorista de entregas com carta de condução")
    assert guess.language == "pt"
    letters = sum(c.isalpha() for c in body)
    assert letters < SHORT_BODY_LETTERS
    assert 0.0 < guess.confidence <= letters / SHORT_BODY_LETTERS
    assert detect_language(BODIES["pt"] * 3).confidence > guess.confidence


def test_long_body_ignores_the_title() -> None:
    guess = detect_language(BODIES["en"] * 3, title="Développeur backend (H/F) à Lyon")
    assert guess.language == "en"
    assert guess.confidence > 0.9


def test_bilingual_body_names_the_second_language() -> None:
    body = "\n\n".join([BODIES["de"], BODIES["de"].upper().lower(), BODIES["en"]])
    guess = detect_language(body)
    assert (guess.language, guess.secondary) == ("de", "en")
    assert guess.confidence < 0.9  # a third of the body is in another language


def test_one_stray_line_does_not_make_a_body_bilingual() -> None:
    body = "\n\n".join([BODIES["fr"], BODIES["fr"], "Equal opportunity employer, all welcome."])
    guess = detect_language(body)
    assert (guess.language, guess.secondary) == ("fr", None)


def test_ui_language_is_not_the_body_language() -> None:
    # The WTTJ seed shape: French chrome already stripped, an English body remains.
    assert detect_language(BODIES["en"] * 2).language == "en"


def test_all_caps_body_is_told_without_crashing() -> None:
    guess = detect_language((BODIES["en"] + " ") * 2 + BODIES["en"].upper())
    assert guess.language == "en"


def test_a_very_long_body_is_sampled_within_the_budget() -> None:
    body = "\n".join([BODIES["it"]] * 400)
    lines = language._sample_lines(body)
    assert sum(map(len, lines)) <= language.SAMPLE_MAX_CHARS + language.LINE_MAX_CHARS
    assert detect_language(body).language == "it"
