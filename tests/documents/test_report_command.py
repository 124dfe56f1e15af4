"""``beschut-desktop report KIND``: every kind writes its PDF; errors exit 1 and write nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from document_data import Policy2022, fill_policy_2022, pdf_text, squash
from pypdf import PdfReader

from beschut_desktop.cli import main
from beschut_desktop.store.store import Store

OLD = b"%PDF-1.4 oud bestand dat moet blijven staan"


@pytest.fixture
def policy(store: Store, register_path: Path) -> Policy2022:
    """The register filled, then closed: the command opens it itself."""
    data = fill_policy_2022(store, register_path)
    store.close()
    return data


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the output, apart from the register and its backups."""
    folder = tmp_path / "uit"
    folder.mkdir()
    return folder


def _run(policy: Policy2022, *args: str) -> int:
    return main(["report", *args, "--db", str(policy.path)])


def _fonts(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("quota", [], "€ 48.600,00"),
        ("waiting-list", [], "Wachtlijst beschut werk"),
        ("signals", [], "Signalen en termijnen"),
        ("case", ["--bsn", "lukasz"], "Dossier beschut werk"),
        ("review-form", ["--bsn", "lukasz"], "Voortgangsgesprek beschut werk"),
        ("review-form", ["--blank"], "Leeg formulier"),
        ("employer", ["--employer", "Bakkerij Schuurman"], "Voorwaarden werkgever"),
        ("employer", ["--employer", "63456789"], "Hoveniersbedrijf De Vries"),
        ("employer", ["--placement", "lukasz"], "Reestdal Werken B.V. (Reestmond)"),
        ("case", ["--placement", "lukasz"], "Łukasz Kowalczyk"),
    ],
)
def test_every_kind_writes_its_pdf(
    policy: Policy2022, out: Path, kind: str, extra: list[str], expected: str
) -> None:
    extra = [
        policy.bsns[a]
        if prev == "--bsn"
        else str(policy.placements[a])
        if prev == "--placement"
        else a
        for prev, a in zip(["", *extra], extra, strict=False)
    ]
    output = out / "uit.pdf"
    assert _run(policy, kind, "-o", str(output), "--date", "06-09-2022", *extra) == 0
    pdf = output.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert expected in squash(pdf_text(pdf))
    assert "pagina 1 van" in pdf_text(pdf)
    assert all("DejaVuSansCondensed" in name for name in _fonts(pdf))
    assert sorted(p.name for p in out.iterdir()) == ["uit.pdf"]


def test_report_date_defaults_to_today_and_db_before_command(policy: Policy2022, out: Path) -> None:
    output = out / "q.pdf"
    assert main(["--db", str(policy.path), "report", "quota", "-o", str(output)]) == 0
    assert "Taakstelling en begeleidingsbudget" in pdf_text(output.read_bytes())


def test_existing_file_is_replaced_on_success(policy: Policy2022, out: Path) -> None:
    output = out / "q.pdf"
    output.write_bytes(OLD)
    assert _run(policy, "quota", "-o", str(output), "--date", "2022-09-06") == 0
    assert output.read_bytes().startswith(b"%PDF") and output.read_bytes() != OLD


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["case", "--bsn", "123456782"], "Er staat geen persoon met BSN 123456782"),
        (["review-form", "--placement", "999"], "Plaatsing 999 bestaat niet"),
        (["employer", "--employer", "Hoveniersbedrijf De Vries"], "2 werkgevers met de naam"),
        (
            ["employer", "--employer", "Bakkerij Jansen"],
            "Er staat geen werkgever 'Bakkerij Jansen'",
        ),
        (["review-form", "--bsn", "zoe"], "heeft nog geen plaatsing"),
    ],
)
def test_unknown_subject_exits_1_in_dutch_and_writes_nothing(
    policy: Policy2022, out: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [policy.bsns[a] if a in policy.bsns else a for a in args]
    output = out / "uit.pdf"
    output.write_bytes(OLD)
    assert _run(policy, *args, "-o", str(output)) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert output.read_bytes() == OLD
    assert sorted(p.name for p in out.iterdir()) == ["uit.pdf"]


def test_missing_register_exits_1_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, output = tmp_path / "geen.db", tmp_path / "uit.pdf"
    assert main(["report", "quota", "--db", str(db), "-o", str(output)]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_output_folder_missing_exits_1(
    policy: Policy2022, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(policy, "quota", "-o", str(out / "weg" / "uit.pdf")) == 1
    assert "bestaat niet" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quota", "--bsn", "123456782"], "--bsn hoort niet bij 'report quota'"),
        (["case"], "heeft --bsn of --placement nodig"),
        (["review-form"], "--bsn of --placement of --blank nodig"),
        (["employer"], "heeft --employer"),
        (["case", "--blank"], "--blank hoort niet bij 'report case'"),
    ],
)
def test_option_that_does_not_fit_the_kind_exits_2(
    policy: Policy2022, out: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    output = out / "uit.pdf"
    assert _run(policy, *args, "-o", str(output)) == 2
    assert message in capsys.readouterr().err
    assert not output.exists()


def test_r18_review_form_with_no_placement_running_exits_1_naming_the_placements(
    policy: Policy2022, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = out / "uit.pdf"
    bsn = policy.bsns["lukasz"]
    assert _run(policy, "review-form", "--bsn", bsn, "-o", str(output), "--date", "2024-06-03") == 1
    message = capsys.readouterr().err
    assert "geen lopende plaatsing" in message
    assert f"plaatsing {policy.placements['lukasz']} bij Reestdal Werken B.V." in message
    assert "--placement" in message
    assert not output.exists()


def test_r18_review_form_for_an_ended_placement_is_marked_so(policy: Policy2022, out: Path) -> None:
    output = out / "uit.pdf"
    placement = str(policy.placements["lukasz"])
    assert (
        _run(
            policy,
            "review-form",
            "--placement",
            placement,
            "-o",
            str(output),
            "--date",
            "2024-06-03",
        )
        == 0
    )
    assert "Let op: deze plaatsing is beëindigd op 28-2-2023." in squash(
        pdf_text(output.read_bytes())
    )
