"""Hostile workbooks: the import refuses what it cannot read, cell by cell, and never crashes
or changes the register. A hypothesis search mutates one cell of a good list at a time; every
failing example it found is kept below as an explicit test."""

from __future__ import annotations

import datetime as dt
import math
import tempfile
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import (
    BSN_A,
    PERSON_HEADER,
    PLACEMENT_HEADER,
    QUOTA_HEADER,
    TODAY,
    audit_count,
    dump,
    good_sheets,
    write_xlsx,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from beschut_desktop.errors import UserError
from beschut_desktop.exchange.importer import ImportRefused, apply_plan, plan_import
from beschut_desktop.rules.validation import LATEST_DATE, MAX_NAME_LENGTH
from beschut_desktop.store.store import Store

PLACEHOLDER = 424242.125
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def raw_cell(path: Path, sheets: dict, xml_value: str, *, formula: str | None = None) -> Path:
    """A workbook whose cell holding ``PLACEHOLDER`` gets a raw XML value no program would
    write through openpyxl (1E400, NaN, a formula without its stored result)."""
    write_xlsx(path, sheets)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    old = f"<v>{PLACEHOLDER}</v>".encode()
    new = (f"<f>{formula}</f>" if formula else f"<v>{xml_value}</v>").encode()
    for name, data in parts.items():
        if old in data:
            parts[name] = data.replace(old, new)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def problems_of(store: Store, path: Path) -> list[str]:
    before = dump(store), audit_count(store)
    plan = plan_import(store, path, TODAY)
    assert not plan.ok
    assert (dump(store), audit_count(store)) == before
    return [str(p) for p in plan.problems]


def with_placement_hours(value: object) -> dict:
    sheets = good_sheets()
    sheets["Plaatsingen"] = [
        PLACEMENT_HEADER,
        [BSN_A, "Reestdal Werken B.V.", "1-1-2022", None, value],
    ]
    return sheets


def with_quota_amount(value: object) -> dict:
    return {"Taakstelling": [QUOTA_HEADER, [2022, 6, value, 31]]}


def with_person(row: list[object]) -> dict:
    return {"Personen": [PERSON_HEADER, row]}


# ---- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("xml_value", "shown"),
    # NaN and inf no spreadsheet writes; openpyxl cannot read such a row, so the cell is
    # found in the sheet's XML.
    [("1E400", "∞"), ("-1E400", "∞"), ("NaN", "NaN"), ("inf", "inf"), ("9" * 300, "9999")],
)
def test_infinite_and_huge_hours_are_refused(fresh_store, tmp_path, xml_value, shown) -> None:
    path = raw_cell(tmp_path / "uren.xlsx", with_placement_hours(PLACEHOLDER), xml_value)
    problems = problems_of(fresh_store, path)
    assert len(problems) == 1
    assert problems[0].startswith("Plaatsingen, rij 2")
    assert "kolom Uren per week" in problems[0] and shown in problems[0]


@pytest.mark.parametrize("value", [1e24, -1e24, 10**13])
def test_numbers_beyond_any_count_are_refused(fresh_store, tmp_path, value) -> None:
    path = write_xlsx(tmp_path / "jaar.xlsx", {"Taakstelling": [QUOTA_HEADER, [value, 6, 8100]]})
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Taakstelling, rij 2, kolom Jaar") and "te groot" in problem


@pytest.mark.parametrize("text", ["inf", "Infinity", "NaN", "1E400", "9" * 300, "1e5"])
def test_infinite_hours_as_text_are_refused(fresh_store, tmp_path, text) -> None:
    path = write_xlsx(tmp_path / "uren.xlsx", with_placement_hours(text))
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Plaatsingen, rij 2, kolom Uren per week")


def test_huge_amount_per_place_is_refused(fresh_store, tmp_path) -> None:
    path = raw_cell(tmp_path / "bedrag.xlsx", with_quota_amount(PLACEHOLDER), "1" * 300)
    (problem,) = problems_of(fresh_store, path)
    assert "Taakstelling, rij 2, kolom Bedrag per plek" in problem and "te groot" in problem


