"""The memory horizon: how far back can each model remember?

A sweep trains each model alone, from the run's settings, at several sequence lengths and seeds,
and records its held-out metric. Each model trains on exactly the batches it would see in the
race (the batch stream depends on the seed only), and a run stops early once it is solved on
held-out data. Results are deterministic, so they are cached per cell for the whole process.

Hochreiter & Schmidhuber (1997) framed long-term memory as the lag a model can bridge; this is
that lag, measured.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import torch

from lstm_viz.core.config import LIMITS, RunConfig
from lstm_viz.core.training import (
    MAX_STEPS_PER_TICK,
    TICK_WORK_SECONDS,
    LockstepTrainer,
)

REFERENCE = Path(__file__).parents[1] / "data" / "horizon_reference.json"
CACHE_CELLS = 5000  # finished cells kept for the process (least recently used dropped first)
_CACHE: OrderedDict[RunConfig, "CellResult"] = OrderedDict()
_STEP_SECONDS: dict[RunConfig, float] = {}
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
        while trainer.steps < target and not trainer.done and not self._solved():
            trainer.step(min(target - trainer.steps, self.config.probe_every
                             - trainer.steps % self.config.probe_every))
        if trainer.done or self._solved():
            solved = self._solved()
            self.result = CellResult(trainer.evaluate()[kind], trainer.steps, solved)
            remember(self.config, self.result)
            self.trainer = None


    def _solved(self) -> bool:
        return self.trainer.view().solved_step(self.config.models[0]) is not None


def cached(config: RunConfig) -> CellResult | None:
    """A finished cell's result, if a run in this process computed it (and it is still kept)."""
    with _CACHE_LOCK:
        if config in _CACHE:
            _CACHE.move_to_end(config)
        return _CACHE.get(config)


def remember(config: RunConfig, result: CellResult) -> None:
    """Keep a finished cell's result, at most CACHE_CELLS of them."""
    with _CACHE_LOCK:
        _CACHE[config] = result
        while len(_CACHE) > CACHE_CELLS:
            _CACHE.popitem(last=False)


def run_cell(config: RunConfig) -> CellResult:
    """Train one cell to the end (solved or the step cap)."""
    run = CellRun(config)
    run.advance(config.max_steps)
    return run.result


def run_alone(config: RunConfig) -> CellResult:
    """One cell in a process of a pool or a cluster: one thread, as the app trains."""
    torch.set_num_threads(1)
    return run_cell(config)


def run_cells(configs: list[RunConfig], jobs: int = 1,
              scheduler: str | None = None) -> Iterator[tuple[int, CellResult]]:
    """Every cell trained to its end, yielded as each finishes (its index, its result): one
    after another here, in ``jobs`` local processes, or on the Dask cluster whose scheduler is
    at ``scheduler`` (``tcp://host:port``; the ``cluster`` extra). A run is a pure function of
    its settings, so every way gives the same numbers; each process trains on one thread."""
    if scheduler is None and jobs == 1:
        for index, config in enumerate(configs):
            yield index, run_alone(config)
        return
    with _executor(jobs, scheduler) as executor:
        futures = {executor.submit(run_alone, config): i for i, config in enumerate(configs)}
        for future in as_completed(futures):
            index, result = futures[future], future.result()
            remember(configs[index], result)  # kept here as if it had trained here
            yield index, result


@contextmanager
def _executor(jobs: int, scheduler: str | None):
    """A local process pool (spawned: never a fork of a threaded parent), or a Dask client's
    executor (``pure=False``: each cell is submitted once, as asked)."""
    if scheduler is None:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            yield pool
        return
    try:
        from distributed import Client
    except ImportError:
        raise ValueError("--scheduler needs Dask's distributed: pip install 'lstm-viz[cluster]'") from None
    with Client(scheduler) as client:
        yield client.get_executor(pure=False)


class Sweep:
    """Every cell of a sweep (models x lengths x seeds), advanced a bounded amount at a time."""

    def __init__(self, base: RunConfig, lengths: list[int], seeds: list[int]):
        self.base, self.lengths, self.seeds = base, sorted(set(lengths)), list(seeds)
        self.cells = [cell_config(base, kind, length, seed) for kind in base.models
                      for length in self.lengths for seed in self.seeds]
        self._current: CellRun | None = None

    @property
    def key(self) -> tuple:
        """What makes two sweeps the same: settings, lengths and number of seeds."""
        return (self.base, tuple(self.lengths), len(self.seeds))

    @property
    def finished(self) -> list[RunConfig]:
        return [c for c in self.cells if cached(c)]

    @property
    def done(self) -> bool:
        return len(self.finished) == len(self.cells)

    @property
    def progress(self) -> float:
        """Share of cells finished, counting the running one by its steps."""
        done = len(self.finished)
        if self._current and not self._current.done:
            done += self._current.steps / self._current.config.max_steps
        return done / len(self.cells)

    def advance(self, steps: int) -> RunConfig | None:
        """Train the next unfinished cell for up to ``steps`` steps; returns that cell."""
        if self._current is None or self._current.done:
            pending = [c for c in self.cells if not cached(c)]
            if not pending:
                return None
            self._current = CellRun(pending[0])
        self._current.advance(steps)
        return self._current.config

    def results(self) -> dict[str, dict[int, list[float]]]:
        """Held-out metric per model, per length, over the finished seeds."""
        table: dict = {kind: {} for kind in self.base.models}
        for config in self.finished:
            table[config.models[0]].setdefault(config.seq_len, []).append(cached(config).metric)
        return table


def step_seconds(config: RunConfig) -> float:
    """Measured seconds of one training step of a cell's model (cached per settings)."""
    key = config.replace(seed=0, max_steps=1)
    with _CACHE_LOCK:
        if key in _STEP_SECONDS:
            return _STEP_SECONDS[key]
    trainer = LockstepTrainer(config.replace(probe_every=LIMITS["probe_every"][1], max_steps=4))
    trainer.step(1)  # warm up
    start = time.perf_counter()
    trainer.step(3)
    seconds = (time.perf_counter() - start) / 3
    with _CACHE_LOCK:
        _STEP_SECONDS[key] = seconds
    return seconds


def worst_case_seconds(job: Sweep) -> float:
    """Time the unfinished cells take if none stops early (each runs to the step cap)."""
    return sum(step_seconds(c) * c.max_steps for c in job.cells if not cached(c))


def steps_per_tick(job: Sweep) -> int:
    """Steps of the next cell that fit in one live tick's work budget."""
    pending = [c for c in job.cells if not cached(c)]
    if not pending:
        return 1
    return max(1, min(MAX_STEPS_PER_TICK, int(TICK_WORK_SECONDS / step_seconds(pending[0]))))


def load_reference(path: Path = REFERENCE) -> dict | None:
    """The shipped reference sweep (the JSON of ``python -m lstm_viz sweep``, plus the command
    that made it), with lengths as integers; None if the file is missing."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    data["results"] = {kind: {int(n): values for n, values in rows.items()}
                       for kind, rows in data["results"].items()}
    return data
