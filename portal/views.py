"""The site shell: start page, stand-alone pages, tag pages, search, open data, errors."""

import sys

from django.conf import settings
from django.db.models import Count, Q
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.csp import CSP, build_policy
from django.views.decorators.http import require_safe
from taggit.models import Tag

from initiatives.models import Initiative
from portal import dcat, startpage
from portal.middleware import database_unavailable_response, is_database_unavailable
from portal.models import Page, StartPage
from portal.search import MAX_QUERY_LENGTH, clean_query, search
from publishing import generation, opendata, registry, searchreport
from publishing.models import latest_update, published_q
from publishing.preview import can_preview, previewable
from publishing.templatetags.text import topic
from publishing.views import PublishedDetailView
from resources.models import Category, Resource


@require_safe
@registry.visitor_page(title="Startsidan")
@previewable
def home(request):
    if can_preview(request, StartPage):
        content = _home_content(request)
    else:
        # The same for every visitor until content changes: read once per generation.
        content = generation.remember("home", lambda: _home_content(request))
    return render(request, "portal/home.html", {**content, "preview": request.is_preview})


def _home_content(request) -> dict:
    initiatives = Initiative.objects.published()
    resources = Resource.objects.published()
    start_page = startpage.current(request)
    counts = {
        "antal_initiativ": initiatives.count(),
        # A resource listed in two categories is one resource.
        "antal_resurser": resources.count_distinct(),
        "antal_kategorier": Category.objects.count(),
    }
    return {
        "start_page": start_page,
        "entry_points": startpage.entries(start_page, counts),
        "featured_initiatives": startpage.featured(start_page, initiatives.for_cards()),
        # What the page shows: its own texts and the content it counts and features (not
        # the menu's links or pages it does not show, which carry their own dates).
        "last_updated": startpage.last_updated(start_page, initiatives, resources),
    }


class PageDetailView(PublishedDetailView):
    """A stand-alone page with its questions and answers."""

    model = Page
    template_name = "portal/page_detail.html"
    context_object_name = "page"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["questions"] = list(self.object.questions.all())
        return context


TAG_PAGE_INITIATIVES = 12
TAG_PAGE_RESOURCES = 20


def tag_has_published_content(slug) -> bool:
    """Whether the tag page at `slug` shows anything (the page exists for visitors)."""
    return (
        Initiative.objects.published().filter(tags__slug=slug).exists()
        or Resource.objects.published().filter(tags__slug=slug).exists()
    )


def tag_names(pages: list[dict]) -> list[str | None]:
    """The tag pages' titles in the statistics (each page's URL arguments), in one query."""
    names = dict(
        Tag.objects.filter(slug__in=[p["slug"] for p in pages]).values_list("slug", "name")
    )
    return [names.get(page["slug"]) for page in pages]


@require_safe
@registry.visitor_page(exists=tag_has_published_content, title=tag_names, section="Ämnen")
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    initiatives = Initiative.objects.published().filter(tags=tag)
    resources = Resource.objects.published().filter(tags=tag)
    # An overview: the first few of each kind, and a link to the filtered list for the rest,
    # so the page stays small however popular the tag becomes.
    context = {
        "tag": tag,
        "initiatives": initiatives.for_cards()[:TAG_PAGE_INITIATIVES],
        "initiative_count": initiatives.count(),
        "resources": resources.with_listing_data()[:TAG_PAGE_RESOURCES],
        "resource_count": resources.count(),
        "breadcrumbs": [("Ämnen", reverse("portal:tag_list")), (topic(tag.name), None)],
        "last_updated": latest_update(initiatives, resources),
    }
    if not context["initiative_count"] and not context["resource_count"]:
        # A tag used only by drafts must not reveal that the drafts exist.
        return render(request, "404.html", status=404)
    return render(request, "portal/tag_detail.html", context)


@require_safe
@registry.visitor_page(title="Ämnen", section="Ämnen")
def tag_list(request):
    tags = (
        Tag.objects.annotate(
            initiative_count=Count("initiative", filter=published_q("initiative__"), distinct=True),
            resource_count=Count("resource", filter=published_q("resource__"), distinct=True),
        )
        .filter(Q(initiative_count__gt=0) | Q(resource_count__gt=0))
        .order_by("name")
    )
    context = {"tags": tags, "breadcrumbs": [("Ämnen", None)]}
    return render(request, "portal/tag_list.html", context)


@require_safe
@registry.visitor_page(query_params=("q",), title="Sök")
def site_search(request):
    """The search page: the form, and results once a query is given."""
    cleaned = clean_query(request.GET.get("q"))
    results = search(cleaned.text) if cleaned.has_words else None
    context = {
        "query": cleaned.text,
        "submitted": "q" in request.GET,
        "has_words": cleaned.has_words,
        "truncated": cleaned.truncated,
        "max_length": MAX_QUERY_LENGTH,
        "results": results,
        "breadcrumbs": [("Sök", None)],
    }
    response = render(request, "portal/search.html", context)
    if results is not None:
        # Counted (as a redacted term) above the page cache, so cached hits count too.
        searchreport.report(response, query=cleaned.text, results=results.total)
    return response


@require_safe
@registry.visitor_page(title="Öppna data")
def open_data(request):
    """The open data page: what the files hold, their fields and their licence."""
    datasets = [
        {"dataset": dataset, "count": dataset.queryset().count()} for dataset in registry.datasets()
    ]
    context = {
        "datasets": datasets,
        "license": opendata.LICENSE,
        "list_separator": opendata.LIST_SEPARATOR,
        "breadcrumbs": [("Öppna data", None)],
    }
    return render(request, "portal/open_data.html", context)


@require_safe
def open_data_file(request, dataset, fmt):
    datasets = {dataset.slug: dataset for dataset in registry.datasets()}
    if dataset not in datasets or fmt not in opendata.FORMATS:
        raise Http404
    return opendata.respond(datasets[dataset], fmt)


@require_safe
def open_data_catalogue(request):
    """The datasets in DCAT-AP-SE (RDF/XML), the address Sveriges dataportal harvests.

    Not a visitor page (no feedback question, no page view): a file for machines. Like
    the data files it sets no cookie, so the page cache keeps it and any site may fetch it.
    """
    response = render(
        request,
        "portal/catalogue.rdf",
        {"catalogue": dcat.catalogue()},
        content_type="application/rdf+xml; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def favicon(request):
    """/favicon.ico, which browsers and crawlers ask for whatever the page's <link> says."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


OUTBOUND_PREFIX = "/ut/"  # where portal/urls.py puts feedback's outbound links


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        # The counted redirects to other sites' addresses (feedback/outbound.py).
        f"Disallow: {OUTBOUND_PREFIX}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bad_request(request, exception):
    """The 400 page, with the security headers every other answer has.

    A bad Host header is refused inside CommonMiddleware, so the header middleware after
    it never sees this answer: it carries them itself. Rendered without the request,
    whose host is what was wrong.
    """
    response = HttpResponseBadRequest(loader.get_template("400.html").render())
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
    for header, config in [
        (CSP.HEADER_ENFORCE, settings.SECURE_CSP),
        (CSP.HEADER_REPORT_ONLY, settings.SECURE_CSP_REPORT_ONLY),
    ]:
        if config:
            response[str(header)] = build_policy(config)
    return response


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Called while the exception is being handled. A lost database connection raised
    # outside a view (in a middleware) gets the same 503 page as one raised inside.
    if is_database_unavailable(exception := sys.exception()):
        # Django logged nothing yet; one line, no traceback, and the response counts as logged.
        return database_unavailable_response(request, exception)
    # Rendered without context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
