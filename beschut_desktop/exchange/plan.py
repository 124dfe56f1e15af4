"""What an import would add and change, worked out before anything is written.

The plan compares the parsed file with the register: persons match on BSN, employers on their
KvK number where one is recorded and else on the name (case, accents and spacing ignored),
placements on BSN + employer + start date, quota rows on year. Only cells that are filled take
part, so an empty optional cell never erases what the register holds, and a file that matches
the register plans nothing at all. Each planned record is validated as it would be stored, so
that every problem is known before the one transaction starts (``importer.apply_plan``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from beschut_desktop.exchange.current import (
    advices_by_person,
    current_advice,
    current_decision,
    current_interim,
)
from beschut_desktop.exchange.operations import ImportPlan, Operation, Ref, day_text
from beschut_desktop.exchange.parse import ParsedFile, Record, contiguous
from beschut_desktop.exchange.sheets import Problem, name_key
from beschut_desktop.rules.model import Register
from beschut_desktop.rules.validation import validate
from beschut_desktop.store.employer_identity import kvk_key

# R1: who asked UWV is not in the sheet; the municipality is the usual applicant.
DEFAULT_REQUESTED_BY = "municipality"


PLACEMENT_COLUMNS = {
    "person_id": "BSN",
    "employer_id": "Werkgever",
    "start_date": "Startdatum",
    "end_date": "Einddatum",
    "hours_per_week": "Uren per week",
    "trial_before": "Proefplaatsing vooraf",
    "contract_type": "Contract",
}
COLUMNS = {
    "quota_years": {
        "year": "Jaar",
        "quota": "Taakstelling",
        "amount_per_place_cents": "Bedrag per plek",
        "hours_per_place": "Uren per week per plek",
    },
    "employers": {
        "name": "Naam",
        "kind": "Soort",
        "kvk_number": "KvK-nummer",
        "cao": "Cao",
        "cao_name": "Cao",
    },
    "persons": {
        "bsn": "BSN",
        "first_name": "Voornaam",
        "last_name": "Achternaam",
        "birth_date": "Geboortedatum",
    },
    "uwv_advices": {"advice_date": "Datum advies UWV"},
    "decisions": {"decision_date": "Datum beschikking"},
    "interim_provisions": {
        "kind": "Voorziening tot start",
        "description": "Voorziening tot start",
        "start_date": "Datum beschikking",
    },
    "placements": PLACEMENT_COLUMNS,
}


class Planner:
    def __init__(self, register: Register, parsed: ParsedFile, today: dt.date) -> None:
        self.register = register
        self.parsed = parsed
        self.today = today
        self.operations: list[Operation] = []
        self.problems: list[Problem] = list(parsed.problems)
        self.known: dict[tuple, int] = {}
        self.persons = {p.bsn: p for p in register.persons}
        self.employers: dict[str, list] = {}
        for employer in register.employers:
            self.employers.setdefault(name_key(employer.name), []).append(employer)
        self.placements = {
            (p.person_id, p.employer_id, p.start_date): p for p in register.placements
        }
        self.advices = advices_by_person(register)
        self.file_persons: dict[str, str] = {}  # BSN → full name, for descriptions
        self.file_employers: dict[str, str] = {}  # name key → name as written

    # ---- helpers ---------------------------------------------------------------------

    def add(
        self,
        table: str,
        record: Record,
        what: str,
        values: dict[str, Any],
        creates: tuple | None = None,
    ) -> None:
        self._check(table, record, values)
        self.operations.append(Operation("add", table, what, values, creates=creates))

    def change(
        self, table: str, record: Record, what: str, current: Any, pk: Any, wanted: dict[str, Any]
    ) -> None:
        """Plan the fields of ``wanted`` that differ from the stored ``current`` record."""
        stored = dict(vars(current))
        changed = {k: v for k, v in wanted.items() if v is not None and stored.get(k) != v}
        if not changed:
            return
        self._check(table, record, {**stored, **changed})
        self.operations.append(
            Operation(
                "change", table, what, changed, pk=pk, old={k: stored.get(k) for k in changed}
            )
        )

    def _check(self, table: str, record: Record, values: dict[str, Any]) -> None:
        for name, message in validate(table, values).items():
            column = COLUMNS[table].get(name)
            if column and (not record.has_column(column) or record.failed(column)):
                continue  # said already: the column is missing, or its cell unreadable
            self.problems.append(record.problem(column, message))

    # ---- sheets ----------------------------------------------------------------------

    def plan(self) -> ImportPlan:
        for record in self.parsed.quota:
            self.quota_year(record)
        for record in self.parsed.employers:
            self.employer(record)
        for record in self.parsed.persons:
            self.person(record)
        self.placements_sheet()
        plan = ImportPlan(self.operations, self.problems, self.known)
        plan.problems = plan.sorted_problems()
        return plan

    def quota_year(self, record: Record) -> None:
        year = record["Jaar"]
        wanted = {
            "quota": record["Taakstelling"],
            "amount_per_place_cents": record["Bedrag per plek"],
            "hours_per_place": record["Uren per week per plek"],
        }
        what = f"Taakstelling {year}"
        current = next((q for q in self.register.quota_years if q.year == year), None)
        if current is not None:
            self.change("quota_years", record, what, current, year, wanted)
            return
        for name in ("quota", "amount_per_place_cents"):
            if record.missing(COLUMNS["quota_years"][name]):
                self.problems.append(
                    record.problem(COLUMNS["quota_years"][name], "is leeg, maar verplicht")
                )
        if wanted["quota"] is not None and wanted["amount_per_place_cents"] is not None:
            values = {"year": year, **{k: v for k, v in wanted.items() if v is not None}}
            self.add("quota_years", record, what, values)

    def employer(self, record: Record) -> None:
        key = name_key(record["Naam"])
        self.file_employers[key] = record["Naam"]
        cao = record["Cao"]
        wanted = {
            "kind": record["Soort"],
            "kvk_number": record["KvK-nummer"],
            "cao": cao[0] if cao else None,
            "cao_name": cao[1] if cao else None,
        }
        what = f"Werkgever {record['Naam']}"
        number = kvk_key(wanted["kvk_number"])
        by_kvk = [e for e in self.register.employers if number and kvk_key(e.kvk_number) == number]
        if len(by_kvk) == 1:  # the KvK number names the employer, also under a new name
            self.known[("employer", key)] = by_kvk[0].id
            wanted = {"name": record["Naam"], **wanted}
            self.change("employers", record, what, by_kvk[0], by_kvk[0].id, wanted)
            return
        matches = self.employers.get(key, [])
        if number:  # another KvK number is another employer, whatever its name
            matches = [e for e in matches if not kvk_key(e.kvk_number)]
        if len(matches) > 1:
            self.problems.append(
                record.problem(
                    "Naam", "deze naam staat meer dan eens in het register; vul het KvK-nummer in"
                )
            )
            return
        if matches:
            self.known[("employer", key)] = matches[0].id
            self.change("employers", record, what, matches[0], matches[0].id, wanted)
            return
        if wanted["kind"] is None:
            if record.missing("Soort"):
                self.problems.append(
                    record.problem("Soort", "is leeg, maar verplicht voor een nieuwe werkgever")
                )
            return
        values = {"name": record["Naam"], **{k: v for k, v in wanted.items() if v is not None}}
        self.add("employers", record, what, values, creates=("employer", key))

    def person(self, record: Record) -> None:
        bsn = record["BSN"]
        names = {
            "first_name": record["Voornaam"],
            "last_name": record["Achternaam"],
            "birth_date": record["Geboortedatum"],
        }
        existing = self.persons.get(bsn)
        full = " ".join(
            n
            for n in (
                names["first_name"] or (existing and existing.first_name),
                names["last_name"] or (existing and existing.last_name),
            )
            if n
        )
        self.file_persons[bsn] = full
        what = f"Persoon {full}"
        if existing is not None:
            self.known[("person", bsn)] = existing.id
            self.change("persons", record, what, existing, existing.id, names)
            person_ref: Any = existing.id
        else:
            values = {
                "bsn": bsn,
                "registered_on": self.today,
                **{k: v for k, v in names.items() if v is not None},
            }
            self.add("persons", record, what, values, creates=("person", bsn))
            person_ref = Ref(("person", bsn))
        self.indication(record, bsn, full, existing.id if existing else None, person_ref)

    def indication(
        self, record: Record, bsn: str, full: str, person_id: int | None, person_ref: Any
    ) -> None:
        """R1, R5, R6: the positive UWV advice, the positive decision founding the indication,
        and the interim provision that starts on the decision date."""
        advice = current_advice(self.register, person_id, self.advices) if person_id else None
        decision = current_decision(self.register, person_id) if person_id else None
        interim = current_interim(self.register, person_id) if person_id else None
        advice_ref: Any = advice.id if advice else None
        if record["Datum advies UWV"] is not None:
            wanted = {"advice_date": record["Datum advies UWV"]}
            if advice is not None:
                self.change(
                    "uwv_advices", record, f"Advies UWV van {full}", advice, advice.id, wanted
                )
            else:
                self.add(
                    "uwv_advices",
                    record,
                    f"Advies UWV van {full}",
                    {
                        "person_id": person_ref,
                        "requested_by": DEFAULT_REQUESTED_BY,
                        "outcome": "positive",
                        **wanted,
                    },
                    creates=("advice", bsn),
                )
                advice_ref = Ref(("advice", bsn))
        decided = record["Datum beschikking"]
        if decided is not None:
            if decision is not None:
                wanted = {"decision_date": decided}
                if decision.advice_id is None and advice_ref is not None:
                    wanted["advice_id"] = advice_ref
                self.change(
                    "decisions", record, f"Beschikking van {full}", decision, decision.id, wanted
                )
            else:
                self.add(
                    "decisions",
                    record,
                    f"Beschikking van {full}",
                    {
                        "person_id": person_ref,
                        "kind": "indication",
                        "outcome": "positive",
                        "decision_date": decided,
                        "advice_id": advice_ref,
                    },
                )
        provision = record["Voorziening tot start"]
        if provision is None:
            return
        kind, description = provision
        if interim is not None:
            if interim.kind != kind or (kind == "other" and interim.description != description):
                self.change(
                    "interim_provisions",
                    record,
                    f"Voorziening tot start van {full}",
                    interim,
                    interim.id,
                    {"kind": kind, "description": description},
                )
            return
        start = decided or (decision.decision_date if decision else None)
        if start is None:
            self.problems.append(
                record.problem(
                    "Voorziening tot start",
                    "een voorziening tot start begint op de Datum beschikking, maar die is leeg",
                )
            )
            return
        self.add(
            "interim_provisions",
            record,
            f"Voorziening tot start van {full}",
            {
                "person_id": person_ref,
                "kind": kind,
                "description": description,
                "start_date": start,
            },
        )

    def placements_sheet(self) -> None:
        # Contracts of one person at one employer, to find renewals without a quadratic search.
        groups: dict[tuple, list[Record]] = {}
        rows: list[tuple[Record, Any, Any]] = []
        for record in self.parsed.placements:
            person = self._person_id(record)
            employer = self._employer_id(record)
            if person is not None and employer is not None:
                rows.append((record, person, employer))
                groups.setdefault((person, employer), []).append(record)
        # Earlier contracts first, so that a renewal can point back at the one it follows.
        for record, person, employer in sorted(rows, key=lambda r: r[0]["Startdatum"]):
            self.placement(record, person, employer, groups[(person, employer)])

    def _person_id(self, record: Record) -> Any:
        bsn = record["BSN"]
        if ("person", bsn) in self.known or bsn in self.file_persons:
            return self.known.get(("person", bsn), Ref(("person", bsn)))
        if bsn in self.persons:
            self.known[("person", bsn)] = self.persons[bsn].id
            self.file_persons[bsn] = self.persons[bsn].full_name
            return self.persons[bsn].id
        self.problems.append(
            record.problem(
                "BSN", "deze persoon staat niet op het blad Personen en niet in het register"
            )
        )
        return None

    def _employer_id(self, record: Record) -> Any:
        key = name_key(record["Werkgever"])
        if ("employer", key) in self.known:
            return self.known[("employer", key)]
        if key in self.file_employers:
            return Ref(("employer", key))
        matches = self.employers.get(key, [])
        if len(matches) == 1:
            self.known[("employer", key)] = matches[0].id
            self.file_employers[key] = matches[0].name
            return matches[0].id
        message = (
            "deze werkgever staat niet op het blad Werkgevers en niet in het register"
            if not matches
            else "deze naam staat meer dan eens in het register"
        )
        self.problems.append(record.problem("Werkgever", message))
        return None

    def placement(self, record: Record, person: Any, employer: Any, same_job: list[Record]) -> None:
        start, end = record["Startdatum"], record["Einddatum"]
        key = ("placement", record["BSN"], name_key(record["Werkgever"]), start)
        current = (
            self.placements.get((person, employer, start))
            if not isinstance(person, Ref) and not isinstance(employer, Ref)
            else None
        )
        end = end if end is not None or current is None else current.end_date
        successor = next((r for r in same_job if contiguous(end, r["Startdatum"])), None)
        predecessor = next((r for r in same_job if contiguous(r["Einddatum"], start)), None)
        outcome = None
        if successor is not None:
            outcome = "permanent" if successor["Contract"] == "permanent" else "renewed"
        elif end is not None and end < self.today:
            outcome = "ended_import"  # R20: no "ended without outcome" signal follows
        previous = None
        if predecessor is not None:
            previous = self._placement_ref(predecessor, person, employer)
        wanted = {
            "end_date": record["Einddatum"],
            "hours_per_week": record["Uren per week"],
            "trial_before": record["Proefplaatsing vooraf"],
            "contract_type": record["Contract"],
        }
        employer_name = self.file_employers.get(name_key(record["Werkgever"]), "")
        what = (
            f"Plaatsing {self.file_persons.get(record['BSN'], '')} bij {employer_name} "
            f"vanaf {day_text(start)}"
        )
        if current is not None:
            self.known[key] = current.id
            # The outcome follows the import only where the import moves the end date or adds
            # the renewal: a contract the register already knows ended without an outcome
            # keeps its R20 signal.
            moved = record["Einddatum"] is not None and record["Einddatum"] != current.end_date
            renewal_added = successor is not None and self._is_new(successor, person, employer)
            if (moved or renewal_added) and current.outcome in (None, "ended_import"):
                if current.outcome != outcome:
                    wanted["outcome"] = outcome
                    wanted["outcome_date"] = self.today if outcome else None
            if current.previous_placement_id is None and previous is not None:
                wanted["previous_placement_id"] = previous
            self.change("placements", record, what, current, current.id, wanted)
            if moved and current.outcome == "ended_import" and outcome is None:
                self._clear_outcome(current, what)
            return
        if wanted["contract_type"] is None:
            wanted["contract_type"] = "temporary" if end is not None else "permanent"
        values = {
            "person_id": person,
            "employer_id": employer,
            "start_date": start,
            "outcome": outcome,
            # The outcome is what the import knew on its day, and counts from then (R20).
            "outcome_date": self.today if outcome else None,
            "previous_placement_id": previous,
            **{k: v for k, v in wanted.items() if v is not None},
        }
        self.add("placements", record, what, values, creates=key)

    def _clear_outcome(self, current: Any, what: str) -> None:
        """An end date moved past the import date: 'beëindigd (import)' no longer holds."""
        for op in self.operations:
            if op.table == "placements" and op.pk == current.id:
                op.values["outcome"], op.old["outcome"] = None, current.outcome
                op.values["outcome_date"], op.old["outcome_date"] = None, current.outcome_date
                return
        self.operations.append(
            Operation(
                "change",
                "placements",
                what,
                {"outcome": None, "outcome_date": None},
                pk=current.id,
                old={"outcome": current.outcome, "outcome_date": current.outcome_date},
            )
        )

    def _is_new(self, record: Record, person: Any, employer: Any) -> bool:
        if isinstance(person, Ref) or isinstance(employer, Ref):
            return True
        return (person, employer, record["Startdatum"]) not in self.placements

    def _placement_ref(self, record: Record, person: Any, employer: Any) -> Any:
        start = record["Startdatum"]
        if not isinstance(person, Ref) and not isinstance(employer, Ref):
            found = self.placements.get((person, employer, start))
            if found is not None:
                return found.id
        return Ref(("placement", record["BSN"], name_key(record["Werkgever"]), start))


def make_plan(register: Register, parsed: ParsedFile, today: dt.date) -> ImportPlan:
    return Planner(register, parsed, today).plan()
