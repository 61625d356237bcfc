"""Who sees what in the events app — the one place that says it.

Events: `EventPage.objects.visible_to(user)` (live, without view restriction)
is the rule for every path that lists or shows events: the list page, the
calendar feeds, the home and theme pages, search documents, the newsletter.
Registrations: a member sees their own; organisers (the event page's owner)
and editors see every registration of an event and export them.
"""

from django.db import models
from wagtail.models import PageQuerySet

from portal import roles

VIEW_REGISTRATIONS = "events.view_registration"


class EventPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Events anyone may list and open: live and without a view restriction.

        A restricted event stays out of every list, feed and search even for
        readers who could open it, as restricted library resources do.
        """
        return self.live().public()

    def upcoming(self, today):
        return self.filter(ends_on__gte=today)

    def past(self, today):
        return self.filter(ends_on__lt=today)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status="cancelled")

    def visible_to(self, user):
        """A member's own registrations; every registration for editors."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.has_perm(VIEW_REGISTRATIONS):
            return self
        return self.filter(user=user)


def can_manage_registrations(user, event) -> bool:
    """Editors, and the organiser who owns the event page, see and export participants."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(VIEW_REGISTRATIONS) or (event.owner_id == user.pk)


def can_register(user) -> bool:
    """Members register: an account becomes a Member once its email address is verified."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_role(roles.MEMBER)
    )


def can_see_online_link(user, event, registration=None) -> bool:
    """The online link is public unless the organiser keeps it for registered participants."""
    if not event.online_url:
        return False
    if not event.online_link_for_participants_only:
        return True
    if can_manage_registrations(user, event):
        return True
    return registration is not None and registration.status == "confirmed"


# Editors who moderate user news turn members' event proposals into events.
CONVERT_NEWS = "newsletter.change_newsitem"
