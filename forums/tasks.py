"""Background work of the forums: notifying about new posts, sending the daily digests."""

from django_tasks import task

from .notifications import notify_about_post, send_daily_digests


@task()
def notify_post(post_id: int) -> int:
    """Notify everyone who should hear about a newly published post (safe to retry)."""
    return notify_about_post(post_id)


@task()
def send_digests() -> int:
    """Send the daily digests of pending notifications (safe to retry)."""
    return send_daily_digests()
