from .deliveries import Delivery, DeliveryStatus, Sending, SendingStatus
from .issues import IssueReference, NewsletterIndexPage, NewsletterIssuePage, referenced_ids
from .news import NEWS_BODY_MAX_CHARS, NewsCategory, NewsItem, NewsLink, NewsStatus, NewsSubmission
from .subscriptions import Subscriber, SubscriberLanguage, SubscriberStatus

__all__ = [
    "NEWS_BODY_MAX_CHARS",
    "Delivery",
    "DeliveryStatus",
    "IssueReference",
    "NewsCategory",
    "NewsItem",
    "NewsLink",
    "NewsStatus",
    "NewsSubmission",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "Sending",
    "SendingStatus",
    "Subscriber",
    "SubscriberLanguage",
    "SubscriberStatus",
    "referenced_ids",
]
