"""The plain-language verdict follows the trainer's own numbers."""

import numpy as np
import torch

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.tasks import make_task
from lstm_viz.verdict import answer_text, target_text, verdict


def test_verdict_before_training():
    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=4))
    assert verdict(trainer).startswith("Press Play")


def test_verdict_names_the_solved_step_and_the_model_at_chance():
    trainer = LockstepTrainer(RunConfig(seq_len=40, models=("rnn", "lstm"), max_steps=120, probe_every=60))
    trainer.step(120)
    solved = trainer.solved_step("lstm")
    assert solved is not None and trainer.solved_step("rnn") is None
    text = verdict(trainer)
    assert text.startswith(f"LSTM solved the lag-40 latch at step {solved}")
    assert "RNN is still at chance (0.50)" in text
    assert "step cap (120)" in text


def test_verdict_reports_divergence():
    trainer = LockstepTrainer(RunConfig(seq_len=5, hidden_size=4, models=("rnn", "lstm")))
    with torch.no_grad():
        trainer.models["rnn"].readout.bias.fill_(float("nan"))
    trainer.step(3)
    assert "RNN diverged at step 1" in verdict(trainer)


def test_answer_and_target_text():
    latch, adding = make_task("latch", 3), make_task("adding", 3)
    assert answer_text(latch, np.array([0.0, np.log(3.0)])) == "B (p = 0.75)"
    assert target_text(latch, torch.tensor(0)) == "A"
    assert answer_text(adding, np.array([1.23456])) == "1.235"
    assert target_text(adding, torch.tensor(0.5)) == "0.500"
