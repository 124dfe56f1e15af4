"""Warnings about the register that the user must see, also on the command line.

The window shows ``Store.warnings`` in a message box; a command line registers a listener here
(``cli.main``) so that the same warnings reach standard error: nothing about the file changes
without a word.
"""

from __future__ import annotations

from collections.abc import Callable

_listener: Callable[[str], None] | None = None


def listen(listener: Callable[[str], None] | None) -> None:
    """Send every warning to ``listener`` from now on (None: nobody listens)."""
    global _listener
    _listener = listener


def say(text: str) -> None:
    if _listener is not None:
        _listener(text)
