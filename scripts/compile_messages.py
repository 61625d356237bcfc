"""Compile a gettext .po file to .mo without the gettext tools.

`make install` uses it so that a fresh machine needs no system package to
show the portal in French.
"""

import sys
from pathlib import Path

import polib


def main(paths: list[str]) -> None:
    for path in paths:
        polib.pofile(path).save_as_mofile(str(Path(path).with_suffix(".mo")))


if __name__ == "__main__":
    main(sys.argv[1:])
