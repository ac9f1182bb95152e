"""Demo content written by us from the project's source documents (the "seeds").

Every fact comes from the final report of the government assignment Fi2023/02301
(seed 003), the Juridik page of the original site (seed 001), SKR's legal Q&A
(seed 000), the assignment itself (seed 004) or, for the initiatives, the original
site's own articles (shared/facts/initiatives.md). The wording is ours. Nothing here
may add names, numbers, dates or results that those documents do not give.

The data lives here as plain Python so the management command stays short and
editors can read what the site starts with; `load.py` writes it to the database.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# The site launched in January 2024; the webinar that presented it was on 16 January.
LAUNCHED_AT = datetime(2024, 1, 16, 9, 0, tzinfo=STOCKHOLM)

# When the pages about the site itself (privacy, cookies, accessibility, "Om webbplatsen")
# were last checked against what the code does. Not from the seeds: these pages describe
# this code, and their dates say when that description was written.
SITE_TEXTS_CHECKED_AT = datetime(2026, 11, 30, 9, 0, tzinfo=STOCKHOLM)

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def swedish_date(when) -> str:
    """ "30 november 2026" """
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


REPORT_URL = "https://www.digg.se/ai-for-socialtjansten"
REPORT_TITLE = (
    "Slutrapport: Uppdrag att stödja kommunernas användning av AI inom socialtjänsten "
    "(Fi2023/02301)"
)
