"""The eleven AI initiatives of table 1 in the final report, in our own words.

Titles are table 1's "Rubrik" column with the line breaks of the PDF removed. The
text states only what table 1, the appendix (Vinnova's project entries for Vetlanda
and Malmö) and chapter 2.5 (the webinar) say about each municipality. The phase
follows the seed's own verb; a comment beside each says which wording it rests on.
"""

from django.utils.text import slugify

from initiatives.models import County, Initiative

from . import REPORT_TITLE, REPORT_URL

Area = Initiative.Area
Phase = Initiative.Phase
Technique = Initiative.Technique

# (name, county, the organisation's own name where the seeds give it)
MUNICIPALITIES = [
    ("Helsingborg", County.SKANE, "Helsingborgs stad"),
    ("Kalmar", County.KALMAR, "Kalmar kommun"),
    ("Lidingö", County.STOCKHOLM, "Lidingö stad"),
    ("Linköping", County.OSTERGOTLAND, "Linköpings kommun"),
    # Table 1 says "Malmö kommun", Vinnova's project text says "Malmö stad": the city's own name.
    ("Malmö", County.SKANE, "Malmö stad"),
    # The seeds never name Skellefteå's organisation; the site then shows "Skellefteå kommun".
    ("Skellefteå", County.VASTERBOTTEN, ""),
    ("Strängnäs", County.SODERMANLAND, "Strängnäs kommun"),
    ("Sundsvall", County.VASTERNORRLAND, "Sundsvalls kommun"),
    ("Uppsala", County.UPPSALA, "Uppsala kommun"),
    ("Vetlanda", County.JONKOPING, "Vetlanda kommun"),
    ("Värmdö", County.STOCKHOLM, "Värmdö kommun"),
]

# The report gives digg.se article addresses for three of the initiatives.
_ARTICLES = "https://www.digg.se/utveckling/camilla/ai-for-socialtjansten-utv/ai-initiativ/"

# Chapters 1.2.1 and 3: the agencies did not assess the examples; each municipality answers
# for its own legal and ethical assessments. True of every initiative, so every one says it.
_NOT_ASSESSED = (
    "Myndigheterna bakom webbplatsen har inte granskat kommunens juridiska och etiska "
    "bedömningar i det här initiativet. Det är kommunen som ansvarar för dem. Läs mer om "
    "regler och etik under [Juridik](/stod-och-verktyg/juridik/) och "
    "[Etik](/stod-och-verktyg/etik/)."
)

_WEBINAR = "[webbinariet om AI i socialtjänsten](/webbinarium/) den 16 januari 2024"


def _from_report():
    return {"source_url": REPORT_URL, "source_title": REPORT_TITLE}


