"""Forms of the forums: writing posts, reporting, moderating, notification settings."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Forum, NotificationSettings
from .validators import validate_post_body

BODY_HELP = _(
    "Markdown is allowed: *italic*, **bold**, [link](https://…), lists, > quotes. "
    "Mention a member with @username or @First-Last (their display name with hyphens)."
)


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by the template) but form-filling robots fill in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]

    @property
    def honeypot(self):
        return self["website"]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise ValidationError(_("This message looks like spam and was not sent."))
        return cleaned_data


class PostForm(HoneypotMixin):
    body = forms.CharField(
        label=_("Your message"),
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 10}),
        strip=True,
    )

    def __init__(self, *args, author=None, **kwargs):
        self.author = author
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["maxlength"] = settings.FORUMS_POST_MAX_CHARS

    def clean_body(self):
        body = self.cleaned_data["body"]
        validate_post_body(body, self.author)
        return body


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=150, strip=True)

    field_order = ["title", "body", "website"]


class EditPostForm(PostForm):
    """Editing a post; the title field is kept only for the opening post of a topic."""

    title = forms.CharField(label=_("Title"), max_length=150, strip=True)

    field_order = ["title", "body", "website"]

    def __init__(self, *args, with_title: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_title:
            del self.fields["title"]


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should a moderator look at this post?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        strip=True,
    )


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in the moderation log)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        strip=True,
    )


class MoveTopicForm(ModerationReasonForm):
    forum = forms.ModelChoiceField(queryset=Forum.objects.none(), label=_("Move to forum"))
    field_order = ["forum", "reason"]

    def __init__(self, *args, forums=None, refusal="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums
        if refusal:  # a forum outside the list: say why rather than "not a valid choice"
            self.fields["forum"].error_messages["invalid_choice"] = refusal


class SplitTopicForm(ModerationReasonForm):
    title = forms.CharField(label=_("Title of the new topic"), max_length=150, strip=True)
    posts = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label=_("Posts to move into the new topic"),
    )
    field_order = ["title", "posts", "reason"]

    def __init__(self, *args, posts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posts"].queryset = posts
        self.fields["posts"].label_from_instance = lambda post: (
            f"{post.author.public_name if post.author else '—'}, "
            f"{post.created_at:%Y-%m-%d %H:%M}: {post.body[:80]}"
        )


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["delivery"]
        widgets = {"delivery": forms.RadioSelect}
        labels = {"delivery": _("Send me forum notifications by email")}


SUBSCRIPTION_MODES = [
    ("follow", _("Follow (notifications)")),
    ("mailing_list", _("Every post by email (mailing-list mode)")),
    ("off", _("Stop following")),
]


class SubscriptionForm(forms.Form):
    mode = forms.ChoiceField(choices=SUBSCRIPTION_MODES)
