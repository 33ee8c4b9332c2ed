"""The lockstep trainer: 1-3 models trained on identical batches, step by step.

Like minGPT's trainer it knows nothing of the UI: a page, the CLI and the benchmark all drive it
through ``step(n)`` and read ``history``, ``evals``, ``snapshots`` and ``diverged``.

- ``history``: per-step training-batch records, every step up to the largest step cap.
- ``evals``: the metric on one fixed held-out batch, every ``config.eval_every`` steps and at the
  end (``eval_losses``: the loss there too; ``forecasts``: a regression's predictions there).
  "Solved" is judged on these, never on training batches, and is withdrawn when the held-out
  metric falls back.
- ``snapshots``: probes of every model, every ``snapshot_every`` steps (at first
  ``config.eval_every``) and at the end; thinned (every other one dropped, ``snapshot_every``
  doubled) beyond ``MAX_SNAPSHOTS``, so a long run keeps snapshots that span all of it.

``Records`` declares every record once, with how it starts and how it reaches the server's
mirror of a run trained in the worker process.

The trainer is thread-safe: ``step``, ``reset`` and ``take_snapshot`` hold ``trainer.lock`` (a
re-entrant lock), and a caller that reads history and snapshots while another thread may train
holds it too. Streamlit can start a new script run of a session while the previous one is still
inside torch code; two threads updating one model at once corrupt memory.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields

import numpy as np
import torch

from lstm_viz.core.config import LIMITS, RunConfig
from lstm_viz.core.models import build_model
from lstm_viz.core.probes import ModelProbe, probe
from lstm_viz.tasks import Task, make_task

# A live tick (the app's fragment, the benchmark): the browser asks for one every TICK_SECONDS;
# each trains for about TICK_WORK_SECONDS, at most MAX_STEPS_PER_TICK steps, then draws.
TICK_SECONDS = 0.8
TICK_WORK_SECONDS = 0.35
MAX_STEPS_PER_TICK = 50
HISTORY_LEN = LIMITS["max_steps"][1]  # every step of the longest run a user can ask for
MAX_SNAPSHOTS = 40
_PROBE_SEED_OFFSET = 1_000_003
_EVAL_SEED_OFFSET = 2_000_003


def make_optimizer(config: RunConfig, model: torch.nn.Module) -> torch.optim.Optimizer:
    """Adam (Kingma & Ba 2015) or plain SGD at the config's learning rate."""
    optimizer = torch.optim.Adam if config.optimizer == "adam" else torch.optim.SGD
    return optimizer(model.parameters(), lr=config.lr)


def clip_gradients(config: RunConfig, model: torch.nn.Module) -> torch.Tensor:
    """Rescale the gradient to norm <= config.clip (0: no clipping); returns the norm before."""
    max_norm = config.clip if config.clip > 0 else math.inf
    return torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)


class History:
    """Per-step training records of one model: numpy columns, the oldest dropped beyond
    ``maxlen`` rows (HISTORY_LEN holds every step of the longest run a user can ask for)."""

    COLUMNS = ("step", "loss", "metric", "grad_norm")

    def __init__(self, maxlen: int):
        self._maxlen = maxlen
        self._table = np.empty((min(maxlen, 1024), len(self.COLUMNS)))
        self._n = 0

    def append(self, step: int, loss: float, metric: float, grad_norm: float) -> None:
        if self._n == len(self._table):
            if self._n == self._maxlen:
                self._table[:-1] = self._table[1:]
                self._n -= 1
            else:
                bigger = np.empty((min(2 * self._n, self._maxlen), len(self.COLUMNS)))
                bigger[: self._n] = self._table[: self._n]
                self._table = bigger
        self._table[self._n] = (step, loss, metric, grad_norm)
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def arrays(self, upto: float = math.inf) -> dict[str, np.ndarray]:
        """Column name -> numpy array of the rows up to step ``upto`` (empty before any)."""
        table = self._table[: self._n]
        table = table[: np.searchsorted(table[:, 0], upto, side="right")]
        return {name: table[:, i] for i, name in enumerate(self.COLUMNS)}

    def rows_after(self, step: int) -> np.ndarray:
        """The rows of steps after ``step``, as one (n, 4) array (a copy)."""
        table = self._table[: self._n]
        return table[np.searchsorted(table[:, 0], step, side="right"):].copy()

    def extend(self, rows: np.ndarray) -> None:
        for row in rows:
            self.append(*row)


