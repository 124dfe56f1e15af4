"""Calling a rule that cannot answer for missing data.

Screens show the rule's own ``UserError`` message (a missing minimum wage, say) instead of an
answer; any other exception is a bug and reaches the fault dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from beschut_desktop.errors import UserError

T = TypeVar("T")


def try_rule(rule: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T | None, str]:
    """(answer, "") or (None, the Dutch reason the rule gave)."""
    try:
        return rule(*args, **kwargs), ""
    except UserError as exc:
        return None, exc.message