@pytest.mark.parametrize("text", ["8,100.00", "8,100", "1,234,567", "8.100.00,5,0"])
def test_ambiguous_thousands_marks_are_refused(fresh_store, tmp_path, text) -> None:
    path = write_xlsx(tmp_path / "bedrag.xlsx", with_quota_amount(text))
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith(f"Taakstelling, rij 2, kolom Bedrag per plek: '{text}'")


@pytest.mark.parametrize("text", ["8.100,00", "8100", "€ 8.100,00", 8100, "8.100"])
def test_dutch_and_plain_amounts_are_read(fresh_store, tmp_path, text) -> None:
    path = write_xlsx(tmp_path / "bedrag.xlsx", with_quota_amount(text))
    plan = plan_import(fresh_store, path, TODAY)
    assert plan.ok, plan.problems
    apply_plan(fresh_store, plan)
    assert fresh_store.row("quota_years", 2022)["amount_per_place_cents"] == 810000


def test_zero_hours_per_place_is_refused_before_writing(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "uren.xlsx", {"Taakstelling": [QUOTA_HEADER, [2022, 6, 8100, 0]]})
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Taakstelling, rij 2, kolom Uren per week per plek")


def test_amount_beyond_any_place_is_refused(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "bedrag.xlsx", with_quota_amount("99.999.999,00"))
    (problem,) = problems_of(fresh_store, path)
    assert "Bedrag per plek" in problem and "onwaarschijnlijk" in problem


# ---- BSN, dates and lengths -----------------------------------------------------------------


def test_fullwidth_bsn_is_the_same_person(fresh_store, tmp_path) -> None:
    first = write_xlsx(tmp_path / "a.xlsx", with_person([BSN_A, "Jan", "Mulder"]))
    apply_plan(fresh_store, plan_import(fresh_store, first, TODAY))
    again = write_xlsx(
        tmp_path / "b.xlsx", with_person([BSN_A.translate(FULLWIDTH), "Jan", "Mulder"])
    )
    plan = plan_import(fresh_store, again, TODAY)
    assert plan.ok and not plan.operations
    assert [r["bsn"] for r in fresh_store.rows("persons")] == [BSN_A]


def test_fullwidth_bsn_twice_in_one_file_is_one_row(fresh_store, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "Personen": [
                PERSON_HEADER,
                [BSN_A, "Jan", "Mulder"],
                [BSN_A.translate(FULLWIDTH), "Jan", "Mulder"],
            ]
        },
    )
    (problem,) = problems_of(fresh_store, path)
    assert "rij 3" in problem and "rij 2" in problem


@pytest.mark.parametrize(
    ("birth", "words"),
    [
        ("1-1-0001", "niet tussen 1900 en 2100"),
        ("1-1-1850", "niet tussen 1900 en 2100"),
        ("1-1-1910", "onwaarschijnlijk"),
        (dt.datetime(1850, 1, 1), "niet tussen 1900 en 2100"),
    ],
)
def test_implausible_birth_dates_are_refused(fresh_store, tmp_path, birth, words) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", with_person([BSN_A, "Jan", "Mulder", birth]))
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Personen, rij 2, kolom Geboortedatum") and words in problem


@pytest.mark.parametrize("end", ["31-12-9999", dt.datetime(9999, 12, 31), "1-1-2101"])
def test_far_dates_are_refused(fresh_store, tmp_path, end) -> None:
    sheets = good_sheets()
    sheets["Plaatsingen"] = [PLACEMENT_HEADER, [BSN_A, "Reestdal Werken B.V.", "1-1-2022", end]]
    (problem,) = problems_of(fresh_store, write_xlsx(tmp_path / "d.xlsx", sheets))
    assert problem.startswith("Plaatsingen, rij 2, kolom Einddatum")


