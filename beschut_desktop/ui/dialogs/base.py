"""What every guided-flow dialog shares: forms in groups, one save through an action inside
one ``session.atomic()``, problems beside the fields, and the unsaved-changes question.

``run(dialog)`` is the only place a dialog is shown modally; tests replace it (pytest-qt's
advice for modal dialogs) and drive the dialog's fields themselves, so nothing stays open.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from beschut_desktop.errors import UserError, ValidationError
from beschut_desktop.rules.results import ContractCheck
from beschut_desktop.store.store import Store
from beschut_desktop.ui import forms, widgets
from beschut_desktop.ui.session import Session
from beschut_desktop.wording import VALUE_LABELS


def run(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when it was saved."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def options(group: str) -> list[tuple[str, str]]:
    """(value, Dutch text) pairs of a value-word group, for a ChoiceField."""
    return list(VALUE_LABELS[group].items())


def add_check(field: forms.Field, check: Callable[[Any], str | None]) -> forms.Field:
    """Give a field one more live check of its parsed value (e.g. a BSN already in use)."""
    own = field.problem

    def problem() -> str | None:
        found = own()
        if found:
            return found
        try:
            return check(field.value())
        except ValueError as exc:
            return str(exc)

    field.problem = problem  # type: ignore[method-assign]
    return field


COLOURS = {True: "#1e6b34", False: "#b3261e", None: "#7a4e00"}


def contract_lines(check: ContractCheck | None, reason: str = "") -> str:
    """The contract check (R12/R13) as coloured lines: ✓ what holds, ✗ or ? with the reason."""
    if check is None:
        return f"Contractcontrole: {html.escape(reason)}" if reason else ""
    lines = []
    for item in check.items:
        mark = {True: "✓", False: "✗", None: "?"}[item.met]
        text = item.label if item.met is True or not item.reason else item.reason
        lines.append(
            f'<span style="color:{COLOURS[item.met]}">{mark} {item.rule}: '
            f"{html.escape(text)}</span>"
        )
    return "<br>".join(lines)


class FlowDialog(QDialog):
    """A dialog of one guided flow. Subclasses build forms and implement ``perform``."""

    save_text = "Opslaan"

    def __init__(
        self, session: Session, title: str, intro: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.forms: list[forms.Form] = []
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        self.intro: QLabel | None = None
        if intro:
            self.intro = widgets.muted(intro)
            outer.addWidget(self.intro)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.refusal = QLabel()
        self.refusal.setObjectName("refusal")
        self.refusal.setProperty("role", "problem")
        self.refusal.setWordWrap(True)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.hide()
        outer.addWidget(self.refusal)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.save_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)  # Enter saves, Escape cancels (``reject``)
        self.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    # ---- building --------------------------------------------------------------------

    def group(self, title: str, *contents: QWidget, into: QVBoxLayout | None = None) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for widget in contents:
            layout.addWidget(widget)
        if into is None:
            self.body_layout.addWidget(box)
        else:
            into.insertWidget(max(0, into.count() - 1), box)
        return box

    def columns(self, count: int = 2) -> list[QVBoxLayout]:
        """Side-by-side columns in the body, so a long flow fits a 768-pixel-high screen."""
        row = QHBoxLayout()
        made = []
        for _ in range(count):
            column = QVBoxLayout()
            column.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addLayout(column, 1)
            made.append(column)
        self.body_layout.addLayout(row)
        for column in made:
            column.addStretch(1)  # groups stay their own height, at the top
        return made

    def form(self, table: str | None = None) -> forms.Form:
        form = forms.Form(table)
        form.problems_shown.connect(self._grow_later)
        self.forms.append(form)
        return form

    def field(self, key: str) -> forms.Field:
        for form in self.forms:
            if key in form.fields:
                return form.fields[key]
        raise KeyError(key)

    def fit(self, width: int) -> None:
        """As wide as asked (at most the screen), as high as the contents (at most the screen);
        only a form longer than the screen scrolls."""
        self._fitted = True
        room = available_size(self)
        needed = self.body.minimumSizeHint().width() + 40  # two columns side by side
        width = min(max(width, needed), room.width())
        for form in self.forms:
            for field in form.fields.values():
                if isinstance(field, forms.ChoiceField):  # room for the problem beneath it
                    field.widget.setMinimumWidth(
                        min(max(field.widget.sizeHint().width(), 240), width - 200)
                    )
        self.body.setMinimumWidth(min(width - 40, self.body.minimumSizeHint().width()))
        self.resize(width, min(self._wanted_height(width), room.height()))

    def _wanted_height(self, width: int) -> int:
        """The height that shows the whole body, the intro and the buttons without scrolling."""
        margins = self.layout().contentsMargins()
        return (
            self.body.heightForWidth(width - 24)
            if self.body.hasHeightForWidth()
            else self.body.sizeHint().height()
        ) + (
            self.buttons.sizeHint().height()
            + margins.top()
            + margins.bottom()
            + 2 * self.layout().spacing()
            + (self.intro.heightForWidth(width - 24) if self.intro else 0)
            + 8
        )

    def _grow_later(self) -> None:
        QTimer.singleShot(0, self.grow)

    def grow(self) -> None:
        """Problems appeared under fields: grow (up to the screen) rather than scroll, so the
        buttons stay where they are under the mouse as long as there is room."""
        if not self.isVisible():
            return
        self.body.adjustSize()
        wanted = min(self._wanted_height(self.width()), available_size(self).height())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if not getattr(self, "_fitted", False):
            self.fit(560)
        if not getattr(self, "_mnemonics", False):
            self._mnemonics = True
            widgets.assign_mnemonics(self)
        super().showEvent(event)

    def note(self, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # ---- saving ----------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for form in self.forms:  # context (fixed values) first, so no form's context
            merged.update(form.record())  # ever hides what another form's field holds
        for form in self.forms:
            merged.update(form.values())
        return merged

    def perform(self, store: Store, values: dict[str, Any]) -> Any:
        """Write through one action; raise ``ValidationError`` with field keys to refuse."""
        raise NotImplementedError

    def confirm(self, values: dict[str, Any]) -> bool:
        """A last question before writing (a contract that misses R12, say)."""
        return True

    def save(self) -> bool:
        checks = [form.check() for form in self.forms]
        if not all(checks):
            self._focus_problem()
            return False
        values = self.values()
        if not self.confirm(values):
            return False
        try:
            with self.session.atomic() as store:
                self.result_value = self.perform(store, values)
        except ValidationError as exc:
            self.refusal.hide()
            self.show_problems(exc.problems)
            return False
        except UserError as exc:
            self.show_refusal(exc.message)
            widgets.inform(self, "Niet opgeslagen", exc.message, widgets.QMessageBox.Icon.Warning)
            return False
        for form in self.forms:
            form.mark_clean()
        self.accept()
        self.after_save()
        return True

    def show_refusal(self, message: str) -> None:
        """The store's or an action's refusal (a duplicate employer, a record gone meanwhile)
        stays in the dialog above the buttons, with what was typed, until the next save."""
        self.refusal.setText(f"Niet opgeslagen: {message}")
        self.refusal.show()

    def after_save(self) -> None:
        """Tell the user what follows (shown after the dialog closed)."""

    def show_problems(self, problems: dict[str, str]) -> None:
        rest = dict(problems)
        for form in self.forms:
            own = {k: v for k, v in problems.items() if k in form.fields}
            for key in own:
                rest.pop(key, None)
            form.show_problems(own)
        if rest and self.forms:
            self.forms[0].show_problems(rest)
        self._focus_problem()

    def _focus_problem(self) -> None:
        for form in self.forms:
            widget = form.first_problem_widget()
            if widget is not None:
                widget.setFocus()
                return

    # ---- leaving ---------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return any(form.dirty for form in self.forms)

    def reject(self) -> None:
        """Esc, Annuleren or the close button: ask first when something was typed."""
        if self.dirty:
            choice = forms.ask_unsaved(self)
            if choice == forms.CANCEL:
                return
            if choice == forms.SAVE:
                self.save()
                return
        super().reject()


def available_size(widget: QWidget) -> QSize:
    """The room a window has on the screen it is on, less a margin for its frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 728)
    room = screen.availableGeometry()
    return QSize(room.width() - 16, room.height() - 40)
