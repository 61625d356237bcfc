"""A member's news items and G-NEWS subscription, for their "download my data" file."""

from .models import NewsItem, Subscriber


def export_newsletter_data(user) -> dict:
    news = (
        NewsItem.objects.filter(author=user)
        .prefetch_related("links", "themes", "countries", "submissions")
        .select_related("category")
    )
    subscription = Subscriber.objects.filter(user=user).first() or (
        Subscriber.objects.with_email(user.email).first()
    )
    return {
        "news": [
            {
                **item.snapshot(),
                "status": item.status,
                "rejection_reason": item.rejection_reason,
                "created_at": item.created_at.isoformat(),
                "published_at": item.published_at.isoformat() if item.published_at else None,
                "submissions": [
                    {"submitted_at": s.submitted_at.isoformat(), "content": s.content}
                    for s in item.submissions.all()
                ],
            }
            for item in news
        ],
        "subscription": (
            {
                "email": subscription.email,
                "edition": subscription.language,
                "status": subscription.status,
                "signed_up_at": subscription.created_at.isoformat(),
                "consent_given_at": (
                    subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
                ),
                "unsubscribed_at": (
                    subscription.unsubscribed_at.isoformat()
                    if subscription.unsubscribed_at
                    else None
                ),
            }
            if subscription
            else None
        ),
    }
