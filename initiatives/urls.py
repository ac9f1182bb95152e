from django.urls import path
from django.views.decorators.http import require_safe

from initiatives import feeds, views

app_name = "initiatives"

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("rss.xml", require_safe(feeds.InitiativeFeed()), name="feed_rss"),
    path("atom.xml", require_safe(feeds.InitiativeAtomFeed()), name="feed_atom"),
    path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
]
