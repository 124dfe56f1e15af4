"""R12, R13, R17: the contract check. TO BE IMPLEMENTED: see the rules brief."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.model import Employer, Placement, Register, Settings
from beschut_desktop.rules.results import ContractCheck


def check_contract_terms(
    *, start_date: dt.date | None, end_date: dt.date | None, hours_per_week: float | None,
    trial_before: bool, employer: Employer | None, settings: Settings,
) -> ContractCheck:
    """R12/R13 on terms still being typed (the offer dialog checks live with this)."""
    raise NotImplementedError


def check_contract(register: Register, placement: Placement) -> ContractCheck:
    """R12/R13 for a stored placement, with R17 when it started before the conditions."""
    raise NotImplementedError
