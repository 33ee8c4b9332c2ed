"""Links that last: a scene as a query string, read the same way for good.

A link names each setting by its name (``seq_len=40``) and the models by their ids
(``models=lstm&models=gru``), and carries the version of this spec (``v=2``). It writes only the
settings that differ from its version's defaults, so every version keeps its own table of
defaults (``DEFAULTS``): when a default changes, ``VERSION`` goes up with a new table, and a link
made before opens the run it was made for. A test holds ``DEFAULTS[VERSION]`` to RunConfig's
defaults, so a default cannot change without the version.

- v1: the links before the settings schema: no ``v``, older keys (``T``, ``cap``, ``fbias``,
  ``hidden``, ``batch``, ``opt``; ``Setting.aliases``) and models by the labels the app showed
  (``V1_LABELS``). They stay readable for good, as do their keys and labels in a newer link.
- v2: keys are the settings' names, models their ids.
- v3: each task starts from its own measured defaults (``TASK_DEFAULTS``: the text task's
  learning rate 0.01). A v2 link to the text task keeps its 0.002.

To change a default: add a table ``DEFAULTS[VERSION + 1]`` with the new value and raise
``VERSION``. A setting added after a version is not in its table: older links open with the
setting's default, which should keep the behaviour from before it existed.

``read`` gives every value a link sets and a ``Message`` for each thing it could not use (the
page says them in the reader's language); ``write`` is its inverse. Page controls that are not
run settings (the language, the story's scene, ...) are ``Setting``s of the pages, passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from lstm_viz.core.config import LINKED, RunConfig
from lstm_viz.core.settings import Setting, written
from lstm_viz.message import Message, Problem

VERSION = 3
_V1 = {"task": "latch", "seq_len": 100, "horizon": 1, "hidden_size": 32, "optimizer": "adam",
       "lr": 0.002, "batch_size": 32, "memory_init": "chrono", "forget_bias": 5.0, "clip": 1.0,
       "seed": 0, "models": ("rnn", "lstm"), "proj_size": 0, "max_steps": 2000,
       "series": "synthetic"}
DEFAULTS: dict[int, dict[str, object]] = {1: _V1, 2: _V1, 3: _V1}  # v2 renamed keys
# What a task changes in its version's defaults (v3: tasks.Task.defaults, measured)
TASK_DEFAULTS: dict[int, dict[str, dict[str, object]]] = {1: {}, 2: {}, 3: {"text": {"lr": 0.01}}}
V1_LABELS = {"RNN": "rnn", "LSTM": "lstm", "GRU": "gru", "LSTM 1997": "lstm-cec",
             "LSTM (c cut)": "lstm-cut", "LSTM (i = 1)": "lstm-i1", "LSTM (o = 1)": "lstm-o1",
             "RNN (orthogonal)": "rnn-orth", "IRNN": "irnn", "LSTMP": "lstmp"}
IGNORED = {"embed", "embed_options"}  # Streamlit's own parameters
MAX_SHOWN = 24  # characters of a link's value that a note repeats


@dataclass
class Reading:
    """What a link gives: its version, the value of every setting it sets validly
    (``given``), every run setting's value (the link's, else its version's default), and the
    notes on what it could not use."""

    version: int
    given: dict[str, object] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)
    # keys the link holds that are not how this version writes them (older names, bad values)
    stale: set[str] = field(default_factory=set)


def default(name: str, version: int | None = None, task: str | None = None):
    """The default of a run setting under a version of the link (None: the current one; a
    setting newer than the version: its first default), for ``task`` where the version gives
    that task its own (``TASK_DEFAULTS``)."""
    own = TASK_DEFAULTS[version or VERSION].get(task, {})
    if name in own:
        return own[name]
    for v in range(version or VERSION, VERSION + 1):
        if name in DEFAULTS[v]:
            return DEFAULTS[v][name]
    return getattr(RunConfig(), name)


def read(params: dict[str, list[str]], pages: tuple[Setting, ...] = ()) -> Reading:
    """Read a link's parameters (key -> every value given for it)."""
    by_key = {s.name: s for s in LINKED + pages}
    by_key.update({alias: s for s in LINKED for alias in s.aliases})
    reading = Reading(_version(params))
    if "v" in params and str(reading.version) != params["v"][-1]:
        reading.notes.append(_ignored("v", params["v"], Message("link.not_one_of", {
            "options": ", ".join(map(str, DEFAULTS))}), str(VERSION)))
        reading.stale.add("v")
    for key, raw in params.items():
        if key in IGNORED or key == "v":
            continue
        setting = by_key.get(key)
        if setting is None:
            reading.notes.append(Message("link.unknown", {"key": key[:MAX_SHOWN]}))
            reading.stale.add(key)
            continue
        if key != setting.name:
            reading.stale.add(key)
            if setting.name in params:  # the setting's own name wins over an older key
                continue
        value = _value(setting, key, raw, reading)
        if value is not None:
            reading.given[setting.name] = value
        else:
            reading.stale.add(key)
    task = reading.given.get("task", default("task", reading.version))
    reading.values = {s.name: reading.given.get(s.name, default(s.name, reading.version, task))
                      for s in LINKED}
    return reading


