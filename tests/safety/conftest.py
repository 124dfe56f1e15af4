"""The safety tests build their import files with the exchange tests' own functions."""

from __future__ import annotations

import sys
from pathlib import Path

EXCHANGE_TESTS = Path(__file__).parent.parent / "exchange"
if str(EXCHANGE_TESTS) not in sys.path:
    sys.path.append(str(EXCHANGE_TESTS))
