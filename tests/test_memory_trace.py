"""The memory trace: the flip of one remembered input, carried (or lost) by each model, against
two direct passes through the fused nn modules and a 40-digit computation; its chart, its line
of text and the Inside page that shows them."""

import copy
import json

import mpmath
import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.kinds import KINDS, MemoryInit
from lstm_viz.core.models import build_model
from lstm_viz.core.probes import RESOLUTION, probe
from lstm_viz.present import axes, figures, panels
from lstm_viz.present.labels import kind_color, kind_label
from lstm_viz.tasks import make_task
from tests.test_pages import APP, values

FLIPPABLE = [("latch", 20), ("order", 16), ("adding", 14)]


def _gen(seed=0):
    return torch.Generator().manual_seed(seed)


def _targets_from_inputs(name, x):
    """Each task's target, recomputed from the inputs alone (not by the task's own code)."""
    if name == "latch":
        return x[:, 0].argmax(dim=-1)
    if name == "order":
        symbols = x.argmax(dim=-1)
        relevant = [row[row >= 4] - 4 for row in symbols]
        return torch.tensor([2 * int(r[0]) + int(r[1]) for r in relevant])
    return (x[..., 0] * x[..., 1]).sum(dim=1)  # adding: the marked values


@pytest.mark.parametrize("name,seq_len", FLIPPABLE + [("latch", 1), ("order", 2), ("adding", 2),
                                                      ("latch", 300)])
def test_the_flip_changes_exactly_one_input_and_the_answer_follows(name, seq_len):
    task = make_task(name, seq_len)
    a = task.sample(64, _gen(seq_len))
    b = task.flipped(a)
    changed = (a.x != b.x).any(dim=-1)  # (B, T)
    assert torch.equal(changed.sum(dim=1), torch.ones(64, dtype=torch.long))
    assert torch.equal(changed.float().argmax(dim=1), a.key_steps[:, 0])
    assert torch.allclose(b.y.float(), _targets_from_inputs(name, b.x).float(), atol=1e-6)
    assert (b.y != a.y).all()
    if name == "adding":  # the sum moves by exactly 0.5 and the value stays in [0, 1]
        torch.testing.assert_close((b.y - a.y).abs(), torch.full((64,), 0.5))
        assert ((b.x[..., 0] >= 0) & (b.x[..., 0] <= 1)).all()
    else:  # still one symbol per step
        assert torch.equal(b.x.sum(dim=-1), torch.ones(64, seq_len))
    torch.testing.assert_close(task.flipped(b).x, a.x)  # flipping twice gives A back


@pytest.mark.parametrize("name,seq_len", [("text", 24), ("series", 20)])
def test_a_task_without_a_flip_has_no_memory_trace(name, seq_len):
    task = make_task(name, seq_len)
    batch = task.probe_sample(2, _gen())
    assert task.flipped(batch) is None
    model = build_model("lstm", task.input_size, 3, task.output_size, 0, every_step=task.every_step)
    assert probe(model, task, batch).memory is None


def _fused_states(model, x):
    """Every state at every step from the fused nn module itself, in float64: h from its outputs,
    the others (the LSTM's c) from the state it returns after each prefix of x. One sequence per
    pass: a batched matrix product need not round identical rows identically (OpenBLAS on some
    CPUs does not), and the steps before the flip must be exactly equal in the reference."""
    rnn = copy.deepcopy(model.rnn).double()
    with torch.no_grad():
        passes = []
        for row in x.split(1):
            outputs, _ = rnn(row)
            states = {"h": outputs}
            for n, name in enumerate(model.spec.state_names[1:], start=1):
                states[name] = torch.stack([rnn(row[:, : t + 1])[1][n][0]
                                            for t in range(row.shape[1])], dim=1)
            passes.append(states)
    return {name: torch.cat([p[name] for p in passes]) for name in passes[0]}


def _fused_answers(model, task, h_last, targets):
    readout = copy.deepcopy(model.readout).double()
    with torch.no_grad():
        pred = readout(h_last)
    if task.class_names:
        return torch.softmax(pred, dim=-1)[torch.arange(2), targets.long()].numpy()
    return pred[:, 0].numpy()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("name,seq_len", FLIPPABLE)
