from django.urls import path
from django.views.decorators.http import require_safe

from resources import feeds, views

app_name = "resources"

urlpatterns = [
    path("", views.CategoryListView.as_view(), name="category_list"),
    # Before the category pattern: "alla" is not a category.
    path("alla/", views.ResourceListView.as_view(), name="list"),
    path("rss.xml", require_safe(feeds.ResourceFeed()), name="feed_rss"),
    path("atom.xml", require_safe(feeds.ResourceAtomFeed()), name="feed_atom"),
    path("<slug:slug>/", views.CategoryDetailView.as_view(), name="category"),
]
