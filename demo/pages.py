"""The site's stand-alone pages and the legal questions and answers, in our own words.

Bodies are Markdown and start at level 2: the page template renders the title as the
page's only <h1>. Links to the site's own sections are root-relative.
"""

from . import LAUNCHED_AT, REPORT_URL, SITE_TEXTS_CHECKED_AT, swedish_date
from .initiatives import initiative_url

SKR_LEGAL_URL = (
    "https://skr.se/skr/integrationsocialomsorg/socialomsorg/digitaliseringinomsocialtjansten/"
    "rattsligaforutsattningarforattanvandaaiisocialtjansten.53788.html"
)

INTRODUKTION = {
    "slug": "introduktion-till-ai",
    "title": "Introduktion till AI",
    "order": 10,
    "show_in_menu": True,
    "ingress": "Vad är AI, vad använder kommunerna det till i socialtjänsten och vad krävs "
    "för att komma igång? Här får du en kort introduktion och tips på var du kan läsa mer.",
    "body": f"""\
## Vad är AI?

Det finns många sätt att definiera artificiell intelligens (AI). Den här webbplatsen utgår,
precis som myndigheternas slutrapport, från OECD:s definition. Med våra ord säger den ungefär
så här: ett AI-system är ett datorbaserat system som utifrån den information det får in drar
slutsatser om hur det ska ta fram ett resultat, till exempel en förutsägelse, ett innehåll, en
rekommendation eller ett beslut. Resultatet kan påverka både den fysiska och den digitala
omgivningen. Syftet med systemet kan vara uttalat eller underförstått, och AI-system skiljer
sig åt i hur självständigt de arbetar och hur mycket de anpassar sig efter att de har tagits i
bruk.

Källa: OECD (2023), *Recommendation of the Council on Artificial Intelligence*,
OECD/LEGAL/0449.

AI finns redan i många tjänster som vi använder varje dag, till exempel i mobiltelefonen och
i produkter från Google och Microsoft. Även i socialtjänsten kommer AI ofta att komma in via
system och verktyg som kommunerna redan använder.

## Vad använder kommunerna AI till?

Kommuner berättar att mycket tid går åt till administration, tid som tas från kärnuppdraget.
Där ses AI som ett sätt att låta medarbetarna lägga mer tid på kvalificerade uppgifter och på
brukarnas behov. Några exempel från kommuner som har delat med sig av sina erfarenheter:

- stöd i schemaplaneringen ([Kalmar]({initiative_url("Kalmar")}))
- en chattbot som svarar på frågor om förvaltningens rutiner
  ([Uppsala]({initiative_url("Uppsala")}))
- att förutse vilka som kommer att behöva hemtjänst eller hemsjukvård
  ([Vetlanda]({initiative_url("Vetlanda")}))
- prognoser över framtida behov av placeringar ([Linköping]({initiative_url("Linköping")}))
- tolkning under möten med brukare ([Helsingborg]({initiative_url("Helsingborg")}))
- stöd att skriva journalanteckningar under mötet ([Värmdö]({initiative_url("Värmdö")}))
- larm i äldreomsorgen ([Skellefteå]({initiative_url("Skellefteå")}))

I princip alla initiativ är fortfarande i en utforskande fas. Därför saknas utvärderingar av
effekterna, och det är för tidigt att säga om initiativen är kostnadseffektiva och
ändamålsenliga.

Automatisering, som inte behöver bygga på AI, har kommit längre. Enligt Socialstyrelsens
uppföljning av e-hälsa och välfärdsteknik i kommunerna ökade andelen kommuner som har
automatiserat en process inom ekonomiskt bistånd från 31 procent 2021 till 41 procent 2023.
År 2023 hade ungefär 7 procent av kommunerna en automatiserad beslutsfunktion.

Läs om [alla AI-initiativ](/ai-initiativ/) på webbplatsen.

## Vad krävs?

- **Börja i behovet.** Utgå från den utmaning verksamheten har och involvera dem som berörs.
  AI kan vara ett av flera alternativ, och det är inte säkert att AI är den bästa lösningen.
- **Data.** Tillgången till korrekt och strukturerad data avgör om en AI-lösning lyckas.
  Data är ofta inlåst i verksamhetssystem, och avtalen med leverantörerna avgör om kommunen
  har makten över sina egna data.
- **Juridik.** Samma regler gäller som vid all verksamhetsutveckling, till exempel om
  upphandling, offentlighet och sekretess, dataskydd och informationssäkerhet, och därtill
  socialtjänstens egna regler om behandling av personuppgifter. Se
  [Juridik](/stod-och-verktyg/juridik/).
- **Etik.** Kommunen behöver till exempel granska risken att föra in systematisk bias, och
  kunna berätta för brukare och anhöriga hur tekniken används och hur deras integritet
  skyddas. Se [Etik](/stod-och-verktyg/etik/).
- **Förändringsledning.** AI är inte ett IT-projekt utan en förändring av verksamheten, som
  behöver ske i dialog med personalen.
- **Många kompetenser.** Kommunerna beskriver att det är en framgångsfaktor att involvera
  många kompetenser: verksamhet, teknik, organisation, juridik och semantik.
- **Uppföljning och finansiering.** Följ upp från den första nyttoanalysen till mätning av
  effekterna, som en del av det systematiska kvalitetsarbetet. Ett beviljat stöd, till exempel
  från Vinnova, kan avgöra om en kommun kan utforska AI. Se
  [Nyttorealisering](/stod-och-verktyg/nyttorealisering/) och
  [Finansiering](/stod-och-verktyg/finansiering/).

Det är kommunen som ansvarar för de juridiska och etiska bedömningarna i sina egna lösningar.

## Läs vidare

- [AI-initiativ](/ai-initiativ/): så utforskar elva kommuner AI i socialtjänsten.
- [Stöd och verktyg](/stod-och-verktyg/): vägledningar, checklistor, forskning och
  finansiering, i åtta kategorier.
- [Nätverk och forum](/natverk-och-forum/): där kommuner och myndigheter utbyter erfarenheter.
- [Webbinarium: AI i socialtjänsten](/webbinarium/): webbinariet i januari 2024 och frågor och
  svar om juridik.
""",
}

