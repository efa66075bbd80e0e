import tomllib
from pathlib import Path

import pytest

from scrapers.normalise.employment import normalise_employment_type


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # full time, however it is written
        ("Full-time", "FULL_TIME"),
        ("Full Time", "FULL_TIME"),
        ("FullTime", "FULL_TIME"),
        ("full_time", "FULL_TIME"),
        ("FULL_TIME", "FULL_TIME"),
        ("CDI", "FULL_TIME"),
        ("Permanent", "FULL_TIME"),
        ("Vollzeit", "FULL_TIME"),
        ("Temps plein", "FULL_TIME"),
        ("Tiempo completo", "FULL_TIME"),
        ("Full-time - Permanent", "FULL_TIME"),
        ("CDI - Temps plein", "FULL_TIME"),
        ("Job Type Full-time", "FULL_TIME"),
        # part time
        ("Part-time", "PART_TIME"),
        ("PartTime", "PART_TIME"),
        ("Teilzeit", "PART_TIME"),
        ("Temps partiel", "PART_TIME"),
        ("Werkstudent", "PART_TIME"),
        # contract
        ("Freelance", "CONTRACTOR"),
        ("Contract", "CONTRACTOR"),
        ("Contractor", "CONTRACTOR"),
        ("Contract (6 months)", "CONTRACTOR"),
        ("FREELANCE", "CONTRACTOR"),
        # temporary
        ("CDD", "TEMPORARY"),
        ("Temporary", "TEMPORARY"),
        ("Fixed-term", "TEMPORARY"),
        ("Befristet", "TEMPORARY"),
        ("Full-time, Temporary", "TEMPORARY"),
        # internships and apprenticeships
        ("Stage", "INTERN"),
        ("Internship", "INTERN"),
        ("INTERNSHIP", "INTERN"),
        ("Praktikum", "INTERN"),
        ("Alternance", "INTERN"),
        ("apprenticeship", "INTERN"),
        ("APPRENTICESHIP", "INTERN"),
        ("Stagiaire - 6 mois", "INTERN"),
        ("Full-time Internship", "INTERN"),
        # the rest of schema.org
        ("Volunteer", "VOLUNTEER"),
        ("Per diem", "PER_DIEM"),
        ("OTHER", "OTHER"),
    ],
)
def test_normalise_employment_type(raw: str, expected: str) -> None:
    assert normalise_employment_type(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", "N/A", "Engineering", "Flexible hours", "-"])
def test_normalise_employment_type_unknown(raw: str | None) -> None:
    assert normalise_employment_type(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "permanent, full-or-part-time",
        "Full or part time",
        "Vollzeit oder Teilzeit",
        "Full-time/Part-time",
    ],
)
def test_either_hours_is_unknown(raw: str) -> None:
    assert normalise_employment_type(raw) is None


def test_either_hours_with_a_contract_type_takes_the_contract() -> None:
    assert normalise_employment_type("Internship, full-or-part-time") == "INTERN"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # de
        ("Minijob", "PART_TIME"),
        ("Werkstudent", "PART_TIME"),
        ("Vollzeit", "FULL_TIME"),
        # pt
        ("Tempo integral", "FULL_TIME"),
        # pl
        ("Pełny etat", "FULL_TIME"),
        ("Część etatu", "PART_TIME"),
        ("Umowa zlecenie", "CONTRACTOR"),
        ("Praca tymczasowa", "TEMPORARY"),
        ("Staż", "INTERN"),
        # sv
        ("Heltid", "FULL_TIME"),
        ("Deltid", "PART_TIME"),
        ("Visstidsanställning", "TEMPORARY"),
        ("Tillsvidareanställning", "FULL_TIME"),
        # ja
        ("正社員", "FULL_TIME"),
        ("契約社員", "TEMPORARY"),
        ("派遣社員", "TEMPORARY"),
        ("アルバイト", "PART_TIME"),
        ("業務委託", "CONTRACTOR"),
        ("インターン", "INTERN"),
        # a contract that says nothing about hours or term is no guess
        ("Umowa o pracę", None),
    ],
)
def test_normalise_employment_type_more_languages(raw: str, expected: str | None) -> None:
    assert normalise_employment_type(raw) == expected