def test_memory_trace_matches_two_passes_through_the_fused_module(kind, name, seq_len):
    task = make_task(name, seq_len)
    model = build_model(kind, task.input_size, 5, task.output_size, 3, MemoryInit("constant", 2.0))
    batch = task.sample(4, _gen(1))
    memory = probe(model, task, batch).memory
    a_x, b = batch.x[:1].double(), task.flipped(batch)
    fused = _fused_states(model, torch.cat([a_x, b.x[:1].double()]))
    step = int(batch.key_steps[0, 0])
    assert memory.step == step and memory.sequence == 0
    assert set(memory.distance) == set(model.spec.state_names)
    for name_, states in fused.items():
        expected = (states[0] - states[1]).norm(dim=-1).numpy()
        stored = memory.distance[name_]
        assert not stored[:step].any() and not expected[:step].any()
        shown = stored > 0
        np.testing.assert_allclose(stored[shown], expected[shown], rtol=1e-4)
        floor = 1e-10 * np.maximum(1.0, states[0].norm(dim=-1).numpy())
        assert (expected[~shown] < floor[~shown]).all()
    targets = torch.cat([batch.y[:1], b.y[:1]]).double()
    np.testing.assert_array_equal(memory.targets, targets.numpy())
    np.testing.assert_allclose(memory.answers, _fused_answers(model, task, fused["h"][:, -1],
                                                              targets), rtol=1e-9)


def _contracting_rnn(task, hidden=6, scale=0.8):
    model = build_model("rnn", task.input_size, hidden, task.output_size, 0)
    with torch.no_grad():
        model.rnn.weight_hh_l0.mul_(scale)
    return model


def _reference_distances(model, a, b):
    """||h_t(A) - h_t(B)|| of the tanh RNN in 40-digit arithmetic (mpmath)."""
    mpmath.mp.dps = 40
    w = {k: mpmath.matrix(v.detach().double().numpy().tolist()) for k, v in model.weights().items()}
    h_a = h_b = mpmath.matrix(model.hidden_size, 1)
    out = []
    for xa, xb in zip(a.tolist(), b.tolist()):
        h_a, h_b = ([mpmath.tanh(z) for z in w["w_ih"] * mpmath.matrix(xt) + w["b_ih"]
                     + w["w_hh"] * mpmath.matrix(h) + w["b_hh"]]
                    for xt, h in ((xa, h_a), (xb, h_b)))
        out.append(float(mpmath.norm(mpmath.matrix(h_a) - mpmath.matrix(h_b))))
    return np.array(out)


def test_what_float64_resolves_agrees_with_40_digits_and_the_rest_is_below_resolution():
    """A fading RNN: every difference drawn is within 1e-4 of the 40-digit value; where the
    trace says float64 cannot tell the passes apart, the true difference is below RESOLUTION."""
    task = make_task("latch", 45)
    model = _contracting_rnn(task)
    batch = task.sample(2, _gen(0))
    memory = probe(model, task, batch).memory
    reference = _reference_distances(model, batch.x[0], task.flipped(batch).x[0])
    drawn = memory.distance["h"] > 0
    np.testing.assert_allclose(memory.distance["h"][drawn], reference[drawn], rtol=1e-4)
    assert memory.lost_at is not None and memory.lost_at > 5
    assert not drawn[memory.lost_at:].any() and drawn[: memory.lost_at].all()
    h_norm = _fused_states(model, batch.x[:1].double())["h"][0].norm(dim=-1).numpy()
    assert (reference[memory.lost_at:]
            < RESOLUTION * np.maximum(1.0, h_norm[memory.lost_at:])).all()


def test_memory_trace_figure_draws_each_models_states_from_the_flip_on():
    task = make_task("order", 30)
    batch = task.sample(2, _gen(4))
    probes = {"rnn": probe(_contracting_rnn(task, 4, 0.3), task, batch),
              "lstm": probe(build_model("lstm", task.input_size, 4, task.output_size, 0), task,
                            batch)}
    fig = figures.memory_trace(probes, "memory", height=260)
    step = probes["rnn"].memory.step
    lost = probes["rnn"].memory.lost_at
    assert lost is not None and probes["lstm"].memory.lost_at is None
    names = [t.name for t in fig.data]
    assert names == [f"RNN, below float64 from t = {lost + 1}", "LSTM", "LSTM"]
    assert [t.showlegend for t in fig.data] == [True, True, False]
    for trace, (kind, state) in zip(fig.data, [("rnn", "h"), ("lstm", "h"), ("lstm", "c")]):
        distance = probes[kind].memory.distance[state][step:]
        assert list(trace.x) == list(range(step + 1, 31))
        gaps = np.isnan(trace.y)  # a distance of 0 (below float64) is a gap on the log axis
        np.testing.assert_array_equal(gaps, np.asarray(distance) == 0)
        assert list(np.where(gaps, 0.0, trace.y)) == pytest.approx(list(distance), rel=1e-12)
        assert trace.line.color == kind_color(kind)
    assert fig.data[2].line.dash == "dot"
    assert fig.layout.yaxis.type == "log" and fig.layout.height == 260
    assert list(fig.layout.xaxis.range) == [step + 0.5, 30.5]
    assert fig.layout.shapes[0].x0 == step + 1  # the flipped step, 1-based
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text and fig.layout.title.text


