"""This session's state, declared once: every key the app keeps in ``st.session_state``.

A ``Key`` is a value a session keeps between reruns: its name, its type, the value it has until
it is set, and what it holds. Pages reach it through its accessors (``PLAYING.get()``,
``CURSOR.set(cursor)``), never by a string. A widget drawn with ``key=STEP_N.name`` writes the
value ``STEP_N.get()`` reads; the keys of widgets whose value no page reads (buttons,
containers) are named constants below. ``tests/test_state.py`` fails on a key used anywhere in
``views/`` or ``app.py`` that this module does not declare.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Generic, TypeVar

import streamlit as st

from lstm_viz import i18n
from lstm_viz.core.config import RunConfig
from lstm_viz.message import Message
from lstm_viz.present.controls import SIDEBAR, widget_value
from lstm_viz.serving.sessions import Cursor
from lstm_viz.serving.sweep import Sweep
from lstm_viz.tasks import series

T = TypeVar("T")
EMPTY: Mapping = MappingProxyType({})  # an empty mapping no session can change


@dataclass(frozen=True)
class Key(Generic[T]):
    """A value this session keeps between reruns, under ``name`` in ``st.session_state``."""

    name: str
    default: T  # what ``get`` gives until the value is set (immutable: sessions share it)
    holds: str  # what the value is, in one line

    def get(self) -> T:
        """The value kept, or the default."""
        return st.session_state.get(self.name, self.default)

    def set(self, value: T) -> None:
        st.session_state[self.name] = value

    def is_set(self) -> bool:
        """True once the value is kept (a widget with this key keeps it once drawn)."""
        return self.name in st.session_state

    def setdefault(self, value: T) -> T:
        """The value kept, keeping ``value`` first if there is none: a widget drawn with this
        key then starts from it."""
        return st.session_state.setdefault(self.name, value)


# The run and its play state (views/shared.py)
CURSOR: Key[Cursor | None] = Key(
    "cursor", None, "this session's place in a run shared by the sessions on its settings")
PLAYING: Key[bool] = Key("playing", False, "True while each tick of the live fragment trains")
STEP_N: Key[int] = Key("step_n", 10, "steps per click of Step (the sidebar's select_slider)")
WORKER_NOTE: Key[str | None] = Key(
    "worker_note", None, "what went wrong with the training worker, for the step counter")
RESTART_FROM: Key[RunConfig | None] = Key(
    "restart_from", None, "the run this session last trained, which a restart note starts from")
RESTART_NOTE: Key[str | None] = Key(
    "restart_note", None, "the settings changed since that run, said until the new run steps")

# The sidebar's run settings: each widget's key is its setting's name (present.controls.SIDEBAR)
SETTINGS: dict[str, Key] = {s.name: Key(s.name, widget_value(s, s.default),
                                        f"the sidebar's widget value of {s.name}: {s.doc}")
                            for s in SIDEBAR}
# The settings users move most, drawn again in every page's control bar (a phone keeps the
# sidebar behind an icon): a second widget of the same setting, under a key of its own.
BAR: dict[str, Key] = {name: Key(f"{name}_bar", SETTINGS[name].default,
                                 f"the control bar's widget of {name}, mirroring the sidebar's")
                       for name in ("seq_len",)}
SERIES: Key[str] = Key(
    "series", series.SYNTHETIC, "the price series: the synthetic one or an upload's id")
RUN_VALUES: Key[Mapping] = Key(
    "run_values", EMPTY, "the run settings of the last full run, as the address holds them")


def put_settings(values: dict[str, object]) -> None:
    """Give the sidebar's widgets these values (setting name -> widget value), as a shortcut
    button does; the next run reads them."""
    for name, value in values.items():
        SETTINGS[name].set(value)


# The link (read once per session) and what a teacher's link hides
URL_NOTES: Key[Sequence[Message]] = Key(
    "url_notes", (), "the link's notes on values the app could not use; set once it is read")
HIDE: Key[tuple] = Key("hide", (), "what the session's link hides (names or a hide group)")
LOCK: Key[int] = Key("lock", 0, "1: the link's hidden settings cannot be shown")
SHOW_ALL: Key[bool] = Key("show_all", False, "True once a student showed the hidden settings")
SHARE_HIDE: Key[Sequence[str]] = Key(
    "share_hide", (), "the share box's multiselect: what its link hides (first: the session's)")
SHARE_LOCK: Key[bool] = Key(
    "share_lock", False, "the share box's checkbox: whether its link locks what it hides")
PAGE_CHECKED: Key[bool] = Key(
    "page_checked", False, "True once the link's page was checked (a missing page is said once)")

# The language: the switch's widget, and what outlives it
LANG: Key[str] = Key("lang", i18n.DEFAULT, "the language switch's widget value")
LANGUAGE: Key[str | None] = Key(
    "language", None, "the language chosen, kept apart from the switch (a page change drops it)")
CHOSEN_LANG: Key[bool] = Key(
    "chosen_lang", False, "True once the link or the reader chose the language: links keep it")

# Page controls
FACTOR: Key[float | None] = Key("w", None, "the Primer's factor w (its slider, bound to w=)")
SCENE: Key[str | None] = Key(
    "scene", None, "the story's scene number (its control, bound to scene=)")
FOLLOW: Key[bool | None] = Key(
    "follow", None, "Inside's 'Follow training' toggle (None: a link's snapshot= decides)")
SNAPSHOT_CHOICE: Key[int] = Key(
    "snapshot_choice", 0, "the training step Inside shows while Follow training is off")
PREDICTIONS: Key[Mapping] = Key(
    "predictions", EMPTY, "the reader's prediction of each story scene, by scene key")
PROMPT: Key[str | None] = Key("prompt", None, "the Next character page's prompt (its text area)")
UPLOAD_NAMES: Key[Mapping] = Key(
    "upload_names", EMPTY, "each price upload's id -> (column, file name), as the reader chose")
SWEEP_JOB: Key[Sweep | None] = Key(
    "sweep_job", None, "the memory horizon's sweep of the settings on screen, kept between reruns")
SWEEP_RUNNING: Key[tuple | None] = Key(
    "sweep_running", None, "the key of the sweep Run started (None: none trains)")


def prediction(scene_key: str, language: str) -> Key[int | None]:
    """The story's radio for a scene's prediction, one per language (a new language draws a new
    radio; ``PREDICTIONS`` keeps the choice)."""
    return Key(f"prediction_{scene_key}_{language}", None, "the radio's chosen outcome")


def example_button(label: str) -> str:
    """The key of the Next character page's example button called ``label`` (English)."""
    return f"example_{label}"


