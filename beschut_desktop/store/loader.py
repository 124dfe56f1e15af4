"""Rows of the register into the rules' dataclasses (``rules.model``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import typing
from functools import cache
from typing import Any

from beschut_desktop.rules.model import TABLE_TYPES, Register, Settings


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


@cache
def _converters(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    converters: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint = str(hints[f.name])
        if "date" in hint:
            converters[f.name] = _date
        elif hint.startswith("<class 'bool'>") or hint == "bool":
            converters[f.name] = lambda v: bool(v) if v is not None else False
        elif "float" in hint:
            converters[f.name] = lambda v: float(v) if v is not None else None
        else:
            converters[f.name] = None
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
