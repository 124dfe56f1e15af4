"""Reading a register's SQLite header without opening it.

A file is judged before any PRAGMA runs, so that a junk file or a file from a newer version is
refused byte-for-byte unchanged, with no -wal or -shm beside it.
The SQLite file format puts user_version at offset 60 and application_id at offset 68.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
# "BSWK" as a 32-bit integer: marks a file as a beschut-desktop register.
APPLICATION_ID = 0x4253574B


@dataclass(frozen=True)
class Header:
    is_sqlite: bool
    application_id: int
    user_version: int

    @property
    def is_register(self) -> bool:
        return self.is_sqlite and self.application_id == APPLICATION_ID


def read_header(path: Path) -> Header:
    with open(path, "rb") as handle:
        head = handle.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return Header(False, 0, 0)
    (user_version,) = struct.unpack(">i", head[60:64])
    (application_id,) = struct.unpack(">i", head[68:72])
    return Header(True, application_id, user_version)