def test_date_serial_beyond_excel_is_refused(fresh_store, tmp_path) -> None:
    sheets = good_sheets()
    sheets["Plaatsingen"] = [
        PLACEMENT_HEADER,
        [BSN_A, "Reestdal Werken B.V.", "1-1-2022", dt.datetime(2022, 6, 30)],
    ]
    path = write_xlsx(tmp_path / "d.xlsx", sheets)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            parts[name] = data.replace(b"<v>44742</v>", b"<v>99999999999</v>")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Plaatsingen, rij 2, kolom Einddatum")


def test_a_hundred_thousand_letter_name_is_refused(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", with_person([BSN_A, "J" * 100_000, "Mulder"]))
    (problem,) = problems_of(fresh_store, path)
    assert "kolom Voornaam" in problem and f"langer dan {MAX_NAME_LENGTH} tekens" in problem
    assert len(problem) < 300


def test_a_hundred_thousand_digit_bsn_is_refused_briefly(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", with_person(["1" * 100_000, "Jan", "Mulder"]))
    (problem,) = problems_of(fresh_store, path)
    assert "kolom BSN" in problem and len(problem) < 300


def test_a_five_thousand_letter_date_is_refused_briefly(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", with_person([BSN_A, "Jan", "Mulder", "x" * 5000]))
    (problem,) = problems_of(fresh_store, path)
    assert "kolom Geboortedatum" in problem and len(problem) < 300


# ---- formulas and errors --------------------------------------------------------------------


def test_formula_without_stored_value_is_refused(fresh_store, tmp_path) -> None:
    path = raw_cell(tmp_path / "f.xlsx", with_placement_hours(PLACEHOLDER), "", formula="B9*2")
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Plaatsingen, rij 2, kolom Uren per week")
    assert "=B9*2" in problem and "formule" in problem


def test_formula_in_a_key_column_is_one_problem(fresh_store, tmp_path) -> None:
    path = raw_cell(
        tmp_path / "f.xlsx", with_person([PLACEHOLDER, "Jan", "Mulder"]), "", formula="A1"
    )
    (problem,) = problems_of(fresh_store, path)
    assert problem.startswith("Personen, rij 2, kolom BSN") and "formule" in problem


def test_formula_with_stored_value_is_read(fresh_store, tmp_path) -> None:
    path = raw_cell(tmp_path / "f.xlsx", with_placement_hours(PLACEHOLDER), "24")
    text = path.read_bytes()
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, data in parts.items():
        parts[name] = data.replace(b"<v>24</v>", b"<f>12*2</f><v>24</v>")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert path.read_bytes() != text
    plan = plan_import(fresh_store, path, TODAY)
    assert plan.ok, plan.problems


def test_excel_error_cell_is_refused(fresh_store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", with_placement_hours("#DIV/0!"))
    (problem,) = problems_of(fresh_store, path)
    assert "kolom Uren per week" in problem and "Excel-fout" in problem


# ---- damaged files --------------------------------------------------------------------------


def refused_whole(store: Store, path: Path) -> str:
    before = dump(store), audit_count(store)
    with pytest.raises(UserError) as raised:
        plan = plan_import(store, path, TODAY)
        if not plan.ok:
            raise ImportRefused(path, plan)
    assert (dump(store), audit_count(store)) == before
    assert "Traceback" not in raised.value.message
    return raised.value.message


def rewrite_sheets(path: Path, change) -> Path:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, change(name, data))
    return path


def test_broken_sheet_xml_is_refused(fresh_store, good_file) -> None:
    def cut(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == "xl/worksheets/sheet3.xml" else data

    message = refused_whole(fresh_store, rewrite_sheets(good_file, cut))
    assert "Personen" in message and "beschadigd" in message


def test_a_zip_of_junk_is_refused(fresh_store, tmp_path) -> None:
    path = tmp_path / "rommel.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("rommel.txt", "niets dan rommel")
        archive.writestr("xl/workbook.xml", b"\x00\xff junk")
    message = refused_whole(fresh_store, path)
    assert message.startswith("rommel.xlsx kan niet worden gelezen")


def test_not_a_zip_is_refused(fresh_store, tmp_path) -> None:
    path = tmp_path / "tekst.xlsx"
    path.write_bytes(b"PK\x03\x04 dit lijkt op een zip maar is het niet")
    assert "kan niet worden gelezen" in refused_whole(fresh_store, path)


# (signature, offset of the flags, of the method, of the name length, of the name)
ZIP_HEADERS = ((b"PK\x03\x04", 6, 8, 26, 30), (b"PK\x01\x02", 8, 10, 28, 46))


def zip_flags(path: Path, member: str, *, flag: int = 0, method: int | None = None) -> Path:
    """Set general-purpose flag bits (0x1: encrypted) or the compression method of a member in
    its local and its central header, as a damaged or hostile zip would have them."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, flags_at, method_at, length_at, name_at in ZIP_HEADERS:
        start = data.find(signature)
        while start != -1:
            length = int.from_bytes(data[start + length_at : start + length_at + 2], "little")
            if data[start + name_at : start + name_at + length] == name:
                data[start + flags_at] |= flag
                if method is not None:
                    data[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("junk", [b"0", b" "])
def test_a_damaged_cell_reference_is_refused(fresh_store, good_file, junk) -> None:
    def damage(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        at = data.index(b'r="A2"') + 3
        return data[:at] + junk + data[at + 1 :]

    (problem,) = problems_of(fresh_store, rewrite_sheets(good_file, damage))
    assert problem.startswith("Taakstelling, rij 2") and "beschadigd" in problem


def test_a_sheet_marked_as_encrypted_is_refused(fresh_store, good_file) -> None:
    message = refused_whole(fresh_store, zip_flags(good_file, "xl/worksheets/sheet2.xml", flag=1))
    assert "Werkgevers" in message or "kan niet worden gelezen" in message


def test_an_unknown_compression_method_is_refused(fresh_store, good_file) -> None:
    path = zip_flags(good_file, "xl/worksheets/sheet3.xml", method=99)
    message = refused_whole(fresh_store, path)
    assert "Personen" in message or "kan niet worden gelezen" in message


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>"
)


def test_an_entity_bomb_is_refused(fresh_store, good_file) -> None:
    def bomb(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet3.xml":
            return data
        body = data.split(b"?>", 1)[-1]
        return BOMB + body.replace(b"<v>", b"<v>&lol9;", 1)

    assert "beschadigd" in refused_whole(fresh_store, rewrite_sheets(good_file, bomb))


def test_an_entity_bomb_in_the_workbook_is_refused(fresh_store, good_file) -> None:
    def bomb(name: str, data: bytes) -> bytes:
        return BOMB + data.split(b"?>", 1)[-1] if name == "xl/workbook.xml" else data

    assert "kan niet worden gelezen" in refused_whole(fresh_store, rewrite_sheets(good_file, bomb))


# ---- the search ------------------------------------------------------------------------------

HOSTILE = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.text(max_size=30),
    st.sampled_from(
        [
            "8,100.00",
            "1E400",
            "inf",
            "NaN",
            "-0",
            "=1+1",
            "#N/A",
            "31-12-9999",
            "1-1-0001",
            "0001-01-01",
            "１２３",
            "x" * 5000,
            True,
            "",
            " ",
        ]
    ),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
)
CELLS = [
    (sheet, row, column)
    for sheet, rows in good_sheets().items()
    for row in range(1, len(rows))
    for column in range(len(rows[0]))
]


def stored_values_are_plausible(store: Store) -> None:
    for table in ("persons", "placements", "quota_years"):
        for row in store.rows(table):
            for name, value in row.items():
                if isinstance(value, float):
                    assert math.isfinite(value), (table, name, value)
                if isinstance(value, str) and name.endswith(("_date", "_on")):
                    assert value <= LATEST_DATE.isoformat(), (table, name, value)
                if isinstance(value, str):
                    assert len(value) <= 10_000
                    if name == "bsn":
                        assert value.isascii() and value.isdigit()
    hours = [r["hours_per_week"] for r in store.rows("placements") if r["hours_per_week"]]
    assert all(0 <= h <= 60 for h in hours)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(where=st.sampled_from(CELLS), value=HOSTILE)
def test_one_hostile_cell_is_refused_or_read_plausibly(where, value) -> None:
    sheet, row, column = where
    sheets = good_sheets()
    cells = list(sheets[sheet][row])
    cells[column] = value
    sheets[sheet][row] = cells
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lijst.xlsx"
        try:
            write_xlsx(path, sheets)
        except (
            ValueError,
            TypeError,
            IllegalCharacterError,
        ):  # openpyxl itself refuses to write such a cell
            return
        with Store.open(Path(folder) / "register.db", today=TODAY) as store:
            before = dump(store), audit_count(store)
            try:
                plan = plan_import(store, path, TODAY)
            except UserError:
                assert (dump(store), audit_count(store)) == before
                return
            if not plan.ok:
                assert (dump(store), audit_count(store)) == before
                for problem in plan.problems:
                    assert problem.sheet and len(str(problem)) < 400
                return
            apply_plan(store, plan)
            stored_values_are_plausible(store)


@settings(max_examples=25, deadline=None)
@given(
    damage=st.lists(
        st.tuples(st.integers(min_value=0, max_value=10_000), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=4,
    )
)
def test_damaged_bytes_never_crash_the_import(damage) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "lijst.xlsx", good_sheets())
        data = bytearray(path.read_bytes())
        for offset, junk in damage:
            at = offset % len(data)
            data[at : at + len(junk)] = junk
        path.write_bytes(bytes(data))
        with Store.open(Path(folder) / "register.db", today=TODAY) as store:
            before = dump(store), audit_count(store)
            try:
                plan_import(store, path, TODAY)
            except UserError:
                pass
            assert (dump(store), audit_count(store)) == before


@settings(max_examples=25, deadline=None)
@given(
    sheet_damage=st.tuples(
        st.sampled_from([1, 2, 3, 4]),
        st.integers(min_value=0, max_value=4000),
        st.binary(min_size=1, max_size=12),
    )
)
def test_damaged_sheet_xml_never_crashes_the_import(sheet_damage) -> None:
    number, offset, junk = sheet_damage
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "lijst.xlsx", good_sheets())

        def damage(name: str, data: bytes) -> bytes:
            if name != f"xl/worksheets/sheet{number}.xml":
                return data
            at = offset % len(data)
            return data[:at] + junk + data[at + len(junk) :]

        rewrite_sheets(path, damage)
        with Store.open(Path(folder) / "register.db", today=TODAY) as store:
            before = dump(store), audit_count(store)
            try:
                plan = plan_import(store, path, TODAY)
                if plan.ok:
                    apply_plan(store, plan)
                    stored_values_are_plausible(store)
                    return
            except UserError:
                pass
            assert (dump(store), audit_count(store)) == before


RAW_NUMBERS = st.one_of(
    st.sampled_from(["1E400", "-1E400", "NaN", "inf", "-inf", "1e-400", "9" * 300, "0x10"]),
    st.text(alphabet="0123456789.eE+-naifINF", min_size=1, max_size=320),
)
NUMBER_CELLS = [("Taakstelling", column) for column in range(4)] + [("Plaatsingen", 4)]


@settings(max_examples=40, deadline=None)
@given(where=st.sampled_from(NUMBER_CELLS), raw=RAW_NUMBERS)
def test_any_raw_number_in_the_xml_is_refused_or_read_plausibly(where, raw) -> None:
    sheet, column = where
    sheets = good_sheets()
    cells = list(sheets[sheet][1])
    cells[column] = PLACEHOLDER
    sheets[sheet][1] = cells
    with tempfile.TemporaryDirectory() as folder:
        path = raw_cell(Path(folder) / "lijst.xlsx", sheets, raw)
        with Store.open(Path(folder) / "register.db", today=TODAY) as store:
            before = dump(store), audit_count(store)
            plan = plan_import(store, path, TODAY)
            if not plan.ok:
                assert (dump(store), audit_count(store)) == before
                assert any(p.sheet == sheet and p.row == 2 for p in plan.problems)
                return
            apply_plan(store, plan)
            stored_values_are_plausible(store)