NATVERK = {
    "slug": "natverk-och-forum",
    "title": "Nätverk och forum",
    "order": 20,
    "show_in_menu": True,
    "ingress": "Här hittar du nätverk där kommuner och myndigheter utbyter erfarenheter om AI "
    "i socialtjänsten, organisationer som erbjuder kompetensutveckling och finansiering, och "
    "webbplatser där du hittar mer kunskap.",
    "body": """\
## SKR:s nätverk AI i socialtjänsten

Sveriges Kommuner och Regioner (SKR) har ett nätverk för kommuner som arbetar med AI i
socialtjänsten. Myndigheterna bakom den här webbplatsen deltog i nätverkets möten för att
förstå kommunernas behov och utmaningar, stämma av frågor och sprida information. SKR har
också hjälpt till att hitta de AI-initiativ som beskrivs på webbplatsen.

## NSK-S – Nationell samverkansgrupp för kunskapsstyrning i socialtjänsten

NSK-S är ett nätverk som ska bidra till att utveckla kunskapsstyrningen för socialtjänstens
verksamheter, inklusive den kommunala hälso- och sjukvården, på nationell nivå. Arbetet utgår
från den lokala nivåns behov och förutsättningar och sker genom information, dialog och
erfarenhetsutbyte. I NSK-S ingår företrädare för kommuner och för statliga myndigheter.

## RSS-nätverket – regionala samverkans- och stödstrukturer

De regionala samverkans- och stödstrukturerna (RSS) bidrar till en kunskapsbaserad
socialtjänst som är anpassad till regionala och lokala prioriteringar. De kan till exempel
sprida kunskapsstöd och ge struktur och stöd när nya arbetssätt ska införas. RSS stödjer
huvudmännen och är organiserade på olika sätt i landet: i en kommun, ett kommunalförbund, en
region eller en FoU-enhet. Vid en träff med NSK-S och RSS-nätverket i december 2023 stämde
myndigheterna av bilden av kommunernas behov och utmaningar när det gäller AI.

## Addas kompetensforum

Adda har ett kompetensforum för kommuner och regioner inom sitt Lärande och verksamhetsstöd.
Forumet ska hjälpa kommuner och regioner i omställningen till en digital tid. Adda hjälpte
myndigheterna att hitta material och nyckelaktörer för kommunernas kompetenshöjning inom AI.

[Addas kompetensforum (adda.se)](https://www.adda.se/larande-och-verksamhetsstod/digitalmognad/kompetensforum/)

## AI Sweden och Kraftsamling för AI i kommuner och civilsamhället

AI Sweden leder bland annat arbetet med Kraftsamling för AI i kommuner och civilsamhället,
där Vinnova och AI Sweden under 2022–2024 samlar krafterna för att kommuner och
civilsamhälle ska kunna använda AI mer. Myndigheterna samverkade med AI Sweden för att hitta
resurser för kompetenshöjning och satt med i en referensgrupp i Kraftsamlingen.

- [Om AI Sweden (ai.se)](https://www.ai.se/sv/om-ai-sweden)
- [Kraftsamling för AI i kommuner och civilsamhälle (my.ai.se)](https://my.ai.se/projects/164)

## Vinnova

Vinnova är Sveriges innovationsmyndighet. Inom Kraftsamling för AI i kommuner och
civilsamhället har Vinnova haft utlysningar som kommuner kan söka. Ett beviljat stöd kan vara
avgörande för om en kommun kan utforska AI eller inte. Se också
[Finansiering](/stod-och-verktyg/finansiering/).

[Vinnova (vinnova.se)](https://www.vinnova.se/)

## DelaDigitalt

DelaDigitalt är SKR:s portal för samverkan, erfarenhetsutbyte, samfinansiering och gemensam
verksamhetsutveckling i offentlig sektor. Där delar de som arbetar i offentlig sektor med sig
av vad de har gjort och tar del av vad andra har gjort. Den 1 oktober 2023 fanns 79
AI-initiativ registrerade i portalen.

[Om DelaDigitalt (skr.se)](https://skr.se/skr/naringslivarbetedigitalisering/digitalisering/ledaochstyradigitalisering/deladigitalt.9823.html)

## Kunskapsguiden.se

Kunskapsguiden.se är Socialstyrelsens webbplats för dem som arbetar i socialtjänsten eller i
hälso- och sjukvården. Där finns kvalitetssäkrad kunskap från Socialstyrelsen, andra
myndigheter och andra aktörer som kan ge stöd och vägledning.

[Kunskapsguiden (kunskapsguiden.se)](https://kunskapsguiden.se/)

## Kunskapsstöd för e-hälsa

E-hälsomyndighetens webbplats Kunskapsstöd för e-hälsa vänder sig till dem som arbetar i
kommunal hälso- och sjukvård och socialtjänst. Där finns aktuella kunskapsstöd om e-hälsa som
kan hjälpa verksamhetsutvecklingen och öka användningen av digitala lösningar.

[Kunskapsstöd för e-hälsa (ehalsomyndigheten.se)](https://www.ehalsomyndigheten.se/yrkesverksam/e-halsostod-till-kommuner/kunskapsstod-for-e-halsa/)
""",
}

