from django.contrib import admin
from django.urls import path

from bench.baseline.urls import urlpatterns as baseline_patterns

urlpatterns = [path("admin/", admin.site.urls), *baseline_patterns]