# Every language jobsieve's sources speak, as their boards write the contract field: at least
# three values per language (scrapers/data/employment.toml lists the phrases per language).
_BY_LANGUAGE = {
    "en": [
        ("Permanent contract, full-time", "FULL_TIME"),
        ("Fixed-term contract (12 months)", "TEMPORARY"),
        ("Contract-to-hire", "CONTRACTOR"),
        ("1099 Contractor", "CONTRACTOR"),
        ("Co-op", "INTERN"),
        ("Graduate scheme", "INTERN"),
        ("Maternity cover", "TEMPORARY"),
        ("PRN", "PER_DIEM"),
        ("Casual", None),
    ],
    "fr": [
        ("Contrat à durée indéterminée", "FULL_TIME"),
        ("Mi-temps", "PART_TIME"),
        ("Intérimaire", "TEMPORARY"),
        ("Saisonnière", "TEMPORARY"),
        ("Auto-entrepreneur", "CONTRACTOR"),
        ("Contrat d’apprentissage", "INTERN"),
        ("Service civique", "VOLUNTEER"),
    ],
    "de": [
        ("Festanstellung, Vollzeit", "FULL_TIME"),
        ("Unbefristeter Arbeitsvertrag", "FULL_TIME"),
        ("Teilzeit (20 Std./Woche)", "PART_TIME"),
        ("Geringfügig beschäftigt", "PART_TIME"),
        ("Befristeter Vertrag", "TEMPORARY"),
        ("Arbeitnehmerüberlassung", "TEMPORARY"),
        ("Freie Mitarbeit", "CONTRACTOR"),
        ("Duales Studium", "INTERN"),
        ("Ehrenamtlich", "VOLUNTEER"),
    ],
    "es": [
        ("Contrato indefinido - Jornada completa", "FULL_TIME"),
        ("Medio tiempo", "PART_TIME"),
        ("Contrato por obra y servicio", "TEMPORARY"),
        ("Plazo fijo", "TEMPORARY"),
        ("Autónomo", "CONTRACTOR"),
        ("Por honorarios", "CONTRACTOR"),
        ("Prácticas", "INTERN"),
        ("Voluntariado", "VOLUNTEER"),
    ],
    "pt": [
        ("Efetivo - CLT", "FULL_TIME"),
        ("Meio período", "PART_TIME"),
        ("Temporário", "TEMPORARY"),
        ("Contrato a termo", "TEMPORARY"),
        ("PJ", "CONTRACTOR"),
        ("Estágio", "INTERN"),
        ("Jovem Aprendiz", "INTERN"),
    ],
    "it": [
        ("Tempo pieno", "FULL_TIME"),
        ("Contratto a tempo indeterminato", "FULL_TIME"),
        ("Contratto a tempo determinato", "TEMPORARY"),
        ("Lavoro interinale", "TEMPORARY"),
        ("Partita IVA", "CONTRACTOR"),
        ("Tirocinio", "INTERN"),
        ("Apprendistato", "INTERN"),
    ],
    "nl": [
        ("Vast contract, fulltime", "FULL_TIME"),
        ("Parttime (24 uur)", "PART_TIME"),
        ("Tijdelijk contract", "TEMPORARY"),
        ("Uitzendbaan", "TEMPORARY"),
        ("ZZP", "CONTRACTOR"),
        ("Afstudeerstage", "INTERN"),
        ("Vrijwilligerswerk", "VOLUNTEER"),
    ],
    "pl": [
        ("Umowa na czas nieokreślony", "FULL_TIME"),
        ("Pół etatu", "PART_TIME"),
        ("Umowa na zastępstwo", "TEMPORARY"),
        ("Praca sezonowa", "TEMPORARY"),
        ("Kontrakt B2B", "CONTRACTOR"),
        ("Umowa o dzieło", "CONTRACTOR"),
        ("Praktyki", "INTERN"),
        ("Wolontariat", "VOLUNTEER"),
    ],
    "sv": [
        ("Heltid, tillsvidare", "FULL_TIME"),
        ("Fast anställning", "FULL_TIME"),
        ("Sommarjobb", "TEMPORARY"),
        ("Timanställning", "TEMPORARY"),
        ("Frilans", "CONTRACTOR"),
        ("Lärling", "INTERN"),
    ],
    "da": [
        ("Fuldtid", "FULL_TIME"),
        ("Fastansættelse", "FULL_TIME"),
        ("Studiejob", "PART_TIME"),
        ("Tidsbegrænset ansættelse", "TEMPORARY"),
        ("Elev", "INTERN"),
        ("Frivilligt arbejde", "VOLUNTEER"),
    ],
    "nb": [
        ("Fast stilling, heltid", "FULL_TIME"),
        ("Deltid", "PART_TIME"),
        ("Engasjement", "TEMPORARY"),
        ("Åremål", "TEMPORARY"),
        ("Selvstendig næringsdrivende", "CONTRACTOR"),
        ("Lærling", "INTERN"),
    ],
    "fi": [
        ("Vakituinen, kokoaikainen", "FULL_TIME"),
        ("Osa-aikainen", "PART_TIME"),
        ("Määräaikainen", "TEMPORARY"),
        ("Osa-aikainen, määräaikainen", "TEMPORARY"),
        ("Kesätyö", "TEMPORARY"),
        ("Oppisopimus", "INTERN"),
        ("Vapaaehtoistyö", "VOLUNTEER"),
    ],
    "cs": [
        ("Práce na plný úvazek", "FULL_TIME"),
        ("Zkrácený úvazek", "PART_TIME"),
        ("Brigáda", "TEMPORARY"),
        ("Pracovní smlouva na dobu určitou", "TEMPORARY"),
        ("Živnostenský list", "CONTRACTOR"),
        ("Stáž", "INTERN"),
        ("Dobrovolník", "VOLUNTEER"),
        # "praxe" is also experience
        ("3 roky praxe", None),
    ],
    "sk": [
        ("Plný úväzok", "FULL_TIME"),
        ("Skrátený úväzok", "PART_TIME"),
        ("Na dobu určitú", "TEMPORARY"),
        ("Živnosť", "CONTRACTOR"),
        ("Stáž", "INTERN"),
        ("Dobrovoľník", "VOLUNTEER"),
    ],
    "hu": [
        ("Teljes munkaidő", "FULL_TIME"),
        ("Részmunkaidő", "PART_TIME"),
        ("Határozott idejű", "TEMPORARY"),
        ("Vállalkozói jogviszony", "CONTRACTOR"),
        ("Gyakornok", "INTERN"),
        ("Önkéntes munka", "VOLUNTEER"),
    ],
    "ro": [
        ("Normă întreagă", "FULL_TIME"),
        ("Jumătate de normă", "PART_TIME"),
        ("Proiect / Sezonier", "TEMPORARY"),
        ("Perioadă determinată", "TEMPORARY"),
        ("PFA", "CONTRACTOR"),
        ("Internship / Voluntariat", "INTERN"),
    ],
    "tr": [
        ("Tam Zamanlı", "FULL_TIME"),
        ("TAM ZAMANLI", "FULL_TIME"),
        ("Yarı Zamanlı", "PART_TIME"),
        ("Dönemsel", "TEMPORARY"),
        ("Sözleşmeli", "TEMPORARY"),
        ("Serbest Zamanlı", "CONTRACTOR"),
        ("Stajyer", "INTERN"),
        ("Gönüllü", "VOLUNTEER"),
    ],
    "el": [
        ("Πλήρης απασχόληση", "FULL_TIME"),
        ("ΠΛΗΡΗΣ ΑΠΑΣΧΟΛΗΣΗ", "FULL_TIME"),
        ("Μερική απασχόληση", "PART_TIME"),
        ("Σύμβαση ορισμένου χρόνου", "TEMPORARY"),
        ("Ελεύθερος επαγγελματίας", "CONTRACTOR"),
        ("Πρακτική άσκηση", "INTERN"),
    ],
    "ja": [
        ("正社員", "FULL_TIME"),
        ("パート・アルバイト", "PART_TIME"),
        ("非常勤講師", "PART_TIME"),
        ("紹介予定派遣", "TEMPORARY"),
        ("業務委託（フリーランス）", "CONTRACTOR"),
        ("長期インターン", "INTERN"),
        ("ボランティア", "VOLUNTEER"),
        ("日雇い", "PER_DIEM"),
    ],
    "ko": [
        ("정규직", "FULL_TIME"),
        ("아르바이트", "PART_TIME"),
        ("계약직", "TEMPORARY"),
        ("파견직", "TEMPORARY"),
        ("프리랜서", "CONTRACTOR"),
        ("정규직 전환형 인턴", "INTERN"),
        ("일용직", "PER_DIEM"),
    ],
    "zh-hans": [
        ("全职", "FULL_TIME"),
        ("兼职", "PART_TIME"),
        ("劳务派遣", "TEMPORARY"),
        ("自由职业", "CONTRACTOR"),
        ("实习生", "INTERN"),
        ("志愿者", "VOLUNTEER"),
        ("兼职日结", "PER_DIEM"),
    ],
    "zh-hant": [
        ("全職", "FULL_TIME"),
        ("兼職", "PART_TIME"),
        ("約聘", "TEMPORARY"),
        ("接案", "CONTRACTOR"),
        ("實習生", "INTERN"),
        ("志工", "VOLUNTEER"),
    ],
    "ar": [
        ("وظيفة بدوام كامل", "FULL_TIME"),
        ("دوام جزئي", "PART_TIME"),
        ("عقد محدد المدة", "TEMPORARY"),
        ("عمل حر", "CONTRACTOR"),
        ("تدريب داخلي", "INTERN"),
        ("متطوع", "VOLUNTEER"),
        # "not permanent" names no type
        ("وظيفة غير دائمة", None),
    ],
    "he": [
        ("משרה מלאה", "FULL_TIME"),
        ("משרה חלקית", "PART_TIME"),
        ("משרת סטודנט", "PART_TIME"),
        ("עבודה זמנית", "TEMPORARY"),
        ("פרילנס", "CONTRACTOR"),
        ("התמחות", "INTERN"),
        ("התנדבות", "VOLUNTEER"),
    ],
    "hi": [
        ("पूर्णकालिक", "FULL_TIME"),
        ("स्थायी नौकरी", "FULL_TIME"),
        ("अंशकालिक", "PART_TIME"),
        ("अस्थायी", "TEMPORARY"),
        ("फ्रीलांस", "CONTRACTOR"),
        ("इंटर्नशिप", "INTERN"),
        ("स्वयंसेवक", "VOLUNTEER"),
    ],
    "id": [
        ("Penuh Waktu", "FULL_TIME"),
        ("Karyawan Tetap", "FULL_TIME"),
        ("Paruh Waktu", "PART_TIME"),
        ("Kontrak", "TEMPORARY"),
        ("Pekerja Lepas", "CONTRACTOR"),
        ("Magang", "INTERN"),
        ("Harian Lepas", "PER_DIEM"),
    ],
    "vi": [
        ("Toàn thời gian", "FULL_TIME"),
        ("TOÀN THỜI GIAN", "FULL_TIME"),
        ("Bán thời gian", "PART_TIME"),
        ("Thời vụ", "TEMPORARY"),
        ("Cộng tác viên", "CONTRACTOR"),
        ("Thực tập sinh", "INTERN"),
        ("Tình nguyện viên", "VOLUNTEER"),
    ],
    "th": [
        ("งานประจำ", "FULL_TIME"),
        ("พาร์ทไทม์", "PART_TIME"),
        ("สัญญาจ้าง", "TEMPORARY"),
        ("ฟรีแลนซ์", "CONTRACTOR"),
        ("ฝึกงาน", "INTERN"),
        ("อาสาสมัคร", "VOLUNTEER"),
    ],
    "uk": [
        ("Повна зайнятість", "FULL_TIME"),
        ("Неповна зайнятість", "PART_TIME"),
        ("Тимчасова робота", "TEMPORARY"),
        ("ФОП", "CONTRACTOR"),
        ("Стажування", "INTERN"),
        ("Волонтерство", "VOLUNTEER"),
    ],
    "ru": [
        ("Полная занятость", "FULL_TIME"),
        ("Частичная занятость", "PART_TIME"),
        ("Неполный день", "PART_TIME"),
        ("Временная работа", "TEMPORARY"),
        ("Проектная работа", "CONTRACTOR"),
        ("Стажировка", "INTERN"),
        ("Волонтёрство", "VOLUNTEER"),
    ],
    "ms": [
        ("Sepenuh Masa", "FULL_TIME"),
        ("Separuh Masa", "PART_TIME"),
        ("Jawatan tetap", "FULL_TIME"),
    ],
    "hr": [
        ("Stalni radni odnos", "FULL_TIME"),
        ("Puno radno vrijeme", "FULL_TIME"),
        ("Nepuno radno vrijeme", "PART_TIME"),
    ],
    "sr": [
        ("Stalni radni odnos", "FULL_TIME"),
        ("Puno radno vreme", "FULL_TIME"),
        ("Nepuno radno vreme", "PART_TIME"),
    ],
    "lv": [
        ("Pilna slodze, pastāvīgs darbs", "FULL_TIME"),
        ("Pilna slodze", "FULL_TIME"),
        ("Pastāvīgs darbs", "FULL_TIME"),
    ],
    "bg": [
        ("Пълно работно време", "FULL_TIME"),
        ("Подходяща и за студенти, Непълно работно време", "PART_TIME"),
        ("Непълно работно време", "PART_TIME"),
    ],
    "et": [
        ("Täistööaeg", "FULL_TIME"),
        ("Osaline tööaeg (0,5 kohta)", "PART_TIME"),
        ("Alaline, täistööajaga", "FULL_TIME"),
    ],
    "am": [
        ("የሙሉ ጊዜ ሥራ (ቋሚ)", "FULL_TIME"),
        ("ቋሚ", "FULL_TIME"),
        ("የትርፍ ሰዓት ሥራ", "PART_TIME"),
    ],
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(raw, expected, id=f"{language}:{raw}")
        for language, cases in _BY_LANGUAGE.items()
        for raw, expected in cases
    ],
)
def test_normalise_employment_type_every_language(raw: str, expected: str | None) -> None:
    assert normalise_employment_type(raw) == expected


