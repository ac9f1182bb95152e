"""The site shell: start page, stand-alone pages, tag pages and error pages."""

import sys

from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from taggit.models import Tag

from initiatives.models import Initiative
from portal import opendata
from portal.middleware import database_unavailable_response, is_database_unavailable
from portal.models import Page, published_q
from portal.preview import previewable, visible
from portal.search import MAX_QUERY_LENGTH, clean_query, search
from resources.models import Category, Resource


def latest_update(*querysets):
    """The newest `updated_at` among the given querysets: "Senast uppdaterad" for a page."""
    dates = [qs.aggregate(latest=Max("updated_at"))["latest"] for qs in querysets]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def home(request):
    initiatives = Initiative.objects.published()
    resources = Resource.objects.published()
    pages = Page.objects.published()
    context = {
        "latest_initiatives": initiatives.with_listing_data()[:3],
        "initiative_count": initiatives.count(),
        "resource_count": resources.count(),
        "category_count": Category.objects.count(),
        "intro_page": pages.filter(slug="introduktion-till-ai").first(),
        "network_page": pages.filter(slug="natverk-och-forum").first(),
        "last_updated": latest_update(initiatives, resources, pages),
    }
    return render(request, "portal/home.html", context)


@previewable
def page_detail(request, slug):
    page = get_object_or_404(visible(request, Page.objects.all()), slug=slug)
    questions = list(page.questions.all())
    context = {
        "page": page,
        "preview": request.is_preview,
        "questions": questions,
        "breadcrumbs": [(page.title, None)],
        "last_updated": page.updated_at,
    }
    return render(request, "portal/page_detail.html", context)


TAG_PAGE_INITIATIVES = 12
TAG_PAGE_RESOURCES = 20


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    initiatives = Initiative.objects.published().filter(tags=tag)
    resources = Resource.objects.published().filter(tags=tag)
    # An overview: the first few of each kind, and a link to the filtered list for the rest,
    # so the page stays small however popular the tag becomes.
    context = {
        "tag": tag,
        "initiatives": initiatives.with_listing_data()[:TAG_PAGE_INITIATIVES],
        "initiative_count": initiatives.count(),
        "resources": resources.with_listing_data()[:TAG_PAGE_RESOURCES],
        "resource_count": resources.count(),
        "breadcrumbs": [("Ämnen", reverse("portal:tag_list")), (tag.name, None)],
        "last_updated": latest_update(initiatives, resources),
    }
    if not context["initiative_count"] and not context["resource_count"]:
        # A tag used only by drafts must not reveal that the drafts exist.
        return render(request, "404.html", status=404)
    return render(request, "portal/tag_detail.html", context)


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


def site_search(request):
    """The search page: the form, and results once a query is given."""
    cleaned = clean_query(request.GET.get("q"))
    context = {
        "query": cleaned.text,
        "submitted": "q" in request.GET,
        "has_words": cleaned.has_words,
        "truncated": cleaned.truncated,
        "max_length": MAX_QUERY_LENGTH,
        "results": search(cleaned.text) if cleaned.has_words else None,
        "breadcrumbs": [("Sök", None)],
    }
    return render(request, "portal/search.html", context)


def open_data(request):
    """The open data page: what the files hold, their fields and their licence."""
    datasets = [
        {"dataset": dataset, "count": dataset.queryset().count()}
        for dataset in opendata.DATASETS.values()
    ]
    context = {
        "datasets": datasets,
        "license": opendata.LICENSE,
        "list_separator": opendata.LIST_SEPARATOR,
        "breadcrumbs": [("Öppna data", None)],
    }
    return render(request, "portal/open_data.html", context)


def open_data_file(request, dataset, fmt):
    if dataset not in opendata.DATASETS or fmt not in opendata.FORMATS:
        raise Http404
    return opendata.respond(opendata.DATASETS[dataset], fmt)


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


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
