"""Schema version 1: the case register core.

Dates are ISO text (``jjjj-mm-dd``), money integer cents, booleans 0/1, hours REAL.
Frozen: a later version adds a step of its own in ``migrations.py`` and never edits this file,
because registers of version 1 exist in the field and in ``tests/registers/``.
"""

STATEMENTS = [
    """
    CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        bsn TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT,
        phone TEXT,
        email TEXT,
        address TEXT,
        postal_code TEXT,
        city TEXT,
        registered_on TEXT NOT NULL
    )
    """,
    # R1, R2: who asked UWV, on what grounds, with what outcome.
    """
    CREATE TABLE uwv_advices (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        requested_by TEXT NOT NULL CHECK (requested_by IN ('person', 'employer', 'municipality')),
        request_date TEXT,
        advice_date TEXT,
        ground_adaptations INTEGER NOT NULL DEFAULT 0,
        ground_supervision INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL DEFAULT 'pending'
            CHECK (outcome IN ('pending', 'positive', 'negative')),
        notes TEXT
    )
    """,
    # R1, R3, R5: the municipality's decision; decision_date is the determination date.
    # kind 'indication' founds an indication, 'reassessment' continues (positive) or ends it.
    """
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        advice_id INTEGER REFERENCES uwv_advices(id) ON DELETE SET NULL,
        kind TEXT NOT NULL DEFAULT 'indication' CHECK (kind IN ('indication', 'reassessment')),
        decision_date TEXT NOT NULL,
        sent_date TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('positive', 'negative')),
        eligibility_basis TEXT,
        other_provision_fits INTEGER NOT NULL DEFAULT 0,
        next_check_date TEXT,
        wage_value_interval_months INTEGER,
        notes TEXT
    )
    """,
    # R3: the periodic check whether the indication still fits.
    """
    CREATE TABLE indication_checks (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        check_date TEXT NOT NULL,
        still_fits INTEGER NOT NULL DEFAULT 1,
        notes TEXT
    )
    """,
    # R6: what the person gets until the job starts.
    """
    CREATE TABLE interim_provisions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('day_activities', 'volunteering', 'other')),
        description TEXT,
        start_date TEXT NOT NULL,
        end_date TEXT
    )
    """,
    # R4, R7: data per year, never constants.
    """
    CREATE TABLE quota_years (
        year INTEGER PRIMARY KEY,
        quota INTEGER NOT NULL CHECK (quota >= 0),
        amount_per_place_cents INTEGER NOT NULL CHECK (amount_per_place_cents >= 0),
        hours_per_place REAL NOT NULL DEFAULT 31 CHECK (hours_per_place > 0)
    )
    """,
    # R8: gross statutory minimum wage, age 21+, per period; per month until 2024, per hour since.
    """
    CREATE TABLE minimum_wage_periods (
        id INTEGER PRIMARY KEY,
        start_date TEXT NOT NULL UNIQUE,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        unit TEXT NOT NULL CHECK (unit IN ('month', 'hour'))
    )
    """,
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
    )
    """,
    # R9, R13: kind sw_company / municipality / private; category a (mainly this target group) or b.
    """
    CREATE TABLE employers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sw_company', 'municipality', 'private')),
        category TEXT NOT NULL DEFAULT 'b' CHECK (category IN ('a', 'b')),
        kvk_number TEXT,
        cao TEXT NOT NULL DEFAULT 'aan_de_slag' CHECK (cao IN ('aan_de_slag', 'sector', 'none')),
        cao_name TEXT,
        sector_cao_more_favourable INTEGER NOT NULL DEFAULT 0,
        transitional_arrangement TEXT,
        contact_name TEXT,
        phone TEXT,
        email TEXT,
        address TEXT,
        notes TEXT
    )
    """,
    "CREATE INDEX employers_name ON employers(name)",
    # R15: the internal coach at an employer; criteria item by item in coach_criteria.
    """
    CREATE TABLE coaches (
        id INTEGER PRIMARY KEY,
        employer_id INTEGER NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        phone TEXT,
        email TEXT
    )
    """,
    """
    CREATE TABLE coach_criteria (
        id INTEGER PRIMARY KEY,
        coach_id INTEGER NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
        item INTEGER NOT NULL CHECK (item BETWEEN 1 AND 9),
        met INTEGER NOT NULL DEFAULT 0,
        evidence TEXT,
        checked_on TEXT,
        UNIQUE (coach_id, item)
    )
    """,
    # R10-R14, R16, R20: one contract; a renewal or conversion is a row of its own that points
    # back at the contract it follows (previous_placement_id).
    """
    CREATE TABLE placements (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        employer_id INTEGER NOT NULL REFERENCES employers(id),
        coach_id INTEGER REFERENCES coaches(id) ON DELETE SET NULL,
        previous_placement_id INTEGER REFERENCES placements(id) ON DELETE SET NULL,
        offer_date TEXT,
        offer_sent_date TEXT,
        offer_motivation TEXT,
        offer_status TEXT NOT NULL DEFAULT 'accepted'
            CHECK (offer_status IN ('offered', 'accepted', 'refused')),
        support_physical INTEGER NOT NULL DEFAULT 0,
        support_task_split INTEGER NOT NULL DEFAULT 0,
        support_supervision INTEGER NOT NULL DEFAULT 0,
        support_pace INTEGER NOT NULL DEFAULT 0,
        support_hours INTEGER NOT NULL DEFAULT 0,
        support_notes TEXT,
        job_title TEXT,
        job_description TEXT,
        development_plan_date TEXT,
        start_date TEXT,
        end_date TEXT,
        hours_per_week REAL CHECK (hours_per_week IS NULL OR hours_per_week >= 0),
        trial_before INTEGER NOT NULL DEFAULT 0,
        contract_type TEXT NOT NULL DEFAULT 'temporary'
            CHECK (contract_type IN ('temporary', 'permanent')),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN
            ('renewed', 'permanent', 'ended', 'dismissed', 'ended_import')),
        end_reason TEXT,
        notes TEXT
    )
    """,
    "CREATE INDEX placements_person ON placements(person_id)",
    "CREATE INDEX placements_employer ON placements(employer_id)",
    # R16: the development plan's goals.
    """
    CREATE TABLE development_goals (
        id INTEGER PRIMARY KEY,
        placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        goal TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped'))
    )
    """,
    # R17: agreement with an employer that does not yet meet the conditions.
    """
    CREATE TABLE tailored_agreements (
        id INTEGER PRIMARY KEY,
        employer_id INTEGER NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
        placement_id INTEGER REFERENCES placements(id) ON DELETE CASCADE,
        reason TEXT NOT NULL DEFAULT 'transition'
            CHECK (reason IN ('transition', 'moved', 'vso_pro')),
        agreed_on TEXT NOT NULL,
        deadline TEXT NOT NULL,
        prospect TEXT,
        employer_confirmed INTEGER NOT NULL DEFAULT 0,
        fulfilled_on TEXT,
        notes TEXT
    )
    """,
    # R8: wage value measured at least yearly.
    """
    CREATE TABLE wage_value_assessments (
        id INTEGER PRIMARY KEY,
        placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        assessment_date TEXT NOT NULL,
        wage_value_percentage REAL NOT NULL
            CHECK (wage_value_percentage >= 0 AND wage_value_percentage <= 100),
        assessor TEXT,
        notes TEXT
    )
    """,
    # R8: subsidy granted to the employer, as decided.
    """
    CREATE TABLE subsidy_periods (
        id INTEGER PRIMARY KEY,
        placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('flat_rate', 'wage_value')),
        start_date TEXT NOT NULL,
        end_date TEXT,
        notes TEXT
    )
    """,
    # R18, R19: the review with its subjects and the coaching-feedback topics.
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        review_date TEXT NOT NULL,
        participants TEXT,
        functioning TEXT,
        situation TEXT,
        perspective TEXT,
        development_plan_progress TEXT,
        personal_development TEXT,
        safety TEXT,
        coaching_quality TEXT,
        communication TEXT,
        privacy TEXT,
        methodical_working TEXT,
        notes TEXT
    )
    """,
    # R10 and Awb: objection (bezwaar) or appeal (beroep) against a decision or an offer.
    """
    CREATE TABLE objections (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        decision_id INTEGER REFERENCES decisions(id) ON DELETE SET NULL,
        placement_id INTEGER REFERENCES placements(id) ON DELETE SET NULL,
        kind TEXT NOT NULL DEFAULT 'objection' CHECK (kind IN ('objection', 'appeal')),
        lodged_date TEXT NOT NULL,
        advisory_committee INTEGER NOT NULL DEFAULT 0,
        deferral_weeks INTEGER NOT NULL DEFAULT 0 CHECK (deferral_weeks BETWEEN 0 AND 6),
        suspended_days INTEGER NOT NULL DEFAULT 0 CHECK (suspended_days >= 0),
        decided_on TEXT,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('upheld', 'rejected', 'withdrawn')),
        notes TEXT
    )
    """,
    # Signals the consultant marked handled, per cause and due date.
    """
    CREATE TABLE handled_signals (
        id INTEGER PRIMARY KEY,
        signal_key TEXT NOT NULL,
        due_date TEXT NOT NULL,
        handled_on TEXT NOT NULL,
        note TEXT,
        UNIQUE (signal_key, due_date)
    )
    """,
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER REFERENCES persons(id) ON DELETE CASCADE,
        employer_id INTEGER REFERENCES employers(id) ON DELETE CASCADE,
        placement_id INTEGER REFERENCES placements(id) ON DELETE CASCADE,
        created_on TEXT NOT NULL,
        text TEXT NOT NULL
    )
    """,
    # Every change: when, which OS user, table, record, old -> new (JSON). person_id lets a
    # case file show its own history, and lets a removal on request scrub it.
    """
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        os_user TEXT NOT NULL,
        action TEXT NOT NULL,
        table_name TEXT NOT NULL,
        record_id TEXT,
        person_id INTEGER,
        employer_id INTEGER,
        changes TEXT
    )
    """,
    "CREATE INDEX audit_person ON audit(person_id)",
    "CREATE INDEX audit_employer ON audit(employer_id)",
]