WEBBINARIUM = {
    "slug": "webbinarium",
    "title": "Webbinarium: AI i socialtjänsten",
    "order": 30,
    "show_in_menu": False,
    "ingress": "Den 16 januari 2024 höll Digg, E-hälsomyndigheten och Socialstyrelsen ett "
    "webbinarium om AI i socialtjänsten för landets kommuner. Här kan du läsa vad som togs "
    "upp, hur många som deltog och vad deltagarna frågade om.",
    "body": f"""\
## Om webbinariet

Webbinariet vände sig till alla kommuner, främst till dem som arbetar med
verksamhetsutveckling, digitalisering och innovation inom socialtjänsten. Vi berättade om
resultatet av regeringsuppdraget, presenterade den här webbplatsen och gav grundläggande
information om vad AI är, hur det kan användas och vilken nytta det kan skapa.

## Program

- **Vad är AI?** Forskare från Örebro universitet berättade om vad AI är och hur det kan
  användas. De betonade vikten av att behålla verksamhetsperspektivet och inte se AI som en
  teknikfråga som drivs vid sidan av resten av verksamheten.
- **Kommunernas erfarenheter.** Två kommuner berättade om sitt arbete med AI och vad de har
  lärt sig: [Värmdö kommun]({initiative_url("Värmdö")}) och
  [Lidingö stad]({initiative_url("Lidingö")}).
- **Panelsamtal.** I slutet kunde deltagarna ställa frågor till en panel med bland annat
  företrädare för Värmdö kommun och Lidingö stad, jurister och forskare inom AI. Frågorna kunde
  skickas in i förväg eller ställas under sändningen. Panelsamtalet filmades.

## Webbinariet i siffror

- 1\u00a0000 personer anmälde sig, vilket var det högsta antalet platser. Taket nåddes några
  veckor före sändningen.
- 91 procent av Sveriges 290 kommuner var representerade bland de anmälda.
- Ungefär en tredjedel av de anmälda var chefer, en tredjedel arbetade med it, systemförvaltning
  eller digitalisering och en tredjedel var handläggare och utvecklare.
- 698 unika deltagare var med under sändningen, det vill säga 70 procent av de anmälda.
  De kom från 90 procent av landets kommuner.
- 210 deltagare svarade efteråt på frågan om sitt helhetsintryck på en skala från 1 till 5.
  Genomsnittet blev 4.

## Vad deltagarna frågade om

Frågorna till panelen, före och under webbinariet, handlade främst om tre ämnen:

- juridik, med fokus på sekretess och behandling av personuppgifter, både generellt och
  särskilt inom socialtjänsten
- möjliga användningsområden för AI, både generellt och särskilt i socialtjänsten
- nationella vägledningar för hur AI ska användas, framför allt när det gäller säkerhet och
  etik.

De flesta frågorna som kom in i förväg ställdes av personer som arbetar med it,
systemförvaltning eller digitalisering.

## Om frågorna och svaren

Många frågor gällde juridik. Nedan sammanfattar vi med egna ord tre frågor och svar från
Sveriges Kommuner och Regioner (SKR), som har utrett vad som gäller när socialtjänsten vill
använda AI. Svaren är SKR:s bedömningar. Läs SKR:s rapport för underlag och lagtext:
[Rättsliga förutsättningar för att använda AI i socialtjänsten (skr.se)]({SKR_LEGAL_URL}).
""",
}

