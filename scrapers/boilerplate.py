"""Boilerplate stripping for posting bodies: keep the employer's text, record everything else.

Pure module (no Scrapy). The body is split into blocks (`scrapers.textblocks`), each block is
classified by rules kept as data below, and the result is the contract's clean `description` plus
`boilerplate`, the removed blocks in document order with their category (nothing is lost).

Classification, in order:
1. whole-block chrome rules (a block that *is* "Apply now", "© 2024 …", "View All Jobs 141313");
2. statement rules per sentence (EEO, scam, privacy, cookie): a block goes only when statement
   sentences make up most of it, so a passing "diversity" or "remote-friendly" stays;
3. sections: a statement heading ("Equal Opportunities Statement") takes its whole body;
4. the header region (everything before the first real paragraph): repeated fields (title,
   company, location, company blurb), caller-supplied header values, board widgets and the
   board's one-line summary;
5. runs of repeated fields after the body (a sidebar such as NoDegree's) -> `repeated_block`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from re import _constants as sre_constants  # the parsed-pattern vocabulary of `re` itself
from re import _parser as sre_parser

from scrapers.textblocks import (
    HEADING,
    ITEM,
    LINE,
    PARAGRAPH,
    PSEUDO_HEADING_LEVEL,
    Block,
    ParsedHtml,
    blocks_from_html,
    blocks_from_text,
    render_blocks,
)

__all__ = [
    "CATEGORIES",
    "Classified",
    "Stripped",
    "TemplateMemory",
    "classify_blocks",
    "strip_boilerplate",
]

CATEGORIES: tuple[str, ...] = (
    "navigation",
    "ui_chrome",
    "board_summary",
    "meta_widget",
    "apply_cta",
    "upsell",
    "sign_in_wall",
    "similar_jobs",
    "share",
    "report_job",
    "cookie",
    "footer",
    "repeated_block",
    "eeo",
    "scam_disclaimer",
    "privacy_notice",
    "other",
)


@dataclass
class Stripped:
    description: str
    boilerplate: list[dict[str, str]] = field(default_factory=list)
    # Keys of the blocks around the body, for `TemplateMemory.observe`.
    edge_keys: frozenset[str] = frozenset()


# ============================================================================================
# Rules as data. Patterns are written in lower case and matched against lower-cased NFKC text with
# typographic quotes folded to ASCII (’ -> ', “ ” -> ") and whitespace collapsed.
# ============================================================================================

# Whole-block rules: the block's entire text must match (leading bullets/arrows and trailing
# punctuation aside), so a body sentence that merely contains "apply" or "share" is untouched.
LINE_RULES: dict[str, tuple[str, ...]] = {
    "navigation": (
        r"view all (?:jobs|openings|positions|vacancies)(?: \(?[\d,. ]+\)?)?",
        r"(?:see|browse|show) all (?:jobs|openings|positions|vacancies)(?: \(?[\d,. ]+\)?)?",
        r"(?:back|return|go back) to (?:all )?(?:jobs|job search|search(?: results)?|results"
        r"|listings|openings|careers|job list)",
        r"back|home|all jobs|job search|(?:next|previous) (?:job|posting)",
        r"(?:home|accueil|startseite|inicio|início|home page)(?: ?[>/›»|] ?[^>/›»|]+)+",
        r"retour(?: (?:aux|à la liste des) (?:offres|annonces|résultats|emplois))?",
        r"voir (?:toutes )?les offres(?: \(?[\d,. ]+\)?)?|toutes les offres",
        r"zurück(?: zu(?:r|m| den)? (?:übersicht|allen jobs|den jobs|stellenangeboten"
        r"|suchergebnissen|jobsuche))?",
        r"alle (?:jobs|stellen(?:angebote)?)(?: anzeigen| ansehen)?(?: \(?[\d,. ]+\)?)?",
        r"volver(?: a (?:las ofertas|los empleos|la búsqueda|los resultados))?",
        r"ver (?:todas las|todos los) (?:ofertas|empleos|vacantes)(?: \(?[\d,. ]+\)?)?",
        r"voltar(?: (?:para|às|as) (?:vagas|ofertas|resultados))?",
        r"ver todas as (?:vagas|ofertas)(?: \(?[\d,. ]+\)?)?",
        r"terug(?: naar (?:(?:alle )?vacatures|zoekresultaten|(?:het )?overzicht))?",
        r"(?:bekijk )?alle vacatures(?: \(?[\d,. ]+\)?)?",
        r"torna(?: indietro| (?:alle|agli) (?:offerte|annunci|risultati))?",
        r"(?:vedi|mostra) tutte le offerte(?: \(?[\d,. ]+\)?)?|tutte le offerte",
    ),
    "ui_chrome": (
        # NoDegree: the link to the employer's own posting (kept as the item's original_url).
        r"\+? ?show original (?:job )?post(?:ing)?",
        r"show (?:more|less|full description|original)|(?:read|see|view) (?:more|less)",
        r"(?:un)?save(?: (?:this )?job)?|saved",
        r"envie d'en savoir plus ?\?",
        r"voir (?:plus|moins)|afficher (?:plus|moins)|lire la suite|sauvegarder"
        r"|enregistrer(?: l'offre)?",
        r"mehr (?:anzeigen|lesen)|weniger anzeigen|(?:job )?speichern|gespeichert|merken",
        r"(?:ver|mostrar|leer) (?:más|menos)|guardar(?: oferta| empleo| vaga)?",
        r"(?:ver|mostrar|ler) (?:mais|menos)|salvar(?: vaga)?",
        r"(?:meer|minder) (?:weergeven|tonen|lezen)|lees meer|opslaan|bewaren|vacature opslaan",
        r"mostra (?:di più|altro|meno)|leggi (?:di più|tutto)|salva(?: annuncio| offerta)?"
        r"|salvato",
    ),
    "apply_cta": (
        r"(?:easy |quick )?apply(?: now| today| here| for (?:this|the) (?:job|position|role))?"
        r"(?: on (?:the )?(?:company|employer)(?:'s)? (?:site|website))?",
        r"apply (?:on|via|with) (?:linkedin|indeed|the company(?:'s)? (?:site|website)"
        r"|company website)",
        r"(?:submit|start) (?:your )?application|i'm interested"
        r"|(?:continue|proceed) to (?:application|apply)",
        r"postuler(?: maintenant| à cette offre| sur le site(?: de l'entreprise)?)?|je postule"
        r"|candidater|envoyer (?:ma|votre) candidature",
        r"cette offre vous tente ?\?",
        r"(?:jetzt |hier |direkt )?(?:online )?bewerben|zur bewerbung"
        r"|bewerbung (?:senden|starten)",
        r"postularme|postúlate(?: ahora| ya)?|postular(?:se)?(?: ahora)?"
        r"|inscribirme(?: en esta oferta)?|solicitar(?: empleo| ahora)?"
        r"|enviar (?:mi )?candidatura",
        r"aplicar(?: ahora| agora| a esta oferta| para esta vaga)?",
        r"candidat(?:e-se|ar-se|ar)(?: agora| já| a esta vaga)?|quero me candidatar",
        r"(?:nu |direct )?solliciteren|solliciteer(?: nu| direct| hier)?|reageer(?: nu| direct)?",
        r"candidati(?: ora| subito| adesso)?|invia (?:la )?(?:tua )?candidatura",
    ),
    "share": (
        r"share(?: (?:this )?(?:job|position|posting|offer|role))?(?: (?:on|via) \w+)?",
        r"(?:copy|copied) (?:job )?link|tweet(?: this)?|email (?:this )?job",
        r"linkedin|facebook|twitter|whatsapp|xing|telegram",
        r"partager(?: (?:cette )?offre)?(?: sur \w+)?",
        r"(?:job |stelle )?teilen(?: auf \w+)?|link kopieren",
        r"compartir(?: (?:esta )?(?:oferta|empleo|vacante))?(?: en \w+)?|copiar enlace",
        r"(?:compartilhar|partilhar)(?: (?:esta )?(?:vaga|oferta))?(?: no \w+)?|copiar link",
        r"deel(?: deze vacature| via \w+)?|delen|link kopiëren",
        r"condividi(?: (?:questo |questa )?(?:annuncio|offerta|lavoro))?(?: su \w+)?"
        r"|copia link",
    ),
    "report_job": (
        r"report(?: this)? (?:job|listing|posting|ad|offer)|report|flag(?: this)? (?:job|listing)",
        r"signaler(?: (?:cette |l'|une )?(?:offre|annonce|abus))?",
        r"(?:anzeige|stelle|job|stellenanzeige) melden",
        r"(?:denunciar|reportar)(?: (?:esta )?(?:oferta|empleo|anuncio|vaga))?",
        r"(?:vacature|advertentie) melden|meld (?:deze )?(?:vacature|advertentie)",
        r"segnala(?: (?:questo |questa )?(?:annuncio|offerta|abuso))?",
    ),
    "upsell": (
        # Upload prompts only with a matching/feedback tail: "Upload your CV by 30 June" is an
        # employer's instruction and must stay.
        r"upload (?:and match )?(?:your )?(?:resume|cv|résumé)",
        r"upload (?:your )?(?:resume|cv)\b[^.]{0,80}\b(?:feedback|match(?:es)?|score|compare)"
        r"[^.]{0,60}",
        r"stand out from the crowd",
        r"(?:get|receive) (?:instant |free )?(?:feedback|a score) on your (?:resume|cv)[^.]{0,60}",
        r"see how (?:well )?you (?:match|compare|stack up)[^.]{0,60}",
        r"(?:check|see) your (?:match|fit) score|(?:get|try) (?:\w+ )?premium[^.]{0,60}",
        r"(?:create|set up|get) (?:a )?(?:job )?alerts?(?: for (?:jobs like this|similar jobs))?",
        r"get (?:similar )?jobs (?:like this )?(?:delivered|by email|in your inbox)[^.]{0,40}",
        r"(?:boost your (?:application|profile|chances)|get hired faster)[^.]{0,60}",
        r"(?:tailor|optimi[sz]e) your (?:resume|cv)(?: (?:for|to) this job)?(?: with ai)?",
        r"(?:téléchargez|déposez|importez) (?:votre|ton) cv"
        r"(?:[^.]{0,80}\b(?:correspond|compatib|score)[^.]{0,60})?",
        r"créer une alerte(?: emploi)?|recevoir (?:les )?offres similaires[^.]{0,40}",
        r"(?:lebenslauf|cv) hochladen|laden sie ihren lebenslauf hoch"
        r"|job-?alarm(?: erstellen| aktivieren)?",
        r"sube tu (?:cv|currículum)(?:[^.]{0,80}\b(?:coincid|compatib|puntuación)[^.]{0,60})?",
        r"crea(?:r)? (?:una )?alerta(?: de empleo)?",
        r"(?:envie|carregue|suba) (?:o )?(?:seu )?(?:cv|currículo)"
        r"(?:[^.]{0,80}\b(?:compatív|pontuação|correspond)[^.]{0,60})?",
        r"criar (?:um )?alerta(?: de vagas?)?",
        r"upload (?:je|uw) cv(?:[^.]{0,80}\b(?:match|overeenkom|score)[^.]{0,60})?",
        r"(?:maak|ontvang) (?:een )?(?:vacature|job) ?alert",
        r"carica (?:il tuo )?cv(?:[^.]{0,80}\b(?:corrispond|compatib|punteggio)[^.]{0,60})?",
        r"crea (?:un )?avviso(?: di lavoro)?",
    ),
    "sign_in_wall": (
        r"(?:sign|log) ?in(?: (?:to|for) [^.]{0,60})?|sign up(?: (?:to|for) [^.]{0,60})?",
        r"(?:create|make) (?:a |an |your )?(?:free )?account(?: to [^.]{0,60})?",
        r"join (?:now|free|for free)(?: to [^.]{0,60})?",
        r"already have an account\??(?: (?:sign|log) ?in)?",
        r"register(?: now| for free| to [^.]{0,60})?",
        r"(?:continue|sign in) with (?:google|linkedin|apple|email)",
        r"se connecter|connexion|s'inscrire|inscription|déjà (?:un compte|inscrit) ?\??",
        r"(?:connectez-vous|inscrivez-vous|créer (?:un|mon) compte)(?: pour [^.]{0,60})?",
        r"anmelden|einloggen|registrieren|login|konto erstellen",
        r"(?:melde dich|melden sie sich) an(?:,? um [^.]{0,60})?",
        r"(?:iniciar sesión|inicia sesión|regístrate|registrarse|acceder|crear (?:una )?cuenta)"
        r"(?: para [^.]{0,60})?",
        r"(?:entrar|fazer login|faça login|inicie sessão|iniciar sessão|cadastre-se|registe-se"
        r"|criar (?:uma )?conta)(?: para [^.]{0,60})?",
        r"(?:inloggen|log in|aanmelden|registreren|account aanmaken|maak een account aan)"
        r"(?: om [^.]{0,60})?",
        r"(?:accedi|registrati|crea (?:un )?account|iscriviti)(?: per [^.]{0,60})?",
    ),
    "similar_jobs": (
        r"similar (?:jobs|positions|roles|offers|openings)(?: (?:at|near|in|for) [^.]{0,60})?",
        r"(?:more|other) (?:jobs|openings|positions|offers)(?: (?:like this|at|from|by|in|near"
        r"|you (?:may|might) like)[^.]{0,60})?",
        r"(?:people|candidates) also (?:viewed|applied|searched)[^.]{0,60}",
        r"(?:jobs|roles) you (?:may|might) (?:be interested in|like)|recommended (?:jobs|for you)"
        r"|you (?:may|might) also like|related (?:jobs|searches|positions)",
        r"(?:offres|emplois|postes|annonces) similaires|d'autres offres vous correspondent ?!?",
        r"ces entreprises recrutent aussi au poste de[^.]{0,80}",
        r"vous (?:pourriez|aimerez) aussi[^.]{0,60}|ces offres pourraient vous intéresser",
        r"ähnliche (?:jobs|stellen(?:angebote)?|anzeigen)(?: [^.]{0,60})?",
        r"weitere (?:jobs|stellen(?:angebote)?)(?: [^.]{0,60})?"
        r"|das könnte (?:sie|dich) auch interessieren",
        r"(?:empleos|ofertas|trabajos|vacantes) (?:similares|relacionad[oa]s)(?: [^.]{0,60})?",
        r"otras ofertas(?: [^.]{0,60})?|también te puede interesar",
        r"(?:vagas|empregos|ofertas) (?:semelhantes|similares|relacionadas)(?: [^.]{0,60})?",
        r"outras vagas(?: [^.]{0,60})?|você (?:também )?pode (?:gostar|se interessar)[^.]{0,40}",
        r"(?:vergelijkbare|soortgelijke|meer|andere) vacatures(?: [^.]{0,60})?",
        r"(?:offerte|lavori|annunci|posizioni) simili(?: [^.]{0,60})?",
        r"altre offerte(?: [^.]{0,60})?|potrebbe(?:ro)? interessarti(?: anche)?",
    ),
    "footer": (
        r"(?:©|\(c\)|copyright\b).{0,120}",
        r"\d{4} ?©.{0,100}",
        r".{1,60}(?:©|\(c\)) ?\d{4}\b.{0,60}",  # "LinkedIn Corporation © 2026"
        r".{0,80}\b(?:all rights reserved|tous droits réservés|alle rechte vorbehalten"
        r"|todos los derechos reservados|todos os direitos reservados|alle rechten voorbehouden"
        r"|tutti i diritti riservati)\b.{0,40}",
        # Footer link rows, often captured glued together ("Privacy PolicyTerms of Service").
        r"(?:(?:privacy (?:policy|notice|settings)|terms(?: of (?:service|use))?"
        r"|terms (?:&|and) conditions|cookie (?:policy|settings|preferences)|imprint|legal notice"
        r"|legal|sitemap|accessibility(?: statement)?"
        r"|do not sell (?:or share )?my (?:personal )?information|mentions légales"
        r"|politique de confidentialité|(?:politique|gestion) des cookies"
        r"|conditions générales(?: d'utilisation| de vente)?|cgu|cgv|plan du site|impressum"
        r"|datenschutz(?:erklärung|hinweise|richtlinie)?|agb|nutzungsbedingungen"
        r"|barrierefreiheit|aviso legal|política de (?:privacidad|privacidade|cookies)"
        r"|términos (?:y condiciones|de uso)|condiciones de uso"
        r"|termos (?:de uso|e condições|de serviço)|privacybeleid|privacyverklaring"
        r"|cookiebeleid|algemene voorwaarden|informativa (?:sulla )?privacy"
        r"|termini (?:e condizioni|di (?:uso|servizio))|note legali) ?[|·•/,-]? ?)+",
    ),
    "cookie": (
        r"(?:accept|allow|reject|decline|refuse)(?: all| necessary| optional)?(?: cookies)?",
        r"(?:manage|customi[sz]e) (?:cookie )?(?:preferences|settings|cookies)"
        r"|cookie (?:consent|banner)",
        r"(?:(?:tout )?accepter|(?:tout )?refuser)(?: tous les| les)?(?: cookies)?"
        r"|(?:paramétrer|gérer) (?:les )?cookies|paramètres des cookies",
        r"(?:alle )?(?:cookies )?(?:akzeptieren|ablehnen|zulassen)|cookie-einstellungen",
        r"(?:aceptar|rechazar)(?: todas?)?(?: las)?(?: cookies)?|configuración de cookies",
        r"(?:aceitar|rejeitar|recusar)(?: todos)?(?: os)?(?: cookies)?"
        r"|(?:configurações|definições) de cookies",
        r"(?:alle )?(?:cookies )?(?:accepteren|weigeren)|cookie-?instellingen",
        # Consent buttons that say only "I agree" (a body never has such a line on its own).
        r"akkoord|got it|j'accepte|einverstanden|de acuerdo|concordo|accetto",
        r"(?:accetta|rifiuta)(?: tutti| tutto)?(?: i)?(?: cookie)?|impostazioni (?:dei )?cookie",
    ),
}

# Blocks whose rule category is remembered (a few MB at most).
BLOCK_CACHE_SIZE = 20_000
# Field values (title, company, blurb...) whose matching key is remembered.
FIELD_CACHE_SIZE = 4_096

# Whole-block rules never match more than this (the longest is a footer link row): longer blocks
# are paragraphs and skip them.
LINE_RULE_MAX_CHARS = 400

# Statement rules, matched per sentence. A block is removed when the sentences that match make up
# at least STATEMENT_SHARE of its characters: statement-like blocks go, passing mentions stay.
STATEMENT_SHARE = 0.5
STATEMENT_RULES: dict[str, tuple[str, ...]] = {
    "eeo": (
        # en
        r"\bequal (?:employment )?opportunit(?:y|ies) (?:employer|workplace|statement"
        r"|polic(?:y|ies)|for all|and affirmative action)",
        r"\b(?:an|are an?) equal (?:employment )?opportunit",
        r"\beeoc?\b",
        r"\baffirmative action\b|\bfair chance (?:ordinance|act)\b",
        r"\be-verify\b",
        r"\bwithout regard to (?:(?:their|an applicant's|an individual's) )?(?:race|colou?r"
        r"|religio|sex\b|gender|age\b|national|disabilit|veteran|sexual|marital|creed|ancestry"
        r"|pregnan|genetic)",
        r"\bregardless of (?:(?:their|your) )?(?:race|colou?r|religio|sex\b|gender|age\b"
        r"|national origin|disabilit|veteran|sexual orientation|ethnic)",
        r"\ball qualified (?:applicants|candidates) (?:will|shall) receive (?:equal )?"
        r"consideration",
        r"\b(?:reasonable|special) accommodations?\b",
        r"\b(?:is|are|we're) (?:proud(?:ly)? (?:to be )?|committed to being )an? "
        r"(?:inclusive|equal|diverse)",
        r"\bcommitted to (?:(?:creating|building|fostering|providing|being|maintaining) )?"
        r"(?:an? )?(?:diverse|inclusive|equal|equitable)(?: and (?:inclusive|diverse|equitable))?"
        r" (?:workplace|work environment|environment|workforce|team|culture|employer)",
        r"\bwe (?:celebrate|embrace|value|champion) (?:diversity|inclusion|difference)",
        r"\bencourage (?:applications|applicants|candidates|people|individuals) (?:from|of) "
        r"(?:all|diverse|underrepresented|every)",
        r"\bprotected (?:veteran|characteristic|class|status)|\bprotected by (?:applicable )?"
        r"(?:federal|state|local)?\s?laws?",
        r"\bdiscriminat(?:e|ion) (?:on the basis|based on|against)",
        r"\bdo(?:es)? not discriminate",
        r"\baccommodations? (?:are|is|will be|can be) (?:available|provided|made)"
        r"|\b(?:need|require|request) (?:an? )?(?:accommodation|adjustment)",
        # fr
        r"\bégalité (?:des chances|professionnelle|de traitement)\b",
        r"\bemployeur (?:qui )?(?:garanti(?:t|ssant)|respectueux|engagé|inclusif"
        r"|handi-?accueillant)",
        r"\bsans (?:aucune )?(?:distinction|discrimination)\b|\bà compétences égales\b",
        r"\b(?:poste|offre|recrutement|candidatures?)[^.]{0,40}(?:ouverte?s?|accessibles?)"
        r" (?:à|aux)[^.]{0,30}(?:handicap|rqth)|\brqth\b",
        r"\b(?:engagée?s?|s'engage) (?:en faveur de|pour) (?:la diversité|l'inclusion|l'égalité)",
        r"\bpolitique (?:de )?diversité\b",
        r"\bmesures? d'adaptation\b|\baménagements? (?:raisonnables?|de poste|spécifiques?)\b",
        r"\b(?:nous )?(?:valorisons|célébrons) (?:la )?diversité"
        r"|\bencourageons (?:toutes )?les candidatures\b",
        # de
        r"\bchancengleich(?:heit)?\b|\bchancengerechtigkeit\b|\bdiskriminierungsfrei",
        r"\bunabhängig von (?:(?:ihrem|ihrer|deinem|deiner|dem|der) )?(?:geschlecht|alter"
        r"|herkunft|nationalität|religion|behinderung|sexuelle|ethnisch|hautfarbe"
        r"|weltanschauung)",
        r"\bschwerbehindert\w*[^.]{0,80}(?:bevorzugt|berücksichtigt|willkommen|gleicher eignung)"
        r"|\bgleichbehandlungsgesetz",
        r"\b(?:bekennen uns|setzen uns) (?:zu|für) (?:vielfalt|diversität|inklusion"
        r"|chancengleichheit)",
        r"\bwir (?:schätzen|leben|fördern) (?:vielfalt|diversität)"
        r"|\bunterstützung im bewerbungs(?:prozess|verfahren)",
        # es
        r"\bigualdad de (?:oportunidades|trato|género)\b",
        r"\bsin (?:ningún tipo de |ninguna )?(?:distinción|discriminación)\b"
        r"|\bno discrimina(?:mos|ción)\b",
        r"\b(?:oferta|vacante|puesto)[^.]{0,40}(?:certificado de discapacidad"
        r"|personas con discapacidad)",
        r"\b(?:comprometid[oa]s?|compromiso) con la (?:diversidad|inclusión|igualdad)",
        r"\b(?:valoramos|celebramos|fomentamos) la diversidad\b|\bajustes razonables\b"
        r"|\badaptaciones (?:razonables|durante el proceso)",
        # pt
        r"\bigualdade de (?:oportunidades|tratamento|género|gênero)\b",
        r"\bsem (?:qualquer )?(?:distinção|discriminação)\b"
        r"|\bvagas?[^.]{0,30}(?:pcd|pessoas com deficiência)",
        r"\b(?:comprometid[oa]s?|compromisso) com a (?:diversidade|inclusão|igualdade)",
        r"\bindependentemente d[eao]s? (?:raça|cor|religião|sexo|gênero|género|idade|origem"
        r"|orientação|deficiência|nacionalidade|etnia)",
        r"\b(?:valorizamos|celebramos) a diversidade\b"
        r"|\bincentivamos (?:a )?candidaturas? de (?:pessoas|todas|todos)"
        r"|\b(?:adaptações|acomodações) (?:razoáveis|necessárias)\b",
        # nl
        r"\bgelijke kansen\b|\b(?:discrimineren niet|geen onderscheid)\b",
        r"\bongeacht (?:(?:je|uw|hun) )?(?:geslacht|leeftijd|afkomst|religie|geloof"
        r"|nationaliteit|seksuele|handicap|beperking|etniciteit|huidskleur|gender)",
        r"\b(?:wij|we) vinden diversiteit belangrijk|\bredelijke aanpassingen\b",
        # it
        r"\bpari opportunità\b|\bsenza (?:alcuna )?(?:distinzione|discriminazion)",
        r"\bentrambi i sessi\b",
        r"\bcategorie protette\b|\blegge (?:n\. ?)?68/(?:19)?99\b",
        r"\bd\. ?lgs\.? ?(?:n\. ?)?(?:198/2006|215/(?:20)?03|216/(?:20)?03)",
        r"\bindipendentemente da (?:genere|età|sesso|origine|religione|orientamento|disabilità"
        r"|nazionalità|etnia)",
        r"\bvalorizziamo (?:la )?diversità|\bincoraggiamo (?:le )?candidature di"
        r"|\baccomodamenti ragionevoli\b",
    ),
    "scam_disclaimer": (
        r"\b(?:recruitment|recruiting|hiring|job|employment|interview) (?:fraud|scams?)\b",
        r"\b(?:falsely|fraudulently) (?:claim|pos(?:e|ing)|represent|pretend)",
        r"\bnever (?:ask|request|require)s? (?:you |candidates |applicants )?(?:for )?[^.]{0,40}"
        r"(?:payment|money|fees?|bank (?:details|account)|financial information|deposit)",
        r"\bfraudulent (?:job|recruit|offer|e-?mail|messages?|communications?|websites?"
        r"|postings?)",
        r"\b(?:does not|do not|never) (?:conduct|communicate|send|make|offer) [^.]{0,60}"
        r"(?:through|via|over|on) (?:messaging apps|whatsapp|telegram|text messages?"
        r"|personal e-?mail)",
        r"\b(?:arnaques?|escroquer(?:ie|ies)) (?:au|à l') ?(?:recrutement|emploi)",
        r"\bne (?:vous )?(?:demandera|demandons|demanderons) jamais [^.]{0,60}(?:paiement"
        r"|argent|frais|virement|coordonnées bancaires)",
        r"\b(?:offres|messages|courriels|e-mails) frauduleu(?:x|ses)|\bse faisant passer pour\b",
        r"\b(?:bewerbungs|recruiting-?|job)betrug\b",
        r"\bniemals [^.]{0,60}(?:zahlung|geld|gebühr|bankdaten|kontodaten)",
        r"\bestafas? (?:de|con) (?:empleo|ofertas|reclutamiento)|\bhaciéndose pasar por\b",
        r"\bnunca (?:te |le |les )?(?:pedirá|pediremos|solicitará|solicitaremos|cobrará"
        r"|cobraremos) [^.]{0,60}(?:pago|dinero|tarifa|cuota|datos bancarios)",
        r"\b(?:ofertas|mensajes|correos|mensagens|e-mails) fraudulent[oa]s\b",
        r"\bgolpes? (?:de|com) (?:emprego|vagas?|recrutamento)|\bfazendo-se passar por\b"
        r"|\bse passando por\b",
        r"\bnunca (?:(?:irá|vai|iremos|vamos) )?(?:solicitar|pedir|cobrar|solicita|pede|cobra)"
        r" [^.]{0,60}(?:pagamento|dinheiro|taxa|dados bancários)",
        r"\bwervingsfraude\b|\bvacaturefraude\b"
        r"|\bfrauduleuze (?:vacatures|berichten|e-mails|aanbiedingen)",
        r"\bnooit (?:om )?(?:een )?(?:betaling|geld|kosten|bankgegevens)",
        # Fake vacancies in the employer's name, in every language.
        r"\bfake (?:job|recruit|offers?|e-?mails?|postings?|vacanc)|\bfausses? (?:offres|annonces)"
        r"|\bgefälschte (?:stellen|job|e-?mails?|nachrichten)|\bofertas? falsas?\b"
        r"|\bvagas? falsas?\b|\bvalse (?:vacatures|e-mails|berichten|aanbiedingen)"
        r"|\bofferte (?:di lavoro )?false\b",
        r"\btruff[ae] (?:di lavoro|sul lavoro|nel reclutamento)|\bspacciandosi per\b"
        r"|\b(?:offerte|messaggi|email) fraudolent[ie]\b",
        r"\bnon (?:vi |ti |le )?(?:chiederà|chiederemo|chiede) mai [^.]{0,60}(?:pagamento"
        r"|denaro|soldi|commissioni|dati bancari)",
    ),
    "privacy_notice": (
        r"\b(?:applicant|candidate|recruitment|job applicant) privacy (?:notice|policy"
        r"|statement)",
        r"\bby (?:submitting|sending) (?:your|an|this) application[^.]{0,80}(?:agree|consent"
        r"|acknowledge)",
        r"\b(?:privacy|data protection) (?:notice|statement) for (?:applicants|candidates)",
        r"\binformativa (?:sulla )?privacy\b[^.]{0,60}(?:candidat|selezione|ai sensi)",
        r"\bart(?:icolo|\.)? ?1[34]\b[^.]{0,20}(?:gdpr|rgpd|dsgvo|regolamento)",
    ),
    # Recruitment agencies asked not to call: the employer's notice to agencies, not the job.
    "other": (
        r"\bno (?:recruitment )?agenc(?:y|ies)\b|\b(?:do not|don't) accept (?:unsolicited )?"
        r"(?:cvs|resumes|candidates) from (?:recruitment |staffing )?agencies",
        r"\bacquisitie (?:naar aanleiding van|n\.a\.v\.) deze vacature",
        r"\b(?:personal)?vermittl(?:er|ungsagenturen)[^.]{0,60}(?:nicht|keine)"
        r"|\bkeine (?:anfragen|angebote) von (?:personal)?(?:vermittlern|agenturen)",
        r"\b(?:pas de|merci de ne pas nous adresser de) (?:sollicitation|démarchage|cvs?) "
        r"(?:des |d'|de )?(?:cabinets|agences)",
    ),
    "cookie": (
        r"\b(?:we|this (?:site|website)) uses? cookies\b|\buse of cookies\b",
        r"\bby (?:continuing to (?:browse|use)|using) (?:this|our) (?:site|website)",
        r"\b(?:nous utilisons|ce site utilise) (?:des )?cookies|\ben poursuivant votre navigation",
        r"\b(?:wir verwenden|wir nutzen|diese (?:webseite|website) verwendet) cookies",
        r"\b(?:utilizamos|usamos|este sitio (?:web )?utiliza|este site (?:usa|utiliza)) cookies",
        r"\b(?:wij gebruiken|we gebruiken|deze (?:website|site) (?:gebruikt|maakt gebruik van))"
        r" cookies",
        r"\b(?:utilizziamo|usiamo|questo sito (?:web )?utilizza) (?:i )?cookie",
    ),
}

# A sentence listing several protected characteristics is an EEO statement in any language,
# whatever its phrasing; four distinct ones never turn up together in ordinary job content.
PROTECTED_TRAITS = (
    r"race|colou?r|religion|religious|creed|sex|sexual orientation|gender(?: identity"
    r"| expression)?|national origin|ancestry|age|disability|veteran|marital status|pregnancy"
    r"|genetic information|ethnicity|citizenship"
    r"|couleur|sexe|genre|orientation sexuelle|identité de genre|origine|handicap|âge"
    r"|situation de famille|nationalité|convictions|opinions politiques"
    r"|geschlecht|nationalität|ethnischen?|herkunft|weltanschauung|behinderung|alter"
    r"|sexuellen? (?:orientierung|identität)|hautfarbe"
    r"|raza|religión|sexo|género|orientación sexual|discapacidad|edad|nacionalidad|estado civil"
    r"|raça|cor|religião|gênero|orientação sexual|deficiência|idade|nacionalidade|etnia"
    r"|ras|huidskleur|religie|geslacht|seksuele (?:geaardheid|oriëntatie)|afkomst|leeftijd"
    r"|nationaliteit|beperking"
    r"|razza|colore|religione|sesso|genere|orientamento sessuale|disabilità|età|nazionalità"
    r"|stato civile"
)
PROTECTED_TRAITS_MIN = 4

# Co-occurrence rules: a sentence belongs to the category when every term group of one rule
# occurs in it. Single words such as "fraud", "scam" or "GDPR" are ordinary job content (a fraud
# analyst, a privacy engineer); together with an applicant term and a notice term they are not.
_APPLICANT_TERMS = (
    r"applica(?:nt|tion)s?|candida(?:te|tes|ture|tures|to|tos|ta|tas|tura|turas)|recruit"
    r"|recrutement|bewerb|solicitud|reclutamiento|processo seletivo|recrutamento|sollicit"
    r"|werving|selezione|job offers?|offres? d'emploi|ofertas? de (?:empleo|emprego)"
)
CO_OCCURRENCE_RULES: dict[str, tuple[tuple[str, ...], ...]] = {
    "scam_disclaimer": (
        (
            r"scam|fraud|phishing|impersonat|arnaque|escroquer|usurpation|betrug|betrüger|estafa"
            r"|fraude|golpe|oplicht|truff|frod",
            _APPLICANT_TERMS,
            r"never|falsely|claim|pretend|beware|be aware|attention|official|jamais|officiel"
            r"|niemals|offiziell|nunca|oficial|nooit|officieel|mai\b|ufficial|vorsicht|cuidado"
            r"|atenção|let op",
        ),
    ),
    "privacy_notice": (
        (
            r"personal (?:data|information)|données personnelles|données à caractère personnel"
            r"|personenbezogenen? daten|datos personales|dados pessoais|persoonsgegevens"
            r"|dati personali|gdpr|rgpd|dsgvo|lgpd|ccpa",
            _APPLICANT_TERMS,
            r"processed|processing|stored|storage|retain|retention|collected|in accordance with"
            r"|traitées?|traitement|conserv|conformément|verarbeit|gespeichert|gemäß|tratamos"
            r"|tratad|tratamiento|tratamento|de acuerdo con|de acordo com|verwerk|bewaard"
            r"|overeenkomstig|trattati|trattamento|ai sensi",
        ),
    ),
}

# Section headings: the heading and its whole body (until the next heading of the same or a
# higher rank) are removed under the category.
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "eeo": (
        r"equal (?:employment )?opportunit(?:y|ies)(?: (?:statement|employer|policy))?",
        r"eeo(?: statement| policy)?|diversity,? (?:equity )?(?:&|and) inclusion(?: statement)?",
        r"(?:our )?commitment to (?:diversity|inclusion|equal opportunity)[^.]{0,40}",
        r"reasonable accommodations?(?: statement| policy| requests?)?"
        r"|accommodations? (?:statement|policy|requests?)",
        r"égalité des chances|diversité (?:et|&) inclusion|handicap(?: et emploi)?",
        r"chancengleichheit|vielfalt (?:und|&) inklusion|diversität(?: (?:und|&) inklusion)?",
        r"igualdad de oportunidades|diversidad,? (?:equidad )?(?:e|y|&) inclusión",
        r"igualdade de oportunidades|diversidade,? (?:equidade )?(?:e|&) inclusão",
        r"gelijke kansen|diversiteit (?:en|&) inclusie",
        r"pari opportunità|diversità (?:e|&) inclusione",
    ),
    "scam_disclaimer": (
        r"scam(?: (?:alert|warning|notice|disclaimer|awareness))?",
        r"(?:recruitment|recruiting|hiring|job) (?:fraud|scams?)(?: (?:alert|warning|notice"
        r"|disclaimer|awareness))?",
        r"fraud (?:alert|warning|notice|disclaimer|awareness)|beware of (?:recruitment )?"
        r"(?:scams|fraud)",
        r"(?:alerte|avertissement) (?:à la )?(?:fraude|arnaque)s?"
        r"|attention aux (?:arnaques|fraudes|tentatives de fraude)",
        r"betrugswarnung|(?:warnung|vorsicht) vor betrug(?:sversuchen)?",
        r"(?:aviso|alerta) de (?:fraude|estafa|golpe)s?",
        r"waarschuwing (?:voor )?(?:fraude|oplichting)",
        r"(?:avviso|attenzione)(?: alle| di)? truff[ae]",
    ),
    "privacy_notice": (
        r"(?:applicant |candidate |recruitment )?privacy (?:notice|statement)"
        r"(?: for (?:applicants|candidates))?",
        r"(?:applicant|candidate|recruitment) privacy(?: policy)?",
        r"data protection(?: notice| information)?",
        r"protection des données(?: personnelles)?",
        r"datenschutz(?:hinweise?|informationen?)(?: für bewerb\w*)?",
        r"protección de datos(?: personales)?|prote(?:c)?ção de dados(?: pessoais)?",
        r"privacyverklaring(?: sollicitanten)?|informativa (?:sulla )?privacy(?: candidati)?",
        r"trattamento dei dati(?: personali)?",
    ),
    "upsell": (
        r"stand out from the crowd|(?:boost|improve) your (?:chances|application)",
        r"get (?:noticed|hired) faster",
    ),
    "similar_jobs": LINE_RULES["similar_jobs"],
    # Board widgets with label/value rows (Teal's "What This Job Offers"). Such a section only
    # takes rows that look like the widget's labels and their short values.
    "meta_widget": (
        r"what this job offers|job (?:details|overview|information|info|highlights)",
        r"informations (?:sur le poste|clés)|(?:stellen|job)(?:details|informationen|übersicht)",
        r"detalles (?:del empleo|de la oferta|del puesto)|detalhes da vaga",
        r"vacature(?:details|informatie)|functiedetails",
        r"dettagli (?:dell'offerta|del lavoro|della posizione)",
    ),
}

# Labels of board metadata widgets (Teal, WTTJ, LinkedIn-style job cards).
WIDGET_LABELS = (
    r"job type|employment type|contract type|work type|workplace type|work arrangement"
    r"|work model|schedule|career level|seniority(?: level)?|experience(?: level)?|level"
    r"|number of employees|company size|industry|sector|job function|function|department"
    r"|category|salary|pay|compensation|base salary|location|remote|date posted|posted(?: on)?"
    r"|start date|education"
    r"|type de contrat|type d'emploi|contrat|niveau d'expérience|expérience|niveau d'études"
    r"|éducation|taille de l'entreprise|secteur|salaire|rémunération|lieu|localisation"
    r"|télétravail|date de début|début"
    r"|anstellungsart|beschäftigungsart|vertragsart|arbeitszeit|karrierestufe|berufserfahrung"
    r"|erfahrung|unternehmensgröße|mitarbeiterzahl|branche|gehalt|vergütung|standort"
    r"|arbeitsort|homeoffice|startdatum"
    r"|tipo de (?:empleo|contrato|jornada|emprego|vaga)|jornada|nivel (?:de experiencia"
    r"|profesional)|experiencia|tamaño de la empresa|industria|salario|sueldo|ubicación"
    r"|modalidad|fecha de (?:inicio|publicación)"
    r"|regime|nível (?:de experiência|profissional)|senioridade|experiência|tamanho da empresa"
    r"|setor|indústria|salário|remuneração|localização|local|modalidade"
    r"|data de (?:início|publicação)"
    r"|type dienstverband|dienstverband|contracttype|soort contract|ervaringsniveau"
    r"|werkervaring|ervaring|bedrijfsgrootte|salaris|locatie|standplaats"
    r"|tipo di (?:impiego|contratto|lavoro)|contratto|livello (?:di esperienza|professionale)"
    r"|esperienza|dimensione dell'azienda|dimensioni aziendali|settore|retribuzione|stipendio"
    r"|ral|sede|luogo di lavoro|modalità di lavoro|data di inizio"
)
WIDGET_VALUE_MAX_WORDS = 6
WIDGET_VALUE_MAX_CHARS = 40

# Rules applied only in the header region: out there these lines are the board's widgets, while
# in the body the same words can be the employer's own ("Salary: $120k-$150k" stays in a body).
# "Label : value" rows only count on lines of a multi-line run of a text capture (WTTJ's
# "Salaire : Non spécifié"): as an HTML paragraph at the top of an ATS body it is the employer's.
HEADER_LINE_RULES: dict[str, tuple[str, ...]] = {
    "meta_widget": (rf"(?:{WIDGET_LABELS}) ?: ?.{{1,60}}",),
}
HEADER_RULES: dict[str, tuple[str, ...]] = {
    # Welcome to the Jungle (French UI): tab and widget titles above the employer's text. Only in
    # the header: French employers use "Le poste" as a heading of their own inside the body.
    "ui_chrome": (r"résumé du poste|compétences (?:&|et) expertises|le poste|descriptif du poste",),
    "meta_widget": (
        # Remote/contract chips.
        r"(?:télétravail|teletravail) (?:fréquent|occasionnel|total|partiel|non autorisé"
        r"|complet|possible|ponctuel)|(?:pas de |sans )?télétravail|présentiel",
        # Applicant counters.
        r"(?:over |more than |be among the first )?[\d,]+\+? applicants|\d+ candidatures?"
        r"|\d+ (?:bewerber|bewerbungen)|\d+ candidat(?:os|as|i)|\d+ sollicitanten",
        r"(?:fully? )?remote(?: ok| possible| friendly| first)?|hybrid(?:e)?(?: remote)?"
        r"|on-?site|in-? ?office|homeoffice(?: möglich)?|teletrabajo|remoto|híbrido|presencial"
        r"|trabalho (?:remoto|híbrido|presencial)|thuiswerken|op locatie|da remoto|ibrido"
        r"|in sede|smart working",
        r"(?:full|part)-? ?time|cdi|cdd|stage|alternance|freelance|intérim|temps (?:plein|partiel)"
        r"|vollzeit|teilzeit|festanstellung|befristet|praktikum|werkstudent"
        r"|jornada (?:completa|parcial)|tiempo (?:completo|parcial)|indefinido|prácticas"
        r"|tempo (?:integral|parcial|pieno|indeterminato|determinato)|efetivo|estágio"
        r"|voltijd|deeltijd|vast contract|tirocinio",
        # Seniority chips.
        r"(?:entry|junior|mid|senior|lead|executive|associate)(?:[- ]level)?|intern(?:ship)?"
        r"|débutant|confirmé|expérimenté|berufseinsteiger|einsteiger|erfahren|sénior|júnior"
        r"|pleno|stagiaire",
        # Posting age.
        r"(?:posted|publiée?|publié le|veröffentlicht|publicad[oa]|gepubliceerd|pubblicato)?"
        r" ?(?:(?:\d+|an?|one) (?:second|minute|hour|day|week|month|year)s? ago"
        r"|today|yesterday|just now"
        r"|il y a (?:\d+|un|une) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
        r"|vor (?:\d+|einem|einer) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?"
        r"|monat(?:en)?|jahr(?:en)?)"
        r"|hace (?:\d+|un|una) (?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
        r"|há (?:\d+|um|uma) (?:segundos?|minutos?|horas?|dias?|semanas?|mês|meses|anos?)"
        r"|(?:\d+|een) (?:seconden?|minuten?|uur|uren|dag(?:en)?|weken?|maand(?:en)?"
        r"|jaar|jaren) geleden"
        r"|(?:\d+|un|una) (?:second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]"
        r"|ann[oi]) fa)",
    ),
}

# Labels that open a block of skill chips in a board header (WTTJ "Compétences & expertises").
SKILL_CHIP_LABELS = (
    r"compétences (?:&|et) expertises|skills(?: (?:&|and) expertise)?|compétences|kompetenzen"
    r"|skills (?:&|und) expertise|habilidades|competencias|competências|vaardigheden"
    r"|competenze"
)
SKILL_CHIP_MAX_WORDS = 6

# A sidebar that repeats the company often titles it "About <company>".
ABOUT_PREFIXES = (
    "about",
    "à propos de",
    "a propos de",
    "über",
    "acerca de",
    "sobre",
    "sobre a",
    "sobre o",
    "over",
    "informazioni su",
    "chi è",
)

# The header region ends at the first unclaimed block with at least this many words.
CONTENT_MIN_WORDS = 8
# The board's own one-line summary under the title (NoDegree): one short sentence.
SUMMARY_MAX_WORDS = 30

# Category for lines in the header equal to an extracted field (title, company, location, blurb):
# the page shows them as fields, so they are page chrome around the body.
FIELD_CATEGORY = "ui_chrome"
# Category for header lines made of caller-supplied header values (age, seniority, salary line,
# department): those come from the board's metadata widget, the same category as
# "Salaire : Non spécifié" and "Télétravail fréquent" on WTTJ.
HEADER_VALUE_CATEGORY = "meta_widget"

# ============================================================================================
# Compiled once at import.
# ============================================================================================

# No re.IGNORECASE: the text is lower-cased once instead, which makes the big alternations about
# twice as fast.
_FLAGS = re.NOFLAG
# Whole-block anchoring tolerates bullets/arrows before and punctuation/arrows after.
_LEAD = r"^[\s+←‹<»>•·*\-–—|]*(?:"
_TRAIL = r")[\s.!?:;»›→>…\-–—|]*$"


def _whole(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_LEAD + "|".join(f"(?:{p})" for p in patterns) + _TRAIL, _FLAGS)


def _anywhere(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


# --------------------------------------------------------------------------------------------
# Statement rules are searched in every sentence of every posting, and a search through a long
# alternation costs about 0.1 ms per kB. Most rules cannot match unless a given word starts in the
# sentence ("\\bequal (?:employment )?opportunit…" needs a word starting "equa"), so each rule
# gets the prefixes of the words it needs, read from the parsed regex, and only rules whose word
# occurs are searched. A rule with no derivable word is always searched. The gate only ever skips
# a rule that cannot match: results are identical, several times faster.
# --------------------------------------------------------------------------------------------
_TRIGGER_LEN = 4  # a trigger is the first four letters of a word; shorter words are no trigger
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_PREFIX_RE = re.compile(rf"\b[^\W\d_]{{{_TRIGGER_LEN}}}")


def _word_of(token: str, at_word_start: bool) -> str | None:
    letters = _LETTERS_RE.match(token)
    if at_word_start and letters and letters.end() == len(token) >= _TRIGGER_LEN:
        return token[:_TRIGGER_LEN]
    return None


def _ends_in_space(items: list) -> bool:
    """Every match of the parsed sequence ends with a space ("(?:ningún tipo de |ninguna )")."""
    if not items:
        return False
    op, arg = items[-1]
    if op is sre_constants.LITERAL:
        return arg == ord(" ")
    if op is sre_constants.SUBPATTERN:
        return _ends_in_space(list(arg[3]))
    if op is sre_constants.BRANCH:
        return all(_ends_in_space(list(alternative)) for alternative in arg[1])
    return False


def _leading_letters(items: list) -> str:
    out = []
    for op, arg in items:
        if op is not sre_constants.LITERAL or not chr(arg).isalpha():
            break
        out.append(chr(arg))
    return "".join(out)


def _joined_words(chars: list[str], run_ok: bool, branch: tuple) -> frozenset[str] | None:
    """Words split by the parser's prefix factoring: "dis" + (tinción | criminación)."""
    text = "".join(chars)
    head = text.rsplit(" ", 1)[-1]
    at_start = " " in text or run_ok
    if not at_start or not head or _LETTERS_RE.fullmatch(head) is None:
        return None
    words = [head + _leading_letters(alternative) for alternative in branch[1]]
    if any(len(w) < _TRIGGER_LEN for w in words):
        return None
    return frozenset(w[:_TRIGGER_LEN] for w in words)


