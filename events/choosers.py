"""The admin chooser editors use to link a programme's speaker to an expert profile.

It offers only the profiles the editor may see (`ExpertProfile.objects.visible_to`),
so a staff-only CV is never surfaced through the events admin.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class VisibleExpertsMixin:
    def get_object_list(self):
        from experts.models import ExpertProfile

        return (
            ExpertProfile.objects.visible_to(self.request.user)
            .select_related("user")
            .order_by("user__display_name", "pk")
        )


class ExpertChooseView(VisibleExpertsMixin, ChooseView):
    pass


class ExpertChooseResultsView(VisibleExpertsMixin, ChooseResultsView):
    pass


class ExpertChooserViewSet(ChooserViewSet):
    model = "experts.ExpertProfile"
    icon = "user"
    choose_one_text = _("Choose an expert")
    choose_another_text = _("Choose another expert")
    choose_view_class = ExpertChooseView
    choose_results_view_class = ExpertChooseResultsView
    per_page = 30


expert_chooser_viewset = ExpertChooserViewSet("events_expert_chooser")
