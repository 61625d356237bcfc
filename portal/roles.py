"""The portal's roles (Django groups) and the permissions each one carries.

The groups themselves are created by a data migration; their permissions are
synced after every `migrate`, because permission rows only exist once all
apps have migrated.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

MEMBER = "Member"
EDITOR = "Editor"
MODERATOR = "Moderator"
STAFF = "Staff"
ROLES = [MEMBER, EDITOR, MODERATOR, STAFF]

# "app_label.codename" for each role; apps add their own as they land.
ROLE_PERMISSIONS: dict[str, set[str]] = {
    MEMBER: set(),
    EDITOR: {
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "portal.add_theme",
        "portal.change_theme",
        "portal.add_region",
        "portal.change_region",
    },
    MODERATOR: {"wagtailadmin.access_admin"},
    STAFF: {
        "wagtailadmin.access_admin",
        "portal.add_user",
        "portal.change_user",
        "portal.delete_user",
        "portal.view_user",
        "auth.change_group",
        "auth.view_group",
        "portal.add_theme",
        "portal.change_theme",
        "portal.delete_theme",
        "portal.add_region",
        "portal.change_region",
        "portal.delete_region",
    },
}

# Page-tree permissions granted on the tree root (so on every page) to editors.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# Wagtail checks documents and images per collection, not through the group's
# model permissions: editors get these on the root collection (so on all).
EDITOR_COLLECTION_PERMISSIONS = [
    f"{app_label}.{action}_{model}"
    for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image"))
    for action in ("add", "change", "choose")
]


def register_role_permissions(role: str, permissions: set[str]) -> None:
    """Let an app grant its own permissions to a role (called from its AppConfig.ready)."""
    ROLE_PERMISSIONS.setdefault(role, set()).update(permissions)


def _permissions(names: set[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = Permission.objects.filter(codename__in={codename for _app, codename in wanted})
    return [
        permission
        for permission in found.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]


def sync_role_permissions(sender, **kwargs) -> None:
    """Make every role's group hold exactly the permissions listed above (idempotent).

    Connected to post_migrate; runs when the last app with models has migrated,
    once every app's permission rows exist.
    """
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    if sender is not [config for config in apps.get_app_configs() if config.models_module][-1]:
        return

    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(names))

    root = Page.get_first_root_node()
    if root is None:
        return
    editors = Group.objects.get(name=EDITOR)
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)

    root_collection = Collection.get_first_root_node()
    for permission in _permissions(set(EDITOR_COLLECTION_PERMISSIONS)):
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root_collection, permission=permission
        )
