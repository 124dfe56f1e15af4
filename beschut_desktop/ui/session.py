"""The open register as the window sees it: one ``Store``, the loaded ``Register``, the as-of date.

Every screen reads ``session.register`` and ``session.as_of`` and writes through the session's
``insert``/``update``/``delete``/``save_settings`` (thin wrappers round the audited ``Store``
methods). After each write the register is loaded again and ``changed`` is emitted, so every
section shows the same truth without keeping copies of its own. A user action that writes
several rows wraps them in ``with session.atomic():`` — one transaction, one reload at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from beschut_desktop.rules.model import Register
from beschut_desktop.store.store import Store


class Session(QObject):
    """The register that is open in the window.

    Signals:
        changed: the register was reloaded after a write, or the as-of date moved; every
            section refreshes what it shows.
        as_of_changed(date): the as-of date ("peildatum") moved.
    """

    changed = Signal()
    as_of_changed = Signal(object)

    def __init__(
        self, store: Store, today: dt.date | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self._as_of = today or dt.date.today()
        self._register = store.load()
        self._depth = 0

    # ---- reading -----------------------------------------------------------------------

    @property
    def register(self) -> Register:
        """The register as last loaded; a fresh object after every write."""
        return self._register

    @property
    def as_of(self) -> dt.date:
        """The peildatum: the day the rules answer for. Defaults to today."""
        return self._as_of

    def today(self) -> dt.date:
        """Today's date (fixed in tests); use for 'handled on', 'created on' and such."""
        return self._today or dt.date.today()

    def set_as_of(self, day: dt.date) -> None:
        if day == self._as_of:
            return
        self._as_of = day
        self.as_of_changed.emit(day)
        self.changed.emit()

    # ---- writing -----------------------------------------------------------------------

    def insert(self, table: str, values: Mapping[str, Any]) -> Any:
        """``Store.insert`` (validated, audited), then reload. Raises ``ValidationError``."""
        with self.atomic():
            return self.store.insert(table, values)

    def update(self, table: str, pk: Any, values: Mapping[str, Any]) -> None:
        with self.atomic():
            self.store.update(table, pk, values)

    def delete(self, table: str, pk: Any) -> None:
        with self.atomic():
            self.store.delete(table, pk)

    def save_settings(self, values: Mapping[str, Any]) -> None:
        with self.atomic():
            self.store.save_settings(values)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        """One user action: all writes inside commit together; one reload and ``changed``
        afterwards (also after a failure, so that screens never show a half-believed state)."""
        self._depth += 1
        try:
            with self.store.atomic() as store:
                yield store
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.reload()

    def reload(self) -> None:
        """Load the register again and tell every section."""
        self._register = self.store.load()
        self.changed.emit()