OM_WEBBPLATSEN = {
    "slug": "om-webbplatsen",
    "title": "Om webbplatsen",
    "order": 40,
    "show_in_menu": False,
    # Launched with the site; the sections on follow-up and cookies were checked against
    # the code since.
    "updated_at": SITE_TEXTS_CHECKED_AT,
    "ingress": "AI för socialtjänsten samlar exempel, stöd och verktyg för kommuner som vill "
    "veta hur AI kan användas i socialtjänsten. Webbplatsen är ett resultat av ett "
    "regeringsuppdrag till Digg, E-hälsomyndigheten och Socialstyrelsen.",
    "body": f"""\
## Uppdraget

Den 24 augusti 2023 gav regeringen genom Finansdepartementet Myndigheten för digital
förvaltning (Digg), E-hälsomyndigheten och Socialstyrelsen i uppdrag att erbjuda
kompetenshöjande insatser till kommuner, som stöd i hur de kan använda AI inom socialtjänsten
på ett ändamålsenligt och kostnadseffektivt sätt (Fi2023/02301). Digg samordnade
myndigheternas arbete. Myndigheterna förde dialog med Sveriges Kommuner och Regioner (SKR)
och med ett urval kommuner, och SKR var adjungerad till uppdragets styrgrupp.

Läs mer i [myndigheternas slutrapport (digg.se)]({REPORT_URL}).

## Syfte och målgrupp

Webbplatsen ska höja kunskapen om AI i kommunerna, förmedla andra kommuners lärdomar och
insikter och ge stöd för att komma igång med AI. Den vänder sig främst till chefer,
verksamhetsutvecklare, digitaliserings- och förändringsledare och andra som arbetar med
utveckling inom socialtjänsten.

Webbplatsen har fyra ingångar: [Introduktion till AI](/introduktion-till-ai/),
[AI-initiativ](/ai-initiativ/), [Stöd och verktyg](/stod-och-verktyg/) och
[Nätverk och forum](/natverk-och-forum/). Den lanserades i januari 2024.

## Det här gör webbplatsen inte

Fokus är att samla och sprida vägledningar, verktyg och exempel som redan finns. Därför:

- gör vi inga egna utredningar och ingen egen definition av AI
- gör vi inga nya analyser, till exempel av kostnader och nytta
- gör vi inte anspråk på att visa alla AI-initiativ i landets socialtjänster
- har myndigheterna inte bedömt exemplen juridiskt eller etiskt. Det är kommunerna som
  ansvarar för de juridiska och etiska bedömningarna i sina egna lösningar
- utreder vi inte i vilken utsträckning AI får användas inom socialtjänsten.

Stöden och verktygen ges ut av andra organisationer. Varje länk visar vem som är avsändare,
och det är avsändaren som ansvarar för innehållet.

## Så följer vi upp webbplatsen

Vi vill veta om webbplatsen ger det stöd som kommunerna behöver. Längst ner på sidorna kan du
svara på frågan ”Hjälpte denna information dig?” och lämna en kommentar om hur informationen
kan bli bättre. Vi räknar också hur många gånger varje sida visas och hur många olika
besökare den har per dag.

Vi räknar utan kakor (cookies). Innan en kommentar sparas tar vi automatiskt bort
personnummer, samordningsnummer, telefonnummer, e-postadresser och adresser med postnummer.
Namn och beskrivningar av en persons situation kan ingen automatik känna igen, så de sparas
som de är skrivna. Skriv därför inte ditt namn, någon annans namn eller andra uppgifter om
dig själv eller någon annan i kommentaren. Kommentarerna raderas efter
{{kommentarer_sparas_manader}} månader.

Läs mer om vilka uppgifter vi sparar, varför och hur länge i
[Behandling av personuppgifter](/behandling-av-personuppgifter/).

## Kakor (cookies)

Webbplatsen sätter inga kakor hos dig som besöker den, och vi använder inga analysverktyg
eller kakor från andra webbplatser. Bara redaktörer som loggar in i redigeringsverktyget får
kakor. Vilka de är och hur länge de finns kvar står på sidan [Kakor](/kakor/).

## Kontakt

Har du synpunkter på webbplatsen? Använd formuläret längst ner på sidan eller mejla Digg på
[digg@digg.se](mailto:digg@digg.se).
""",
}

