"""A stand-in for project workspaces: the simplest owner a forum can have.

The models live in their own app registry, so Django never migrates them; the
forum tests create their tables once per test session (see conftest.py).
"""

from django.apps.registry import Apps
from django.db import models

test_apps = Apps()


class TestWorkspace(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "forums_tests"
        apps = test_apps

    def __str__(self):
        return self.name

    @classmethod
    def forum_reader_owner_ids(cls, user):
        if not user.is_authenticated:
            return TestWorkspaceMembership.objects.none().values("workspace_id")
        return TestWorkspaceMembership.objects.filter(user_id=user.pk).values("workspace_id")

    @classmethod
    def forum_poster_owner_ids(cls, user):
        return cls.forum_reader_owner_ids(user)

    def forum_posting_refusal(self, user) -> str:
        return "Only members of this workspace can post here."

    def forum_access_tokens(self) -> frozenset[str]:
        return frozenset({f"workspace:{self.pk}"})


class TestWorkspaceMembership(models.Model):
    workspace = models.ForeignKey(TestWorkspace, on_delete=models.CASCADE)
    user_id = models.BigIntegerField()

    class Meta:
        app_label = "forums_tests"
        apps = test_apps

    def __str__(self):
        return f"{self.user_id} in {self.workspace_id}"