def _version(params: dict[str, list[str]]) -> int:
    """The link's version: its ``v``; a link without one that sets anything is v1, and the plain
    address (or one with page controls only) opens the current defaults."""
    if "v" in params:
        text = params["v"][-1]
        return int(text) if text.isdigit() and int(text) in DEFAULTS else VERSION
    settings = {k for s in LINKED for k in (s.name, *s.aliases)}
    return 1 if settings & set(params) else VERSION


def _value(setting: Setting, key: str, raw: list[str], reading: Reading):
    """The setting's value from the link's ``key`` (None, with a note naming the key as the
    link wrote it, where it cannot be used)."""
    shown = _default_words(setting, reading.version)
    if setting.many:
        raw = [V1_LABELS.get(_label(r), r) for r in raw]
        if not any(raw):
            reading.notes.append(Message("link.none_selected", {"key": key,
                                                                "default": shown}))
            return None
    try:
        value = setting.parse(raw)
    except Problem as reason:
        reading.notes.append(_ignored(key, raw, reason.message, shown))
        return None
    if setting.snapped(raw[-1]):
        reading.notes.append(Message("link.nearest", {"key": key, "value": raw[-1][:MAX_SHOWN],
                                                      "used": written(value)}))
    if setting.many and (dropped := setting.dropped(raw)):
        reading.notes.append(Message("link.dropped", {
            "items": ", ".join(d[:MAX_SHOWN] for d in dropped), "key": key,
            "options": ", ".join(setting.options)}))
        reading.stale.add(key)
    return value


def _label(text: str) -> str:
    """A v1 label as written in any case ('lstm (c cut)' -> 'LSTM (c cut)')."""
    return next((label for label in V1_LABELS if label.lower() == text.lower()), text)


def _ignored(key: str, raw: list[str], reason: Message, shown: str) -> Message:
    return Message("link.ignored", {"key": key, "value": ", ".join(raw)[:MAX_SHOWN],
                                    "reason": reason, "default": shown})


def _default_words(setting: Setting, version: int) -> str:
    value = default(setting.name, version) if setting in LINKED else setting.default
    return ", ".join(setting.write(value))


def write(values: dict[str, object], pages: tuple[Setting, ...] = ()) -> str:
    """The query string of a scene: the version, then every run setting (and page control)
    that differs from its default, in the schema's order; spaces and other characters a chat
    might cut are %-escaped."""
    parts = [f"v={VERSION}"]
    for setting in LINKED + pages:
        value = values.get(setting.name)
        base = default(setting.name, task=values.get("task")) if setting in LINKED \
            else setting.default
        if value is None or value == base:
            continue
        safe = "," if setting.comma else ""  # a comma list stays readable (hide=seq_len,lr)
        parts += [f"{setting.name}={quote(item, safe=safe)}" for item in setting.write(value)]
    return "&".join(parts)


def config_of(reading: Reading, **changes) -> RunConfig:
    """The run a link opens (settings the link does not give: its version's defaults)."""
    return RunConfig(**{**reading.values, **changes})
