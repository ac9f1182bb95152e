from django.urls import path

from contributions import views
from contributions.models import Message

app_name = "contributions"

ERROR = {"kind": Message.Kind.ERROR}
SIMILAR = {"kind": Message.Kind.SIMILAR}

urlpatterns = [
    path("beratta-om-ert-ai-initiativ/", views.propose, name="propose"),
    path("beratta-om-ert-ai-initiativ/tack/", views.proposal_received, name="propose_received"),
    path(
        "ai-initiativ/<slug:slug>/rapportera-fel/", views.short_message, ERROR, name="report_error"
    ),
    path(
        "ai-initiativ/<slug:slug>/rapportera-fel/tack/",
        views.short_message_received,
        ERROR,
        name="report_error_received",
    ),
    path(
        "ai-initiativ/<slug:slug>/vi-testar-nagot-liknande/",
        views.short_message,
        SIMILAR,
        name="similar",
    ),
    path(
        "ai-initiativ/<slug:slug>/vi-testar-nagot-liknande/tack/",
        views.short_message_received,
        SIMILAR,
        name="similar_received",
    ),
]
