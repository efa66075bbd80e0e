import pytest

from scrapers.normalise.remote import normalise_remote
from scrapers.normalise.vocabulary import read_vocabulary


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # labels in several languages
        ("Hybrid", "hybrid"),
        ("Télétravail fréquent", "hybrid"),
        ("Télétravail occasionnel", "hybrid"),
        ("Télétravail total", "remote"),
        ("Homeoffice möglich", "hybrid"),
        ("100% remoto", "remote"),
        ("Remoto", "remote"),
        ("Híbrido", "hybrid"),
        ("Da remoto", "remote"),
        ("Op afstand", "remote"),
        ("On-site", "onsite"),
        ("Onsite", "onsite"),
        ("On site", "onsite"),
        ("Sur site", "onsite"),
        ("Presencial", "onsite"),
        ("Fully remote", "remote"),
        # WTTJ enum
        ("fulltime", "remote"),
        ("partial", "hybrid"),
        ("punctual", "hybrid"),
        ("no", "onsite"),
        ("unknown", None),
        # Lever enum
        ("on-site", "onsite"),
        ("remote", "remote"),
        ("hybrid", "hybrid"),
        ("unspecified", None),
        # Ashby / Teal enum
        ("OnSite", "onsite"),
        ("Remote", "remote"),
        # schema.org jobLocationType
        ("TELECOMMUTE", "remote"),
        # leading location tokens and title segments
        ("Hybrid-Palo Alto, CA", "hybrid"),
        ("Remote - US", "remote"),
        ("Remote (EU)", "remote"),
        ("Remote US", "remote"),
        ("Remote in Germany", "remote"),
        ("Senior Backend Engineer (Remote)", "remote"),
        ("Paris - Hybrid", "hybrid"),
        # not a workplace label
        ("We are a remote-friendly team", None),
        ("Remote-friendly team", None),
        ("Porto, Portugal", None),
        ("Backend Engineer", None),
        ("Full-time", None),
        # two labels at once decide nothing
        ("Remote or Hybrid", None),
        ("Remote / Hybrid", None),
        # undecided by design
        ("Télétravail", None),
        ("Flexible", None),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_normalise_remote_single_value(raw: str | None, expected: str | None) -> None:
    assert normalise_remote(raw) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # seeds: (remote_raw, location_raw, title)
        (("Télétravail fréquent", "Bordeaux", "Backend Engineer"), "hybrid"),
        (("Hybrid", None, "Sr. Software Engineer, Backend"), "hybrid"),
        ((None, "Porto, Portugal", "Backend Engineer"), None),
        ((None, "Hybrid-Palo Alto, CA", "Sr. Software Engineer, Backend"), "hybrid"),
        # the first decisive value wins; undecided values fall through
        (("unknown", "Remote - US", "Engineer"), "remote"),
        (("no", "Remote - US", "Engineer (Remote)"), "onsite"),
        ((None, None, "Engineer (Remote)"), "remote"),
        ((), None),
    ],
)
def test_normalise_remote_first_decisive_wins(
    values: tuple[str | None, ...], expected: str | None
) -> None:
    assert normalise_remote(*values) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Fully-remote", "remote"),
        ("A few days at home", "hybrid"),
        ("Occasional remote", "hybrid"),
        ("No remote work", "onsite"),
    ],
)
def test_welcome_to_the_jungle_english_labels(raw: str, expected: str) -> None:
    assert normalise_remote(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # pl
        ("Praca zdalna", "remote"),
        ("Zdalnie", "remote"),
        ("Praca hybrydowa", "hybrid"),
        ("Stacjonarnie", "onsite"),
        # sv
        ("På distans", "remote"),
        ("Hybridarbete", "hybrid"),
        ("På plats", "onsite"),
        # ja
        ("フルリモート", "remote"),
        ("ハイブリッド", "hybrid"),
        ("出社", "onsite"),
        # issue forms
        ("Télétravail fréquent", "hybrid"),
        ("Télétravail total", "remote"),
        ("Homeoffice möglich", "hybrid"),
        ("100% remoto", "remote"),
        ("On-site", "onsite"),
        ("Remote (EU)", "remote"),
        ("Hybrid-Palo Alto, CA", "hybrid"),
        # an unknown word is no guess
        ("リモートワーク可", None),
        # Platsbanken's "Distans" is Swedish for remote work, no unknown word.
        ("Distans", "remote"),
    ],
)
def test_normalise_remote_more_languages(raw: str, expected: str | None) -> None:
    assert normalise_remote(raw) == expected


