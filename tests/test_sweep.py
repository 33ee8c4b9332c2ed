"""The memory-horizon sweep: cells, early stop, the process-wide cache, the shipped reference."""

import os
import time

import pytest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.serving.sweep import (
    CellResult,
    CellRun,
    Sweep,
    cached,
    cell_config,
    load_reference,
    remember,
    run_cell,
    worst_case_seconds,
)

BASE = RunConfig(hidden_size=8, max_steps=150, models=("rnn", "lstm"))


def test_a_cell_is_its_model_alone_on_the_race_batches_and_stops_once_solved():
    config = cell_config(BASE, "lstm", 4, seed=3)
    assert config.models == ("lstm",) and config.seq_len == 4 and config.seed == 3
    result = run_cell(config)
    assert result.solved and result.steps < 150 and result.steps % config.eval_every == 0
    race = LockstepTrainer(BASE.replace(seq_len=4, seed=3))  # the same model in a race
    race.step(result.steps)
    assert race.view().held_out("lstm") == result.metric
    assert cached(config) == result  # deterministic, so cached for the whole process


def test_an_unsolved_cell_runs_to_the_cap():
    config = cell_config(BASE.replace(max_steps=30), "rnn", 60, seed=0)
    result = run_cell(config)
    assert not result.solved and result.steps == 30 and result.metric < 0.95


def test_a_sweep_advances_in_bounded_chunks_and_reports_per_model_and_length():
    job = Sweep(BASE.replace(max_steps=50), [6, 3], seeds=[0, 1])
    assert job.lengths == [3, 6] and len(job.cells) == 8
    assert worst_case_seconds(job) > 0
    progress = []
    while not job.done:
        cell = job.advance(10)
        progress.append(job.progress)
        assert cell is None or cell.max_steps == 50
    assert progress == sorted(progress) and progress[-1] == 1
    results = job.results()
    assert set(results) == {"rnn", "lstm"} and all(len(v) == 2 for v in results["lstm"].values())
    assert worst_case_seconds(job) == 0  # everything is cached now
    again = Sweep(BASE.replace(max_steps=50), [3, 6], seeds=[0, 1])
    assert again.done and again.results() == results


def test_a_cell_run_keeps_its_trainer_between_chunks():
    run = CellRun(cell_config(BASE.replace(max_steps=40), "gru", 30, seed=5))
    run.advance(7)
    assert run.steps == 7 and not run.done
    run.advance(100)
    assert run.done and run.steps == 40


def test_the_shipped_reference_reproduces_one_of_its_cells():
    reference = load_reference()
    defaults = RunConfig()
    assert (reference["steps"] == defaults.max_steps
            and "python -m lstm_viz sweep" in reference["command"])
    assert set(reference["results"]) == {"rnn", "lstm", "gru"}
    for kind in ("lstm", "gru"):
        result = run_cell(cell_config(defaults, kind, 10, seed=0))
        assert result.metric == pytest.approx(reference["results"][kind][10][0], abs=1e-9)
        assert result.steps == reference["stopped_at"][kind]["10"][0]


def test_the_process_wide_cache_is_bounded_least_recently_used_first(monkeypatch):
    from lstm_viz.serving import sweep

    monkeypatch.setattr(sweep, "CACHE_CELLS", 2)
    monkeypatch.setattr(sweep, "_CACHE", sweep.OrderedDict())
    first, second, third = (cell_config(BASE, "rnn", 5, seed) for seed in (901, 902, 903))
    remember(first, CellResult(0.5, 10, False))
    remember(second, CellResult(0.6, 10, False))
    assert cached(first) is not None  # now the most recently used
    remember(third, CellResult(0.7, 10, False))
    assert cached(second) is None and cached(first).metric == 0.5 and cached(third).metric == 0.7


def test_a_pages_sweep_trains_in_the_sweep_worker_and_gets_the_numbers_of_a_sweep_here(monkeypatch):
    from functools import partial

    from lstm_viz.serving import sweep
    from lstm_viz.serving.worker import TrainingWorker

    base = BASE.replace(max_steps=210)  # 210: not a multiple of the evaluations' 25
    here = Sweep(base, [4, 40], seeds=[11])
    while not here.done:
        here.advance(50)
    expected = {c: cached(c) for c in here.cells}
    assert any(r.solved for r in expected.values()) and not all(r.solved for r in expected.values())
    monkeypatch.setattr(sweep, "_CACHE", sweep.OrderedDict())
    monkeypatch.setattr(LockstepTrainer, "step", None)  # nothing may train in this process
    worker = TrainingWorker(nice=sweep.SWEEP_WORKER.nice, idle=sweep.SWEEP_WORKER.idle)
    try:
        there = Sweep(base, [4, 40], seeds=[11], cell=partial(sweep.WorkerCell, worker=worker))
        deadline = time.monotonic() + 120
        while not there.done and time.monotonic() < deadline:
            there.advance()
            time.sleep(0.05)
        assert {c: cached(c) for c in there.cells} == expected
        # it trains only on CPU time no class wants
        assert os.sched_getscheduler(worker.process.pid) == os.SCHED_IDLE
        running = Sweep(base.replace(max_steps=2000), [30], seeds=[12],
                        cell=partial(sweep.WorkerCell, worker=worker))
        running.advance()
        run_id = running._current.run.id
        running.cancel()  # Cancel: the worker drops the cell's run
        with pytest.raises(KeyError):
            worker.ask(run_id, getattr, ("steps",))
    finally:
        worker.stop()