@dataclass
class Snapshot:
    """Probes of every live model at one training step (diverged models are left out)."""

    step: int
    probes: dict[str, ModelProbe]


# -- a run's records: each declared once, with how it starts and how it reaches a mirror ----------
@dataclass(frozen=True)
class Crossing:
    """How one record reaches the server's mirror of a run trained in the worker process
    (``serving/``): the worker sends ``after(value, step)``, what a mirror complete up to
    ``step`` lacks; the mirror keeps ``take(mine, sent, known, head)``, given the step it was
    complete up to and the head the worker sent (a new worker may still be catching up)."""

    after: Callable
    take: Callable


def _add_rows(mine: dict, sent: dict, known: int, head: int) -> dict:
    """Each model's rows by step: the mirror appends those after its own."""
    for kind, rows in sent.items():
        mine[kind].extend(r for r in rows if r[0] > known)
    return mine


def _snapshots_after(snapshots: list, step: int) -> list:
    """The snapshots after ``step``, and the steps of those kept before it (without their
    probes: the mirror has them, and drops the ones the trainer thinned out)."""
    return [s if s.step > step else Snapshot(s.step, {}) for s in snapshots]


def _take_snapshots(mine: list, sent: list, known: int, head: int) -> list:
    kept = {s.step for s in sent}
    return ([s for s in mine if s.step in kept or s.step > head]
            + [s for s in sent if s.step > known])


HISTORY_ROWS = Crossing(lambda table, step: {k: h.rows_after(step) for k, h in table.items()},
                        _add_rows)
ROWS = Crossing(lambda table, step: {k: [r for r in v if r[0] > step] for k, v in table.items()},
                _add_rows)
SNAPSHOTS = Crossing(_snapshots_after, _take_snapshots)
LATEST = Crossing(lambda value, step: copy.copy(value), lambda mine, sent, known, head: sent)
# what the mirror knows stays (a new worker catching up has not diverged again yet)
ADDED = Crossing(lambda value, step: dict(value), lambda mine, sent, known, head: {**sent, **mine})
FURTHEST = Crossing(lambda value, step: value, lambda mine, sent, known, head: max(known, sent))


def _per_model(make: Callable) -> Callable:
    """A record's start: ``make()`` for each model of the run."""
    return lambda kinds, snapshot_every: {k: make() for k in kinds}


def _once(make: Callable) -> Callable:
    """A record's start: one ``make()`` for the run."""
    return lambda kinds, snapshot_every: make()


def _record(start: Callable, crossing: Crossing):
    """A field of ``Records``: ``start(kinds, snapshot_every)`` is its value at step 0."""
    return field(metadata={"start": start, "crossing": crossing})


@dataclass(eq=False, repr=False)
class Records:
    """A run's records, every one declared here alone. A trainer and the server's mirror of a
    run are Records (``RunRecords``); so is what the worker sends the mirror (``after``: only
    the steps it lacks), which the mirror ``take``s field by field in this order."""

    history: dict[str, History] = _record(_per_model(lambda: History(HISTORY_LEN)), HISTORY_ROWS)
    evals: dict[str, list[tuple[int, float]]] = _record(_per_model(list), ROWS)
    eval_losses: dict[str, list[tuple[int, float]]] = _record(_per_model(list), ROWS)
    forecasts: dict[str, list[tuple[int, np.ndarray]]] = _record(_per_model(list), ROWS)
    snapshots: list[Snapshot] = _record(_once(list), SNAPSHOTS)
    snapshot_every: int = _record(lambda kinds, snapshot_every: snapshot_every, LATEST)
    trained_steps: dict[str, int] = _record(_per_model(int), LATEST)
    train_seconds: dict[str, float] = _record(_per_model(float), LATEST)
    diverged: dict[str, int] = _record(_once(dict), ADDED)  # model: the step it diverged at
    steps: int = _record(_once(int), FURTHEST)  # the step the models stand at
    # the last step whose records are complete, what readers may see: taken last, so that a
    # reader never sees a step whose records are incomplete
    head: int = _record(_once(int), FURTHEST)

    @classmethod
    def started(cls, kinds: tuple[str, ...], snapshot_every: int) -> Records:
        """The records of a run at step 0, before anything is recorded."""
        return cls(**{f.name: f.metadata["start"](kinds, snapshot_every) for f in fields(cls)})

    def after(self, step: int) -> Records:
        """What a mirror complete up to ``step`` lacks (what the worker sends it)."""
        return Records(**{f.name: f.metadata["crossing"].after(getattr(self, f.name), step)
                          for f in fields(Records)})

    def take(self, sent: Records, known: int) -> None:
        """Add what the worker sent to these records (a mirror's, complete up to ``known``)."""
        for f in fields(Records):
            mine, theirs = getattr(self, f.name), getattr(sent, f.name)
            setattr(self, f.name, f.metadata["crossing"].take(mine, theirs, known, sent.head))


