"""Speed and memory, measured side by side: run on their own (`.ci/run`'s perf step), never
beside other tests, because this machine is shared and absolute times wander. Every bound on
time is a ratio of two rates measured in the same run."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench import _rss_mb, main
from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core import training
from lstm_viz.present import panels

pytestmark = pytest.mark.perf
ROOT = Path(__file__).resolve().parents[1]
KEYS = {"overhead_ratio", "probe_ratio", "tick_ms", "session_mb", "session_growth_mb",
        "cold_start_s"}


def test_bench_quick_json_reports_every_measure(capsys):
    assert main(["--quick", "--no-browser", "--json", "--sessions", "3", "--beside-sweep"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert KEYS <= set(result)
    assert 0.3 < result["overhead_ratio"] < 3  # a ratio of two measured rates, both running
    assert 0 < result["probe_ratio"] < 2
    assert 0 < result["tick_ms"] <= result["tick_ms_max"]
    assert result["session_mb"] < 150
    assert result["cold_start_s"] is None
    ratios = result["step_ratio"]  # written-out backward passes (lstm_cut.py, gru.py)
    assert set(ratios) == {"lstm-cut", "gru", "rnn"} and set(ratios["gru"]) == {"100", "300"}
    assert all(r <= 3 for r in ratios["lstm-cut"].values()), ratios  # the goal
    assert result["solve_1000_s"] is None  # measured by the full benchmark only
    load = result["sessions"]
    scenes = {"single", "same_scene", "distinct_scenes", "peak_rss_mb"}
    assert load["n"] == 3 and set(load) == {"n", "in_process", "worker_cpus"} | scenes
    assert set(load["in_process"]) == scenes
    assert load["worker_cpus"] == result["config"]["cpus"]  # the worker runs where we do
    for measured in (load, load["in_process"]):  # runs trained in the worker, then in process
        assert measured["single"]["steps_per_s"] > 0
        for scene in ("same_scene", "distinct_scenes"):
            assert_ticked(measured[scene])
        assert 100 < measured["peak_rss_mb"] < 4096
    beside = result["beside_sweep"]  # six pages, without and with a horizon sweep, two rounds each
    assert beside["pages"] == 6 and [len(r) for r in beside["rounds"].values()] == [2, 2]
    for runs in beside["rounds"].values():
        for r in runs:
            assert_ticked(r)
            assert 0 < r["steps_per_s_min"] <= r["steps_per_s_median"]
    # the sweep trained meanwhile
    assert beside["slowest_ratio"] > 0 and beside["sweep_progress"] > 0


def assert_ticked(r: dict) -> None:
    """Sessions that ticked, at most as often as the app's interval, with no exception."""
    assert {"scenes_min", "updates_per_s_min", "steps_per_s_median", "tick_p95_ms", "tick_max_ms",
            "exceptions", "first_exception"} <= set(r)
    assert r["exceptions"] == 0, r["first_exception"]
    assert 0 < r["updates_per_s_min"] <= 1 / 0.8 + 0.05  # never faster than the interval
    assert r["steps_per_s_median"] > 0 and 0 < r["tick_p95_ms"] <= r["tick_max_ms"]


def test_bench_pins_sessions_and_their_worker_to_one_core_and_soaks(tmp_path):
    """On one CPU, as on a small Cloud share, in a process of its own (pinning is for life):
    the sessions alone, then a short soak whose class moves on to new seeds at each cap."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--quick", "--json",
                          "--cpus", "1", "--sessions", "3", "--sessions-only", "--soak", "20"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT, check=True).stdout
    result = json.loads(out)
    assert len(result["config"]["cpus"]) == 1 and "overhead_ratio" not in result
    assert result["sessions"]["worker_cpus"] == result["config"]["cpus"]
    soaked = result["soak"]
    assert_ticked(soaked)
    assert soaked["n"] == 3 and soaked["max_steps"] == 300
    assert soaked["scenes_min"] >= 2  # every session passed a cap and went on with a new seed
    assert 100 < soaked["settled_mb"] <= soaked["peak_after_mb"] < 4096
    assert soaked["growth"] == pytest.approx(soaked["peak_after_mb"] / soaked["settled_mb"] - 1)


def test_bench_measures_chromium_pages_on_one_link_beside_a_sweep():
    """Two real pages (the full benchmark: six), the app on one CPU and Chromium on the other:
    each page's steps/s read off the frames the server sent it, alone, together, and without
    and with a Memory horizon sweep running in a third page."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--quick", "--json",
                          "--no-browser", "--sessions-only", "--pages", "2"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT, check=True).stdout
    pages = json.loads(out)["pages"]
    assert pages["pages"] == 2 and len(pages["together"]) == 2
    if len(os.sched_getaffinity(0)) > 1:  # the app on a CPU of its own
        assert not set(pages["server_cpus"]) & set(pages["browser_cpus"])
    assert pages["alone"] > 0 and all(r > 0 for r in pages["together"]), pages  # every page played
    assert {name: [len(r) for r in rounds] for name, rounds in pages["beside_sweep"].items()} \
        == {"without": [2], "with": [2]}
    assert all(r > 0 for rounds in pages["beside_sweep"].values() for r in rounds[0]), pages
    assert pages["beside_sweep_slowest_ratio"] > 0 and pages["beside_sweep_median_ratio"] > 0
    assert pages["sweep_progress"].startswith("Training ")  # the sweep ran while measured
    assert 0 < pages["longest_still_s"] < 60 and pages["ticks_per_s"] > 0
    assert 0 < pages["server_cores"] and 0 < pages["workers_cores"]  # the workers trained


def test_memory_stays_flat_over_a_long_run(monkeypatch):
    monkeypatch.setattr(training, "HISTORY_LEN", 400)
    monkeypatch.setattr(training, "MAX_SNAPSHOTS", 8)
    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=8, eval_every=10, max_steps=20_000))
    memory = []
    for _ in range(60):
        trainer.step(20)
        panels.race(trainer.view())
        panels.gradients(trainer.view())
        memory.append(_rss_mb())
    assert memory[-1] - memory[20] < 20, f"memory grew {memory[-1] - memory[20]:.1f} MB"
