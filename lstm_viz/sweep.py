"""The memory horizon: how far back can each model remember?

A sweep trains each model alone, from the run's settings, at several sequence lengths and seeds,
and records its held-out metric. Each model trains on exactly the batches it would see in the
race (the batch stream depends on the seed only), and a run stops early once it is solved on
held-out data. Results are deterministic, so they are cached per cell for the whole process.

Hochreiter & Schmidhuber (1997) framed long-term memory as the lag a model can bridge; this is
that lag, measured.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from .config import RunConfig
from .training import LockstepTrainer

_CACHE: dict[RunConfig, "CellResult"] = {}
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class CellResult:
    """One model, one length, one seed: its held-out metric and the step training stopped."""

    metric: float
    steps: int
    solved: bool


def cell_config(base: RunConfig, kind: str, seq_len: int, seed: int) -> RunConfig:
    """The run of one sweep cell: the base settings, one model, this length and seed."""
    return base.replace(models=(kind,), seq_len=seq_len, seed=seed)


class CellRun:
    """One cell, trained in bounded chunks (so a page can show progress and cancel)."""

    def __init__(self, config: RunConfig):
        self.config = config
        self.result = cached(config)
        self.trainer = None if self.result else LockstepTrainer(config)

    @property
    def done(self) -> bool:
        return self.result is not None

    @property
    def steps(self) -> int:
        return self.result.steps if self.result else self.trainer.steps

    def advance(self, steps: int) -> None:
        """Train up to ``steps`` more steps, stopping at the first held-out solve or the cap."""
        if self.done:
            return
        trainer, kind = self.trainer, self.config.models[0]
        target = trainer.steps + steps
        while trainer.steps < target and not trainer.done and trainer.solved_step(kind) is None:
            trainer.step(min(target - trainer.steps, self.config.probe_every
                             - trainer.steps % self.config.probe_every))
        if trainer.done or trainer.solved_step(kind) is not None:
            metric = trainer.evaluate()[kind]
            self.result = CellResult(metric, trainer.steps, trainer.solved_step(kind) is not None)
            with _CACHE_LOCK:
                _CACHE[self.config] = self.result
            self.trainer = None


def cached(config: RunConfig) -> CellResult | None:
    """A finished cell's result, if any run in this process computed it."""
    with _CACHE_LOCK:
        return _CACHE.get(config)


def run_cell(config: RunConfig) -> CellResult:
    """Train one cell to the end (solved or the step cap)."""
    run = CellRun(config)
    run.advance(config.max_steps)
    return run.result
