from django.urls import path

from initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
]
