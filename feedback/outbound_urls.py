"""The counted outbound links, at /ut/ (portal/urls.py; robots.txt disallows the prefix)."""

from django.urls import path

from feedback import views

app_name = "outbound"

urlpatterns = [
    path("<str:label>/<int:pk>/<str:field>/", views.follow_link, name="follow"),
]
