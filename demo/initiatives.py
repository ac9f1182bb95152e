"""The eleven AI initiatives of table 1 in the final report, in our own words.

Titles are table 1's "Rubrik" column with the line breaks of the PDF removed. The
text states only what table 1, the appendix (Vinnova's project entries for Vetlanda
and Malmö), chapter 2.5 (the webinar) and the original site's own articles on ten of
the initiatives say about each municipality (the articles' facts are in the shared fact
sheet, shared/facts/initiatives.md). An initiative with an article cites it as its source
and the report as a further one. Where the article says more about the status than
table 1 (an ended project, a platform in use), the phase follows the article; a comment
beside each says which wording it rests on. Facts from other sites stay out.
"""

import datetime

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

# The original site's own articles on ten of the eleven initiatives (none on Malmö was found),
# at their public addresses as the fact sheet gives them (some with "www", some without).
# The report's table 1 links three of them at an internal address of the publishing
# system; the public addresses are cited instead.
_ARTICLES = "https://www.digg.se/ai-for-socialtjansten/ai-initiativ/"
_ARTICLES_BARE_HOST = "https://digg.se/ai-for-socialtjansten/ai-initiativ/"

# Chapters 1.2.1 and 3: the agencies did not assess the examples; each municipality answers
# for its own legal and ethical assessments. True of every initiative, so every one says it.
_NOT_ASSESSED = (
    "Myndigheterna bakom webbplatsen har inte granskat kommunens juridiska och etiska "
    "bedömningar i det här initiativet. Det är kommunen som ansvarar för dem. Läs mer om "
    "regler och etik under [Juridik](/stod-och-verktyg/juridik/) och "
    "[Etik](/stod-och-verktyg/etik/)."
)

_WEBINAR = "[webbinariet om AI i socialtjänsten](/webbinarium/) den 16 januari 2024"

# What every article-based initiative's internal note starts with: the stored copies of the
# articles hold only their beginning (see the fact sheet), never shown to visitors.
_CUT_OFF = (
    "Uppgifterna kommer från den tidigare webbplatsens artikel, men den lagrade kopian "
    "innehåller bara artikelns början. "
)

# The report is the second source of every initiative that has an article: table 1's
# description, and for some the appendix or the webinar (chapter 2.5).
_REPORT_AS_FURTHER_SOURCE = f"- [{REPORT_TITLE} (digg.se)]({REPORT_URL})"


def _from_report():
    return {"source_url": REPORT_URL, "source_title": REPORT_TITLE}


def _from_article(url, title):
    """The article as the source, the report as a further one."""
    return {
        "source_url": url,
        "source_title": f"{title} (digg.se)",
        "other_sources": _REPORT_AS_FURTHER_SOURCE,
    }


Sourcing = Initiative.Sourcing

