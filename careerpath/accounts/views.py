"""Account settings: time zone, API tokens, security log, account deletion."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from careerpath.accounts.forms import (
    AccountDeleteForm,
    AccountSettingsForm,
    ApiTokenForm,
)
from careerpath.accounts.models import ApiToken, SecurityEvent
from careerpath.accounts.services import (
    create_api_token,
    delete_account,
    revoke_api_token,
)
from careerpath.core.access import get_owned_or_404
from careerpath.core.http import AuthenticatedHttpRequest


@require_http_methods(["GET", "POST"])
def account_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:account_settings")
    return TemplateResponse(request, "accounts/account_settings.html", {"form": form})


@require_http_methods(["GET", "POST"])
# A token acts as you until it expires, so creating one asks for the password (or
# second factor) again unless you signed in within the last few minutes.
@reauthentication_required(allow_get=True)
def token_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None, owner=request.user)
    new_token = None
    if form.is_valid():
        token, raw = create_api_token(
            user=request.user,
            name=form.cleaned_data["name"],
            request=request,
            expires_at=form.expires_at(),
        )
        new_token = {"token": token, "raw": raw}
        form = ApiTokenForm(owner=request.user)
    tokens = ApiToken.objects.owned_by(request.user)
    return TemplateResponse(
        request,
        "accounts/token_list.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
        status=422 if request.method == "POST" and form.errors else 200,
    )


@require_POST
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_owned_or_404(ApiToken, request.user, pk=pk)
    revoke_api_token(token=token, request=request)
    messages.success(
        request, f"The token “{token.name}” is revoked and stops working now."
    )
    return redirect("accounts:token_list")


def security_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    events = SecurityEvent.objects.filter(user=request.user)[:100]
    return TemplateResponse(request, "accounts/security_log.html", {"events": events})


@require_http_methods(["GET", "POST"])
@reauthentication_required
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if form.is_valid():
        user = request.user
        logout(request)
        delete_account(user=user)
        messages.success(request, "Your account and everything in it are deleted.")
        return redirect("account_login")
    return TemplateResponse(
        request,
        "accounts/account_delete.html",
        {"form": form},
        status=422 if form.errors else 200,
    )
