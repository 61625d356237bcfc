"""Text handling shared by the backends: words, accent folding, stemming, safe highlights."""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Unicode private-use characters mark highlights inside snippets returned by
# the engines; they cannot come from a reader's text because queries and
# documents are stripped of them, so escaping then swapping them for <mark>
# can never let markup through.
MARK_START = "\ue000"
MARK_END = "\ue001"

# Letters and digits: the same notion of a word as FTS5's unicode61 tokenizer.
WORD_RE = re.compile(r"[^\W_]+")

STEMMER_LANGUAGES = {"fr": "french", "en": "english", "es": "spanish", "pt": "portuguese"}


def fold(text: str) -> str:
    """Lowercase without accents: `Sécurité` -> `securite`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


@cache
def _stemmer(language: str):
    algorithm = STEMMER_LANGUAGES.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of a folded word in a language; the word itself when none applies.

    Cached, since a language's vocabulary repeats (snowballstemmer runs the C
    PyStemmer when installed, pure Python otherwise).
    """
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def stem_variants(word: str) -> list[str]:
    """A query word's stems in every portal language (the reader's language is unknown)."""
    variants = [stem(word, language) for language in ("fr", "en")]
    return list(dict.fromkeys([*variants, word]))


def stemmed_text(text: str, language: str) -> str:
    """One stem per word, in order, so that phrases still match on stems."""
    return " ".join(stem(word, language) for word in words(text))


def strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "").replace("\x00", "")


SNIPPET_WORDS = 30
SNIPPET_SCAN_CHARS = 100_000


def snippet(text: str, parsed, language: str) -> str:
    """About thirty words of `text` around its first words matching the query, marked.

    A word matches when its stem in the document's language is one of the
    query words' stems (the same rule the engine matched with).
    """
    wanted = {stem(word, language) for word in parsed.all_words} if parsed else set()
    tokens = list(WORD_RE.finditer(text[:SNIPPET_SCAN_CHARS]))
    matches = [i for i, token in enumerate(tokens) if stem(fold(token.group()), language) in wanted]
    first = max(0, matches[0] - 5) if matches else 0
    window = tokens[first : first + SNIPPET_WORDS]
    if not window:
        return ""
    marked = set(matches)
    parts, cursor = [], window[0].start()
    for index, token in enumerate(window, start=first):
        parts.append(strip_marks(text[cursor : token.start()]))
        word = token.group()
        parts.append(f"{MARK_START}{word}{MARK_END}" if index in marked else word)
        cursor = token.end()
    prefix = "… " if first else ""
    suffix = " …" if first + SNIPPET_WORDS < len(tokens) else ""
    return prefix + "".join(parts) + suffix


_MARKED_RE = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)


def marked_html(snippet: str) -> SafeString:
    """Escape an engine's snippet and turn its highlight markers into <mark> tags."""
    html = escape(snippet)
    html = _MARKED_RE.sub(r"<mark>\1</mark>", html)
    return mark_safe(strip_marks(html))  # noqa: S308 - escaped above; only <mark> added
