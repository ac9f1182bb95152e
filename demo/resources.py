"""Support and tools ("Stöd och verktyg") per category, described in our own words.

- Juridik: the thirteen resources that the original site's Juridik page lists (seed 001),
  titles exactly as there, each publisher once (PUBLISHERS). The seed gives only the
  domain of each link, so the link goes to that organisation's home page unless the
  final report gives the page's own address; no deeper path is guessed.
- Forskning och utbildning: every research project, journal article and report of the
  final report's appendix (Bilaga 1), once each.
- The other six categories: material the final report names, with the addresses it gives.

A resource appears in a second category only where it truly serves both (for example
Vinnova-funded projects, which table 2 names as examples under Finansiering).
"""

from resources.models import Resource

Format = Resource.Format

DIGG = "Myndigheten för digital förvaltning (Digg)"
SKR = "Sveriges Kommuner och Regioner (SKR)"
REPORT_SENDERS = f"{DIGG}, E-hälsomyndigheten och Socialstyrelsen"
ENGLISH = Resource.Language.ENGLISH


def _organisation(name, short_name="", url=""):
    return {"name": name, "short_name": short_name, "url": url}


# Who stands behind the material: one entry per organisation (or, for a research article,
# its authors), named as the seeds name them. Resources below refer to these by the name
# visitors see ("Sveriges Kommuner och Regioner (SKR)"). Web addresses only where the
# seeds link to the organisation's own site.
_ORGANISATIONS = [
    _organisation("Myndigheten för digital förvaltning", "Digg", "https://www.digg.se/"),
    _organisation("Sveriges Kommuner och Regioner", "SKR", "https://skr.se/"),
    _organisation(REPORT_SENDERS),
    _organisation(f"{DIGG} i samarbete med Arbetsförmedlingen, Skatteverket och Bolagsverket"),
    _organisation("Socialstyrelsen", url="https://www.socialstyrelsen.se/"),
    _organisation("E-hälsomyndigheten", url="https://www.ehalsomyndigheten.se/"),
    _organisation("eSam", url="https://www.esamverka.se/"),
    _organisation("Vinnova", url="https://www.vinnova.se/"),
    _organisation("AI Sweden", url="https://www.ai.se/"),
    _organisation("Adda", url="https://www.adda.se/"),
    _organisation("Tillväxtanalys", url="https://www.tillvaxtanalys.se/"),
    _organisation("Vetenskapsrådet", url="https://www.vr.se/"),
    _organisation("Stockholms universitet", url="https://www.su.se/"),
    _organisation("Umeå universitet", url="https://www.umu.se/"),
    _organisation("Högskolan i Borås", url="https://www.hb.se/"),
    _organisation("Germundsson N, Stranz H (International Journal of Social Welfare)"),
    _organisation("Kaun A (Information, Communication & Society)"),
    _organisation("Ranerup A, Henriksen HZ (Social Science Computer Review)"),
    _organisation("Hjelte J, Höög E, Nordström A"),
    _organisation("Nordesjö K, Ulmestig R, Scaramuzzino G (Nordic Social Work Research)"),
    _organisation("Ranerup A, Svensson L"),
    _organisation("Arnelid M (Score, Stockholm centre for organization research)"),
    _organisation("Carlsson JS, Svensson P"),
    _organisation("Svensson L (Socialhögskolan, Lunds universitet)"),
    _organisation("Scaramuzzino G (Socialhögskolan, Lunds universitet)"),
]


def display_name(organisation) -> str:
    short = organisation["short_name"]
    return f"{organisation['name']} ({short})" if short else organisation["name"]


PUBLISHERS = {display_name(organisation): organisation for organisation in _ORGANISATIONS}

# Home pages, for links where the seeds give only the domain.
DIGG_HOME = "https://www.digg.se/"
ESAM_HOME = "https://www.esamverka.se/"
SOCIALSTYRELSEN_HOME = "https://www.socialstyrelsen.se/"

_ONGOING = (
    "Projektet pågick när slutrapportens litteraturförteckning sammanställdes i november 2023."
)


def _also(entry, **changes):
    """The same resource listed in a second category, optionally described for that use."""
    return {**entry, **changes}


# --- Entries listed in more than one category --------------------------------------------

FORTROENDEMODELLEN = {
    "title": "Förtroendemodellen",
    "url": "https://www.dataportal.se/",
    "publisher": "Myndigheten för digital förvaltning (Digg) i samarbete med Arbetsförmedlingen, "
    "Skatteverket och Bolagsverket",
    "description": "Förtroendemodellen för artificiell intelligens är ett verktyg där "
    "organisationer i offentlig sektor själva kan utvärdera hur de använder AI. Modellen "
    "har ett eget avsnitt om juridik.",
    "format": Format.TOOL,
    "tags": ["självutvärdering", "förtroende"],
}