TILLGANGLIGHET = {
    "slug": "tillganglighetsredogorelse",
    "title": "Tillgänglighetsredogörelse",
    "order": 50,
    "show_in_menu": False,
    "updated_at": SITE_TEXTS_CHECKED_AT,
    "ingress": "Myndigheten för digital förvaltning (Digg) står bakom den här webbplatsen. Vi "
    "vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen "
    "uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi "
    "känner till och hur du kan rapportera problem till oss.",
    "body": f"""\
## Hur tillgänglig är webbplatsen?

Vi vet att delar av webbplatsen inte är helt tillgängliga. Läs mer under rubriken
Innehåll som inte är tillgängligt längre ner på sidan.

## Vad kan du göra om du inte kan använda delar av webbplatsen?

Om du behöver innehåll från webbplatsen i en annan form kan du kontakta oss. Använd
formuläret längst ner på varje sida eller mejla Digg på
[digg@digg.se](mailto:digg@digg.se).

## Rapportera brister i webbplatsens tillgänglighet

Vi arbetar hela tiden med att göra webbplatsen mer tillgänglig. Om du upptäcker problem som
inte beskrivs på den här sidan, eller om du tycker att vi inte uppfyller lagens krav, vill vi
veta det. Använd formuläret längst ner på varje sida eller mejla
[digg@digg.se](mailto:digg@digg.se).

## Tillsyn

Myndigheten för digital förvaltning har ansvaret för tillsyn över lagen (2018:1937) om
tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina
synpunkter kan du kontakta Digg och påtala det:
[anmäl bristande tillgänglighet (digg.se)](https://www.digg.se/tdosanmalan).

## Teknisk information om webbplatsens tillgänglighet

Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på
grund av de brister som beskrivs nedan.

### Innehåll som inte är tillgängligt

- **Länkar till andra organisationers material.** Många stöd och verktyg är pdf-filer och
  webbsidor som andra organisationer ger ut. Vi kan inte garantera att de är tillgängliga. Om
  du inte kan ta del av ett dokument, kontakta den organisation som står som avsändare, eller
  oss.
- **Film utan syntolkning.** En film kan bara publiceras här tillsammans med en textfil, så
  filmer på webbplatsen har alltid undertexter. Det som bara syns i bild beskrivs inte i
  någon syntolkning.

Titlar på engelska, till exempel på forskningsartiklar under Forskning och utbildning, är
märkta som engelska i koden, så att skärmläsare läser upp dem med engelskt uttal.

## Hur vi testat webbplatsen

Vi granskar webbplatsen själva med automatiska tester i en webbläsare. Testerna går igenom
alla typer av sidor med verktyget axe-core mot WCAG 2.1 nivå A och AA, och kontrollerar att
allt går att nå med enbart tangentbord och att det syns var fokus är. Automatiska tester
hittar inte alla brister, och webbplatsen har inte granskats av någon utomstående.

Webbplatsen publicerades i januari 2024. Redogörelsen uppdaterades senast den
{swedish_date(SITE_TEXTS_CHECKED_AT)}.
""",
}

