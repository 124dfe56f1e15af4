"""What a wheel ships: every package of ours, and the resources inside the package."""

from __future__ import annotations

import tomllib
from pathlib import Path

from beschut_desktop import paths

ROOT = Path(__file__).resolve().parent.parent


def setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_package_of_ours_is_listed_for_the_wheel() -> None:
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in (ROOT / "beschut_desktop").rglob("*")
        if folder.is_dir() and any(folder.glob("*.py"))
    } | {"beschut_desktop", "beschut_desktop.resources"}
    assert set(setuptools_config()["packages"]) == on_disk


def test_resources_are_package_data_read_through_the_package() -> None:
    config = setuptools_config()
    assert config["package-dir"]["beschut_desktop.resources"] == "resources"
    assert paths.resources_dir() == ROOT / "resources"
    for name in ("style.qss", "icon.png", "icon.ico", "fonts/DejaVuSansCondensed.ttf"):
        assert paths.resource(name).is_file(), name
