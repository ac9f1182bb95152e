from django.urls import path

from initiatives import feeds, views

app_name = "initiatives"

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("rss.xml", feeds.InitiativeFeed(), name="feed_rss"),
    path("atom.xml", feeds.InitiativeAtomFeed(), name="feed_atom"),
    path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
]
