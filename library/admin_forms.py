"""The Wagtail admin form of resource pages.

Kept apart from forms.py because models import it (Page.base_form_class) and
it must not import the library's models or Wagtail's document forms.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from library.rights import rights_problems


class ResourcePageForm(WagtailAdminPageForm):
    """Reports the publication rule on the rights fields when the editor publishes.

    Submitting to a workflow counts as publishing: a reviewer's approval
    publishes the submitted revision as it is. Saving a draft with incomplete
    rights stays possible: rights are often cleared while the record is being
    prepared.
    """

    PUBLISHING_ACTIONS = ("action-publish", "action-submit")

    def clean(self):
        cleaned_data = super().clean()
        if not any(action in self.data for action in self.PUBLISHING_ACTIONS):
            return cleaned_data
        problems = rights_problems(
            basis=cleaned_data.get("rights_basis", ""),
            holder=cleaned_data.get("rights_holder", ""),
            licence=cleaned_data.get("licence", ""),
            permission_granted_by=cleaned_data.get("permission_granted_by", ""),
            permission_date=cleaned_data.get("permission_date"),
        )
        for field, message in problems.items():
            self.add_error(field, message)
        return cleaned_data