class _Progress:
    """Where a run stands, for the trainer and for a reader's view alike: both have steps,
    config, kinds (the ids of the run's models) and diverged."""

    @property
    def done(self) -> bool:
        """True at the step cap, or when every model has diverged."""
        return self.steps >= self.config.max_steps or len(self.diverged) == len(self.kinds)

    @property
    def live_kinds(self) -> list[str]:
        return [k for k in self.kinds if k not in self.diverged]


class RunRecords(Records, _Progress):
    """A run's data and records, as sessions read them, wherever it trains: here
    (``LockstepTrainer``) or in the training worker process (``worker.RemoteTrainer``, which
    mirrors the records the worker sends). Readers take no lock: every record up to ``head`` is
    complete and never changes again (records are only appended after it)."""

    # The training time one tick's interval gives a run: here, a share of the tick's own time
    # (the session's thread trains, then draws); the worker trains through the whole interval.
    tick_training_seconds = TICK_WORK_SECONDS

    def __init__(self, config: RunConfig, task: Task | None = None):
        self.config = config
        self.kinds = config.models
        self.lock = threading.RLock()
        self.task = task or make_task(config.task, config.seq_len, **config.task_options)
        probe_gen = torch.Generator().manual_seed(config.seed + _PROBE_SEED_OFFSET)
        self.probe_batch = self.task.probe_sample(config.probe_batch_size, probe_gen)
        eval_gen = torch.Generator().manual_seed(config.seed + _EVAL_SEED_OFFSET)
        self.eval_batch = self.task.held_out_sample(self.task.eval_batch_size, eval_gen)

    def _clear_records(self) -> None:
        """Back to the records of step 0."""
        started = Records.started(self.kinds, self.config.eval_every)
        for f in fields(Records):
            setattr(self, f.name, getattr(started, f.name))

    def ms_per_step(self, kind: str) -> float:
        """Mean wall-clock milliseconds of one training step of one model (nan before any)."""
        steps = self.trained_steps[kind]
        return 1000 * self.train_seconds[kind] / steps if steps else float("nan")

    def steps_within(self, seconds: float = TICK_WORK_SECONDS,
                     most: int = MAX_STEPS_PER_TICK) -> int:
        """Training steps that fit in ``seconds``, from the measured cost of one step (1..most).

        A live tick uses this so its work stays bounded whatever the settings.
        """
        per_step = self.seconds_per_step()
        if not math.isfinite(per_step) or per_step <= 0:
            return 1  # nothing measured yet: one step, whatever the settings cost
        return max(1, min(most, int(seconds / per_step)))

    def seconds_per_step(self) -> float:
        """Measured wall-clock seconds of one lockstep step of every live model (nan before any)."""
        return sum(self.ms_per_step(k) for k in self.live_kinds) / 1000

    def await_head(self, step: int, seconds: float) -> None:
        """Wait at most ``seconds`` until the head reaches ``step``: nothing to wait for here
        (a trainer in this process records as it trains); the worker's mirror waits."""

    def view(self, step: int | None = None, cap: int | None = None,
             own_snapshots: tuple = ()) -> "RunView":
        """What a reader sees: the run up to ``step`` (default: now) under a step cap."""
        return RunView(self, self.head if step is None else min(step, self.head),
                       self.config.max_steps if cap is None else cap, own_snapshots)


