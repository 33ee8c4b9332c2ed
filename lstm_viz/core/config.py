"""One frozen config object for a run: the sidebar, the URL, the CLI and the tests all build it.

Defaults are the demo a newcomer sees first: the lag-100 latch, where the LSTM learns within a
few dozen steps and the vanilla RNN stays at chance.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from lstm_viz.core.models import MEMORY_INITS, MODEL_KINDS, MemoryInit, projection
from lstm_viz.tasks import MAX_SEQ_LEN, TASKS

OPTIMIZERS = ("adam", "sgd")
LIMIT_HIDDEN = 128  # the most units a model may have
# (minimum, maximum) of every numeric setting; the sidebar's sliders use the same ranges.
LIMITS = {
    "seq_len": (1, MAX_SEQ_LEN),
    "hidden_size": (1, LIMIT_HIDDEN),
    "lr": (1e-4, 10.0),
    "batch_size": (1, 256),
    "forget_bias": (-5.0, 10.0),
    "clip": (0.0, 10.0),
    "seed": (0, 2**31 - 1),
    "max_steps": (1, 20000),
    "probe_every": (1, 100_000),
    "probe_batch_size": (1, 64),
    "horizon": (1, 50),
    "proj_size": (0, LIMIT_HIDDEN - 1),
}
SERIES_ID = re.compile(r"synthetic|upload-[0-9a-f]{12}")


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines a run. Same config, same numbers."""

    task: str = "latch"  # latch, adding, order, text or series (tasks.py, text.py, series.py)
    seq_len: int = 100  # time steps per sequence: the lag to bridge
    hidden_size: int = 32  # units per model
    optimizer: str = "adam"  # adam (Kingma & Ba 2015) or sgd (plain; large rates explode)
    lr: float = 2e-3  # Adam learning rate, shared by all models (3e-3 is unstable on the latch)
    batch_size: int = 32  # sequences per training step, the same batch for every model
    # How the memory gate (LSTM forget gate f, GRU update gate z) starts: "chrono" (Tallec &
    # Ollivier 2018, per-unit time scales up to seq_len) or "constant" (forget_bias for every
    # unit). Measured on the latch at lags 10-500 (see README): chrono holds at every length,
    # a constant 5 fails from lag 300 on, and PyTorch's 0 (f ~ 0.5) fails from lag 50.
    memory_init: str = "chrono"
    # Constant init only: the effective bias b_ih + b_hh of the LSTM's f and the GRU's z.
    forget_bias: float = 5.0
    clip: float = 1.0  # gradient-norm clipping threshold; 0 turns clipping off
    seed: int = 0  # initial weights, batches and probe batch all follow from it
    models: tuple[str, ...] = ("rnn", "lstm")  # names from models.KINDS
    max_steps: int = 2000  # training stops by itself here (the app's step cap)
    probe_every: int = 25  # training steps between probe snapshots
    probe_batch_size: int = 8  # sequences in the fixed probe batch
    horizon: int = 1  # series task: forecast the price this many steps after the window
    proj_size: int = 0  # LSTMP only: the width P < hidden_size of its h_t; 0: half hidden_size
    series: str = "synthetic"  # series task: the synthetic prices, or an upload's id

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
        """The settings some tasks take besides seq_len (make_task passes on the ones used)."""
        return {"horizon": self.horizon, "series": self.series}

    def replace(self, **changes) -> "RunConfig":
        """A copy with some fields changed (validated)."""
        return RunConfig(**{**asdict(self), **changes})


def validate(config: RunConfig) -> list[str]:
    """Every problem with a config, as short readable sentences (empty when valid)."""
    problems = []
    if config.task not in TASKS:
        problems.append(f"unknown task {config.task!r}; choose one of {', '.join(TASKS)}")
    elif LIMITS["seq_len"][0] <= config.seq_len < TASKS[config.task].min_seq_len:
        problems.append(f"{config.task} needs seq_len >= {TASKS[config.task].min_seq_len}")
    for name, (low, high) in LIMITS.items():
        value = getattr(config, name)
        if not (isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high):
            problems.append(f"{name} must be between {low:g} and {high:g}, got {value!r}")
    if config.optimizer not in OPTIMIZERS:
        problems.append(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {config.optimizer!r}")
    if config.memory_init not in MEMORY_INITS:
        problems.append(f"memory_init must be one of {', '.join(MEMORY_INITS)}, got {config.memory_init!r}")
    if not (isinstance(config.series, str) and SERIES_ID.fullmatch(config.series)):
        problems.append(f"series must be 'synthetic' or an upload id, got {config.series!r}")
    if "lstmp" in config.models and not 1 <= config.projection < config.hidden_size:
        problems.append(f"lstmp needs hidden_size 2 or more and proj_size below it, got "
                        f"proj_size {config.proj_size!r} with hidden_size {config.hidden_size!r}")
    unknown = [m for m in config.models if m not in MODEL_KINDS]
    if unknown or not config.models or len(set(config.models)) != len(config.models):
        problems.append(f"models must be distinct names from {', '.join(MODEL_KINDS)}")
    return problems

