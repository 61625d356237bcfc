"""HTML to readable plain text, for the plain-text alternative of the email edition.

Unlike `portal.sanitizer.plain_text` (snippets), this keeps the structure a
reader needs in a text email: paragraphs, list bullets and link addresses.
"""

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr"}
_LISTS = {"ul", "ol"}
_BULLET = re.compile(r"^\s*- ")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href_stack: list[tuple[str | None, int]] = []
        self.list_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LISTS:
            self.list_depth += 1
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n" + "  " * max(self.list_depth - 1, 0) + "- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href_stack.append((dict(attrs).get("href"), len(self.parts)))

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LISTS:
            self.list_depth = max(self.list_depth - 1, 0)
            self.parts.append("\n")
        elif tag == "a" and self.href_stack:
            href, start = self.href_stack.pop()
            label = "".join(self.parts[start:]).strip()
            if href and href.startswith(("http://", "https://", "mailto:")) and href != label:
                self.parts.append(f" <{href.removeprefix('mailto:')}>")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(str(html or ""))
    parser.close()
    lines = [
        line.rstrip() if _BULLET.match(line) else line.strip()
        for line in "".join(parser.parts).split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
