"""The fields of a ``forms.Form``: one record key each, and the widget that edits it.

Every field parses what was typed only when asked (``value()``), so a half-typed date stays in
the field and its Dutch problem can be shown beside it. Import them from ``ui.forms`` (which
re-exports them) or from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QWidget

from beschut_desktop.ui import widgets
from beschut_desktop.wording import label as field_label

# ---- fields ------------------------------------------------------------------------------


class Field:
    """One record key and the widget that edits it.

    ``label`` defaults to the shared Dutch wording of the key. ``required`` adds a "verplicht"
    problem on top of the table's own validation (for dialogs that demand more than the store).
    """

    widget: QWidget

    def __init__(
        self, key: str, label: str | None = None, *, required: bool = False, tooltip: str = ""
    ) -> None:
        self.key = key
        self.label = label if label is not None else field_label(key)
        self.required = required
        self.tooltip = tooltip

    def _finish(self) -> None:
        self.widget.setAccessibleName(self.label)
        if self.tooltip:
            self.widget.setToolTip(self.tooltip)
        self.widget.setObjectName(f"field_{self.key}")

    def value(self) -> Any:
        """The parsed value (None when empty); ``ValueError`` with a Dutch message if wrong."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def raw(self) -> Any:
        """What the widget holds as typed; compared for ``dirty``."""
        raise NotImplementedError

    def connect(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on every edit."""
        raise NotImplementedError

    def problem(self) -> str | None:
        try:
            value = self.value()
        except ValueError as exc:
            return str(exc)
        if self.required and (value is None or value == ""):
            return f"{self.label} is verplicht"
        return None

    def set_enabled(self, enabled: bool) -> None:
        self.widget.setEnabled(enabled)


class _ParsedField(Field):
    edit_class: type[widgets.ParsedEdit] = widgets.ParsedEdit
    max_width = 170  # dates and figures are short: a calm column, not a full-width bar

    def __init__(self, key: str, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(key, label, **kwargs)
        self.widget = self.edit_class()
        if self.max_width:
            self.widget.setMaximumWidth(self.max_width)
        self._finish()

    def value(self) -> Any:
        return self.widget.value()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.set_value(value)  # type: ignore[attr-defined]

    def raw(self) -> Any:
        return self.widget.text().strip()  # type: ignore[attr-defined]

    def connect(self, callback: Callable[[], None]) -> None:
        self.widget.value_changed.connect(callback)  # type: ignore[attr-defined]


class TextField(_ParsedField):
    """Free text on one line (None when empty)."""

    max_width = 0

    def __init__(
        self, key: str, label: str | None = None, *, max_length: int = 0, **kwargs: Any
    ) -> None:
        super().__init__(key, label, **kwargs)
        if max_length:
            self.widget.setMaxLength(max_length)  # type: ignore[attr-defined]

    def value(self) -> Any:
        text = self.widget.text().strip()  # type: ignore[attr-defined]
        return text or None


class DateField(_ParsedField):
    """A date typed as dd-mm-jjjj; value ``datetime.date``."""

    edit_class = widgets.DateEdit


class NumberField(_ParsedField):
    """A Dutch decimal number; value ``float``."""

    edit_class = widgets.NumberEdit


class IntField(_ParsedField):
    """A whole number; value ``int``."""

    edit_class = widgets.IntEdit


class MoneyField(_ParsedField):
    """An amount in euros; value integer cents."""

    edit_class = widgets.MoneyEdit


class HoursField(_ParsedField):
    """Hours a week; value ``float``."""

    edit_class = widgets.HoursEdit


class PercentField(_ParsedField):
    """A percentage; value ``float`` (23.5 for 23,5%)."""

    edit_class = widgets.PercentEdit


class MultiLineField(Field):
    """Longer free text (notes, motivation, review subjects)."""

    def __init__(
        self, key: str, label: str | None = None, *, lines: int = 3, **kwargs: Any
    ) -> None:
        super().__init__(key, label, **kwargs)
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        self.widget = edit
        self._finish()

    def value(self) -> Any:
        return self.widget.toPlainText().strip() or None  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.setPlainText("" if value is None else str(value))  # type: ignore[attr-defined]

    def raw(self) -> Any:
        return self.widget.toPlainText().strip()  # type: ignore[attr-defined]

    def connect(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(callback)  # type: ignore[attr-defined]


class ChoiceField(Field):
    """A choice among ``options`` (value, Dutch text); ``empty`` adds a first "no choice" item
    with value None (shown as ``empty``'s text)."""

    def __init__(
        self,
        key: str,
        options: Sequence[tuple[Any, str]],
        label: str | None = None,
        *,
        empty: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(key, label, **kwargs)
        self.widget = QComboBox()
        self.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._empty = empty
        self.set_options(options)
        self._finish()

    def set_options(self, options: Sequence[tuple[Any, str]]) -> None:
        """Replace the options, keeping the current value when it is still offered."""
        combo: QComboBox = self.widget  # type: ignore[assignment]
        current = combo.currentData() if combo.count() else None
        combo.blockSignals(True)
        combo.clear()
        if self._empty is not None:
            combo.addItem(self._empty, None)
        for value, text in options:
            combo.addItem(text, value)
        combo.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.widget.currentData()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        index = next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
        combo.setCurrentIndex(max(index, 0) if combo.count() else -1)

    def raw(self) -> Any:
        return self.value()

    def connect(self, callback: Callable[[], None]) -> None:
        self.widget.currentIndexChanged.connect(lambda _i: callback())  # type: ignore[attr-defined]


class CheckField(Field):
    """A yes/no; the label is the check box's own text."""

    def __init__(self, key: str, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(key, label, **kwargs)
        self.widget = QCheckBox(self.label)
        self._finish()

    def value(self) -> bool:
        return self.widget.isChecked()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))  # type: ignore[attr-defined]

    def raw(self) -> Any:
        return self.value()

    def connect(self, callback: Callable[[], None]) -> None:
        self.widget.toggled.connect(lambda _c: callback())  # type: ignore[attr-defined]
