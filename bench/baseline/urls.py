from django.urls import path

from bench.baseline import views

urlpatterns = [
    path("mall/", views.template_page),
    path("databas/", views.database_page),
    path("spara/", views.insert),
    path("healthz", views.healthz),
]