VETLANDA_VINNOVA = {
    "title": "Vetlanda in i framtiden",
    "url": "https://www.vinnova.se/p/vetlanda-in-i-framtiden/",
    "publisher": "Vinnova",
    "description": "Ett projekt i Vetlanda kommun som ska ge kommunen möjlighet att "
    "kompetensutveckla sig inom hälsoinnovation och samhällets digitalisering, och steg för "
    "steg lära sig mer om hur AI kan användas för både strategiska och operativa beslut. "
    "Med AI i den kommunala hälso- och sjukvården vill kommunen stödja en vård och omsorg "
    "som utgår från individen, med ett rehabiliterande och proaktivt förhållningssätt. " + _ONGOING,
    "format": Format.RESEARCH_PROJECT,
    "year": 2022,
    "tags": ["vinnova", "hemsjukvård", "kompetensutveckling"],
}

MALMO_VINNOVA = {
    "title": "Artificiell Intelligens, Riktiga Människor",
    "url": "https://www.vinnova.se/p/artificiell-intelligens-riktiga-manniskor/",
    "publisher": "Vinnova",
    "description": "Det första projektet med AI vid Arbetsmarknads- och "
    "socialförvaltningen i Malmö stad. Förvaltningen ska lära sig mer om AI och när, och "
    "med vilka data, AI är lämpligt. Målet är att ta reda på om förvaltningens data om "
    "arbetsmarknad och ekonomiskt bistånd har den kvalitet och det informationsinnehåll som "
    "maskininlärning kräver, och i så fall under vilka förutsättningar. " + _ONGOING,
    "format": Format.RESEARCH_PROJECT,
    "year": 2022,
    "tags": ["vinnova", "maskininlärning", "datakvalitet", "ekonomiskt bistånd"],
}

TOMELILLA_VINNOVA = {
    "title": "Kommunklar: AI-chat för ökad delaktighet",
    "url": "https://www.vinnova.se/p/kommunklar-ai-chat-for-okad-delaktighet/",
    "publisher": "Vinnova",
    "description": "Ett projekt i Tomelilla kommun som vill öka invånarnas delaktighet med "
    "hjälp av AI. En AI-chatt utvecklas och testas som sammanfattar politiska kallelser och "
    "protokoll och gör dem lättare att ta del av, förstå och ställa frågor om. Tanken är att "
    "stärka den demokratiska processen och engagemanget i kommunens politiska liv. " + _ONGOING,
    "format": Format.RESEARCH_PROJECT,
    "year": 2023,
    "tags": ["vinnova", "chattbot", "delaktighet"],
}

BORAS_STUDY = {
    "title": "När gör tekniken nytta och inte? – ny studie om digitalisering inom socialtjänsten",
    "url": "https://www.hb.se/om-hogskolan/aktuellt/nyhetsarkiv/2022/december/"
    "nar-gor-tekniken-nytta-och-inte--ny-studie-om-digitalisering-inom-socialtjansten/",
    "publisher": "Högskolan i Borås",
    "description": "En studie av hur digitala verktyg används inom två av socialtjänstens "
    "verksamheter: ekonomiskt bistånd och barn och familj. Den undersöker hur "
    "socialsekreterare hanterar det som verktygen inte klarar, för att synliggöra "
    "professionens omdöme – det professionen gör som datorn inte kan. Studien har en "
    "etnografisk ansats och bygger på professionsforskning och forskning om närbyråkrater. "
    + _ONGOING,
    "format": Format.RESEARCH_PROJECT,
    "year": 2022,
    "tags": ["professionellt omdöme", "ekonomiskt bistånd", "barn och unga"],
}

GERMUNDSSON_STRANZ = {
    "language": ENGLISH,
    "title": "Automating social assistance: Exploring the use of robotic process automation "
    "in the Swedish personal social services",
    "url": "",
    "publisher": "Germundsson N, Stranz H (International Journal of Social Welfare)",
    "description": "Artikeln undersöker hur robotiserad processautomatisering (RPA) används "
    "inom ekonomiskt bistånd och vad den betyder för de sökande, utifrån 800 ansökningar i "
    "fyra svenska kommuner. Användningen hänger samman med de sökandes födelseland, ålder och "
    "hur länge de har haft bistånd, och införandet sammanfaller med mindre generösa beslut "
    "som i oproportionerligt hög grad drabbar ekonomiskt utsatta grupper. Författarna "
    "uppmanar offentliga "
    "organisationer att se till att RPA inte ökar ojämlikheten i tillgång till stöd eller "
    "tränger undan det professionella omdömet.",
    "format": Format.ARTICLE,
    "year": 2023,
    "tags": ["automatiserat beslutsfattande", "ekonomiskt bistånd", "jämlikhet"],
}

KAUN = {
    "language": ENGLISH,
    "title": "Suing the algorithm: the mundanization of automated decision-making in public "
    "services through litigation",
    "url": "",
    "publisher": "Kaun A (Information, Communication & Society)",
    "description": "Artikeln handlar om två rättsprocesser om helt automatiserade beslut i "
    "Trelleborgs kommun. Utifrån domar, skriftväxling med Riksdagens ombudsmän (JO) och "
    "intervjuer visar den hur kommunen, ett fackförbund för socialarbetare och tjänstemän "
    "samt journalister förhandlar om vad automatiserat beslutsfattande i socialtjänsten är "
    "och gör.",
    "format": Format.ARTICLE,
    "year": 2022,
    "tags": ["automatiserat beslutsfattande", "rättssäkerhet"],
}

