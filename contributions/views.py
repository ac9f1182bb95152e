"""The visitors' forms: propose an initiative, report an error, "we test something similar".

Plain HTML forms that work without JavaScript and set no cookie: a cross-site POST is
refused by publishing/cross_site.py (no CSRF token, since visitors get no cookie), bad input
comes back with a Swedish message and everything typed, and a sent form is answered with a
303 to a receipt page. Spam (the honeypot, the rate limit, a duplicate) gets exactly the
answer success gets, and is not stored.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from contributions import services
from contributions.forms import ProposalForm, ShortMessageForm
from contributions.models import Message
from feedback import abuse
from initiatives.models import Initiative
from publishing import registry
from publishing.cross_site import same_origin_post


@dataclass(frozen=True)
class ShortForm:
    """One of the two short forms on every initiative page."""

    kind: str
    url_name: str
    title: str
    intro: str
    text_label: str
    text_hint: str
    button: str


SHORT_FORMS = {
    Message.Kind.ERROR: ShortForm(
        kind=Message.Kind.ERROR,
        url_name="contributions:report_error",
        title="Rapportera fel",
        intro="Har du sett något som är fel eller har ändrats i beskrivningen av initiativet? "
        "Berätta för redaktionen, så rättar vi det.",
        text_label="Vad är fel eller har ändrats?",
        text_hint="Skriv vad som står på sidan och vad som är rätt, gärna med en källa.",
        button="Skicka felrapporten",
    ),
    Message.Kind.SIMILAR: ShortForm(
        kind=Message.Kind.SIMILAR,
        url_name="contributions:similar",
        title="Vi testar något liknande",
        intro="Arbetar ni med något liknande i er kommun? Berätta kort för redaktionen. Vi kan "
        "sätta er i kontakt med varandra eller be er berätta om ert initiativ.",
        text_label="Vad testar ni?",
        text_hint="Skriv vilken kommun eller organisation ni är och vad ni gör.",
        button="Skicka",
    ),
}


def submitter(request) -> str:
    """The sender as the spam limits know them: a keyed hash that is useless tomorrow."""
    return abuse.client_hash(request, purpose="contribute")


def see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303  # the browser follows with GET
    return response


def published_initiative(slug: str) -> Initiative:
    return get_object_or_404(
        Initiative.objects.published().select_related("municipality"), slug=slug
    )


def initiative_is_published(slug, **kwargs) -> bool:
    return Initiative.objects.published().filter(slug=slug).exists()


def _breadcrumbs(initiative, label):
    return [
        ("AI-initiativ", reverse("initiatives:list")),
        (initiative.title, initiative.get_absolute_url()),
        (label, None),
    ]


@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
@registry.visitor_page(exists=initiative_is_published)
def short_message(request, slug, kind):
    initiative = published_initiative(slug)
    spec = SHORT_FORMS[kind]
    data = request.POST if request.method == "POST" else None
    form = ShortMessageForm(data, text_label=spec.text_label)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if not form.is_spam:
                message = services.submit_message(
                    kind=kind,
                    initiative=initiative,
                    text=form.cleaned_data["text"],
                    contact=form.sender_contact(),
                    client=submitter(request),
                )
                if message is not None:
                    services.notify_editors(request, message)
            return see_other(reverse(f"{spec.url_name}_received", kwargs={"slug": slug}))
        status = 400
    context = {
        "form": form,
        "spec": spec,
        "initiative": initiative,
        "breadcrumbs": _breadcrumbs(initiative, spec.title),
        **storage_context(),
    }
    return render(request, "contributions/short_message.html", context, status=status)


@require_safe
@registry.visitor_page(exists=initiative_is_published)
def short_message_received(request, slug, kind):
    initiative = published_initiative(slug)
    spec = SHORT_FORMS.get(kind)
    if spec is None:
        raise Http404
    context = {
        "spec": spec,
        "initiative": initiative,
        "breadcrumbs": _breadcrumbs(initiative, spec.title),
    }
    return render(request, "contributions/short_message_received.html", context)


def storage_context() -> dict:
    """What the forms say about how long they keep what is sent."""
    return {"retention_months": settings.FEEDBACK_COMMENT_RETENTION_MONTHS}


PROPOSE_TITLE = "Berätta om ert AI-initiativ"


@same_origin_post
@require_http_methods(["GET", "HEAD", "POST"])
@registry.visitor_page
def propose(request):
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if not form.is_spam:
                message = services.submit_proposal(
                    initiative_fields=form.initiative_fields(),
                    municipality=form.cleaned_data["municipality"],
                    new_municipality=form.cleaned_data["new_municipality"],
                    county=form.cleaned_data["county"],
                    text=form.cleaned_data["text"],
                    contact=form.sender_contact(),
                    client=submitter(request),
                )
                if message is not None:
                    services.notify_editors(request, message)
            return see_other(reverse("contributions:propose_received"))
        status = 400
    context = {
        "form": form,
        "title": PROPOSE_TITLE,
        "breadcrumbs": [("AI-initiativ", reverse("initiatives:list")), (PROPOSE_TITLE, None)],
        "proposal": True,
        **storage_context(),
    }
    return render(request, "contributions/propose.html", context, status=status)


@require_safe
@registry.visitor_page
def proposal_received(request):
    context = {
        "title": PROPOSE_TITLE,
        "breadcrumbs": [("AI-initiativ", reverse("initiatives:list")), (PROPOSE_TITLE, None)],
        **storage_context(),
    }
    return render(request, "contributions/proposal_received.html", context)
