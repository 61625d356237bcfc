"""Forms of the workspaces: settings, membership flows, wiki, documents, directory filters."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from library.uploads import check_upload
from portal.models import Country, Theme
from portal.models.accounts import SPOKEN_LANGUAGES

from .models import (
    Document,
    JoinRequest,
    Membership,
    Milestone,
    NotificationFrequency,
    Role,
    Status,
    WikiPage,
    Workspace,
)

MAX_INVITATIONS_AT_ONCE = 50


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class WorkspaceForm(forms.ModelForm):
    """Create a workspace or change its settings (coordinators)."""

    themes = ThemeMultipleChoiceField(
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Themes"),
    )
    countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(),
        required=False,
        label=_("Countries"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    languages = forms.MultipleChoiceField(
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Working languages"),
    )

    class Meta:
        model = Workspace
        fields = [
            "name",
            "summary",
            "description",
            "themes",
            "countries",
            "languages",
            "cover_image",
            "visibility",
            "membership_policy",
            "status",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "visibility": forms.RadioSelect,
            "membership_policy": forms.RadioSelect,
            "cover_image": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names depend on the active language, so sort them here.
        self.fields["countries"].choices = [
            (country.pk, country.name) for country in Country.sorted_by_name(Country.objects.all())
        ]
        if self.instance.pk is None:
            del self.fields["status"]


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"message": _("Say who you are and why you want to join (optional).")}


class DecisionForm(forms.Form):
    APPROVE, DECLINE = "approve", "decline"
    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve")), (DECLINE, _("Decline"))], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason (sent to the person when you decline)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.DECLINE and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why you decline the request."))
        return cleaned

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == self.APPROVE


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One or more addresses, separated by commas or new lines."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)

    def clean_emails(self):
        raw = self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n")
        emails = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(emails) > MAX_INVITATIONS_AT_ONCE:
            raise ValidationError(
                _("Invite at most %(count)s people at once.") % {"count": MAX_INVITATIONS_AT_ONCE}
            )
        invalid = []
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                invalid.append(email)
        if invalid:
            raise ValidationError(
                _("These are not valid email addresses: %(emails)s")
                % {"emails": ", ".join(invalid)}
            )
        return emails


class LeaveForm(forms.Form):
    """Leaving; the last coordinator must name who takes over."""

    successor = forms.ModelChoiceField(
        queryset=Membership.objects.none(),
        label=_("New coordinator"),
        required=False,
        help_text=_("You are the last coordinator: choose who takes over before you leave."),
    )

    def __init__(self, *args, membership: Membership, needs_successor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_successor:
            del self.fields["successor"]
            return
        field = self.fields["successor"]
        field.required = True
        field.queryset = (
            Membership.objects.filter(workspace_id=membership.workspace_id)
            .exclude(pk=membership.pk)
            .select_related("user")
        )
        field.label_from_instance = lambda other: other.user.public_name


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class NotificationForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["notifications"]
        widgets = {"notifications": forms.RadioSelect}
        labels = {"notifications": _("Email me about this workspace")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notifications"].choices = NotificationFrequency.choices


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "date", "description"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}


class WikiPageForm(forms.Form):
    """Create or edit a wiki page; `base_revision` is the revision the editor started from."""

    title = forms.CharField(label=_("Title"), max_length=150)
    parent = forms.ModelChoiceField(
        queryset=WikiPage.objects.none(), label=_("Parent page"), required=False
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        strip=False,
        help_text=_("Markdown. Link to another page of this wiki with [[Page title]]."),
    )
    comment = forms.CharField(label=_("Summary of your changes"), max_length=200, required=False)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, workspace: Workspace, page: WikiPage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["parent"].queryset = WikiPage.objects.filter(workspace=workspace)
        # Offer only parents that can't make a cycle; a crafted POST is caught in clean_parent.
        self.fields["parent"].choices = [("", "---------")] + [
            (candidate.pk, candidate.title)
            for candidate in WikiPage.objects.filter(workspace=workspace).select_related("parent")
            if page is None or not page.is_ancestor_of(candidate)
        ]

    def clean_body(self):
        body = self.cleaned_data["body"]
        limit = settings.PROJECTS_WIKI_MAX_CHARS
        if len(body) > limit:
            raise ValidationError(
                _(
                    "This page is too long (%(length)s characters). The maximum is %(limit)s: "
                    "split it into several pages."
                )
                % {"length": f"{len(body):,}", "limit": f"{limit:,}"},
                code="too_long",
            )
        return body

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is not None and self.page is not None and self.page.is_ancestor_of(parent):
            raise ValidationError(
                _("A page can't be placed under itself or one of its own sub-pages."),
                code="cycle",
            )
        return parent


class UploadField(forms.FileField):
    """A file checked by size, then by content with the library's rules, before anything is saved.

    The checked format and safe file name are kept on the upload as `checked`.
    """

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload is None:
            return upload
        limit = settings.PROJECTS_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("This file is too large (%(size)s). The maximum is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        upload.checked = check_upload(upload, upload.name)
        return upload


class DocumentForm(forms.ModelForm):
    file = UploadField(label=_("File"))
    comment = forms.CharField(label=_("Note on this version"), max_length=200, required=False)

    class Meta:
        model = Document
        fields = ["title", "description", "folder"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class VersionForm(forms.Form):
    file = UploadField(label=_("New version of the file"))
    comment = forms.CharField(label=_("What changed"), max_length=200, required=False)


class DirectoryFilterForm(forms.Form):
    """The directory's filters (GET); invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *Status.choices],
    )

    def __init__(self, *args, themes, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.pk, country.name) for country in Country.sorted_by_name(countries)
        ]