def test_every_language_has_three_examples() -> None:
    languages = set(_VOCABULARY["FULL_TIME"])
    assert languages <= set(_BY_LANGUAGE)
    assert all(len(cases) >= 3 for cases in _BY_LANGUAGE.values())


@pytest.mark.parametrize(
    "raw",
    [
        "Tiempo completo o parcial",
        "Tempo integral ou parcial",
        "Tempo pieno o parziale",
        "Voltijd of deeltijd",
        "Pełny etat lub część etatu",
        "Heltid/deltid",
        "Fuldtid eller deltid",
        "Kokoaikainen tai osa-aikainen",
        "Plný nebo zkrácený úvazek",
        "Teljes munkaidő vagy részmunkaidő",
        "Tam zamanlı veya yarı zamanlı",
        "正社員・アルバイト",
        "정규직/파트타임",
        "全职/兼职",
        "دوام كامل أو جزئي",
        "משרה מלאה/חלקית",
        "Toàn thời gian hoặc bán thời gian",
        "Полная или частичная занятость",
    ],
)
def test_either_hours_is_unknown_in_every_language(raw: str) -> None:
    assert normalise_employment_type(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a phrase inside a longer phrase of another type names only the longer one
        ("Permanent contract", "FULL_TIME"),
        ("Vast contract", "FULL_TIME"),
        ("非常勤", "PART_TIME"),
        # whole words only: no type inside another word
        ("Cdiscount", None),
        ("Stagecoach", None),
        ("Internal mobility", None),
        # a Latin phrase next to Japanese or Chinese still counts
        ("B2B契約", "CONTRACTOR"),
    ],
)
def test_phrases_are_whole(raw: str, expected: str | None) -> None:
    assert normalise_employment_type(raw) == expected