# Standard facts (issue 16) are filled only where the article or the report states them;
# every other fact stays empty and the page says "Uppgift saknas". No article gives a legal
# basis, a data protection impact assessment, how people oversee the output or a contact,
# and no municipality has confirmed anything to us, so those stay empty everywhere.
# A start date is given only where a source names a day; a year or a month goes in `period`.
INITIATIVES = [
    {
        "municipality": "Helsingborg",
        "title": "Digitala tolken – ett AI-verktyg som kan assistera handläggare med tolkning "
        "under möten",
        "ingress": "Helsingborgs stad undersöker om en AI-tolk som kan arabiska och svenska "
        "kan vara ett stöd för socialtjänsten i mötena med brukare och besökare.",
        "area": Area.WHOLE_SERVICE,
        # The article's title: "ett AI-verktyg testas"; it describes the tool under test.
        "phase": Phase.PILOT,
        "technique": Technique.SPEECH,
        "purpose": "Att ge handläggarna stöd med tolkning mellan arabiska och svenska i "
        "mötena med brukare och besökare, så att samtalet inte behöver hänga på en tredje "
        "person och alla får samma tolkning.",
        "data_used": "Stadens egna data, som räckte för att träna en AI-tolk för arabiska",
        # The article: the city lacked technical skills of its own and procured a developer.
        "sourcing": Sourcing.BOUGHT,
        "goals": "Att ta reda på om en digital tolk som bygger på AI kan hjälpa "
        "handläggarna med tolkning när de möter brukare och besökare. Det ska vara frivilligt "
        "för brukaren att använda tolken, och tanken är att samtalen ska bli mer "
        "tillgängliga.",
        "implementation": "Arbetet utgick från en behovsanalys. Staden hade inte den "
        "tekniska kompetensen själv och upphandlade därför ett företag som utvecklar "
        "IT-tjänster. Tillsammans tas en mobilapp fram där AI översätter samtalet. Några "
        "nyare verktyg för AI-översättning som kom ut under projektets gång kopplades in "
        "för att testas.\n\n"
        "Helsingborgs stad har arbetat med AI sedan 2021, bland annat med försök med "
        "uppläsning av text och med verktyg för att skriva journalanteckningar.",
        "technology": "AI-översättning mellan arabiska och svenska i en mobilapp. Den som "
        "lyssnar får översättningen som text i realtid och kan också få den uppläst. "
        "Tjänsten körs i kommunens egen driftmiljö, tillsammans med kommunens system, och "
        "inte i en molntjänst.",
        "law_and_ethics": _NOT_ASSESSED
        + "\n\nStaden valde medvetet en lösning i den egna driftmiljön i stället för en "
        "molntjänst, eftersom samtalen rör uppgifter som omfattas av sekretess.",
        "lessons_learned": "De tidigare försöken med AI gav kunskap och trygghet inför "
        "det här arbetet.",
        **_from_article(
            _ARTICLES
            + "digitala-tolken---ett-ai-verktyg-testas-for-att-assistera-med-tolkning-under-moten",
            "Digitala tolken – ett AI-verktyg testas för att assistera med tolkning under möten",
        ),
        "editor_note": _CUT_OFF + "Hur testet gick och avsnittet om lärdomar syns inte. "
        "Kontrollera mot artikeln eller fråga staden.",
        "tags": ["tolkning", "översättning", "möten med brukare"],
    },
    {
        "municipality": "Kalmar",
        "title": "Kalmar kommun testar AI för hjälp med schemaplanering",
        "ingress": "Social- och omsorgsförvaltningen i Kalmar kommun testar AI som stöd när "
        "scheman ska planeras.",
        # The article's fact box names disability and elderly care, two of our areas.
        "area": Area.WHOLE_SERVICE,
        # Table 1 and the article: "testar"; in early 2024 the tool was being tested.
        "phase": Phase.PILOT,
        "technique": Technique.OPTIMISATION,
        "purpose": "Att utforska om AI kan spara värdefull arbetstid och hjälpa "
        "verksamheten att använda personalen bättre: förslag till scheman och prognoser "
        "över hur mycket personal som behövs på längre sikt.",
        "data_used": "Strukturerade data, bland annat verksamhetens behov av bemanning",
        # The article: with an AI company, other administrations and municipalities in Småland.
        "sourcing": Sourcing.JOINT,
        "period": "2023 – 31 juli 2024",
        "goals": "Syftet är att utforska om AI kan spara värdefull arbetstid och hjälpa "
        "verksamheten att använda personalen på ett bättre sätt.",
        "implementation": "Projektet växte fram ur en analys av verksamhetens behov: chefer "
        "och medarbetare lägger mycket tid på schemaläggning. Behoven togs fram genom "
        "intervjuer med nyckelpersoner, bland andra enhetschefer och administrativ personal.\n\n"
        "Projektgruppen utvecklade tekniken utifrån behoven tillsammans med ett företag som "
        "arbetar med AI. Samarbetet omfattar flera förvaltningar i kommunen, andra kommuner "
        "i Småland och leverantören. I början av 2024 testades verktyget; om testet faller "
        "väl ut vill kommunen använda det på fler enheter.",
        "technology": "AI som tar fram förslag till scheman för medarbetarna på en enhet och "
        "gör långsiktiga prognoser över bemanningen. Verktyget optimerar stora mängder "
        "information och kan också användas för prediktion.",
        "law_and_ethics": _NOT_ASSESSED,
        "lessons_learned": "Ett nära samarbete mellan IT-organisationen, systemspecialister, "
        "kärnverksamheten och leverantören lyfts fram som en framgångsfaktor. Arbetet "
        "kräver många olika kompetenser och ska utgå från verksamhetens behov.",
        **_from_article(
            _ARTICLES_BARE_HOST + "kalmar-kommun-testar-ai-for-hjalp-med-schemaplanering",
            "Kalmar kommun testar AI för hjälp med schemaplanering",
        ),
        "editor_note": _CUT_OFF + "Uppgifter från senare nyhetsartiklar (inte från Digg) om "
        "att verktyget har införts i hela omsorgen är inte kontrollerade och står inte på "
        "sidan.",
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
        # Table 1 and the article: the city "utforskar nu" the possibilities of AI.
        "phase": Phase.EXPLORING,
        "technique": Technique.ORGANISATION,
        "period": "2021–",
        "purpose": "Att göra omsorgs- och socialförvaltningen redo för nästa digitala steg "
        "och därefter utforska vad AI kan bidra med.",
        "goals": "Att göra omsorgs- och socialförvaltningen redo för nästa digitala steg, "
        "och därefter utforska vad AI kan bidra med.",
        "implementation": "År 2021 startade förvaltningens ledningsgrupp ett brett "
        "förändringsarbete med helheten i sikte. Det omfattade omvärldsbevakning för att "
        "fånga trender, en kartläggning av vilka kompetenser som kommer att behövas och de "
        "förändringar av organisation och kultur som krävdes.\n\n"
        "Förvaltningen inrättade en ny enhet för användarcentrerad utveckling med inriktning "
        "på välfärdsteknik och digitalisering. Enheten stöder alla delar av arbetet med "
        "innovation: att utforska, styra, utveckla och förvalta.\n\n"
        f"Lidingö stad var en av två kommuner som berättade om sitt arbete och sina lärdomar "
        f"på {_WEBINAR}. Staden satt också med i panelen som svarade på deltagarnas frågor.",
        "law_and_ethics": _NOT_ASSESSED,
        "results": "Förändringsarbetet har lett till konkreta reformer mot en mer innovativ "
        "organisation som är inriktad på effekter, med ett systematiskt förnyelsearbete och "
        "mer stöd för utveckling, särskilt av välfärdsteknik. Nu utforskar staden "
        "möjligheterna med AI.",
        # Table 1 itself ties the change work to being ready for AI.
        "lessons_learned": "Att göra organisationen redo var ett mål i sig: "
        "förändringsarbetet sedan 2021 gjordes för att förvaltningen skulle bli redo för "
        "nästa digitala steg. Reformerna har gett resultat, och nu utforskar staden "
        "möjligheterna med AI.",
        **_from_article(
            _ARTICLES + "lidingo-stad-har-gjort-sin-organisation-redo-for-ai",
            "Lidingö stad har gjort sin organisation redo för AI",
        ),
        "editor_note": _CUT_OFF + "Artikelns avsnitt om insikter och framgångsfaktorer syns inte.",
        "tags": ["förändringsledning", "organisation", "webbinarium"],
    },
    {
        "municipality": "Linköping",
        "title": "AI kan assistera i att förutsäga framtida SiS- och HVB-placeringsbehov",
        "ingress": "Socialtjänsten i Linköpings kommun prövade om ett AI-verktyg kunde "
        "förutsäga behovet av placeringar på SiS-institutioner och HVB-hem. Verktyget nådde "
        "inte målet och utvecklas inte vidare, men arbetet gav kommunen mycket kunskap.",
        # SiS and HVB placements are decided within individual and family care.
        "area": Area.INDIVIDUAL_FAMILY,
        # The article: the tool did not reach its goal and will not be developed further;
        # its fact box gives the period November 2022 – October 2023.
        "phase": Phase.ENDED,
        "technique": Technique.PREDICTION,
        "period": "november 2022 – oktober 2023",
        "purpose": "Att förutsäga behovet av platser på HVB och på SiS särskilda "
        "ungdomshem, så att kommunen kan planera för framtida behov och budget.",
        "goals": "Kommunen hoppades att prognoserna skulle göra det lättare att planera för "
        "framtida budget och behov, och att ett AI-verktyg skulle ge bättre prognoser och "
        "frigöra tid för medarbetarna. Ett andra mål var att höja kunskapen om AI i "
        "organisationen.",
        "implementation": "Kommunen hade tidigare prövat andra lösningar utan AI. Först "
        "vände sig socialtjänsten till sin leverantör av IT-tjänster för tekniska råd. "
        "Efter en beviljad ansökan kom kommunen med i Vinnovas program ”Starta er AI-resa”.\n\n"
        "I projektgruppen fanns kompetens inom socialtjänst, verksamhetssystem, "
        "digitalisering och juridik, och handläggare och enhetschefer var med i arbetet. "
        "Verktyget skulle göra prognoser över placeringar hos Statens institutionsstyrelse "
        "(SiS) och i hem för vård eller boende (HVB).",
        "technology": "Ett prognosverktyg byggt med maskininlärning.",
        "law_and_ethics": _NOT_ASSESSED
        + "\n\nInnan ramverket för verktyget byggdes gjorde projektet konsekvensbedömningar "
        "av risker och möjligheter, och kommunens dataskyddsombud rådfrågades. Hela den "
        "tekniska processen dokumenterades för att arbetet skulle gå att granska.",
        "results": "Verktyget gav inte de prognoser som var målet, och kommunen utvecklar "
        "det inte vidare. Arbetet gav ändå mycket kunskap.",
        "lessons_learned": "Bedöm riskerna tidigt, arbeta i en grupp med flera kompetenser, "
        "juridik inräknad, och dokumentera arbetet så att det blir öppet. Ett verktyg som "
        "inte når målet kan ändå ge kunskap.",
        **_from_article(
            _ARTICLES_BARE_HOST
            + "kan-ai-assistera-i-att-forutsaga-framtida-sis--och-hvb-placeringsbehov",
            "Kan AI assistera i att förutsäga framtida SiS- och HVB-placeringsbehov?",
        ),
        "editor_note": _CUT_OFF + "Artikeln nämner konsekvensbedömningar av risker och "
        "möjligheter och att dataskyddsombudet rådfrågades, men inte uttryckligen en "
        "konsekvensbedömning avseende dataskydd: fråga kommunen innan den uppgiften fylls i. "
        "Vilka data som användes syns inte.",
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
        "purpose": "Att med hjälp av AI se vilka stöd- och arbetsmarknadsinsatser som ger "
        "bäst effekt.",
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
        "beskrivet hos Vinnova. I november 2023 pågick projektet fortfarande.",
        "technology": "Maskininlärning på förvaltningens egna data om arbetsmarknadsinsatser "
        "och ekonomiskt bistånd.",
        "law_and_ethics": _NOT_ASSESSED,
        "results": "Projektet stötte på problem eftersom datan hade bristfällig struktur.",
        # Table 1 ties the data lesson to Malmö.
        "lessons_learned": "Bristfällig struktur på datan gjorde att projektet stötte på "
        "patrull.\n\n"
        "Det är en erfarenhet som slutrapporten också drar generellt: tillgången till data "
        "och kvaliteten på den avgör om en AI-lösning kan tas i bruk, och AI behöver data "
        "som är strukturerad.",
        **_from_report(),
        "editor_note": "Ingen artikel om Malmö hittades på den tidigare webbplatsen. "
        "Uppgifterna kommer från slutrapporten (tabell 1 och bilagan med Vinnovas projekt).",
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
        "larmar när något ovanligt har hänt, och AI som ska kunna varna för olyckor och "
        "sjukdom utifrån hur en person använder vatten och el eller rör sig.",
        "area": Area.ELDERLY_CARE,
        # The article describes research in two steps, the first one finished; no outcome.
        "phase": Phase.EXPLORING,
        "technique": Technique.SENSORS,
        "period": "februari 2021 – december 2024 (planerat slut)",
        "purpose": "Att tidigt kunna varna för risk för olyckor eller sjukdom hos personer "
        "inom äldreomsorgen, både i det egna hemmet och i kommunens boenden.",
        "data_used": "Data från sensorer: förbrukning av vatten och el och rörelsemönster",
        "goals": "Ökad trygghet inom äldreomsorgen med hjälp av larm. Tanken är att AI som "
        "analyserar avvikelser i förbrukningen av vatten och el eller i rörelsemönster kan "
        "avslöja sjukdom, en olycka, ett förändrat hälsotillstånd eller ett behov av att "
        "ändra medicineringen.",
        "implementation": "Arbetet bygger vidare på ett tidigare projekt, finansierat av "
        "Vinnova, där sensorer sattes upp i testlägenheter. Det sker i två steg med var sitt "
        "forskningsprojekt. Det första, Internet of things inom vård och omsorg (IVO), pågick "
        "från september 2018 till november 2021 och handlade om AI-analys av sakernas "
        "internet i människors egna hem. En av frågorna var om kommunen själv ska bygga "
        "lösningarna eller förlita sig på större nationella projekt.",
        "technology": "Sensorer kopplade till internet (sakernas internet) och AI som "
        "letar efter avvikelser i mönster. Slutrapporten beskriver en radarkamera som "
        "larmar när något ovanligt har skett.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_article(
            _ARTICLES + "ai-kan-hjalpa-till-att-upptacka-olyckor-och-sjukdom",
            "AI kan hjälpa till att upptäcka olyckor och sjukdom",
        ),
        "editor_note": _CUT_OFF + "Det andra projektet, resultatet, juridiken och lärdomarna "
        "syns inte, och radarkameran nämns bara i slutrapportens tabell 1. Kommunens egna "
        "sidor om ett uppföljande projekt är inte kontrollerade och står inte på sidan.",
        "tags": ["äldreomsorg", "välfärdsteknik", "larm", "sensorer"],
    },
    {
        "municipality": "Strängnäs",
        "title": "AI-språkmodell som hjälp vid orosanmälningar",
        "ingress": "Socialtjänsten i Strängnäs kommun har undersökt om en AI-språkmodell kan "
        "automatisera en del av arbetsflödet när en orosanmälan kommer in. Resultaten var "
        "lovande, men flera utmaningar återstår och någon lansering blir det inte.",
        # A report of concern (orosanmälan) about a child is handled in individual and family care.
        "area": Area.INDIVIDUAL_FAMILY,
        # The article: the project ended at the end of 2021 and there will be no launch.
        "phase": Phase.ENDED,
        "technique": Technique.LANGUAGE_MODEL,
        "period": "förstudie hösten 2020, projekt september–december 2021",
        "purpose": "Att låta en AI-språkmodell sköta vissa steg i arbetsflödet när en "
        "anmälan om oro för ett barn kommer in.",
        "goals": "Att ta reda på om en AI-språkmodell kan automatisera en del av "
        "arbetsflödet vid en orosanmälan.",
        "implementation": "Efter en förstudie hösten 2020 kom projektet i gång på allvar i "
        "september 2021 och avslutades vid årets slut. Det var ett utforskande projekt för "
        "lärande med bidrag från Vinnova, där medarbetare från socialkontoret och "
        "digitaliseringsenheten arbetade tillsammans.\n\n"
        "Parallellt drev kommunen ett lokalt finansierat projekt med robotiserad "
        "processautomation (RPA) för samma arbetsflöde. RPA har kommunen använt sedan 2018 i "
        "andra processer, som ansökningar om försörjningsstöd och skolskjuts, där tiden per "
        "ärende har minskat.",
        "technology": "En stor språkmodell (LLM).",
        "law_and_ethics": _NOT_ASSESSED
        + "\n\nSKR har gjort en rättslig genomgång av AI i socialtjänsten som bland annat "
        "handlar om anmälningar och förhandsbedömningar om barn och unga. En sammanfattning "
        "finns under Frågor och svar på sidan "
        "[Webbinarium: AI i socialtjänsten](/webbinarium/). Genomgången gäller socialtjänsten "
        "i allmänhet och är inte en bedömning av Strängnäs initiativ.",
        "results": "Resultaten var lovande, men flera utmaningar återstår och lösningen "
        "kommer inte att lanseras. Projektet blev början på kommunens arbete med AI, och "
        "kommunen vill dela med sig av sina erfarenheter till andra.",
        # Table 1 ties this lesson to Strängnäs.
        "lessons_learned": "Resultaten är lovande, men flera utmaningar kvarstår innan en "
        "lösning kan tas i bruk.",
        **_from_article(
            _ARTICLES_BARE_HOST + "ai-verktyg-som-hjalp-vid-inkommen-anmalan-om-oro-for-barn",
            "AI-verktyg som hjälp vid inkommen anmälan om oro för barn",
        ),
        # Once a sentence on the public page ("Källan beskriver inte ..."): a note for editors.
        "editor_note": _CUT_OFF + "Varken slutrapporten eller den synliga delen av artikeln "
        "säger vilka utmaningarna är.",
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
        # The article: introduced in December 2023 and already used to launch AI solutions.
        "phase": Phase.IN_PRODUCTION,
        "technique": Technique.PLATFORM,
        "period": "juni 2023–, i bruk sedan december 2023",
        "purpose": "Att korta tiden det tar att bygga nya AI-lösningar, göra det enkelt att "
        "dela lösningar med andra kommuner och ta emot deras, och slippa dubbelarbete.",
        "data_used": "Strukturerade och ostrukturerade data",
        # The article: a long-term agreement with a supplier for operation and development.
        "sourcing": Sourcing.BOUGHT,
        "goals": "Att utvecklingen av AI-lösningar ska gå snabbare och att det ska bli "
        "enklare för kommuner att dela teknik med varandra.",
        "implementation": "Plattformen har utvecklats och testats steg för steg sedan juni "
        "2023 och infördes i december 2023. Kommunen har ett långsiktigt avtal med en "
        "leverantör om drift och vidareutveckling.\n\n"
        "Kommunen vill se mer samarbete om AI mellan kommuner: att alla 290 kommuner bygger "
        "var för sig är enligt Sundsvall inte effektivt.",
        "technology": "En gemensam teknisk plattform för generativ AI med inriktning på "
        "text, till exempel för att förutsäga, skapa och analysera text. Plattformen är "
        "kopplad till kommunens IT-system.",
        "law_and_ethics": _NOT_ASSESSED,
        "results": "Plattformen används sedan december 2023 och har redan använts för att "
        "bygga och införa AI-lösningar. Användningen och funktionerna utvecklas vidare.",
        "lessons_learned": "Samarbeta mellan kommuner, återanvänd i stället för att uppfinna "
        "hjulet på nytt och bygg den gemensamma infrastrukturen först.",
        **_from_article(
            _ARTICLES + "sundsvalls-kommun-bygger-gemensam-ai-plattform",
            "Sundsvalls kommun bygger gemensam AI-plattform",
        ),
        "editor_note": _CUT_OFF + "Hela avsnittet om lärdomar syns inte.",
        "tags": ["plattform", "samverkan", "gemensamma lösningar"],
    },
    {
        "municipality": "Uppsala",
        "title": "Chatboten RiTA ska svara på frågor om arbetsmarknadsförvaltningens rutiner",
        "ingress": "Arbetsmarknadsförvaltningen i Uppsala kommun utvecklar RiTA, en chattbot "
        "som med hjälp av AI svarar på frågor om förvaltningens rutiner och andra styrande "
        "dokument.",
        "area": Area.FINANCIAL_SUPPORT,
        # Table 1: "utvecklar"; the article: ongoing in early 2024.
        "phase": Phase.DEVELOPMENT,
        "technique": Technique.CHATBOT,
        # The article's fact box: 6 November 2023 – 31 May 2024, a date to the day.
        "started_on": datetime.date(2023, 11, 6),
        "period": "6 november 2023 – 31 maj 2024",
        "purpose": "Att medarbetarna snabbt ska få svar på frågor om förvaltningens rutiner "
        "och andra styrande dokument, och att förvaltningen ska lära sig inför kommande "
        "satsningar på AI.",
        "data_used": "Textdata: förvaltningens rutiner och andra styrande dokument",
        # The article: staff, the IT department, a technology company and Uppsala universitet.
        "sourcing": Sourcing.JOINT,
        "goals": "Chattboten ska skapa praktisk nytta i verksamheten och samtidigt ge "
        "lärdomar inför kommande satsningar på AI.",
        "implementation": "Förvaltningen skrev ansökan våren 2023, och projektet startade "
        "sent på hösten samma år med delfinansiering från Vinnova. I arbetet deltar "
        "medarbetare från förvaltningen, kommunens IT-avdelning, experter från ett "
        "teknikföretag och forskare från institutionen för informatik och media vid "
        "Uppsala universitet.\n\n"
        "Ett tidigare försök med AI för att kontrollera försörjningsstöd gav inte det "
        "resultat förvaltningen hade hoppats på.",
        "technology": "En chattbot som använder AI för att svara på frågor utifrån "
        "förvaltningens rutiner och styrande dokument.",
        "law_and_ethics": _NOT_ASSESSED,
        "results": "Medarbetarna har varit positiva till chattboten från början.",
        **_from_article(
            _ARTICLES_BARE_HOST
            + "chatboten-rita-ska-svara-pa-fragor-om-arbetsmarknadsforvaltningens-rutiner",
            "Chatboten RiTA ska svara på frågor om arbetsmarknadsförvaltningens rutiner",
        ),
        "editor_note": _CUT_OFF + "Hur projektet slutade och avsnittet om lärdomar syns "
        "inte. Vinnovas projektsida (inte kontrollerad här) anger projektet som avslutat.",
        "tags": ["chattbot", "rutiner", "arbetsmarknad", "kunskapsstöd"],
    },
    {
        "municipality": "Vetlanda",
        "title": "AI förebygger framtida behov",
        "ingress": "Vetlanda kommun har tagit fram en AI-tjänst som ska peka ut de patienter "
        "som kommer att behöva hemtjänst eller hemsjukvård, för att kunna arbeta mer "
        "förebyggande.",
        # Vinnova: AI "inom den kommunala hälso- och sjukvården".
        "area": Area.HEALTH_CARE,
        # The article: the project ran November 2022 – January 2024, and when it ended the
        # service was not finished and no decision had been taken to develop it further.
        "phase": Phase.ENDED,
        "technique": Technique.PREDICTION,
        "period": "november 2022 – januari 2024",
        "purpose": "Att förutse framtida behov av vård och omsorg så att insatser kan "
        "sättas in tidigt, i första hand som stöd för legitimerad personal.",
        "data_used": "Strukturerade data",
        # The article: with Högskolan i Halmstad on the model, in dialogue with AI Sweden.
        "sourcing": Sourcing.JOINT,
        "goals": "Tjänsten ska identifiera patienter som kommer att behöva hemtjänst eller "
        "hemsjukvård.\n\n"
        "I projektbeskrivningen hos Vinnova skriver kommunen att den vill använda AI i den "
        "kommunala hälso- och sjukvården för att stödja en vård och omsorg som utgår från "
        "individen, med ett rehabiliterande och proaktivt förhållningssätt.",
        "implementation": "Arbetet skedde i projektet "
        "[Vetlanda in i framtiden (vinnova.se)]"
        "(https://www.vinnova.se/p/vetlanda-in-i-framtiden/), som fick stöd av Vinnova 2022. "
        "Projektet var planerat till ett år och förlängdes med ett par månader.\n\n"
        "Arbetet drevs från verksamheten med en projektledare därifrån, och medicinskt "
        "ansvarig sjuksköterska (MAS) var med. Kommunen hade en nära dialog med AI Sweden, "
        "genom dess plattform och nätverksträffar, och samarbetade med Högskolan i Halmstad "
        "om prognosmodellen.",
        "technology": "En AI-tjänst med en prognosmodell som förutser vilka patienter som "
        "kommer att behöva hemtjänst eller hemsjukvård.",
        "law_and_ethics": _NOT_ASSESSED
        + "\n\nDen etiska diskussionen handlade framför allt om huruvida man kan lita på "
        "modellens prognoser.",
        "results": "När projektet slutade i januari 2024 var tjänsten inte helt färdig, och "
        "det fanns inget beslut om att utveckla den vidare.",
        "lessons_learned": "Ett starkt ägarskap i verksamheten, nätverk och "
        "kunskapsutbyte genom AI Sweden och en akademisk partner för modellen bar arbetet. "
        "Frågan om man kan lita på prognoserna var den viktigaste etiska frågan.",
        **_from_article(
            _ARTICLES + "kan-en-ai-tjanst-hjalpa-till-att-forutse-framtida-vard--och-omsorgsbehov",
            "Kan en AI-tjänst hjälpa till att förutse framtida vård- och omsorgsbehov?",
        ),
        "editor_note": _CUT_OFF + "Resten av avsnittet Juridik och etik syns inte.",
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
        # The article: ongoing, in development, not yet in use.
        "phase": Phase.DEVELOPMENT,
        # The article: the service transcribes and analyses the conversation.
        "technique": Technique.SPEECH,
        "period": "oktober 2023 – mars 2024 (utveckling), därefter test och införande",
        "purpose": "Att minska administrationen: socialsekreterarna ska få hjälp att skriva "
        "journalanteckningar under mötet och få mer tid för mötet med invånaren.",
        "data_used": "Tal som sorteras till journalanteckningar",
        "goals": "Att minska den arbetstid som går till dokumentation och frigöra mer tid "
        "för mötet med invånaren. Socialsekreterarna i kommunen lägger omkring 70 procent "
        "av sin arbetstid på journaler och annan dokumentation, och tidigare "
        "digitaliseringsprojekt räckte inte för att ändra på det.",
        "implementation": "Projektet pågår och utforskar olika sätt att korta tiden för "
        "dokumentation. Tjänsten utvecklades från oktober 2023 till mars 2024 och ska "
        "sedan testas och införas.\n\n"
        f"Värmdö kommun var en av två kommuner som berättade om sitt arbete och sina "
        f"lärdomar på {_WEBINAR}. Kommunen satt också med i panelen som svarade på "
        f"deltagarnas frågor.",
        "technology": "En AI-tjänst som skriver ut och analyserar samtalet. Den nås från "
        "tjänstemobilen och tjänstedatorn.",
        "law_and_ethics": _NOT_ASSESSED,
        **_from_article(
            _ARTICLES + "ai-i-mobilen-kan-spara-tid-for-socialsekreterare",
            "AI i mobilen kan spara tid för socialsekreterare",
        ),
        "editor_note": _CUT_OFF + "Genomförandet är avklippt: den synliga början säger att "
        "det inte bedömdes praktiskt eller ekonomiskt att bygga lösningen helt själv. Fråga "
        "kommunen innan ”Hur lösningen tagits fram” fylls i.",
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
