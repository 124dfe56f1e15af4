"""The peildatum on screen: a banner while the window answers for another day than today, and
the date field marked red (with the reason beside it) while what is typed is no date.

Every figure, list and signal follows the peildatum, so a consultant who moved it to look back
must not forget it: the banner stays until the date is today again, with a button back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from beschut_desktop import formatting
from beschut_desktop.ui import widgets
from beschut_desktop.ui.session import Session


class AsOfBanner(QFrame):
    """ "U bekijkt het register op 1-3-2023, niet op vandaag (6-9-2022)." and a way back;
    hidden while the peildatum is today."""

    def __init__(
        self, session: Session, back: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("as_of_banner")
        self.setProperty("role", "banner")
        self.setAccessibleName("Melding peildatum")
        self.text = QLabel()
        self.text.setObjectName("as_of_banner_text")
        self.text.setWordWrap(True)
        self.back_button = QPushButton("Terug naar vandaag")
        self.back_button.setObjectName("as_of_banner_back")
        self.back_button.clicked.connect(back)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.back_button)
        session.as_of_changed.connect(lambda _day: self.update_text())
        self.update_text()

    def update_text(self) -> None:
        on, today = self.session.as_of, self.session.today()
        if on == today:
            self.hide()
            return
        when = "in het verleden" if on < today else "in de toekomst"
        self.text.setText(
            f"<b>Peildatum {formatting.short_date(on)}</b> ({when}): alle cijfers, lijsten en "
            f"signalen gelden voor die dag, niet voor vandaag ({formatting.short_date(today)})."
        )
        self.show()


def mark_as_of_problem(edit: widgets.DateEdit, problem: QLabel) -> None:
    """While typing: the field red with the reason beside it; both clear once it is a date."""
    message = edit.problem()
    problem.setText(f"{message[0].upper()}{message[1:]}." if message else "")
    edit.setProperty("problem", bool(message))
    edit.style().unpolish(edit)
    edit.style().polish(edit)
