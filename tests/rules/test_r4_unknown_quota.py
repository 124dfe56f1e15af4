"""R4: a year without a quota is said to be unknown; nobody is counted because a number is missing."""

from __future__ import annotations

import datetime as dt
import io

from policy_2022 import RegisterBuilder
from pypdf import PdfReader

from beschut_desktop.documents.quota_report import build_quota_report
from beschut_desktop.documents.waiting_list import build_waiting_list
from beschut_desktop.rules.quota import UNKNOWN, queue

D = dt.date


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


def test_r4_year_without_quota_counts_nobody_te_plaatsen_or_waiting(build: RegisterBuilder) -> None:
    for month in (1, 2, 3):
        build.indicated(D(2022, month, 10))
    register = build.load()
    year = max(q.year for q in register.quota_years) + 1
    on = D(year, 1, 15)
    entries = queue(register, on)
    assert [e.status for e in entries] == [UNKNOWN] * 3
    unknown = f"onbekend — geen taakstelling ingevoerd voor {year}"
    for pdf in (build_waiting_list(register, on), build_quota_report(register, on)):
        text = _text(pdf)
        assert f"Te plaatsen {unknown}" in text or f"Te plaatsen (rij) {unknown}" in text
        assert f"Op de wachtlijst {unknown}" in text
