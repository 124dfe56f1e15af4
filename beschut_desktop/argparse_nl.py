"""argparse speaking Dutch: usage, help headings and errors (exit 2 for a wrong command line)."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "not allowed with argument %s": "niet samen met argument %s",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def _translate(message: str) -> str:
    return _DUTCH.get(message, message)


# argparse looks its gettext function up at call time, so this reaches every message.
argparse._ = _translate  # type: ignore[attr-defined]
argparse.ngettext = lambda singular, plural, n: _translate(singular if n == 1 else plural)  # type: ignore[attr-defined]


class DutchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze hulp en stop"
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")
