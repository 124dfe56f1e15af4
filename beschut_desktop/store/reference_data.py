"""Policy figures shipped with a new register, editable afterwards in Instellingen.

Sources: the Staphorst policy rule (quota 2022: 6 places, EUR 8,100 per place on a 31-hour
week, meicirculaire 2022) and the government's published gross statutory minimum wages for
age 21+ (per month until 2024, per hour since the Wet vereenvoudiging WML of 1 January 2024).
A year with no row is said to be missing ("geen taakstelling ingevoerd voor <jaar>"), never guessed.
"""

QUOTA_YEARS = [
    # (year, quota, amount per place in cents, hours per place per week)
    (2022, 6, 810000, 31.0),
]

MINIMUM_WAGES = [
    # (start date, amount in cents, unit)
    ("2022-01-01", 172500, "month"),
    ("2022-07-01", 175620, "month"),
    ("2023-01-01", 193440, "month"),
    ("2023-07-01", 199500, "month"),
    ("2024-01-01", 1327, "hour"),
    ("2024-07-01", 1368, "hour"),
    ("2025-01-01", 1406, "hour"),
    ("2025-07-01", 1440, "hour"),
    ("2026-01-01", 1471, "hour"),
]
