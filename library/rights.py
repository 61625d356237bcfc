"""The publication rule for resources: who holds the rights, and on what basis we publish.

A pure function of the rights fields so that the admin form (field-level
messages for the editor) and the model's publish guard (every other path:
bulk actions, scripts, imports) apply exactly the same rule.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RightsBasis(models.TextChoices):
    OWN_PUBLICATION = "own", _("Own publication")
    OPEN_LICENCE = "open-licence", _("Open licence")
    PERMISSION_GRANTED = "permission", _("Permission granted")


class RightsNotCleared(Exception):
    """Raised when something tries to publish a resource whose rights are not recorded."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__(" ".join(str(message) for message in problems.values()))


def rights_problems(
    *,
    basis: str,
    holder: str,
    licence: str,
    permission_granted_by: str,
    permission_date,
) -> dict[str, str]:
    """Return {field name: message} for what must be recorded before publishing (empty if none)."""
    holder_name = holder or _("someone else")
    if basis == RightsBasis.OWN_PUBLICATION:
        return {}
    if basis == RightsBasis.OPEN_LICENCE:
        if licence.strip():
            return {}
        return {"licence": _("Name the open licence this resource is published under.")}
    if basis == RightsBasis.PERMISSION_GRANTED:
        problems = {}
        if not permission_granted_by.strip():
            problems["permission_granted_by"] = _(
                "Record who granted the permission to publish this resource."
            )
        if permission_date is None:
            problems["permission_date"] = _("Record when the permission was granted.")
        return problems
    return {
        "rights_basis": _(
            "This resource belongs to %(holder)s: record the permission granted or the open "
            "licence before publishing it (or mark it as our own publication)."
        )
        % {"holder": holder_name}
    }
