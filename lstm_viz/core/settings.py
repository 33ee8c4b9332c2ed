"""The settings schema: each setting of a run declares itself once, on its ``RunConfig`` field.

A ``Setting`` holds everything the app, the link, the CLI and the exported script need to know
of one setting: its name (the RunConfig field, which is also its link key; its CLI flag is the
name with dashes, ``--max-steps``), what it is in English (``doc``: the CLI's help and the
exported script's comment), its limits or choices, how the sidebar draws it (``widget``), and
the older link keys and flags it answers to for good. Its words on screen (label, help and the
word of a change note) are ``setting.<name>``, ``setting.<name>.help`` and ``change.<name>``
in the language tables.

Which settings a task or a model kind takes besides the common ones (the forecast horizon, the
LSTMP's projection) is said by the task and the kind (``Task.options``, ``ModelKind.options``),
so the sidebar shows a setting only where it matters without naming any task or kind.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from lstm_viz.message import Message, Problem


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, limits or choices, widget, and older names."""

    name: str
    default: object
    doc: str  # what it is, in English: the CLI's help and the exported script's comment
    widget: str = ""  # slider, select_slider, selectbox, number_input, multiselect ("": none)
    low: float | None = None  # numbers: the smallest and largest value
    high: float | None = None
    step: float = 1  # a slider's step (an int step: a whole number)
    options: tuple = ()  # the choices (selectbox, multiselect) or a select_slider's stops
    aliases: tuple[str, ...] = ()  # older link keys, read for good
    flag_aliases: tuple[str, ...] = ()  # older CLI flags, accepted for good
    comma: bool = False  # several choices written as one comma list (hide=seq_len,lr)
    linked: bool = True  # in links, on the CLI and in change notes (False: internal)
    cli: bool = True  # a CLI flag (False: the app sets it, e.g. an uploaded series)
    vet: Callable[[object], Message | None] | None = field(default=None, compare=False)

    @property
    def flag(self) -> str:
        """The CLI flag: the name with dashes."""
        return "--" + self.name.replace("_", "-")

    @property
    def many(self) -> bool:
        """True for a setting that holds several choices (the models)."""
        return isinstance(self.default, tuple)

    @property
    def whole(self) -> bool:
        """True for a whole-number setting."""
        return isinstance(self.default, int) and not isinstance(self.default, bool)

    # -- checking a value ----------------------------------------------------------------------
    def problem(self, value) -> str | None:
        """What is wrong with ``value`` for this setting, in English (None: nothing)."""
        if self.many:
            choices = ", ".join(self.options)
            if not isinstance(value, tuple) or not value:
                return f"{self.name} needs at least one of {choices}"
            unknown = [v for v in value if v not in self.options]
            if unknown:
                return f"unknown {self.name} {', '.join(map(repr, unknown))}; choose from {choices}"
            if len(set(value)) != len(value):
                return f"{self.name} names one of them twice: {', '.join(value)}"
            return None
        if self.low is not None:
            if not (isinstance(value, (int, float)) and not isinstance(value, bool)
                    and math.isfinite(value) and self.low <= value <= self.high):
                return f"{self.name} must be between {self.low:g} and {self.high:g}, got {value!r}"
            return None
        if self.options and value not in self.options:
            return (f"unknown {self.name} {value!r}; "
                    f"choose one of {', '.join(map(str, self.options))}")
        return None

    # -- reading and writing a link --------------------------------------------------------------
    def parse(self, raw: list[str]):
        """The value a link's strings give (the last one; every one for the models), or
        ``Problem`` with the reason, to show."""
        if self.many:
            return self._parse_many(raw)
        text = raw[-1]
        if self.widget == "select_slider":  # a number within the limits: the nearest stop
            value = self.nearest(self._number(text))
        elif self.low is not None:
            value = self._number(text)
        elif self.options and text not in self.options:
            raise Problem("link.not_one_of", options=", ".join(self.options))
        else:
            value = text
        message = self.vet(value) if self.vet else None
        if message:
            raise Problem(message.key, **message.fields)
        return value

    def _parse_many(self, raw: list[str]) -> tuple:
        """Choices named in any case, given once each or as comma lists; unknown names are left
        out (``dropped`` says which)."""
        by_name = {option.lower(): option for option in self.options}
        items = tuple(dict.fromkeys(by_name[r.lower()] for r in _items(raw)
                                    if r.lower() in by_name))
        if not items:
            raise Problem("link.not_among", options=", ".join(self.options))
        return items

    def nearest(self, number: float):
        """The select_slider's stop nearest ``number`` (on a log scale: the stops grow by
        factors)."""
        return min(self.options, key=lambda o: abs(math.log(o) - math.log(max(number, 1e-300))))

    def snapped(self, text: str) -> bool:
        """True where a link's number is no stop of the slider (it takes the nearest)."""
        try:
            return self.widget == "select_slider" and float(text) not in self.options
        except ValueError:
            return False

    def dropped(self, raw: list[str]) -> list[str]:
        """The link's items that are none of the choices (a setting of several choices)."""
        known = {option.lower() for option in self.options}
        return [r for r in _items(raw) if r.lower() not in known]

    def _number(self, text: str) -> float | int:
        try:
            value = float(text)
        except ValueError:
            raise Problem("link.not_a_number") from None
        if not self.low <= value <= self.high:
            raise Problem("link.outside", low=written(self.low), high=written(self.high))
        return int(value) if self.whole else value  # the sliders truncate too

    def write(self, value) -> list[str]:
        """The link's strings for ``value``: one per choice of a setting of several (one comma
        list where the setting says so)."""
        if self.comma:
            return [",".join(map(written, value))]
        return [written(v) for v in value] if self.many else [written(value)]

    # -- reading a CLI argument --------------------------------------------------------------
    def from_flag(self, text: str):
        """The value of a CLI argument: a comma list for a setting of several choices."""
        if self.many:  # ids are lower case; a flag may be written in any
            return tuple(item.strip().lower() for item in text.split(",") if item.strip())
        if isinstance(self.default, float):
            return float(text)
        if self.whole:
            return int(text)
        return text


def _items(raw: list[str]) -> list[str]:
    """A link's choices, each given on its own or in a comma list."""
    return [item.strip() for r in raw for item in r.split(",") if item.strip()]


def written(value) -> str:
    """A value as links and notes write it: whole numbers in full (seed=1377260012), other
    numbers in their shortest form (0.002)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def setting(default, doc: str, **declared):
    """A RunConfig field that declares its setting (see ``Setting``; the name is the field's)."""
    return field(default=default, metadata={"setting": (doc, declared)})
