import pytest

from scrapers.normalise.seniority import _by_phrase, _field_key, normalise_seniority
from scrapers.normalise.vocabulary import read_vocabulary


@pytest.mark.parametrize(
    ("title", "raw", "expected"),
    [
        # seeds
        ("Sr. Software Engineer, Backend", "Mid Level", "senior"),
        ("Backend Engineer", "Mid-Level", "mid"),
        ("Backend Engineer", None, None),
        # the title's own signal
        ("Senior Backend Engineer", None, "senior"),
        ("Sr Data Engineer", None, "senior"),
        ("Lead Engineer", "Mid Level", "lead"),
        ("Tech Lead, Payments", None, "lead"),
        ("Staff Software Engineer", "senior", "lead"),
        ("Staff Machine Learning Engineer", None, "lead"),
        ("Senior Staff Engineer", None, "lead"),
        ("Principal Engineer", None, "principal"),
        ("Junior Developer", "senior", "junior"),
        ("Jr. Frontend Developer", None, "junior"),
        ("Software Engineering Intern", None, "intern"),
        ("Stage - Développeur Backend", None, "intern"),
        ("Head of Engineering", None, "director"),
        ("Director of Data", None, "director"),
        ("VP Engineering", None, "executive"),
        ("Chief Technology Officer", None, "executive"),
        ("CTO", None, "executive"),
        ("Engineering Manager", "senior", "manager"),
        ("Senior Engineering Manager", None, "manager"),
        ("Manager, Software Engineering", None, "manager"),
        # no signal in the title: the widget decides
        ("Product Manager", "senior", "senior"),
        ("Staff Accountant", None, None),
        ("Lead Generation Specialist", None, None),
        ("Early-stage Startup Engineer", None, None),
        ("International Sales", None, None),
        # widget values
        (None, "Mid-Level", "mid"),
        (None, "Mid Level", "mid"),
        (None, "mid_level", "mid"),
        (None, "Career Level Mid Level", "mid"),
        (None, "entry_level", "junior"),
        (None, "3_TO_4_YEARS", "mid"),
        (None, "LESS_THAN_6_MONTHS", "junior"),
        (None, "6_MONTHS_TO_1_YEAR", "junior"),
        (None, "5_TO_10_YEARS", "senior"),
        (None, "MORE_THAN_10_YEARS", "senior"),
        (None, "5+ years", "senior"),
        (None, "senior", "senior"),
        (None, "Director", "director"),
        (None, "C-Level", "executive"),
    ],
)
def test_normalise_seniority(title: str | None, raw: str | None, expected: str | None) -> None:
    assert normalise_seniority(title, raw) == expected


@pytest.mark.parametrize(
    ("title", "raw"),
    [(None, None), ("", ""), ("Engineer", "Mid-Senior level"), (None, "Associate"), (None, "xyz")],
)
def test_normalise_seniority_unknown(title: str | None, raw: str | None) -> None:
    assert normalise_seniority(title, raw) is None


@pytest.mark.parametrize(
    ("title", "raw", "body", "expected"),
    [
        # the body is the weakest signal
        ("Backend Engineer", None, "You have 3 to 5 years of experience.", "mid"),
        ("Backend Engineer", None, "5+ years of professional experience", "senior"),
        ("Backend Engineer", None, "1-2 years experience with Python", "junior"),
        ("Entwickler", None, "mindestens 5 Jahre Berufserfahrung", "senior"),
        ("Développeur", None, "3 ans d'expérience minimum", "mid"),
        ("Desarrollador", None, "Experiencia de al menos 2 años", "mid"),
        ("Desenvolvedor", None, "2 anos de experiência", "mid"),
        ("Ontwikkelaar", None, "3 jaar werkervaring", "mid"),
        ("Sviluppatore", None, "almeno 4 anni di esperienza", "mid"),
        ("エンジニア", None, "経験3年以上", "mid"),
        ("Utvecklare", None, "5 års erfarenhet", "senior"),
        # stronger signals win
        ("Junior Engineer", None, "5+ years of experience", "junior"),
        ("Engineer", "Mid-Level", "8 years of experience", "mid"),
        # not a requirement
        ("Engineer", None, "We have 20 years of experience in retail", None),
        ("Engineer", None, "Founded 3 years ago", None),
        # title signals in other languages
        ("Stagiaire Data", None, None, "intern"),
        ("Alternant développeur", None, None, "intern"),
        ("Développeur Confirmé", None, None, "mid"),
        ("Werkstudent Software", None, None, "intern"),
        ("Praktikant Marketing", None, None, "intern"),
    ],
)
def test_normalise_seniority_with_body(
    title: str, raw: str | None, body: str | None, expected: str | None
) -> None:
    assert normalise_seniority(title, raw, body) == expected


