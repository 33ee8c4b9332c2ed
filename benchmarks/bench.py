"""Benchmark: ``python -m benchmarks.bench [--json] [--quick] [--no-browser] [--sessions N]
[--sessions-only] [--soak SECONDS] [--beside-sweep] [--pages N] [--scenes ROUNDS] [--cpus N]``.

Every figure is a ratio or a delta measured side by side in one run, because this machine is
shared and absolute times wander: the contenders alternate round by round and the medians are
compared.

- ``overhead_ratio``: lockstep trainer steps/s (history on, probes off) / a bare loop over the
  same fused modules, task, settings and batches. Goal >= 0.9.
- ``probe_ratio``: one probe snapshot (every model) / one training tick. Goal <= 0.25.
- ``tick_ms``: one live tick at default settings: its steps, the probe when due, and the
  figures of the heaviest page (gradient flow). Goal: well under the tick interval.
- ``session_mb``: resident memory one more live session adds after 2,000 steps, and its growth
  from 2,000 to 4,000 steps (bounded history: flat). Goal <= 150 MB.
- ``cold_start_s``: from ``streamlit run`` to the first chart drawn in headless Chromium.
- ``step_ratio``: one training step of ``lstm-cut``, ``gru`` and ``rnn`` (each alone, bare
  loop) over one of the fused LSTM, at T = 100, 300 and 1000 (quick: 100 and 300), kinds
  alternating round by round. Goal for lstm-cut: <= 3 at every length.
- ``solve_1000_s`` (not with ``--quick``): the wall time from asking a worker process for the
  default race (RNN and LSTM) at lag 1000 until its records show the LSTM solved, as the app
  trains it (chunks asked for ahead, records sent back). Goal: < 60 s.
- ``sessions`` (``--sessions N``): N session threads in one process, as Streamlit runs them,
  each ticking at the app's interval through the app's own path (sessions.tick, the race page's
  figures from the shared cache, serialised as st.plotly_chart does: ``as_sent``): one session
  alone, N on the same scene (one shared run), N on distinct scenes (N runs). Per session: chart
  updates per second (the slowest session) and steps per second (the median), the 95th
  percentile tick time, and the peak memory (proportional set size) of the process and its
  training worker. Runs train in a worker process, as in the app; ``in_process`` repeats the
  three with every run trained in the sessions' own process, for comparison. Goals: same scene
  >= 0.8 x one session's steps/s; every session >= 1 update per second; peak memory < 1.5 GB
  (``--sessions-only``: without the one-session measures above).
- ``soak`` (``--soak SECONDS``, with ``--sessions N``): a class on one link for that long, as
  the app serves it (its registry's limits, runs in the worker): at the cap the class moves on
  to the next seed together, so runs are opened and dropped all along. Memory every half
  second: at one minute and its peak after; the longest tick; every exception. Goals: memory
  grows <= 10% after the first minute, no exception, no tick over 2 s.
- ``beside_sweep`` (``--beside-sweep``): six sessions on one scene without and with a Memory
  horizon sweep (LSTM and GRU, lags 300-1000, 5 seeds) training in the sweep worker beside
  them, as its page runs it, alternating round by round. Goal: the slowest session keeps
  >= 0.8 x its steps/s.
- ``pages`` (``--pages N``): N Chromium pages on one link (``browser.pages_on_one_link``): one
  page alone, then N together, then the N without and with a Memory horizon sweep running in
  another page, three rounds each (one with --quick), alternating; each page's steps/s read off
  the frames the server sends it. The app runs on one CPU, Chromium on the others (the class's
  own machines). Goals: every page >= 0.5 x one page alone; beside the sweep the slowest page,
  and the median one, keep >= 0.8 x.
- ``scenes`` (``--scenes ROUNDS``): six Chromium pages on six distinct scenes (lags 60-800),
  playing together for a minute (10 s with --quick), round after round on new seeds
  (``browser.distinct_scenes``). Goal: no page blank, no console error, in every round.
- ``--cpus N``: everything on N of the CPUs this process may use (``os.sched_setaffinity`` on
  every thread, inherited by the training worker): Community Cloud gives an app between 0.078
  and 2 cores. The CPUs used are reported, and the worker's own affinity beside them.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import multiprocessing
import os
import shutil
import statistics
import sys
import threading
import time

import plotly.io
import plotly.tools
import torch

from benchmarks.browser import CHROMIUM, cold_start_seconds, distinct_scenes, pages_on_one_link
from lstm_viz.core.config import RunConfig
from lstm_viz.core.models import build_model
from lstm_viz.core.probes import probe
from lstm_viz.core.training import (
    TICK_SECONDS,
    LockstepTrainer,
    clip_gradients,
    make_optimizer,
)
from lstm_viz.present import panels
from lstm_viz.serving import sweep
from lstm_viz.serving.sessions import (
    Cursor,
    FigureCache,
    RunRegistry,
    limit_malloc_arenas,
    tick,
)
from lstm_viz.serving.worker import SERVING_NICE, TrainingWorker

NO_PROBES = 10**5


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="few rounds and steps (a smoke test)")
    parser.add_argument("--no-browser", action="store_true", help="skip the cold-start measurement")
    parser.add_argument("--sessions", type=int, default=0,
                        help="also simulate this many concurrent sessions, as Streamlit runs them")
    parser.add_argument("--sessions-only", action="store_true",
                        help="skip the one-session measures "
                             "(keep --sessions, --soak, --beside-sweep)")
    parser.add_argument("--soak", type=float, default=0, metavar="SECONDS",
                        help="also keep the sessions on one link playing this long")
    parser.add_argument("--beside-sweep", action="store_true",
                        help="also measure six sessions without and with a horizon sweep "
                             "beside them")
    parser.add_argument("--pages", type=int, default=0,
                        help="also measure this many Chromium pages on one link, alone and beside "
                             "a sweep")
    parser.add_argument("--scenes", type=int, default=0, metavar="ROUNDS",
                        help="also play six Chromium pages on six distinct scenes this many rounds")
    parser.add_argument("--cpus", type=int, default=0,
                        help="pin the benchmark and its worker to this many CPUs (0: all)")


class _BareLoop:
    """The same fused modules, optimizer, clipping and batches as the trainer, nothing else."""

    def __init__(self, trainer: LockstepTrainer):
        config, task = trainer.config, trainer.task
        self.task, self.config = task, config
        self.models = [build_model(k, task.input_size, config.hidden_size, task.output_size,
                                   config.seed, config.init, task.every_step, config.projection,
                                   config.rnn_gain)
                       for k in config.models]
        self.optimizers = [make_optimizer(config, m) for m in self.models]
        self.generator = torch.Generator().manual_seed(config.seed)

    def step(self, n: int) -> None:
        for _ in range(n):
            batch = self.task.sample(self.config.batch_size, self.generator)
            for model, optimizer in zip(self.models, self.optimizers):
                optimizer.zero_grad(set_to_none=True)
                self.task.loss(model(batch.x), batch.y).backward()
                clip_gradients(self.config, model)
                optimizer.step()


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def overhead_ratio(config: RunConfig, rounds: int, steps: int) -> float:
    """Median trainer steps/s over median bare-loop steps/s, rounds alternating."""
    trainer = LockstepTrainer(config.replace(eval_every=NO_PROBES, max_steps=20000))
    bare = _BareLoop(trainer)
    trainer.step(2)  # warm up both
    bare.step(2)
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(steps / _seconds(lambda: trainer.step(steps)))
        theirs.append(steps / _seconds(lambda: bare.step(steps)))
    return statistics.median(ours) / statistics.median(theirs)


RATIO_KINDS = ("lstm-cut", "gru", "rnn")


def step_ratios(lengths: tuple[int, ...], rounds: int) -> dict[str, dict[str, float]]:
    """Median time of one training step of each kind over the fused LSTM's, per length."""
    ratios: dict[str, dict[str, float]] = {k: {} for k in RATIO_KINDS}
    for seq_len in lengths:
        loops = {k: _BareLoop(LockstepTrainer(RunConfig(seq_len=seq_len, models=(k,),
                                                        eval_every=NO_PROBES)))
                 for k in ("lstm", *RATIO_KINDS)}
        times = {k: [] for k in loops}
        for loop in loops.values():
            loop.step(1)  # warm up
        for _ in range(rounds):
            for kind, loop in loops.items():
                times[kind].append(_seconds(lambda: loop.step(2)))
        fused = statistics.median(times["lstm"])
        for kind in RATIO_KINDS:
            ratios[kind][str(seq_len)] = statistics.median(times[kind]) / fused
    return ratios


