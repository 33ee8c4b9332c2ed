"""The plain-language verdict follows the trainer's held-out numbers, in every state."""

import numpy as np
import pytest
import torch

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.present.verdict import (
    answer_text,
    model_verdict,
    standing,
    target_text,
    verdict,
)
from lstm_viz.tasks import make_task


def _trainer(**changes):
    return LockstepTrainer(RunConfig(seq_len=10, hidden_size=4, batch_size=4, probe_batch_size=2,
                                     max_steps=1000, **changes))


def _held_out(trainer, kind, metrics, every=25):
    trainer.evals[kind] = list(zip(range(0, every * len(metrics), every), metrics))
    trainer.steps = trainer.head = every * (len(metrics) - 1)


def test_verdict_before_training():
    trainer = _trainer()
    text = verdict(trainer.view())
    assert text.startswith("Not trained yet:") and "Press Play" not in text


def test_verdict_names_the_solved_step_and_the_model_at_chance():
    trainer = LockstepTrainer(RunConfig(seq_len=40, models=("rnn", "lstm"), max_steps=150,
                                        eval_every=25))
    trainer.step(150)
    solved = trainer.view().solved_step("lstm")
    assert solved is not None and trainer.view().solved_step("rnn") is None
    text = verdict(trainer.view())
    assert text.startswith(f"LSTM solved the lag-40 latch at step {solved} (held-out accuracy")
    assert ("RNN is at chance (held-out accuracy 0.4" in text
            or "RNN is at chance (held-out accuracy 0.5" in text)
    assert "step cap (150)" in text


@pytest.mark.parametrize("mse", [1.1, 81.0, 3e31])
def test_an_mse_blow_up_is_worse_than_the_baseline_not_at_it(mse):
    trainer = _trainer(task="adding", models=("gru",))
    _held_out(trainer, "gru", [0.17, mse])
    text = model_verdict(trainer.view(), "gru")
    assert text.startswith("GRU is worse than the baseline") and "0.167" in text
    assert standing(trainer.task, mse) == "worse"


def test_mse_at_and_below_the_baseline():
    trainer = _trainer(task="adding", models=("lstm",))
    _held_out(trainer, "lstm", [0.16])
    assert model_verdict(trainer.view(), "lstm").startswith("LSTM is at the baseline")
    _held_out(trainer, "lstm", [0.16, 0.04])
    assert model_verdict(trainer.view(), "lstm").startswith("LSTM is learning (held-out MSE 0.04,")
    _held_out(trainer, "lstm", [0.16, 0.085])
    assert "remembers only the second" in model_verdict(trainer.view(), "lstm")


def test_a_collapse_after_solving_is_lost_again():
    trainer = _trainer(models=("lstm",))
    _held_out(trainer, "lstm", [0.5, 0.98, 1.0, 0.55])
    text = model_verdict(trainer.view(), "lstm")
    assert text.startswith("LSTM solved the lag-10 latch at step 25 but lost it again "
                           "(held-out accuracy 0.55")
    _held_out(trainer, "lstm", [0.5, 0.98, 1.0, 0.55, 0.99])
    assert model_verdict(trainer.view(), "lstm").startswith(
        "LSTM solved the lag-10 latch at step 100")


def test_held_out_decides_when_training_batches_disagree():
    trainer = _trainer(models=("lstm",))
    for step in range(1, 51):
        trainer.history["lstm"].append(step, 0.01, 1.0, 0.1)  # perfect on training batches
    _held_out(trainer, "lstm", [0.5, 0.52, 0.5])
    assert model_verdict(trainer.view(), "lstm").startswith("LSTM is at chance")


def test_order_plateau_at_one_half_is_explained():
    trainer = _trainer(task="order", models=("rnn",))
    _held_out(trainer, "rnn", [0.25, 0.5])
    text = model_verdict(trainer.view(), "rnn")
    assert text.startswith("RNN is learning") and "remembers only one of the two symbols" in text


def test_verdict_reports_divergence():
    trainer = _trainer(models=("rnn", "lstm"))
    with torch.no_grad():
        trainer.models["rnn"].readout.bias.fill_(float("nan"))
    trainer.step(3)
    assert "RNN diverged at step 1" in verdict(trainer.view())


def test_one_model_and_three_models():
    one = _trainer(models=("gru",))
    _held_out(one, "gru", [0.5, 0.7])
    assert verdict(one.view()) == "GRU is learning (held-out accuracy 0.70, chance 0.50)."
    three = _trainer(models=("rnn", "lstm", "gru"))
    for kind, metrics in (("rnn", [0.5, 0.5]), ("lstm", [0.5, 1.0]), ("gru", [0.5, 0.3])):
        _held_out(three, kind, metrics)
    clauses = verdict(three.view()).split("; ")
    assert clauses[0].startswith("LSTM solved") and len(clauses) == 3
    assert (clauses[1].startswith("RNN is at chance")
            and clauses[2].startswith("GRU is worse than chance"))


def test_answer_and_target_text():
    latch, adding = make_task("latch", 3), make_task("adding", 3)
    assert answer_text(latch, np.array([0.0, np.log(3.0)])) == "B (p = 0.75)"
    assert target_text(latch, torch.tensor(0)) == "A"
    assert answer_text(adding, np.array([1.23456])) == "1.235"
    assert target_text(adding, torch.tensor(0.5)) == "0.500"
