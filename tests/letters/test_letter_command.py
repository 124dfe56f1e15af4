"""``beschut-desktop letter KIND``: writes the .docx and records it; errors exit 1 or 2 and
write nothing."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from letter_data import BSN, LetterCase, docx_text, fill_letter_case

from beschut_desktop.cli import main
from beschut_desktop.store import lock
from beschut_desktop.store.store import Store

FORK = multiprocessing.get_context("fork")


@pytest.fixture
def closed(store: Store, register_path: Path) -> LetterCase:
    """The register filled, then closed: the command opens it itself."""
    data = fill_letter_case(store, register_path)
    store.close()
    return data


def _letters(path: Path) -> list[dict]:
    with Store.open(path, backups=False) as store:
        return store.rows("letters")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("indication", "Beschikking indicatie beschut werk"),
        ("offer", "Wij bieden u een werkplek aan bij Bakkerij Schuurman & Zn"),
        ("subsidy", "t.a.v. H. Schuurman"),
        ("review-invitation", "Uitnodiging voortgangsgesprek"),
    ],
)
def test_letter_command_writes_each_kind(
    closed: LetterCase, tmp_path: Path, capsys, kind: str, expected: str
) -> None:
    out = tmp_path / f"{kind}.docx"
    code = main(
        [
            "letter",
            kind,
            "--db",
            str(closed.path),
            "--bsn",
            BSN,
            "-o",
            str(out),
            "--date",
            "6-9-2022",
        ]
    )
    assert code == 0
    assert expected in " ".join(docx_text(out.read_bytes()).split())
    assert "geschreven" in capsys.readouterr().err
    [row] = _letters(closed.path)
    assert (row["kind"], row["letter_date"]) == (kind, "2022-09-06")


def test_db_before_the_command_and_a_named_placement(closed: LetterCase, tmp_path: Path) -> None:
    out = tmp_path / "aanbod.docx"
    args = ["--db", str(closed.path), "letter", "offer", "--bsn", BSN, "-o", str(out)]
    assert main([*args, "--placement", str(closed.placement_id), "--date", "2022-09-06"]) == 0
    assert out.exists()


def test_unknown_person_exits_1_and_writes_nothing(
    closed: LetterCase, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "brief.docx"
    code = main(["letter", "offer", "--db", str(closed.path), "--bsn", "999999990", "-o", str(out)])
    assert code == 1
    assert "Er staat geen persoon met BSN 999999990" in capsys.readouterr().err
    assert not out.exists()
    assert _letters(closed.path) == []


def test_a_placement_of_someone_else_exits_1(closed: LetterCase, tmp_path: Path, capsys) -> None:
    out = tmp_path / "brief.docx"
    code = main(
        [
            "letter",
            "subsidy",
            "--db",
            str(closed.path),
            "--bsn",
            "123456782",
            "--placement",
            str(closed.placement_id),
            "-o",
            str(out),
        ]
    )
    assert code == 1
    assert "hoort niet bij BW-00002" in capsys.readouterr().err
    assert not out.exists()


def test_a_failed_write_records_no_letter(closed: LetterCase, tmp_path: Path, capsys) -> None:
    out = tmp_path / "bestaat-niet" / "brief.docx"
    code = main(["letter", "indication", "--db", str(closed.path), "--bsn", BSN, "-o", str(out)])
    assert code == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert _letters(closed.path) == []


def test_wrong_kind_or_missing_bsn_is_a_command_line_error(closed: LetterCase, tmp_path: Path):
    out = str(tmp_path / "brief.docx")
    with pytest.raises(SystemExit) as wrong_kind:
        main(["letter", "ontslag", "--db", str(closed.path), "--bsn", BSN, "-o", out])
    assert wrong_kind.value.code == 2
    with pytest.raises(SystemExit) as no_bsn:
        main(["letter", "offer", "--db", str(closed.path), "-o", out])
    assert no_bsn.value.code == 2


def test_not_a_docx_name_exits_1(closed: LetterCase, tmp_path: Path, capsys) -> None:
    out = tmp_path / "brief.pdf"
    assert main(["letter", "offer", "--db", str(closed.path), "--bsn", BSN, "-o", str(out)]) == 1
    assert "geef een naam op .docx" in capsys.readouterr().err


def test_a_letter_is_a_writing_command_refused_while_another_writes(
    closed: LetterCase, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "brief.docx"
    ready, answer = FORK.Event(), FORK.Queue()

    def other() -> None:
        lock._held.clear()  # another program: nothing of this process's locks
        with Store.open(closed.path, backups=False):  # the window
            ready.set()
            answer.get(timeout=60)

    child = FORK.Process(target=other)
    child.start()
    try:
        assert ready.wait(60)
        code = main(["letter", "offer", "--db", str(closed.path), "--bsn", BSN, "-o", str(out)])
    finally:
        answer.put("done")
        child.join(60)
    assert code == 1
    assert "in gebruik door gebruiker" in capsys.readouterr().err
    assert not out.exists()
    assert _letters(closed.path) == []


def test_making_a_letter_is_audited_as_a_read_with_the_case_number(
    closed: LetterCase, tmp_path: Path
) -> None:
    out = tmp_path / "brief.docx"
    args = ["letter", "indication", "--db", str(closed.path), "--bsn", BSN, "-o", str(out)]
    assert main([*args, "--date", "2022-09-06"]) == 0
    with Store.open(closed.path, backups=False) as store:
        [read] = store.rows("audit", "action = 'read' AND table_name = 'letter'")
    assert read["person_id"] == closed.person_id
    assert "BW-00001" in read["changes"] and BSN not in read["changes"]


def test_without_its_audit_entry_no_letter_is_made(closed: LetterCase, tmp_path: Path, capsys):
    with Store.open(closed.path, backups=False) as store:
        store.conn.execute(
            "CREATE TRIGGER no_reads BEFORE INSERT ON audit WHEN NEW.action = 'read' "
            "BEGIN SELECT RAISE(ABORT, 'vol'); END"
        )
        store.conn.commit()
    out = tmp_path / "brief.docx"
    args = ["letter", "indication", "--db", str(closed.path), "--bsn", BSN, "-o", str(out)]
    assert main([*args, "--date", "2022-09-06"]) == 1
    assert "auditspoor" in capsys.readouterr().err
    assert not out.exists()
    assert _letters(closed.path) == []
