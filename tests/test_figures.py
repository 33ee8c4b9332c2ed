"""Figure builders: data in, plotly Figure out; titles, axes, legends, colours, data."""

import numpy as np
import pytest

from lstm_viz import LockstepTrainer, RunConfig, figures, panels

CONFIG = RunConfig(seq_len=12, hidden_size=6, batch_size=8, probe_batch_size=4, probe_every=5,
                   models=("rnn", "lstm", "gru"), max_steps=30)


@pytest.fixture(scope="module")
def trainer():
    t = LockstepTrainer(CONFIG)
    t.step(20)
    return t


def _check_common(fig):
    assert fig.layout.title.text
    assert fig.layout.height >= 300
    xaxes = [a for k, a in fig.layout.to_plotly_json().items() if k.startswith("xaxis")]
    yaxes = [a for k, a in fig.layout.to_plotly_json().items() if k.startswith("yaxis")]
    assert any(a.get("title", {}).get("text") for a in xaxes)
    assert any(a.get("title", {}).get("text") for a in yaxes)


def _colors_by_name(fig):
    return {t.name: t.line.color for t in fig.data if getattr(t, "line", None) is not None and t.line.color}


def test_race_figures_hold_history_held_out_chance_and_colours(trainer):
    view = trainer.view()
    histories = view.history
    diverged = {"gru": 7}
    metric = figures.metric_curves(histories, view.evals, diverged, "accuracy", 0.5,
                                   "chance (0.50)", "t", 512)
    loss = figures.training_signal(histories, diverged, "loss", "loss")
    for fig in (metric, loss):
        _check_common(fig)
    names = [t.name for t in loss.data]
    assert names == ["RNN", "LSTM", "GRU (diverged at step 7)"]
    np.testing.assert_array_equal(loss.data[0].y, histories["rnn"]["loss"])
    assert {t.name: t.line.color for t in loss.data}["LSTM"] == figures.COLORS["lstm"]
    assert loss.layout.yaxis.type == "log"
    held_out = next(t for t in metric.data if t.name == "LSTM, held-out")
    assert list(held_out.x) == [s for s, _ in view.evals["lstm"]]
    assert list(held_out.y) == [m for _, m in view.evals["lstm"]]
    assert held_out.line.color == figures.COLORS["lstm"]
    smoothed = next(t for t in metric.data if t.name == "LSTM, training batches")
    values = histories["lstm"]["metric"]
    assert smoothed.y[-1] == pytest.approx(values[-figures.SMOOTHING:].mean())
    assert smoothed.y[2] == pytest.approx(values[:3].mean())
    chance = next(t for t in metric.data if t.name == "chance (0.50)")
    assert list(chance.y) == [0.5, 0.5]
    assert "512 held-out sequences" in metric.layout.title.text
    assert [s.x0 for s in metric.layout.shapes] == [7]  # the divergence, in the GRU's colour


def test_an_empty_race_has_sized_axes_a_legend_and_the_chance_line():
    trainer = LockstepTrainer(CONFIG)
    figs = panels.race(trainer.view())
    metric = figs["race_metric"]
    assert list(metric.layout.xaxis.range) == [0, CONFIG.max_steps]
    assert list(metric.layout.yaxis.range) == [0, 1.03]
    held_out = [t for t in metric.data if t.name.endswith("held-out")]
    assert len(held_out) == 3 and all(len(t.x) == 1 for t in held_out)  # step 0, before training
    assert any(t.name.startswith("chance") for t in metric.data)


def test_adding_plots_the_gradient_norm_beside_the_mse_not_the_same_quantity_twice():
    trainer = LockstepTrainer(CONFIG.replace(task="adding"))
    trainer.step(5)
    figs = panels.race(trainer.view())
    assert figs["race_loss"].layout.title.text == "Gradient norm"
    np.testing.assert_allclose(figs["race_loss"].data[0].y, trainer.view().history["rnn"]["grad_norm"])
    assert figs["race_metric"].layout.yaxis.type == "log"


def test_long_histories_are_thinned_for_drawing():
    n = 10 * figures.MAX_POINTS
    data = {"step": np.arange(n, dtype=float), "loss": np.ones(n), "metric": np.zeros(n)}
    fig = figures.training_signal({"lstm": data}, {}, "loss", "t")
    assert len(fig.data[0].x) <= figures.MAX_POINTS
    fig = figures.metric_curves({"lstm": data}, {}, {}, "MSE", 0.167, "baseline", "t", 512)
    assert len(fig.data[0].x) <= figures.MAX_POINTS