PERSONUPPGIFTER = {
    "slug": "behandling-av-personuppgifter",
    "title": "Behandling av personuppgifter",
    "order": 60,
    "show_in_menu": False,
    "footer_link": "Personuppgifter",
    "published_at": SITE_TEXTS_CHECKED_AT,
    "ingress": "Här beskriver vi vilka uppgifter webbplatsen sparar när du besöker den, "
    "svarar på frågor eller skickar in något, varför vi sparar dem, hur länge de finns kvar "
    "och vart du vänder dig med frågor eller klagomål.",
    # Names in braces are filled in from the site's settings when the page is shown
    # (portal/sitefacts.py), so the numbers are always the ones the site uses.
    "body": """\
## Vem ansvarar för uppgifterna?

Myndigheten för digital förvaltning (Digg) står bakom webbplatsen och ansvarar för de
personuppgifter som behandlas på den.

## När du läser på webbplatsen

Vi sparar ingen IP-adress och ingen uppgift om din webbläsare, och webbplatsen sätter inga
kakor hos dig (läs mer på sidan [Kakor](/kakor/)).

För att veta vilka sidor som används räknar vi för varje sida och dag hur många gånger den
har visats och hur många olika besökare den har haft, och på samma sätt hur många gånger en
film har spelats upp. För att känna igen samma besökare
under en dag räknar webbplatsen fram en kod av IP-adressen, webbläsarens identifiering och
sidans adress, med en nyckel som byts varje dygn. Koden sparas aldrig i databasen och
glöms när dygnet är slut. Det enda som sparas är antalen.

På samma sätt räknar vi hur många gånger länkar till andra webbplatser används, utan något
som kan kopplas till dig.

När du söker på webbplatsen räknar vi vilka sökord som används, så att vi ser vad besökare
letar efter. Sökorden sparas utan koppling till dig, som antal per sökord och dag.
Personnummer, telefonnummer, e-postadresser och adresser med postnummer tas bort innan
sökorden sparas; namn känns inte igen, så skriv inte namn i sökrutan. Sökorden raderas
efter {sokord_sparas_manader} månader.

## När du svarar på ”Hjälpte denna information dig?”

Vi sparar ditt svar (ja eller nej), vilken sida du svarade på, när du svarade och den
kommentar du skriver. Syftet är att förbättra webbplatsen.

Innan en kommentar sparas tar vi automatiskt bort personnummer, samordningsnummer,
telefonnummer, e-postadresser och adresser med postnummer. Namn och beskrivningar av en
persons situation kan ingen automatik känna igen, så skriv inte sådant i kommentaren.

Kommentarerna raderas efter {kommentarer_sparas_manader} månader. Svaret ja eller nej, sidan
och datumet sparas längre som statistik, utan kommentar.

För att stoppa automatiska inlägg räknar webbplatsen fram en kod av din IP-adress med en
nyckel som byts varje dygn. Koden finns bara i webbplatsens tillfälliga minne, högst
{spamskydd_tid}, och sparas aldrig i databasen.

## När du skickar förslag och felrapporter

Du kan berätta om ert AI-initiativ, rapportera fel på en sida eller berätta att ni testar
något liknande. Då sparar vi det du skriver i formuläret. I fritexten tar vi bort
personnummer, telefonnummer, e-postadresser och adresser med postnummer, på samma sätt som
i kommentarerna.

Kontaktuppgifter som du själv lämnar, till exempel din e-postadress i tjänsten, använder vi
för att svara dig och för att höra av oss om ditt förslag. De raderas efter
{kommentarer_sparas_manader} månader, precis som kommentarerna.

## Om du är redaktör

Redaktörer som loggar in i webbplatsens redigeringsverktyg har ett konto med namn och
e-postadress. Vid varje ändring av innehållet sparas vem som gjorde den och när, så att
ändringar kan granskas och återställas. Redaktörer får e-post när en ändring väntar på deras
granskning eller har granskats.

För att skydda redigeringsverktyget mot intrång sparar vi inloggningar och misslyckade
inloggningsförsök med användarnamn, IP-adress och webbläsarens identifiering. Efter
{felaktiga_inloggningar} felaktiga lösenord för samma användarnamn från samma IP-adress
spärras inloggningen därifrån i {inloggningsspärr}. Uppgifterna om inloggningar raderas
efter {inloggningar_sparas_dagar} dagar.

## Loggar och säkerhetskopior

Webbplatsens egen logg innehåller felmeddelanden och adressen till sidor som inte kunde
visas. Den innehåller inga IP-adresser för besökare. Misslyckade inloggningar i
redigeringsverktyget loggas med användarnamn och IP-adress.

Uppgifter som har raderats kan finnas kvar i säkerhetskopior en tid innan kopiorna skrivs
över.

## Dina rättigheter

Du har rätt att få veta vilka uppgifter om dig vi behandlar och att få felaktiga uppgifter
rättade eller raderade. Eftersom webbplatsen inte sparar något som visar vem som har
skrivit en kommentar kan vi oftast inte hitta just dina uppgifter, om du inte berättar vad
du skrev, på vilken sida och när.

## Kontakt

Har du frågor om hur vi behandlar personuppgifter, eller vill du använda dina rättigheter?
Mejla Digg på [digg@digg.se](mailto:digg@digg.se). Du kan också be att få kontakt med Diggs
dataskyddsombud.

## Klagomål

Om du tycker att vi behandlar personuppgifter på fel sätt kan du lämna ett klagomål till
Integritetsskyddsmyndigheten (IMY), som har tillsyn över hur personuppgifter behandlas:
[imy.se](https://www.imy.se/).
""",
}

