"""Login lockouts in the admin: see who is locked out, and lift a lock.

django-axes counts failed logins per username and client address (the address comes from
`feedback.abuse.client_ip`, so behind the load balancer it is the visitor's, not the
balancer's). Its own admin is turned off (AXES_ENABLE_ADMIN = False) and registered here
instead, with the action "Häv spärren"; the app's name is Swedish (portal/lockouts_app.py),
and so are its texts (locale/sv). Only those with the axes
permissions see it: superusers and the Administratör role, never Redaktör.

A lock is the AccessAttempt row itself: deleting it (the action, or the ordinary delete)
lifts the lock at once, and the person can log in again.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.conf import settings as axes_settings
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages


class LockedOutFilter(admin.SimpleListFilter):
    title = "spärrad"
    parameter_name = "sparrad"

    def lookups(self, request, model_admin):
        return [("ja", "Ja"), ("nej", "Nej")]

    def queryset(self, request, queryset):
        limit = axes_settings.AXES_FAILURE_LIMIT
        if self.value() == "ja":
            return queryset.filter(failures_since_start__gte=limit)
        if self.value() == "nej":
            return queryset.filter(failures_since_start__lt=limit)
        return queryset


class LockoutAdmin(AccessAttemptAdmin):
    list_display = [
        "username",
        "ip_address",
        "attempt_time",
        "failures_since_start",
        "status",
        "user_agent",
    ]
    list_filter = [LockedOutFilter, "attempt_time"]
    actions = ["lift_lock"]

    @admin.display(description="läge")
    def status(self, obj):
        remaining = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return "Spärrad" if remaining <= 0 else f"{remaining} försök kvar"

    @admin.action(description="Häv spärren", permissions=["delete"])
    def lift_lock(self, request, queryset):
        self.log_deletions(request, queryset)  # in Ändringslogg, with who and when
        count = queryset.count()
        queryset.delete()
        self.message_user(
            request,
            f"Spärren är hävd för {count} inloggning(ar). De kan logga in igen.",
            messages.SUCCESS,
        )


admin.site.register(AccessAttempt, LockoutAdmin)
admin.site.register(AccessFailureLog, AccessFailureLogAdmin)
admin.site.register(AccessLog, AccessLogAdmin)
