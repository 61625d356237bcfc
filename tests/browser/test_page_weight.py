"""The home page stays light for readers on slow or expensive connections."""

import pytest

pytestmark = pytest.mark.browser

# HTML, CSS, JavaScript and fonts of a first visit; images come on top.
FIRST_LOAD_BUDGET_BYTES = 100 * 1024


def test_home_page_first_load_without_images_is_under_100_kb(page):
    responses = []
    page.on("response", lambda response: responses.append(response))

    page.goto("/fr/", wait_until="networkidle")

    # Redirects carry no body Playwright can read; a first visit has no 304s.
    counted = [r for r in responses if r.request.resource_type != "image" and r.status < 300]
    decoded = sum(len(r.body()) for r in counted)
    transferred = sum(r.request.sizes()["responseBodySize"] for r in counted)
    kinds = sorted({r.request.resource_type for r in counted})
    print(
        f"\nHome page first load without images: {decoded / 1024:.1f} KB decoded, "
        f"{transferred / 1024:.1f} KB transferred, {len(counted)} responses ({', '.join(kinds)})"
    )
    assert "stylesheet" in kinds, "the stylesheet did not load, so the figure would be wrong"
    assert decoded < FIRST_LOAD_BUDGET_BYTES