KAKOR = {
    "slug": "kakor",
    "title": "Kakor (cookies)",
    "order": 70,
    "show_in_menu": False,
    "footer_link": "Kakor",
    "published_at": SITE_TEXTS_CHECKED_AT,
    "ingress": "Webbplatsen sätter inga kakor hos dig som besöker den. Bara redaktörer som "
    "loggar in i redigeringsverktyget får kakor, och här står vilka.",
    "body": """\
## Kakor för besökare: inga

En kaka (cookie) är en liten textfil som en webbplats sparar i din webbläsare. Den här
webbplatsen sparar ingen kaka och inget i webbläsarens lokala lagring när du läser, söker,
filtrerar, svarar på frågan ”Hjälpte denna information dig?”, spelar upp en film eller
skickar in ett formulär. Formulären skyddas mot förfalskade anrop på annat sätt än med en
kaka.

Vi använder inga analysverktyg och inga kakor eller skript från andra webbplatser. Därför
behöver vi inte fråga om ditt samtycke.

## Kakor för redaktörer

Redaktörer som loggar in i redigeringsverktyget får de här kakorna. De behövs för att
verktyget ska fungera och säkert, och de kräver därför inget samtycke.

{kakor_for_redaktorer}

Redigeringsverktyget sparar också två inställningar i webbläsarens lokala lagring. De
skickas aldrig till webbplatsen.

{lokal_lagring_for_redaktorer}

## Så tar du bort kakor

Du kan ta bort kakor och annat som webbplatser har sparat i inställningarna i din
webbläsare. Den som tar bort kakan för inloggningen blir utloggad.

Läs mer om kakor på [Post- och telestyrelsens webbplats (pts.se)](https://www.pts.se/).
""",
}

PAGES = [INTRODUKTION, NATVERK, WEBBINARIUM, OM_WEBBPLATSEN, TILLGANGLIGHET, PERSONUPPGIFTER, KAKOR]
for _page in PAGES:
    _page.setdefault("published_at", LAUNCHED_AT)

# Seed 000 gives the date SKR published its legal questions and answers.
SKR_PUBLISHED = "16 oktober 2023"
SKR_SOURCE = (
    "Sveriges Kommuner och Regioner (SKR): Rättsliga förutsättningar för att använda AI i "
    f"socialtjänsten, publicerad {SKR_PUBLISHED}"
)

