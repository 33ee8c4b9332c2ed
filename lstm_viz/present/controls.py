"""The sidebar's run settings and the training controls, in words and in widget values.

Each run setting that has a widget is drawn in the sidebar (``SIDEBAR``); its label and help
come from the language tables, and its widget holds its value in a form of its own
(``widget_value``, ``config_value``). The training controls say where the session stands
(``counter_text``) and what changed since the run it last trained (``changes``). Pure
functions: tests call them without Streamlit, and pages draw what they return.
"""

from __future__ import annotations

from lstm_viz.core.config import LINKED, TASK_OPTIONS, RunConfig
from lstm_viz.core.kinds import KINDS
from lstm_viz.core.settings import Setting, written
from lstm_viz.core.training import RunView
from lstm_viz.i18n import has, t
from lstm_viz.present.labels import kind_label, text_color
from lstm_viz.present.task_words import words
from lstm_viz.tasks import TASKS

SIDEBAR = tuple(s for s in LINKED if s.widget)  # the settings the sidebar draws, in order
KIND_OPTIONS = {name for kind in KINDS.values() for name in kind.options}


def setting_label(setting: Setting) -> str:
    """The setting's name as its widget shows it ('Sequence length (lag)')."""
    return t(f"setting.{setting.name}")


def setting_help(setting: Setting) -> str:
    """The setting's tooltip."""
    return t(f"setting.{setting.name}.help")


def in_sentence(setting: Setting) -> str:
    """The setting's label inside a sentence: its first letter lower case, unless it starts an
    acronym ('sequence length (lag)', 'RNN gain σ_max(W_hh)', 'memory init (LSTM f, GRU z)')."""
    label = setting_label(setting)
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def widget_value(setting: Setting, value):
    """A run setting's value as its widget holds it (the seed's number input is float-typed:
    an int one crashes on ?seed=1e400; the models' multiselect holds a list)."""
    if setting.widget == "number_input":
        return float(value)
    return list(value) if setting.many else value


def config_value(setting: Setting, value):
    """A widget's value as the run setting holds it (the inverse of ``widget_value``; choices in
    the schema's order, as the run races them)."""
    if setting.widget == "number_input":
        return int(round(value))
    return tuple(o for o in setting.options if o in value) if setting.many else value


def thumb_text(setting: Setting, value) -> str:
    """A slider's value as its thumb shows it: 0 in words where 0 means something else (no
    clipping, PyTorch's initialisation, half the hidden size)."""
    return t(f"change.{setting.name}.zero") if value == 0 else written(value)


def in_use(setting: Setting, values: dict) -> bool:
    """True where the setting matters to the run ``values`` (name -> value) describe: a setting
    that some task or model kind takes matters for that task, or while a model that takes it
    races; every other setting always does. Only those are drawn."""
    if setting.name in TASK_OPTIONS:
        return setting.name in TASKS[values["task"]].options
    if setting.name in KIND_OPTIONS:
        return any(setting.name in KINDS[k].options for k in values["models"])
    return True


def changes(old: RunConfig, new: RunConfig) -> str:
    """'learning rate 0.002 → 0.01, seed 0 → 7': every linked setting that differs."""
    parts = []
    for setting in LINKED:
        a, b = getattr(old, setting.name), getattr(new, setting.name)
        if a != b:
            parts.append(f"{t(f'change.{setting.name}')} {change_value(setting, a)} → "
                         f"{change_value(setting, b)}")
    return ", ".join(parts)


def change_value(setting: Setting, value) -> str:
    """A setting's value in a change note: models by label, a 0 that means something else
    (clipping off, PyTorch's init) in words, numbers without a trailing .0."""
    if setting.many:
        return ", ".join(kind_label(k) for k in value)
    if value == 0 and has(f"change.{setting.name}.zero"):
        return t(f"change.{setting.name}.zero")
    return f"{value:g}" if isinstance(value, float) else str(value)


def counter_text(view: RunView) -> str:
    """'**step 120 / 2000** · RNN 0.50 · LSTM 1.00 (held-out accuracy)', models in colour."""
    task = view.task
    scores = []
    for kind in view.kinds:
        value = (t("counter.diverged") if kind in view.diverged
                 else words(task).format(view.held_out(kind)))
        scores.append(f'<span style="color:{text_color(kind)}"><b>{kind_label(kind)}</b> '
                      f"{value}</span>")
    return t("counter.text", step=view.steps, cap=view.config.max_steps,
             scores=" · ".join(scores), metric=words(task).metric_label)


def forget_gate_closed(config: RunConfig) -> bool:
    """True where the run's forget gate starts closed: a constant memory-gate bias of 0 or
    below (f about 0.5 or less)."""
    return config.memory_init == "constant" and config.forget_bias <= 0
