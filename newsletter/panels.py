"""Admin panel that warns editors when an issue reuses news already used elsewhere."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ReuseWarningPanel(Panel):
    """Lists the user news of this issue that another issue already contains.

    Reuse is allowed (an item may deserve a second mention), so this warns
    rather than refusing to save.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Reused news"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletter/admin/reuse_warnings.html"

        def get_context_data(self, parent_context=None):
            from newsletter.services import reused_news

            context = super().get_context_data(parent_context)
            context["reused"] = reused_news(self.instance)
            return context
