"""The operator's admin: accounts, two-factor methods and the security log.

It is mounted only when ``CAREERPATH_ADMIN_ENABLED`` is on, and it has no sign-in of
its own: its login page sends people to allauth's, so the admin is reached with the
same rate limits, second factor and security log as every other page.
"""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

# People's own records (profiles, goals, notes…) are deliberately not in the admin:
# an operator manages accounts, not their contents.
from careerpath.accounts.models import SecurityEvent, User
from careerpath.accounts.signals import record

admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


def _change_password(
    request: HttpRequest, extra_context: object = None
) -> HttpResponse:
    # allauth's page asks for the current password and writes the security log.
    return redirect("account_change_password")


admin.site.password_change = _change_password  # type: ignore[method-assign,assignment]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "display_name", "is_active", "is_staff", "date_joined")
    search_fields = ("email", "display_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Preferences", {"fields": ("display_name", "time_zone")}),
        (
            "Permissions",
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),
    )


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    list_display = ("kind", "user", "at", "ip_address")
    list_filter = ("kind",)


# allauth's own admin for authenticators edits their raw data: the TOTP secret and
# the recovery-code seed. This one never shows it.
if admin.site.is_registered(Authenticator):
    admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    """Who has which second factor, and a way to remove one for a person who lost
    both their device and their recovery codes; never the secret itself."""

    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    search_fields = ("user__email",)
    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Authenticator | None = None
    ) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Authenticator) -> None:
        _record_removal(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[Authenticator]
    ) -> None:
        for obj in queryset.select_related("user"):
            _record_removal(request, obj)
        super().delete_queryset(request, queryset)


def _record_removal(request: HttpRequest, authenticator: Authenticator) -> None:
    record(
        SecurityEvent.Kind.MFA_REMOVED,
        user=authenticator.user,
        request=request,
        detail=f"{authenticator.type}, by an operator",
    )