# (language, title, career-level field, body, level): each language's own words, in titles, in
# boards' level fields and in "N years of experience".
_BY_LANGUAGE = [
    # en
    ("en", "Fresher - Java Developer", None, None, "junior"),
    ("en", "Working Student - Data", None, None, "intern"),
    ("en", "Senior Care Assistant", None, None, None),
    ("en", "Multi-stage Pipeline Engineer", None, None, None),
    ("en", None, "Working Student", None, "intern"),
    ("en", None, "Vice President", None, "executive"),
    # fr
    ("fr", "Chef d'équipe logistique", None, None, "lead"),
    ("fr", "Responsable d'équipe développement", None, None, "manager"),
    ("fr", "Développeuse expérimentée", None, None, "mid"),
    ("fr", "Jeune diplômé - Ingénieur", None, None, "junior"),
    ("fr", "PDG", None, None, "executive"),
    ("fr", None, "Premier emploi", None, "junior"),
    ("fr", None, "Cadre dirigeant", None, "executive"),
    ("fr", None, "3 à 5 ans", None, "mid"),
    ("fr", "Développeur", None, "Vous avez une expérience d'au moins 5 ans", "senior"),
    # de
    ("de", "Teamleiter Kundenservice (m/w/d)", None, None, "lead"),
    ("de", "Leiter IT (m/w/d)", None, None, "director"),
    ("de", "Entwicklungsleiterin", None, None, "manager"),
    ("de", "Absolvent (m/w/d) Informatik", None, None, "junior"),
    ("de", "Ausbildung zum Fachinformatiker", None, None, "intern"),
    ("de", "Werkstudent:in Marketing", None, None, "intern"),
    ("de", None, "Berufserfahrene", None, "mid"),
    ("de", None, "Mit Berufserfahrung", None, None),
    ("de", None, "Geschäftsführung", None, "executive"),
    ("de", None, "5+ Jahre Berufserfahrung", None, "senior"),
    # es
    ("es", "Becario/a de Marketing", None, None, "intern"),
    ("es", "Pasante de Sistemas", None, None, "intern"),
    ("es", "Líder Técnico Java", None, None, "lead"),
    ("es", "Jefe de Desarrollo", None, None, "manager"),
    ("es", "Consejero Delegado", None, None, "executive"),
    ("es", "Empresa líder busca programador", None, None, None),
    ("es", "Camarero en pleno centro", None, None, None),
    ("es", None, "Sin experiencia", None, "junior"),
    ("es", None, "Mando intermedio", None, "manager"),
    ("es", None, "Jefe / Supervisor", None, "manager"),
    ("es", "Desarrollador", None, "Experiencia mínima de 3 años", "mid"),
    # pt
    ("pt", "Desenvolvedor Pleno", None, None, "mid"),
    ("pt", "Desenvolvedora Júnior", None, None, "junior"),
    ("pt", "Jovem Aprendiz Administrativo", None, None, "intern"),
    ("pt", "Gerente de Engenharia", None, None, "manager"),
    ("pt", None, "Pleno", None, "mid"),
    ("pt", None, "Pleno-sênior", None, None),
    ("pt", None, "Estágio", None, "intern"),
    ("pt", "Analista", None, "Experiência de pelo menos 2 anos", "mid"),
    # it
    ("it", "Stagista Marketing", None, None, "intern"),
    ("it", "Neolaureato in Ingegneria", None, None, "junior"),
    ("it", "Amministratore Delegato", None, None, "executive"),
    ("it", "Direttrice Commerciale", None, None, "director"),
    ("it", None, "Livello base", None, "junior"),
    ("it", None, "Quadro", None, "manager"),
    ("it", "Sviluppatore", None, "Esperienza di almeno 3 anni", "mid"),
    # nl
    ("nl", "Medior Java Developer", None, None, "mid"),
    ("nl", "Teamleider Klantenservice", None, None, "lead"),
    ("nl", "Hoofd IT", None, None, "director"),
    ("nl", "Afstudeerstage Data Science", None, None, "intern"),
    ("nl", None, "Starter", None, "junior"),
    ("nl", None, "Ervaren", None, "mid"),
    ("nl", "Ontwikkelaar", None, "minimaal 5 jaar werkervaring", "senior"),
    # pl
    ("pl", "Regular Java Developer", None, None, "mid"),
    ("pl", "Starszy Specjalista ds. Płac", None, None, "senior"),
    ("pl", "Młodszy Księgowy", None, None, "junior"),
    ("pl", "Stażysta w dziale IT", None, None, "intern"),
    ("pl", "Kierownik Zespołu Programistów", None, None, "manager"),
    ("pl", "Regular Part-time Associate", None, None, None),
    ("pl", None, "Specjalista (Mid / Regular)", None, "mid"),
    ("pl", None, "Młodszy specjalista (Junior)", None, "junior"),
    ("pl", None, "Starszy specjalista (Senior)", None, "senior"),
    ("pl", None, "Praktykant / Stażysta", None, "intern"),
    ("pl", "Programista", None, "min. 3 lata doświadczenia", "mid"),
    # sv
    ("sv", "Praktikant inom ekonomi", None, None, "intern"),
    ("sv", "Teamledare kundtjänst", None, None, "lead"),
    ("sv", "Nyexaminerad ingenjör", None, None, "junior"),
    ("sv", "Verkställande direktör", None, None, "executive"),
    ("sv", "Avdelningschef IT", None, None, "director"),
    ("sv", None, "Erfaren", None, "mid"),
    ("sv", "Utvecklare", None, "minst 3 års erfarenhet", "mid"),
    # da
    ("da", "Teamleder til kundeservice", None, None, "lead"),
    ("da", "Studentermedhjælper til IT", None, None, "intern"),
    ("da", "Nyuddannet ingeniør", None, None, "junior"),
    ("da", "Administrerende direktør", None, None, "executive"),
    ("da", None, "Leder", None, "manager"),
    ("da", "Udvikler", None, "mindst 5 års erfaring", "senior"),
    # no
    ("no", "Teamleder kundeservice", None, None, "lead"),
    ("no", "Lærling IKT-servicefag", None, None, "intern"),
    ("no", "Daglig leder", None, None, "executive"),
    ("no", "Avdelingsleder økonomi", None, None, "director"),
    ("no", None, "Nyutdannet", None, "junior"),
    ("no", "Utvikler", None, "minst 2 års erfaring", "mid"),
    # fi
    ("fi", "Vanhempi ohjelmistokehittäjä", None, None, "senior"),
    ("fi", "Harjoittelija, talous", None, None, "intern"),
    ("fi", "Toimitusjohtaja", None, None, "executive"),
    ("fi", "Johtava asiantuntija", None, None, "lead"),
    ("fi", None, "Vastavalmistunut", None, "junior"),
    ("fi", "Kehittäjä", None, "vähintään 3 vuoden kokemus", "mid"),
    # cs
    ("cs", "Starší účetní", None, None, "senior"),
    ("cs", "Mladší programátor", None, None, "junior"),
    ("cs", "Vedoucí týmu podpory", None, None, "lead"),
    ("cs", "Stážista v marketingu", None, None, "intern"),
    ("cs", "Generální ředitel", None, None, "executive"),
    ("cs", None, "Absolvent", None, "junior"),
    ("cs", "Programátor", None, "min. 3 roky praxe", "mid"),
    # sk
    ("sk", "Vedúci tímu", None, None, "lead"),
    ("sk", "Riaditeľ pobočky", None, None, "director"),
    ("sk", "Stážistka HR", None, None, "intern"),
    ("sk", "Starší účtovník", None, None, "senior"),
    ("sk", None, "Bez praxe", None, "junior"),
    ("sk", "Programátor", None, "prax min. 2 roky", "mid"),
    # hu
    ("hu", "Gyakornok - Pénzügy", None, None, "intern"),
    ("hu", "Csoportvezető", None, None, "lead"),
    ("hu", "Medior Java fejlesztő", None, None, "mid"),
    ("hu", "Pályakezdő könyvelő", None, None, "junior"),
    ("hu", "Targonca vezető", None, None, None),
    ("hu", None, "Tapasztalt", None, "mid"),
    ("hu", "Fejlesztő", None, "legalább 3 év tapasztalat", "mid"),
    # ro
    ("ro", "Stagiar IT", None, None, "intern"),
    ("ro", "Lider de echipă", None, None, "lead"),
    ("ro", "Director General", None, None, "executive"),
    ("ro", "Absolvent Inginerie", None, None, "junior"),
    ("ro", None, "Fără experiență", None, "junior"),
    ("ro", "Programator", None, "minim 3 ani experiență", "mid"),
    # tr
    ("tr", "Kıdemli Yazılım Mühendisi", None, None, "senior"),
    ("tr", "KIDEMLİ YAZILIM MÜHENDİSİ", None, None, "senior"),
    ("tr", "Yazılım Stajyeri", None, None, "intern"),
    ("tr", "Takım Lideri", None, None, "lead"),
    ("tr", "Genel Müdür Yardımcısı", None, None, "executive"),
    ("tr", "Satış Müdürü", None, None, None),
    ("tr", None, "Yeni Başlayan", None, "junior"),
    ("tr", "Geliştirici", None, "en az 3 yıl deneyim", "mid"),
    ("tr", "Geliştirici", None, "5 yıllık tecrübe", "senior"),
    # el
    ("el", "Ασκούμενος Λογιστηρίου", None, None, "intern"),
    ("el", "Νέοι Απόφοιτοι Πληροφορικής", None, None, "junior"),
    ("el", "Διευθύνων Σύμβουλος", None, None, "executive"),
    ("el", "Υπεύθυνος Ομάδας Πωλήσεων", None, None, "lead"),
    ("el", None, "Έμπειρος", None, "mid"),
    ("el", "Μηχανικός", None, "τουλάχιστον 5 χρόνια εμπειρία", "senior"),
    # ja
    ("ja", "シニアエンジニア", None, None, "senior"),
    ("ja", "【新卒】Webエンジニア", None, None, "junior"),
    ("ja", "テックリード（Go）", None, None, "lead"),
    ("ja", "開発部長", None, None, "director"),
    ("ja", "長期インターン", None, None, "intern"),
    ("ja", "エンジニア", None, None, None),
    ("ja", "シニア歓迎！軽作業", None, None, None),
    ("ja", None, "中途", None, "mid"),
    ("ja", None, "課長", None, "manager"),
    ("ja", "エンジニア", None, "経験5年以上", "senior"),
    # ko
    ("ko", "신입 백엔드 개발자", None, None, "junior"),
    ("ko", "[경력] 백엔드 개발자", None, None, "mid"),
    ("ko", "시니어 데이터 엔지니어", None, None, "senior"),
    ("ko", "개발팀장", None, None, "lead"),
    ("ko", "경력무관 웹 개발자", None, None, None),
    ("ko", None, "신입", None, "junior"),
    ("ko", None, "경력", None, "mid"),
    ("ko", None, "임원", None, "executive"),
    ("ko", "개발자", None, "경력 3년 이상", "mid"),
    # zh-hans
    ("zh-hans", "高级Java工程师", None, None, "senior"),
    ("zh-hans", "技术总监", None, None, "director"),
    ("zh-hans", "实习生-前端", None, None, "intern"),
    ("zh-hans", "产品经理", None, None, None),
    ("zh-hans", "2025届校招-算法工程师", None, None, "junior"),
    ("zh-hans", None, "中级", None, "mid"),
    ("zh-hans", "工程师", None, "3年以上工作经验", "mid"),
    # zh-hant
    ("zh-hant", "資深後端工程師", None, None, "senior"),
    ("zh-hant", "實習生", None, None, "intern"),
    ("zh-hant", "技術長", None, None, "executive"),
    ("zh-hant", "研發經理", None, None, "manager"),
    ("zh-hant", None, "社會新鮮人", None, "junior"),
    ("zh-hant", "工程師", None, "工作經驗：5年以上", "senior"),
    # ar
    ("ar", "مهندس برمجيات أول", None, None, "senior"),
    ("ar", "خط الدعم الأول", None, None, None),
    ("ar", "متدرب محاسبة", None, None, "intern"),
    ("ar", "قائد فريق المبيعات", None, None, "lead"),
    ("ar", "حديث التخرج - مهندس", None, None, "junior"),
    ("ar", None, "مستوى مبتدئ", None, "junior"),
    ("ar", "مهندس", None, "خبرة لا تقل عن 3 سنوات", "mid"),
    # he
    ("he", "מפתח/ת בכיר/ה", None, None, "senior"),
    ("he", "דרוש/ה מפתח/ת לחברה מובילה", None, None, None),
    ("he", 'מנכ"ל', None, None, "executive"),
    ("he", "ראש צוות פיתוח", None, None, "lead"),
    ("he", "סטודנט/ית למשרה חלקית", None, None, "intern"),
    ("he", None, "ללא ניסיון", None, "junior"),
    ("he", "מפתח", None, "ניסיון של 5 שנים לפחות", "senior"),
    # hi
    ("hi", "वरिष्ठ सॉफ्टवेयर इंजीनियर", None, None, "senior"),
    ("hi", "इंटर्न - मार्केटिंग", None, None, "intern"),
    ("hi", "टीम लीडर", None, None, "lead"),
    ("hi", "निदेशक (वित्त)", None, None, "director"),
    ("hi", None, "फ्रेशर", None, "junior"),
    ("hi", "इंजीनियर", None, "3 साल का अनुभव", "mid"),
    # id
    ("id", "Magang Marketing", None, None, "intern"),
    ("id", "Kepala Divisi IT", None, None, "director"),
    ("id", "Ketua Tim Penjualan", None, None, "lead"),
    ("id", "Lulusan Baru - Staf Admin", None, None, "junior"),
    ("id", None, "Berpengalaman", None, "mid"),
    ("id", "Programmer", None, "pengalaman minimal 2 tahun", "mid"),
    # vi
    ("vi", "Lập trình viên cao cấp", None, None, "senior"),
    ("vi", "Thực tập sinh Marketing", None, None, "intern"),
    ("vi", "Trưởng nhóm kỹ thuật", None, None, "lead"),
    ("vi", "Giám đốc kỹ thuật", None, None, "director"),
    ("vi", "Tong giam doc", None, None, "executive"),
    ("vi", None, "Mới tốt nghiệp", None, "junior"),
    ("vi", "Lập trình viên", None, "3 năm kinh nghiệm", "mid"),
    # th
    ("th", "วิศวกรซอฟต์แวร์อาวุโส", None, None, "senior"),
    ("th", "นักศึกษาฝึกงาน ฝ่ายไอที", None, None, "intern"),
    ("th", "หัวหน้าทีมขาย", None, None, "lead"),
    ("th", "ผู้อำนวยการฝ่ายการเงิน", None, None, "director"),
    ("th", None, "จบใหม่", None, "junior"),
    ("th", "โปรแกรมเมอร์", None, "มีประสบการณ์อย่างน้อย 2 ปี", "mid"),
    # uk
    ("uk", "Молодший розробник", None, None, "junior"),
    ("uk", "Старший бухгалтер", None, None, "senior"),
    ("uk", "Стажер-аналітик", None, None, "intern"),
    ("uk", "Тімлід QA", None, None, "lead"),
    ("uk", None, "Без досвіду", None, "junior"),
    ("uk", "Розробник", None, "досвід роботи від 1 року", "junior"),
    # ru
    ("ru", "Старший разработчик", None, None, "senior"),
    ("ru", "Ведущий инженер", None, None, "lead"),
    ("ru", "Стажёр-аналитик", None, None, "intern"),
    ("ru", "Генеральный директор", None, None, "executive"),
    ("ru", "Руководитель отдела продаж", None, None, "director"),
    ("ru", None, "Без опыта", None, "junior"),
    ("ru", "Разработчик", None, "Опыт работы: от 3 лет", "mid"),
]


@pytest.mark.parametrize(("language", "title", "raw", "body", "expected"), _BY_LANGUAGE)
def test_normalise_seniority_by_language(
    language: str, title: str | None, raw: str | None, body: str | None, expected: str | None
) -> None:
    assert normalise_seniority(title, raw, body) == expected, language


def test_every_language_of_the_vocabulary_is_tested() -> None:
    vocabulary = read_vocabulary("seniority")
    languages = set(vocabulary["titles"]) | set(vocabulary["levels"]) | set(vocabulary["body"])
    tested: dict[str, int] = {}
    for language, *_ in _BY_LANGUAGE:
        tested[language] = tested.get(language, 0) + 1
    assert {language for language in languages if tested.get(language, 0) < 3} == set()


def test_a_phrase_names_one_level_in_every_language() -> None:
    with pytest.raises(ValueError, match="both"):
        _by_phrase({"es": {"director": ["gerencia"]}, "pt": {"manager": ["gerência"]}}, _field_key)