INITIATIVES = [
    {
        "municipality": "Helsingborg",
        "title": "Digitala tolken – ett AI-verktyg som kan assistera handläggare med tolkning "
        "under möten",
        "ingress": "Helsingborgs stad undersöker om en AI-tolk som kan arabiska och svenska "
        "kan vara ett stöd för socialtjänsten i mötena med brukare och besökare.",
        "area": Area.WHOLE_SERVICE,
        # Table 1: "Helsingborgs stad undersöker om en AI-tolk ... kan stötta".
        "phase": Phase.EXPLORING,
        "technique": Technique.SPEECH,
        "goals": "Att ta reda på om en digital tolk som bygger på AI kan hjälpa "
        "handläggarna med tolkning när de möter brukare och besökare.",
        "implementation": "Staden undersöker hur AI-tolken kan stötta socialtjänsten under "
        "möten. Tolken hanterar två språk: arabiska och svenska.",
        "technology": "En AI-tolk för arabiska och svenska.",
        "law_and_ethics": _NOT_ASSESSED,
        "source_url": _ARTICLES
        + "digitala-tolken---ett-ai-verktyg-testas-for-att-assistera-med-tolkning-under-moten",
        "source_title": "Artikel om Digitala tolken i Helsingborg (digg.se)",
        "tags": ["tolkning", "översättning", "möten med brukare"],
    },
    {
        "municipality": "Kalmar",
        "title": "Kalmar kommun testar AI för hjälp med schemaplanering",
        "ingress": "Social- och omsorgsförvaltningen i Kalmar kommun testar AI som stöd när "
        "scheman ska planeras.",
        # The seed names the whole social and care administration, no narrower unit.
        "area": Area.WHOLE_SERVICE,
        # Table 1: "Social- och omsorgsförvaltningen i Kalmar kommun testar att använda AI".
        "phase": Phase.PILOT,
        "technique": Technique.OPTIMISATION,
        "goals": "Syftet är att utforska om AI kan spara värdefull arbetstid och hjälpa "
        "verksamheten att använda personalen på ett bättre sätt.",
        "implementation": "Förvaltningen testar att använda AI för att planera scheman.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_report(),
        "tags": ["schemaläggning", "personalplanering", "tidsbesparing"],
    },
    {
        "municipality": "Lidingö",
        # Table 1's heading ends with a full stop; kept as the report has it.
        "title": "En organisation som är redo för AI.",
        "ingress": "Sedan 2021 har Lidingö stads omsorgs- och socialförvaltning målmedvetet "
        "förändrat organisationen för att kunna ta nästa digitala steg. Nu utforskar staden "
        "vilka möjligheter AI ger.",
        "area": Area.WHOLE_SERVICE,
        # Table 1: "kommunen utforskar nu möjligheterna med AI".
        "phase": Phase.EXPLORING,
        "technique": Technique.ORGANISATION,
        "period": "2021–",
        "goals": "Att göra omsorgs- och socialförvaltningen redo för nästa digitala steg, "
        "och därefter utforska vad AI kan bidra med.",
        "implementation": "Förvaltningen har sedan 2021 genomfört reformer i ett "
        "målmedvetet förändringsarbete. Reformerna har gett resultat, och nu utforskar "
        "staden möjligheterna med AI.\n\n"
        f"Lidingö stad var en av två kommuner som berättade om sitt arbete och sina lärdomar "
        f"på {_WEBINAR}. Staden satt också med i panelen som svarade på deltagarnas frågor.",
        "law_and_ethics": _NOT_ASSESSED,
        # Table 1 itself ties the change work to being ready for AI.
        "lessons_learned": "Att göra organisationen redo var ett mål i sig: "
        "förändringsarbetet sedan 2021 gjordes för att förvaltningen skulle bli redo för "
        "nästa digitala steg. Reformerna har gett resultat, och nu utforskar staden "
        "möjligheterna med AI.",
        **_from_report(),
        "tags": ["förändringsledning", "organisation", "webbinarium"],
    },
    {
        "municipality": "Linköping",
        "title": "AI kan assistera i att förutsäga framtida SiS- och HVB-placeringsbehov",
        "ingress": "Socialtjänsten i Linköpings kommun utvecklar ett AI-verktyg som ska göra "
        "prognoser över behovet av placeringar på SiS-institutioner och HVB-hem.",
        # SiS and HVB placements are decided within individual and family care.
        "area": Area.INDIVIDUAL_FAMILY,
        # Table 1: "Linköpings kommuns socialtjänst utvecklar ett AI-verktyg".
        "phase": Phase.DEVELOPMENT,
        "technique": Technique.PREDICTION,
        "goals": "Kommunen hoppas att prognoserna ska göra det lättare att planera för "
        "framtida budget och behov.",
        "implementation": "Socialtjänsten utvecklar verktyget. Det ska prognostisera "
        "placeringar hos Statens institutionsstyrelse (SiS) och i hem för vård eller "
        "boende (HVB).",
        "technology": "Ett AI-verktyg som gör prognoser över framtida placeringsbehov.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_report(),
        "tags": ["prediktion", "placeringar", "verksamhetsplanering"],
    },
    {
        "municipality": "Malmö",
        "title": "AI som stöd i att utvärdera insatser",
        "ingress": "Kan AI visa vilka av socialtjänstens stöd- och arbetsmarknadsinsatser "
        "som ger bäst effekt? Det ville ett forskningsprojekt i Malmö ta reda på, men "
        "bristfällig struktur i datan gjorde att projektet stötte på patrull.",
        "area": Area.FINANCIAL_SUPPORT,
        # Vinnova: "ta reda på om förvaltningens data ... [är] tillämpbar" – exploratory.
        # Table 1's past tense says it ran into trouble, not that it ended, and the appendix
        # lists the project as ongoing in November 2023, so not "avslutad".
        "phase": Phase.EXPLORING,
        "technique": Technique.MACHINE_LEARNING,
        "data_used": "Förvaltningens data om arbetsmarknad (AMA) och ekonomiskt bistånd (EB)",
        "goals": "Målet var att med hjälp av AI se vilka stöd- och arbetsmarknadsinsatser "
        "som ger bäst effekt.\n\n"
        "Enligt projektbeskrivningen hos Vinnova ska Arbetsmarknads- och "
        "socialförvaltningen (ASF) som organisation lära sig mer om AI och förstå bättre i "
        "vilka sammanhang och med vilka datamängder AI passar. Det konkreta målet är att ta "
        "reda på om förvaltningens data om arbetsmarknad och ekonomiskt bistånd håller "
        "sådan kvalitet och bär så mycket information att maskininlärning går att använda, "
        "och i så fall under vilka förutsättningar.",
        "implementation": "Initiativet är ett forskningsprojekt och det första vid ASF i "
        "Malmö stad där AI används. Projektet heter "
        "[Artificiell Intelligens, Riktiga Människor (vinnova.se)]"
        "(https://www.vinnova.se/p/artificiell-intelligens-riktiga-manniskor/) och finns "
        "beskrivet hos Vinnova. När slutrapportens litteraturförteckning sammanställdes i "
        "november 2023 angavs det som pågående.",
        "technology": "Maskininlärning på förvaltningens egna data om arbetsmarknadsinsatser "
        "och ekonomiskt bistånd.",
        "law_and_ethics": _NOT_ASSESSED,
        # Table 1 ties the data lesson to Malmö.
        "lessons_learned": "Bristfällig struktur på datan gjorde att projektet stötte på "
        "patrull.\n\n"
        "Det är en erfarenhet som slutrapporten också drar generellt: tillgången till data "
        "och kvaliteten på den avgör om en AI-lösning kan tas i bruk, och AI behöver data "
        "som är strukturerad.",
        **_from_report(),
        "tags": [
            "maskininlärning",
            "datakvalitet",
            "ekonomiskt bistånd",
            "arbetsmarknad",
            "uppföljning",
            "vinnova",
        ],
    },
    {
        "municipality": "Skellefteå",
        "title": "AI kan ge ökad trygghet med larm inom äldreomsorg",
        "ingress": "Skellefteå kommuns AI-initiativ gäller äldreomsorgen: en radarkamera som "
        "larmar när något ovanligt har hänt.",
        "area": Area.ELDERLY_CARE,
        # Table 1 has no phase verb; the title's "kan ge" speaks of a possibility, and the
        # report finds that in principle every initiative is exploratory.
        "phase": Phase.EXPLORING,
        "technique": Technique.SENSORS,
        "goals": "Ökad trygghet inom äldreomsorgen med hjälp av larm.",
        "technology": "En radarkamera som larmar när något ovanligt har skett.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_report(),
        "tags": ["äldreomsorg", "välfärdsteknik", "larm", "sensorer"],
    },
    {
        "municipality": "Strängnäs",
        "title": "AI-språkmodell som hjälp vid orosanmälningar",
        "ingress": "Socialtjänsten i Strängnäs kommun har undersökt om en AI-språkmodell kan "
        "automatisera en del av arbetsflödet när en orosanmälan kommer in. Resultaten är "
        "lovande, men flera utmaningar återstår innan lösningen eventuellt kan lanseras.",
        # A report of concern (orosanmälan) about a child is handled in individual and family care.
        "area": Area.INDIVIDUAL_FAMILY,
        # Table 1: "Socialtjänsten i Strängnäs kommun har undersökt om en AI-språkmodell kan".
        "phase": Phase.EXPLORING,
        "technique": Technique.LANGUAGE_MODEL,
        "goals": "Att ta reda på om en AI-språkmodell kan automatisera en del av "
        "arbetsflödet vid en orosanmälan.",
        "implementation": "Socialtjänsten har undersökt hur språkmodellen kan användas i "
        "arbetsflödet. Någon lansering har inte skett.",
        "technology": "En AI-språkmodell.",
        "law_and_ethics": _NOT_ASSESSED
        + "\n\nSKR har gjort en rättslig genomgång av AI i socialtjänsten som bland annat "
        "handlar om anmälningar och förhandsbedömningar om barn och unga. En sammanfattning "
        "finns under Frågor och svar på sidan "
        "[Webbinarium: AI i socialtjänsten](/webbinarium/). Genomgången gäller socialtjänsten "
        "i allmänhet och är inte en bedömning av Strängnäs initiativ.",
        # Table 1 ties this lesson to Strängnäs; it does not say which the challenges are.
        "lessons_learned": "Resultaten är lovande, men flera utmaningar kvarstår innan en "
        "eventuell lansering. Källan beskriver inte vilka utmaningarna är.",
        **_from_report(),
        "tags": ["språkmodell", "orosanmälan", "barn och unga", "automatisering"],
    },
    {
        "municipality": "Sundsvall",
        "title": "Sundsvalls kommun bygger gemensam AI-plattform",
        "ingress": "Sundsvalls kommun bygger en AI-plattform som ska göra det snabbare att "
        "utveckla AI-lösningar och enklare för kommuner att dela teknik med varandra. "
        "Socialtjänsten är en av de verksamheter som är tänkta att använda den.",
        # The platform is meant for several services, "bland annat" social services.
        "area": Area.WHOLE_SERVICE,
        # Table 1: "Sundsvalls kommun bygger gemensam AI-plattform".
        "phase": Phase.DEVELOPMENT,
        "technique": Technique.PLATFORM,
        "goals": "Att utvecklingen av AI-lösningar ska gå snabbare och att det ska bli "
        "enklare för kommuner att dela teknik med varandra.",
        "implementation": "Kommunen bygger plattformen. Den är bland annat tänkt att "
        "användas av socialtjänsten.",
        "technology": "En gemensam plattform för att utveckla AI-lösningar och dela teknik "
        "mellan kommuner.",
        "law_and_ethics": _NOT_ASSESSED,
        "source_url": _ARTICLES + "sundsvalls-kommun-bygger-gemensam-ai-plattform",
        "source_title": "Artikel om Sundsvalls gemensamma AI-plattform (digg.se)",
        "tags": ["plattform", "samverkan", "gemensamma lösningar"],
    },
    {
        "municipality": "Uppsala",
        "title": "Chatboten RiTA ska svara på frågor om arbetsmarknadsförvaltningens rutiner",
        "ingress": "Arbetsmarknadsförvaltningen i Uppsala kommun utvecklar RiTA, en chattbot "
        "som med hjälp av AI svarar på frågor om förvaltningens rutiner och andra styrande "
        "dokument.",
        "area": Area.FINANCIAL_SUPPORT,
        # Table 1: "Arbetsmarknadsförvaltningen i Uppsala kommun utvecklar en chatbot".
        "phase": Phase.DEVELOPMENT,
        "technique": Technique.CHATBOT,
        "data_used": "Förvaltningens rutiner och andra styrande dokument",
        "goals": "Chattboten ska skapa praktisk nytta i verksamheten och samtidigt ge "
        "lärdomar inför kommande satsningar på AI.",
        "implementation": "Förvaltningen utvecklar chattboten, som har fått namnet RiTA.",
        "technology": "En chattbot som använder AI för att svara på frågor utifrån "
        "förvaltningens rutiner och styrande dokument.",
        "law_and_ethics": _NOT_ASSESSED,
        "source_url": _ARTICLES
        + "chatboten-rita-ska-svara-pa-fragor-om-arbetsmarknadsforvaltningens-rutiner",
        "source_title": "Artikel om chattboten RiTA i Uppsala (digg.se)",
        "tags": ["chattbot", "rutiner", "arbetsmarknad", "kunskapsstöd"],
    },
    {
        "municipality": "Vetlanda",
        "title": "AI förebygger framtida behov",
        "ingress": "Vetlanda kommun tar fram en AI-tjänst som ska peka ut de patienter som "
        "kommer att behöva hemtjänst eller hemsjukvård, för att kunna arbeta mer "
        "förebyggande.",
        # Vinnova: AI "inom den kommunala hälso- och sjukvården".
        "area": Area.HEALTH_CARE,
        # Table 1: "Vetlanda kommuns AI-tjänst ska identifiera" – a service being built;
        # the appendix lists the Vinnova project as ongoing in November 2023.
        "phase": Phase.DEVELOPMENT,
        "technique": Technique.PREDICTION,
        "goals": "Tjänsten ska identifiera patienter som kommer att behöva hemtjänst eller "
        "hemsjukvård.\n\n"
        "I projektbeskrivningen hos Vinnova skriver kommunen att den vill använda AI i den "
        "kommunala hälso- och sjukvården för att stödja en vård och omsorg som utgår från "
        "individen, med ett rehabiliterande och proaktivt förhållningssätt.",
        "implementation": "Arbetet sker bland annat i projektet "
        "[Vetlanda in i framtiden (vinnova.se)]"
        "(https://www.vinnova.se/p/vetlanda-in-i-framtiden/). "
        "Projektet ska ge kommunen möjlighet att kompetensutveckla sig inom "
        "hälsoinnovation och samhällets digitalisering, och steg för steg öka sin kunskap "
        "om hur AI kan användas för både strategiska och operativa beslut. När "
        "slutrapportens litteraturförteckning sammanställdes i november 2023 angavs "
        "projektet som pågående.",
        "technology": "En AI-tjänst som förutser vilka patienter som kommer att behöva "
        "hemtjänst eller hemsjukvård.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_report(),
        "tags": ["prediktion", "hemtjänst", "hemsjukvård", "kompetensutveckling", "vinnova"],
    },
    {
        "municipality": "Värmdö",
        "title": "AI i mobilen kan spara tid för socialsekreterare",
        "ingress": "Ett AI-verktyg i mobiltelefonen kan hjälpa socialsekreterare i Värmdö "
        "kommun att skriva journalanteckningar under sina möten. Projektet pågår och "
        "utforskar hur tiden för dokumentation kan minska, så att mer tid blir över till "
        "mötet med invånaren.",
        # Socialsekreterare work in individual and family care; the seed names no narrower unit.
        "area": Area.INDIVIDUAL_FAMILY,
        # Table 1: "Det pågående projektet utforskar sätt att minska arbetstiden".
        "phase": Phase.EXPLORING,
        # The seed names a tool that helps write journal notes; it does not say how.
        "technique": Technique.LANGUAGE_MODEL,
        "goals": "Att minska den arbetstid som går till dokumentation och frigöra mer tid "
        "för mötet med invånaren.",
        "implementation": "Projektet pågår och utforskar olika sätt att korta tiden för "
        "dokumentation.\n\n"
        f"Värmdö kommun var en av två kommuner som berättade om sitt arbete och sina "
        f"lärdomar på {_WEBINAR}. Kommunen satt också med i panelen som svarade på "
        f"deltagarnas frågor.",
        "technology": "Ett AI-verktyg i mobiltelefonen som hjälper socialsekreteraren att "
        "skriva journalanteckningar under mötet.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_report(),
        "tags": ["dokumentation", "tidsbesparing", "mobil", "webbinarium"],
    },
]

for _initiative in INITIATIVES:
    _initiative["slug"] = slugify(_initiative["title"])


def initiative_url(municipality):
    """The address of a municipality's initiative, for links from the pages."""
    for initiative in INITIATIVES:
        if initiative["municipality"] == municipality:
            return f"/ai-initiativ/{initiative['slug']}/"
    raise LookupError(municipality)
