"""The programme of an event: modules (or sessions) with their objectives, themes and speakers.

A StreamField rather than inline models, so that each module carries its own
list of speakers and editors reorder modules and speakers by dragging. The
page reads it back with `events.programme.build_programme`, which looks up
every linked expert in one query and applies the profile's visibility.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from .choosers import expert_chooser_viewset

ExpertChooserBlock = expert_chooser_viewset.get_block_class(
    name="ExpertChooserBlock", module_path="events.blocks"
)


class SpeakerBlock(blocks.StructBlock):
    """A speaker: an expert of the bank, a name given as free text, or both."""

    expert = ExpertChooserBlock(
        label=_("Expert profile"),
        required=False,
        help_text=_("Links to the profile for readers allowed to see it."),
    )
    name = blocks.CharBlock(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("Required without an expert profile; otherwise shown instead of its name."),
    )
    affiliation = blocks.CharBlock(label=_("Affiliation"), max_length=250, required=False)

    class Meta:
        icon = "user"
        label = _("Speaker")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("expert") and not (value.get("name") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "name": ValidationError(
                        _("Give the speaker's name or choose their expert profile.")
                    )
                }
            )
        return value


class ModuleBlock(blocks.StructBlock):
    """One module or session of the programme."""

    title = blocks.CharBlock(label=_("Title"), max_length=250)
    start_date = blocks.DateBlock(label=_("First day"), required=False)
    end_date = blocks.DateBlock(label=_("Last day"), required=False)
    duration = blocks.CharBlock(
        label=_("Duration"), max_length=80, required=False, help_text=_("e.g. “3 days”, “90 min”.")
    )
    objectives = blocks.ListBlock(
        blocks.CharBlock(max_length=400, label=_("Objective")),
        label=_("Objectives"),
        required=False,
        default=[],
    )
    themes = blocks.ListBlock(
        blocks.CharBlock(max_length=400, label=_("Theme")),
        label=_("Content themes"),
        required=False,
        default=[],
    )
    speakers = blocks.ListBlock(SpeakerBlock(), label=_("Speakers"), required=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Module or session")

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_date"), value.get("end_date")
        if start and end and end < start:
            raise StructBlockValidationError(
                block_errors={
                    "end_date": ValidationError(_("A module cannot end before it starts."))
                }
            )
        return value


class ProgrammeBlock(blocks.StreamBlock):
    module = ModuleBlock()
