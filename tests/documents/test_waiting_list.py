"""The waiting list in R5's order, with status and interim provisions (R6), without BSN."""

from __future__ import annotations

import datetime as dt

from document_data import ON, Policy2022, pdf_text, squash

from beschut_desktop.documents.waiting_list import build_waiting_list
from beschut_desktop.store.store import Store


def test_r5_waiting_list_in_order_of_determination_date(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_waiting_list(store.load(), ON)))
    ayse, chloe, zoe = (f"BW-{policy.persons[k]:05d}" for k in ("ayse", "chloe", "zoe"))
    assert f"1 {ayse} A.Ş. 1-2-2021 1-2-2021 Wachtlijst" in text
    assert f"2 {chloe} C.M. 1-5-2021 1-5-2021 Wachtlijst" in text
    assert f"3 {zoe} Z.H. 1-11-2021 1-11-2021 Wachtlijst geen" in text
    assert text.index(ayse) < text.index(chloe) < text.index(zoe)


def test_r6_interim_provision_with_its_start(store: Store, policy: Policy2022) -> None:
    text = squash(pdf_text(build_waiting_list(store.load(), ON)))
    assert "Arbeidsmatige dagbesteding sinds 1-6-2021 (Zorgboerderij De Hoeve)" in text
    assert "Vrijwilligerswerk sinds 1-3-2021" in text


def test_r5_r14_ended_contract_returns_first_in_line_to_be_placed(
    store: Store, policy: Policy2022
) -> None:
    # 15 January 2023: quota 7; the contract at De Vries ended on 31 December, so 6 realised.
    # Pieter is back in the queue with his original determination date (1-9-2019): first.
    text = squash(pdf_text(build_waiting_list(store.load(), dt.date(2023, 1, 15))))
    assert "Te plaatsen 1" in text
    assert f"1 BW-{policy.persons['pieter']:05d} P.B. 1-9-2019 1-9-2019 Te plaatsen" in text
    assert f"2 BW-{policy.persons['ayse']:05d} A.Ş. 1-2-2021 1-2-2021 Wachtlijst" in text


def test_no_bsn_and_no_full_names_on_the_waiting_list(store: Store, policy: Policy2022) -> None:
    text = pdf_text(build_waiting_list(store.load(), ON))
    for bsn in policy.bsns.values():
        assert bsn not in text
    for name in ("Şahin", "Meijer", "Hoekstra", "Chloë"):
        assert name not in text


def test_empty_queue_is_said(store: Store) -> None:
    text = pdf_text(build_waiting_list(store.load(), ON))
    assert "Er staat niemand in de rij." in text


def test_with_names_the_list_that_stays_inside_names_everyone(
    store: Store, policy: Policy2022
) -> None:
    text = squash(pdf_text(build_waiting_list(store.load(), ON, with_names=True)))
    ayse = f"BW-{policy.persons['ayse']:05d}"
    assert f"1 {ayse} Ayşe Şahin 1-2-2021" in text
    assert "alleen voor intern gebruik" in text
    for bsn in policy.bsns.values():
        assert bsn not in text


def test_column_headers_are_never_broken_in_the_middle_of_a_word(
    store: Store, policy: Policy2022
) -> None:
    for with_names in (False, True):
        text = pdf_text(build_waiting_list(store.load(), ON, with_names=with_names))
        for header in ("Zaaknummer", "Vastgesteld", "Voorziening"):
            assert header in text, (with_names, header)
