"""Employers are one employer by KvK number, else by name without case, accents or spacing;
a second employer with the same name and no different KvK number is refused everywhere."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from exchange_helpers import EMPLOYER_HEADER, TODAY, write_xlsx

from beschut_desktop.actions.employers import save_employer
from beschut_desktop.errors import ValidationError
from beschut_desktop.exchange.importer import import_file
from beschut_desktop.store import migrations
from beschut_desktop.store.employer_identity import employer_key, same_employer
from beschut_desktop.store.store import Store

FROZEN_V1 = Path(__file__).parent.parent / "registers" / "v1.db"


def test_names_compare_without_case_accents_or_spacing() -> None:
    assert employer_key("Café  De Hoop") == employer_key("cafe dehoop") == "cafedehoop"
    assert same_employer("Reestmond", None, "REESTMOND", "12345678")
    assert not same_employer("Reestmond", "11111111", "Reestmond", "22222222")
    assert same_employer("Oude naam", "12345678", "Nieuwe naam", "1234 5678")


def test_the_store_refuses_a_second_employer_of_the_same_name(store: Store) -> None:
    save_employer(store, None, {"name": "Café De Hoop", "kind": "private"})
    with pytest.raises(ValidationError) as refused:
        save_employer(store, None, {"name": "cafe  de hoop", "kind": "private"})
    assert "name" in refused.value.problems and "al een werkgever" in refused.value.problems["name"]
    with pytest.raises(ValidationError):  # a KvK number alone does not make it another one
        save_employer(
            store, None, {"name": "CAFE DE HOOP", "kind": "private", "kvk_number": "12345678"}
        )
    assert len(store.rows("employers")) == 1


def test_same_name_with_different_kvk_numbers_is_allowed(store: Store) -> None:
    save_employer(store, None, {"name": "De Vries", "kind": "private", "kvk_number": "11111111"})
    save_employer(store, None, {"name": "de vries", "kind": "private", "kvk_number": "22222222"})
    assert len(store.rows("employers")) == 2


def test_renaming_onto_another_employers_name_is_refused(store: Store) -> None:
    save_employer(store, None, {"name": "Reestmond", "kind": "sw_company"})
    other = save_employer(store, None, {"name": "Bakkerij Post", "kind": "private"})
    with pytest.raises(ValidationError):
        save_employer(store, other, {"name": "reestmond"})


def test_the_schema_guards_too(store: Store) -> None:
    store.conn.execute("INSERT INTO employers (name, kind) VALUES ('Reestmond', 'private')")
    with pytest.raises(sqlite3.IntegrityError, match="employer_name_taken"):
        store.conn.execute("INSERT INTO employers (name, kind) VALUES (' reestmond', 'private')")
    store.conn.rollback()


def _employers_file(path: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(path, {"Werkgevers": [EMPLOYER_HEADER, *rows]})


def test_import_matches_by_name_ignoring_accents_and_by_kvk(tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    with Store.open(db, today=TODAY) as store:
        save_employer(store, None, {"name": "Café De Hoop", "kind": "private"})
        save_employer(
            store, None, {"name": "Oude Naam BV", "kind": "private", "kvk_number": "12345678"}
        )
    file = _employers_file(
        tmp_path / "w.xlsx",
        [
            ["cafe de  hoop", "Particulier", None, None],
            ["Nieuwe Naam BV", "Particulier", "12345678", None],
        ],
    )
    import_file(file, db, TODAY)
    with Store.open(db, read_only=True) as store:
        names = sorted(e["name"] for e in store.rows("employers"))
    assert names == ["Café De Hoop", "Nieuwe Naam BV"]


def test_step_2_migrates_v1_and_guards_names(tmp_path: Path) -> None:
    copy = tmp_path / "register.db"
    shutil.copy(FROZEN_V1, copy)
    with Store.open(copy) as store:
        assert migrations.schema_version(store.conn) >= 2
        name = store.rows("employers")[0]["name"]
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute(
                "INSERT INTO employers (name, kind) VALUES (?, 'private')", (name.upper(),)
            )
        store.conn.rollback()