class LockstepTrainer(RunRecords):
    """Trains ``config.models`` side by side on one seeded stream of batches. ``task``: the
    run's task if it is built already (the worker gets the server's, uploaded prices and all)."""

    def __init__(self, config: RunConfig, task: Task | None = None):
        super().__init__(config, task)
        self.models = {
            kind: build_model(kind, self.task.input_size, config.hidden_size,
                              self.task.output_size, config.seed, config.init,
                              self.task.every_step, config.projection, config.rnn_gain)
            for kind in config.models
        }
        self._initial_weights = {k: copy.deepcopy(m.state_dict()) for k, m in self.models.items()}
        self.reset()

    def reset(self) -> None:
        """Back to step 0 with the same initial weights and the same stream of batches."""
        with self.lock:
            self._reset()

    def _reset(self) -> None:
        for kind, model in self.models.items():
            model.load_state_dict(self._initial_weights[kind])
        self.optimizers = {k: make_optimizer(self.config, m) for k, m in self.models.items()}
        self.generator = torch.Generator().manual_seed(self.config.seed)
        self._clear_records()
        self._evaluate_held_out()
        self.take_snapshot()

    def train_to(self, goal: int, wait: bool = True) -> bool:
        """Train up to step ``goal`` (within the step cap). With ``wait=False`` nothing happens
        while another thread is training this run. Returns True if this call trained."""
        goal = min(goal, self.config.max_steps)
        if goal <= self.head or self.done or not self.lock.acquire(blocking=wait):
            return False
        try:
            return self._step(goal - self.steps) > 0
        finally:
            self.lock.release()

    def answer(self, question, *args, timeout: float | None = None):
        """``question(self, *args)`` while no one trains (it may read the models' weights).
        The worker's ``RemoteTrainer`` asks the same question of the models over there, within
        ``timeout`` seconds (here the answer waits only for a step in progress)."""
        with self.lock:
            return question(self, *args)

    def step(self, n: int = 1) -> int:
        """Advance every live model by up to n steps on shared batches; returns steps taken."""
        with self.lock:
            return self._step(n)

    def _step(self, n: int) -> int:
        taken = 0
        while taken < n and not self.done:
            batch = self.task.sample(self.config.batch_size, self.generator)
            self.steps += 1
            for kind in self.live_kinds:
                self._train_step(kind, batch)
            if self.steps % self.config.eval_every == 0 or self.done:
                self._evaluate_held_out()
            if self.steps % self.snapshot_every == 0 or self.done:
                self.take_snapshot()
            self.head = self.steps  # every record of this step is complete
            taken += 1
        return taken

    def _train_step(self, kind: str, batch) -> None:
        start = time.perf_counter()
        model, optimizer = self.models[kind], self.optimizers[kind]
        optimizer.zero_grad(set_to_none=True)
        pred = model(batch.x)
        loss = self.task.loss(pred, batch.y)
        if not torch.isfinite(loss):
            self.diverged[kind] = self.steps
            return
        loss.backward()
        grad_norm = clip_gradients(self.config, model).item()
        if not math.isfinite(grad_norm):
            self.diverged[kind] = self.steps
            return
        optimizer.step()
        metric = self.task.metric(pred.detach(), batch.y)
        self.history[kind].append(self.steps, loss.item(), metric, grad_norm)
        self.trained_steps[kind] += 1
        self.train_seconds[kind] += time.perf_counter() - start

    @torch.no_grad()
    def _evaluate_held_out(self) -> None:
        """Every live model's metric on the fixed held-out batch, recorded at this step."""
        for kind in self.live_kinds:
            pred = self.models[kind](self.eval_batch.x)
            metric = self.task.metric(pred, self.eval_batch.y)
            if not math.isfinite(metric):
                self.diverged[kind] = self.steps
                continue
            if not self.evals[kind] or self.evals[kind][-1][0] != self.steps:
                self.eval_losses[kind].append(
                    (self.steps, self.task.eval_loss(pred, self.eval_batch.y)))
                if not self.task.class_names:  # a regression: keep the forecasts to draw
                    self.forecasts[kind].append((self.steps, pred[:, 0].numpy().copy()))
                self.evals[kind].append((self.steps, metric))

    def take_snapshot(self) -> Snapshot:
        """Probe every live model on the fixed probe batch and keep the result (bounded)."""
        with self.lock:
            return self._take_snapshot()

    def _take_snapshot(self) -> Snapshot:
        if self.snapshots and self.snapshots[-1].step == self.steps:
            return self.snapshots[-1]
        for kind in self.live_kinds:  # an update can leave NaN weights behind a finite loss
            if not all(torch.isfinite(p).all() for p in self.models[kind].parameters()):
                self.diverged[kind] = self.steps
        probes = {k: probe(self.models[k], self.task, self.probe_batch) for k in self.live_kinds}
        snapshot = Snapshot(self.steps, probes)
        self.snapshots.append(snapshot)
        if len(self.snapshots) > MAX_SNAPSHOTS:
            self.snapshots = self.snapshots[:1] + self.snapshots[2::2]
            self.snapshot_every *= 2
        return snapshot

    @torch.no_grad()
    def evaluate(self) -> dict[str, float]:
        """Metric of every model on the fixed held-out batch now (nan for a diverged model)."""
        with self.lock:
            self._evaluate_held_out()
            return {k: self.view().held_out(k) for k in self.kinds}

    def probe_now(self) -> Snapshot:
        """Probes of every live model with finite weights at the current step, not kept (a
        session's own look at a step between the scheduled snapshots)."""
        with self.lock:
            kinds = [k for k in self.live_kinds
                     if all(torch.isfinite(p).all() for p in self.models[k].parameters())]
            return Snapshot(self.steps, {k: probe(self.models[k], self.task, self.probe_batch)
                                         for k in kinds})