# (language, value, workplace): each language's own labels, as boards' work-mode fields, title
# segments and location tokens write them.
_BY_LANGUAGE = [
    # en
    ("en", "Work from office", "onsite"),
    ("en", "WFO", "onsite"),
    ("en", "Hybrid (2 days in office)", "hybrid"),
    ("en", "3 days a week in the office", "hybrid"),
    ("en", "5 days in the office", "onsite"),  # read as a phrase: the whole week at the office
    ("en", "Sales Associate - Virtual", "remote"),
    ("en", "Telework eligible", "hybrid"),
    ("en", "Home office", None),
    # fr
    ("fr", "Télétravail 2 jours par semaine", "hybrid"),
    ("fr", "Hybride - 2 jours de télétravail", "hybrid"),
    ("fr", "100% présentiel", "onsite"),
    ("fr", "Entièrement à distance", "remote"),
    ("fr", "Remote total", "remote"),
    # de
    ("de", "Teilweise Home-Office", "hybrid"),
    ("de", "Nur Home-Office", "remote"),
    ("de", "2 Tage Homeoffice", "hybrid"),
    ("de", "zwei Tage Homeoffice", "hybrid"),
    ("de", "Präsenz", "onsite"),
    ("de", "Mobiles Arbeiten", None),
    ("de", "Mobiles Arbeiten möglich", "hybrid"),
    # es
    ("es", "Solo teletrabajo", "remote"),
    ("es", "Presencial y remoto", "hybrid"),
    ("es", "2 días en oficina", "hybrid"),
    ("es", "Remoto en España", "remote"),
    ("es", "Teletrabajo", None),
    # pt
    ("pt", "Trabalho remoto", "remote"),
    ("pt", "Modelo híbrido", "hybrid"),
    ("pt", "Híbrido São Paulo", "hybrid"),
    ("pt", "3 dias no escritório", "hybrid"),
    ("pt", "Regime presencial", "onsite"),
    ("pt", "A combinar", None),
    # it
    ("it", "Full smart working", "remote"),
    ("it", "Smart working", None),
    ("it", "Modalità ibrida", "hybrid"),
    ("it", "2 giorni in ufficio", "hybrid"),
    ("it", "In ufficio", "onsite"),
    # nl
    ("nl", "Hybride werken", "hybrid"),
    ("nl", "Volledig thuiswerken", "remote"),
    ("nl", "2 dagen thuiswerken", "hybrid"),
    ("nl", "Op kantoor", "onsite"),
    ("nl", "Thuiswerken", None),
    # pl
    ("pl", "Praca hybrydowa", "hybrid"),
    ("pl", "Praca w pełni zdalna", "remote"),
    ("pl", "W pelni zdalnie", "remote"),
    ("pl", "2 dni w biurze", "hybrid"),
    ("pl", "Praca stacjonarna", "onsite"),
    ("pl", "Zdalnie Warszawa", "remote"),
    # sv
    ("sv", "Helt på distans", "remote"),
    ("sv", "Delvis på distans", "hybrid"),
    ("sv", "2 dagar på kontoret", "hybrid"),
    ("sv", "På kontoret", "onsite"),
    # da
    ("da", "Hjemmearbejde", "remote"),
    ("da", "Delvis hjemmearbejde", "hybrid"),
    ("da", "Mulighed for hjemmearbejde", "hybrid"),
    ("da", "Fysisk fremmøde", "onsite"),
    ("da", "Hjemmekontor", None),
    # no
    ("no", "Kun hjemmekontor", "remote"),
    ("no", "Delvis hjemmekontor", "hybrid"),
    ("no", "Hjemmekontor ikke mulig", "onsite"),
    ("no", "Hjemmekontor", None),
    # fi
    ("fi", "Etätyö", "remote"),
    ("fi", "Etätyö mahdollinen", "hybrid"),
    ("fi", "Hybridityö", "hybrid"),
    ("fi", "Lähityö", "onsite"),
    # cs
    ("cs", "Práce z domova", "remote"),
    ("cs", "Částečná práce z domova", "hybrid"),
    ("cs", "Možnost home office", "hybrid"),
    ("cs", "Práce v kanceláři", "onsite"),
    # sk
    ("sk", "Práca na diaľku", "remote"),
    ("sk", "Možnosť práce z domu", "hybrid"),
    ("sk", "Na pracovisku", "onsite"),
    # hu
    ("hu", "Távmunka", "remote"),
    ("hu", "Hibrid munkavégzés", "hybrid"),
    ("hu", "2 nap home office", "hybrid"),
    ("hu", "Irodai munkavégzés", "onsite"),
    # ro
    ("ro", "Muncă de la distanță", "remote"),
    ("ro", "Hibrid", "hybrid"),
    ("ro", "La birou", "onsite"),
    ("ro", "Telemuncă", None),
    # tr
    ("tr", "Uzaktan", "remote"),
    ("tr", "%100 Uzaktan", "remote"),
    ("tr", "Hibrit", "hybrid"),
    ("tr", "İş yerinde", "onsite"),
    ("tr", "IŞ YERİNDE", "onsite"),
    # el
    ("el", "Εξ αποστάσεως", "remote"),
    ("el", "Υβριδική εργασία", "hybrid"),
    ("el", "Δια ζώσης", "onsite"),
    ("el", "Τηλεργασία", None),
    # ja
    ("ja", "完全リモート", "remote"),
    ("ja", "バックエンドエンジニア（フルリモート）", "remote"),
    ("ja", "週3日出社", "hybrid"),
    ("ja", "週３日リモート", "hybrid"),
    ("ja", "リモート可", None),
    ("ja", "原則出社", "onsite"),
    # ko
    ("ko", "재택근무", "remote"),
    ("ko", "주 2일 재택", "hybrid"),
    ("ko", "하이브리드 근무", "hybrid"),
    ("ko", "사무실 근무", "onsite"),
    ("ko", "재택근무 가능", None),
    # zh-hans
    ("zh-hans", "远程办公", "remote"),
    ("zh-hans", "混合办公", "hybrid"),
    ("zh-hans", "每周两天远程", "hybrid"),
    ("zh-hans", "坐班", "onsite"),
    ("zh-hans", "可远程", None),
    # zh-hant
    ("zh-hant", "遠端", "remote"),
    ("zh-hant", "完全遠端", "remote"),
    ("zh-hant", "部分遠端", "hybrid"),
    ("zh-hant", "進辦公室", "onsite"),
    # ar
    ("ar", "العمل عن بعد", "remote"),
    ("ar", "عمل هجين", "hybrid"),
    ("ar", "حضوري", "onsite"),
    ("ar", "مهندس برمجيات - عن بعد", "remote"),
    # he
    ("he", "עבודה מהבית", "remote"),
    ("he", "היברידי", "hybrid"),
    ("he", "2 ימים מהבית", "hybrid"),
    ("he", "עבודה מהמשרד", "onsite"),
    # hi
    ("hi", "घर से काम", "remote"),
    ("hi", "हाइब्रिड", "hybrid"),
    ("hi", "ऑफिस से काम", "onsite"),
    # id
    ("id", "Kerja jarak jauh", "remote"),
    ("id", "Bekerja dari rumah", "remote"),
    ("id", "Kerja hibrida", "hybrid"),
    ("id", "Di kantor", "onsite"),
    # vi
    ("vi", "Làm việc từ xa", "remote"),
    ("vi", "Kết hợp", "hybrid"),
    ("vi", "Tại văn phòng", "onsite"),
    # th
    ("th", "ทำงานจากที่บ้าน", "remote"),
    ("th", "ไฮบริด", "hybrid"),
    ("th", "ทำงานที่ออฟฟิศ", "onsite"),
    # uk
    ("uk", "Віддалено", "remote"),
    ("uk", "Гібридний формат", "hybrid"),
    ("uk", "В офісі", "onsite"),
    # ru
    ("ru", "Удалённо", "remote"),
    ("ru", "Удаленная работа", "remote"),
    ("ru", "Гибрид", "hybrid"),
    ("ru", "На месте работодателя", "onsite"),
    ("ru", "Гибкий график", None),
    # hr, sr, sl, lt, lv, et
    ("hr", "Rad od kuće", "remote"),
    ("hr", "Hibridni rad", "hybrid"),
    ("hr", "Rad u uredu", "onsite"),
    ("sr", "Рад од куће", "remote"),
    ("sr", "Hibridni rad", "hybrid"),
    ("sr", "Rad u kancelariji", "onsite"),
    ("sl", "Delo na daljavo", "remote"),
    ("sl", "Hibridno delo", "hybrid"),
    ("sl", "Delo v pisarni", "onsite"),
    ("lt", "Nuotolinis darbas", "remote"),
    ("lt", "Hibridinis darbas", "hybrid"),
    ("lt", "Darbas biure", "onsite"),
    ("lv", "Attālināts darbs", "remote"),
    ("lv", "Hibrīds darbs", "hybrid"),
    ("lv", "Darbs birojā", "onsite"),
    ("et", "Kaugtöö", "remote"),
    ("et", "Hübriidtöö", "hybrid"),
    ("et", "Kontoris", "onsite"),
]


