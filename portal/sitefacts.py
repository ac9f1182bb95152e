"""What the site does with visitors' and editors' data, read from the settings.

The pages about the site (privacy, cookies) name these facts in braces, e.g.
"{kommentarer_sparas_manader}" or "{kakor_for_redaktorer}" on a line of its own; the page
shows the value the running site uses, so the text cannot drift from the code. A name
that is not listed here stays as written.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Stored:
    """A cookie or browser-storage entry: its name, why, and for how long."""

    name: str
    purpose: str
    lifetime: str


def duration(seconds: int | None) -> str:
    """Seconds as Swedish words: "8 timmar", "52 veckor", "10 minuter"."""
    if not seconds:
        return "tills webbläsaren stängs"
    for size, one, many in (
        (7 * 24 * 3600, "vecka", "veckor"),
        (24 * 3600, "dag", "dagar"),
        (3600, "timme", "timmar"),
        (60, "minut", "minuter"),
        (1, "sekund", "sekunder"),
    ):
        if seconds % size == 0:
            count = seconds // size
            return f"{count} {one if count == 1 else many}"
    return f"{seconds} sekunder"


def _uses_message_cookie() -> bool:
    storage = import_string(settings.MESSAGE_STORAGE)
    return issubclass(storage, (CookieStorage, FallbackStorage))


def staff_cookies() -> list[Stored]:
    """The cookies Django sets for someone logged in to the admin, as configured."""
    session_end = duration(settings.SESSION_COOKIE_AGE)
    cookies = [
        Stored(
            settings.SESSION_COOKIE_NAME,
            "Håller dig inloggad i redigeringsverktyget.",
            f"Tills webbläsaren stängs. Inloggningen upphör senast efter {session_end}."
            if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
            else session_end,
        )
    ]
    if not settings.CSRF_USE_SESSIONS:
        cookies.append(
            Stored(
                settings.CSRF_COOKIE_NAME,
                "Skyddar formulären i redigeringsverktyget mot förfalskade anrop från andra "
                "webbplatser.",
                duration(settings.CSRF_COOKIE_AGE),
            )
        )
    if _uses_message_cookie():
        cookies.append(
            Stored(
                CookieStorage.cookie_name,
                "Visar ett besked på nästa sida, till exempel att en ändring har sparats.",
                "Tas bort när beskedet har visats, senast när webbläsaren stängs.",
            )
        )
    return cookies


# What the admin's own scripts (Django's admin/js/theme.js and nav_sidebar.js) keep in the
# browser's local storage. Nothing is sent to the server.
STAFF_LOCAL_STORAGE = [
    Stored(
        "theme",
        "Vilket färgtema redigeringsverktyget visas i (ljust, mörkt eller automatiskt).",
        "Tills du rensar webbläsarens data.",
    ),
    Stored(
        "django.admin.navSidebarIsOpen",
        "Om sidomenyn i redigeringsverktyget är öppen eller stängd.",
        "Tills du rensar webbläsarens data.",
    ),
]


def _table(rows: list[Stored]) -> SafeString:
    body = format_html_join(
        "\n",
        "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
        ((row.name, row.purpose, row.lifetime) for row in rows),
    )
    return format_html(
        '<table><thead><tr><th scope="col">Namn</th><th scope="col">Syfte</th>'
        '<th scope="col">Hur länge</th></tr></thead><tbody>\n{}\n</tbody></table>',
        body,
    )


def facts() -> dict[str, str | SafeString]:
    window = max(settings.FEEDBACK_RATE_LIMIT_WINDOW, settings.FEEDBACK_DUPLICATE_WINDOW)
    return {
        "kommentarer_sparas_manader": str(settings.FEEDBACK_COMMENT_RETENTION_MONTHS),
        "sokord_sparas_manader": str(settings.FEEDBACK_SEARCH_TERM_RETENTION_MONTHS),
        "spamskydd_tid": duration(window),
        "inloggning_upphor": duration(settings.SESSION_COOKIE_AGE),
        "inloggningar_sparas_dagar": str(settings.LOGIN_RECORD_RETENTION_DAYS),
        "felaktiga_inloggningar": str(settings.AXES_FAILURE_LIMIT),
        "inloggningsspärr": duration(int(settings.AXES_COOLOFF_TIME.total_seconds())),
        "kakor_for_redaktorer": _table(staff_cookies()),
        "lokal_lagring_for_redaktorer": _table(STAFF_LOCAL_STORAGE),
    }


def fill(html: str) -> SafeString:
    """Rendered page HTML with the facts it names filled in."""
    for name, value in facts().items():
        token = "{" + name + "}"
        if token in html:
            shown = conditional_escape(value)
            # A table stands in for the paragraph that named it.
            html = html.replace(f"<p>{token}</p>", shown).replace(token, shown)
    # The page HTML was sanitised when saved; every value put in was escaped.
    return mark_safe(html)


def fill_text(text: str, *, escape=str) -> str:
    """Plain text (a search snippet's source) with the short facts filled in; a table has
    no place there and is left out."""
    if "{" not in text:
        return text  # names no fact: most texts, and building the facts is not free
    for name, value in facts().items():
        token = "{" + name + "}"
        if token in text:
            text = text.replace(token, "" if isinstance(value, SafeString) else escape(value))
    return text


def fill_snippet(snippet: SafeString) -> SafeString:
    """A highlighted search snippet (escaped text and marks) with the facts filled in."""
    return mark_safe(fill_text(snippet, escape=conditional_escape)) if "{" in snippet else snippet
