"""Exploding gradients (Pascanu, Mikolov & Bengio 2013): the RNN gain that starts W_hh at a
chosen σ_max, the gradient norm before clipping, the verdict's gradient states, the Gradient
flow page's note on the start, and the story's two scenes with the same exploding RNN."""

import numpy as np
import pytest
import torch

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.kinds import MemoryInit
from lstm_viz.core.models import build_model
from lstm_viz.present import story, texts
from lstm_viz.present.verdict import gradient_record, gradient_state, model_verdict

SCENE = RunConfig().replace(**story.EXPLODING)


@pytest.mark.parametrize("kind", ["rnn", "rnn-orth", "irnn"])
@pytest.mark.parametrize("gain", [0.5, 1.0, 2.5, 4.0])
def test_the_rnn_gain_sets_the_largest_singular_value_of_w_hh(kind, gain):
    plain = build_model(kind, 2, 16, 2, seed=3)
    scaled = build_model(kind, 2, 16, 2, seed=3, rnn_gain=gain)
    w = scaled.rnn.weight_hh_l0.detach().double()
    assert torch.linalg.svdvals(w)[0].item() == pytest.approx(gain, rel=1e-5)
    w0 = plain.rnn.weight_hh_l0.detach().double()
    torch.testing.assert_close(w, w0 * gain / torch.linalg.svdvals(w0)[0])  # the same direction
    assert torch.equal(scaled.rnn.weight_ih_l0, plain.rnn.weight_ih_l0)


def test_gain_zero_keeps_pytorchs_initialisation_and_gated_kinds_ignore_it():
    for kind in ("rnn", "lstm", "gru"):
        a = build_model(kind, 2, 8, 2, seed=1, init=MemoryInit("chrono", horizon=20))
        b = build_model(kind, 2, 8, 2, seed=1, init=MemoryInit("chrono", horizon=20),
                        rnn_gain=0.0 if kind == "rnn" else 3.0)
        assert all(torch.equal(x, y)
                   for x, y in zip(a.state_dict().values(), b.state_dict().values()))


@pytest.mark.parametrize("clip", [0.0, 0.5])
def test_the_recorded_norm_is_the_total_norm_before_clipping_and_the_step_uses_the_clipped_one(
        clip):
    """Step 1 redone by hand: the same model, the same first batch; the history's norm is
    torch.nn.utils.get_total_norm of the raw gradients, and the SGD update is lr times the
    gradient rescaled to norm ``clip``."""
    config = RunConfig(seq_len=20, models=("rnn",), rnn_gain=2.5, optimizer="sgd", lr=0.5,
                       clip=clip, max_steps=10, seed=4)
    trainer = LockstepTrainer(config)
    model = build_model("rnn", trainer.task.input_size, config.hidden_size,
                        trainer.task.output_size, config.seed, config.init, rnn_gain=2.5)
    batch = trainer.task.sample(config.batch_size, torch.Generator().manual_seed(config.seed))
    trainer.task.loss(model(batch.x), batch.y).backward()
    grads = [p.grad for p in model.parameters()]
    norm = torch.nn.utils.get_total_norm(grads).item()
    trainer.step(1)
    assert trainer.history["rnn"].arrays()["grad_norm"][0] == pytest.approx(norm, rel=1e-6)
    assert norm > 0.5  # so that clipping at 0.5 does rescale
    scale = min(1.0, clip / norm) if clip else 1.0
    for p, g, (name, q) in zip(model.parameters(), grads, trainer.models["rnn"].named_parameters()):
        torch.testing.assert_close(q.detach(), (p - 0.5 * scale * g).detach(), msg=name)


def _run(config: RunConfig, steps: int):
    trainer = LockstepTrainer(config.replace(max_steps=steps))
    trainer.train_to(steps)
    return trainer.view()


