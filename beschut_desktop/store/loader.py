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

from beschut_desktop.rules.dates import as_date
from beschut_desktop.rules.model import TABLE_TYPES, Register, Settings


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


def load_register(conn: sqlite3.Connection) -> Register:
    """The whole register in memory: fast for 10,000 persons, and the rules stay pure."""
    conn_factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        tables = {}
        for table, cls in TABLE_TYPES.items():
            key = "year" if table == "quota_years" else "id"
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
            tables[table] = [to_model(cls, dict(row)) for row in rows]
    finally:
        conn.row_factory = conn_factory
    return Register(**tables, settings=load_settings(conn))
