"""Who sees and changes what in the newsletter app: the one place that says it.

Every path that shows news items or issues (views, feeds, providers, search
documents, the admin) goes through these querysets and predicates.
"""

from django.db import models


def can_moderate_news(user) -> bool:
    """Editors (and superusers) moderate user news and see every item."""
    return bool(
        user is not None and user.is_authenticated and user.has_perm("newsletter.change_newsitem")
    )


def can_post_news(user) -> bool:
    """Only verified members (the Member role) post news from the field."""
    return bool(
        user is not None and user.is_authenticated and user.has_perm("newsletter.add_newsitem")
    )


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status="published")

    def visible_to(self, user):
        """Published items for everyone; their own items for contributors; all for editors."""
        if can_moderate_news(user):
            return self
        if user is not None and user.is_authenticated:
            return self.filter(models.Q(status="published") | models.Q(author=user))
        return self.published()

    def editable_by(self, user):
        """Contributors may change their items until an editor has published them."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(author=user).exclude(status="published")


def issues_visible_to(queryset, user):
    """Live issues without view restrictions; editors preview drafts through the admin."""
    return queryset.live().public()