def _sequence_options(items: list, start_ok: bool) -> list[frozenset[str]]:
    """Trigger sets of a parsed sequence: one per mandatory word or mandatory word-start group."""
    options: list[frozenset[str]] = []
    chars: list[str] = []
    run_ok = prev_ok = start_ok

    def close_run() -> None:
        for k, token in enumerate("".join(chars).split(" ")):
            if word := _word_of(token, k > 0 or run_ok):
                options.append(frozenset({word}))
        chars.clear()

    for op, arg in items:
        if op is sre_constants.LITERAL:
            if not chars:
                run_ok = prev_ok
            chars.append(chr(arg))
            prev_ok = chr(arg) == " "
            continue
        if chars and op is sre_constants.BRANCH and (joined := _joined_words(chars, run_ok, arg)):
            options.append(joined)
        if chars:
            close_run()
        if op in (sre_constants.SUBPATTERN, sre_constants.BRANCH) and prev_ok:
            inner = _triggers(arg[3] if op is sre_constants.SUBPATTERN else [(op, arg)], True)
            if inner:
                options.append(inner)
        if op is sre_constants.AT:
            prev_ok = arg in (sre_constants.AT_BOUNDARY, sre_constants.AT_BEGINNING)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] == 0:
            # "(?:la )?" after a space: the next character starts a word either way.
            prev_ok = prev_ok and _ends_in_space(list(arg[2]))
        else:
            prev_ok = False
    if chars:
        close_run()
    return options


