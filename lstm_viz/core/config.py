"""One frozen config object for a run: the sidebar, the link, the CLI and the tests all build it.

Each field declares its setting (``settings.Setting``): its link key is the field's name, its
CLI flag the name with dashes, and its limits, choices and widget sit beside its default.
Everything that lists the settings (the sidebar, links, validation, change notes, the CLI, the
exported script's header) reads ``SETTINGS``.

Defaults are the demo a newcomer sees first: the lag-100 latch, where the LSTM learns within a
few dozen steps and the vanilla RNN stays at chance. A changed default changes what an old link
opens unless the link's version (``link.py``) goes up with it: a test holds the two together.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import asdict, dataclass

from lstm_viz.core.kinds import KINDS, MEMORY_INITS, MODEL_KINDS, MemoryInit, projection
from lstm_viz.core.settings import Setting, setting
from lstm_viz.message import Message
from lstm_viz.tasks import MAX_SEQ_LEN, TASKS
from lstm_viz.tasks.series import SYNTHETIC, UPLOADS

OPTIMIZERS = ("adam", "sgd")
TASK_OPTIONS = tuple(dict.fromkeys(name for task in TASKS.values() for name in task.options))
LIMIT_HIDDEN = 128  # the most units a model may have
SERIES_ID = re.compile(r"synthetic|upload-[0-9a-f]{12}")


def _known_series(series: object) -> Message | None:
    """The synthetic prices, or an upload this server still holds."""
    return None if series == SYNTHETIC or series in UPLOADS else Message("link.no_upload")


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines a run. Same config, same numbers."""

    task: str = setting("latch", "the task",
                        widget="selectbox", options=tuple(TASKS))
    seq_len: int = setting(100, "time steps per sequence: the lag to bridge", widget="slider",
                           low=1, high=MAX_SEQ_LEN, aliases=("T",))
    # series task: forecast the price this many steps after the window
    horizon: int = setting(1, "series task: forecast this many steps after the window",
                           widget="slider", low=1, high=50)
    hidden_size: int = setting(32, "units per model", widget="slider", low=1, high=LIMIT_HIDDEN,
                               aliases=("hidden",), flag_aliases=("--hidden",))
    optimizer: str = setting("adam", '"adam" (Kingma & Ba 2015) or "sgd" '
                             '(plain; large rates explode)',
                             widget="selectbox", options=OPTIMIZERS, aliases=("opt",))
    lr: float = setting(2e-3, "learning rate, the same for every model (3e-3 is unstable on "
                        "the latch with Adam)", widget="select_slider", low=1e-4, high=10.0,
                        options=(1e-4, 3e-4, 1e-3, 2e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 0.5, 1.0,
                                 3.0, 10.0))
    batch_size: int = setting(32, "sequences per training step, the same batch for every model",
                              widget="select_slider", low=1, high=256,
                              options=(1, 2, 4, 8, 16, 32, 64, 128, 256), aliases=("batch",))
    # How the memory gate (LSTM forget gate f, GRU update gate z) starts: "chrono" (Tallec &
    # Ollivier 2018, per-unit time scales up to seq_len) or "constant" (forget_bias for every
    # unit). Measured on the latch at lags 10-500 (docs/science.md): chrono holds at every
    # length, a constant 5 fails from lag 300 on, and PyTorch's 0 (f ~ 0.5) fails from lag 50.
    memory_init: str = setting("chrono", "how the memory gate (the LSTM's f, the GRU's z) starts: "
                               '"chrono" (Tallec & Ollivier 2018) or "constant"',
                               widget="selectbox", options=MEMORY_INITS)
    forget_bias: float = setting(5.0, 'the "constant" init\'s bias b_ih + b_hh of f (LSTM) and '
                                 "z (GRU)", widget="slider", low=-5.0, high=10.0, step=0.5,
                                 aliases=("fbias",))
    clip: float = setting(1.0, "gradient-norm clipping threshold (Pascanu, Mikolov & Bengio "
                          "2013); 0: none", widget="slider", low=0.0, high=10.0, step=0.5)
    seed: int = setting(0, "initial weights, batches and probe batch all follow from it",
                        widget="number_input", low=0, high=2**31 - 1)
    models: tuple[str, ...] = setting(("rnn", "lstm"), "the models that race, by name",
                                      widget="multiselect", options=MODEL_KINDS)
    # LSTMP only: the width P < hidden_size of its h_t; 0: half hidden_size
    proj_size: int = setting(0, "LSTMP: the width of its projected h_t, below hidden_size "
                             "(0: half of it)", widget="slider", low=0, high=LIMIT_HIDDEN - 1)
    # RNN kinds only: W_hh rescaled at the start so that its largest singular value is this
    rnn_gain: float = setting(0.0, "the RNN kinds' largest singular value σ_max of W_hh at the "
                              "start (above 1: the gradient can explode; 0: PyTorch's init)",
                              widget="slider", low=0.0, high=4.0, step=0.1)
    max_steps: int = setting(2000, "training stops by itself here (the step cap)",
                             widget="select_slider", low=1, high=20000,
                             options=(100, 300, 600, 1000, 2000, 3000, 5000, 10000),
                             aliases=("cap",), flag_aliases=("--steps",))
    series: str = setting(SYNTHETIC, "series task: the synthetic prices, or an upload's id",
                          vet=_known_series, cli=False)
    eval_every: int = setting(25, "training steps between held-out evaluations, and at first "
                              "between probe snapshots (their interval doubles as they thin)",
                              low=1, high=100_000, linked=False)
    probe_batch_size: int = setting(8, "sequences in the fixed probe batch", low=1, high=64,
                                    linked=False)

    def __post_init__(self):
        problems = validate(self)
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def init(self) -> MemoryInit:
        """The memory init of this run's gated models (chrono's horizon: the sequence length)."""
        return MemoryInit(self.memory_init, self.forget_bias, self.seq_len)

    @property
    def projection(self) -> int:
        """The LSTMP's projection width: proj_size, or half the hidden size for 0."""
        return projection(self.hidden_size, self.proj_size)

    @property
    def task_options(self) -> dict:
        """The settings some tasks take besides seq_len (``Task.options``; make_task passes on
        the ones a task uses)."""
        return {name: getattr(self, name) for name in TASK_OPTIONS}

    def replace(self, **changes) -> "RunConfig":
        """A copy with some fields changed (validated)."""
        return RunConfig(**{**asdict(self), **changes})


