"""The one place for paths: the default register, the log folder and bundled resources.

Nothing here creates a directory at import time; callers ask for a folder when they need it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import PlatformDirs

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
    """The bundled ``resources/`` folder, also inside a PyInstaller build (``_MEIPASS``)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name
