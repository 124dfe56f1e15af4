"""One writer per register file: an operating-system lock on a file beside the register.

The window and every writing command hold ``<register>.lock`` while the register is open; a
second writer is refused with a Dutch message naming who holds it (OS user, computer, since
when), which the holder writes into the lock file. The lock itself is the operating system's
(``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows): it is released when the holding
process ends in any way, so a lock left by a crash or a power cut is never in the way — the
next program simply gets it. Where the file system offers no such lock (some network shares),
the holder file decides: a holder on this computer whose process is gone is taken over.

Within one process the lock is shared (counted): opening the same register twice in one program
is that program's own business. The lock file is removed when the last holder lets go; a
program that got the lock on a file just removed tries again, so two programs never both
believe they hold it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from beschut_desktop.errors import RegisterRefused
from beschut_desktop.store.audit import os_user

if os.name == "nt":
    import msvcrt
else:
    import fcntl

# Windows locks byte ranges: lock one byte far past the holder text, so that text stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20
_NO_OS_LOCK = {errno.ENOLCK, errno.EINVAL, getattr(errno, "EOPNOTSUPP", -1), errno.ENOSYS}


@dataclass(frozen=True)
class Holder:
    user: str
    computer: str
    pid: int
    since: dt.datetime

    def describe(self) -> str:
        when = f"{self.since.day}-{self.since.month}-{self.since.year} {self.since:%H:%M}"
        return f"gebruiker {self.user} op computer {self.computer}, sinds {when}"

    def to_json(self) -> str:
        return json.dumps(
            {
                "user": self.user,
                "computer": self.computer,
                "pid": self.pid,
                "since": self.since.isoformat(timespec="seconds"),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            return cls(
                str(data["user"]),
                str(data["computer"]),
                int(data["pid"]),
                dt.datetime.fromisoformat(data["since"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


class RegisterLocked(RegisterRefused):
    """Another program writes this register; ``holder`` says who, when known."""

    def __init__(self, register: Path, holder: Holder | None) -> None:
        self.register = register
        self.holder = holder
        who = holder.describe() if holder else "een ander programma"
        super().__init__(
            f"Het register {register} is in gebruik door {who}. Er kan maar één programma "
            "tegelijk in een register schrijven. Sluit het andere venster of wacht tot de "
            "andere opdracht klaar is; lezen (rapporten, export, agenda, controle, back-up) "
            "kan wel."
        )


class RegisterFolderReadOnly(RegisterRefused):
    """The register's folder or file takes no writes: the register can only be read."""


def lock_path(register: Path) -> Path:
    return register.with_name(register.name + ".lock")


def this_holder() -> Holder:
    return Holder(
        os_user(), socket.gethostname(), os.getpid(), dt.datetime.now().replace(microsecond=0)
    )


class WriterLock:
    """A held lock; ``release()`` it (each ``acquire`` needs one release)."""

    def __init__(self, register: Path, path: Path, handle: int, key: str) -> None:
        self.register = register
        self.path = path
        self.handle = handle
        self.key = key
        self.count = 1

    def release(self) -> None:
        with _registry_guard:
            self.count -= 1
            if self.count > 0:
                return
            _held.pop(self.key, None)
            with contextlib.suppress(OSError):  # Windows keeps an open file: left for next time
                self.path.unlink()
            with contextlib.suppress(OSError):
                os.close(self.handle)


_held: dict[str, WriterLock] = {}
_registry_guard = threading.Lock()


def acquire(register: Path) -> WriterLock:
    """Take the writer lock of ``register``, or raise ``RegisterLocked`` naming the holder."""
    register = Path(register)
    path = lock_path(register)
    key = os.path.realpath(path)
    with _registry_guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return held
        for _attempt in range(50):
            handle = _open_lock_file(register, path)
            try:
                taken = _os_lock(handle)
            except OSError as exc:
                os.close(handle)
                raise RegisterRefused(
                    f"Het register {register} kan niet worden vergrendeld (systeemfout "
                    f"{exc.errno}); er is niets gewijzigd."
                ) from None
            if taken is None:  # no OS lock on this file system: the holder file decides
                holder = _read_holder(handle)
                if holder is not None and _alive_elsewhere(holder):
                    os.close(handle)
                    raise RegisterLocked(register, holder)
            elif not taken:
                holder = _read_holder(handle)
                os.close(handle)
                raise RegisterLocked(register, holder)
            if not _still_at(path, handle):
                os.close(handle)
                continue
            _write_holder(handle, this_holder())
            lock = WriterLock(register, path, handle, key)
            _held[key] = lock
            return lock
    raise RegisterLocked(register, None)


def _open_lock_file(register: Path, path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise RegisterFolderReadOnly(
                f"In de map {register.parent} kan niet worden geschreven (alleen-lezen): het "
                "register kan daar alleen worden gelezen, niet gewijzigd."
            ) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise RegisterRefused(f"De map {register.parent} bestaat niet.") from None
        if exc.errno == errno.ENOSPC:
            raise RegisterRefused(
                f"De schijf is vol: het register {register} kan niet worden geopend om te "
                "schrijven. Maak ruimte vrij en probeer opnieuw."
            ) from None
        raise RegisterRefused(
            f"Het register {register} kan niet worden vergrendeld (systeemfout {exc.errno})."
        ) from None


def _os_lock(handle: int) -> bool | None:
    """True taken, False held by another, None when the file system has no such lock."""
    try:
        if os.name == "nt":
            os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        if exc.errno in _NO_OS_LOCK:
            return None
        raise
    return True


def _still_at(path: Path, handle: int) -> bool:
    """Is the locked file still the one at ``path`` (not removed by a holder letting go)?"""
    if os.name == "nt":
        return True
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(handle)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _write_holder(handle: int, holder: Holder) -> None:
    data = holder.to_json().encode("utf-8")
    with contextlib.suppress(OSError):  # who holds it is information; the OS lock is the lock
        os.lseek(handle, 0, os.SEEK_SET)
        os.write(handle, data.ljust(512))
        os.fsync(handle)


def _read_holder(handle: int) -> Holder | None:
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        data = os.read(handle, 512)
    except OSError:
        return None
    return Holder.from_json(data.decode("utf-8", "replace").strip())


def _alive_elsewhere(holder: Holder) -> bool:
    """Without an OS lock: is the holder's process still running (or on another computer)?"""
    if holder.computer != socket.gethostname():
        return True
    if holder.pid == os.getpid():
        return False
    return _pid_alive(holder.pid)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        process = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not process:
            return False
        ctypes.windll.kernel32.CloseHandle(process)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
