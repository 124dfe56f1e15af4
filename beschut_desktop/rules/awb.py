"""Awb terms: objection period and decision on an objection. TO BE IMPLEMENTED."""

from __future__ import annotations

import datetime as dt

from beschut_desktop.rules.model import Objection, Settings


def objection_term_end(sent_date: dt.date, settings: Settings) -> dt.date:
    """Last day to lodge an objection against a decision sent on ``sent_date``."""
    raise NotImplementedError


def objection_decision_due(objection: Objection, settings: Settings) -> dt.date:
    """When the municipality must decide on the objection."""
    raise NotImplementedError
