"""Accessibility checks with axe-core, for Playwright pages.

axe-playwright-python ships axe.min.js, so the check runs offline. Any
violation rated "serious" or "critical" fails the test with a readable list:
rule, impact, what it means, where (CSS selector and HTML) and why.

    from tests.support.a11y import assert_accessible

    page.goto("/fr/")
    assert_accessible(page)
"""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = ("serious", "critical")

_axe = Axe()


def serious_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now, keeping the serious and critical ones."""
    results = _axe.run(page)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page) -> None:
    violations = serious_violations(page)
    if violations:
        raise AssertionError(describe(page.url, violations))


def describe(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious or critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html']}")
            lines.extend(f"      {reason}" for reason in _reasons(node))
    return "\n".join(lines)


def _reasons(node: dict) -> list[str]:
    return [check["message"] for key in ("any", "all", "none") for check in node.get(key, [])]
