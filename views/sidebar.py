"""The sidebar's run settings: a widget for each setting in use, and the config they give.

Every run setting comes from the schema (``RunConfig``'s fields, ``lstm_viz.core.settings``):
its widget, limits, label and help. ``run_config`` reads the link once (``address``), draws
the settings a teacher's link does not hide (``teacher``), writes the address, and fits the
values to what the task and the models can take. The setting users move most is drawn again
in every page's control bar (``bar_settings``).
"""

from __future__ import annotations

import streamlit as st

from lstm_viz.core.config import BY_NAME, TASK_OPTIONS, RunConfig, task_defaults
from lstm_viz.core.kinds import KINDS
from lstm_viz.core.settings import Setting, written
from lstm_viz.i18n import has, say, t
from lstm_viz.present.controls import (
    KIND_OPTIONS,
    SIDEBAR,
    config_value,
    in_use,
    setting_help,
    setting_label,
    thumb_text,
    widget_value,
)
from lstm_viz.present.labels import kind_label
from lstm_viz.tasks import TASKS, series
from views import address, state, teacher

DEFAULTS = RunConfig()
TASK_SET = {name for task in TASKS.values() for name in task.defaults}  # settings a task sets
CONDITIONAL = {*TASK_OPTIONS, *KIND_OPTIONS}  # settings only some tasks or model kinds take


def run_config() -> RunConfig | None:
    """Draw the settings in the sidebar and return the config they give (None: no model)."""
    address.read_link()
    values = _draw_settings(teacher.hidden())
    address.say_notes()
    if not values["models"]:
        st.warning(t("sidebar.no_model"))
        return None
    task = TASKS[values["task"]]
    values["series"] = series_in_use() if "series" in task.options else DEFAULTS.series
    state.RUN_VALUES.set(values)  # what the address and the share box hold
    address.write(values)
    return _fitted(task, values)


def _draw_settings(hide: set[str]) -> dict:
    """The sidebar's header (unless every setting is hidden), then every setting; students
    see what is hidden above them. Returns each setting's value as the run holds it."""
    with st.sidebar:
        if len(hide) < len(SIDEBAR):
            st.header(t("sidebar.settings"))
        notice = st.container()  # filled once the settings in use are known
        values = {}
        for setting in SIDEBAR:
            values[setting.name] = _setting_value(setting, values, hide)
        if hide:
            with notice:
                teacher.hidden_notice(hide, values)
    return values


def _setting_value(setting: Setting, values: dict, hide: set[str]):
    """One setting's value: its default where it is not in use (``values``: the settings
    before it), the link's where the link hides it, else its widget's, drawn."""
    if not in_use(setting, values):
        return setting.default
    if setting.name in hide:  # the link's value, not drawn
        return config_value(setting, state.SETTINGS[setting.name].get())
    # a setting some tasks or kinds take keeps its value while it is not drawn
    persist = {"persist_state": "session"} if setting.name in CONDITIONAL else {}
    extra = {"on_change": _start_task} if setting.name == "task" else {}
    return config_value(setting, _widget(setting, **persist, **extra))


def _fitted(task, values: dict) -> RunConfig:
    """The config of ``values``, its sequence length within what the task can make, with each
    model kind's notes on the values it adapts (``ModelKind.fit``)."""
    values["seq_len"] = _fit_length(task, values)
    for kind in values["models"]:
        for note in KINDS[kind].fit(values):
            st.info(say(note))
    return DEFAULTS.replace(**values)


def _widget(setting: Setting, **extra):
    """The setting's widget, drawn from its schema (``extra``: a key or callback of its own);
    returns the value it holds."""
    common = dict(key=state.SETTINGS[setting.name].name, help=setting_help(setting)) | extra
    name = setting_label(setting)
    if setting.widget == "multiselect":
        default = None if state.SETTINGS[setting.name].is_set() else list(setting.default)
        return st.multiselect(name, setting.options, default=default, format_func=kind_label,
                              **common)
    if setting.widget == "selectbox":
        return st.selectbox(name, setting.options, **common)
    if setting.widget == "select_slider":
        return st.select_slider(name, setting.options, value=setting.default,
                                format_func=written, **common)
    if setting.widget == "number_input":
        return st.number_input(name, float(setting.low), float(setting.high),
                               float(setting.default), step=1.0, format="%.0f", **common)
    if has(f"change.{setting.name}.zero"):  # 0 means something else: said in words
        return st.select_slider(name, _stops(setting), value=setting.default,
                                format_func=lambda v: thumb_text(setting, v), **common)
    return st.slider(name, setting.low, setting.high, setting.default, step=setting.step,
                     **common)


def _stops(setting: Setting) -> tuple:
    """A slider's values, low to high by its step, and the value it holds if that is between
    them (a link's 2.55): drawn as a select_slider, which can say a value in words."""
    count = round((setting.high - setting.low) / setting.step)
    kind = int if setting.whole else float
    stops = {kind(round(setting.low + i * setting.step, 9)) for i in range(count + 1)}
    key = state.SETTINGS[setting.name]
    held = key.get() if key.is_set() else None
    if isinstance(held, (int, float)) and setting.low <= held <= setting.high:
        stops.add(kind(held))
    return tuple(sorted(stops))


def _start_task() -> None:
    """A task picked in the sidebar starts from its own defaults (``config.task_defaults``) in
    every setting some task sets (the text task's learning rate); the others are kept."""
    own = task_defaults(state.SETTINGS["task"].get())
    for name in TASK_SET:
        state.SETTINGS[name].set(widget_value(BY_NAME[name], own.get(name, BY_NAME[name].default)))


def _fit_length(task, values: dict) -> int:
    """The sequence length within what the task can make, with a note where it changed."""
    seq_len = values["seq_len"]
    if seq_len < task.min_seq_len:
        st.info(t("sidebar.too_short", task=task.name, steps=task.min_seq_len))
        return task.min_seq_len
    longest = task.longest(**{k: values.get(k, getattr(DEFAULTS, k)) for k in task.options})
    if seq_len > longest:
        st.info(t("sidebar.too_long", task=task.name, steps=longest))
        return longest
    return seq_len


def bar_settings() -> None:
    """The settings of every page's control bar (``state.BAR``): each a second widget of the
    sidebar's setting, showing its value, and setting it when moved (the whole page reruns)."""
    for name, bar in state.BAR.items():
        if name in teacher.hidden():
            continue
        bar.set(state.SETTINGS[name].get())
        _widget(BY_NAME[name], key=bar.name, on_change=_from_bar, args=(name,), width=220)


def _from_bar(name: str) -> None:
    state.SETTINGS[name].set(state.BAR[name].get())


def series_in_use() -> str:
    """The price series of this session: an upload it chose (kept in the link), else the
    synthetic one (also when the server has dropped the upload since)."""
    chosen = state.SERIES.setdefault(state.SERIES.default)
    if chosen != state.SERIES.default and chosen not in series.UPLOADS:
        chosen = state.SERIES.default
        state.SERIES.set(chosen)
    return chosen
