"""Small helpers the flows share: collecting field problems and reading the register."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from beschut_desktop.errors import UserError, ValidationError
from beschut_desktop.store.store import Store
from beschut_desktop.wording import TABLE_LABELS, label

Problems = dict[str, str]


def missing(values: Mapping[str, Any], *fields: str) -> Problems:
    """A Dutch 'is verplicht' for every empty field among ``fields``."""
    problems: Problems = {}
    for name in fields:
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems[name] = f"{label(name)} is verplicht"
    return problems


def raise_problems(problems: Problems) -> None:
    if problems:
        raise ValidationError(problems)


def existing(store: Store, table: str, pk: int) -> dict[str, Any]:
    """The stored row, or a Dutch error when it is gone (another window deleted it)."""
    row = store.row(table, pk)
    if row is None:
        raise UserError(f"{TABLE_LABELS.get(table, table)} {pk} bestaat niet (meer).")
    return row


def text(value: str | None) -> str | None:
    """Empty text is stored as nothing, so that 'is it filled' has one answer."""
    if value is None:
        return None
    value = value.strip()
    return value or None
