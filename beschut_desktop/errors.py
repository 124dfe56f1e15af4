"""Errors a user can act on, apart from bugs.

A ``UserError`` carries a Dutch message that names what is wrong and where; the command line
prints it and exits 1, the window shows it in a message box. Anything else is a bug: it is
logged with its traceback and the user sees one Dutch line saying where the details are.
"""


class UserError(Exception):
    """Something the user can fix: bad input, a wrong file, a full disk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RegisterRefused(UserError):
    """The file is not a register we can open (junk, newer version, locked)."""


class ValidationError(UserError):
    """One or more fields of a record are wrong; ``problems`` maps field to Dutch message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))
