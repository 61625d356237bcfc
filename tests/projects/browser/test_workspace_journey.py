"""A coordinator opens a workspace, invites a suggested expert, and both work in it."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.models import Theme
from projects.models import Document, Membership, Role, Workspace
from tests.browser.actions import log_in
from tests.experts.factories import ExpertiseFactory, ExpertProfileFactory, LanguageSkillFactory
from tests.library.files import pdf_bytes
from tests.portal.factories import UserFactory
from tests.support.a11y import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

# The header's search box (search app) fails two ARIA rules of its autocomplete
# widget on every page (reported to its owner, as the experts' tests note);
# everything the workspaces render is checked in full.
_axe = Axe()


def assert_accessible(page) -> None:
    results = _axe.run(page, context={"exclude": [[".site-search"]]})
    violations = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if violations:
        raise AssertionError(describe(page.url, violations))


PASSWORD = "correct-horse-battery"  # UserFactory's


def submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.click(selector)


def test_coordinator_invites_a_suggested_expert_who_joins_edits_and_uploads(
    new_context, smtp_mailbox
):
    coordinator = UserFactory(display_name="Claire Dubois", email="claire@example.org")
    expert_user = UserFactory(display_name="Koffi Agbo", email="koffi@example.org")
    profile = ExpertProfileFactory(user=expert_user, headline="Social marketing adviser")
    ExpertiseFactory(profile=profile, theme=Theme.objects.get(slug_en="social-marketing"))
    LanguageSkillFactory(profile=profile, language="fr")

    # The coordinator creates a workspace that takes members on request.
    page = new_context().new_page()
    log_in(page, coordinator.email, PASSWORD, language="en")
    page.goto("/en/projects/new/")
    page.fill("#id_name", "Social marketing for the MSS")
    page.fill("#id_summary", "Following the MSS Bénin campaign, phase by phase.")
    theme = Theme.objects.get(slug_en="social-marketing")
    page.check(f"input[name=themes][value='{theme.pk}']")
    page.select_option("#id_countries", ["BJ"])
    page.check("input[name=languages][value=fr]")
    page.check("input[name=visibility][value=members]")
    page.check("input[name=membership_policy][value=on_request]")
    submit(page)
    workspace = Workspace.objects.get(name="Social marketing for the MSS")
    expect(page).to_have_url(re.compile(rf"/en/projects/{workspace.slug}/$"))
    assert_accessible(page)

    # The expert is suggested; one click sends the invitation by email.
    page.goto(f"/en/projects/{workspace.slug}/invite/")
    expect(page.locator("main")).to_contain_text("Koffi Agbo")
    assert_accessible(page)
    submit(page, "main form.inline-form button:has-text('Invite')")
    expect(page.locator("main")).to_contain_text("Invited, not yet accepted")
    expect(page.locator("main")).not_to_contain_text("koffi@example.org")
    mail = smtp_mailbox.wait_for("koffi@example.org", timeout=15)
    invitation_path = next(
        urlsplit(link).path for link in mail.links if "/projects/invitations/" in link
    )

    # The expert accepts and lands in the workspace.
    expert = new_context().new_page()
    log_in(expert, expert_user.email, PASSWORD, language="en")
    expert.goto(invitation_path)
    submit(expert)
    expect(expert).to_have_url(re.compile(rf"/projects/{workspace.slug}/$"))
    assert Membership.objects.get(workspace=workspace, user=expert_user).role == Role.MEMBER

    # The coordinator starts a wiki page.
    page.goto(f"/en/projects/{workspace.slug}/wiki/new/")
    page.fill("#id_title", "Campaign plan")
    page.fill("#id_body", "Phase 1: listen to households.\nPhase 2: choose the messages.")
    submit(page)
    expect(page.locator("main")).to_contain_text("Phase 1: listen to households.")
    assert_accessible(page)

    # Both open the editor; the expert saves first, the coordinator is shown the conflict.
    edit_path = f"/en/projects/{workspace.slug}/wiki/campaign-plan/edit/"
    page.goto(edit_path)
    expert.goto(edit_path)
    expert.fill("#id_body", "Phase 1: listen to households and radio hosts.")
    submit(expert)
    page.fill("#id_body", "Phase 1: listen to households.\nPhase 2: test the slogans.")
    submit(page)
    expect(page.locator(".conflict")).to_contain_text("Someone else saved this page")
    expect(page.locator(".conflict")).to_contain_text("listen to households and radio hosts")
    expect(page.locator("#id_body")).to_have_value(
        "Phase 1: listen to households.\nPhase 2: test the slogans."
    )
    assert_accessible(page)

    # The expert uploads a document, then a new version of it.
    expert.goto(f"/en/projects/{workspace.slug}/documents/new/")
    expert.fill("#id_title", "Household survey")
    expert.set_input_files(
        "#id_file",
        {"name": "survey.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("Survey v1")},
    )
    submit(expert)
    expect(expert.locator("main")).to_contain_text("survey.pdf")
    expert.set_input_files(
        "#id_file",
        {"name": "survey-v2.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("v2")},
    )
    expert.fill("#id_comment", "Questions on radio listening added")
    submit(expert)
    expect(expert.locator("main")).to_contain_text("Questions on radio listening added")
    assert Document.objects.get(workspace=workspace).versions.count() == 2
    assert_accessible(expert)

    for path in ("", "documents/", "members/", "discussion/", "wiki/campaign-plan/history/"):
        page.goto(f"/en/projects/{workspace.slug}/{path}")
        assert_accessible(page)
    page.goto("/en/projects/")
    assert_accessible(page)
