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
from beschut_desktop.wording import AUDIT_ACTIONS, TABLE_LABELS, audit_changes


@dataclass(frozen=True)
class HistoryLine:
    id: int
    at: dt.datetime
    who: str
    what: str  # "Plaatsing 3 gewijzigd"
    changes: str  # "Uren per week: 20 → 24; Status aanbod: Aangeboden → Aanvaard"


def _short(text: str) -> str:
    """A long note would push every other change out of the row."""
    return text if len(text) <= 80 else text[:77] + "…"


def history_line(entry: dict[str, Any]) -> HistoryLine:
    table = entry["table_name"]
    action = entry["action"]
    changes = json.loads(entry["changes"]) if entry.get("changes") else {}
    parts = [_short(part) for part in audit_changes(table, action, changes)]
    record = f" {entry['record_id']}" if entry.get("record_id") else ""
    return HistoryLine(
        id=entry["id"],
        at=dt.datetime.fromisoformat(entry["at"]),
        who=entry["os_user"],
        what=f"{TABLE_LABELS.get(table, table)}{record} {AUDIT_ACTIONS.get(action, action)}",
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
