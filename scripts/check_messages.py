"""Check that every translatable string has its French translation.

English is the source language: `--fill-english` copies each msgid into the
English catalogue so that both catalogues are complete.
"""

import argparse
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def fill_english() -> None:
    catalogue = polib.pofile(str(LOCALE_DIR / "en/LC_MESSAGES/django.po"))
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()


def missing(language: str) -> list[polib.POEntry]:
    catalogue = polib.pofile(str(LOCALE_DIR / f"{language}/LC_MESSAGES/django.po"))
    return [
        entry
        for entry in catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fill-english", action="store_true")
    args = parser.parse_args()
    if args.fill_english:
        fill_english()
    problems = 0
    for language in ("fr", "en"):
        entries = missing(language)
        for entry in entries:
            print(f"{language}: untranslated or fuzzy: {entry.msgid!r} ({entry.occurrences[:1]})")
        problems += len(entries)
    if problems:
        print(f"{problems} strings need a translation.")
        return 1
    print("Every string is translated in French and English.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
