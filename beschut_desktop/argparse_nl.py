"""argparse speaking Dutch: usage, help headings and errors (exit 2 for a wrong command line).

Only our own parser class changes; the ``argparse`` module stays as it is for everyone else.
argparse words its errors in English before they reach ``error``; ``dutch`` turns each known
sentence into Dutch by its pattern, keeping the values it names.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's sentence patterns (%(name)s / %(name)r / %s are the values) and their Dutch.
_DUTCH = {
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht ten minste één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "not allowed with argument %s": "niet samen met argument %s",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "ignored explicit argument %r": "waarde %r genegeerd",
}
_ARGUMENT = re.compile(r"^argument (?P<name>\S+?): (?P<message>.*)$", re.DOTALL)
_PLACEHOLDER = re.compile(r"%\((?:\w+)\)[sr]|%[sr]")


def _names(text: str) -> list[str]:
    """The placeholders' names in order; an unnamed %s is ``_0``, ``_1`` … by its place."""
    unnamed = iter(range(len(text)))
    return [
        found[2:-2] if found.startswith("%(") else f"_{next(unnamed)}"
        for found in _PLACEHOLDER.findall(text)
    ]


def _pattern(english: str) -> re.Pattern[str]:
    literals = _PLACEHOLDER.split(english)
    groups = [f"(?P<{name}>.*?)" for name in _names(english)] + [""]
    body = "".join(re.escape(text) + group for text, group in zip(literals, groups, strict=True))
    return re.compile(f"^{body}$", re.DOTALL)


def _fill(dutch_text: str, values: dict[str, str]) -> str:
    order = iter(_names(dutch_text))
    return _PLACEHOLDER.sub(lambda _match: values[next(order)], dutch_text)


_TRANSLATIONS = [(_pattern(english), nl) for english, nl in _DUTCH.items()]


def dutch(message: str) -> str:
    """argparse's English error sentence in Dutch; an unknown sentence stays as it is."""
    argument = _ARGUMENT.match(message)
    if argument:
        return f"argument {argument['name']}: {dutch(argument['message'])}"
    for pattern, nl in _TRANSLATIONS:
        found = pattern.match(message)
        if found:
            return _fill(nl, found.groupdict())
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[override]
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze hulp en stop"
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch(message)}\n")