def task_defaults(task: str) -> dict[str, object]:
    """The settings ``task`` starts from where they differ from RunConfig's (``Task.defaults``)."""
    return dict(TASKS[task].defaults) if task in TASKS else {}


def starting_config(task: str = RunConfig.task, **given) -> RunConfig:
    """A run of ``task`` from the task's own defaults, with the ``given`` settings on top: what
    the sidebar, a link and the CLI start a task from."""
    return RunConfig(task=task, **{**task_defaults(task), **given})


def _settings() -> tuple[Setting, ...]:
    found = []
    for f in dataclasses.fields(RunConfig):
        doc, declared = f.metadata["setting"]
        found.append(Setting(f.name, f.default, doc, **declared))
    return tuple(found)


SETTINGS: tuple[Setting, ...] = _settings()
BY_NAME = {s.name: s for s in SETTINGS}
LINKED = tuple(s for s in SETTINGS if s.linked)  # the settings a link, the CLI and notes name
# (smallest, largest) of every numeric setting
LIMITS = {s.name: (s.low, s.high) for s in SETTINGS if s.low is not None}


def validate(config: RunConfig) -> list[str]:
    """Every problem with a config, as short readable English sentences (empty when valid)."""
    problems = [p for s in SETTINGS if (p := s.problem(getattr(config, s.name)))]
    if config.task in TASKS and 1 <= config.seq_len < TASKS[config.task].min_seq_len:
        problems.append(f"{config.task} needs seq_len >= {TASKS[config.task].min_seq_len}")
    if not (isinstance(config.series, str) and SERIES_ID.fullmatch(config.series)):
        problems.append(f"series must be 'synthetic' or an upload id, got {config.series!r}")
    if not problems:
        problems += [p for kind in config.models if (p := KINDS[kind].problem(config))]
    return problems
