"""Awb terms: the objection period and the decision on an objection.

Sources:
- Awb art. 6:7: the term to lodge an objection is six weeks. Art. 6:8 lid 1: it starts on the
  day after the decision was made known (sent). So a decision sent on Tuesday 6 September 2022
  can be objected to up to and including Tuesday 18 October 2022.
- Algemene termijnenwet art. 1 and 3: a statutory term ending on a Saturday, Sunday or public
  holiday (5 May every year, Good Friday included) runs to the next day that is none of these
  (``dates.extend_to_working_day``).
- Awb art. 7:10: the municipality decides within six weeks, or twelve with an advisory
  committee (art. 7:13), counted from the day after the term for lodging ended (lid 1); the
  term is suspended while the objector repairs an omission (lid 2); it may be deferred by at
  most six weeks (lid 3), and further with consent (lid 4).

Readings: the decision term starts after the lodging term as extended by the Algemene
termijnenwet (that is when it "ended"); deferral weeks and suspended days are added to it; the
Algemene termijnenwet applies to the resulting due date too, it being a statutory term. When
the sending date of the contested decision or offer is unknown, the lodging date stands in for
the end of the lodging term: that gives the earliest possible due date, never a late one.
The term weeks are settings.
"""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.dates import extend_to_working_day
from beschut_desktop.rules.model import Objection, Placement, Register, Settings


def objection_term_end(sent_date: dt.date, settings: Settings) -> dt.date:
    """Last day to lodge an objection against a decision sent on ``sent_date``."""
    return extend_to_working_day(sent_date + dt.timedelta(weeks=settings.objection_term_weeks))


def objection_decision_due(
    objection: Objection, settings: Settings, *, sent_date: dt.date | None = None
) -> dt.date:
    """When the municipality must decide on the objection.

    ``sent_date`` is the sending date of the contested decision or offer
    (``contested_sent_date``); without it the lodging date stands in for the end of the
    lodging term.
    """
    term_end = objection_term_end(sent_date, settings) if sent_date else objection.lodged_date
    weeks = (
        settings.objection_decision_committee_weeks
        if objection.advisory_committee
        else settings.objection_decision_weeks
    )
    due = term_end + dt.timedelta(
        weeks=weeks + objection.deferral_weeks, days=objection.suspended_days
    )
    return extend_to_working_day(due)


def contested_sent_date(register: Register, objection: Objection) -> dt.date | None:
    """Sending date of what the objection is against: the decision, else the offer."""
    if objection.decision_id is not None:
        decision = register.decision(objection.decision_id)
        if decision is not None:
            return decision.effective_sent_date
    if objection.placement_id is not None:
        placement = register.placement(objection.placement_id)
        if placement is not None:
            return offer_sent_date(placement)
    return None


def offer_sent_date(placement: Placement) -> dt.date | None:
    """An offer is a decision (R10): its sending date, defaulting to the offer date."""
    return placement.offer_sent_date or placement.offer_date


def decision_due_in(register: Register, objection: Objection) -> dt.date:
    """``objection_decision_due`` with the contested decision or offer looked up."""
    return objection_decision_due(
        objection, register.settings, sent_date=contested_sent_date(register, objection)
    )
