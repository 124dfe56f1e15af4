"""One function writes every output file: whole or not at all, and never over what is not a file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from beschut_desktop.atomic_file import write_atomically
from beschut_desktop.cli import main
from beschut_desktop.errors import UserError

ENGLISH = ("Errno", "No space left", "Is a directory", "disk I/O", "Permission denied")


def _no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_bytes_and_writer_replace_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "uit.pdf"
    target.write_bytes(b"oud")
    write_atomically(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    write_atomically(target, lambda temp: temp.write_bytes(b"via pad"))
    assert target.read_bytes() == b"via pad"
    assert _no_temporaries(tmp_path)


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "uit.xlsx"
    target.write_bytes(b"oud")

    def full(temp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(UserError, match="De schijf is vol") as raised:
        write_atomically(target, full)
    assert not any(word in raised.value.message for word in ENGLISH)
    assert target.read_bytes() == b"oud"
    assert _no_temporaries(tmp_path)


def test_a_character_device_is_written_through_never_replaced() -> None:
    write_atomically(Path("/dev/null"), b"weg")
    write_atomically(Path("/dev/null"), lambda temp: temp.write_bytes(b"weg"))
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_said_in_dutch() -> None:
    with pytest.raises(UserError, match="De schijf is vol"):
        write_atomically(Path("/dev/full"), b"x" * 10)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is een map"):
        write_atomically(tmp_path, b"x")


def test_a_symbolic_link_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    precious = elsewhere / "belangrijk.txt"
    precious.write_bytes(b"blijft")
    link = tmp_path / "rapport.pdf"
    link.symlink_to(precious)
    with pytest.raises(UserError, match="snelkoppeling"):
        write_atomically(link, b"x")
    assert precious.read_bytes() == b"blijft" and link.is_symlink()


def test_a_named_pipe_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    with pytest.raises(UserError, match="geen gewoon bestand"):
        write_atomically(pipe, b"x")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="bestaat niet"):
        write_atomically(tmp_path / "nergens" / "x.pdf", b"x")


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--cases", "3"]) == 0
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["report", "quota", "-o", "{out}"],
        ["calendar", "-o", "{out}"],
        ["export", "{out}"],
        ["template", "{out}"],
        ["backup", "-o", "{out}"],
    ],
    ids=["report", "calendar", "export", "template", "backup"],
)
def test_every_output_command_writes_through_dev_null_and_says_a_full_disk(
    command: list[str], demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = [] if command[0] == "template" else ["--db", str(demo_db)]
    args = [part.format(out="/dev/null") for part in command]
    assert main([*args, *db]) == 0
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    if Path("/dev/full").exists():
        capsys.readouterr()
        assert main([*(part.format(out="/dev/full") for part in command), *db]) == 1
        err = capsys.readouterr().err
        assert "De schijf is vol" in err and "Traceback" not in err
        assert not any(word in err for word in ENGLISH)


def test_output_commands_refuse_a_directory(demo_db: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    assert main(["report", "quota", "-o", str(folder), "--db", str(demo_db)]) == 1
    assert main(["template", str(folder)]) == 1
    assert main(["backup", "-o", str(folder), "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "is een map" in err and "Errno" not in err
    assert folder.is_dir()