@pytest.fixture(scope="module")
def run():
    trainer = LockstepTrainer(RunConfig(seq_len=12, hidden_size=6, models=("rnn", "lstm"),
                                        max_steps=40, seed=3))
    trainer.step(10)
    return trainer


def test_the_memory_line_names_the_flip_and_each_models_answers_from_the_fused_modules(run):
    view, snapshot = run.view(), run.probe_now()  # the models' weights now (step 10)
    note = panels.memory_note(view, snapshot)
    task, batch = view.task, view.probe_batch
    signal = task.class_names[int(batch.y[0])]
    other = task.class_names[1 - int(batch.y[0])]
    assert f"the signal at t = 1, {signal} → {other}; right answers {signal} / {other}" in note
    flipped = task.flipped(batch)
    x = torch.cat([batch.x[:1], flipped.x[:1]]).double()
    targets = torch.tensor([int(batch.y[0]), int(flipped.y[0])])
    for kind in ("rnn", "lstm"):
        model = run.models[kind]
        p = _fused_answers(model, task, _fused_states(model, x)["h"][:, -1], targets)
        assert f"{kind_label(kind)} {p[0]:.2f} / {p[1]:.2f}" in note


def test_adding_says_predictions_against_the_right_sums():
    trainer = LockstepTrainer(RunConfig(task="adding", seq_len=10, hidden_size=4,
                                        models=("lstm",), max_steps=5))
    view = trainer.view()
    note = panels.memory_note(view, view.snapshots[-1])
    batch = view.probe_batch
    first = int(batch.key_steps[0, 0])
    v = float(batch.x[0, first, 0])
    w = v + 0.5 if v < 0.5 else v - 0.5
    assert f"the first marked value, at t = {first + 1}, {v:.2f} → {w:.2f}" in note
    assert f"right answers {float(batch.y[0]):.3f} / {float(batch.y[0]) + w - v:.3f}" in note
    model = trainer.models["lstm"]
    x = torch.cat([batch.x[:1], view.task.flipped(batch).x[:1]]).double()
    pred = _fused_answers(model, view.task, _fused_states(model, x)["h"][:, -1], None)
    assert f"Prediction at the end, A / B: LSTM {pred[0]:.3f} / {pred[1]:.3f}" in note


def _inside(params):
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("views/inside.py").run()
    assert not at.exception, at.exception
    return at


def _spec(at, title):
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return next((s for s in specs if title in s["layout"]["title"]["text"]), None)


def test_inside_draws_the_memory_trace_of_the_chosen_snapshot():
    at = _inside({"seq_len": "12", "hidden_size": "4", "seed": "41", "models": ["RNN", "LSTM"]})
    at.button(key="step").click().run()
    snapshot = at.session_state["cursor"].view().snapshots[-1]
    spec = _spec(at, "What one flipped input leaves")
    assert f"(step {snapshot.step})" in spec["layout"]["title"]["text"]
    assert "solid h_t, dotted c_t" in spec["layout"]["title"]["text"]
    drawn = [(t["legendgroup"], t["y"]) for t in spec["data"]]
    assert [group for group, _ in drawn] == ["rnn", "lstm", "lstm"]
    for (kind, y), state in zip(drawn, ("h", "h", "c")):
        memory = snapshot.probes[kind].memory
        np.testing.assert_allclose(np.nan_to_num(values(y)), memory.distance[state][memory.step:],
                                   rtol=1e-12)
    captions = " ".join(c.value for c in at.caption)
    assert "Probability of the right answer at the end, A / B" in captions


def test_inside_says_when_a_task_has_no_flip():
    at = _inside({"task": "series", "seq_len": "20", "hidden_size": "4", "models": ["LSTM"]})
    assert _spec(at, "What one flipped input leaves") is None
    assert "no single remembered input to flip" in " ".join(c.value for c in at.caption)
    assert _spec(at, ": saturation") is not None


@pytest.mark.parametrize("low,high,dtick", [(2.0, 4.0, None), (1e-3, 10.0, 1), (1e-13, 80.0, 3)])
def test_the_log_axis_labels_at_most_about_six_decades(low, high, dtick):
    axis = axes.log_axis(np.array([low, high, 0.0]))
    assert axis["type"] == "log" and axis.get("dtick") == dtick
