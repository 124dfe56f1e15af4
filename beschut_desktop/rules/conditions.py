"""R15, R16, R17: the employer conditions checklist. TO BE IMPLEMENTED: see the rules brief."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.model import Placement, Register
from beschut_desktop.rules.results import ConditionsCheck


def placement_conditions(register: Register, placement: Placement,
                         on: dt.date) -> ConditionsCheck:
    """R15 (its coach, item by item), R16 (job description, development plan) for one
    placement, with R17 agreements and their deadlines."""
    raise NotImplementedError


def employer_conditions(register: Register, employer_id: int, on: dt.date) -> ConditionsCheck:
    """The whole checklist for an employer: every coach, every active placement, R13, R17."""
    raise NotImplementedError
