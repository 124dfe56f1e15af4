"""The command line, as ``shared/cli.md`` fixes it: one executable, Dutch messages on stderr.

Without a command the window opens; with one it works headless. Each command's work lives in
its own room (``documents``, ``exchange``, ``demo``) and is imported only when that command runs,
so that ``beschut-desktop report …`` never loads Qt and the window never loads openpyxl.
Exit codes: 0 done; 1 the input or the register is wrong; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from beschut_desktop.argparse_nl import DutchArgumentParser
from beschut_desktop.errors import UserError
from beschut_desktop.faults import log_unexpected, setup_logging
from beschut_desktop.owner_only import private_umask
from beschut_desktop.store import notices

REPORT_KINDS = [
    "quota",
    "waiting-list",
    "signals",
    "case",
    "review-form",
    "employer",
    "finance",
]
LETTER_KINDS = ["indication", "offer", "subsidy", "review-invitation"]


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="beschut-desktop",
        description="Register voor beschut werk (art. 10b Participatiewet). "
        "Zonder opdracht opent het venster.",
    )
    parser.add_argument("--version", action=_VersionAction, help="toon het versienummer en stop")
    _add_db(parser, default=None)
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="bouw elk onderdeel van het venster en elk soort document zonder scherm; "
        "0 als alles werkt, anders 1 met de namen van wat mislukte",
    )
    parser.add_argument(
        "--startup-time",
        action="store_true",
        help="open het venster, toon de milliseconden tot het klaar is en stop",
    )
    commands = parser.add_subparsers(
        dest="command", title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )

    demo = commands.add_parser("demo", help="vul een nieuw register met verzonnen casussen")
    _add_db(demo)
    demo.add_argument(
        "--cases",
        type=_positive_int,
        default=10,
        metavar="N",
        help="aantal personen (standaard 10)",
    )
    demo.add_argument(
        "--force", action="store_true", help="overschrijf een bestand dat al een register bevat"
    )

    imp = commands.add_parser("import", help="lees een Excel-register in (alles of niets)")
    imp.add_argument("file", type=Path, metavar="BESTAND.xlsx")
    _add_db(imp)

    exp = commands.add_parser("export", help="schrijf het register naar Excel")
    exp.add_argument("file", type=Path, metavar="BESTAND.xlsx")
    _add_db(exp)
    exp.add_argument(
        "--zonder-bsn",
        dest="without_bsn",
        action="store_true",
        help="laat de BSN's weg (voor de controller)",
    )

    template = commands.add_parser("template", help="leeg importsjabloon met uitleg")
    template.add_argument("file", type=Path, metavar="BESTAND.xlsx")

    report = commands.add_parser("report", help="maak een document als PDF")
    report.add_argument(
        "kind", choices=REPORT_KINDS, metavar="SOORT", help="een van: " + ", ".join(REPORT_KINDS)
    )
    _add_db(report)
    report.add_argument(
        "-o",
        dest="output",
        type=Path,
        required=True,
        metavar="BESTAND.pdf",
        help="het PDF-bestand dat wordt geschreven",
    )
    report.add_argument(
        "--date",
        dest="on",
        type=_date,
        metavar="DATUM",
        help="peildatum, jjjj-mm-dd of dd-mm-jjjj (standaard vandaag)",
    )
    report.add_argument(
        "--year",
        type=_report_year,
        metavar="JJJJ",
        help="het jaar (finance; standaard het jaar van de peildatum)",
    )
    subject = report.add_mutually_exclusive_group()
    subject.add_argument("--bsn", help="de persoon (case, review-form)")
    subject.add_argument(
        "--placement", type=_positive_int, metavar="ID", help="de plaatsing (case, review-form)"
    )
    subject.add_argument(
        "--employer", metavar="NAAM", help="de werkgever: naam of KvK-nummer (employer)"
    )
    subject.add_argument("--blank", action="store_true", help="leeg formulier (review-form)")

    calendar = commands.add_parser("calendar", help="deadlines als agenda (.ics) voor Outlook")
    _add_db(calendar)
    calendar.add_argument(
        "-o",
        dest="output",
        type=Path,
        required=True,
        metavar="BESTAND.ics",
        help="het agendabestand dat wordt geschreven",
    )
    calendar.add_argument(
        "--date",
        dest="on",
        type=_date,
        metavar="DATUM",
        help="vanaf deze datum, jjjj-mm-dd of dd-mm-jjjj (standaard vandaag)",
    )
    _add_letter(commands)
    _add_safety_commands(commands)
    return parser


def _add_letter(commands: argparse._SubParsersAction) -> None:
    letter = commands.add_parser("letter", help="maak een brief als Word-bestand (.docx)")
    letter.add_argument(
        "kind", choices=LETTER_KINDS, metavar="SOORT", help="een van: " + ", ".join(LETTER_KINDS)
    )
    _add_db(letter)
    letter.add_argument("--bsn", required=True, help="de persoon om wie het gaat")
    letter.add_argument(
        "-o",
        dest="output",
        type=Path,
        required=True,
        metavar="BESTAND.docx",
        help="het Word-bestand dat wordt geschreven",
    )
    letter.add_argument(
        "--placement",
        type=_positive_int,
        metavar="ID",
        help="de plaatsing (offer, subsidy, review-invitation; standaard de lopende of aangeboden)",
    )
    letter.add_argument(
        "--date",
        dest="on",
        type=_date,
        metavar="DATUM",
        help="datum van de brief, jjjj-mm-dd of dd-mm-jjjj (standaard vandaag)",
    )


def _add_safety_commands(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="is het register in orde? (opbouw en schema)")
    _add_db(check)
    backup = commands.add_parser("backup", help="maak een back-up, ook terwijl het venster open is")
    _add_db(backup)
    backup.add_argument(
        "-o",
        dest="output",
        type=Path,
        required=True,
        metavar="BESTAND",
        help="het back-upbestand dat wordt geschreven",
    )
    restore = commands.add_parser(
        "restore", help="zet een back-up terug (het huidige register wordt eerst bewaard)"
    )
    restore.add_argument("file", type=Path, metavar="BESTAND", help="de back-up")
    _add_db(restore)


class _VersionAction(argparse.Action):
    """``--version``, with the version read only when asked for (see ``beschut_desktop``)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=kwargs.get("help")
        )  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from beschut_desktop import __version__

        print(f"beschut-desktop {__version__}")
        parser.exit()