def _triggers(items: list, start_ok: bool = True) -> frozenset[str] | None:
    """Word prefixes of which one must occur for the parsed pattern to match; None = unknown."""
    items = list(items)
    if len(items) == 1 and items[0][0] is sre_constants.BRANCH:
        out: set[str] = set()
        for alternative in items[0][1][1]:
            found = _triggers(alternative, start_ok)
            if found is None:
                return None
            out |= found
        return frozenset(out)
    if len(items) == 1 and items[0][0] is sre_constants.SUBPATTERN:
        return _triggers(items[0][1][3], start_ok)
    options = _sequence_options(items, start_ok)
    # The most selective: long prefixes first, then few alternatives.
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


class _GatedRules:
    """All statement rules behind an inverted index: word prefix -> the rules needing it.

    Rules with no derivable word are searched always, as one alternation per category; the others
    each have their own regex, searched only when a block has their word. (One alternation per
    combination of rules would cost a compile for every new combination a crawl meets.)
    """

    def __init__(self, rules: dict[str, tuple[str, ...]]) -> None:
        always: dict[str, list[str]] = {}
        self.gated: list[tuple[str, re.Pattern[str]]] = []
        self.index: dict[str, tuple[int, ...]] = {}
        for cat, patterns in rules.items():
            for pattern in patterns:
                triggers = _triggers(sre_parser.parse(pattern))
                if triggers is None:
                    always.setdefault(cat, []).append(pattern)
                    continue
                for prefix in triggers:
                    self.index[prefix] = (*self.index.get(prefix, ()), len(self.gated))
                self.gated.append((cat, re.compile(pattern, _FLAGS)))
        self.always = {cat: _anywhere(patterns) for cat, patterns in always.items()}

    def active(self, prefixes: set[str]) -> dict[str, list[re.Pattern[str]]]:
        """Per category, the regexes that can match a text with these word prefixes."""
        out = {cat: [regex] for cat, regex in self.always.items()}
        hits = {i for prefix in prefixes.intersection(self.index) for i in self.index[prefix]}
        for i in sorted(hits):
            cat, regex = self.gated[i]
            out.setdefault(cat, []).append(regex)
        return out


