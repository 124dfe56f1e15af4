"""The loader turns stored values into the model's declared types with explicit converters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from beschut_desktop.store.loader import to_model


@dataclasses.dataclass
class Sample:
    day: dt.date | None = None
    flag: bool = False
    hours: float | None = None
    count: int = 0
    name: str = ""


@dataclasses.dataclass
class Unknown:
    amount: Decimal | None = None


def test_iso_text_0_1_and_whole_hours_become_date_bool_and_float() -> None:
    loaded = to_model(
        Sample, {"day": "2022-09-06", "flag": 1, "hours": 16, "count": 3, "name": "x"}
    )
    assert loaded == Sample(dt.date(2022, 9, 6), True, 16.0, 3, "x")
    assert isinstance(loaded.hours, float)


def test_empty_values_stay_empty() -> None:
    assert to_model(Sample, {"day": None, "flag": None, "hours": None}) == Sample()


def test_a_field_type_without_a_converter_is_a_bug_said_at_once() -> None:
    with pytest.raises(TypeError, match="Unknown.amount"):
        to_model(Unknown, {"amount": "1.5"})
