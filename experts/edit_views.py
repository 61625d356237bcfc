"""The expert's own pages: building the CV step by step, export and deletion.

Every step is an ordinary form post (no JavaScript needed): each formset
shows two blank entries, and saving brings back two more.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import forms, permissions, services
from .models import ExpertProfile


@dataclass(frozen=True)
class Step:
    slug: str
    label: str | Promise
    intro: str | Promise = ""
    form_class: type | None = None
    formset_class: type | None = None


STEPS = [
    Step(
        "about",
        gettext_lazy("About you"),
        gettext_lazy("Your headline and summary are what others read first in the bank."),
        form_class=forms.AboutForm,
    ),
    Step(
        "languages",
        gettext_lazy("Languages"),
        gettext_lazy("Levels follow the Common European Framework of Reference (A1 to C2)."),
        formset_class=forms.LanguageSkillFormSet,
    ),
    Step(
        "expertise",
        gettext_lazy("Expertise"),
        gettext_lazy("Your areas of expertise and where you have worked."),
        form_class=forms.ExperienceAreasForm,
        formset_class=forms.ExpertiseEntryFormSet,
    ),
    Step(
        "work",
        gettext_lazy("Work history"),
        gettext_lazy("Jobs, consultancies and missions. Dates are months (YYYY-MM)."),
        formset_class=forms.WorkExperienceFormSet,
    ),
    Step("education", gettext_lazy("Education"), formset_class=forms.EducationFormSet),
    Step("trainings", gettext_lazy("Trainings given"), formset_class=forms.TrainingFormSet),
    Step(
        "publications",
        gettext_lazy("Publications"),
        gettext_lazy("A reference, a link (for instance to a resource in the library), or both."),
        formset_class=forms.PublicationFormSet,
    ),
    Step(
        "cv-file",
        gettext_lazy("CV file"),
        gettext_lazy("Optional: your own CV as a PDF or Word document."),
    ),
    Step(
        "privacy",
        gettext_lazy("Privacy"),
        gettext_lazy("Choose who can see your profile and download your CV file."),
        form_class=forms.PrivacyForm,
    ),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def _posted(request) -> tuple:
    """Form data and files of a POST (even an empty one, which must fail validation)."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _own_profile(user) -> ExpertProfile | None:
    return ExpertProfile.objects.filter(user=user).first()


def _members_only(request):
    """Only verified members keep a CV: others get a page that says why."""
    if permissions.can_create_profile(request.user):
        return None
    return render(
        request,
        "experts/members_only.html",
        {"breadcrumbs": [(_("Experts"), reverse("experts:bank")), (_("My expert profile"), None)]},
        status=403,
    )


def _crumbs(*extra):
    return [
        (_("Experts"), reverse("experts:bank")),
        (_("My expert profile"), reverse("experts:dashboard")),
        *extra,
    ]


@login_required
def dashboard(request):
    if refusal := _members_only(request):
        return refusal
    profile = _own_profile(request.user)
    return render(
        request,
        "experts/dashboard.html",
        {"profile": profile, "steps": STEPS, "breadcrumbs": _crumbs()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_step(request, step: str):
    if refusal := _members_only(request):
        return refusal
    current = STEPS_BY_SLUG.get(step)
    if current is None:
        raise Http404
    profile = _own_profile(request.user)
    if profile is None and current.slug != "about":
        messages.info(request, _("Start with a headline: it creates your profile."))
        return redirect("experts:edit", step="about")
    if current.slug == "cv-file":
        return _cv_file_step(request, profile, current)

    data, files = _posted(request)
    instance = profile or ExpertProfile(user=request.user)
    form = current.form_class(data, files, instance=instance) if current.form_class else None
    formset = (
        current.formset_class(data, files, instance=instance, prefix=current.slug)
        if current.formset_class
        else None
    )
    if request.method == "POST" and all(f.is_valid() for f in (form, formset) if f is not None):
        profile = _save_step(request, current, form, formset)
        return _after_save(request, current, profile)
    if request.method == "POST" and profile is not None and form is not None:
        # A rejected photo must not linger on the instance the page shows again.
        profile.refresh_from_db()
    return _render_step(request, current, profile, form=form, formset=formset)


@transaction.atomic
def _save_step(request, step: Step, form, formset) -> ExpertProfile:
    changed = []
    profile = form.instance if form is not None else formset.instance
    if form is not None:
        changed += form.changed_data
        profile = form.save()
        _forget_replaced_photo(form, profile)
    if formset is not None:
        formset.instance = profile
        if formset.has_changed():
            changed.append(step.slug)
        formset.save()
    services.record_edit(profile, request.user, step.slug, changed)
    return profile


def _forget_replaced_photo(form, profile: ExpertProfile) -> None:
    previous = getattr(form, "previous_photo", "")
    if previous and previous != profile.photo.name:
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(previous))


def _after_save(request, step: Step, profile: ExpertProfile):
    messages.success(request, _("“%(step)s” has been saved.") % {"step": step.label})
    index = STEPS.index(step)
    if "continue" in request.POST and index + 1 < len(STEPS):
        return redirect("experts:edit", step=STEPS[index + 1].slug)
    if "continue" in request.POST:
        return redirect(profile)
    return redirect("experts:edit", step=step.slug)


def _render_step(request, step: Step, profile, **forms_):
    has_errors = any(f is not None and f.is_bound and not f.is_valid() for f in forms_.values())
    index = STEPS.index(step)
    return render(
        request,
        "experts/edit_step.html",
        {
            "step": step,
            "steps": STEPS,
            "step_number": index + 1,
            "next_step": STEPS[index + 1] if index + 1 < len(STEPS) else None,
            "profile": profile,
            "has_errors": has_errors,
            "breadcrumbs": _crumbs((step.label, None)),
            **forms_,
        },
        status=400 if has_errors else 200,
    )


def _cv_file_step(request, profile: ExpertProfile, step: Step):
    limit = filesizeformat(settings.EXPERTS_CV_MAX_BYTES)
    data, files = _posted(request)
    form = forms.CvFileForm(data, files, max_size_label=limit)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["cv_file"]
        with transaction.atomic():
            if upload:
                services.replace_cv_file(profile, upload)
                services.record_edit(profile, request.user, step.slug, ["cv_file"])
            elif form.cleaned_data["remove"] and profile.cv_file:
                services.remove_cv_file(profile)
                services.record_edit(profile, request.user, step.slug, ["cv_file"])
        return _after_save(request, step, profile)
    return _render_step(request, step, profile, form=form)


@login_required
def export_json(request):
    profile = _own_profile(request.user)
    if profile is None:
        raise Http404
    payload = json.dumps(services.export_profile(profile), indent=2, ensure_ascii=False)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    filename = f"expert-profile-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    profile = _own_profile(request.user)
    if profile is None:
        raise Http404
    form = forms.DeleteProfileForm(_posted(request)[0])
    if request.method == "POST" and form.is_valid():
        profile.delete()
        messages.success(request, _("Your expert profile has been deleted."))
        return redirect("experts:bank")
    return render(
        request,
        "experts/delete.html",
        {"form": form, "profile": profile, "breadcrumbs": _crumbs((_("Delete"), None))},
        status=400 if form.errors else 200,
    )
