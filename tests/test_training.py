"""The lockstep trainer: same batches, reproducible, bounded, divergence isolated."""

import math
import time

import numpy as np
import pytest
import torch

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core import training

SMALL = RunConfig(seq_len=8, hidden_size=8, batch_size=8, probe_batch_size=4, eval_every=5,
                  models=("rnn", "lstm", "gru"), max_steps=200)


def _histories(trainer):
    return {k: trainer.history[k].arrays() for k in trainer.kinds}


def test_same_config_gives_identical_histories():
    a, b = LockstepTrainer(SMALL), LockstepTrainer(SMALL)
    a.step(20)
    b.step(20)
    for kind in SMALL.models:
        for column, values in _histories(a)[kind].items():
            np.testing.assert_array_equal(values, _histories(b)[kind][column])
    c = LockstepTrainer(SMALL.replace(seed=1))
    c.step(20)
    assert not np.array_equal(_histories(a)["lstm"]["loss"], _histories(c)["lstm"]["loss"])


def test_reset_restores_initial_weights_and_stream():
    trainer = LockstepTrainer(SMALL)
    initial = {k: m.rnn.weight_hh_l0.detach().clone() for k, m in trainer.models.items()}
    trainer.step(15)
    first = _histories(trainer)
    assert not torch.equal(trainer.models["lstm"].rnn.weight_hh_l0, initial["lstm"])
    trainer.reset()
    assert trainer.steps == 0 and len(trainer.history["rnn"]) == 0
    for kind, w in initial.items():
        assert torch.equal(trainer.models[kind].rnn.weight_hh_l0, w)
    trainer.step(15)
    np.testing.assert_array_equal(_histories(trainer)["gru"]["loss"], first["gru"]["loss"])


def test_models_see_identical_batches(monkeypatch):
    seen = {}
    trainer = LockstepTrainer(SMALL)
    for kind, model in trainer.models.items():
        original = model.forward
        monkeypatch.setattr(model, "forward",
                            lambda x, k=kind, f=original: seen.setdefault(k, []).append(x) or f(x))
    trainer.step(3)
    for kind in ("lstm", "gru"):
        for xa, xb in zip(seen["rnn"], seen[kind]):
            assert torch.equal(xa, xb)
    assert len(seen["rnn"]) == 3


def test_step_cap_stops_training():
    trainer = LockstepTrainer(SMALL.replace(max_steps=7))
    assert trainer.step(100) == 7
    assert trainer.done and trainer.step(5) == 0
    assert trainer.snapshots[-1].step == 7


def test_divergence_freezes_one_model_while_others_train():
    trainer = LockstepTrainer(SMALL)
    with torch.no_grad():
        trainer.models["rnn"].readout.weight.fill_(float("inf"))
    trainer.step(10)
    assert trainer.diverged == {"rnn": 1}
    assert len(trainer.history["rnn"]) == 0
    assert len(trainer.history["lstm"]) == 10 and len(trainer.history["gru"]) == 10
    assert "rnn" not in trainer.snapshots[-1].probes and "lstm" in trainer.snapshots[-1].probes
    assert math.isnan(trainer.evaluate()["rnn"])


def test_exploding_rnn_is_caught_as_divergence_while_the_lstm_trains_on():
    config = RunConfig(task="adding", seq_len=20, optimizer="sgd", lr=0.3, clip=0.0,
                       models=("rnn", "lstm"), max_steps=100, eval_every=10)
    trainer = LockstepTrainer(config)
    trainer.step(100)
    assert "rnn" in trainer.diverged and "lstm" not in trainer.diverged
    assert len(trainer.history["lstm"]) == 100
    assert len(trainer.history["rnn"]) < trainer.diverged["rnn"]
    assert np.isfinite(trainer.history["rnn"].arrays()["loss"]).all()  # NaN is never recorded
    assert "rnn" not in trainer.snapshots[-1].probes


def test_nan_weights_behind_a_finite_loss_are_caught_before_probing():
    trainer = LockstepTrainer(SMALL)
    trainer.step(2)
    with torch.no_grad():
        trainer.models["gru"].rnn.weight_hh_l0[0, 0] = float("nan")
    snapshot = trainer.take_snapshot()  # the last one was at step 0
    assert trainer.diverged["gru"] == 2 and "gru" not in snapshot.probes


