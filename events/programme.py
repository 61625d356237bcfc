"""The programme as readers see it, built from the StreamField's raw data in one query.

Speakers linked to an expert profile get a link to it only when the reader
may see that profile (`ExpertProfile.objects.visible_to`); a hidden profile
never lends its name: the editor's free-text name is shown instead, or the
speaker is left out.
"""

from dataclasses import dataclass, field
from datetime import date

from experts.models import ExpertProfile


@dataclass(frozen=True)
class Speaker:
    name: str
    affiliation: str = ""
    url: str = ""


@dataclass
class Module:
    title: str
    start_date: date | None = None
    end_date: date | None = None
    duration: str = ""
    objectives: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)


def _list_values(raw) -> list:
    """ListBlock raw data: [{"type": "item", "value": …}] (or a plain list, in old data)."""
    return [
        entry["value"] if isinstance(entry, dict) and entry.get("type") == "item" else entry
        for entry in raw or []
    ]


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _expert_id(value) -> int | None:
    try:
        return int(value) if value else None
    except (TypeError, ValueError):
        return None


def speaker_expert_ids(raw_programme) -> set[int]:
    ids = set()
    for block in raw_programme or []:
        for speaker in _list_values((block.get("value") or {}).get("speakers")):
            expert_id = _expert_id((speaker or {}).get("expert"))
            if expert_id:
                ids.add(expert_id)
    return ids


def build_programme(event, user) -> list[Module]:
    raw = list(event.programme.raw_data)
    ids = speaker_expert_ids(raw)
    profiles = (
        ExpertProfile.objects.visible_to(user).select_related("user").in_bulk(ids) if ids else {}
    )
    modules = []
    for block in raw:
        if block.get("type") != "module":
            continue
        value = block.get("value") or {}
        modules.append(
            Module(
                title=value.get("title", ""),
                start_date=_date(value.get("start_date")),
                end_date=_date(value.get("end_date")),
                duration=value.get("duration") or "",
                objectives=[text for text in _list_values(value.get("objectives")) if text],
                themes=[text for text in _list_values(value.get("themes")) if text],
                speakers=[
                    speaker
                    for speaker in (
                        _speaker(raw_speaker or {}, profiles)
                        for raw_speaker in _list_values(value.get("speakers"))
                    )
                    if speaker is not None
                ],
            )
        )
    return modules


def _speaker(value: dict, profiles: dict) -> Speaker | None:
    name = (value.get("name") or "").strip()
    affiliation = (value.get("affiliation") or "").strip()
    profile = profiles.get(_expert_id(value.get("expert")))
    if profile is not None:
        return Speaker(name or profile.name, affiliation, profile.get_absolute_url())
    if name:
        return Speaker(name, affiliation)
    return None
