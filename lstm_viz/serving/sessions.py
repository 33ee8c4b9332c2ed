"""Shared runs: sessions on equal settings share one trainer, each with its own cursor.

A run is a pure function of its RunConfig (the step cap aside: it stops a run, it does not change
its numbers), so when a teacher puts one link in front of a class, every student's session can
read the same trainer. Each session keeps a ``Cursor``: the step it shows, its own step cap and
the probes it took itself. A cursor at the run's head makes the run train further; a cursor
behind it replays the recorded history at the pace of live training. Nothing a session does
moves another session's cursor or adds to what another session sees.

The process-wide ``RunRegistry`` holds the runs: at most ``max_runs`` (least recently used
dropped first), and a run no session has looked at for ``idle_seconds`` is dropped. The app's
runs train in the worker process (``worker_process.py``, mirrored by ``worker.py``), out of the
way of the sessions' drawing; a registry of in-process ``LockstepTrainer`` runs behaves the same
(tests, the benchmark's comparison). When many distinct runs train at once, each tick's work
budget shrinks, so the pace of every run stays one that its share of the training time can keep.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
import weakref
from collections import Counter, OrderedDict, deque
from concurrent.futures import Future
from typing import Callable

from lstm_viz import i18n
from lstm_viz.core.config import LIMITS, RunConfig
from lstm_viz.core.training import (
    MAX_STEPS_PER_TICK,
    TICK_SECONDS,
    TICK_WORK_SECONDS,
    LockstepTrainer,
    RunRecords,
    RunView,
    Snapshot,
    probe_at,
)
from lstm_viz.serving.worker import WORKER

ACTIVE_WINDOW = 2.0  # seconds: a run that trained this recently counts as training
MIN_TICK_WORK = 0.01  # seconds: the smallest training budget of a tick under load
# How far a live tick asks its run to train beyond the step it shows, in ticks: the worker
# trains on while pages draw, so the head is not held back by one page's slow tick.
AHEAD_TICKS = 2
# A live tick that comes late (a slow device, a busy server) moves as many ticks' worth of steps
# as intervals have passed, up to MOST_LATE; after Pause, or a gap of over PAUSED_SECONDS (a
# hidden tab), it moves as a first tick does.
MOST_LATE = 4
PAUSED_SECONDS = 10.0
# A session's pace: the steps its live ticks moved over the seconds between them, the last
# PACE_TICKS moves (about 20 s of playing; the gap of a pause is not counted).
PACE_TICKS = 25


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """Cap glibc's per-thread malloc arenas (M_ARENA_MAX): Streamlit runs each session in its
    own thread, and with one arena per thread a server's memory grows with the number of
    sessions, not with the work. Returns False where there is no glibc (nothing changed)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return bool(libc and libc.mallopt(-8, arenas))  # -8: M_ARENA_MAX in malloc.h
    except (OSError, AttributeError):
        return False


def run_key(config: RunConfig) -> RunConfig:
    """The settings that decide a run's numbers: the config with the largest step cap."""
    return config.replace(max_steps=LIMITS["max_steps"][1])


class RunRegistry:
    """Process-wide trainers keyed by settings, bounded in number and idle time."""

    def __init__(self, max_runs: int = 12, idle_seconds: float = 900,
                 clock: Callable[[], float] = time.monotonic,
                 make_run: Callable[[RunConfig], RunRecords] = LockstepTrainer):
        self.max_runs, self.idle_seconds, self.clock = max_runs, idle_seconds, clock
        self.make_run = make_run
        self._runs: OrderedDict[RunConfig, RunRecords] = OrderedDict()
        self._seen: dict[RunConfig, float] = {}
        self._trained: dict[RunConfig, float] = {}
        self._building: dict[RunConfig, Future] = {}
        self._lock = threading.Lock()

    def run_for(self, config: RunConfig) -> RunRecords:
        """The shared trainer of these settings, built on first use outside the registry's
        lock (a run that waits for the worker to open it holds up no other session's tick);
        sessions asking for the same new run wait for the one build."""
        key = run_key(config)
        with self._lock:
            self._evict_idle()
            trainer, building = self._runs.get(key), self._building.get(key)
            builder = trainer is None and building is None
            if builder:
                building = self._building[key] = Future()
        if builder:
            try:
                building.set_result(self.make_run(key))
            except BaseException as problem:
                building.set_exception(problem)
            with self._lock:
                del self._building[key]
                if building.exception() is None:
                    self._runs[key] = building.result()
                    while len(self._runs) > self.max_runs:
                        old, _ = self._runs.popitem(last=False)
                        self._seen.pop(old, None)
        if trainer is None:
            trainer = building.result()  # (its build's own timeout bounds this wait)
        with self._lock:
            if key in self._runs:
                self._runs.move_to_end(key)
            self._seen[key] = self.clock()
        return trainer

    def touch(self, trainer: RunRecords, trained: bool = False) -> None:
        """A session looked at (and maybe trained) this run just now."""
        with self._lock:
            key = trainer.config
            if key in self._runs:
                self._runs.move_to_end(key)
                self._seen[key] = self.clock()
            if trained:  # counted even for a run dropped from the registry but still in use
                self._trained[key] = self.clock()

    def training_now(self) -> int:
        """How many runs trained within the last ACTIVE_WINDOW seconds."""
        now = self.clock()
        with self._lock:
            for key in [k for k, t in self._trained.items() if now - t > ACTIVE_WINDOW]:
                del self._trained[key]
            return len(self._trained)

    def work_budget(self, run: RunRecords) -> float:
        """Seconds of training a tick of this run may ask for: the training time one tick's
        interval gives (``run.tick_training_seconds``) shared among the runs that are training
        at once (never below MIN_TICK_WORK)."""
        return max(MIN_TICK_WORK, run.tick_training_seconds / max(1, self.training_now()))

    def __len__(self) -> int:
        return len(self._runs)

    def __contains__(self, config: RunConfig) -> bool:
        return run_key(config) in self._runs

    def _evict_idle(self) -> None:
        now = self.clock()
        for key in [k for k, seen in self._seen.items() if now - seen > self.idle_seconds]:
            self._runs.pop(key, None)
            self._seen.pop(key, None)


