"""What the page of one record shares, the case file of a person and the employer card: the
signals the section listens to, the header row with the way back, and showing a flow's dialog.
Kept in one place so that both pages look and answer alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.ui import document_actions, widgets
from beschut_desktop.ui.dialogs import base
from beschut_desktop.ui.session import Session


class RecordPage(QWidget):
    """Base of a record's page; a subclass fills it for one record and has ``refresh()``.

    Signals:
        back(): the user wants the list again.
        removed(): the record was deleted.
    """

    back = Signal()
    removed = Signal()
    title: QLabel

    def __init__(
        self, session: Session, main_window: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.main_window = main_window

    def header(
        self,
        back_text: str,
        *,
        title_name: str,
        back_name: str = "",
        beside_title: Sequence[QWidget] = (),
        buttons: Sequence[QWidget] = (),
    ) -> QBoxLayout:
        """The top row: the way back to the list, the title (``self.title``, filled on
        refresh) and what stands beside it, then the page's buttons on the right. More than
        one button get a row of their own underneath, so a long name never squeezes them."""
        back = QPushButton(back_text)
        if back_name:
            back.setObjectName(back_name)
        back.clicked.connect(self.back.emit)
        self.title = widgets.heading("")
        self.title.setObjectName(title_name)
        self.title.setWordWrap(True)  # a long name wraps between words, never cut off
        self.title.setMinimumWidth(160)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(back)
        for widget in (self.title, *beside_title):
            top.addSpacing(12)
            if isinstance(widget, QLabel):  # a long state wraps on a small screen, not cut
                widget.setWordWrap(True)
            top.addWidget(widget, 1)  # they take the room there is, wrapping only when short
        if len(buttons) <= 1:
            for widget in buttons:
                top.addWidget(widget)
            return top
        row = QHBoxLayout()
        row.addStretch(1)
        for widget in buttons:
            row.addWidget(widget)
        both = QVBoxLayout()
        both.addLayout(top)
        both.addLayout(row)
        return both

    def refresh(self) -> None:
        """Show the record again from the register, after a write or a new as-of date."""

    @staticmethod
    def document_menu(text: str, name: str, tooltip: str) -> QPushButton:
        """A button with a menu of the record's documents (filled by ``document_actions``)."""
        button = document_actions.menu_button(text, name)
        button.setToolTip(tooltip)
        return button

    def run(self, dialog: base.FlowDialog) -> bool:
        """Show a flow's dialog; the session reloads after its write and the window refreshes."""
        saved = base.run(dialog)
        dialog.deleteLater()
        return saved
