"""Editable tables of Instellingen: the quota per year (R4, R7) and the minimum wage (R8).

One ``TableEditor`` per table: the list on the left, a form for the selected row on the right,
with Nieuw / Opslaan / Verwijderen. Each write is one audited ``insert``/``update``/``delete``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from beschut_desktop import formatting
from beschut_desktop.rules.model import Register
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.forms import ChoiceField, DateField, Form, IntField, MoneyField, NumberField
from beschut_desktop.ui.table_model import RIGHT, Column
from beschut_desktop.wording import VALUE_LABELS


@dataclass(frozen=True)
class EditorSpec:
    table: str
    title: str  # "Taakstelling per jaar"
    hint: str
    pk: str  # attribute of the row object that is its primary key
    pk_editable_on_new_only: bool
    rows: Callable[[Register], list]
    columns: list[Column]
    fields: Callable[[], list[forms.Field]]
    describe: Callable[[Any], str]  # "de taakstelling van 2022", for the delete question


def _unit_amount(row: Any) -> str:
    unit = VALUE_LABELS["minimum_wage_unit"].get(row.unit, row.unit)
    return f"{formatting.money(row.amount_cents)} {unit}"


QUOTA = EditorSpec(
    table="quota_years",
    title="Taakstelling per jaar",
    hint="De taakstelling (aantal plekken, cumulatief sinds 2015) en het bedrag per plek voor "
    "begeleiding, per jaar uit de meicirculaire. Een jaar zonder regel wordt gemeld, "
    "niet geschat.",
    pk="year",
    pk_editable_on_new_only=True,
    rows=lambda register: sorted(register.quota_years, key=lambda q: q.year, reverse=True),
    columns=[
        Column("year", "Jaar", width=60),
        Column("quota", "Plekken", align=RIGHT, width=70),
        Column(
            "amount_per_place_cents",
            "Bedrag per plek",
            display=lambda q: formatting.money(q.amount_per_place_cents),
            align=RIGHT,
            width=135,
        ),
        Column(
            "hours_per_place",
            "Uren per plek",
            display=lambda q: formatting.hours(q.hours_per_place),
            align=RIGHT,
            width=120,
        ),
        Column(
            "budget",
            "Budget",
            display=lambda q: formatting.money(q.quota * q.amount_per_place_cents),
            sort_key=lambda q: q.quota * q.amount_per_place_cents,
            align=RIGHT,
        ),
    ],
    fields=lambda: [
        IntField("year", "Jaar", required=True),
        IntField("quota", "Taakstelling (plekken)", required=True),
        MoneyField("amount_per_place_cents", "Bedrag per plek per jaar", required=True),
        NumberField("hours_per_place", "Uren per week per plek", required=True),
    ],
    describe=lambda q: f"de taakstelling van {q.year}",
)

MINIMUM_WAGE = EditorSpec(
    table="minimum_wage_periods",
    title="Wettelijk minimumloon",
    hint="Bruto wettelijk minimumloon vanaf 21 jaar, per periode (1 januari en 1 juli). Tot "
    "2024 per maand, sindsdien per uur. Het minimumloon blijft de maatstaf voor de "
    "loonkostensubsidie.",
    pk="id",
    pk_editable_on_new_only=False,
    rows=lambda register: sorted(
        register.minimum_wage_periods, key=lambda m: m.start_date, reverse=True
    ),
    columns=[
        Column(
            "start_date", "Vanaf", display=lambda m: formatting.short_date(m.start_date), width=100
        ),
        Column("amount_cents", "Bedrag", display=_unit_amount, align=RIGHT),
    ],
    fields=lambda: [
        DateField("start_date", "Vanaf", required=True),
        MoneyField("amount_cents", "Bedrag (bruto)", required=True),
        ChoiceField("unit", list(VALUE_LABELS["minimum_wage_unit"].items()), "Eenheid"),
    ],
    describe=lambda m: f"het minimumloon vanaf {formatting.short_date(m.start_date)}",
)


class TableEditor(QWidget):
    """A list and a form for one small table of policy data."""

    def __init__(self, session: Any, spec: EditorSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.spec = spec
        self.editing: Any = None  # the row object in the form; None: a new row
        self._saving = False
        self.table = widgets.RecordTable(
            spec.columns, accessible_name=spec.title, placeholder="Zoeken…"
        )
        self.table.current_changed.connect(self._on_current)
        self.form = Form(spec.table)
        for field in spec.fields():
            self.form.add(field)
        self.form.dirty_changed.connect(lambda _d: self._update_buttons())
        self.new_button = QPushButton("Nieuw")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton("Opslaan")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Verwijderen")
        self.delete_button.clicked.connect(self.delete)
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setAccessibleName(f"{button.text()} ({spec.title.lower()})")

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(widgets.heading(spec.title, 2))
        right.addWidget(widgets.muted(spec.hint))
        right.addWidget(self.form)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(16)
        layout.addWidget(self.table, 5)
        layout.addLayout(right, 4)
        self.refresh()
        self.new()

    def refresh(self) -> None:
        self.table.set_rows(self.spec.rows(self.session.register))

    def new(self) -> None:
        if not self.maybe_leave():
            return
        self.editing = None
        self.table.view.clearSelection()
        self.form.clear()
        self._update_buttons()

    def save(self) -> bool:
        """Insert or update the row in the form; False (input kept) when refused."""
        editing = self.editing
        saved: list[Any] = []

        def write(values: dict[str, Any]) -> None:
            if editing is None:
                saved.append(self.session.insert(self.spec.table, values))
                return
            pk = getattr(editing, self.spec.pk)
            if self.spec.pk_editable_on_new_only:
                values = {k: v for k, v in values.items() if k != self.spec.pk}
            self.session.update(self.spec.table, pk, values)
            saved.append(pk)

        self._saving = True
        try:
            if not self.form.save(write):
                return False
        finally:
            self._saving = False
        self._saving = True
        try:
            found = self.table.select(lambda r: getattr(r, self.spec.pk) == saved[0])
        finally:
            self._saving = False
        self.editing = self.table.current() if found else None
        if self.editing is not None:
            self.form.load(self.editing)
        self._update_buttons()
        return True

    def delete(self) -> None:
        if self.editing is None:
            return
        if not forms.confirm_delete(self, self.spec.describe(self.editing)):
            return
        self.session.delete(self.spec.table, getattr(self.editing, self.spec.pk))
        self.editing = None
        self.form.clear()
        self._update_buttons()

    def maybe_leave(self) -> bool:
        return forms.maybe_leave(
            self, self.form, self.save, f"de wijziging in {self.spec.title.lower()}"
        )

    def _on_current(self, row: Any) -> None:
        if row is None or row is self.editing or self._saving:
            return
        if self.form.dirty and not self.maybe_leave():
            return
        self.editing = row
        self.form.load(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.editing is not None)
        self.save_button.setEnabled(self.form.dirty)
        pk_field = self.form.fields.get(self.spec.pk)
        if pk_field is not None and self.spec.pk_editable_on_new_only:
            pk_field.set_enabled(self.editing is None)
