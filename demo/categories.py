"""The editorial text above a category's list of support and tools, in our own words.

Juridik follows the Juridik page of the original site (seed 001): the rules that apply,
with the statutes' SFS numbers as the seed gives them, and the changes under way, dated
as the seed dates them. SKR's legal questions and answers (seed 000, published by SKR on
16 October 2023) are retold on the webinar page; the text links there.
"""

from .pages import SKR_LEGAL_URL, SKR_PUBLISHED

JURIDIK = f"""\
## Regler vid användning av AI

En kommun som vill använda AI i socialtjänsten följer samma regler som annars. Det gäller
till exempel reglerna om upphandling, om offentlighet och sekretess, om dataskydd för
personuppgifter och om informationssäkerhet.

Socialtjänstens verksamhet styrs dessutom av bland annat

- socialtjänstlagen (2001:453)
- lagen (1993:387) om stöd och service till vissa funktionshindrade
- lagen (1990:52) med särskilda bestämmelser om vård av unga
- lagen (1988:870) om vård av missbrukare i vissa fall.

Hur socialtjänsten får behandla personuppgifter står i lagen (2001:454) om behandling av
personuppgifter inom socialtjänsten. Till lagarna hör förordningar och föreskrifter som har
meddelats med stöd av dem.

## Förändringar inom lagstiftningen på gång

Lagstiftningen på socialtjänstens område förändras på flera punkter:

- **Från den 1 mars 2024** finns en ny bestämmelse i socialtjänstlagen om att använda digital
  teknik när insatser ges som hemtjänst eller i särskilda boendeformer för äldre.
- **Den 1 mars 2024** börjar också nya bestämmelser gälla i lagen om behandling av
  personuppgifter inom socialtjänsten. De handlar om välfärdsteknik när insatser ges som
  hemtjänst eller i särskilda boendeformer för äldre, och om behörighet för åtkomst till
  personuppgifter i hela socialtjänstens verksamhet.
- **Under 2024** ska regeringen enligt sitt besked presentera en ny socialtjänstlag. En
  utredning om socialtjänstdataregister pågår.
- **I början av 2024** ska EU:s AI-förordning offentliggöras, efter förhandlingar under många
  år. Dess fullständiga namn är Europaparlamentets och rådets förordning om harmoniserade
  regler för artificiell intelligens (rättsakt om artificiell intelligens) och om ändring av
  vissa unionslagstiftningsakter. Inom EU pågår också arbete med ett direktiv om
  skadeståndsansvar för AI, som kompletterar AI-förordningen, och med ett nytt
  produktansvarsdirektiv.

## Frågor och svar från SKR

Sveriges Kommuner och Regioner (SKR) har utrett vad som gäller när socialtjänsten vill använda
AI, och publicerade sina bedömningar den {SKR_PUBLISHED}. SKR svarar på tre frågor: om AI för
verksamhetsutveckling, om AI vid handläggning och om AI för anmälningar och
förhandsbedömningar om barn och unga.

- [SKR:s frågor och svar om AI i socialtjänsten, med våra ord](/webbinarium/#fragor-och-svar)
  (källa: SKR, {SKR_PUBLISHED})
- [Rättsliga förutsättningar för att använda AI i socialtjänsten (skr.se)]({SKR_LEGAL_URL}),
  där SKR:s rapport med underlag och lagtext finns
"""

CATEGORY_BODIES = {"juridik": JURIDIK}
