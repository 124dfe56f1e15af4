"""Rows of the register into the rules' dataclasses (``rules.model``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from beschut_desktop.errors import RegisterRefused
from beschut_desktop.rules.dates import as_date
from beschut_desktop.rules.model import TABLE_TYPES, Register, Settings
from beschut_desktop.wording import TABLE_LABELS, label


def _as_bool(value: Any) -> bool:
    return bool(value) if value is not None else False


def _as_float(value: Any) -> float | None:
    return float(value) if value is not None else None


# How a stored value becomes the type a model field declares. SQLite keeps dates as ISO text,
# booleans as 0/1 and whole hours as integers; text and whole numbers come back as they are.
CONVERTERS: dict[type, Callable[[Any], Any] | None] = {
    dt.date: as_date,
    bool: _as_bool,
    float: _as_float,
    int: None,
    str: None,
}


def _declared(hint: Any) -> Any:
    """``X | None`` is X; anything else is itself."""
    members = [m for m in typing.get_args(hint) if m is not type(None)]
    return members[0] if len(members) == 1 else hint


@cache
def _converters(cls: type) -> dict[str, Callable[[Any], Any] | None]:
    """Per field of ``cls`` its converter; a field of a type without one is a bug, said at once."""
    hints = typing.get_type_hints(cls)
    converters: dict[str, Callable[[Any], Any] | None] = {}
    for f in dataclasses.fields(cls):
        declared = _declared(hints[f.name])
        if declared not in CONVERTERS:
            raise TypeError(f"{cls.__name__}.{f.name}: no converter for {hints[f.name]!r}")
        converters[f.name] = CONVERTERS[declared]
    return converters


def to_model(cls: type, row: dict[str, Any]) -> Any:
    converters = _converters(cls)
    values = {}
    for name, convert in converters.items():
        if name not in row:
            continue
        value = row[name]
        values[name] = convert(value) if convert else value
    return cls(**values)


def load_settings(conn: sqlite3.Connection) -> Settings:
    stored = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        if f.name in stored and stored[f.name] is not None:
            values[f.name] = json.loads(stored[f.name])
    if not values:
        return Settings()
    return to_model(Settings, {**dataclasses.asdict(Settings()), **values})


def _model(table: str, cls: type, row: dict[str, Any]) -> Any:
    try:
        return to_model(cls, row)
    except (ValueError, TypeError):
        raise damaged(table, cls, row) from None


def damaged(table: str, cls: type, row: dict[str, Any]) -> RegisterRefused:
    """A row the program cannot have written: named by table, record and field, never by its
    value (which may be a name or a BSN, and would end up in a message or a log)."""
    field = next(
        (
            name
            for name, convert in _converters(cls).items()
            if convert and _fails(convert, row, name)
        ),
        None,
    )
    where = f"{TABLE_LABELS.get(table, table)}, record {row.get('id', row.get('year'))}"
    if field:
        where += f", veld {label(field).lower()}"
    return RegisterRefused(
        f"Het register is beschadigd: {where} heeft een waarde die het programma niet kan "
        "lezen. Zet een back-up terug of laat het register herstellen."
    )


def _fails(convert: Any, row: dict[str, Any], name: str) -> bool:
    try:
        convert(row.get(name))
    except (ValueError, TypeError):
        return True
    return False


def load_register(conn: sqlite3.Connection) -> Register:
    """The whole register in memory: fast for 10,000 persons, and the rules stay pure."""
    conn_factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        tables = {}
        for table, cls in TABLE_TYPES.items():
            key = "year" if table == "quota_years" else "id"
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
            tables[table] = [_model(table, cls, dict(row)) for row in rows]
    finally:
        conn.row_factory = conn_factory
    return Register(**tables, settings=load_settings(conn))
