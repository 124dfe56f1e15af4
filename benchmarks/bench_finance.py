"""The finance figures of every year (``rules.finance.finance_years``, what the Financiën section
shows) against their floor: the bare R8 rule, ``subsidy_for_month``, called for exactly the same
placement-months in the same run. The ratio is what the cutting, grouping and summing cost on
top of the subsidy rule itself; the report's appendix needs those months anyway.

    python -m benchmarks.bench_finance [--persons 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import contextlib

from benchmarks.common import TODAY, Result, best_of, load_register

FINANCE_GOAL = 1.3


def run(persons: int, repeats: int) -> list[Result]:
    from beschut_desktop.errors import UserError
    from beschut_desktop.rules.as_of import known_on
    from beschut_desktop.rules.finance import finance_years
    from beschut_desktop.rules.subsidy import subsidy_for_month

    register = known_on(load_register(persons), TODAY)
    years = finance_years(register, TODAY)
    months = [(p.placement, m.year, m.month) for y in years for p in y.placements for m in p.months]

    def floor() -> None:
        for placement, year, month in months:
            # A month without a minimum wage entered is a Dutch message in both.
            with contextlib.suppress(UserError):
                subsidy_for_month(register, placement, year, month, TODAY)

    seconds = best_of(repeats, lambda: finance_years(register, TODAY))
    floor_seconds = best_of(repeats, floor)
    name = f"financiën alle jaren, {len(months):,} plaatsingsmaanden ({persons:,} personen)"
    return [Result(name, seconds, floor_seconds, FINANCE_GOAL)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for result in run(args.persons, args.repeats):
        print(
            f"{result.name:<70} {result.ratio:5.2f} × (doel ≤ {result.goal}); "
            f"{result.seconds * 1000:,.0f} ms, ondergrens {result.floor_seconds * 1000:,.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
