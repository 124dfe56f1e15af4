"""The one definition, for the tests, of "the register cut at D".

Drop the records whose event date is after D (review, wage-value assessment, indication check,
decision, offer, objection, tailored agreement, coach criterion check, note); clear the
outcome, fulfilment and decision fields dated after D (development plan, placement outcome,
answer to an offer, fulfilment of an agreement, decision on an objection); keep planned dates,
the per-year data and the settings. Written apart from the program's own cut on purpose: the
property tests hold the program's answers on the whole register equal to its answers on this.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from beschut_desktop.rules.model import Placement, Register


def _later(day: dt.date | None, cut: dt.date) -> bool:
    return day is not None and day > cut


def _placement(placement: Placement, cut: dt.date) -> Placement:
    values = dataclasses.asdict(placement)
    if _later(placement.development_plan_date, cut):
        values["development_plan_date"] = None
    if _later(placement.outcome_date, cut):
        values.update(outcome=None, end_reason=None, outcome_date=None)
    if _later(placement.offer_answered_on, cut):
        values.update(offer_status="offered", offer_answered_on=None)
    return Placement(**values)


def cut_at(register: Register, cut: dt.date) -> Register:
    """A new register holding only what was known at the end of ``cut``."""
    placements = [_placement(p, cut) for p in register.placements if not _later(p.offer_date, cut)]
    kept = {p.id for p in placements}
    return Register(
        persons=list(register.persons),
        uwv_advices=list(register.uwv_advices),
        decisions=[d for d in register.decisions if not _later(d.decision_date, cut)],
        indication_checks=[c for c in register.indication_checks if not _later(c.check_date, cut)],
        interim_provisions=list(register.interim_provisions),
        quota_years=list(register.quota_years),
        minimum_wage_periods=list(register.minimum_wage_periods),
        employers=list(register.employers),
        coaches=list(register.coaches),
        coach_criteria=[c for c in register.coach_criteria if not _later(c.checked_on, cut)],
        placements=placements,
        development_goals=[g for g in register.development_goals if g.placement_id in kept],
        tailored_agreements=[
            dataclasses.replace(t, fulfilled_on=None) if _later(t.fulfilled_on, cut) else t
            for t in register.tailored_agreements
            if not _later(t.agreed_on, cut)
        ],
        wage_value_assessments=[
            a for a in register.wage_value_assessments if not _later(a.assessment_date, cut)
        ],
        subsidy_periods=list(register.subsidy_periods),
        reviews=[r for r in register.reviews if not _later(r.review_date, cut)],
        objections=[
            dataclasses.replace(o, decided_on=None, outcome=None)
            if _later(o.decided_on, cut)
            else o
            for o in register.objections
            if not _later(o.lodged_date, cut)
        ],
        handled_signals=list(register.handled_signals),
        notes=[n for n in register.notes if not _later(n.created_on, cut)],
        settings=register.settings,
    )
