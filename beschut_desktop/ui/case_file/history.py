"""A person's audit trail in readable Dutch: when, who, what changed from what to what."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.ui.table_model import Column
from beschut_desktop.ui.widgets import RecordTable
from beschut_desktop.wording import TABLE_LABELS, VALUE_LABELS, label

ACTIONS = {
    "insert": "toegevoegd",
    "update": "gewijzigd",
    "delete": "verwijderd",
    "remove_on_request": "verwijderd op verzoek",
}
# Which value-word group a column's codes belong to, per table where it differs.
VALUE_GROUPS = {
    ("uwv_advices", "outcome"): "advice_outcome",
    ("decisions", "outcome"): "decision_outcome",
    ("decisions", "kind"): "decision_kind",
    ("interim_provisions", "kind"): "interim_kind",
    ("employers", "kind"): "employer_kind",
    ("employers", "category"): "employer_category",
    ("placements", "outcome"): "placement_outcome",
    ("development_goals", "status"): "goal_status",
    ("tailored_agreements", "reason"): "agreement_reason",
    ("subsidy_periods", "kind"): "subsidy_kind",
    ("objections", "kind"): "objection_kind",
    ("objections", "outcome"): "objection_outcome",
    ("letters", "kind"): "letter_kind",
}
HIDDEN = {
    "id",
    "person_id",
    "employer_id",
    "placement_id",
    "coach_id",
    "advice_id",
    "decision_id",
    "previous_placement_id",
}


@dataclass(frozen=True)
class HistoryLine:
    id: int
    at: dt.datetime
    who: str
    what: str  # "Plaatsing 3 gewijzigd"
    changes: str  # "Uren per week: 20 → 24; Status aanbod: Aangeboden → Aanvaard"


def readable_value(table: str, column: str, value: Any) -> str:
    if value is None or value == "":
        return "(leeg)"
    group = VALUE_GROUPS.get((table, column)) or (column if column in VALUE_LABELS else None)
    if group:
        return VALUE_LABELS[group].get(str(value), str(value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return formatting.short_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if column.endswith("_cents") and isinstance(value, int):
        return formatting.money(value)
    if (
        column
        in {
            "met",
            "still_fits",
            "employer_confirmed",
            "advisory_committee",
            "trial_before",
            "other_provision_fits",
            "sector_cao_more_favourable",
        }
        or column.startswith(("support_", "ground_"))
        and column != "support_notes"
    ):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return formatting.number(value)
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def history_line(entry: dict[str, Any]) -> HistoryLine:
    table = entry["table_name"]
    action = entry["action"]
    changes = json.loads(entry["changes"]) if entry.get("changes") else {}
    parts: list[str] = []
    for column, value in changes.items():
        if column in HIDDEN:
            continue
        if action == "update" and isinstance(value, list) and len(value) == 2:
            old, new = value
            parts.append(
                f"{label(column)}: {readable_value(table, column, old)} → "
                f"{readable_value(table, column, new)}"
            )
        elif value not in (None, "", 0) or action != "insert":
            parts.append(f"{label(column)}: {readable_value(table, column, value)}")
    record = f" {entry['record_id']}" if entry.get("record_id") else ""
    return HistoryLine(
        id=entry["id"],
        at=dt.datetime.fromisoformat(entry["at"]),
        who=entry["os_user"],
        what=f"{TABLE_LABELS.get(table, table)}{record} {ACTIONS.get(action, action)}",
        changes="; ".join(parts),
    )


COLUMNS = [
    Column(
        "at",
        "Wanneer",
        lambda h: f"{formatting.short_date(h.at.date())} {h.at:%H:%M}",
        lambda h: h.at,
        width=135,
    ),
    Column("who", "Wie", width=100),
    Column("what", "Wat", width=250),
    Column("changes", "Wijziging (oud → nieuw)", tooltip=lambda h: h.changes.replace("; ", "\n")),
]


class HistoryTab(QWidget):
    """The audit trail of one person, newest first, filterable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RecordTable(
            COLUMNS, accessible_name="Geschiedenis", placeholder="Zoeken in de geschiedenis…"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_entries(self, entries: list[dict[str, Any]]) -> None:
        self.table.set_rows([history_line(e) for e in entries])
