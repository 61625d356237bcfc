"""URLs printed in every G-NEWS email: no language prefix, so they never redirect.

Mail clients POST to the List-Unsubscribe address (RFC 8058) and must get
an answer at once, not a redirect to /fr/.
"""

from django.urls import path

from . import subscription_views

urlpatterns = [
    path(
        "newsletter/unsubscribe/<str:token>/",
        subscription_views.unsubscribe_view,
        name="newsletter_unsubscribe",
    ),
]