def solve_seconds(config: RunConfig, kind: str = "lstm", chunk: int = 25) -> dict:
    """Wall time until ``kind`` is solved on held-out data, trained in a worker process."""
    worker = TrainingWorker()
    try:
        start = time.perf_counter()
        run = worker.run(config)
        while run.view().solved_step(kind) is None and not run.done:
            run.train_to(run.head + chunk)
        return {"seconds": time.perf_counter() - start,
                "solved_step": run.view().solved_step(kind), "seq_len": config.seq_len}
    finally:
        worker.stop()


def probe_and_tick(config: RunConfig, rounds: int) -> dict:
    """One probe snapshot against one training tick, alternating; and full live ticks."""
    trainer = LockstepTrainer(config.replace(eval_every=NO_PROBES, max_steps=20000))
    trainer.step(5)
    n = trainer.steps_within()
    probes, ticks = [], []
    for _ in range(rounds):
        ticks.append(_seconds(lambda: trainer.step(n)))
        probes.append(_seconds(lambda: [probe(m, trainer.task, trainer.probe_batch)
                                        for m in trainer.models.values()]))
    live = LockstepTrainer(config.replace(max_steps=20000))
    live.step(5)
    live_ticks = []
    for _ in range(max(rounds, 6)):
        live_ticks.append(_seconds(lambda: _live_tick(live)))
    return {"probe_ratio": statistics.median(probes) / statistics.median(ticks),
            "tick_ms": 1000 * statistics.median(live_ticks),
            "tick_ms_max": 1000 * max(live_ticks),
            "steps_per_tick": n,
            "tick_interval_ms": 1000 * TICK_SECONDS}


