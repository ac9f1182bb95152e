from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from bench.baseline.models import Entry, Item

TEXT = (
    "Förvaltningen prövade tekniken i en avgränsad verksamhet tillsammans med medarbetare, "
    "jurister och informationssäkerhetssamordnare."
)
ITEMS = [
    {"title": f"AI-initiativ nummer {n}", "text": TEXT, "url": f"/ai-initiativ/nummer-{n}/"}
    for n in range(1, 21)
]


def template_page(request):
    """A template rendering 20 items from memory."""
    return render(request, "baseline/page.html", {"items": ITEMS})


def database_page(request):
    """The same page with the 20 items read from the database."""
    return render(request, "baseline/page.html", {"items": Item.objects.all()[:20]})


def insert(request):
    """One INSERT, answered like the feedback form's plain POST (303)."""
    if request.method != "POST":
        return HttpResponse(status=405)
    Entry.objects.create(page=request.POST.get("page", "/"), helpful=True)
    response = HttpResponseRedirect("/mall/")
    response.status_code = 303
    return response


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