@pytest.mark.parametrize("kind,gates", [("lstm", "ifgo"), ("gru", "rzn")])
def test_gate_heatmaps_show_each_gate_unit_by_time(trainer, kind, gates):
    probe = trainer.snapshots[-1].probes[kind]
    fig = figures.gate_heatmaps(probe.states, kind, [0], "gates")
    _check_common(fig)
    assert len(fig.data) == len(gates)
    for trace, gate in zip(fig.data, gates):
        np.testing.assert_array_equal(np.asarray(trace.z), probe.states[gate].T)
        assert trace.z.shape == (CONFIG.hidden_size, CONFIG.seq_len)
    assert any(s.x0 == 1 for s in fig.layout.shapes)  # the key step, 1-based


def test_state_trajectories_pick_the_units_the_readout_uses(trainer):
    probes = trainer.snapshots[-1].probes
    fig = figures.state_trajectories(probes, [0], 3, "states")
    _check_common(fig)
    lstm_units = figures.top_units(probes["lstm"], 3)
    importance = probes["lstm"].readout_norms * np.abs(probes["lstm"].states["h"][-1])
    assert importance[lstm_units[0]] == importance.max()
    lstm_traces = [t for t in fig.data if t.legendgroup == "lstm"]
    assert len(lstm_traces) == 3
    np.testing.assert_array_equal(lstm_traces[0].y, probes["lstm"].states["c"][:, lstm_units[0]])
    assert {t.line.color for t in lstm_traces} == {figures.COLORS["lstm"]}


def test_gradient_norms_are_log_scale_at_init_and_now(trainer):
    first, last = trainer.snapshots[0], trainer.snapshots[-1]
    fig = figures.gradient_norms(first.probes, last.probes, last.step, [0], {}, "grads")
    _check_common(fig)
    assert fig.layout.yaxis.type == "log"
    rnn = [t for t in fig.data if t.name.startswith("RNN")]
    assert len(rnn) == 2
    np.testing.assert_allclose(rnn[0].y, first.probes["rnn"].grad_h)
    assert any("∂L/∂c_t" in t.name for t in fig.data)


def test_log_axes_drop_zeros_instead_of_drawing_minus_infinity():
    assert figures._positive(np.array([1.0, 0.0, np.nan, 1e-300])) == [1.0, None, None, 1e-300]


def test_gradient_heatmap_rows_are_snapshots(trainer):
    fig = figures.gradient_heatmap(trainer.snapshots, ["rnn", "lstm"], "heat")
    _check_common(fig)
    assert list(fig.data[0].y) == [s.step for s in trainer.snapshots]
    np.testing.assert_allclose(fig.data[1].z[-1], np.log10(trainer.snapshots[-1].probes["lstm"].grad_h))


def test_multiplier_figure_shows_gain_bound_and_product(trainer):
    probes = trainer.snapshots[-1].probes
    fig = figures.multiplier_figure(probes, trainer.steps, "mult")
    _check_common(fig)
    names = [t.name for t in fig.data]
    assert any("worst case" in n for n in names) and any("forget gate" in n for n in names)
    lstm_factor, lstm_product = [t for t in fig.data if t.legendgroup == "lstm"]
    np.testing.assert_allclose(lstm_product.y, probes["lstm"].multiplier_product)
    factors = np.asarray(lstm_factor.y)  # the drawn product is the product of the drawn factors
    np.testing.assert_allclose(lstm_product.y, [np.prod(factors[t + 1:]) for t in range(len(factors))])


def test_probe_charts_say_how_they_aggregate_and_mark_every_key_step():
    trainer = LockstepTrainer(CONFIG.replace(task="adding"))
    figs = panels.gradients(trainer.view())
    n = CONFIG.probe_batch_size
    assert f"mean over the {n} probe sequences" in figs["grad_norms"].layout.yaxis.title.text
    assert f"geometric mean over the {n} probe sequences" in figs["multipliers"].layout.yaxis.title.text
    assert f"mean over the {n} probe sequences" in figs["connectivity"].layout.yaxis.title.text
    assert f"mean over the {n} probe sequences" in figs["grad_heatmap"].layout.title.text
    marked = {int(s.x0) - 1 for s in figs["connectivity"].layout.shapes}
    assert marked == set(trainer.probe_batch.key_steps.flatten().tolist()) and len(marked) > 2


def test_sigma_and_connectivity_and_power_curves(trainer):
    figs = panels.gradients(trainer.view())
    sigma = figs["sigma"]
    _check_common(sigma)
    assert list(sigma.data[0].x) == [s.step for s in trainer.snapshots]
    assert list(sigma.data[0].y) == [s.probes["rnn"].sigma_max for s in trainer.snapshots]
    fig = figs["connectivity"]
    _check_common(fig)
    assert len(fig.data) == 3
    np.testing.assert_allclose(fig.data[1].y, trainer.snapshots[-1].probes["lstm"].connectivity)
    fig = figures.power_curves(0.9, 50, "powers")
    _check_common(fig)
    np.testing.assert_allclose(fig.data[0].y, 0.9 ** np.arange(51))
    np.testing.assert_allclose(fig.data[1].y, 1.0)
    assert fig.layout.yaxis2.type == "log"
