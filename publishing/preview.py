"""Preview: an editor sees a draft at its real address, rendered by the public view.

`?preview=1` from a signed-in staff member who may change the content turns the view's
queryset from "published" into "everything". Anybody else gets the public page or a 404,
exactly as without the parameter. Previews are personal and unfinished: they are never
cached by a browser or proxy and never indexed.
"""

from functools import wraps

from django.db import models

PREVIEW_PARAMETER = "preview"


def can_preview(request, model: type[models.Model]) -> bool:
    """True when this request asks for a preview and its user may change `model`."""
    if request.GET.get(PREVIEW_PARAMETER) != "1":
        return False
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def visible(request, queryset: models.QuerySet | models.Manager) -> models.QuerySet:
    """`queryset.published()` for visitors; every row for an editor previewing it.

    Given the model's manager rather than a queryset, the published rows come from the
    filter built once per content generation (publishing.models.PublishedManager).
    """
    if can_preview(request, queryset.model):
        request.is_preview = True
        return queryset.all()
    return queryset.published()


def preview_url(obj) -> str:
    """The public address of `obj` with the preview switch, keeping any #anchor last."""
    url = obj.get_absolute_url()
    path, hash_mark, anchor = url.partition("#")
    separator = "&" if "?" in path else "?"
    return f"{path}{separator}{PREVIEW_PARAMETER}=1{hash_mark}{anchor}"


def mark_private(response):
    """Headers that keep a preview out of every cache and search engine."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def previewable(view):
    """Decorate a view that calls `visible()`: a previewed response is marked private."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.is_preview = False
        response = view(request, *args, **kwargs)
        if request.is_preview:
            mark_private(response)
        return response

    return wrapper


class PreviewMixin:
    """For a class-based view whose `get_queryset` filters through `visible()`."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = self.request.is_preview
        return context

    def dispatch(self, request, *args, **kwargs):
        return previewable(super().dispatch)(request, *args, **kwargs)
