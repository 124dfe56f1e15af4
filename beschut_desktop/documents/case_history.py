"""The history part of a case file: the audit trail, in words a person can read."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from beschut_desktop.documents import style
from beschut_desktop.formatting import money, number, short_date
from beschut_desktop.rules.model import TABLE_TYPES
from beschut_desktop.wording import TABLE_LABELS, label, value_label

ACTIONS = {
    "insert": "toegevoegd",
    "update": "gewijzigd",
    "delete": "verwijderd",
    "remove_on_request": "verwijderd op verzoek",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Technical columns that say nothing to a reader.
_SKIP = {
    "id",
    "person_id",
    "employer_id",
    "placement_id",
    "coach_id",
    "advice_id",
    "decision_id",
    "previous_placement_id",
}

_BOOLEANS = {
    f for cls in TABLE_TYPES.values() for f, hint in cls.__annotations__.items() if hint == "bool"
}
# Which value words a field uses, per table where the same field name means different things.
_VALUE_GROUPS = {
    ("uwv_advices", "outcome"): "advice_outcome",
    ("decisions", "outcome"): "decision_outcome",
    ("decisions", "kind"): "decision_kind",
    ("interim_provisions", "kind"): "interim_kind",
    ("employers", "kind"): "employer_kind",
    ("placements", "outcome"): "placement_outcome",
    ("subsidy_periods", "kind"): "subsidy_kind",
    ("objections", "kind"): "objection_kind",
    ("objections", "outcome"): "objection_outcome",
    ("tailored_agreements", "reason"): "agreement_reason",
    ("development_goals", "status"): "goal_status",
    ("letters", "kind"): "letter_kind",
    ("letters", "template"): "template",
}
_SAME_NAME_GROUPS = {"requested_by", "eligibility_basis", "offer_status", "contract_type", "cao"}


def history_section(history: Sequence[dict[str, Any]]) -> list[Flowable]:
    rows = [[_when(entry.get("at")), entry.get("os_user") or "", _what(entry)] for entry in history]
    return [
        style.heading("Geschiedenis van de gegevens"),
        style.text(
            "Elke wijziging in het register, nieuwste eerst: wanneer, door welke "
            "gebruiker van de computer, en wat er veranderde.",
            "hint",
        ),
        style.table(
            ["Wanneer", "Gebruiker", "Wijziging"],
            rows,
            [0.18, 0.12, 0.70],
            empty="Geen geschiedenis vastgelegd.",
        ),
    ]


def _when(at: str | None) -> str:
    if not at:
        return ""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    return f"{short_date(moment.date())} {moment:%H:%M}"


def _value(table: str, field: str, value: Any) -> str:
    if value is None or value == "":
        return "leeg"
    if field in _BOOLEANS:
        return "ja" if value else "nee"
    if field.endswith("_cents") and isinstance(value, int):
        return money(value)
    if isinstance(value, (int, float)):
        return number(value)
    group = _VALUE_GROUPS.get((table, field)) or (field if field in _SAME_NAME_GROUPS else None)
    if group and isinstance(value, str):
        return value_label(group, value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return short_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _what(entry: dict[str, Any]) -> Flowable:
    name = entry.get("table_name") or ""
    table = TABLE_LABELS.get(name, name)
    action = ACTIONS.get(entry.get("action") or "", entry.get("action") or "")
    head = f"<b>{style.esc(table)} {style.esc(action)}</b>"
    try:
        changes = json.loads(entry["changes"]) if entry.get("changes") else {}
    except (TypeError, ValueError):
        changes = {}
    if not isinstance(changes, dict):
        changes = {}
    parts: list[str] = []
    for field, change in changes.items():
        if field in _SKIP:
            continue
        if entry.get("action") == "update" and isinstance(change, list) and len(change) == 2:
            old, new = _value(name, field, change[0]), _value(name, field, change[1])
            parts.append(f"{label(field)}: {old} → {new}")
        elif change in (None, "", 0) or (field in _BOOLEANS and not change):
            continue  # an empty field, a zero or an unticked box at insert says nothing
        elif not isinstance(change, list):
            parts.append(f"{label(field)}: {_value(name, field, change)}")
    body = "; ".join(style.esc(p) for p in parts)
    return style.rich(head + (f"<br/>{body}" if body else ""), "cell")