def _live_tick(trainer: LockstepTrainer) -> None:
    """What the app's fragment does on each tick of the heaviest page, gradient flow."""
    trainer.step(trainer.steps_within())
    panels.gradients(trainer.view())


def _rss_mb() -> float:
    """Current resident memory of this process (Linux /proc)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _pss_mb(pid: int | str = "self") -> float:
    """A process's proportional set size (Linux /proc; 0 once gone): a page shared by n
    processes counts 1/n in each, so the server and its worker add up without counting
    torch's libraries twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("Pss:")) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


def session_memory(config: RunConfig, steps: int) -> dict:
    """Memory one more session adds after ``steps`` steps, and its growth over as many more.

    Runs in a fresh process, so what earlier measurements allocated does not hide the cost.
    """
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_session_memory, (config, steps))


def _session_memory(config: RunConfig, steps: int) -> dict:
    torch.set_num_threads(1)
    LockstepTrainer(config.replace(seq_len=5, max_steps=10)).step(10)  # load torch's kernels
    gc.collect()
    before = _rss_mb()
    trainer = LockstepTrainer(config.replace(max_steps=4 * steps))
    trainer.step(steps)
    gc.collect()
    after = _rss_mb()
    trainer.step(steps)
    gc.collect()
    return {"session_mb": after - before, "session_growth_mb": _rss_mb() - after,
            "snapshots_kept": len(trainer.snapshots)}


def _session(config: RunConfig, registry: RunRegistry, cache: FigureCache, seconds: float,
             ready: threading.Barrier, record: list, next_seed: bool = False) -> None:
    """One playing browser tab: a tick every TICK_SECONDS (later if the last one ran long),
    for ``seconds`` from the moment every tab has opened (opening is not ticking).
    ``next_seed``: at the cap, go on with the next seed (New seed), as a class does."""
    cursor = Cursor(registry.run_for(config), config.max_steps)
    ready.wait()
    durations, start, steps, scenes = [], time.monotonic(), 0, 1
    until = start + seconds
    next_tick = start
    while True:
        time.sleep(max(0.0, next_tick - time.monotonic()))
        began = time.monotonic()
        if began >= until:
            break
        view = tick(cursor, registry)
        figures = {**cache.get(view, panels.race),
                   **cache.get(view, panels.race_glimpses, moment=view.snapshots[-1].step)}
        for fig in figures.values():
            as_sent(fig)
        if next_seed and view.done:
            steps, scenes, config = (steps + cursor.step, scenes + 1,
                                     config.replace(seed=config.seed + 1))
            cursor = Cursor(registry.run_for(config), config.max_steps)
        durations.append(time.monotonic() - began)
        next_tick = max(began + TICK_SECONDS, time.monotonic())
    elapsed = time.monotonic() - start
    record.append((len(durations) / elapsed, (steps + cursor.step) / elapsed, durations, scenes))


