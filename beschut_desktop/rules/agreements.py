"""R17: tailored agreements (maatwerkafspraken) with an employer that does not yet meet the
conditions.

Policy ("Uitzonderingen"): a placement already decided when the conditions took effect and not
meeting them gets a tailored agreement with the employer, with a concrete prospect of meeting
them. Someone who moved to Staphorst, or whose job grew out of an internship from VSO/PRO
school, gets the same, on condition that the conditions are met within a year — and the
employer must confirm that explicitly.

Readings:
- An agreement bound to a placement covers that contract; one without a placement covers every
  placement at that employer.
- The one year for 'moved' and 'vso_pro' runs from the start of the placement the agreement is
  bound to, else from the day it was agreed. A later deadline typed in is cut back to it.
- An open agreement (not fulfilled) covers a placement until its (effective) deadline; after
  that the breach is a breach again, and the deadline signal is overdue.
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.dates import add_months
from beschut_desktop.rules.model import Placement, Register, TailoredAgreement

ONE_YEAR_REASONS = ("moved", "vso_pro")


def agreements_for(register: Register, placement: Placement) -> list[TailoredAgreement]:
    """Agreements covering this placement: bound to it, or employer-wide, oldest first."""
    bound = register.agreements_for_placement(placement.id)
    general = [t for t in register.agreements_at(placement.employer_id) if t.placement_id is None]
    return sorted([*bound, *general], key=lambda t: (t.agreed_on, t.id))


def one_year_deadline(
    reason: str | None, placement_start: dt.date | None, agreed_on: dt.date
) -> dt.date | None:
    """R17, the one function for the one year (rules, actions and dialogs all ask this): for
    'moved' and 'vso_pro' it runs from the start of the placement the agreement is bound to,
    else from the day agreed. None for other reasons."""
    if reason not in ONE_YEAR_REASONS:
        return None
    return add_months(placement_start or agreed_on, 12)


def one_year_limit(register: Register, agreement: TailoredAgreement) -> dt.date | None:
    """For 'moved' and 'vso_pro': one year from the placement's start (else the agreement)."""
    placement = register.placement(agreement.placement_id) if agreement.placement_id else None
    start = placement.start_date if placement else None
    return one_year_deadline(agreement.reason, start, agreement.agreed_on)


def effective_deadline(register: Register, agreement: TailoredAgreement) -> dt.date:
    """The agreed deadline, cut back to the one-year limit where that applies."""
    limit = one_year_limit(register, agreement)
    return min(agreement.deadline, limit) if limit else agreement.deadline


def is_open(agreement: TailoredAgreement, on: dt.date | None = None) -> bool:
    return agreement.fulfilled_on is None or (on is not None and agreement.fulfilled_on > on)


def covering_agreement(
    register: Register, placement: Placement, on: dt.date | None = None
) -> TailoredAgreement | None:
    """The open agreement that covers the placement on the date (deadline not yet passed);
    without a date, any open agreement. The latest agreed wins."""
    found = None
    for agreement in agreements_for(register, placement):
        if not is_open(agreement, on):
            continue
        if on is not None and effective_deadline(register, agreement) < on:
            continue
        found = agreement
    return found


def any_agreement(register: Register, placement: Placement) -> TailoredAgreement | None:
    """The latest agreement made for the placement, open or fulfilled, within its term or not."""
    found = agreements_for(register, placement)
    return found[-1] if found else None
