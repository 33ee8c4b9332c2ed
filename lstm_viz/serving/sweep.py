"""The memory horizon: how far back can each model remember?

A sweep trains each model alone, from the run's settings, at several sequence lengths and seeds,
and records its held-out metric. Each model trains on exactly the batches it would see in the
race (the batch stream depends on the seed only), and a run stops early once it is solved on
held-out data. Results are deterministic, so they are cached per cell for the whole process.

Hochreiter & Schmidhuber (1997) framed long-term memory as the lag a model can bridge; this is
that lag, measured.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import threading
import time
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import torch

from lstm_viz.core.config import LIMITS, RunConfig
from lstm_viz.core.training import (
    LockstepTrainer,
    RunRecords,
)
from lstm_viz.serving.worker import TrainingWorker

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


def cell_result(run: RunRecords) -> CellResult | None:
    """A cell's result from its run's records: its first held-out solve, or where it stopped
    (the step cap, or divergence); None while neither has come. A cell trained here and one
    trained in the sweep worker both read it, so they agree."""
    view, kind = run.view(), run.config.models[0]
    step = None if kind in view.diverged else view.first_solved_step(kind)
    if step is not None:
        return CellResult(dict(run.evals[kind])[step], step, True)
    if view.done:
        return CellResult(view.held_out(kind), view.steps, False)
    return None


class CellRun:
    """One cell trained here, in bounded chunks that end at held-out evaluations (the command
    line's sweep; a page's sweep trains in the sweep worker, ``WorkerCell``)."""

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
        trainer, every = self.trainer, self.config.eval_every
        target = trainer.steps + steps
        while trainer.steps < target and not self._finish():
            trainer.step(min(target - trainer.steps, every - trainer.steps % every))
        self._finish()

    def cancel(self) -> None:
        """Drop the trainer (nothing trains here between calls)."""
        self.trainer = None

    def _finish(self) -> bool:
        """Take the result once there is one (and drop the trainer); True if done."""
        self.result = self.result or cell_result(self.trainer)
        if self.result:
            remember(self.config, self.result)
            self.trainer = None
        return self.done


class WorkerCell:
    """One cell trained in the sweep worker process, never in the server's: asked once to
    train to its cap; its result is read from the records as they arrive, and its run is
    dropped in the worker as soon as it is solved (or the sweep is cancelled)."""

    def __init__(self, config: RunConfig, worker: TrainingWorker):
        self.config = config
        self.result = cached(config)
        self.run = None if self.result else worker.run(config)

    @property
    def done(self) -> bool:
        return self.result is not None

    @property
    def steps(self) -> int:
        return self.result.steps if self.result else self.run.head

    def advance(self, steps: int) -> None:
        """Take what the worker has trained (``steps`` bounds a cell trained here; the worker
        trains on between looks). The goal is sent again after a worker restart."""
        if self.done:
            return
        self.run.train_to(self.config.max_steps, wait=False)
        self.result = cell_result(self.run)
        if self.result:
            remember(self.config, self.result)
            self.cancel()

    def cancel(self) -> None:
        """Drop the run in the worker (a finished cell keeps its result)."""
        if self.run is not None:
            self.run.worker.close_run(self.run.id)
            self.run = None


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
        raise ValueError("--scheduler needs Dask's distributed: "
                         "pip install 'lstm-viz[cluster]'") from None
    with Client(scheduler) as client:
        yield client.get_executor(pure=False)


class Sweep:
    """Every cell of a sweep (models x lengths x seeds), advanced a bounded amount at a time."""

    def __init__(self, base: RunConfig, lengths: list[int], seeds: list[int],
                 cell: Callable[[RunConfig], CellRun | WorkerCell] = CellRun):
        self.base, self.lengths, self.seeds = base, sorted(set(lengths)), list(seeds)
        self.cells = [cell_config(base, kind, length, seed) for kind in base.models
                      for length in self.lengths for seed in self.seeds]
        self._cell = cell  # how a cell trains: here (CellRun) or in the sweep worker
        self._current: CellRun | WorkerCell | None = None

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

    def advance(self, steps: int = 0) -> RunConfig | None:
        """Move the next unfinished cell on, returning it: a cell trained here takes up to
        ``steps`` steps; a worker cell takes what the worker has trained (a page passes none)."""
        if self._current is None or self._current.done:
            pending = [c for c in self.cells if not cached(c)]
            if not pending:
                return None
            self._current = self._cell(pending[0])
        self._current.advance(steps)
        return self._current.config

    def cancel(self) -> None:
        """Stop the running cell where it is trained elsewhere (a new run starts it again)."""
        if self._current is not None:
            self._current.cancel()
        self._current = None

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
    trainer = LockstepTrainer(config.replace(eval_every=LIMITS["eval_every"][1], max_steps=4))
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


@functools.lru_cache(maxsize=4)
def load_reference(path: Path = REFERENCE) -> dict | None:
    """The shipped reference sweep (the JSON of ``python -m lstm_viz sweep``, plus the command
    that made it), with lengths as integers; None if the file is missing. Read once per
    process (the race reads it on every tick): callers must not change it."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    data["results"] = {kind: {int(n): values for n, values in rows.items()}
                       for kind, rows in data["results"].items()}
    return data


# The pages' sweeps: a process of their own that trains only on CPU time no class wants.
SWEEP_WORKER = TrainingWorker(nice=10, idle=True)


def worker_cell(config: RunConfig) -> WorkerCell:
    """A page's sweep cell, trained in SWEEP_WORKER."""
    return WorkerCell(config, SWEEP_WORKER)
