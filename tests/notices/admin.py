from django.contrib import admin

from publishing.admin import PublishableAdmin
from tests.notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(PublishableAdmin):
    list_display = ["title", "state_column", "review_column", "preview_column"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "url"]}),
        PublishableAdmin.publication_fieldset,
        PublishableAdmin.review_fieldset,
    ]
