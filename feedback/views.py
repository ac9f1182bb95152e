"""The visitor's side: answer, comment, film plays and outbound links.

Without JavaScript a form POST answers and the visitor is sent back (303) to the page
at the feedback block. feedback.js sends the same forms with fetch and gets the block's
new content back to swap in place. Spam gets exactly the response success gets.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST, require_safe

from feedback import abuse, films, outbound, paths, services
from feedback.forms import AnswerForm, CommentForm
from feedback.middleware import is_bot
from feedback.models import PageViewDay
from publishing.cross_site import same_origin_post

STATE_PARAM = "aterkoppling"
DONE = "klar"


def block_state(request, page: str) -> dict:
    """What the feedback block shows on `page`: the question, the comment form or thanks."""
    value = request.GET.get(STATE_PARAM, "")
    if value == DONE:
        return {"state": "done", "page": page}
    if value:
        data = services.read_comment_token(value)
        if data and data["page"] == page:
            return {"state": "comment", "page": page, "token": value}
    return {"state": "question", "page": page}


def is_fetch(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def back_to_page(request, page: str, state: str) -> HttpResponseRedirect:
    """303 to the page's feedback block; only ever to a page of this site that exists."""
    base = reverse("feedback:thanks") if page == paths.NOT_FOUND_PAGE else page
    url = f"{base}?{urlencode({STATE_PARAM: state})}#feedback"
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not safe or not paths.is_valid_feedback_page(page):
        url = reverse("portal:home")
    response = HttpResponseRedirect(url)
    response.status_code = 303  # See Other: the browser follows with GET
    return response


def respond(request, context: dict, *, status: int = 200):
    """The block's new content for fetch; a page of its own for a plain form POST."""
    if is_fetch(request):
        return render(request, "feedback/_body.html", context, status=status)
    if context["page"] == paths.NOT_FOUND_PAGE or not paths.page_exists(context["page"]):
        context["back_url"] = None
    else:
        context["back_url"] = context["page"]
    return render(request, "feedback/feedback_page.html", context, status=status)


def submitter(request) -> str:
    return abuse.client_hash(request, purpose="submit")


@same_origin_post
@require_POST
@never_cache
def answer(request):
    form = AnswerForm(request.POST)
    if not form.is_valid():
        context = {
            "state": "question",
            "form": form,
            "page": form.cleaned_data.get("page") or "",
            "comment": request.POST.get("comment", ""),
            "with_comment": bool(request.POST.get("comment")),
        }
        return respond(request, context, status=400)
    data = form.cleaned_data
    feedback = None
    if not form.is_spam:
        feedback = services.submit_answer(
            page=data["page"],
            helpful=data["helpful"],
            comment=data["comment"],
            client=submitter(request),
        )
    if data["comment"]:
        state = {"state": "done", "page": data["page"]}
        token = DONE
    else:
        token = services.make_comment_token(
            feedback_id=feedback.pk if feedback else None, page=data["page"]
        )
        state = {"state": "comment", "page": data["page"], "token": token}
    if is_fetch(request):
        return render(request, "feedback/_body.html", state)
    return back_to_page(request, data["page"], token)


@same_origin_post
@require_POST
@never_cache
def comment(request):
    form = CommentForm(request.POST)
    if not form.is_valid():
        context = {
            "form": form,
            "page": form.cleaned_data.get("page") or "",
            "comment": request.POST.get("comment", ""),
        }
        if form.has_error("__all__", "expired"):
            # The link to the answer is gone: offer Ja/Nej again with the comment kept.
            context.update(state="question", with_comment=True)
        else:
            context.update(state="comment", token=request.POST.get("token", ""))
        return respond(request, context, status=400)
    data = form.cleaned_data
    if not form.is_spam:
        services.attach_comment(
            feedback_id=data["feedback_id"],
            page=data["page"],
            comment=data["comment"],
            client=submitter(request),
        )
    if is_fetch(request):
        return render(request, "feedback/_body.html", {"state": "done", "page": data["page"]})
    return back_to_page(request, data["page"], DONE)


@require_GET
def thanks(request):
    """Where a plain form POST from the not-found page lands: it has no address of its own."""
    context = block_state(request, paths.NOT_FOUND_PAGE)
    context["back_url"] = None
    return render(request, "feedback/feedback_page.html", context)


@same_origin_post
@require_POST
def film_play(request):
    """Count a play of a webinar film (sent by feedback.js when a film starts).

    Only films a published page shows are counted (feedback/films.py).
    """
    film = films.shown_film(request.POST.get("film"))
    if film is None:
        return HttpResponse("Okänd film.", status=400, content_type="text/plain; charset=utf-8")
    if not is_bot(request):
        services.record_film_play(
            film=film,
            client=submitter(request),
            visitor=abuse.client_hash(
                request, purpose="view", with_user_agent=True, extra=f"film\n{film}"
            ),
        )
    return HttpResponse(status=204)


@require_safe
@never_cache
def follow_link(request, label, pk, field):
    """Count a click on an external link we show, then send the visitor there.

    Only to the address stored in our published content for that item and field
    (feedback/outbound.py); anything else is a 404.
    """
    url = outbound.target(label, pk, field)
    if url is None:
        raise Http404("Ingen sådan länk.")
    user = getattr(request, "user", None)
    is_staff = user is not None and user.is_authenticated and user.is_staff
    if request.method == "GET" and not is_bot(request) and not is_staff:
        link = outbound.Link(label, pk, field)
        services.record_view(
            kind=PageViewDay.Kind.LINK,
            key=link.key,
            visitor=abuse.client_hash(
                request, purpose="view", with_user_agent=True, extra=f"link\n{link.key}"
            ),
        )
    response = HttpResponseRedirect(url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
