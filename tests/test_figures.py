"""Figure builders: data in, plotly Figure out; titles, axes, legends, colours, data."""

import base64
import dataclasses
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io
import pytest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.kinds import KINDS
from lstm_viz.present import axes, figures, panels
from lstm_viz.present.labels import kind_color, kind_label, multiplier_label

CONFIG = RunConfig(seq_len=12, hidden_size=6, batch_size=8, probe_batch_size=4, eval_every=5,
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
    return {t.name: t.line.color for t in fig.data
            if getattr(t, "line", None) is not None and t.line.color}


def test_race_figures_hold_history_held_out_chance_and_colours(trainer):
    view = trainer.view()
    histories = view.history
    diverged = {"gru": 7}
    metric = figures.metric_curves(histories, view.evals, diverged, "accuracy",
                                   {"chance (0.50)": 0.5}, "t", 512)
    loss = figures.training_loss(histories, diverged)
    for fig in (metric, loss):
        _check_common(fig)
    names = [t.name for t in loss.data]
    assert names == ["RNN", "LSTM", "GRU (diverged at step 7)", None]
    end = loss.data[-1]  # the diverged model's curve ends at a cross, in its colour
    assert end.marker.symbol == "x" and end.marker.color == kind_color("gru")
    assert (end.x[0], end.y[0]) == (loss.data[2].x[-1], loss.data[2].y[-1])
    np.testing.assert_array_equal(loss.data[0].y, histories["rnn"]["loss"])
    assert {t.name: t.line.color for t in loss.data}["LSTM"] == kind_color("lstm")
    assert loss.layout.yaxis.type == "log"
    held_out = next(t for t in metric.data if t.name == "LSTM, held-out")
    assert list(held_out.x) == [s for s, _ in view.evals["lstm"]]
    assert list(held_out.y) == [m for _, m in view.evals["lstm"]]
    assert held_out.line.color == kind_color("lstm")
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
    assert figs["race_loss"].layout.title.text.startswith("Gradient norm before clipping")
    np.testing.assert_allclose(figs["race_loss"].data[0].y,
                               trainer.view().history["rnn"]["grad_norm"])
    assert figs["race_metric"].layout.yaxis.type == "log" and "race_grad" not in figs


@pytest.mark.parametrize("clip", [0.0, 0.02, 1.0])
def test_the_gradient_chart_draws_each_norm_before_clipping_the_threshold_and_the_clipped_steps(
        clip):
    """Per model: the recorded norm of every step, and a marker at each step whose norm passed
    the threshold (the steps clipping rescaled); the threshold itself as a line."""
    trainer = LockstepTrainer(CONFIG.replace(clip=clip, models=("rnn", "lstm")))
    trainer.step(30)
    view = trainer.view()
    fig = panels.race(view)["race_grad"]
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.yaxis.title.text == "‖gradient‖ before clipping (log scale)"
    by_name = {trace.name: trace for trace in fig.data}
    for kind, label in (("rnn", "RNN"), ("lstm", "LSTM")):
        norms = view.history[kind]["grad_norm"]
        np.testing.assert_allclose(by_name[label].y, norms)
        over = int((norms > clip).sum()) if clip > 0 else 0
        clipped = [tr for name, tr in by_name.items() if name.startswith(f"{label}: ")]
        if over:
            assert clipped[0].name == f"{label}: {over} clipped steps"
            np.testing.assert_allclose(clipped[0].y, norms[norms > clip])
            # open, not the line's own filled markers: told apart from the steps not clipped
            assert clipped[0].marker.symbol.endswith("-open") and by_name[label].marker.symbol \
                and not by_name[label].marker.symbol.endswith("-open")
        else:
            assert not clipped
    threshold = [tr for tr in fig.data if tr.name == f"clipping threshold {clip:g}"]
    assert (list(threshold[0].y) == [clip, clip]) if clip else not threshold
    assert ("no clipping" in fig.layout.title.text) == (clip == 0)


def test_long_histories_are_thinned_for_drawing():
    n = 10 * axes.MAX_POINTS
    data = {"step": np.arange(n, dtype=float), "loss": np.ones(n), "metric": np.zeros(n)}
    fig = figures.training_loss({"lstm": data}, {})
    assert len(fig.data[0].x) <= axes.MAX_POINTS
    fig = figures.metric_curves({"lstm": data}, {}, {}, "MSE", {"baseline": 0.167}, "t", 512)
    assert len(fig.data[0].x) <= axes.MAX_POINTS


@pytest.mark.parametrize("kind,gates", [("lstm", "ifgo"), ("gru", "rzn")])
def test_gate_heatmaps_show_each_gate_unit_by_time_with_its_own_scale(trainer, kind, gates):
    snapshot = trainer.snapshots[-1]
    figs = panels.inside(trainer.view(), snapshot)
    probe = snapshot.probes[kind]
    for gate in gates:
        fig = figs[f"gate_{kind}_{gate}"]
        _check_common(fig)
        (heat,) = fig.data
        np.testing.assert_array_equal(np.asarray(heat.z), probe.states[gate][0].astype(float).T)
        assert heat.z.shape == (CONFIG.hidden_size, CONFIG.seq_len)
        tanh = gate in "gn"
        assert (heat.zmin, heat.zmax) == ((-1, 1) if tanh else (0, 1))
        assert heat.colorbar.title.text == ("tanh" if tanh else "gate")
        assert any(s.x0 == 1 for s in fig.layout.shapes)  # the key step, 1-based
        assert fig.layout.xaxis.range[0] < 1 and fig.layout.annotations[0].text == "key step"


def test_memory_is_drawn_on_two_sequences_with_different_answers(trainer):
    snapshot = trainer.snapshots[-1]
    probe = snapshot.probes["lstm"]
    first, second = probe.sequences
    y = trainer.probe_batch.y
    assert first == 0 and y[second] != y[0] and all(y[1:second] == y[0])
    fig = panels.inside(trainer.view(), snapshot)["state_lstm"]
    _check_common(fig)
    units = figures.top_units(probe, 3)
    importance = probe.readout_norms * np.abs(probe.states["h"][0][-1].astype(float))
    assert importance[units[0]] == importance.max()
    solid = [t for t in fig.data if t.line.dash == "solid"]
    dashed = [t for t in fig.data if t.line.dash == "dash"]
    assert len(solid) == len(dashed) == panels.TOP_UNITS
    np.testing.assert_array_equal(solid[0].y, probe.states["c"][0][:, units[0]].astype(float))
    np.testing.assert_array_equal(dashed[0].y, probe.states["c"][1][:, units[0]].astype(float))
    assert {t.line.color for t in fig.data} == {kind_color("lstm")}
    assert "answer A" in solid[0].name and "answer B" in dashed[0].name


def test_gradient_norms_share_one_log_scale_at_init_and_now(trainer):
    figs = panels.gradients(trainer.view())
    init, now = figs["grad_init"], figs["grad_now"]
    for fig in (init, now):
        _check_common(fig)
        assert fig.layout.yaxis.type == "log"
    assert list(init.layout.yaxis.range) == list(now.layout.yaxis.range)
    rnn = [t for t in init.data if t.name.startswith("RNN")]
    np.testing.assert_allclose(rnn[0].y, trainer.snapshots[0].probes["rnn"].grad_h)
    low, high = init.layout.yaxis.range
    every = np.concatenate([p.grad_h for s in (trainer.snapshots[0], trainer.snapshots[-1])
                            for p in s.probes.values()])
    assert low < np.log10(every.min()) and high > np.log10(every.max())
    assert any("∂L/∂c_t" in t.name for t in now.data)


def test_an_error_signal_below_float64_is_named_in_the_legend_and_the_text(trainer):
    """Where float64 rounds the error signal to 0 (a long lag, a saturated RNN), the chart leaves
    a gap and its legend says up to which step; the ratio reads 'below 1e-300', not '0'."""
    rnn = trainer.snapshots[0].probes["rnn"]
    gone = dataclasses.replace(rnn,
                               grad_h=np.where(np.arange(len(rnn.grad_h)) < 4, 0.0, rnn.grad_h))
    fig = figures.gradient_norms({"rnn": gone}, [], {}, "title")
    assert fig.data[0].name == "RNN ‖∂L/∂h_t‖: below float64 at t ≤ 4"
    assert np.isnan(fig.data[0].y[:4]).all() and not np.isnan(fig.data[0].y[4:]).any()
    assert figures.gradient_norms({"rnn": rnn}, [], {}, "title").data[0].name == "RNN ‖∂L/∂h_t‖"
    assert figures.reach_text(gone.grad_ratio) == "below 1e-300"
    assert figures.reach_text(3.6e-242) == "3.6e-242" and figures.reach_text(0.25) == "0.25"
    bars = figures.gradient_reach({"rnn": gone, "lstm": trainer.snapshots[0].probes["lstm"]}, "t")
    assert bars.data[0].text[0] == "below 1e-300"


def test_a_part_done_sweep_says_how_many_seeds_each_median_has():
    fig = figures.horizon_figure({"rnn": {10: [0.9, 1.0], 50: [0.5]}, "lstm": {10: [1.0, 1.0]}},
                                 "accuracy", {"chance": 0.5}, 0.95, "title")
    names = [trace.name for trace in fig.data]
    assert "RNN: median over 1–2 seeds" in names and "LSTM: median over 2 seeds" in names


def test_a_log_axis_within_one_decade_writes_its_ticks_out():
    """Plotly's minor labels would read '2' for 0.2; a phone's axis would hold 1 to 9 twice."""
    axis = axes.log_axis(np.array([0.3, 0.9, 2.0]))
    shown = dict(zip(axis["tickvals"], axis["ticktext"]))
    assert shown[0.2] == "0.2" and shown[1.0] == "1" and shown[5.0] == "5"
    assert len(shown) <= 12 and all(
        str(m) in "1235" for m in (round(v / 10 ** np.floor(np.log10(v))) for v in shown))
    assert axes.log_axis(np.array([1e-3, 10.0]))["dtick"] == 1 and "tickvals" not in \
        axes.log_axis(np.array([1e-3, 10.0]))


@pytest.mark.parametrize("values", [
    [0.55, 0.95], [0.5, 1.0], [0.6, 0.62], [0.69], [0.95, 1.05], [3.0, 3.1], [0.09, 0.5],
    [0.8, 9.0], [0.3, 0.9, 2.0], [1e-3, 10.0], [0.2, 3.0], [1e-13, 80.0], [1e-264, 1e44],
    [7e-5, 9e-5], [123.0]])
def test_every_log_axis_has_two_labelled_ticks_inside_its_range(values):
    """A loss at chance (0.55 to 0.95) had no 1-2-3-5 tick inside it: its axis had no number."""
    axis = axes.log_axis(np.array(values + [0.0, np.nan]))
    low, high = axis.get("range", np.log10([min(values), max(values)]))
    if "tickvals" in axis:
        inside = [v for v in axis["tickvals"] if low <= np.log10(v) <= high]
        assert len(inside) >= 2 and len(axis["tickvals"]) <= 24, (values, axis)
        assert axis["ticktext"] == [f"{v:g}" for v in axis["tickvals"]]
    else:  # every dtick-th whole decade is labelled: two of them inside
        decades = np.arange(np.ceil(low), np.floor(high) + 1)
        assert (decades % axis["dtick"] == 0).sum() >= 2, (values, axis)


def test_log_axes_drop_zeros_instead_of_drawing_minus_infinity():
    gaps = axes.positive_or_gap(np.array([1.0, 0.0, np.nan, 1e-300, -np.inf]))
    np.testing.assert_array_equal(gaps, [1.0, np.nan, np.nan, 1e-300, np.nan])
    sent = json.loads(plotly.io.to_json(go.Figure(go.Scatter(y=gaps)),
                                        validate=False))["data"][0]["y"]
    assert sent["dtype"] == "f8"  # the whole array at once, its gaps as NaN (undrawn)
    np.testing.assert_array_equal(np.frombuffer(base64.b64decode(sent["bdata"])), gaps)


def test_gradient_history_rows_are_snapshots_on_one_colour_scale(trainer):
    figs = panels.gradients(trainer.view())
    rnn, lstm = figs["history_rnn"], figs["history_lstm"]
    _check_common(rnn)
    assert list(rnn.data[0].y) == [s.step for s in trainer.snapshots]
    np.testing.assert_allclose(lstm.data[0].z[-1],
                               np.log10(trainer.snapshots[-1].probes["lstm"].grad_h))
    assert (rnn.data[0].zmin, rnn.data[0].zmax) == (lstm.data[0].zmin, lstm.data[0].zmax)


def test_a_single_snapshot_labels_its_step_not_a_range():
    fresh = LockstepTrainer(CONFIG)
    fig = panels.gradients(fresh.view())["history_lstm"]
    assert fig.layout.yaxis.type == "category" and list(fig.layout.yaxis.tickvals) == [0]


def test_multiplier_figures_show_gain_bound_and_the_product_of_the_drawn_factors(trainer):
    figs = panels.gradients(trainer.view())
    factors, products = figs["factors"], figs["products"]
    names = [t.name.replace("<br>", " ") for t in factors.data]
    assert any("worst case" in n for n in names) and any("forget gate" in n for n in names)
    probes = trainer.snapshots[-1].probes
    for kind in probes:
        factor = next(np.asarray(t.y) for t in factors.data
                      if t.name.replace("<br>", " ") == multiplier_label(kind))
        product = next(np.asarray(t.y, dtype=float) for t in products.data
                       if t.name == kind_label(kind))
        np.testing.assert_allclose(product, probes[kind].multiplier_product)
        np.testing.assert_allclose(product, [np.prod(factor[t + 1:]) for t in range(len(factor))])


def test_probe_charts_say_how_they_aggregate_and_mark_every_key_step():
    trainer = LockstepTrainer(CONFIG.replace(task="adding"))
    figs = panels.gradients(trainer.view())
    n = CONFIG.probe_batch_size
    assert f"mean over the {n} probe sequences" in figs["grad_init"].layout.yaxis.title.text
    assert f"geometric mean over the {n} probe sequences" in figs["factors"].layout.yaxis.title.text
    assert f"mean over the {n} probe sequences" in figs["connectivity"].layout.yaxis.title.text
    assert f"mean over the {n} probe sequences" in figs["history_rnn"].layout.title.text
    marked = {int(s.x0) - 1 for s in figs["connectivity"].layout.shapes}
    assert marked == set(trainer.probe_batch.key_steps.flatten().tolist()) and len(marked) > 2


def test_sigma_and_connectivity_and_power_curves(trainer):
    figs = panels.gradients(trainer.view())
    sigma = figs["sigma"]
    _check_common(sigma)
    assert list(sigma.data[0].x) == [s.step for s in trainer.snapshots]
    assert list(sigma.data[0].y) == [s.probes["rnn"].sigma_max for s in trainer.snapshots]
    assert "1/γ = 1" in sigma.data[1].name and "γ bounds" in sigma.data[1].name
    fig = figs["connectivity"]
    _check_common(fig)
    assert len(fig.data) == 4 and fig.data[-1].name == "key steps (all probe sequences)"
    np.testing.assert_allclose(fig.data[1].y, trainer.snapshots[-1].probes["lstm"].connectivity)
    for log in (False, True):
        fig = figures.power_curves(0.9, 50, "powers", log=log)
        _check_common(fig)
        np.testing.assert_allclose(np.asarray(fig.data[0].y, dtype=float), 0.9 ** np.arange(51))
        np.testing.assert_allclose(fig.data[1].y, 1.0)
        assert (fig.layout.yaxis.type == "log") == log


def test_race_glimpses_show_the_forget_gate_and_the_gradient_reaching_step_one(trainer):
    figs = panels.race_glimpses(trainer.view())
    probe = trainer.snapshots[-1].probes
    np.testing.assert_array_equal(np.asarray(figs["race_forget"].data[0].z),
                                  probe["lstm"].states["f"][0].astype(float).T)
    bars = figs["race_reach"].data[0]
    assert list(bars.x) == ["RNN", "LSTM", "GRU"]
    np.testing.assert_allclose(bars.y, [probe[k].grad_ratio for k in ("rnn", "lstm", "gru")])
    assert list(bars.marker.color) == [kind_color(k) for k in ("rnn", "lstm", "gru")]


def test_every_figure_has_a_title_axes_and_one_colour_per_model(trainer):
    view = trainer.view()
    built = {**panels.race(view), **panels.race_glimpses(view),
             **panels.inside(view, view.snapshots[-1]), **panels.gradients(view)}
    for key, fig in built.items():
        _check_common(fig)
        for trace in fig.data:
            for kind, label in ((k, kind_label(k)) for k in KINDS):
                if str(trace.name or "").startswith(label) and getattr(trace, "line", None) \
                        and trace.line.color:
                    assert trace.line.color == kind_color(kind), (key, trace.name)


def test_text_runs_label_the_time_axis_with_the_characters_read():
    trainer = LockstepTrainer(CONFIG.replace(task="text", seq_len=100, hidden_size=4))
    view = trainer.view()
    heat = panels.inside(view, view.snapshots[-1])["gate_lstm_f"]
    chars = trainer.task.step_labels(trainer.probe_batch.x[0])
    axis = heat.layout.xaxis
    assert list(axis.tickvals) == list(range(1, 101, 3))  # at most 40 labels
    assert list(axis.ticktext) == [("␣" if chars[t - 1] == " " else chars[t - 1])
                                   for t in axis.tickvals]
    race = panels.race(view)["race_loss"]
    assert {"unigram", "bigram"} <= {t.name for t in race.data}
    assert "bits per character" in race.layout.yaxis.title.text
    lstm = next(t for t in race.data if t.name == "LSTM")
    np.testing.assert_allclose(lstm.y, [v / np.log(2) for _, v in view.eval_losses["lstm"]])
    unigram = next(t for t in race.data if t.name == "unigram")
    assert unigram.y[0] == pytest.approx(trainer.task.loss_references()["unigram"] / np.log(2))


def test_series_forecasts_are_drawn_against_the_truth_in_model_colours():
    trainer = LockstepTrainer(CONFIG.replace(task="series", seq_len=30, hidden_size=4))
    trainer.step(3)
    view = trainer.view()
    fig = panels.forecasts(view)["forecast"]
    by_name = {t.name: t for t in fig.data}
    shown = figures.FORECASTS_SHOWN  # a readable stretch of the held-out windows
    np.testing.assert_allclose(by_name["truth"].y, trainer.eval_batch.y.numpy()[:shown])
    np.testing.assert_allclose(by_name["LSTM"].y, view.forecast("lstm")[1][:shown])
    assert f"the first {shown} of {len(trainer.eval_batch.y)} windows" in fig.layout.title.text
    assert by_name["GRU"].line.color == kind_color("gru")
    metric = panels.race(view)["race_metric"]
    names = [t.name for t in metric.data]
    assert any(n.startswith("naive, next = last") for n in names)
    assert any(n.startswith("seasonal naive") for n in names)


def test_sigma_draws_every_model_without_gates_in_its_own_colour_and_slope():
    run = LockstepTrainer(RunConfig(seq_len=8, hidden_size=6, models=("irnn", "lstm", "rnn-orth"),
                                    max_steps=5))
    run.train_to(5)
    run.take_snapshot()
    figs = panels.gradients(run.view())
    sigma = figs["sigma"]
    assert [t.name for t in sigma.data[:2]] == ["IRNN σ_max(W_hh)", "RNN (orthogonal) σ_max(W_hh)"]
    assert sigma.data[0].line.color != sigma.data[1].line.color
    assert list(sigma.data[0].y) == [s.probes["irnn"].sigma_max for s in run.snapshots]
    assert sigma.layout.title.text.replace("<br>", " ").startswith(
        "IRNN and RNN (orthogonal): largest singular value")
    bounds = [t.name.replace("<br>", " ") for t in figs["factors"].data
              if "worst case" in t.name.replace("<br>", " ")]
    assert bounds == ["IRNN worst case: max(1[h_t>0])·σ_max(W_hh)",
                      "RNN (orthogonal) worst case: max(1−h_t²)·σ_max(W_hh)"]
