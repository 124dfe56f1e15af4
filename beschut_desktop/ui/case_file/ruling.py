"""Calling a rule that may not be there yet, or that cannot answer for missing data.

Screens show a short Dutch line instead of failing: "nog niet beschikbaar" while a rule is
still being built, or the rule's own ``UserError`` message (a missing minimum wage, say).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from beschut_desktop.errors import UserError

T = TypeVar("T")
log = logging.getLogger(__name__)
NOT_AVAILABLE = "nog niet beschikbaar"


def try_rule(rule: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T | None, str]:
    """(answer, "") or (None, Dutch reason)."""
    try:
        return rule(*args, **kwargs), ""
    except NotImplementedError:
        return None, NOT_AVAILABLE
    except UserError as exc:
        return None, exc.message
    except (ValueError, LookupError, TypeError, AttributeError) as exc:
        log.warning("rule %s failed: %s", getattr(rule, "__name__", rule), exc)
        return None, "kan niet worden berekend"