def probe_at(trainer: LockstepTrainer, step: int, last: int | None = None) -> Snapshot | None:
    """The trainer's ``probe_now()`` if it stands at ``step`` (or anywhere from ``step`` to
    ``last``), else None (its weights have moved on; only the scheduled snapshots keep earlier
    steps). A question for ``trainer.answer``."""
    return trainer.probe_now() if step <= trainer.steps <= max(step, last or step) else None


class RunView(_Progress):
    """A run as one reader sees it: everything recorded up to ``steps``, under its own step cap,
    plus any probes it took itself. Pages, the verdict and the CLI read runs only through this,
    so sessions sharing one trainer (sessions.py) each see their own moment of it.
    Build it with ``trainer.view()``.
    """

    def __init__(self, trainer: RunRecords, step: int, cap: int, own_snapshots: tuple):
        self.trainer, self.steps = trainer, step
        self.task, self.kinds = trainer.task, trainer.config.models
        self.config = trainer.config.replace(max_steps=cap)
        self.probe_batch, self.eval_batch = trainer.probe_batch, trainer.eval_batch
        self.diverged = {k: s for k, s in dict(trainer.diverged).items() if s <= step}
        self.evals = {k: [e for e in rows if e[0] <= step] for k, rows in trainer.evals.items()}
        self.eval_losses = {k: [e for e in rows if e[0] <= step]
                            for k, rows in trainer.eval_losses.items()}
        self.history = {k: h.arrays(step) for k, h in trainer.history.items()}
        by_step = {s.step: s for s in trainer.snapshots if s.step <= step}
        by_step.update({s.step: s for s in own_snapshots if s.step <= step})
        self.snapshots = [by_step[k] for k in sorted(by_step)]

    def seconds_per_step(self) -> float:
        return self.trainer.seconds_per_step()

    def held_out(self, kind: str) -> float:
        """The latest held-out metric of a model (nan before any, or once diverged)."""
        if kind in self.diverged or not self.evals[kind]:
            return float("nan")
        return self.evals[kind][-1][1]

    def forecast(self, kind: str) -> tuple[int, np.ndarray] | None:
        """A regression's latest held-out predictions up to now: (step, (N,)), or None."""
        rows = [r for r in self.trainer.forecasts.get(kind, []) if r[0] <= self.steps]
        return rows[-1] if rows and kind not in self.diverged else None

    def solved_step(self, kind: str) -> int | None:
        """Step from which the held-out metric has passed the threshold, up to now (None: not
        solved now; a model that falls back loses it)."""
        if kind in self.diverged:
            return None
        start = None
        for step, metric in self.evals[kind]:
            start = (start if start is not None else step) if self.task.is_solved(metric) else None
        return start

    def first_solved_step(self, kind: str) -> int | None:
        """First step at which the held-out metric passed the threshold, even if lost since."""
        return next((step for step, m in self.evals[kind] if self.task.is_solved(m)), None)

