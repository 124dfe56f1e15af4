"""The shapes of an import plan: records to add and to change, and how to describe them.

Kept apart from the planner so that the window can show a plan without the logic that made it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from beschut_desktop.exchange.sheets import SHEETS, Problem
from beschut_desktop.formatting import money, number, short_date
from beschut_desktop.wording import EMPTY_VALUE, TABLE_LABELS, VALUE_LABELS, label


@dataclass(frozen=True)
class Ref:
    """A record the import itself adds, by its key in the file, resolved to an id on apply."""

    key: tuple


@dataclass
class Operation:
    action: str  # "add" | "change"
    table: str
    what: str  # Dutch: which record, e.g. "Plaatsing Jan Jansen bij Reestmond vanaf 1-6-2022"
    values: dict[str, Any]  # add: the whole record; change: the new values of changed fields
    pk: Any = None  # change: the record changed
    old: dict[str, Any] = field(default_factory=dict)  # change: the old values
    creates: tuple | None = None  # add: the key other operations refer to it by

    def describe(self) -> str:
        if self.action == "add":
            return f"Nieuw: {self.what}"
        parts = [
            f"{label(name)} {_show(self.table, name, self.old.get(name)) or EMPTY_VALUE} → "
            f"{_show(self.table, name, value) or EMPTY_VALUE}"
            for name, value in self.values.items()
        ]
        return f"Gewijzigd: {self.what}: " + "; ".join(parts)


@dataclass
class ImportPlan:
    operations: list[Operation]
    problems: list[Problem]
    known: dict[tuple, int]  # keys of records that exist already → their ids
    # What the plan was made from (the parsed file and the day), to plan again on apply.
    source: Any = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[tuple[str, str], int]:
        found: dict[tuple[str, str], int] = {}
        for op in self.operations:
            found[(op.table, op.action)] = found.get((op.table, op.action), 0) + 1
        return found

    def summary(self) -> str:
        """'Persoon: 2 nieuw; Plaatsing: 1 gewijzigd', or that nothing changes."""
        if not self.operations:
            return "Het register bevat alles uit dit bestand al: er verandert niets."
        return "; ".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """One line per kind of record: 'Plaatsing: 3 nieuw en 1 gewijzigd'."""
        counts = self.counts()
        parts = []
        for table in dict.fromkeys(op.table for op in self.operations):
            added, changed = counts.get((table, "add"), 0), counts.get((table, "change"), 0)
            words = [
                w
                for w in (
                    f"{added} nieuw" if added else "",
                    f"{changed} gewijzigd" if changed else "",
                )
                if w
            ]
            parts.append(f"{TABLE_LABELS[table]}: {' en '.join(words)}")
        return parts

    def sorted_problems(self) -> list[Problem]:
        """In the order of the file: sheet, row, column."""
        order = {sheet.name: i for i, sheet in enumerate(SHEETS)}
        columns = {
            (sheet.name, c.header): i for sheet in SHEETS for i, c in enumerate(sheet.columns)
        }
        return sorted(
            self.problems,
            key=lambda p: (order.get(p.sheet, 9), p.row or 0, columns.get((p.sheet, p.column), 99)),
        )


def day_text(value: dt.date) -> str:
    """formatting.short_date without the locale machinery: thousands of these per import."""
    return f"{value.day}-{value.month}-{value.year}"


def _show(table: str, name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Ref):
        return "(nieuw)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return short_date(value)
    if name.endswith("_cents"):
        return money(value)
    if isinstance(value, float):
        return number(value)
    group = {
        "kind": {"employers": "employer_kind", "interim_provisions": "interim_kind"},
        "contract_type": {"placements": "contract_type"},
        "outcome": {"placements": "placement_outcome"},
        "cao": {"employers": "cao"},
    }.get(name, {}).get(table)
    if group:
        return VALUE_LABELS[group].get(value, value)
    return str(value)
