"""The history part of a case file: the audit trail, in words a person can read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from beschut_desktop.documents import style
from beschut_desktop.formatting import short_date
from beschut_desktop.wording import AUDIT_ACTIONS, TABLE_LABELS, audit_changes


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


def _what(entry: dict[str, Any]) -> Flowable:
    name = entry.get("table_name") or ""
    table = TABLE_LABELS.get(name, name)
    action = AUDIT_ACTIONS.get(entry.get("action") or "", entry.get("action") or "")
    head = f"<b>{style.esc(table)} {style.esc(action)}</b>"
    try:
        changes = json.loads(entry["changes"]) if entry.get("changes") else {}
    except (TypeError, ValueError):
        changes = {}
    if not isinstance(changes, dict):
        changes = {}
    parts = audit_changes(name, entry.get("action") or "", changes)
    body = "; ".join(style.esc(p) for p in parts)
    return style.rich(head + (f"<br/>{body}" if body else ""), "cell")
