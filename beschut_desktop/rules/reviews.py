"""R18: the review schedule. TO BE IMPLEMENTED: see the rules brief."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.model import Placement, Register


def employment_start(register: Register, placement: Placement) -> dt.date | None:
    """Start of the employment this contract belongs to: renewals with the same employer
    continue it; a new employer starts a new one."""
    raise NotImplementedError


def next_review_due(register: Register, placement: Placement) -> dt.date | None:
    """Due date of the next review (None for a placement not started)."""
    raise NotImplementedError
