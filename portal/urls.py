from django.contrib import admin
from django.urls import include, path

from portal import health, views

site_patterns = [
    path("", views.home, name="home"),
    path("amnen/", views.tag_list, name="tag_list"),
    path("amnen/<slug:slug>/", views.tag_detail, name="tag"),
    # Stand-alone pages last: their slugs live at the top level (/introduktion-till-ai/).
    path("<slug:slug>/", views.page_detail, name="page"),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),  # load balancer check, see docs/production.md
    *health.benchmark_patterns(),  # empty unless bench/run.py starts the app with BENCH_BASELINE=1
    path("admin/", admin.site.urls),
    path("ai-initiativ/", include("initiatives.urls")),
    path("stod-och-verktyg/", include("resources.urls")),
    path("", include((site_patterns, "portal"))),
]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