def as_sent(fig) -> str:
    """A figure's JSON as st.plotly_chart makes it for each session (Streamlit 1.67: the
    figure's dict, a deep copy, then plotly's JSON)."""
    figure = plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True)
    return plotly.io.to_json(figure, validate=False)


def simulate_sessions(configs: list[RunConfig], seconds: float, make_run,
                      registry: RunRegistry | None = None, next_seed: bool = False) -> dict:
    """Sessions playing at once, one thread each, sharing a registry (by default a fresh one
    that keeps every run) and a fresh figure cache. An exception in a session ends it and is
    counted (``exceptions``, the first in ``first_exception``)."""
    registry = registry or RunRegistry(max_runs=len(configs) + 1, make_run=make_run)
    cache, record, errors = FigureCache(), [], []
    ready = threading.Barrier(len(configs))

    def session(config):
        try:
            _session(config, registry, cache, seconds, ready, record, next_seed)
        except Exception as problem:  # noqa: BLE001 - counted and reported, the others go on
            errors.append(repr(problem))
            ready.abort()  # (a session that dies before the start releases the others)

    threads = [threading.Thread(target=session, args=(c,)) for c in configs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ticks = sorted(d for r in record for d in r[2])
    return {"scenes_min": min((r[3] for r in record), default=0),
            "updates_per_s_min": min((r[0] for r in record), default=0.0),
            "steps_per_s_median": statistics.median(r[1] for r in record) if record else 0.0,
            "steps_per_s_min": min((r[1] for r in record), default=0.0),
            "tick_p95_ms": 1000 * ticks[int(0.95 * (len(ticks) - 1))] if ticks else None,
            "tick_max_ms": 1000 * ticks[-1] if ticks else None,
            "exceptions": len(errors),
            "first_exception": errors[0] if errors else None}


class MemoryWatch:
    """Every half second, the proportional set size of this process and the worker's (its
    current process: a restarted worker is followed), from the moment it is entered."""

    def __init__(self, worker: TrainingWorker | None = None):
        self.worker, self.samples, self._stop = worker, [], threading.Event()
        self._thread = threading.Thread(target=self._watch)

    def _watch(self) -> None:
        start = time.monotonic()
        while not self._stop.wait(0.5):
            process = self.worker.process if self.worker else None
            self.samples.append((time.monotonic() - start,
                                 _pss_mb() + (_pss_mb(process.pid) if process else 0.0)))

    def __enter__(self) -> "MemoryWatch":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    def peak(self, after: float = 0.0) -> float:
        return max((mb for t, mb in self.samples if t >= after), default=0.0)

    def at(self, moment: float) -> float:
        """The first sample at or after ``moment`` seconds (the last one if none)."""
        return next((mb for t, mb in self.samples if t >= moment), self.samples[-1][1])


def session_load(config: RunConfig, n: int, seconds: float) -> dict:
    """The app's way, runs trained in a worker process: one session alone, n on the same scene,
    n on distinct scenes, and the peak memory of this process and the worker together. Then the
    same three with every run trained in this process (``in_process``), for comparison."""
    worker = TrainingWorker(nice=SERVING_NICE)
    result = {"n": n, **_scenes(config, n, seconds, worker.run, worker)}
    result["worker_cpus"] = sorted(os.sched_getaffinity(worker.process.pid))
    worker.stop()
    result["in_process"] = _scenes(config, n, seconds, LockstepTrainer)
    return result


def _scenes(config: RunConfig, n: int, seconds: float, make_run, worker=None) -> dict:
    with MemoryWatch(worker) as memory:
        single = simulate_sessions([config], seconds, make_run)
        same = simulate_sessions([config] * n, seconds, make_run)
        distinct = simulate_sessions([config.replace(seed=s) for s in range(n)], seconds, make_run)
    return {"single": {"steps_per_s": single["steps_per_s_median"]},
            "same_scene": same, "distinct_scenes": distinct, "peak_rss_mb": memory.peak()}


SWEEP_PAGES = 6  # the pages beside a Memory horizon sweep (issue 20: a class's six pages)


def beside_sweep(config: RunConfig, seconds: float, rounds: int = 2) -> dict:
    """SWEEP_PAGES sessions on one scene, without and with a Memory horizon sweep training in
    the sweep worker beside them (as the page runs it: a look every tick), alternating round
    by round. Per round, each session's steps/s; the ratio of the slowest with the sweep to
    the slowest without. Goal: >= 0.8."""
    worker, rows = TrainingWorker(nice=SERVING_NICE), {"without": [], "with": []}
    job = sweep.Sweep(config.replace(models=("lstm", "gru")), [300, 500, 750, 1000], list(range(5)),
                      cell=sweep.worker_cell)
    progress = 0.0
    try:
        for _ in range(rounds):
            for beside in ("without", "with"):
                stop = threading.Event()
                looks = threading.Thread(target=_look_at_sweep, args=(job, stop))
                if beside == "with":
                    looks.start()
                rows[beside].append(simulate_sessions([config] * SWEEP_PAGES, seconds, worker.run))
                stop.set()
                if beside == "with":
                    looks.join()
        progress = job.progress
    finally:
        job.cancel()
        worker.stop()
    slowest = {beside: statistics.median(r["steps_per_s_min"] for r in runs)
               for beside, runs in rows.items()}
    return {"pages": SWEEP_PAGES, "rounds": rows,
            "slowest_ratio": slowest["with"] / slowest["without"], "sweep_progress": progress}


def _look_at_sweep(job: sweep.Sweep, stop: threading.Event) -> None:
    while not stop.wait(TICK_SECONDS):
        job.advance()


SOAK_SETTLE_SECONDS = 60.0  # memory is compared with its value after the first minute


def soak(config: RunConfig, n: int, seconds: float) -> dict:
    """n sessions on one link for ``seconds``, served as the app serves them (runs in a worker,
    the app's registry limits), moving on to the next seed together at each cap."""
    worker = TrainingWorker(nice=SERVING_NICE)
    try:
        with MemoryWatch(worker) as memory:
            load = simulate_sessions([config] * n, seconds, worker.run,
                                     RunRegistry(make_run=worker.run), next_seed=True)
    finally:
        worker.stop()
    settle = min(SOAK_SETTLE_SECONDS, seconds / 2)
    base = memory.at(settle)
    return {"n": n, "seconds": seconds, "max_steps": config.max_steps, **load,
            "settled_at_s": settle, "settled_mb": base, "peak_after_mb": memory.peak(settle),
            "growth": memory.peak(settle) / base - 1}


def pin_to_cpus(n: int) -> list[int]:
    """Every thread of this process on the first ``n`` CPUs it may use; the processes it starts
    from now on (the training worker) inherit it. Returns those CPUs."""
    cpus = sorted(os.sched_getaffinity(0))[:n]
    for thread in os.listdir("/proc/self/task"):
        os.sched_setaffinity(int(thread), cpus)
    return cpus


def run_benchmark(quick: bool, browser: bool, sessions: int = 0, sessions_only: bool = False,
                  soak_seconds: float = 0, cpus: int = 0, sweep_beside: bool = False,
                  pages: int = 0, scenes: int = 0) -> dict:
    """Every benchmark figure at default settings (``sessions_only``: without the one-session
    measures), on ``cpus`` CPUs (0: all this process may use)."""
    torch.set_num_threads(1)
    used = pin_to_cpus(cpus) if cpus else sorted(os.sched_getaffinity(0))
    config = RunConfig()
    rounds, steps = (3, 5) if quick else (7, 30)
    result = {"config": {"task": config.task, "seq_len": config.seq_len,
                         "hidden_size": config.hidden_size, "models": list(config.models),
                         "cpus": used}}
    if not sessions_only:
        result.update(_single_session(config, quick, browser, rounds, steps))
    if sessions:
        limit_malloc_arenas()  # as the app does at start
        result["sessions"] = session_load(config, sessions, 2.0 if quick else 12.0)
        if soak_seconds:
            soaked = config.replace(max_steps=300) if quick else config  # (quick: seeds change)
            result["soak"] = soak(soaked, sessions, soak_seconds)
    if sweep_beside:
        result["beside_sweep"] = beside_sweep(config, 3.0 if quick else 12.0)
    if pages:
        result["pages"] = pages_on_one_link(pages, 4.0 if quick else 10.0, 1 if quick else 3)
    if scenes:
        result["scenes"] = distinct_scenes(10.0 if quick else 60.0, scenes)
    return result


def _single_session(config: RunConfig, quick: bool, browser: bool, rounds: int, steps: int) -> dict:
    result = {"overhead_ratio": overhead_ratio(config, rounds, steps)}
    result.update(probe_and_tick(config, rounds))
    result.update(session_memory(config, 100 if quick else 2000))
    result["step_ratio"] = step_ratios((100, 300) if quick else (100, 300, 1000), rounds)
    result["solve_1000_s"] = None if quick else solve_seconds(config.replace(seq_len=1000))
    result["cold_start_s"] = None
    if browser and shutil.which(CHROMIUM):
        result["cold_start_s"] = cold_start_seconds()
    return result


GOALS = {
    "overhead_ratio": ">= 0.9", "probe_ratio": "<= 0.25", "tick_ms": "well under the interval",
    "session_mb": "<= 150", "session_growth_mb": "about 0 (bounded)", "cold_start_s": "< 10",
    "solve_1000_s": "< 60",
}


def format_table(result: dict) -> str:
    lines = [f"{'measure':<20} {'value':>10}  goal"]
    for key, value in result.items():
        if key == "config":
            continue
        if key == "sessions":
            lines += _format_sessions(value)
            continue
        if key == "soak":
            lines += _format_soak(value)
            continue
        if key == "beside_sweep":
            lines += _format_beside_sweep(value)
            continue
        if key == "pages":
            lines += _format_pages(value)
            continue
        if key == "scenes":
            lines += _format_scenes(value)
            continue
        if key == "step_ratio":
            lines += [f"step x fused LSTM, {kind:<8} " + ", ".join(
                f"T={n}: {r:.2f}" for n, r in by_length.items())
                + ("  goal <= 3" if kind == "lstm-cut" else "")
                for kind, by_length in value.items()]
            continue
        if key == "solve_1000_s":
            shown = "-" if value is None else f"{value['seconds']:.3g}"
            lines.append(f"{key:<20} {shown:>10}  {GOALS[key]} (LSTM solved at step "
                         f"{value and value['solved_step']})")
            continue
        shown = "-" if value is None else f"{value:.3g}" if isinstance(value, float) else str(value)
        lines.append(f"{key:<20} {shown:>10}  {GOALS.get(key, '')}")
    return "\n".join(lines)


def _format_sessions(load: dict) -> list[str]:
    lines = [f"sessions: {load['n']} at once (goal: same scene >= 0.8 x alone, >= 1 update/s, "
             f"< 1536 MB); worker on CPUs {load['worker_cpus']}"]
    for where, scenes in (("in the worker", load),
                          ("in the sessions' process", load["in_process"])):
        lines.append(f"  training {where}: alone {scenes['single']['steps_per_s']:.1f} steps/s, "
                     f"peak memory {scenes['peak_rss_mb']:.0f} MB")
        lines += [f"    {name:<13} {r['steps_per_s_median']:.1f} steps/s median, "
                  f"{r['updates_per_s_min']:.2f} updates/s slowest, "
                  f"tick p95 {r['tick_p95_ms']:.0f} ms"
                  for name, r in (("same scene", scenes["same_scene"]),
                                  ("distinct", scenes["distinct_scenes"]))]
    return lines


def _format_beside_sweep(beside: dict) -> list[str]:
    lines = [f"{beside['pages']} sessions on one scene without and with a horizon sweep beside "
             f"them: the slowest with / without {beside['slowest_ratio']:.2f} (goal >= 0.8; "
             f"the sweep {100 * beside['sweep_progress']:.1f}% done meanwhile)"]
    for name, runs in beside["rounds"].items():
        lines.append(f"  {name + ' sweep':<13} steps/s, slowest / median per round: " + ", ".join(
            f"{r['steps_per_s_min']:.1f} / {r['steps_per_s_median']:.1f}" for r in runs))
    return lines


def _format_pages(measured: dict) -> list[str]:
    def listed(rates):
        return ", ".join(f"{r:.0f}" for r in rates)

    lines = [f"{measured['pages']} Chromium pages on one link, the app on CPUs "
             f"{measured['server_cpus']}, Chromium on {measured['browser_cpus']} (goals: every "
             f"page >= 0.5 x one alone; beside a sweep >= 0.8 x)",
             f"  alone {measured['alone']:.1f} steps/s; together {listed(measured['together'])} "
             f"(slowest {measured['together_min_ratio']:.2f} x alone)"]
    for name, rounds in measured["beside_sweep"].items():
        lines.append(f"  {name + ' sweep':<13} per round: "
                     + "; ".join(listed(r) for r in rounds))
    lines.append(f"  beside the sweep / without: slowest page "
                 f"{measured['beside_sweep_slowest_ratio']:.2f}"
                 f" x, median page {measured['beside_sweep_median_ratio']:.2f} x "
                 f"({measured['sweep_progress']})")
    lines.append(f"  the longest any page went without a new step: "
                 f"{measured['longest_still_s']:.1f} s; "
                 f"ticks per page {measured['ticks_per_s']:.2f}/s"
                 f" (median); CPU used: server {measured['server_cores']:.2f} core, workers "
                 f"{measured['workers_cores']:.2f}")
    return lines


def _format_scenes(rounds: list[dict]) -> list[str]:
    blank = sum(bool(r["blank"]) for r in rounds)
    noisy = sum(bool(r["errors"]) for r in rounds)
    lines = [f"{len(rounds[0]['lags'])} pages on distinct scenes (lags {rounds[0]['lags']}): "
             f"{blank} of {len(rounds)} rounds with a blank page, {noisy} with a console error "
             "(goal: 0 and 0)"]
    lines += [f"  round {i + 1}: blank {r['blank'] or 'none'}, steps {r['steps']}, moments "
              f"without a counter {r['gaps']}"
              + (f", errors {r['errors']}" if r["errors"] else "")
              + (f", shown instead {r['shown']}" if r.get("shown") else "")
              for i, r in enumerate(rounds)]
    return lines


def _format_soak(soaked: dict) -> list[str]:
    return [f"soak: {soaked['n']} sessions on one link for {soaked['seconds']:.0f} s, next seed at "
            f"each cap of {soaked['max_steps']} (goal: memory +10% at most after the first "
            "minute, no exception, no tick over 2 s)",
            f"  memory {soaked['settled_mb']:.0f} MB at {soaked['settled_at_s']:.0f} s, peak after "
            f"{soaked['peak_after_mb']:.0f} MB ({100 * soaked['growth']:+.1f}%); longest tick "
            f"{soaked['tick_max_ms']:.0f} ms, p95 {soaked['tick_p95_ms']:.0f} ms; "
            f"{soaked['exceptions']} exceptions; "
            f"{soaked['steps_per_s_median']:.1f} steps/s median, "
            f"{soaked['updates_per_s_min']:.2f} updates/s slowest; every session through "
            f"{soaked['scenes_min']} seeds or more"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench",
                                     description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    if args.soak and not args.sessions:
        parser.error("--soak needs --sessions N")
    result = run_benchmark(args.quick, browser=not args.no_browser, sessions=args.sessions,
                           sessions_only=args.sessions_only, soak_seconds=args.soak, cpus=args.cpus,
                           sweep_beside=args.beside_sweep, pages=args.pages, scenes=args.scenes)
    clean = {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
             for k, v in result.items()}
    print(json.dumps(clean) if args.json else format_table(clean))
    return 0


if __name__ == "__main__":
    sys.exit(main())
