"""The signals on a date, grouped by kind, with case number and initials only."""

from __future__ import annotations

from document_data import ON, Policy2022, pdf_text, squash

from beschut_desktop.documents.signals_list import build_signals_list
from beschut_desktop.rules.signals import SIGNAL_KINDS, signals_on
from beschut_desktop.store.store import Store


def test_signals_grouped_by_kind_with_due_date_person_and_rule(
    store: Store, policy: Policy2022
) -> None:
    register = store.load()
    signals = signals_on(register, ON)
    assert signals, "the register has reviews and assessments due"
    text = squash(pdf_text(build_signals_list(register, ON)))
    assert f"{len(signals)} signalen" in text
    for kind in {s.kind for s in signals}:
        count = sum(s.kind == kind for s in signals)
        assert f"{SIGNAL_KINDS.get(kind, kind)} ({count})" in text
    lukasz = f"BW-{policy.persons['lukasz']:05d} Ł.K."
    assert lukasz in text
    review = next(s for s in signals if s.rule == "R18" and s.person_id == policy.persons["lukasz"])
    assert "10-9-2022" in text and review.title in text


def test_no_bsn_and_no_full_names_on_the_signals_list(store: Store, policy: Policy2022) -> None:
    text = pdf_text(build_signals_list(store.load(), ON))
    for bsn in policy.bsns.values():
        assert bsn not in text
    assert "Kowalczyk" not in text and "Łukasz" not in text


def test_no_signals_is_said(store: Store) -> None:
    text = pdf_text(build_signals_list(store.load(), ON))
    assert "Er zijn geen signalen op deze datum." in text


def test_with_names_the_signals_list_that_stays_inside(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_signals_list(store.load(), ON, with_names=True)))
    assert f"BW-{policy.persons['lukasz']:05d} Łukasz Kowalczyk" in text
    assert "alleen voor intern gebruik" in text
    for bsn in policy.bsns.values():
        assert bsn not in text
