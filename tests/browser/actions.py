"""What a person does in the browser, shared by the browser tests.

Form fields are found by their id, not their label: labels get translated,
ids don't.
"""

from playwright.sync_api import Page

PASSWORD = "mutuelle-de-thies-2026"


def log_in(page: Page, email: str, password: str = PASSWORD, *, language: str = "fr") -> None:
    """Log in through allauth's form, by email, and wait for the page it leads to."""
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
