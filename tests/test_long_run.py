"""A long run stays flat: bounded history and snapshots (its memory: tests/test_perf.py)."""

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core import training
from lstm_viz.present import panels


def test_history_and_snapshots_stay_bounded_over_a_long_run(monkeypatch):
    monkeypatch.setattr(training, "HISTORY_LEN", 400)
    monkeypatch.setattr(training, "MAX_SNAPSHOTS", 8)
    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=8, eval_every=10, max_steps=20_000))
    for _ in range(60):
        trainer.step(20)
        panels.race(trainer.view())
    assert trainer.steps == 1200
    history = trainer.history["lstm"].arrays()
    assert len(trainer.history["lstm"]) == 400 and history["step"][0] == 801  # the latest 400
    assert len(trainer.snapshots) <= 8 and trainer.snapshots[0].step == 0  # step 0 is kept
