"""The window's entry point. The GUI itself lives in ``ui/``."""

from __future__ import annotations

import argparse


def run_from_cli(args: argparse.Namespace) -> int:
    from beschut_desktop.ui.application import run

    return run(args.db, startup_time=getattr(args, "startup_time", False))
