"""Check the external links of all content: concurrently, politely, with timeouts.

Used by `manage.py check_links`. Each address is asked with HEAD first (cheap for the
other site) and with GET when HEAD fails, since many servers answer HEAD badly.
Redirects are followed; the result keeps the final address. Only standard-library
HTTP: the check runs from a closed network's edge with nothing else installed.
"""

import http.client
import socket
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst

from publishing import registry
from publishing.markdown import render_markdown
from publishing.models import LinkCheck


@dataclass(frozen=True)
class Result:
    url: str
    status_code: int | None
    final_url: str
    error: str

    @property
    def is_broken(self) -> bool:
        return bool(self.error) or self.status_code is None or self.status_code >= 400


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def links_in_markdown(text: str) -> set[str]:
    """The http(s) addresses linked from Markdown, as they reach the page after nh3."""
    parser = _LinkParser()
    parser.feed(render_markdown(text))
    return {href for href in parser.hrefs if href.startswith(("http://", "https://"))}


def external_links() -> dict[str, set[str]]:
    """Every external address in the content (drafts too), with where it is used."""
    found = defaultdict(set)
    for content_type in registry.with_links():
        declaration = content_type.declaration
        name = capfirst(content_type.verbose_name)
        for obj in content_type.model._base_manager.all():
            where = f"{name}: {obj}"
            for field in declaration.link_fields:
                url = getattr(obj, field)
                if url:
                    found[url].add(where)
            for field in declaration.markdown_fields:
                for url in links_in_markdown(getattr(obj, field)):
                    found[url].add(where)
    return dict(found)


def _describe(exc: BaseException, timeout: float) -> str:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"Svarade inte inom {timeout:g} sekunder."
    if isinstance(reason, socket.gaierror):
        return "Adressen finns inte (okänt domännamn)."
    if isinstance(reason, ConnectionRefusedError):
        return "Servern vägrade anslutningen."
    return f"Kunde inte hämtas: {reason}"[:500]


def check_url(url: str, *, timeout: float, user_agent: str) -> Result:
    """Ask `url` with HEAD, then GET if that fails; follow redirects."""
    result = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": user_agent, "Accept": "*/*"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                result = Result(url, response.status, response.geturl(), "")
        except urllib.error.HTTPError as exc:
            exc.close()
            result = Result(url, exc.code, exc.geturl() or url, f"HTTP {exc.code} {exc.reason}")
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            result = Result(url, None, "", _describe(exc, timeout))
            if "Svarade inte inom" in result.error:
                return result  # a server too slow for HEAD gets no second, longer wait
        if not result.is_broken:
            return result
    return result


def check_all(urls, *, timeout=None, workers=None, user_agent=None) -> list[Result]:
    """Check `urls` concurrently; the results in the order of `urls`."""
    timeout = settings.LINK_CHECK_TIMEOUT if timeout is None else timeout
    workers = workers or settings.LINK_CHECK_WORKERS
    user_agent = user_agent or settings.LINK_CHECK_USER_AGENT
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(
            pool.map(lambda url: check_url(url, timeout=timeout, user_agent=user_agent), urls)
        )


def record(results: list[Result], found: dict[str, set[str]]) -> None:
    """Store each result on its LinkCheck row (created on first check)."""
    now = timezone.now()
    for result in results:
        LinkCheck.objects.update_or_create(
            url=result.url,
            defaults={
                "status_code": result.status_code,
                "final_url": result.final_url[:1000],
                "error": result.error[:500],
                "is_broken": result.is_broken,
                "found_in": "\n".join(sorted(found.get(result.url, ()))),
                "checked_at": now,
            },
        )