# Seed 000: SKR's three legal questions, the answers retold in our words. The webinar's
# own questions and answers are not in the seeds, so none are invented here.
QUESTIONS = {
    "webbinarium": [
        {
            "group": "Juridik",
            "question": "Vad gäller för att använda AI för verksamhetsutveckling generellt i "
            "socialtjänsten?",
            "answer": """\
Enligt lagen (2001:454) om behandling av personuppgifter inom socialtjänsten (SoLPUL) och
förordningen om behandling av personuppgifter inom socialtjänsten (SoLPUF) får en socialnämnd
behandla personuppgifter för flera ändamål, om det behövs för att arbetsuppgifter inom
socialtjänsten ska kunna utföras. Till ändamålen hör tillsyn, uppföljning, utvärdering,
kvalitetssäkring och administration av verksamheten.

En privat utförare får bara behandla personuppgifter för ett av dessa ändamål: administration
av verksamheten.

Det finns inget entydigt svar på vad uppföljning, utvärdering och kvalitetssäkring omfattar.
Men uttalanden i förarbeten och allmänna råd kan enligt SKR tolkas så att personuppgifter får
hämtas in och analyseras med hjälp av AI för de här ändamålen, och när ärenden handläggs.
""",
        },
        {
            "group": "Juridik",
            "question": "Vad gäller för att använda AI för handläggning generellt i "
            "socialtjänsten?",
            "answer": """\
Eftersom SoLPUF låter socialnämnden behandla personuppgifter för vissa ändamål, till exempel
kvalitetssäkring, bedömer SKR att socialtjänsten får använda personuppgifter med AI. Det
förutsätter att behandlingen är nödvändig för att arbetsuppgifterna ska kunna utföras och att
uppgifterna har lämnats i ett ärende eller är nödvändiga för verksamheten.

Socialnämnden får alltså ta del av uppgifter i en enskild persons personakt, till exempel
tidigare utlåtanden, bedömningar eller åtgärder. Nämnden kan göra ett tillfälligt
sammanställningsregister och använda AI på det, till exempel prediktionsmodeller som bygger
på erfarenhet, för att bedömningen i personens ärende ska bli mer rättssäker och
kunskapsbaserad.

Observera att det bara är personens egna historiska uppgifter som får hämtas in. Historiska
uppgifter om insatser och åtgärder för andra personer i ärendehanteringssystemet går inte att
använda, eftersom nämnden inte får söka på sådana begrepp när den handlägger ärenden.

Nämnden kan däremot bygga upp en databas med historiska uppgifter i ett
sammanställningsregister för ändamålet kvalitetssäkring. Uppgifter kan föras in löpande från
handläggningen av enskilda ärenden, eller så kan utsedda medarbetare söka fram uppgifter i
ärendehanteringssystemet och föra in dem. I ett sådant register får man söka på alla slags
begrepp. Registret kan användas för att med hjälp av AI kvalitetssäkra handläggningen av
kommande ärenden, och för prediktionsmodeller som blir beslutsstöd i
ärendehanteringssystemet.
""",
        },
        {
            "group": "Juridik",
            "question": "Vad gäller för att använda AI specifikt när det gäller anmälningar "
            "och förhandsbedömningar om barn och unga i socialtjänsten?",
            "answer": """\
Anmälningar och förhandsbedömningar som inte har lett till ett beslut om utredning är en
särskild fråga. För dem finns särskilda regler om hur de ska sparas och hur sökbara de får
vara.

Rättsläget är något osäkert. SKR bedömer ändå att övervägande skäl talar för att det är
förbjudet att samla sådana anmälningar, som inte kan dokumenteras i en personakt, i ett
sammanställningsregister. Det följer av sammanställningsförbudet i 7 a § SoLPUL. En sådan
sammanställning uppfyller inte villkoren för något av undantagen från förbudet: det handlar
varken om ”åtgärder som har beslutats inom socialtjänsten som innebär myndighetsutövning”
eller om ”handläggning av ärende” (12 § SoLPUF).

Det betyder att sådana anmälningar inte kan bearbetas med AI eller användas som beslutsstöd
när enskilda ärenden handläggs.
""",
        },
    ],
}
for _questions in QUESTIONS.values():
    for _order, _question in enumerate(_questions, start=1):
        _question["order"] = _order * 10
        _question["source"] = SKR_SOURCE