REGISTRY = RunRegistry(make_run=WORKER.run)  # the app's runs train in the worker process


class Tally:
    """How a class predicted on one shared run, scene by scene: counts per choice and nothing
    else (no session is named or kept). A session that changes its prediction moves its count."""

    def __init__(self):
        self._counts: dict[str, Counter] = {}
        self._lock = threading.Lock()

    def predict(self, scene: str, choice: int, before: int | None = None) -> None:
        """One prediction of ``scene`` (``before``: this session's earlier one, taken back)."""
        with self._lock:
            counts = self._counts.setdefault(scene, Counter())
            if before is not None and counts[before] > 0:
                counts[before] -= 1
            counts[choice] += 1

    def counts(self, scene: str) -> dict[int, int]:
        """Predictions per choice so far (choices nobody made left out)."""
        with self._lock:
            return {c: n for c, n in self._counts.get(scene, {}).items() if n}


_TALLIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_TALLIES_LOCK = threading.Lock()


def tally_for(run: RunRecords) -> Tally:
    """The class's tally kept with a shared run: every session on the run adds to it, and it
    is dropped with the run."""
    with _TALLIES_LOCK:
        tally = _TALLIES.get(run)
        if tally is None:
            tally = _TALLIES[run] = Tally()
        return tally


class Cursor:
    """One session's place in a shared run: the step it shows, its step cap, its own probes."""

    def __init__(self, run: RunRecords, cap: int):
        self.run, self.cap = run, cap
        self.step = 0
        self._own: tuple[Snapshot, ...] = ()
        self._ticked_at: float | None = None  # when a live tick last moved it
        self._asked = 0  # the furthest step a live tick of this session asked the run to train
        self._moves: deque[tuple[float, int]] = deque(maxlen=PACE_TICKS)  # (seconds, steps)

    @property
    def done(self) -> bool:
        return self.view().done

    def view(self) -> RunView:
        return self.run.view(self.step, self.cap, self._own)

    def advance(self, n: int, within: float | None = None, late: float = 1.0) -> bool:
        """Move up to n steps toward the cap, training the run where the cursor passes its
        head. ``within=None`` (Step): wait until those steps are trained. A live tick passes
        its time budget instead: it never waits while another session trains the run in this
        process, asks the run to stay AHEAD_TICKS ticks ahead of it, waits at most ``within``
        seconds for the worker to bring the steps, and moves about n steps (``late`` times
        that for a tick that came late), as far as the run's head allows, to a step on the
        live grid (``live_grain(n)``): the sessions of a class show the same steps, so each
        moment's figures are built once for all of them. True if this session made the run
        train."""
        if within is None:
            target = min(self.step + n, self.cap)
            trained = self.run.train_to(target)
            self.step = min(target, self.run.head)
            return trained
        grain = live_grain(n)
        target = on_grid(self.step + round(n * late / grain) * grain, grain, self.cap)
        self._asked = min(target + AHEAD_TICKS * n, self.cap)
        trained = self.run.train_to(self._asked, wait=False)
        self.run.await_head(target, within)
        self.step = max(self.step, on_grid(min(target, self.run.head), grain, self.cap))
        return trained

    def probe_here(self, timeout: float | None = None) -> None:
        """Probe the models at the cursor, for this session only, if the run stands there
        (the weights of earlier steps are gone; the nearest scheduled snapshot shows there).
        ``timeout``: at most that many seconds for the worker's answer (None: its default)."""
        if self.step == self.run.head and all(s.step != self.step for s in self.run.snapshots):
            self._probe(self.step, timeout)

    def pause_here(self, timeout: float | None = None) -> None:
        """Playing stops on a step the models were probed at, so the snapshot and the counter
        name one step. A live tick asks the run to train ahead of the step it shows (at most
        AHEAD_TICKS ticks' steps), and only the latest weights are kept: where they stand
        within what this session asked, the cursor moves on to them and probes them there;
        where another session sharing the run trained it further, it goes back to the last
        scheduled snapshot."""
        self.pause()
        back = max(s.step for s in self.run.snapshots if s.step <= self.step)
        if back == self.step:
            return
        snapshot = self._probe(self.step, timeout, last=self._asked)
        if snapshot is None:
            self.step = back
            return
        self.run.await_head(snapshot.step, timeout or 0)
        self.step = min(snapshot.step, self.run.head)

    def _probe(self, step: int, timeout: float | None, last: int | None = None):
        snapshot = self.run.answer(probe_at, step, last, timeout=timeout)
        if snapshot is not None:  # (None: the worker's run had already moved on)
            self._own = (snapshot,)
        return snapshot

    def reset(self) -> None:
        """Back to step 0 for this session; the shared run is untouched."""
        self.step = 0
        self._own = ()
        self._moves.clear()
        self.pause()

    def pause(self) -> None:
        """Playing stops: the next live tick moves as a first tick does."""
        self._ticked_at = None

    def lateness(self, now: float) -> float:
        """Tick intervals since the last live tick, now that one more comes: 1 for the first
        (or after a pause), at most MOST_LATE. Pages whose ticks come late keep the pace of
        training in larger moves, as pages on a fast machine do in small ones."""
        since, self._ticked_at = None if self._ticked_at is None else now - self._ticked_at, now
        if since is None or since > PAUSED_SECONDS:
            return 1.0
        return min(MOST_LATE, max(1.0, since / TICK_SECONDS))

    def moved(self, seconds: float, steps: int) -> None:
        """A live tick moved ``steps`` steps ``seconds`` after the one before (``pace``)."""
        self._moves.append((seconds, steps))

    def pace(self) -> float | None:
        """Steps per second this session's live ticks moved over its last PACE_TICKS ticks
        of playing (the run's pace as this page shows it: training, probes, a busy worker and
        the page's own ticks all count); None before two ticks in a row."""
        seconds = sum(s for s, _ in self._moves)
        return sum(n for _, n in self._moves) / seconds if seconds > 0 else None

    def steps_per_tick(self, budget: float) -> int:
        """The pace of live training: the steps the run trains in ``budget`` seconds."""
        return self.run.steps_within(budget, MAX_STEPS_PER_TICK)


