from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("", views.category_list, name="category_list"),
    path("<slug:slug>/", views.category_detail, name="category"),
]