@pytest.mark.parametrize(("language", "raw", "expected"), _BY_LANGUAGE)
def test_normalise_remote_by_language(language: str, raw: str, expected: str | None) -> None:
    assert normalise_remote(raw) == expected, language


def test_every_language_of_the_vocabulary_is_tested() -> None:
    vocabulary = read_vocabulary("remote")
    languages = set(vocabulary["labels"]) | set(vocabulary["undecided"])
    tested: dict[str, int] = {}
    for language, _, _ in _BY_LANGUAGE:
        tested[language] = tested.get(language, 0) + 1
    assert {language for language in languages if tested.get(language, 0) < 3} == set()


# A work-mode field (remote_raw) written as a short phrase or sentence: (language, value,
# workplace). Examples of how boards in each language write their work-mode field.
_WORK_MODE_PHRASES = [
    # en
    ("en", "Remote work is possible two days a week", "hybrid"),  # was None: labels only
    ("en", "Remote allowed, 1 day a week in office", "hybrid"),  # the split is the stronger
    ("en", "Hybrid working, 2-3 days per week in our London office", "hybrid"),
    ("en", "Office based in Leeds with one day a week working from home", "hybrid"),
    ("en", "Work from home, with quarterly meetups in Berlin", "remote"),
    ("en", "Remote with quarterly on-site meetups", "remote"),
    ("en", "Fully remote, 2 days a year in the office", "remote"),
    ("en", "Remote with occasional office visits", "hybrid"),
    ("en", "Mostly remote", "hybrid"),
    ("en", "Remote possible", "hybrid"),
    ("en", "Fully remote possible", "remote"),
    ("en", "60% remote", "hybrid"),
    ("en", "Remote, up to 25% travel", "remote"),
    ("en", "Remote 20% travel", "remote"),
    ("en", "5 days a week from home", "remote"),
    ("en", "Must be able to commute to the office 3 days a week", "hybrid"),
    ("en", "This role is not remote", "onsite"),
    ("en", "Remote not possible", "onsite"),
    ("en", "On-site, no remote work", "onsite"),
    ("en", "Remote (no office)", "remote"),
    ("en", "Fully remote, 4-day week", "remote"),
    ("en", "Part-time remote", "remote"),
    # fr
    ("fr", "Possibilité de télétravail 2 jours par semaine", "hybrid"),
    ("fr", "Télétravail jusqu'à 3 jours par semaine", "hybrid"),
    ("fr", "Présentiel, 1 jour de télétravail possible", "hybrid"),
    ("fr", "Poste éligible au télétravail", "hybrid"),
    ("fr", "Télétravail total possible", "remote"),
    ("fr", "Travail à distance depuis la France", "remote"),
    ("fr", "Poste 100% en présentiel", "onsite"),
    ("fr", "Pas de télétravail", "onsite"),
    ("fr", "Sans télétravail", "onsite"),
    ("fr", "Télétravail ou présentiel", None),
    # de
    ("de", "Home office 3 Tage pro Woche", "hybrid"),
    ("de", "Bis zu 2 Tage Homeoffice pro Woche", "hybrid"),
    ("de", "2 Homeoffice-Tage pro Woche", "hybrid"),
    ("de", "Homeoffice bis zu 40 %", "hybrid"),
    ("de", "Homeoffice nach Absprache", "hybrid"),
    ("de", "Remote-Arbeit möglich", "hybrid"),
    ("de", "Vor Ort, teilweise Homeoffice", "hybrid"),
    ("de", "Vollzeit im Homeoffice", "remote"),
    ("de", "Remote aus ganz Deutschland", "remote"),
    ("de", "Kein Homeoffice", "onsite"),
    ("de", "Homeoffice ist nicht möglich", "onsite"),
    ("de", "Keine Remote-Arbeit möglich", "onsite"),
    ("de", "Ohne Präsenzpflicht", "remote"),
    ("de", "Tätigkeit vor Ort in Hamburg", "onsite"),
    # es
    ("es", "Trabajo 100% remoto desde cualquier lugar de México", "remote"),
    ("es", "Teletrabajo 2 días a la semana", "hybrid"),
    ("es", "Esquema híbrido, 3 días en oficina", "hybrid"),
    ("es", "Posibilidad de teletrabajo", "hybrid"),
    ("es", "Sin teletrabajo", "onsite"),
    ("es", "Trabajo presencial en Madrid", "onsite"),
    # pt
    ("pt", "Modelo híbrido (3x por semana no escritório)", "hybrid"),
    ("pt", "Home office 2 vezes por semana", "hybrid"),
    ("pt", "Trabalho 100% remoto", "remote"),
    ("pt", "Remoto - todo o Brasil", "remote"),
    ("pt", "Sem home office", "onsite"),
    ("pt", "100% presencial em Curitiba", "onsite"),
    # it
    ("it", "Smart working 2 giorni a settimana", "hybrid"),
    ("it", "Lavoro ibrido con 2 giorni in ufficio", "hybrid"),
    ("it", "Possibilità di smart working", "hybrid"),
    ("it", "Smart working al 100%", "remote"),
    ("it", "Niente smart working", "onsite"),
    ("it", "Lavoro in presenza a Milano", "onsite"),
    # nl
    ("nl", "Hybride werken in 1012 Amsterdam", "hybrid"),
    ("nl", "Thuiswerken mogelijk (2 dagen per week)", "hybrid"),
    ("nl", "2 dagen per week op kantoor", "hybrid"),
    ("nl", "Volledig remote", "remote"),
    ("nl", "Geen thuiswerken mogelijk", "onsite"),
    ("nl", "Thuis of op kantoor", None),
    # pl
    ("pl", "Praca hybrydowa (2 dni w biurze)", "hybrid"),
    ("pl", "Możliwość pracy zdalnej", "hybrid"),
    ("pl", "Praca w 100% zdalna", "remote"),
    ("pl", "Praca zdalna z całej Polski", "remote"),
    ("pl", "Brak możliwości pracy zdalnej", "onsite"),
    ("pl", "Praca zdalna lub hybrydowa", None),
    # sv
    ("sv", "Distansarbete 2 dagar i veckan", "hybrid"),
    ("sv", "Distansarbete möjligt", "hybrid"),
    ("sv", "Hybrid – 2 dagar på kontoret", "hybrid"),
    ("sv", "Ingen möjlighet till distansarbete", "onsite"),
    ("sv", "Arbete på kontoret i Malmö", "onsite"),
    # da
    ("da", "Mulighed for hjemmearbejde 1-2 dage om ugen", "hybrid"),
    ("da", "2 hjemmearbejdsdage om ugen", "hybrid"),
    ("da", "Fuldt hjemmearbejde", "remote"),
    ("da", "Ingen mulighed for hjemmearbejde", "onsite"),
    # no
    ("no", "Fullt hjemmekontor", "remote"),
    ("no", "Mulighet for hjemmekontor 2 dager i uken", "hybrid"),
    ("no", "Hjemmekontor delvis", "hybrid"),
    ("no", "Oppmøte på kontoret i Oslo", "onsite"),
    # fi
    ("fi", "Etätyö 2 päivää viikossa", "hybrid"),
    ("fi", "2 etäpäivää viikossa", "hybrid"),
    ("fi", "Täysin etänä", "remote"),
    ("fi", "Etätyö ei ole mahdollista", "onsite"),
    ("fi", "Ei etätyömahdollisuutta", "onsite"),
    # cs
    ("cs", "Možnost home office 2 dny v týdnu", "hybrid"),
    ("cs", "Home office 1x týdně", "hybrid"),
    ("cs", "Práce převážně z domova", "hybrid"),
    ("cs", "Plně remote", "remote"),
    ("cs", "Bez home office", "onsite"),
    # ja
    ("ja", "リモート可（週1出社）", "hybrid"),  # remote allowed, one office day a week
    ("ja", "在宅勤務可能（週3日まで）", "hybrid"),
    ("ja", "週2日程度の出社", "hybrid"),
    ("ja", "フルリモート（出社なし）", "remote"),
    ("ja", "年2回出社のフルリモート", "remote"),
    ("ja", "週5日出社", "onsite"),
    ("ja", "リモート不可", "onsite"),
    ("ja", "在宅勤務なし", "onsite"),
    ("ja", "在宅勤務可能", None),
    # ko
    ("ko", "완전 재택근무", "remote"),
    ("ko", "재택근무 (주 1회 출근)", "hybrid"),
    ("ko", "주 3일 출근, 2일 재택", "hybrid"),
    ("ko", "주 5일 사무실 출근", "onsite"),
    ("ko", "재택 불가", "onsite"),
    ("ko", "원격근무 불가", "onsite"),
    # zh-hans
    ("zh-hans", "远程办公（每周到岗1天）", "hybrid"),
    ("zh-hans", "每周到岗3天", "hybrid"),
    ("zh-hans", "混合办公：每周三天在办公室", "hybrid"),
    ("zh-hans", "无需坐班", "remote"),
    ("zh-hans", "需每天到岗", "onsite"),
    ("zh-hans", "可远程办公", None),
    # zh-hant
    ("zh-hant", "完全遠端工作", "remote"),
    ("zh-hant", "每週進辦公室兩天", "hybrid"),
    ("zh-hant", "部分遠端（每週2天）", "hybrid"),
    # tr
    ("tr", "Hibrit (haftada 2 gün uzaktan)", "hybrid"),
    ("tr", "%50 uzaktan çalışma", "hybrid"),
    ("tr", "Tamamen uzaktan çalışma", "remote"),
    ("tr", "Uzaktan çalışma yok", "onsite"),
    ("tr", "Uzaktan çalışma imkanı yok", "onsite"),
    # ar
    ("ar", "دوام هجين: يومين من المنزل", "hybrid"),
    ("ar", "عمل هجين (3 أيام في المكتب)", "hybrid"),
    ("ar", "العمل عن بعد بالكامل", "remote"),
    ("ar", "العمل من المكتب 5 أيام في الأسبوع", "onsite"),
    ("ar", "بدون عمل عن بعد", "onsite"),
]


