"""Science acceptance: at default settings the LSTM bridges long lags and the RNN does not.

The grad-ratio check is fast; the training runs take minutes and are marked slow:
    python -m pytest -m slow
"""

import pytest

from lstm_viz import LockstepTrainer, RunConfig


def test_lstm_gradient_reaches_step_one_at_init_and_rnn_does_not():
    """At default settings, before training: ||dL/dh_1|| / ||dL/dh_T||, LSTM >= 1e3 x RNN."""
    for seed in range(3):
        trainer = LockstepTrainer(RunConfig(seed=seed))
        probes = trainer.snapshots[0].probes
        assert probes["lstm"].grad_ratio >= 1e3 * probes["rnn"].grad_ratio
        assert probes["lstm"].grad_ratio > 1e-3


def _race(config):
    trainer = LockstepTrainer(config)
    trainer.step(config.max_steps)
    return trainer.evaluate()


@pytest.mark.slow
def test_latch_lag_100_lstm_solves_rnn_stays_at_chance():
    results = [_race(RunConfig(seq_len=100, max_steps=600, seed=seed)) for seed in range(5)]
    assert sum(r["lstm"] >= 0.95 for r in results) >= 4, results
    assert all(r["rnn"] <= 0.6 for r in results), results


@pytest.mark.slow
def test_adding_lag_50_lstm_reaches_mse_below_001_rnn_does_not():
    result = _race(RunConfig(task="adding", seq_len=50, max_steps=3000, seed=0))
    assert result["lstm"] < 0.01, result
    assert result["rnn"] > 0.05, result
