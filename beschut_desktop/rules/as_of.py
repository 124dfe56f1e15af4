"""As of means as of: the register as it stood on a date.

Every answer on a date D — signals, queue, quota, budget, subsidy, checks, documents — is
computed from ``known_on(register, D)``: the register without what happened after D.

- Records whose event date is after D are left out: decisions, indication checks, reviews,
  wage-value assessments, offers (a placement offered after D), objections, tailored
  agreements, coach criteria checked after D, notes.
- Fields that record an outcome after D are cleared: a development plan drawn up after D, a
  placement outcome recorded after D (with its reason), an answer to an offer given after D
  (the offer is then still open), an agreement fulfilled after D, a decision on an objection
  taken after D.
- Planned dates (contract start and end, deadlines, next-check dates), the figures per year,
  the settings and the consultant's own "afgehandeld" marks stay: they are plans and working
  state, not events.

A record without a date of its own (an offer, outcome or criterion recorded before these dates
were kept) is taken as known. The cut is made once per register and date and kept, so the
rules can call it at every entry point without cost; a register already cut at D is returned
as it is for D and later dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from beschut_desktop.rules.model import Placement, Register

_CACHE_ATTRIBUTE = "_known_on_cuts"
_CACHE_SIZE = 8


def _after(day: dt.date | None, on: dt.date) -> bool:
    return day is not None and day > on


def _placement_on(placement: Placement, on: dt.date) -> Placement | None:
    if _after(placement.offer_date, on):
        return None
    changes: dict[str, object] = {}
    if _after(placement.development_plan_date, on):
        changes["development_plan_date"] = None
    if _after(placement.outcome_date, on):
        changes.update(outcome=None, end_reason=None, outcome_date=None)
    if _after(placement.offer_answered_on, on):
        changes.update(offer_status="offered", offer_answered_on=None)
    return dataclasses.replace(placement, **changes) if changes else placement


def _cut(register: Register, on: dt.date) -> Register:
    placements = [p for p in (_placement_on(p, on) for p in register.placements) if p]
    kept_placements = {p.id for p in placements}
    agreements = [
        t if not _after(t.fulfilled_on, on) else dataclasses.replace(t, fulfilled_on=None)
        for t in register.tailored_agreements
        if not _after(t.agreed_on, on)
    ]
    objections = [
        o if not _after(o.decided_on, on) else dataclasses.replace(o, decided_on=None, outcome=None)
        for o in register.objections
        if not _after(o.lodged_date, on)
    ]
    return dataclasses.replace(
        register,
        decisions=[d for d in register.decisions if d.decision_date <= on],
        indication_checks=[c for c in register.indication_checks if c.check_date <= on],
        coach_criteria=[c for c in register.coach_criteria if not _after(c.checked_on, on)],
        placements=placements,
        development_goals=[
            g for g in register.development_goals if g.placement_id in kept_placements
        ],
        tailored_agreements=agreements,
        wage_value_assessments=[
            a for a in register.wage_value_assessments if a.assessment_date <= on
        ],
        reviews=[r for r in register.reviews if r.review_date <= on],
        objections=objections,
        notes=[n for n in register.notes if n.created_on <= on],
        known_on=on,
    )


def placement_on(
    register: Register, placement: Placement, on: dt.date
) -> tuple[Register, Placement | None]:
    """The register as of ``on`` and the placement as it stood then (None: not yet offered)."""
    cut = known_on(register, on)
    return cut, cut.placement(placement.id)


def known_on(register: Register, on: dt.date) -> Register:
    """The register as it stood at the end of ``on``: nothing dated after it."""
    if register.known_on is not None and register.known_on <= on:
        return register
    cuts: dict[dt.date, Register] = register.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
    found = cuts.get(on)
    if found is None:
        if len(cuts) >= _CACHE_SIZE:
            cuts.pop(next(iter(cuts)))
        found = cuts[on] = _cut(register, on)
    return found