@pytest.mark.parametrize(("language", "raw", "expected"), _WORK_MODE_PHRASES)
def test_work_mode_phrases(language: str, raw: str, expected: str | None) -> None:
    assert normalise_remote(raw, None, "Engineer") == expected, language


def test_work_mode_phrases_in_every_language_asked() -> None:
    """Issue 18's languages each have phrases, in the data and in the tests."""
    languages = ["en", "fr", "de", "es", "pt", "it", "nl", "pl", "sv", "da", "no", "fi", "cs"]
    languages += ["ja", "ko", "zh-hans", "zh-hant", "tr", "ar"]
    phrases = read_vocabulary("remote")["phrases"]
    tested: dict[str, int] = {}
    for language, _, _ in _WORK_MODE_PHRASES:
        tested[language] = tested.get(language, 0) + 1
    assert [lang for lang in languages if tested.get(lang, 0) < 3] == []
    assert [lang for lang in languages if not {"home", "office", "day"} <= set(phrases[lang])] == []
    assert set(phrases) <= set(read_vocabulary("remote")["labels"])


@pytest.mark.parametrize(
    "raw",
    [
        # what a phrase says only in the work-mode field
        "Hybride werken in 1012 Amsterdam",
        "Mulighed for hjemmearbejde 1-2 dage om ugen",
        "Fullt hjemmekontor",
        "Customer Advisor - home office possible",
        "Remote work is possible two days a week",
    ],
)
def test_a_location_or_a_title_decides_by_its_labels_only(raw: str) -> None:
    assert normalise_remote(raw) is not None
    assert normalise_remote(None, raw, None) is None
    assert normalise_remote(None, None, raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "We are a remote-friendly team",
        "Remote-friendly team",
        "Remote-first company",
        "Remote or on-site",
        "Remote, On site",  # Recruitee: every workplace the job allows
        "Hybrid, On site",
        "Hybrid or fully remote",
        "Home office or on-site",
        "Home office",
        "Télétravail",
        "Mobiles Arbeiten",
        "Thuiswerken",
        "Hjemmekontor",
        "リモート可",
        "재택근무 가능",
        "可远程",
        "Flexible",
        "Porto, Portugal",
        "Backend Engineer",
        "Full-time, permanent",
    ],
)
def test_work_mode_values_that_stay_undecided(raw: str) -> None:
    assert normalise_remote(raw, None, "Engineer") is None


def test_a_long_work_mode_value_is_read_by_its_labels_only() -> None:
    sentence = "Work from home, with quarterly meetups in Berlin"
    assert normalise_remote(sentence) == "remote"  # "Work from home" is a segment's label
    long = (
        "We are a distributed company with offices in Berlin, Lisbon and Warsaw; most of the "
        "team works from home 2 days a week and from one of our offices the rest of the week."
    )
    assert len(long) > 160
    assert normalise_remote(long) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ghar baithe kaam", "remote"),
        ("2 dagen per week telewerk mogelijk", "hybrid"),
        ("每星期返寫字樓3日，其餘WFH", "hybrid"),
    ],
)
def test_work_modes_as_hinglish_flemish_and_hong_kong_boards_write_them(raw, expected) -> None:
    assert normalise_remote(raw) == expected