def test_the_verdict_tells_an_exploded_run_from_one_clipping_held_and_a_diverged_one():
    exploded = _run(SCENE, 600)  # seed 0, no clipping (story scene 7)
    record = gradient_record(exploded, "rnn")
    assert gradient_state(exploded, "rnn") == "exploded"
    assert record.grad_norm_max >= 10 and record.loss_max >= 4 * np.log(2)
    said = model_verdict(exploded, "rnn")
    assert f"the norm reached {record.grad_norm_max:.3g} at step {record.grad_step} with no " \
           f"clipping, and the training loss spiked to {record.loss_max:.3g}" in said
    history = exploded.history["rnn"]
    assert record.loss_max == history["loss"].max() and record.start_loss == history["loss"][0]

    held = _run(SCENE.replace(clip=1.0, seed=1), 600)  # scene 8 on seed 1: clipping held it
    record = gradient_record(held, "rnn")
    assert gradient_state(held, "rnn") == "clipped"
    norms = held.history["rnn"]["grad_norm"]
    assert record.clipped_steps == int((norms > 1.0).sum()) > 0
    assert f"clipping rescaled it to 1 on {record.clipped_steps} steps" in \
        model_verdict(held, "rnn")

    diverged = _run(RunConfig(task="adding", seq_len=20, models=("rnn",), rnn_gain=3.0,
                              optimizer="sgd", lr=10.0, clip=0.0), 50)
    assert "rnn" in diverged.diverged and gradient_state(diverged, "rnn") == "diverged"
    said = model_verdict(diverged, "rnn")
    assert said.startswith(f"RNN diverged at step {diverged.diverged['rnn']}")
    assert "its largest gradient norm before that was" in said

    calm = _run(RunConfig(seq_len=20, max_steps=40), 40)
    assert all(gradient_state(calm, k) is None for k in calm.kinds)
    assert ";" not in model_verdict(calm, "rnn")


@pytest.mark.parametrize("gain,key", [(3.0, "explodes"), (0.9, "must shrink"),
                                      (0.0, "still shrinks")])
def test_the_gradient_flow_page_says_what_the_error_signal_did_at_the_start(gain, key):
    view = _run(RunConfig(seq_len=20, models=("rnn", "lstm"), rnn_gain=gain), 1)
    probe = view.snapshots[0].probes["rnn"]
    (sentence,) = texts.gradient_start(view)  # the RNN's; the LSTM has no σ_max
    assert key in sentence and f"σ_max(W_hh) is {probe.sigma_max:.2f}" in sentence
    assert f"‖∂L/∂h_1‖ is {probe.grad_ratio:.2g} × ‖∂L/∂h_20‖" in sentence
    assert (probe.grad_ratio >= 1) == (key == "explodes")
    assert (probe.sigma_max > 1) == (key != "must shrink")


def test_the_two_exploding_scenes_are_the_same_rnn_on_the_same_batches_with_and_without_clipping():
    explode, clipped = story.scene_at(7), story.scene_at(8)
    assert (explode.key, clipped.key) == ("explode", "clipped")
    assert explode.config.replace(clip=1.0) == clipped.config and explode.config.clip == 0
    assert explode.config.models == ("rnn",) and explode.config.rnn_gain == 2.5
    assert explode.choices() == [("rnn",), ()]
    assert [story.choice_text(explode, c) for c in explode.choices()] == \
        ["The RNN learns it", "The RNN does not"]
    assert "race_grad" in explode.charts and "race_grad" in clipped.charts
    view = _run(explode.config, explode.config.max_steps)
    lines = story.explanation(explode, view, ())
    assert story.predicted_right(explode, view, ()) and explode.outcome(view) == ()
    assert "Its gradient exploded: the norm reached" in lines[0]
    assert "gradient: its gradient" not in lines[0].lower()
    assert texts.race_next(view).startswith("Next: the gradient exploded and the loss spiked. Turn "
                                      "gradient clipping on")
    assert lines[-1].startswith("With σ_max(W_hh) above 1")
    view = _run(clipped.config, clipped.config.max_steps)
    assert clipped.outcome(view) == ("rnn",)
    lines = story.explanation(clipped, view, ())
    assert "You predicted: The RNN does not. The run says otherwise: The RNN learns it." in lines
    assert lines[-1].startswith("Clipping rescaled every gradient")


@pytest.mark.slow
def test_the_exploding_scenes_behave_as_told_on_seeds_0_to_4():
    """Scene 7 (no clipping): the RNN's gradient explodes and it does not learn the task in
    >= 4 of 5 seeds; scene 8 (clipping at 1, same batches) learns it in >= 4 of 5."""
    unsolved = exploded = solved = 0
    for seed in range(5):
        view = _run(SCENE.replace(seed=seed), 600)
        unsolved += view.solved_step("rnn") is None
        exploded += gradient_state(view, "rnn") == "exploded"
        solved += _run(SCENE.replace(seed=seed, clip=1.0), 600).solved_step("rnn") is not None
    assert unsolved >= 4 and exploded >= 4 and solved >= 4, (unsolved, exploded, solved)
