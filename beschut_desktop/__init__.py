"""beschut-desktop: the register for beschut werk (article 10b Participatiewet)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("beschut-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
