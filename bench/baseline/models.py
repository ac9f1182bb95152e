from django.db import models


class Item(models.Model):
    """One card of the baseline page."""

    title = models.CharField(max_length=200)
    text = models.TextField()
    url = models.CharField(max_length=200)

    class Meta:
        app_label = "baseline"
        ordering = ["pk"]

    def __str__(self):
        return self.title


class Entry(models.Model):
    """What the bare insert writes (the feedback POST's counterpart)."""

    page = models.CharField(max_length=300)
    helpful = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "baseline"

    def __str__(self):
        return self.page
