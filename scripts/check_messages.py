"""Check that every translatable string has its French translation.

Each app keeps its catalogues in <app>/locale/<lang>/LC_MESSAGES/django.po.
English is the source language: `--fill-english` copies each msgid into the
English catalogues so that both languages are complete.
"""

import argparse
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def catalogues(language: str) -> list[Path]:
    return sorted(ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))


def fill_english(path: Path) -> None:
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()


def missing(path: Path) -> list[polib.POEntry]:
    catalogue = polib.pofile(str(path))
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
        for path in catalogues("en"):
            fill_english(path)
    problems = 0
    for path in catalogues("fr") + catalogues("en"):
        for entry in missing(path):
            where = entry.occurrences[0][0] if entry.occurrences else "?"
            print(f"{path.relative_to(ROOT)}: untranslated or fuzzy: {entry.msgid!r} ({where})")
            problems += 1
    if problems:
        print(f"{problems} strings need a translation.")
        return 1
    print("Every string is translated in French and English.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