def _add_db(parser: argparse.ArgumentParser, *, default: object = argparse.SUPPRESS) -> None:
    # The global --db and each command's --db share one destination; SUPPRESS keeps a
    # sub-parser from overwriting a --db given before the command with its own default.
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PAD",
        help="het registerbestand (standaard in de lokale gegevensmap)",
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen heel getal") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' moet 1 of meer zijn")
    return value


def _report_year(text: str) -> int:
    if not (text.strip().isdigit() and len(text.strip()) == 4):
        raise argparse.ArgumentTypeError(f"'{text}' is geen jaartal; schrijf bijvoorbeeld 2022")
    return int(text)


def _date(text: str):
    from beschut_desktop.formatting import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def resolve_db(args: argparse.Namespace) -> Path:
    from beschut_desktop.paths import default_register_path

    return args.db if getattr(args, "db", None) else default_register_path()


def _handler(command: str | None) -> Callable[[argparse.Namespace], int]:
    """The function that runs a command; each is imported only when its command runs."""
    if command is None:
        from beschut_desktop.app import run_from_cli

        return run_from_cli
    if command == "demo":
        from beschut_desktop.demo import run_from_cli as run_demo

        return run_demo
    if command == "report":
        from beschut_desktop.documents.commands import run_report

        return run_report
    if command == "letter":
        from beschut_desktop.letters.commands import run_letter

        return run_letter
    if command in ("check", "backup", "restore"):
        from beschut_desktop.store import commands as store_commands

        return {
            "check": store_commands.run_check,
            "backup": store_commands.run_backup,
            "restore": store_commands.run_restore,
        }[command]
    from beschut_desktop.exchange import commands

    return {
        "import": commands.run_import,
        "export": commands.run_export,
        "template": commands.run_template,
        "calendar": commands.run_calendar,
    }[command]


def main(argv: Sequence[str] | None = None) -> int:
    private_umask()  # the register, its backups, the log and every export: owner-only
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = resolve_db(args)
    log_file = setup_logging()
    if args.self_check and args.command:
        parser.error("--self-check hoort niet bij een opdracht")
    notices.listen(lambda text: print(f"Let op: {text}", file=sys.stderr))
    try:
        if args.self_check:
            from beschut_desktop.self_check import run as run_self_check

            return run_self_check(args)
        return _handler(args.command)(args)
    except UserError as error:
        print(error.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 1
    except Exception:
        log_unexpected(log_file)
        print(f"Er ging iets onverwachts mis; de details staan in {log_file}.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
