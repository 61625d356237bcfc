"""The browser fixtures of tests/browser (Chromium, live server, site snapshot), for workspaces."""

from tests.browser.conftest import (  # noqa: F401
    _browser_test_environment,
    _site_snapshot,
    chromium,
    new_context,
    page,
)
