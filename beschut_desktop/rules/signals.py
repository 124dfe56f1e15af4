"""The one signals engine. TO BE IMPLEMENTED: see the rules brief."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.model import Register
from beschut_desktop.rules.results import Signal

SIGNAL_KINDS: dict[str, str] = {}


def signals_on(register: Register, on: dt.date, *, horizon_days: int = 56,
               include_handled: bool = False) -> list[Signal]:
    """Everything needing the consultant on ``on``, sorted by due date."""
    raise NotImplementedError
