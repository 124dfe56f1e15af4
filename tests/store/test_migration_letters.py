"""The letters step (5): a register of version 4 gains the employer's postal code and city, the
letters made and the municipality's own templates, and keeps everything it had."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from beschut_desktop.store import migrations
from beschut_desktop.store.store import Store

V4 = Path(__file__).parent.parent / "registers" / "v4.db"


def test_v4_register_gains_letters_and_templates_and_keeps_its_employers(tmp_path: Path) -> None:
    copy = tmp_path / "register.db"
    shutil.copy(V4, copy)
    before = sqlite3.connect(copy)
    employers = before.execute("SELECT count(*) FROM employers").fetchone()[0]
    assert before.execute("PRAGMA user_version").fetchone()[0] == 4
    before.close()
    with Store.open(copy) as store:
        assert migrations.schema_version(store.conn) == 5
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(employers)")}
        assert {"postal_code", "city", "address", "name"} <= columns
        assert store.rows("letters") == []
        assert store.rows("letter_templates") == []
        register = store.load()
        assert len(register.employers) == employers > 0
        assert all(e.postal_code is None and e.city is None for e in register.employers)
        person = register.persons[0]
        store.insert(
            "letters",
            {
                "person_id": person.id,
                "kind": "indication",
                "letter_date": "2024-03-15",
                "made_on": "2024-03-15",
            },
        )
        [row] = store.rows("letters")
        assert row["template"] == "standard" and row["sent_date"] is None
