"""The one place for paths: the default register, the log folder and bundled resources.

Nothing here creates a directory at import time; callers ask for a folder when they need it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from platformdirs import PlatformDirs

from beschut_desktop import resources

APP_NAME = "beschut-desktop"
REGISTER_FILENAME = "register.db"


def _dirs() -> PlatformDirs:
    # roaming=False: a register must never travel with a roaming profile to another machine.
    return PlatformDirs(APP_NAME, appauthor=False, roaming=False)


def data_dir() -> Path:
    return Path(_dirs().user_data_dir)


def default_register_path() -> Path:
    return data_dir() / REGISTER_FILENAME


def log_dir() -> Path:
    return Path(_dirs().user_log_dir)


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The shipped ``resources/`` folder, found as package data ``beschut_desktop.resources``.

    ``importlib.resources`` finds it the same way in the editable install, a wheel and the
    PyInstaller folder. Every form we ship unpacks it on disk, and reportlab (fonts) and Qt
    (style sheet, translations) want a real path, so a path is what this returns.
    """
    return Path(str(files(resources)))


def resource(name: str) -> Path:
    return resources_dir() / name
