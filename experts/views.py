"""What everyone sees of the bank: the search page, profiles, their PDF and CV file, contact."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import activity, permissions, services
from .bank import search_profiles, with_listing_relations
from .forms import BankFilterForm, ContactForm
from .models import Expertise, ExpertProfile
from .pdf import pdf_filename, render_cv_pdf

PAGE_SIZE = 20


def _bank_crumbs(*extra):
    return [(_("Experts"), reverse("experts:bank")), *extra]


def bank(request):
    form = BankFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    profiles = with_listing_relations(search_profiles(request.user, filters))
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    response = render(
        request,
        "experts/bank.html",
        {
            "form": form,
            "page_obj": page,
            "query_string": query.urlencode(),
            "filtered": bool(filters),
            "has_profile": request.user.is_authenticated
            and ExpertProfile.objects.filter(user=request.user).exists(),
            "breadcrumbs": [(_("Experts"), None)],
        },
    )
    _vary_on_viewer(response)
    return response


def _visible_profile(request, pk: int) -> ExpertProfile:
    """The profile if the viewer may see it; a 404 otherwise, so its existence doesn't leak."""
    profiles = ExpertProfile.objects.visible_to(request.user).select_related(
        "user", "nationality", "residence", "validated_by"
    )
    return get_object_or_404(profiles, pk=pk)


def _with_cv_relations(profile_id: int, user):
    return get_object_or_404(
        ExpertProfile.objects.visible_to(user)
        .select_related("user", "nationality", "residence")
        .prefetch_related(
            "languages",
            Prefetch("expertise", queryset=Expertise.objects.select_related("theme")),
            "experience_countries",
            "experience_regions",
            "work_history__country",
            "education",
            "trainings__country",
            "publications",
        ),
        pk=profile_id,
    )


def profile(request, pk: int):
    expert = _with_cv_relations(pk, request.user)
    user = request.user
    context = {
        "profile": expert,
        "is_owner": permissions.is_owner(user, expert),
        "can_contact": permissions.can_contact(user, expert),
        "can_download_cv_file": permissions.can_download_cv_file(user, expert),
        "can_validate": permissions.can_validate(user),
        "activity_sections": activity.sections_for(expert.user, user),
        "breadcrumbs": _bank_crumbs((expert.name, None)),
    }
    if context["can_validate"]:
        context["edit_log"] = expert.edit_log.select_related("editor")[:20]
    response = render(request, "experts/profile.html", context)
    _vary_on_viewer(response)
    return response


def profile_pdf(request, pk: int):
    expert = _with_cv_relations(pk, request.user)
    response = HttpResponse(render_cv_pdf(expert, {"request": request}), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf_filename(expert)}"'
    _vary_on_viewer(response)
    return response


def cv_file(request, pk: int):
    expert = _visible_profile(request, pk)
    if not permissions.can_download_cv_file(request.user, expert):
        raise Http404
    response = FileResponse(
        expert.cv_file.open("rb"),
        as_attachment=True,
        filename=expert.cv_file_name,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def contact(request, pk: int):
    expert = _visible_profile(request, pk)
    if permissions.is_owner(request.user, expert):
        messages.info(request, _("This is your own profile."))
        return redirect(expert)
    form = ContactForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if services.contact_is_rate_limited(request, expert):
            form.add_error(
                None,
                _(
                    "You have sent too many messages in a short time. Please wait a while "
                    "before writing again."
                ),
            )
            status = 429
        else:
            data = form.cleaned_data
            services.send_contact_message(request.user, expert, data["subject"], data["body"])
            messages.success(
                request,
                _("Your message has been sent to %(name)s by email.") % {"name": expert.name},
            )
            return redirect(expert)
    if form.errors and status == 200:
        status = 400
    return render(
        request,
        "experts/contact.html",
        {
            "form": form,
            "profile": expert,
            "breadcrumbs": _bank_crumbs(
                (expert.name, expert.get_absolute_url()), (_("Contact"), None)
            ),
        },
        status=status,
    )


@login_required
@require_POST
def validation(request, pk: int):
    if not permissions.can_validate(request.user):
        raise PermissionDenied
    expert = _visible_profile(request, pk)
    validated = request.POST.get("validated") == "1"
    services.set_validated(expert, validated, request.user)
    if validated:
        messages.success(request, _("The profile now carries the “validated expert” badge."))
    else:
        messages.success(request, _("The “validated expert” badge has been removed."))
    return redirect(expert)


def _vary_on_viewer(response) -> None:
    """What a page shows depends on who looks: never let a shared cache keep it."""
    response["Cache-Control"] = "private"
