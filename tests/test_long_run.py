"""A long run stays flat: bounded history and snapshots, steady memory.

(Tick time is a speed measure: it lives in the benchmark, `python -m benchmarks.bench`.)
"""

from benchmarks.bench import _rss_mb
from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core import training
from lstm_viz.present import panels


def test_memory_stays_flat_over_a_long_run(monkeypatch):
    monkeypatch.setattr(training, "HISTORY_LEN", 400)
    monkeypatch.setattr(training, "MAX_SNAPSHOTS", 8)
    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=8, probe_every=10, max_steps=20_000))
    memory = []
    for tick in range(60):
        trainer.step(20)
        panels.race(trainer.view())
        panels.gradients(trainer.view())
        memory.append(_rss_mb())
    assert trainer.steps == 1200
    assert len(trainer.history["lstm"]) == 400 and len(trainer.snapshots) <= 8
    assert memory[-1] - memory[20] < 20, f"memory grew {memory[-1] - memory[20]:.1f} MB"
