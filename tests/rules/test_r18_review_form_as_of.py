"""R18: the review form on a date shows the employment as it stood then, across a renewal."""

from __future__ import annotations

import datetime as dt
import io

from policy_2022 import RegisterBuilder
from pypdf import PdfReader

from beschut_desktop.documents.review_form import build_review_form

D = dt.date


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def test_r18_review_form_after_renewal_takes_review_and_plan_from_the_employment(
    build: RegisterBuilder,
) -> None:
    employer = build.employer("Hupak")
    person = build.indicated(D(2022, 6, 1))
    first = build.compliant_placement(person, employer, D(2023, 3, 1), end=D(2024, 2, 29))
    build.review(first, D(2023, 9, 1))
    renewal = build.placement(
        person, employer, D(2024, 3, 1), D(2025, 12, 31), previous_placement_id=first
    )
    build.review(renewal, D(2026, 5, 14))
    text = _text(build_review_form(build.load(), renewal, D(2025, 3, 1)))
    assert "Vorig gesprek 1-9-2023" in text
    assert "Ontwikkelplan opgesteld 1-3-2023" in text
    assert "14-5-2026" not in text
    assert "In dienst sinds 1-3-2023" in text
