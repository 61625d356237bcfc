"""Members' own pages: profile, personal data export, account deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, ProfileForm
from .personal_data import export_personal_data
from .services import delete_account


@login_required
def profile(request):
    return render(
        request,
        "portal/profile.html",
        {"member": request.user, "breadcrumbs": [(_("My profile"), None)]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        member = form.save()
        messages.success(request, _("Your profile has been saved."))
        # Show the profile in the language the member just chose.
        return redirect(translate_url(reverse("profile"), member.preferred_language))
    if request.method == "POST":
        # Never keep a rejected upload on the instance shown back to the member.
        request.user.refresh_from_db()
    return render(
        request,
        "portal/profile_edit.html",
        {
            "form": form,
            "breadcrumbs": [(_("My profile"), reverse("profile")), (_("Edit"), None)],
        },
        status=400 if form.errors else 200,
    )


@login_required
def personal_data(request):
    payload = json.dumps(export_personal_data(request.user), indent=2, ensure_ascii=False)
    filename = f"personal-data-{timezone.now():%Y-%m-%d}.json"
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect("/")
    return render(
        request,
        "portal/account_delete.html",
        {
            "form": form,
            "breadcrumbs": [(_("My profile"), reverse("profile")), (_("Delete account"), None)],
        },
        status=400 if form.errors else 200,
    )


def healthz(request):
    """Liveness probe for load balancers: answers without touching the database."""
    return JsonResponse({"status": "ok"})
