from django.urls import path, re_path

from media import views

app_name = "media"

urlpatterns = [
    path("dokument/<int:pk>/<slug:slug>.<slug:ext>", views.document, name="document"),
]


def media_patterns(prefix: str):
    """Serve uploaded files under `prefix` (MEDIA_URL without its slashes)."""
    return [re_path(rf"^{prefix}/(?P<path>.+)$", views.serve_media, name="media_file")]