RANERUP_HENRIKSEN = {
    "language": ENGLISH,
    "title": "Digital Discretion: Unpacking Human and Technological Agency in Automated "
    "Decision Making in Sweden’s Social Services",
    "url": "",
    "publisher": "Ranerup A, Henriksen HZ (Social Science Computer Review)",
    "description": "Artikeln studerar en socialtjänst där automatiserat beslutsfattande med "
    "RPA har införts och vad det betyder för handläggarnas handlingsutrymme. Studien finner "
    "att digitaliseringen har en positiv effekt på handläggarnas handlingsutrymme, främst "
    "när det gäller etiska, demokratiska och professionella värden, och att människa och "
    "teknik tillsammans formar om arbetet "
    "med ekonomiskt bistånd. De långsiktiga effekterna och betydelsen för rättvisa och "
    "likformiga beslut behöver mer forskning.",
    "format": Format.ARTICLE,
    "year": 2022,
    "tags": ["automatiserat beslutsfattande", "handlingsutrymme", "ekonomiskt bistånd"],
}

EHM_COST = {
    "title": "Vad kommer det att kosta socialtjänsten att investera i digitala lösningar?",
    "url": "https://www.ehalsomyndigheten.se/yrkesverksam/e-halsostod-till-kommuner/"
    "kunskapsstod-for-e-halsa/sok-bland-kunskapsstoden-for-e-halsa/"
    "skr-vad-kommer-det-att-kosta-socialtjansten-att-investera-i-digitala-losningar/",
    "publisher": "E-hälsomyndigheten",
    "description": "Ett kunskapsstöd om vad det kostar socialtjänsten att investera i "
    "digitala lösningar. Det finns bland kunskapsstöden för e-hälsa hos E-hälsomyndigheten.",
    "format": Format.REPORT,
    "year": 2023,
    "tags": ["kostnader", "nyttorealisering"],
}

SKR_AUTOMATION = {
    "title": "Automatisering av processer och beslut: möjligheter och utmaningar för "
    "kommuner och regioner",
    "url": "https://rapporter.skr.se/automatisering-av-processer-och-beslut.html",
    "publisher": SKR,
    "description": "SKR:s rapport om vilka möjligheter och utmaningar kommuner och regioner "
    "har när de automatiserar processer och beslut.",
    "format": Format.REPORT,
    "year": 2023,
    "tags": ["automatisering", "automatiserat beslutsfattande"],
}


