"""A small form framework: fields bound to record keys, checked while typing, never losing input.

A ``Form`` holds ``Field``s, each bound to one column of a table. While the user types, every
field's own parser (Dutch dates, numbers, money through ``formatting``) and the record check of
``rules.validation.validate(table, record)`` run, and the Dutch problem appears under the field
— the same words the store would refuse the record with. Nothing typed is ever replaced: a bad
date stays in the field until the user corrects it. Problems show for fields the user touched,
and for all fields once a save is tried.

Typical use in a section or dialog::

    form = Form("placements")
    form.add(DateField("start_date"))
    form.add(HoursField("hours_per_week"))
    form.set_context({"person_id": 3, "employer_id": 1})   # record values not in the form
    form.load(placement)                                    # a dataclass or a mapping
    ...
    form.save(lambda values: session.update("placements", placement.id, values))

``dirty`` tells whether anything differs from what was loaded; ``maybe_leave`` asks
"Opslaan / Niet opslaan / Annuleren" before a window or record is left.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError, ValidationError
from beschut_desktop.rules.validation import validate
from beschut_desktop.ui import widgets
from beschut_desktop.ui.fields import (  # re-exported: part of the forms API
    CheckField,
    ChoiceField,
    DateField,
    Field,
    HoursField,
    IntField,
    MoneyField,
    MultiLineField,
    NumberField,
    PercentField,
    TextField,
)
from beschut_desktop.wording import label as field_label

# ---- the form ----------------------------------------------------------------------------


class Form(QWidget):
    """Fields in a two-column layout (label, field with its problem underneath).

    Signals:
        dirty_changed(bool): something now differs (or no longer differs) from what was loaded.
        edited(): any field was edited (after the problems were updated).
        problems_shown(): the problems under the fields were shown again (maybe other lines).
    """

    dirty_changed = Signal(bool)
    edited = Signal()
    problems_shown = Signal()  # the problem lines under the fields changed (a dialog grows)

    def __init__(self, table: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.fields: dict[str, Field] = {}
        self._context: dict[str, Any] = {}
        self._checks: list[Callable[[dict[str, Any]], dict[str, str]]] = []
        self._original: dict[str, Any] = {}
        self._problem_labels: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._dirty = False
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_problem = QLabel()
        self.general_problem.setProperty("role", "problem")
        self.general_problem.setWordWrap(True)
        self.general_problem.hide()
        outer.addWidget(self.general_problem)
        self.layout_ = QFormLayout()
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(self.layout_)

    # ---- building ----------------------------------------------------------------------

    def add(self, field: Field, beside: QWidget | None = None) -> Field:
        """Add a field as a row; returns it (so ``f = form.add(DateField(...))`` works).
        ``beside``: a widget to the right of the field (a "Kiezen…" button)."""
        self.fields[field.key] = field
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if beside is None:
            column.addWidget(field.widget)
        else:
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(field.widget, 1)
            line.addWidget(beside)
            column.addLayout(line)
        problem = QLabel()
        problem.setProperty("role", "problem")
        problem.setWordWrap(True)
        problem.setObjectName(f"problem_{field.key}")
        problem.hide()
        column.addWidget(problem)
        self._problem_labels[field.key] = problem
        row_label = "" if isinstance(field, CheckField) else field.label
        self.layout_.addRow(row_label, holder)
        label = self.layout_.labelForField(holder)
        if isinstance(label, QLabel):  # Alt+letter and the screen reader reach the field itself
            label.setBuddy(field.widget)
        if not field.widget.accessibleName():
            field.widget.setAccessibleName(field.label)
        field.connect(lambda key=field.key: self._on_edit(key))
        self._original[field.key] = field.raw()
        return field

    def add_check(self, check: Callable[[dict[str, Any]], dict[str, str]]) -> None:
        """An extra check of one's own: ``check(values)`` gets the fields that parsed and
        returns {key: Dutch problem} (for forms without a table, or rules beyond the store's)."""
        self._checks.append(check)

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row that is not a field (a hint, a button)."""
        self.layout_.addRow(label, widget)

    def set_context(self, values: Mapping[str, Any]) -> None:
        """Record values that are not in the form (ids, fixed columns), for validation and
        ``record()``."""
        self._context = dict(values)

    # ---- loading and reading -----------------------------------------------------------

    def load(self, values: Any) -> None:
        """Fill the fields from a dataclass or mapping; what is loaded counts as clean."""
        mapping = _as_mapping(values)
        self._loading = True
        try:
            for key, field in self.fields.items():
                field.set_value(mapping.get(key))
        finally:
            self._loading = False
        self._touched.clear()
        self._show_all = False
        self.mark_clean()
        self.refresh_problems()

    def clear(self) -> None:
        """Empty every field (a new record)."""
        self.load({})

    def values(self) -> dict[str, Any]:
        """Parsed values of all fields; ``ValidationError`` when any field cannot be read."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, field in self.fields.items():
            try:
                values[key] = field.value()
            except ValueError as exc:
                problems[key] = str(exc)
        if problems:
            raise ValidationError(problems)
        return values

    def changed_values(self) -> dict[str, Any]:
        """Only the fields that differ from what was loaded (for an update)."""
        values = self.values()
        return {k: v for k, v in values.items() if self.fields[k].raw() != self._original[k]}

    def record(self) -> dict[str, Any]:
        """Context and fields together: what an insert needs."""
        return {**self._context, **self.values()}

    def problems(self) -> dict[str, str]:
        """Every problem now: the fields' parsers, ``required``, the table's validation and the
        checks added with ``add_check``."""
        parsed: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, field in self.fields.items():
            problem = field.problem()
            if problem:
                problems[key] = problem
            else:
                parsed[key] = field.value()
        if self.table:
            for key, message in validate(self.table, {**self._context, **parsed}).items():
                if key not in problems and (key in parsed or key not in self.fields):
                    problems[key] = message
        for check in self._checks:
            for key, message in check(parsed).items():
                problems.setdefault(key, message)
        return problems

    # ---- dirty -------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_clean(self) -> None:
        self._original = {key: field.raw() for key, field in self.fields.items()}
        self._set_dirty(False)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # ---- problems ----------------------------------------------------------------------

    def check(self) -> bool:
        """Show all problems (as before a save); True when there are none."""
        self._show_all = True
        return not self.refresh_problems()

    def refresh_problems(self) -> dict[str, str]:
        problems = self.problems()
        self._display(problems)
        return problems

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show problems found elsewhere (the store refusing a record)."""
        self._show_all = True
        self._display({**self.problems(), **problems})

    def _display(self, problems: Mapping[str, str]) -> None:
        for key, label in self._problem_labels.items():
            message = problems.get(key)
            visible = bool(message) and (self._show_all or key in self._touched)
            label.setText(_sentence(message) if visible else "")
            label.setVisible(visible)
            self.fields[key].widget.setProperty("problem", visible)
            self.fields[key].widget.style().unpolish(self.fields[key].widget)
            self.fields[key].widget.style().polish(self.fields[key].widget)
        general = [f"{field_label(k)}: {m}" for k, m in problems.items() if k not in self.fields]
        shown = bool(general) and self._show_all
        self.general_problem.setText("\n".join(_sentence(g) for g in general) if shown else "")
        self.general_problem.setVisible(shown)
        self.problems_shown.emit()

    def _on_edit(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self.refresh_problems()
        self._set_dirty(any(f.raw() != self._original.get(k) for k, f in self.fields.items()))
        self.edited.emit()

    # ---- saving ------------------------------------------------------------------------

    def save(self, write: Callable[[dict[str, Any]], Any]) -> bool:
        """Check, then ``write(values)``; a refusal is shown beside the fields (or in a message)
        and the typed input stays. True when written."""
        if not self.check():
            return False
        try:
            write(self.values())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except UserError as exc:
            widgets.inform(self, "Niet opgeslagen", exc.message, widgets.QMessageBox.Icon.Warning)
            return False
        self.mark_clean()
        return True

    def shown_problem(self, key: str) -> str:
        """The problem now shown under a field ("" when none): what the user reads."""
        label = self._problem_labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def first_problem_widget(self) -> QWidget | None:
        for key, label in self._problem_labels.items():
            if label.isVisible():
                return self.fields[key].widget
        return None


def _as_mapping(values: Any) -> Mapping[str, Any]:
    if values is None:
        return {}
    if dataclasses.is_dataclass(values) and not isinstance(values, type):
        return {f.name: getattr(values, f.name) for f in dataclasses.fields(values)}
    return values


def _sentence(message: str | None) -> str:
    if not message:
        return ""
    return message[0].upper() + message[1:] + ("" if message.endswith(".") else ".")


# ---- prompts ----------------------------------------------------------------------------

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget | None, what: str = "de wijzigingen") -> str:
    """ "Opslaan / Niet opslaan / Annuleren": returns ``SAVE``, ``DISCARD`` or ``CANCEL``."""
    choice = widgets.ask(
        parent,
        "Niet opgeslagen wijzigingen",
        f"Wilt u {what} opslaan voordat u verdergaat?",
        ["Opslaan", "Niet opslaan", "Annuleren"],
        default=0,
        escape=2,
    )
    return (SAVE, DISCARD, CANCEL)[choice]


def maybe_leave(
    parent: QWidget | None, form: Form, save: Callable[[], bool], what: str = "de wijzigingen"
) -> bool:
    """Before leaving a record or closing: True when it is fine to go on (saved, discarded or
    nothing changed); False when the user cancels or the save was refused."""
    if not form.dirty:
        return True
    choice = ask_unsaved(parent, what)
    if choice == SAVE:
        return save()
    return choice == DISCARD


def confirm_delete(parent: QWidget | None, what: str, consequence: str = "") -> bool:
    """ "<what> verwijderen?" with Verwijderen / Annuleren (Annuleren is the default)."""
    text = f"{what[0].upper()}{what[1:]} verwijderen?"
    if consequence:
        text += f"\n\n{consequence}"
    text += "\n\nDe verwijdering komt in het auditspoor."
    return (
        widgets.ask(
            parent,
            "Verwijderen",
            text,
            ["Verwijderen", "Annuleren"],
            default=1,
            escape=1,
            icon=widgets.QMessageBox.Icon.Warning,
        )
        == 0
    )


__all__ = [
    "CANCEL",
    "DISCARD",
    "SAVE",
    "CheckField",
    "ChoiceField",
    "DateField",
    "Field",
    "Form",
    "HoursField",
    "IntField",
    "MoneyField",
    "MultiLineField",
    "NumberField",
    "PercentField",
    "TextField",
    "ask_unsaved",
    "confirm_delete",
    "maybe_leave",
]