class FigureCache:
    """The figures of one run at one moment, built once for every session that shows that
    moment (same run, step, cap and snapshots); least recently used dropped beyond ``size``."""

    def __init__(self, size: int = 64):
        self.size = size
        self._figures: OrderedDict[tuple, Future] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, view: RunView, build: Callable[[RunView], dict], moment=None) -> dict:
        """``build(view)``, or the figures built for the same moment of the same run: by
        default the same step, cap and snapshots; ``moment`` names a coarser one (figures of
        the latest snapshot only change with it)."""
        if moment is None:
            moment = (view.steps, view.config.max_steps, tuple(s.step for s in view.snapshots))
        key = (view.trainer, build.__qualname__, moment, i18n.language())
        with self._lock:
            figures = self._figures.get(key)
            builder = figures is None
            if builder:  # sessions asking for the moment meanwhile wait for this one build
                figures = self._figures[key] = Future()
                while len(self._figures) > self.size:
                    self._figures.popitem(last=False)
            else:
                self._figures.move_to_end(key)
        if builder:
            try:
                figures.set_result(build(view))
            except BaseException as problem:
                figures.set_exception(problem)
                with self._lock:
                    if self._figures.get(key) is figures:
                        del self._figures[key]
        return figures.result()


FIGURES = FigureCache()


def live_grain(n: int) -> int:
    """The grid live ticks of about n steps land on: the largest power of two at most n / 2
    (1 below 4 steps a tick). Grids of nearby paces nest (a multiple of 32 is one of 16)."""
    return 1 << max(0, (n // 2).bit_length() - 1)


def on_grid(step: int, grain: int, cap: int) -> int:
    """``step`` down to a multiple of ``grain``; the cap, where it is reached, stays."""
    return cap if step >= cap else step - step % grain


def tick(cursor: Cursor, registry: RunRegistry = REGISTRY, now: float | None = None) -> RunView:
    """One live tick of a playing session at ``now`` (default: the monotonic clock): advance
    at the live pace, for as long as it has been since the last tick (training only if no other
    session is training this run right now), return what to draw."""
    now = time.monotonic() if now is None else now
    before, last = cursor.step, cursor._ticked_at
    late = cursor.lateness(now)
    budget = registry.work_budget(cursor.run)
    trained = cursor.advance(cursor.steps_per_tick(budget), within=min(budget, TICK_WORK_SECONDS),
                             late=late)
    if last is not None and now - last <= PAUSED_SECONDS:  # a pause's gap is not the pace
        cursor.moved(now - last, cursor.step - before)
    registry.touch(cursor.run, trained)
    return cursor.view()