def test_history_and_snapshots_are_bounded(monkeypatch):
    monkeypatch.setattr(training, "MAX_SNAPSHOTS", 6)
    monkeypatch.setattr(training, "HISTORY_LEN", 50)
    trainer = LockstepTrainer(SMALL.replace(eval_every=2, models=("lstm",), max_steps=200))
    trainer.step(200)
    assert len(trainer.history["lstm"]) == 50
    assert trainer.history["lstm"].arrays()["step"][-1] == 200
    assert trainer.trained_steps["lstm"] == 200  # bookkeeping does not read the history
    steps = [s.step for s in trainer.snapshots]
    assert len(steps) <= 6 and steps[0] == 0 and steps[-1] == 200
    assert steps == sorted(steps)
    assert trainer.snapshot_every > 2


def test_solved_step_and_evaluate_on_an_easy_lag():
    trainer = LockstepTrainer(RunConfig(seq_len=5, models=("lstm",), max_steps=150, eval_every=50))
    trainer.step(150)
    assert [s for s, _ in trainer.evals["lstm"]] == [0, 50, 100, 150]
    assert trainer.view().solved_step("lstm") in (50, 100, 150)
    assert trainer.evaluate()["lstm"] >= 0.95
    assert trainer.ms_per_step("lstm") > 0


def _held_out(trainer, kind, metrics):
    trainer.evals[kind] = list(zip(range(0, 25 * len(metrics), 25), metrics))
    trainer.steps = trainer.head = 25 * (len(metrics) - 1)


def test_solved_is_judged_on_held_out_data_and_withdrawn_on_a_fall_back():
    trainer = LockstepTrainer(SMALL)
    _held_out(trainer, "lstm", [0.5, 0.97, 0.99, 0.6, 0.7])
    assert (trainer.view().solved_step("lstm") is None
            and trainer.view().first_solved_step("lstm") == 25)
    _held_out(trainer, "lstm", [0.5, 0.97, 0.6, 0.96, 1.0])
    assert trainer.view().solved_step("lstm") == 75  # the current streak, not the first solve
    _held_out(trainer, "lstm", [0.5])
    assert (trainer.view().solved_step("lstm") is None
            and trainer.view().first_solved_step("lstm") is None)


def test_training_batches_do_not_decide_solved():
    """Perfect training batches but a held-out metric below the threshold: not solved."""
    trainer = LockstepTrainer(SMALL)
    for step in range(1, 30):
        trainer.history["lstm"].append(step, 0.0, 1.0, 0.0)
    _held_out(trainer, "lstm", [0.5, 0.9])
    assert trainer.view().solved_step("lstm") is None


def test_held_out_evaluations_follow_eval_every_and_the_end():
    trainer = LockstepTrainer(SMALL.replace(eval_every=4, max_steps=10))
    trainer.step(10)
    for kind in trainer.kinds:
        assert [s for s, _ in trainer.evals[kind]] == [0, 4, 8, 10]
    assert trainer.eval_batch.x.shape[0] == trainer.task.eval_batch_size


def test_bookkeeping_stays_right_at_12000_steps():
    """steps, solved step and ms per step past 10,000 steps (the old ring buffer's size)."""
    config = RunConfig(seq_len=3, hidden_size=2, batch_size=2, probe_batch_size=1, models=("lstm",),
                       eval_every=500, max_steps=12_000)
    trainer = LockstepTrainer(config)
    began = time.perf_counter()
    trainer.step(12_000)
    wall = time.perf_counter() - began
    assert trainer.steps == 12_000 and trainer.trained_steps["lstm"] == 12_000
    history = trainer.history["lstm"].arrays()
    assert len(history["step"]) == 12_000 and history["step"][0] == 1
    first = trainer.view().first_solved_step("lstm")
    assert first is not None and first < 2000
    # the model's own training time, per step, against the wall clock of the whole loop (which
    # also samples batches, evaluates and probes): within it, and most of it for this tiny model
    trained = trainer.ms_per_step("lstm") * 12_000 / 1000
    assert 0.1 * wall < trained <= wall


@pytest.mark.parametrize("changes", [dict(seq_len=0), dict(lr=0.0), dict(models=()),
                                     dict(models=("rnn", "rnn")), dict(task="adding", seq_len=1),
                                     dict(hidden_size=10**6), dict(lr=float("nan"))])
def test_invalid_configs_raise_readable_errors(changes):
    with pytest.raises(ValueError):
        RunConfig().replace(**changes)


def test_steps_within_a_time_budget_is_bounded():
    trainer = LockstepTrainer(SMALL)
    assert trainer.steps_within(0.4) == 1  # nothing measured yet
    trainer.step(5)
    per_step = sum(trainer.ms_per_step(k) for k in trainer.kinds) / 1000
    n = trainer.steps_within(0.4, most=10_000)
    assert abs(n - 0.4 / per_step) <= 1
    assert trainer.steps_within(1e-9) == 1 and trainer.steps_within(1e9, most=7) == 7