_LINE_RES = {cat: _whole(pats) for cat, pats in LINE_RULES.items()}
_STATEMENT_RES = {cat: _anywhere(pats) for cat, pats in STATEMENT_RULES.items()}
_STATEMENT_GATE = _GatedRules(STATEMENT_RULES)
_SECTION_RES = {cat: _whole(pats) for cat, pats in SECTION_HEADINGS.items()}
_HEADER_RES = {cat: _whole(pats) for cat, pats in HEADER_RULES.items()}
_HEADER_LINE_RES = {cat: _whole(pats) for cat, pats in HEADER_LINE_RULES.items()}
# Plurals count too ("raças, gêneros, idades").
_TRAITS_RE = re.compile(rf"\b(?:{PROTECTED_TRAITS})(?:s|es)?\b", _FLAGS)
_CO_OCCURRENCE_RES = {
    cat: tuple(tuple(re.compile(rf"\b(?:{p})", _FLAGS) for p in rule) for rule in rules)
    for cat, rules in CO_OCCURRENCE_RULES.items()
}
# Per co-occurrence rule, the word prefixes its first term group needs (None = always try it).
_CO_OCCURRENCE_TRIGGERS = {
    cat: tuple(_triggers(sre_parser.parse(rf"\b(?:{rule[0]})")) for rule in rules)
    for cat, rules in CO_OCCURRENCE_RULES.items()
}
# All whole-block rules as one anchored alternation, one named group per category: a single
# match per block, and the first category in LINE_RULES order wins as before.
_LINE_ALL_RE = re.compile(
    "|".join(f"(?P<{cat}>{regex.pattern})" for cat, regex in _LINE_RES.items()), _FLAGS
)
# The section headings likewise, the first category in SECTION_HEADINGS order winning.
_SECTION_ALL_RE = re.compile(
    "|".join(f"(?P<{cat}>{regex.pattern})" for cat, regex in _SECTION_RES.items()), _FLAGS
)
_WIDGET_LABEL_RE = _whole((WIDGET_LABELS,))
_WIDGET_LABEL_VALUE_RE = re.compile(rf"^(?:{WIDGET_LABELS})\b ?:? ?\S.{{0,40}}$", _FLAGS)
_SKILL_LABEL_RE = _whole((SKILL_CHIP_LABELS,))
# Sentence ends: terminal punctuation followed by space. Abbreviations split too; harmless here
# because only the share of statement text matters.
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+")
_SEPARATORS_ONLY_RE = re.compile(r"^[\s|·•,/\-–—]*$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_TRAILING_PUNCT = " .,:;!?…"


Labels = list[str | None]  # one category (or None = kept) per block


# `_QUOTES` as pairs for `str.replace`: `str.translate` looks every character up in a dict, 10-40x
# slower on a posting's text than replacing the few quotes present. Same result: no replacement
# is itself a quote to replace.
_QUOTE_PAIRS = tuple((chr(quote), ascii_quote) for quote, ascii_quote in _QUOTES.items())


def _norm(text: str) -> str:
    """Text for pattern matching: NFKC, lower case, ASCII quotes, single spaces."""
    if not text.isascii():  # NFKC leaves ASCII as is (and isascii() is O(1))
        text = unicodedata.normalize("NFKC", text)
    for quote, ascii_quote in _QUOTE_PAIRS:
        if quote in text:
            text = text.replace(quote, ascii_quote)
    # str.split() splits on exactly the regex's `\s` (a textblocks test checks every code point).
    return " ".join(text.split()).lower()


def _key_of_norm(norm: str) -> str:
    """Text for equality with field values, from its `_norm` form."""
    return norm.casefold().rstrip(_TRAILING_PUNCT)


@lru_cache(maxsize=FIELD_CACHE_SIZE)
def _key(text: str) -> str:
    """Cached: a company's name, blurb and location, and a board's header values, come back with
    every posting (and each posting asks for its title and company more than once)."""
    return _key_of_norm(_norm(text))


# ============================================================================================
# Per-block rules
# ============================================================================================


def _line_category(norm: str) -> str | None:
    if len(norm) > LINE_RULE_MAX_CHARS:
        return None
    found = _LINE_ALL_RE.match(norm)
    return found.lastgroup if found else None


def _count_traits(sentence: str) -> int:
    return len({m.group(0) for m in _TRAITS_RE.finditer(sentence)})


@dataclass(frozen=True, slots=True)
class _BlockRules:
    """The statement rules that can still match somewhere in a block (found on the whole block)."""

    phrases: dict[str, tuple[re.Pattern[str], ...]]
    traits: bool
    co_occurrence: dict[str, tuple[tuple[re.Pattern[str], ...], ...]]

    @classmethod
    def of(cls, norm: str) -> _BlockRules:
        prefixes = set(_PREFIX_RE.findall(norm))
        phrases = {}
        for category, regexes in _STATEMENT_GATE.active(prefixes).items():
            found = tuple(regex for regex in regexes if regex.search(norm))
            if found:
                phrases[category] = found
        co_occurrence = {}
        for category, rules in _CO_OCCURRENCE_RES.items():
            triggers = _CO_OCCURRENCE_TRIGGERS[category]
            live = tuple(
                rule
                for rule, needs in zip(rules, triggers, strict=True)
                if (needs is None or not needs.isdisjoint(prefixes))
                and all(x.search(norm) for x in rule)
            )
            if live:
                co_occurrence[category] = live
        return cls(phrases, norm.count(",") >= 2, co_occurrence)

    def __bool__(self) -> bool:
        return bool(self.phrases or self.traits or self.co_occurrence)


_ALL_RULES = _BlockRules(
    {cat: (regex,) for cat, regex in _STATEMENT_RES.items()}, True, dict(_CO_OCCURRENCE_RES)
)


def _sentence_category(sentence: str, rules: _BlockRules = _ALL_RULES) -> str | None:
    """Statement category of one sentence; `rules` = those that matched its block."""
    for category, regexes in rules.phrases.items():
        if any(regex.search(sentence) for regex in regexes):
            return category
    # Trait lists are comma lists; the comma gate spares the long alternation on most sentences.
    if (
        rules.traits
        and sentence.count(",") >= 2
        and _count_traits(sentence) >= PROTECTED_TRAITS_MIN
    ):
        return "eeo"
    for category, co_rules in rules.co_occurrence.items():
        if any(all(regex.search(sentence) for regex in rule) for rule in co_rules):
            return category
    return None


def _statement_category(norm: str) -> str | None:
    """The statement category covering most of the block, if statement text dominates it."""
    rules = _BlockRules.of(norm)
    if not rules:  # the usual case: nothing in the block can match, no sentence to look at
        return None
    share: dict[str, int] = {}
    for sentence in _SENTENCE_SPLIT_RE.split(norm):
        category = _sentence_category(sentence, rules)
        if category:
            share[category] = share.get(category, 0) + len(sentence)
    if not share:
        return None
    category = max(share, key=lambda c: (share[c], -CATEGORIES.index(c)))
    return category if sum(share.values()) >= STATEMENT_SHARE * len(norm) else None


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def _block_rule_category(norm: str) -> str | None:
    """Whole-block and statement rules of one block. Cached: within a crawl the same blocks (a
    site's chrome, an employer's EEO paragraph and benefits) come back posting after posting."""
    return _line_category(norm) or _statement_category(norm)


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def _section_category(norm: str) -> str | None:
    """Cached for the reason `_block_rule_category` is: a site's headings come back all crawl."""
    found = _SECTION_ALL_RE.match(norm)
    return found.lastgroup if found else None


def _header_rule_category(kind: str, norm: str) -> str | None:
    for category, regex in _HEADER_RES.items():
        if regex.match(norm):
            return category
    if kind == LINE:
        for category, regex in _HEADER_LINE_RES.items():
            if regex.match(norm):
                return category
    return None


# ============================================================================================
# The page being stripped
# ============================================================================================


@dataclass(slots=True)
class _Page:
    blocks: list[Block]
    norms: list[str]  # matching form of each block
    keys: list[str]  # equality form of each block
    labels: Labels  # category per block, None = kept

    @classmethod
    def of(cls, blocks: list[Block]) -> _Page:
        norms = [_norm(b.text) for b in blocks]
        return cls(blocks, norms, [_key_of_norm(n) for n in norms], [None] * len(blocks))

    def __len__(self) -> int:
        return len(self.blocks)

    def words(self, i: int) -> int:
        return len(self.blocks[i].text.split())


# ============================================================================================
# Sections
# ============================================================================================


def _rank(block: Block) -> int:
    if block.kind == HEADING:
        return block.level or PSEUDO_HEADING_LEVEL
    return PSEUDO_HEADING_LEVEL


def _is_widget_value(page: _Page, i: int) -> bool:
    return (
        page.labels[i] is None
        and page.words(i) <= WIDGET_VALUE_MAX_WORDS
        and len(page.blocks[i].text) <= WIDGET_VALUE_MAX_CHARS
        and not _WIDGET_LABEL_RE.match(page.norms[i])
    )


def _widget_extent(page: _Page, start: int) -> int:
    """End (exclusive) of the label/value rows following the widget heading at `start`."""
    i = start + 1
    while i < len(page) and page.labels[i] is None:
        if _WIDGET_LABEL_RE.match(page.norms[i]):
            has_value = i + 1 < len(page) and _is_widget_value(page, i + 1)
            i += 2 if has_value else 1
        elif _WIDGET_LABEL_VALUE_RE.match(page.norms[i]) and _is_widget_value(page, i):
            i += 1  # "Job Type Full-time" on one line
        else:
            break
    return i


def _section_extent(page: _Page, start: int) -> int:
    """End (exclusive) of the section headed by block `start`."""
    head = page.blocks[start]
    rank = _rank(head)
    i = start + 1
    while i < len(page):
        block = page.blocks[i]
        if block.kind == HEADING and _rank(block) <= rank:
            break
        # A line of a text capture heads the rest of its own group only (a "Stand Out From the
        # Crowd" box must not swallow the posting under it), and any other section heading
        # ("Warnung vor Betrug" after "Datenschutzhinweise") starts a section of its own.
        if head.kind == LINE and head.group and block.group != head.group:
            break
        if block.kind != ITEM and _section_category(page.norms[i]) is not None:
            break
        i += 1
    return i


def _apply_sections(page: _Page) -> None:
    i = 0
    while i < len(page):
        # A list item is never a section heading: "- Equal opportunity employer" in a list of
        # perks must not swallow the perks after it (the statement rule still takes the item).
        is_item = page.blocks[i].kind == ITEM
        category = None if is_item else _section_category(page.norms[i])
        if category is None:
            i += 1
            continue
        if category == "meta_widget":
            end = _widget_extent(page, i)
            if end == i + 1:  # a heading with no widget rows is the employer's own heading
                i += 1
                continue
        else:
            end = _section_extent(page, i)
        page.labels[i] = category
        for j in range(i + 1, end):
            # A body block with a more precise rule of its own keeps it.
            if page.labels[j] is None:
                page.labels[j] = category
        i = end


# ============================================================================================
# Header region and repeated fields
# ============================================================================================


@dataclass(frozen=True, slots=True)
class _Fields:
    field_keys: frozenset[str]  # title, company, location, company_description, repeated lines
    value_keys: frozenset[str]  # caller-supplied header values
    title_key: str | None
    about_keys: frozenset[str]  # "about <company>" in several languages
    consumable: tuple[str, ...]  # given fields and values, longest first

    @classmethod
    def build(
        cls,
        title: str | None,
        company: str | None,
        location: str | None,
        company_description: str | None,
        header_values: Iterable[str],
        repeated: Iterable[str] = (),
    ) -> _Fields:
        given = {_key(v) for v in (title, company, location, company_description) if v}
        given.discard("")
        values = {_key(v) for v in header_values if v}
        values.discard("")
        company_key = _key(company) if company else ""
        about = {f"{p} {company_key}" for p in ABOUT_PREFIXES} if company_key else set()
        return cls(
            field_keys=frozenset(given | set(repeated)),
            value_keys=frozenset(values),
            title_key=_key(title) if title else None,
            about_keys=frozenset(about),
            consumable=tuple(sorted(given | values, key=lambda s: (-len(s), s))),
        )

    def category(self, key: str) -> str | None:
        """`FIELD_CATEGORY` / `HEADER_VALUE_CATEGORY` if a block's key is made of field values."""
        if not key:
            return None
        if key in self.field_keys:
            return FIELD_CATEGORY
        if key in self.value_keys:
            return HEADER_VALUE_CATEGORY
        # Several values glued on one line (Teal: "2d$168,000 - $252,000Hybrid").
        rest, used_value = key, False
        for value in self.consumable:
            if value in rest:
                rest = rest.replace(value, " ")
                used_value = used_value or value in self.value_keys
        if rest != key and _SEPARATORS_ONLY_RE.match(rest):
            return HEADER_VALUE_CATEGORY if used_value else FIELD_CATEGORY
        return None


def _is_single_sentence(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= SUMMARY_MAX_WORDS
        and len(_SENTENCE_SPLIT_RE.split(text.rstrip(".!?… "))) == 1
    )


def _is_header_signal(page: _Page, i: int, fields: _Fields) -> bool:
    return (
        fields.category(page.keys[i]) is not None
        or _header_rule_category(page.blocks[i].kind, page.norms[i]) is not None
    )


def _is_board_summary(page: _Page, i: int, fields: _Fields) -> bool:
    """One short sentence wedged between the title and the header's field lines (NoDegree)."""
    if i == 0 or i + 1 >= len(page) or page.blocks[i].kind not in (LINE, PARAGRAPH):
        return False
    if fields.title_key is not None:
        under_title = page.keys[i - 1] == fields.title_key
    else:  # title unknown: the first field line of the page stands in for it
        under_title = page.labels[i - 1] == FIELD_CATEGORY
    return (
        under_title
        and _is_single_sentence(page.blocks[i].text)
        and _is_header_signal(page, i + 1, fields)
    )


def _apply_header(page: _Page, fields: _Fields) -> int:
    """Label the header region's chrome; return the index where the body starts."""
    in_chips = False  # inside a run of skill chips under a "Compétences & expertises" label
    for i, block in enumerate(page.blocks):
        norm = page.norms[i]
        if page.labels[i] is not None:
            in_chips = bool(_SKILL_LABEL_RE.match(norm))
            continue
        if field_category := fields.category(page.keys[i]):
            page.labels[i], in_chips = field_category, False
        elif block.kind == LINE and _SKILL_LABEL_RE.match(norm):
            page.labels[i], in_chips = "ui_chrome", True
        elif in_chips and block.kind == LINE and page.words(i) <= SKILL_CHIP_MAX_WORDS:
            page.labels[i] = "meta_widget"  # a chip, e.g. "Collaboration et travail d'équipe"
        elif category := _header_rule_category(block.kind, norm):
            page.labels[i], in_chips = category, False
        elif _is_board_summary(page, i, fields):
            page.labels[i], in_chips = "board_summary", False
        elif block.kind == ITEM or page.words(i) >= CONTENT_MIN_WORDS:
            return i
        else:
            in_chips = False  # a short unclaimed heading such as "About The Position"
    return len(page)


def _apply_repeated_runs(page: _Page, fields: _Fields, body_start: int) -> None:
    """After the header, runs of field values (a sidebar) are `repeated_block`.

    A run needs two field lines and one of them must be the title, a short field (company,
    location) or a header value: an employer's own "About <company>" + blurb alone is kept.
    Blocks already labelled (a "Share" button inside the sidebar) neither break nor join a run.
    """
    i = body_start
    while i < len(page):
        run: list[int] = []
        strong = False
        j = i
        while j < len(page):
            if page.labels[j] is not None:
                j += 1
                continue
            key = page.keys[j]
            category = fields.category(key)
            if category is None and key not in fields.about_keys:
                break
            strong = (
                strong
                or key == fields.title_key
                or category == HEADER_VALUE_CATEGORY
                or (category == FIELD_CATEGORY and len(key.split()) <= 4)
            )
            run.append(j)
            j += 1
        if len(run) >= 2 and strong:
            for k in run:
                page.labels[k] = "repeated_block"
        i = max(j, i + 1)


def _repeated_keys(page: _Page) -> set[str]:
    """Non-item texts the page shows more than once: a header or sidebar repeating a field.

    This catches field lines even when the caller could not extract the field; it only acts
    where fields do (the header region and field runs after the body).
    """
    counts = Counter(k for b, k in zip(page.blocks, page.keys, strict=True) if b.kind != ITEM)
    return {key for key, n in counts.items() if n >= 2 and key}


# ============================================================================================
# Entry point
# ============================================================================================


def _anchors(page: _Page) -> list[int]:
    """Kept blocks that are surely body: list items, and paragraphs of CONTENT_MIN_WORDS or more
    (a heading-like line never is: "Get the JobHunt app for iOS and Android")."""
    return [
        i
        for i, block in enumerate(page.blocks)
        if page.labels[i] is None
        and (block.kind == ITEM or (block.kind != HEADING and page.words(i) >= CONTENT_MIN_WORDS))
    ]


def _edge_indices(page: _Page) -> list[int]:
    """Blocks before the first and after the last sure body block: where a site's template sits.

    The heading right above the first body block is the body's own section heading ("About The
    Position"), never template, even when every posting of the board has it.
    """
    anchors = _anchors(page)
    if not anchors:
        return []
    first, last = anchors[0], anchors[-1]
    top = range(first - 1 if page.blocks[first - 1].kind == HEADING else first) if first else ()
    return [i for i in (*top, *range(last + 1, len(page))) if page.keys[i]]


def _apply_template(page: _Page, template: Container[str], edges: list[int]) -> None:
    """Edge blocks the site showed on many other postings (see `TemplateMemory`)."""
    for i in edges:
        if page.labels[i] is None and page.keys[i] in template:
            page.labels[i] = "repeated_block"


@dataclass(frozen=True, slots=True)
class Classified:
    """Every block of a body with its category (None = kept), and the keys of its edge blocks."""

    blocks: list[tuple[Block, str | None]]
    edge_keys: frozenset[str]


def classify_blocks(
    *,
    html: str | ParsedHtml | None = None,
    text: str | None = None,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    company_description: str | None = None,
    header_values: Iterable[str] = (),
    template: Container[str] = frozenset(),
) -> Classified:
    """Label every block of a body; see `strip_boilerplate` for the arguments."""
    page = _Page.of(blocks_from_html(html) if html else blocks_from_text(text or ""))
    page.labels = [_block_rule_category(n) for n in page.norms]
    _apply_sections(page)
    fields = _Fields.build(
        title, company, location, company_description, header_values, _repeated_keys(page)
    )
    body_start = _apply_header(page, fields)
    _apply_repeated_runs(page, fields, body_start)
    edges = _edge_indices(page)
    if template:
        _apply_template(page, template, edges)
    return Classified(
        blocks=list(zip(page.blocks, page.labels, strict=True)),
        edge_keys=frozenset(page.keys[i] for i in edges),
    )


def strip_boilerplate(
    *,
    html: str | ParsedHtml | None = None,
    text: str | None = None,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    company_description: str | None = None,
    header_values: Iterable[str] = (),
    template: Container[str] = frozenset(),
) -> Stripped:
    """Split a posting body into the clean description and the removed boilerplate.

    `html` is used when given (a string, or `textblocks.parse_html`'s result when the caller
    sanitises the same body: one parse then serves both), else `text` (a plain body or a
    whole-page text capture). The field arguments are what the spider extracted; lines repeating
    them leave the body.
    `template` holds block keys the site repeats across postings (`TemplateMemory.template`):
    such blocks before or after the body are `repeated_block`.
    """
    classified = classify_blocks(
        html=html,
        text=text,
        title=title,
        company=company,
        location=location,
        company_description=company_description,
        header_values=header_values,
        template=template,
    )
    pairs = classified.blocks
    return Stripped(
        description=render_blocks(b for b, label in pairs if label is None),
        boilerplate=[{"category": label, "text": b.text} for b, label in pairs if label],
        edge_keys=classified.edge_keys,
    )


class TemplateMemory:
    """A crawl's memory of each source's page template, as trafilatura's repeated-segment check.

    A block key is template once it was seen at the edges of `min_postings` postings of one
    source from at least `min_companies` companies: a block shared by several employers' postings
    is the board's, while one employer's own repeated text (its blurb, its benefits) is content.
    """

    def __init__(
        self, min_postings: int = 5, min_companies: int = 2, max_keys: int = 50_000
    ) -> None:
        self.min_postings = min_postings
        self.min_companies = min_companies
        self.max_keys = max_keys
        self._seen: dict[str, dict[str, tuple[int, frozenset[str]]]] = {}
        self._learned: dict[str, set[str]] = {}

    def template(self, source: str) -> Container[str]:
        """The source's learnt template (live view: it grows as the crawl goes)."""
        return self._learned.get(source, frozenset())

    def observe(self, source: str, company: str | None, keys: Iterable[str]) -> None:
        seen = self._seen.setdefault(source, {})
        learned = self._learned.setdefault(source, set())
        who = _key(company) if company else ""
        for key in keys:
            count, companies = seen.get(key, (0, frozenset()))
            if len(companies) < self.min_companies:
                companies = companies | {who}
            seen[key] = (count + 1, companies)
            if count + 1 >= self.min_postings and len(companies) >= self.min_companies:
                learned.add(key)
        if len(seen) > self.max_keys:
            # Bounded memory: forget keys seen once (unique text, the bulk of it).
            for key in [k for k, (n, _) in seen.items() if n == 1]:
                del seen[key]