_VOCABULARY = tomllib.loads(
    (Path(__file__).parents[1] / "scrapers" / "data" / "employment.toml").read_text("utf-8")
)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        pytest.param(phrase, kind, id=f"{kind}:{language}:{phrase}")
        for kind, by_language in _VOCABULARY.items()
        if kind != "either_hours"
        for language, phrases in by_language.items()
        for phrase in phrases
    ],
)
def test_every_listed_phrase_is_its_type(phrase: str, kind: str) -> None:
    assert normalise_employment_type(phrase) == kind
    assert normalise_employment_type(f"Type: {phrase.upper()} (m/w/d)") == kind


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Taux d'activité : 60 – 80 %", "PART_TIME"),
        # A workload spanning part and full time says neither.
        ("Pensum 80-100%", None),
        ("Pensum: 100%", "FULL_TIME"),
        ("50 %", "PART_TIME"),
        # A contract word decides before a workload does.
        ("Festanstellung, 80%", "FULL_TIME"),
    ],
)
def test_a_swiss_workload_in_percent_says_full_or_part_time(raw: str, expected: str) -> None:
    assert normalise_employment_type(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Attachment", "INTERN"),
        ("Contrato de duración determinada, Jornada completa", "TEMPORARY"),
    ],
)
def test_contracts_of_the_fourth_round(raw: str, expected: str) -> None:
    assert normalise_employment_type(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Contrato formativo, Jornada completa", "INTERN"),
        ("Fines de Semana", "PART_TIME"),
        ("Bepaalde duur (6 maanden)", "TEMPORARY"),
        ("Določen čas, s možnostjo podaljšanja", "TEMPORARY"),
        ("চুক্তিভিত্তিক", "TEMPORARY"),
        ("Latihan Industri", "INTERN"),
        ("Kujitolea", "VOLUNTEER"),
    ],
)
def test_contracts_of_the_eighth_round(raw: str, expected: str) -> None:
    assert normalise_employment_type(raw) == expected
