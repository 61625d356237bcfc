"""The new text of an email reply: what the member wrote, without quotes or signature."""

import html
import re

import bleach
from mailparser_reply.parser import EmailMessage as ParsedReply

# Headers of quoted messages ("On … wrote:", "Le … a écrit :") in the portal's
# languages and those of its readers.
REPLY_LANGUAGES = ["en", "fr", "es", "pt"]
QUOTED_LINE = re.compile(r"^\s*>")


def reply_text(text: str) -> str:
    """Cut a plain-text reply down to what the member wrote.

    mail-parser-reply removes the quoted message from its header on ("Le … a
    écrit :"), the signature ("-- ", "Cordialement", "Sent from my…") and
    disclaimers; what it can't see, a block of "> " lines at the end of the
    reply (clients that quote without a header line), is removed here.
    Quotes in the middle of the text are the member's own and stay.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parsed = ParsedReply(text=text, languages=REPLY_LANGUAGES, keep_hyphen_lists=True).read()
    body = parsed.replies[0].body if parsed.replies else ""
    lines = body.split("\n")
    while lines and (not lines[-1].strip() or QUOTED_LINE.match(lines[-1])):
        lines.pop()
    return "\n".join(lines).strip()


def html_to_text(markup: str) -> str:
    """A rough text version of an HTML-only email (most clients also send plain text)."""
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>", "\n", markup)
    markup = re.sub(r"(?is)<blockquote.*?</blockquote>", "", markup)
    return html.unescape(bleach.clean(markup, tags=set(), strip=True))
