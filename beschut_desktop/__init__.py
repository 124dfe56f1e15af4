"""beschut-desktop: the register for beschut werk (article 10b Participatiewet)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is looked up in the installed metadata only when asked for: reading it
    # imports importlib.metadata and scans the installed packages, which every start of the
    # window would otherwise pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("beschut-desktop")
        except PackageNotFoundError:  # a source tree or a frozen build without metadata
            return "0.2.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