# The keys of widgets and containers no page reads through the state
PAGE_LINKS = "page_links"  # app.py: the row of page links at the top
PLAY = "play"  # the sidebar's Start / Pause / Resume
STEP = "step"  # the sidebar's Step ×N
RESET = "reset"  # the sidebar's Reset
NEW_SEED = "new_seed"  # the sidebar's New seed
CONTROL_BAR = "control_bar"  # every page's bar of controls, above the live fragment
START = "start"  # the bar's Start / Pause
BAR_STEP = "bar_step"  # the bar's Step ×N
BAR_RESET = "bar_reset"  # the bar's Reset
STEP_COUNTER = "step-counter"  # the counter's container (the live style keeps it opaque)
OPEN_GATE = "open_gate"  # Race: back to chrono initialisation
CLOSE_GATE = "close_gate"  # Race: PyTorch's default forget gate
SHOW_ALL_BUTTON = "show_all_settings"  # a student's 'Show all settings'
EXPORT = "export"  # Race: the 'Export this run' expander
EXPORT_GO_TO = "export_go_to"  # Race: the step on screen to the weights' step
SET_UP = "set_up"  # Story: set this scene up
NEXT_SCENE = "next_scene"  # Story: the next scene
SWEEP_LENGTHS = "sweep_lengths"  # Memory horizon: the lengths to sweep
SWEEP_SEEDS = "sweep_seeds"  # Memory horizon: seeds per length
SWEEP_RUN = "sweep_run"  # Memory horizon: Run
SWEEP_CANCEL = "sweep_cancel"  # Memory horizon: Cancel
USE_TEXT = "use_text"  # Next character: switch to the text task
EXAMPLES = "examples"  # Next character: the row of example buttons
MODE = "mode"  # Next character: greedy or sampled
TEMPERATURE = "temperature"  # Next character: the sampling temperature
USE_PRICES = "use_prices"  # Prices: switch to the price series
UPLOAD = "upload"  # Prices: the CSV file
UPLOAD_COLUMN = "upload_column"  # Prices: the upload's price column
USE_UPLOAD = "use_upload"  # Prices: train on the upload
USE_SYNTHETIC = "use_synthetic"  # Prices: back to the synthetic series

