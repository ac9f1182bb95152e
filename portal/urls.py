from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from media.urls import media_patterns
from portal import health, views
from portal.sitemaps import sitemaps
from publishing.admin import review_list_view

site_patterns = [
    path("", views.home, name="home"),
    path("amnen/", views.tag_list, name="tag_list"),
    path("amnen/<slug:slug>/", views.tag_detail, name="tag"),
    path("sok/", views.site_search, name="search"),
    path("oppna-data/", views.open_data, name="open_data"),
    # Before the data files' pattern, which would take "katalog.rdf" for a dataset.
    path("oppna-data/katalog.rdf", views.open_data_catalogue, name="open_data_catalogue"),
    path("oppna-data/<slug:dataset>.<slug:fmt>", views.open_data_file, name="open_data_file"),
    # Stand-alone pages last: their slugs live at the top level (/introduktion-till-ai/).
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page"),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),  # load balancer check, see docs/production.md
    # "Innehåll att granska" spans every content type, so it is a view of the admin site
    # rather than of one model's admin.
    path("admin/granska/", admin.site.admin_view(review_list_view), name="admin_review_list"),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": sitemaps()}, name="sitemap"),
    # Visitors' forms to the editors, some under /ai-initiativ/<slug>/ (contributions app).
    path("", include("contributions.urls")),
    path("ai-initiativ/", include("initiatives.urls")),
    path("stod-och-verktyg/", include("resources.urls")),
    path("aterkoppling/", include("feedback.urls")),
    # Counted links to other sites (views.OUTBOUND_PREFIX: robots.txt disallows it).
    path("ut/", include("feedback.outbound_urls")),
    path("", include("media.urls")),
    *(media_patterns(settings.MEDIA_URL.strip("/")) if settings.MEDIA_SERVE else []),
    path("", include((site_patterns, "portal"))),
]

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