RESOURCES = {
    # Seed 001, "Stöd och verktyg" on the Juridik page: all thirteen, in its order.
    "juridik": [
        {
            "title": "Automatisera handläggning och beslut",
            "url": DIGG_HOME,
            "publisher": DIGG,
            "description": "Diggs vägledning för den som vill automatisera handläggning "
            "och beslut.",
            "tags": ["automatiserat beslutsfattande", "handläggning"],
        },
        {
            # "Checklist" is the seed's spelling of the title.
            "title": "Checklist för jurister",
            "url": ESAM_HOME,
            "publisher": "eSam",
            "description": "En checklista för jurister med frågor om de rättsliga "
            "förutsättningarna när en verksamhet genomför utvecklingsinsatser.",
            "format": Format.PDF,
            "tags": ["checklista", "utvecklingsarbete"],
        },
        {
            "title": "Frågor och svar - tvångs- och skyddsåtgärder",
            "url": "https://kunskapsguiden.se/",
            "publisher": "Socialstyrelsen",
            "description": "Socialstyrelsens samlade frågor och svar om vad som är tillåtet "
            "och inte när det gäller tvångs- och skyddsåtgärder, till exempel om "
            "välfärdsteknik får användas i vården och omsorgen.",
            "format": Format.PDF,
            "tags": ["välfärdsteknik", "tvångs- och skyddsåtgärder"],
        },
        FORTROENDEMODELLEN,
        {
            "title": "Juridik vid användning av AI",
            "url": ESAM_HOME,
            "publisher": "eSam",
            "description": "En checklista som går igenom de rättsliga frågor som uppstår när "
            "en verksamhet använder AI.",
            "format": Format.PDF,
            "tags": ["checklista"],
        },
        {
            "title": "Juridiskt stöd för dokumentation",
            "url": SOCIALSTYRELSEN_HOME,
            "publisher": "Socialstyrelsen",
            "description": "Stöd för medarbetare i hälso- och sjukvården och socialtjänsten "
            "om vilka regler som gäller för informationshantering och dokumentation.",
            "tags": ["dokumentation"],
        },
        {
            "title": "Metodstöd för dataskydd vid innovation",
            "url": DIGG_HOME,
            "publisher": DIGG,
            "description": "Metodstöd för hur dataskyddet ska hanteras när en verksamhet "
            "arbetar med innovation, digitalisering och digital verksamhetsutveckling.",
            "tags": ["dataskydd", "personuppgifter", "innovation"],
        },
        {
            "title": "Nationell informationsstruktur",
            "url": SOCIALSTYRELSEN_HOME,
            "publisher": "Socialstyrelsen",
            "description": "Om nationell informationsstruktur (NI), ett ramverk för "
            "strukturerad dokumentation i vård och omsorg.",
            "tags": ["dokumentation", "datakvalitet"],
        },
        {
            "title": "Reglering av AI: För lite för sent eller för mycket för tidigt?",
            "url": "https://www.tillvaxtanalys.se/",
            "publisher": "Tillväxtanalys",
            "description": "AI är i dag inbyggt i många tekniska lösningar och tjänster och "
            "väntas få ännu större genomslag de närmaste decennierna, med komplexa risker och "
            "osäkerheter som följd. Rapporten analyserar hur EU:s AI-förordning har tagits "
            "fram.",
            "format": Format.REPORT,
            "tags": ["ai-förordningen", "reglering"],
        },
        {
            "title": "Rättsliga förutsättningar för att använda AI i socialtjänsten",
            # The final report gives this page's own address (footnote 14).
            "url": "https://skr.se/skr/integrationsocialomsorg/socialomsorg/"
            "digitaliseringinomsocialtjansten/"
            "rattsligaforutsattningarforattanvandaaiisocialtjansten.53788.html",
            # The sender exactly as the seed writes it.
            "publisher": SKR,
            "description": "SKR:s sida om vilka rättsliga förutsättningar som gäller när "
            "socialtjänsten vill använda AI, med SKR:s rapport och frågor och svar om bland "
            "annat personuppgifter, handläggning och anmälningar om barn och unga.",
            "tags": ["personuppgifter", "prediktion", "barn och unga"],
        },
        {
            "title": "Sammanhållen vård- och omsorgsdokumentation – samlat stöd för omsorgsgivare",
            "url": SOCIALSTYRELSEN_HOME,
            "publisher": "Socialstyrelsen",
            "description": "Regler och riktlinjer för den som vill ansluta sig till systemet "
            "för sammanhållen vård- och omsorgsdokumentation.",
            "tags": ["dokumentation", "informationsutbyte"],
        },
        {
            "title": "Skapa automationsvänliga regelverk",
            "url": DIGG_HOME,
            "publisher": DIGG,
            "description": "Stöd och rekommendationer för att skriva regelverk som är "
            "anpassade efter hur en dator fungerar, så att det blir enklare att låta en "
            "maskin eller teknik utföra olika arbetsmoment.",
            "tags": ["automatisering", "regelverk"],
        },
        {
            "title": "Utforma regelverk digitaliseringsvänligt",
            "url": DIGG_HOME,
            "publisher": DIGG,
            "description": "Stöd och rekommendationer för att utforma regelverk som gör det "
            "lättare att digitalisera och att arbeta digitalt.",
            "tags": ["regelverk", "digitalisering"],
        },
    ],
    # Appendix (Bilaga 1): "Forskningsartiklar" (research projects), "Tidskrifter",
    # "Rapporter" and "Övrigt". Högskolan i Borås appears under two headings; listed once.
    "forskning-och-utbildning": [
        {
            "title": "Kraftsamling för AI i kommuner och civilsamhälle",
            "url": "https://my.ai.se/projects/164",
            "publisher": "AI Sweden",
            "description": "Vinnova och AI Sweden kraftsamlar under perioden 2022–2024 för "
            "att kommuner och civilsamhälle ska använda mer AI. Bakgrunden är regeringens mål "
            "att Sverige ska vara ledande i att ta tillvara möjligheterna med AI, för att "
            "stärka både välfärden och konkurrenskraften. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2022,
            "tags": ["kompetensutveckling", "vinnova"],
        },
        {
            "title": "Framtidens Digitala Assistent för Offentlig Sektor",
            "url": "https://my.ai.se/projects/293",
            "publisher": "AI Sweden",
            "description": "En AI-baserad digital assistent som ska hjälpa medarbetare i "
            "offentlig sektor med många slags textuppgifter. Den bygger på en svensk "
            "språkmodell som tränas med instruktioner från medarbetarna och förbättras "
            "löpande av deras återkoppling (RLHF, förstärkningsinlärning med mänsklig "
            "återkoppling). Att utvecklingen hålls under egen kontroll ska ge insyn i teknik "
            "och träningsdata, värna integritet och digital suveränitet och göra det möjligt "
            "att använda assistenten även för känslig information. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2023,
            "tags": ["språkmodell", "digital assistent"],
        },
        BORAS_STUDY,
        {
            "title": "Mot ökad likriktning? Om utfall av automatiserat beslutsstöd i arbetet "
            "med ekonomiskt bistånd",
            "url": "https://www.su.se/forskning/forskningsprojekt/"
            "mot-%C3%B6kad-likriktning-om-utfall-av-automatiserat-beslutsst%C3%B6d-i-arbetet-"
            "med-ekonomiskt-bist%C3%A5nd",
            "publisher": "Stockholms universitet",
            "description": "Projektet studerar automatiserat beslutsstöd i socialtjänstens "
            "arbete med ekonomiskt bistånd, där en robot sköter delar av utredningen och "
            "föreslår beslut som socialarbetaren fastställer eller prövar om. Det undersöker "
            "förändringar i bifallsgrad, belopp och beslutsvariationer och om de slår olika "
            "mot olika grupper, vilken roll socialarbetarna får och hur deras arbete "
            "förändras. Data hämtas från fem kommuner som har använt automatiserat "
            "beslutsstöd en tid. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2021,
            "tags": ["automatiserat beslutsfattande", "ekonomiskt bistånd"],
        },
        {
            "title": "Användbar automatisering: mot en förståelse av robotar och AI i "
            "socialtjänsten ur ett organisatoriskt och brukarperspektiv",
            "url": "https://www.umu.se/forskning/projekt/anvandbar-automatisering-mot-en-"
            "forstaelse-av-robotar-och-ai-i-socialtjansten-ur-ett-organisatoriskt-och-"
            "brukarperspektiv/",
            "publisher": "Umeå universitet",
            "description": "Ett sexårigt forskningsprogram om hur automatisering bäst kan "
            "införas i socialtjänsten, hur den påverkar personal och brukare och vilken "
            "betydelse ledarskapet har. Programmet ska ge kunskap om vad kommuner behöver ta "
            "hänsyn till när de inför välfärdsteknik i socialtjänsten. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2021,
            "tags": ["automatisering", "välfärdsteknik", "ledarskap"],
        },
        {
            "language": ENGLISH,
            "title": "Re@home – Evaluation of home rehabilitation for older people: A realist "
            "evaluation design",
            "url": "https://www.vr.se/english/swecris.html#/project/2021-01791_Forte",
            "publisher": "Vetenskapsrådet",
            "description": "Hemrehabilitering för äldre är vanlig, men det finns lite "
            "forskning om vad insatserna innehåller, hur väl de fungerar och hur "
            "hemrehabiliteringen samarbetar med socialtjänsten och hälso- och sjukvården. "
            "Projektet utvärderar hemrehabilitering för äldre. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2021,
            "tags": ["äldreomsorg", "rehabilitering"],
        },
        {
            "language": ENGLISH,
            "title": "Mapping, development and evaluation of sustainable models for "
            "digitalization of addiction care in social services",
            "url": "https://www.vr.se/english/swecris.html#/project/2021-02066_Forte",
            "publisher": "Vetenskapsrådet",
            "description": "Upp till var femte vuxen i Sverige kan ha ett problematiskt bruk "
            "av alkohol, cannabis eller spel, men få söker hjälp. De som gör det möter ofta "
            "en splittrad vård där ansvaret delas mellan kommunernas socialtjänst och "
            "regionernas hälso- och sjukvård. Projektet kartlägger, utvecklar och utvärderar "
            "hållbara modeller för att digitalisera missbruksvården i socialtjänsten. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2022,
            "tags": ["missbruk", "digitalisering"],
        },
        {
            "language": ENGLISH,
            "title": "Development and evaluation of a digital twin for person-centred home "
            "care from client and social service perspectives",
            "url": "https://www.vr.se/english/swecris.html#/project/2021-02121_Forte",
            "publisher": "Vetenskapsrådet",
            "description": "Det behövs forskning som kan utveckla socialtjänsten och förbättra "
            "livssituationen för dem som har hemtjänst, inte minst forskning om "
            "välfärdsteknik för nya arbetssätt. Projektet utvecklar och utvärderar en "
            "digital tvilling för personcentrerad hemtjänst i nära samarbete med brukare och "
            "socialtjänst. " + _ONGOING,
            "format": Format.RESEARCH_PROJECT,
            "year": 2022,
            "tags": ["hemtjänst", "välfärdsteknik"],
        },
        VETLANDA_VINNOVA,
        MALMO_VINNOVA,
        TOMELILLA_VINNOVA,
        # "Tidskrifter"
        GERMUNDSSON_STRANZ,
        {
            "title": "Kunskap och expertis i små glesbygdskommuners socialtjänst – synen på "
            "utmaningar och lösningar",
            "url": "",
            "publisher": "Hjelte J, Höög E, Nordström A",
            "description": "Socialtjänsten i små glesbygdskommuner har svårt att hålla "
            "kunskap och expertis inom alla områden, eftersom socialarbetarna ofta arbetar "
            "brett och vissa ärenden är ovanliga. Artikeln bygger på hur företrädare för "
            "socialtjänsten i åtta glesbygdskommuner ser på saken, i ett "
            "aktionsforskningsprojekt. Samverkan ses som en lösning, och synen på digital "
            "teknik, som webbaserad utbildning och handledning, är genomgående positiv.",
            "format": Format.ARTICLE,
            "year": 2023,
            "tags": ["glesbygd", "kompetensförsörjning", "digitalisering"],
        },
        KAUN,
        {
            "language": ENGLISH,
            "title": "Saving time for activation or relationships?: The legitimation and "
            "performance of automated decision-making for time efficiency in two "
            "street-level bureaucracies serving poor and unemployed clients",
            "url": "",
            "publisher": "Nordesjö K, Ulmestig R, Scaramuzzino G (Nordic Social Work Research)",
            "description": "Många svenska kommuner har infört automatiserat beslutsfattande "
            "i socialtjänsten för att nå rättssäkerhet, inflytande för klienten och "
            "tidseffektivitet. Artikeln jämför två kommuners enheter för ekonomiskt bistånd "
            "utifrån 17 intervjuer med chefer och handläggare. Automatiseringen motiveras "
            "med aktivering och relationer, och tiden används till att hantera fler "
            "ansökningar eller till mer tid med klienterna, snarare än till högre kvalitet i "
            "biståndet.",
            "format": Format.ARTICLE,
            "year": 2023,
            "tags": ["automatiserat beslutsfattande", "ekonomiskt bistånd", "tidsbesparing"],
        },
        RANERUP_HENRIKSEN,
        {
            "language": ENGLISH,
            "title": "Automated decision-making, discretion and public values: a case study "
            "of two municipalities and their case management of social assistance",
            "url": "",
            "publisher": "Ranerup A, Svensson L",
            "description": "En fallstudie av hur två kommuner handlägger ekonomiskt bistånd. "
            "Artikeln visar hur människor (handläggare, klienter) och teknik (ärendesystem, "
            "e-ansökan, RPA, algoritmer) tillsammans formar handläggarnas digitala "
            "handlingsutrymme och vilka etiska, demokratiska och professionella värden som "
            "blir resultatet. Handlingsutrymmet är ingen ja- eller nej-fråga utan beror på "
            "hur tekniken är utformad och används.",
            "format": Format.ARTICLE,
            "year": 2023,
            "tags": ["automatiserat beslutsfattande", "handlingsutrymme", "ekonomiskt bistånd"],
        },
        # "Rapporter"
        {
            "title": "Robothandläggare i socialtjänsten: Sveriges kommuner och regioners roll "
            "vid automatisering av ekonomiskt bistånd",
            "url": "",
            "publisher": "Arnelid M (Score, Stockholm centre for organization research)",
            "description": "En rapport om vilken roll Sveriges Kommuner och Regioner har haft "
            "när kommuner har automatiserat handläggningen av ekonomiskt bistånd.",
            "format": Format.REPORT,
            "year": 2021,
            "tags": ["automatisering", "ekonomiskt bistånd"],
        },
        {
            "title": "Digitaliserat ekonomiskt bistånd – Konstruktioner av ”nya” relationer "
            "inom socialtjänsten",
            "url": "",
            "publisher": "Carlsson JS, Svensson P",
            "description": "En rapport, utgiven i Borås, om hur ”nya” relationer inom "
            "socialtjänsten tar form när ekonomiskt bistånd digitaliseras.",
            "format": Format.REPORT,
            "year": 2021,
            "tags": ["ekonomiskt bistånd", "digitalisering"],
        },
        EHM_COST,
        {
            "title": "Socialtjänst i förändring",
            "url": "https://skr.se/skr/tjanster/rapporterochskrifter/publikationer/"
            "socialtjanstiforandring.65544.html",
            "publisher": SKR,
            "description": "En skrift från SKR om en socialtjänst i förändring.",
            "format": Format.REPORT,
            "year": 2020,
            "tags": ["verksamhetsutveckling"],
        },
        {
            "title": "Vägledning för digital tillsyn",
            "url": "https://skr.se/skr/tjanster/rapporterochskrifter/publikationer/"
            "vagledningfordigitaltillsyn.65810.html",
            "publisher": SKR,
            "description": "En vägledning från SKR om tillsyn som görs digitalt.",
            "format": Format.REPORT,
            "year": 2021,
            "tags": ["tillsyn", "digitalisering"],
        },
        SKR_AUTOMATION,
        {
            "title": "”Tekniken är den enkla biten”: Om att implementera digital "
            "automatisering i handläggningen av försörjningsstöd",
            "url": "",
            "publisher": "Svensson L (Socialhögskolan, Lunds universitet)",
            "description": "En studie om att införa digital automatisering i handläggningen "
            "av försörjningsstöd.",
            "format": Format.REPORT,
            "year": 2019,
            "tags": ["automatisering", "ekonomiskt bistånd", "förändringsledning"],
        },
        # "Övrigt" (the Högskolan i Borås study, listed again there, is above).
        {
            "title": "Superintelligent socialtjänst?",
            "url": "",
            "publisher": "Scaramuzzino G (Socialhögskolan, Lunds universitet)",
            "description": "Ett kapitel i antologin Socialt arbete i förändring: utmaningar "
            "och villkor inom utbildning, forskning och praktik (Socialhögskolan, Lunds "
            "universitet, 2022, s. 277–294).",
            "format": Format.REPORT,
            "year": 2022,
            "tags": ["socialt arbete"],
        },
    ],
    "inspiration": [
        {
            "title": "Uppdrag att stödja kommunernas användning av AI inom socialtjänsten – "
            "slutrapport",
            "url": "https://www.digg.se/ai-for-socialtjansten",
            "publisher": REPORT_SENDERS,
            "description": "Myndigheternas slutrapport om regeringsuppdraget Fi2023/02301. "
            "Den beskriver elva kommuners AI-initiativ i socialtjänsten, vilket stöd "
            "kommunerna behöver och vilka lärdomar som går att dra om bland annat data, "
            "juridik, etik, förändringsledning och behovet av många olika kompetenser.",
            "format": Format.REPORT,
            "year": 2024,
            "tags": ["erfarenhetsutbyte", "ai-initiativ"],
        },
        {
            "title": "DelaDigitalt",
            "url": "https://skr.se/skr/naringslivarbetedigitalisering/digitalisering/"
            "ledaochstyradigitalisering/deladigitalt.9823.html",
            "publisher": SKR,
            "description": "SKR:s portal för samverkan, erfarenhetsutbyte, samfinansiering och "
            "gemensam verksamhetsutveckling i offentlig sektor. Där delar de som arbetar i "
            "offentlig sektor med sig av vad de har gjort och tar del av andras arbete. Den "
            "1 oktober 2023 fanns 79 AI-initiativ registrerade där. Innehållet läggs in av "
            "enskilda personer och verksamheter, så siffran är ungefärlig.",
            "tags": ["erfarenhetsutbyte", "samverkan", "ai-initiativ"],
        },
        {
            "title": "Kunskapsguiden.se",
            "url": "https://kunskapsguiden.se/",
            "publisher": "Socialstyrelsen",
            "description": "Socialstyrelsens webbplats för dig som arbetar i socialtjänsten "
            "eller i hälso- och sjukvården. Där finns kvalitetssäkrad kunskap från "
            "Socialstyrelsen, andra myndigheter och andra aktörer som kan ge stöd och "
            "vägledning.",
            "tags": ["kunskapsstöd"],
        },
    ],
    "komma-igang": [
        {
            "title": "Vägledning och stöd för att utveckla AI i kommuner och regioner",
            "url": "https://skr.se/",
            "publisher": SKR,
            "description": "SKR har samlat material om artificiell intelligens som ska stödja "
            "kommuner och regioner när de utvecklar AI-tjänster.",
            "tags": ["vägledning"],
        },
        {
            "title": "Mall för intressentanalys",
            "url": "https://skr.se/download/18.4829a209177db4e31aa588f1/1615991572088/"
            "skr-mall-for-intressentanalys.pdf",
            "publisher": SKR,
            "description": "En mall för att systematiskt bedöma vilka intressenter som berörs "
            "av ett arbete. Myndigheterna använde en intressentmatris när de valde ut stöd "
            "och verktyg till den här webbplatsen.",
            "format": Format.PDF,
            "tags": ["intressentanalys", "projektplanering"],
        },
        _also(
            FORTROENDEMODELLEN,
            description="Ett verktyg för offentliga organisationer som vill utvärdera sin "
            "egen användning av AI. Självutvärderingen kan vara ett sätt att se över "
            "förutsättningarna i den egna organisationen, och modellen har ett eget avsnitt "
            "om juridik.",
        ),
    ],
    "kompetensutveckling": [
        {
            "title": "AI Sweden",
            "url": "https://www.ai.se/sv/om-ai-sweden",
            "publisher": "AI Sweden",
            "description": "AI Sweden leder bland annat arbetet med Kraftsamling för AI i "
            "kommuner och civilsamhället. Myndigheterna samverkade med AI Sweden för att "
            "hitta resurser för kompetenshöjning.",
            "tags": ["kompetensutveckling", "nätverk"],
        },
        {
            "title": "Addas kompetensforum",
            "url": "https://www.adda.se/larande-och-verksamhetsstod/digitalmognad/kompetensforum/",
            "publisher": "Adda",
            "description": "Kompetensforum för kommuner och regioner inom Addas Lärande och "
            "verksamhetsstöd. Forumet hjälper kommuner och regioner i omställningen till en "
            "digital tid, och Adda har hjälpt myndigheterna att hitta material och "
            "nyckelaktörer för kommunernas kompetenshöjning inom AI.",
            "tags": ["kompetensutveckling", "nätverk"],
        },
        {
            "title": "Kunskapsstöd för e-hälsa",
            "url": "https://www.ehalsomyndigheten.se/yrkesverksam/e-halsostod-till-kommuner/"
            "kunskapsstod-for-e-halsa/",
            "publisher": "E-hälsomyndigheten",
            "description": "E-hälsomyndighetens webbplats för dig som arbetar i kommunal "
            "hälso- och sjukvård och socialtjänst. Där finns aktuella kunskapsstöd om e-hälsa "
            "som kan hjälpa verksamhetsutvecklingen och öka användningen av digitala "
            "lösningar.",
            "tags": ["e-hälsa", "kunskapsstöd"],
        },
    ],
    "finansiering": [
        {
            "title": "Vinnovas utlysningar inom Kraftsamling för AI i kommuner och civilsamhället",
            "url": "https://www.vinnova.se/",
            "publisher": "Vinnova",
            "description": "Vinnova är Sveriges innovationsmyndighet. Inom Kraftsamling för "
            "AI i kommuner och civilsamhället, som Vinnova driver tillsammans med AI Sweden "
            "under 2022–2024, har Vinnova haft utlysningar. Myndigheternas dialoger med "
            "kommunerna visar "
            "att ett beviljat stöd från till exempel Vinnova kan avgöra om en kommun kan "
            "utforska AI eller inte.",
            "format": Format.FUNDING,
            "tags": ["vinnova", "projektmedel"],
        },
        {
            "title": "Rekommendationer för upphandling av data",
            "url": "https://www.digg.se/kunskap-och-stod/oppna-och-delade-data/"
            "offentliga-aktorer/rekommendationer-for-upphandling-av-data",
            "publisher": DIGG,
            "description": "Många kommuner har data som är inlåst i olika verksamhetssystem. "
            "Avtalen med leverantörerna avgör om kommunen har makten över sina egna data. "
            "Diggs rekommendationer ger stöd för upphandlingar som tar hänsyn till det.",
            "tags": ["upphandling", "datatillgång"],
        },
        _also(
            VETLANDA_VINNOVA,
            description="Ett exempel på ett projekt i Vinnovas projektdatabas: Vetlanda "
            "kommun vill använda AI i den kommunala hälso- och sjukvården och samtidigt "
            "bygga upp kunskap om AI för strategiska och operativa beslut.",
        ),
        _also(
            MALMO_VINNOVA,
            description="Ett exempel på ett projekt i Vinnovas projektdatabas: Malmö stads "
            "Arbetsmarknads- och socialförvaltning undersöker om dess data om arbetsmarknad "
            "och ekonomiskt bistånd räcker för maskininlärning.",
        ),
        _also(
            TOMELILLA_VINNOVA,
            description="Ett exempel på ett projekt i Vinnovas projektdatabas: Tomelilla "
            "kommun utvecklar och testar en AI-chatt som sammanfattar politiska kallelser "
            "och protokoll för att öka invånarnas delaktighet.",
        ),
    ],
    "etik": [
        {
            "title": "Socialstyrelsens etiska råd",
            "url": SOCIALSTYRELSEN_HOME,
            "publisher": "Socialstyrelsen",
            "description": "Socialstyrelsen har ett etiskt råd. Myndigheterna bakom den här "
            "webbplatsen har berättat för rådet om uppdraget att stödja kommunernas "
            "användning av AI i socialtjänsten. Mer om rådet finns på Socialstyrelsens "
            "webbplats.",
            "tags": ["etik"],
        },
        _also(
            GERMUNDSSON_STRANZ,
            description="Forskning om rättvisa vid automatisering: i fyra kommuner "
            "sammanfaller användningen av robotiserad processautomatisering (RPA) inom "
            "ekonomiskt bistånd med mindre generösa beslut som i oproportionerligt hög grad "
            "drabbar ekonomiskt utsatta grupper. Författarna uppmanar offentliga "
            "organisationer att se till att "
            "tekniken inte ökar ojämlikheten eller tränger undan det professionella omdömet.",
        ),
        _also(
            KAUN,
            description="Två rättsprocesser om helt automatiserade beslut i Trelleborgs "
            "kommun visar hur kommunen, ett fackförbund och journalister förhandlar om vad "
            "automatiserat beslutsfattande i socialtjänsten är och gör.",
        ),
        _also(
            RANERUP_HENRIKSEN,
            description="Hur påverkar automatiserat beslutsfattande handläggarnas "
            "handlingsutrymme och de etiska, demokratiska och professionella värdena i "
            "socialtjänsten? Artikeln studerar ett fall med RPA inom ekonomiskt bistånd och "
            "pekar på att effekterna på rättvisa och likformiga beslut behöver mer "
            "forskning.",
        ),
    ],
    "nyttorealisering": [
        {
            "title": "SOSFS 2011:9 Socialstyrelsens föreskrifter och allmänna råd om "
            "ledningssystem för systematiskt kvalitetsarbete",
            "url": "https://www.socialstyrelsen.se/kunskapsstod-och-regler/"
            "regler-och-riktlinjer/foreskrifter-och-allmanna-rad/konsoliderade-foreskrifter/"
            "20119-om-ledningssystem-for-systematiskt-kvalitetsarbete/",
            "publisher": "Socialstyrelsen",
            "description": "Föreskrifterna om ledningssystem för systematiskt "
            "kvalitetsarbete. När kommunerna inför AI behöver de följa upp arbetet som en del "
            "av det systematiska kvalitetsarbetet, från den första nyttoanalysen till mätning "
            "av effekterna.",
            "tags": ["uppföljning", "kvalitetsarbete"],
        },
        _also(
            EHM_COST,
            description="Vad kostar det socialtjänsten att investera i digitala lösningar? "
            "Ett kunskapsstöd för att räkna på kostnaderna som en del av nyttoanalysen.",
        ),
        _also(
            SKR_AUTOMATION,
            description="SKR beskriver vilka möjligheter och utmaningar kommuner och "
            "regioner har när de automatiserar processer och beslut – ett underlag för att "
            "bedöma vilken nytta automatisering kan ge.",
        ),
        _also(
            BORAS_STUDY,
            description="När gör digitala verktyg nytta i socialtjänsten och när gör de det "
            "inte? Studien följer socialsekreterare inom ekonomiskt bistånd och barn och "
            "familj och synliggör det professionella omdöme som tekniken inte kan ersätta.",
        ),
    ],
}
