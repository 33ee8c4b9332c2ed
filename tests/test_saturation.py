"""Gate saturation (Karpathy, Johnson & Fei-Fei 2015): the fractions on a hand-made gate trace,
ModelProbe's against internals.trace, the scatter plot and the Inside page's."""

import json

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.internals import trace
from lstm_viz.core.kinds import KINDS, MemoryInit
from lstm_viz.core.models import build_model
from lstm_viz.core.probes import probe, saturation
from lstm_viz.present import figures, panels
from lstm_viz.present.labels import kind_color
from lstm_viz.tasks import make_task
from tests.test_pages import APP, values


def test_fractions_of_a_hand_made_gate_trace():
    """Two sequences of 5 steps, 3 units: unit 1 is below 0.1 at 4 of the 10 steps and above
    0.9 at 3; unit 2 sits exactly on the thresholds (neither); unit 3 is always above 0.9."""
    unit1 = [[0.0, 0.05, 0.5, 0.95, 1.0], [0.099, 0.2, 0.3, 0.901, 0.01]]
    unit2 = [[0.1, 0.9, 0.1, 0.9, 0.1], [0.9, 0.1, 0.9, 0.1, 0.9]]
    unit3 = [[0.91] * 5, [0.999] * 5]
    f = torch.tensor([unit1, unit2, unit3]).permute(1, 2, 0)  # (B, T, H)
    gates = {"i": torch.full_like(f, 0.5), "f": f, "g": torch.zeros_like(f), "o": 1 - f}
    result = saturation(KINDS["lstm"], gates)
    assert set(result) == {"i", "f", "o"}  # g is a tanh candidate, not a gate in [0, 1]
    np.testing.assert_allclose(result["f"], [[0.4, 0.0, 0.0], [0.3, 0.0, 1.0]])
    np.testing.assert_allclose(result["o"], [[0.3, 0.0, 1.0], [0.4, 0.0, 0.0]])
    np.testing.assert_array_equal(result["i"], np.zeros((2, 3)))
    assert saturation(KINDS["rnn"], {}) == {}


@pytest.mark.parametrize("kind", list(KINDS))
def test_probe_stores_the_fractions_of_internals_trace(kind):
    task = make_task("order", 20)
    model = build_model(kind, task.input_size, 7, task.output_size, 1, MemoryInit("chrono", 0, 20))
    batch = task.sample(5, torch.Generator().manual_seed(2))
    stored = probe(model, task, batch).saturation
    internals = trace(model, batch.x)
    spec = KINDS[kind]
    sigmoid = [g for g in spec.gate_names if g not in spec.tanh_gates]
    assert list(stored) == sigmoid
    for gate in sigmoid:
        values_ = internals[gate].numpy().reshape(-1, 7)  # (B*T, H)
        expected = [np.count_nonzero(values_ < 0.1, axis=0) / len(values_),
                    np.count_nonzero(values_ > 0.9, axis=0) / len(values_)]
        np.testing.assert_allclose(stored[gate], expected, rtol=1e-6)
        assert stored[gate].dtype == np.float32


def test_the_1997_cells_forget_gate_is_always_right_saturated():
    task = make_task("latch", 10)
    model = build_model("lstm-cec", task.input_size, 4, task.output_size, 0)
    stored = probe(model, task, task.sample(3, torch.Generator().manual_seed(0))).saturation
    np.testing.assert_array_equal(stored["f"], [[0.0] * 4, [1.0] * 4])


def test_scatter_follows_the_papers_axes_one_colour_per_model():
    task = make_task("latch", 15)
    batch = task.sample(4, torch.Generator().manual_seed(3))
    probes = {kind: probe(build_model(kind, task.input_size, 5, task.output_size, 0), task, batch)
              for kind in ("rnn", "lstm", "gru", "lstm-cec")}
    fig = figures.gate_saturation(probes, "f", "forget gate")
    diagonal, *points = fig.data
    assert list(diagonal.x) == [0, 1] and list(diagonal.y) == [1, 0]
    assert [t.name for t in points] == ["LSTM (5 units)", "LSTM 1997 (5 units)"]  # no RNN, GRU
    for trace_, kind in zip(points, ("lstm", "lstm-cec")):
        left, right = probes[kind].saturation["f"]
        np.testing.assert_allclose(trace_.x, right)  # x: right-saturated, as in the paper
        np.testing.assert_allclose(trace_.y, left)
        assert trace_.marker.color == kind_color(kind)
    assert "right-saturated" in fig.layout.xaxis.title.text
    assert "left-saturated" in fig.layout.yaxis.title.text
    assert fig.layout.title.text == "forget gate"


def test_panels_draw_one_scatter_per_gate_the_models_share():
    trainer = LockstepTrainer(RunConfig(seq_len=8, hidden_size=4, models=("rnn", "lstm", "gru"),
                                        max_steps=5))
    view = trainer.view()
    figs = panels.saturation(view, view.snapshots[-1])
    assert list(figs) == ["saturation_i", "saturation_f", "saturation_o", "saturation_r",
                          "saturation_z"]
    assert "Forget gate f: saturation (step 0)" in figs["saturation_f"].layout.title.text
    assert "8 probe sequences × 8 steps" in figs["saturation_f"].layout.title.text


def test_inside_scrubs_the_saturation_plot_to_the_chosen_snapshot():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"T": "10", "hidden": "4", "seed": "43", "snapshot": "25"})
    at.run()
    at.switch_page("views/inside.py").run()
    at.select_slider(key="step_n").set_value(50).run()
    at.button(key="step").click().run()
    assert not at.exception, at.exception
    chosen = next(s for s in at.session_state["cursor"].view().snapshots if s.step == 25)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    spec = next(s for s in specs if "Forget gate f: saturation" in s["layout"]["title"]["text"])
    assert "(step 25)" in spec["layout"]["title"]["text"]
    lstm = next(t for t in spec["data"] if t["name"].startswith("LSTM"))
    left, right = chosen.probes["lstm"].saturation["f"]
    np.testing.assert_allclose(values(lstm["x"]), right, rtol=1e-6)
    np.testing.assert_allclose(values(lstm["y"]), left, rtol=1e-6)
