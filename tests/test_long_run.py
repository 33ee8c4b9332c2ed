"""A long run stays flat: bounded history and snapshots, steady tick time and memory."""

import statistics
import time

from lstm_viz import LockstepTrainer, RunConfig, panels, training
from lstm_viz.bench import _rss_mb


def test_tick_time_and_memory_stay_flat_over_a_long_run(monkeypatch):
    monkeypatch.setattr(training, "HISTORY_LEN", 400)
    monkeypatch.setattr(training, "MAX_SNAPSHOTS", 8)
    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=8, probe_every=10, max_steps=20_000))
    ticks, memory = [], []
    for tick in range(100):
        start = time.perf_counter()
        trainer.step(20)
        panels.race(trainer.view())
        panels.gradients(trainer.view())
        ticks.append(time.perf_counter() - start)
        memory.append(_rss_mb())
    assert trainer.steps == 2000
    assert len(trainer.history["lstm"]) == 400 and len(trainer.snapshots) <= 8
    early, late = statistics.median(ticks[20:40]), statistics.median(ticks[80:100])
    assert late < 1.5 * early, f"tick time grew from {early * 1000:.0f} to {late * 1000:.0f} ms"
    assert memory[-1] - memory[30] < 20, f"memory grew {memory[-1] - memory[30]:.1f} MB"
