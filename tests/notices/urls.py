"""The site's URLs with the notices' own page in front of them."""

from django.urls import include, path

from portal.urls import handler404, handler500
from portal.urls import urlpatterns as site_urlpatterns
from publishing.views import PublishedDetailView
from tests.notices.models import Notice

__all__ = ["handler404", "handler500", "urlpatterns"]

notice_patterns = [
    path(
        "<slug:slug>/",
        PublishedDetailView.as_view(model=Notice, template_name="notices/notice_detail.html"),
        name="detail",
    )
]

urlpatterns = [path("notiser/", include((notice_patterns, "notices"))), *site_urlpatterns]
