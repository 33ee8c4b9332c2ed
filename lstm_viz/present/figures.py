"""Pure figure builders: data in, plotly Figure out. No Streamlit, no training.

Every model keeps one colour on every chart (Okabe & Ito's colour-blind-safe palette); every
chart has a title, axis labels and a legend. Time steps are shown 1-based (t = 1..T), as in the
papers; the steps that carry the information to remember are marked with dotted lines. The
axes and layout they share are ``axes``'s; each chart's text alternative is ``chart_text``'s.
"""

from __future__ import annotations

import numpy as np
import plotly.colors
import plotly.graph_objects as go

from lstm_viz.core.kinds import kind_of
from lstm_viz.core.probes import SATURATION, ModelProbe
from lstm_viz.i18n import t
from lstm_viz.present.axes import (
    END_SYMBOL,
    REFERENCE_COLOR,
    figure,
    key_step_lines,
    key_steps_entry,
    last_step,
    log_axis,
    log_scale,
    positive_or_gap,
    thin,
    time_axis,
    visible_char,
    with_aggregation,
)
from lstm_viz.present.labels import kind_color, kind_label, look, multiplier_label

FORECASTS_SHOWN = 60  # held-out windows a forecast chart draws
FLOOR = 1e-300  # a log chart draws what underflowed below this at this, labelled
SMOOTHING = 25  # training steps in the running mean of the batch metric
# Magma as rgb() stops: plotly.js draws its first stop, "#000004", as pink in heatmaps.
MAGMA = [[i / (len(plotly.colors.sequential.Magma) - 1),
          "rgb(%d, %d, %d)" % plotly.colors.hex_to_rgb(c)]
         for i, c in enumerate(plotly.colors.sequential.Magma)]
REFERENCE_DASHES = ("dash", "dashdot", "longdash")
# Models that reach the same value (1.0 at every length) would hide one another: each median
# line has its own dash and marker, drawn smaller from one model to the next.
MEDIAN_DASHES = ("solid", "dash", "dot")
MEDIAN_MARKERS = ("circle", "diamond", "square", "triangle-up")


def model_name(kind: str, diverged: dict[str, int] | None = None) -> str:
    """'LSTM', or 'RNN (diverged at step 12)'."""
    if diverged and kind in diverged:
        return t("figures.diverged", model=kind_label(kind), step=diverged[kind])
    return kind_label(kind)


def state_title(state: str) -> str:
    """A state's axis title: 'hidden state h_t' (h) or 'cell state c_t' (c)."""
    return t("figures.state_c") if state == "c" else t("figures.state_h")


def running_mean(values: np.ndarray, window: int) -> np.ndarray:
    """Trailing mean of the last ``window`` values at each point (fewer at the start)."""
    sums = np.cumsum(np.concatenate([[0.0], values]))
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(0, ends - window)
    return (sums[ends] - sums[starts]) / (ends - starts)


def metric_curves(
    histories: dict[str, dict[str, np.ndarray]],
    evals: dict[str, list[tuple[int, float]]],
    diverged: dict[str, int],
    metric_label: str,
    references: dict[str, float],
    title: str,
    held_out_size: int,
    metric_axis: str = "unit",
    min_steps: int = 100,
) -> go.Figure:
    """The metric against training step: held-out (solid, dots) and the training batches'
    running mean (dotted), with the chance line. The step axis spans at least ``min_steps``, so
    an empty race already shows its axes, legend and chance line. Built in one go (no
    plotly's step-by-step helpers): this chart redraws on every tick of every session."""
    traces = []
    for kind, data in histories.items():
        color = kind_color(kind)
        if evals.get(kind):
            steps, metrics = zip(*evals[kind])
            traces.append(go.Scatter(x=steps, y=metrics, mode="lines+markers", legendgroup=kind,
                                     name=t("figures.held_out", model=model_name(kind, diverged)),
                                     line=dict(color=color, width=2.5), marker=dict(size=5)))
        x, y = thin(data["step"], running_mean(data["metric"], SMOOTHING))
        traces.append(go.Scatter(x=x, y=y, mode="lines", legendgroup=kind, showlegend=False,
                                 name=t("figures.training_batches", model=kind_label(kind)),
                                 line=dict(color=color, width=1.2, dash="dot")))
    last = last_step(histories, min_steps)
    traces += _reference_lines(references, last)
    traces.append(go.Scatter(x=[None], y=[None], mode="lines", line=dict(color=REFERENCE_COLOR,
                             dash="dot", width=1.2),
                             name=t("figures.dotted_batches", n=SMOOTHING)))
    held = np.array([m for rows in evals.values() for _, m in rows] + list(references.values()))
    if metric_axis == "log":  # an MSE that spans decades
        drawn = [np.asarray(tr.y, dtype=float) for tr in traces if tr.y is not None]
        yaxis = dict(title=dict(text=log_scale(metric_label)),
                     **log_axis(np.concatenate([held] + drawn)))  # the batches' curve too
    elif metric_axis == "linear":  # an RMSE near its baselines
        finite = held[np.isfinite(held)]
        yaxis = dict(range=[0, 1.1 * min(finite.max(), 3 * max(references.values()))],
                     title=dict(text=metric_label))
    else:  # an accuracy
        yaxis = dict(range=[0, 1.03], title=dict(text=metric_label))
    layout = dict(xaxis=dict(range=[0, last], title=dict(text=t("figures.training_step"))),
                  yaxis=yaxis, shapes=_diverged_lines(diverged))
    return figure(traces + _ends(traces, diverged), layout,
                   t("figures.on_held_out", title=title, n=held_out_size))


def _reference_lines(references: dict[str, float], last: float) -> list[go.Scatter]:
    """Flat grey reference lines (chance, baselines) from step 0 to ``last``, one dash each."""
    return [go.Scatter(x=[0, last], y=[value, value], mode="lines", name=label,
                       line=dict(color=REFERENCE_COLOR, dash=REFERENCE_DASHES[i % 3]))
            for i, (label, value) in enumerate(references.items())]


def held_out_loss(eval_losses: dict[str, list[tuple[int, float]]], diverged: dict[str, int],
                  references: dict[str, float], scale: float, unit: str, title: str,
                  min_steps: int = 100) -> go.Figure:
    """The held-out loss of every model against training step, times ``scale`` (nats to bits),
    with reference lines (the unigram and bigram baselines) in the same units."""
    traces = []
    for kind, rows in eval_losses.items():
        steps, losses = zip(*rows) if rows else ((), ())
        traces.append(go.Scatter(x=steps, y=[v * scale for v in losses], mode="lines+markers",
                                 name=model_name(kind, diverged), marker=dict(size=5),
                                 legendgroup=kind,
                                 line=dict(color=kind_color(kind), width=2.5)))
    last = max([min_steps] + [rows[-1][0] for rows in eval_losses.values() if rows])
    traces += _reference_lines({k: v * scale for k, v in references.items()}, last)
    layout = dict(xaxis=dict(range=[0, last], title=dict(text=t("figures.training_step"))),
                  yaxis=dict(title=dict(text=unit), rangemode="tozero"),
                  shapes=_diverged_lines(diverged))
    return figure(traces + _ends(traces, diverged), layout, title)


def training_loss(histories: dict[str, dict[str, np.ndarray]], diverged: dict[str, int],
                  min_steps: int = 100) -> go.Figure:
    """The training batches' loss of every model, per step, on a log scale."""
    traces = [_history_line(kind, data, "loss", diverged, 2) for kind, data in histories.items()]
    values = np.concatenate([d["loss"] for d in histories.values()] + [np.ones(0)])
    layout = _log_history_layout(values, t("figures.loss_axis"), last_step(histories, min_steps),
                                 diverged)
    return figure(traces + _ends(traces, diverged), layout, t("figures.loss"))


def _history_line(kind: str, data: dict[str, np.ndarray], column: str, diverged: dict[str, int],
                  width: float) -> go.Scatter:
    """One model's recorded ``column`` per training step (thinned for drawing)."""
    x, y = thin(data["step"], data[column])
    return go.Scatter(x=x, y=positive_or_gap(y), mode="lines", legendgroup=kind,
                      name=model_name(kind, diverged),
                      line=dict(color=kind_color(kind), width=width))


def _log_history_layout(values: np.ndarray, axis: str, last: int, diverged: dict[str, int]) -> dict:
    """Training steps 0 to ``last`` across, ``values`` on a log axis named ``axis``."""
    return dict(xaxis=dict(range=[0, last], title=dict(text=t("figures.training_step"))),
                yaxis=dict(title=dict(text=log_scale(axis)), **log_axis(values)),
                shapes=_diverged_lines(diverged))


def clipped_gradients(histories: dict[str, dict[str, np.ndarray]], diverged: dict[str, int],
                      clip: float, title: str, min_steps: int = 100) -> go.Figure:
    """Every model's gradient norm before clipping, per training step, on a log scale, with the
    clipping threshold as a line and the steps clipping rescaled (norm above it) as open markers
    (Pascanu, Mikolov & Bengio 2013). Long histories are thinned for drawing; the clipped steps
    are drawn where the norm passed the threshold, up to MAX_POINTS of them."""
    traces = []
    for kind, data in histories.items():
        traces.append(_history_line(kind, data, "grad_norm", diverged, 1.5))
        over = data["grad_norm"] > clip if clip > 0 else np.zeros(len(data["step"]), bool)
        if over.any():
            cx, cy = thin(data["step"][over], data["grad_norm"][over])
            traces.append(go.Scatter(
                x=cx, y=positive_or_gap(cy), mode="markers", legendgroup=kind,
                name=t("figures.clipped_steps", model=kind_label(kind), n=int(over.sum())),
                marker=dict(color=kind_color(kind), size=9, symbol=f"{look(kind).symbol}-open",
                            line=dict(width=2))))
    last = last_step(histories, min_steps)
    values = np.concatenate([d["grad_norm"] for d in histories.values()] + [np.ones(0)])
    if clip > 0:
        traces.append(go.Scatter(x=[0, last], y=[clip, clip], mode="lines",
                                 name=t("figures.clip_line", clip=f"{clip:g}"),
                                 line=dict(color=REFERENCE_COLOR, dash="dash")))
        values = np.append(values, clip)
    layout = _log_history_layout(values, t("figures.grad_norm_axis"), last, diverged)
    return figure(traces + _ends(traces, diverged), layout, title)


def _ends(traces: list, diverged: dict[str, int]) -> list[go.Scatter]:
    """A cross at the last point of each diverged model's curve (its first trace with data):
    where it stopped."""
    ends, seen = [], set()
    for trace in traces:
        kind = trace.legendgroup
        if kind in diverged and kind not in seen and trace.x is not None and len(trace.x):
            points = [(x, y) for x, y in zip(trace.x, trace.y) if y is not None]
            if points:
                seen.add(kind)
                ends.append(go.Scatter(
                    x=[points[-1][0]], y=[points[-1][1]], mode="markers", showlegend=False,
                    legendgroup=kind,
                    marker=dict(symbol=END_SYMBOL, size=11, color=kind_color(kind)),
                    hovertemplate=t("figures.diverged", model=kind_label(kind),
                                    step=diverged[kind]) + "<extra></extra>"))
    return ends


def _diverged_lines(diverged: dict[str, int]) -> list[dict]:
    return [dict(type="line", xref="x", yref="paper", x0=step, x1=step, y0=0, y1=1,
                 line=dict(color=kind_color(kind), dash="dash")) for kind, step in diverged.items()]


def gate_heatmap(values: np.ndarray, gate_title: str, tanh_valued: bool, key_steps,
                 title: str, labels: list[str] | None = None) -> go.Figure:
    """One gate on one sequence: unit x time, with its own colour scale (0 to 1 for a sigmoid
    gate, -1 to 1 for a tanh-valued candidate); ``labels``: what each step reads."""
    z = values.T  # (H, T)
    heat = go.Heatmap(
        z=z, x=np.arange(1, z.shape[1] + 1), y=np.arange(1, z.shape[0] + 1),
        zmin=-1 if tanh_valued else 0, zmax=1, colorscale="RdBu" if tanh_valued else "Viridis",
        name=gate_title,
        colorbar=dict(title=dict(text="tanh" if tanh_valued else t("figures.gate")), thickness=12),
        hovertemplate=_unit_hover("%{z:.3f}") + "<extra>" + gate_title + "</extra>")
    layout = dict(xaxis=time_axis(z.shape[1], labels=labels),
                  yaxis=dict(title=dict(text=t("figures.unit"))), **key_step_lines(key_steps))
    return figure([heat], layout, title, height=300)


def _unit_hover(value: str) -> str:
    """A heatmap's hover text: 't=3, unit 5: 0.812'."""
    return t("figures.unit_hover", t="%{x}", unit="%{y}", value=value)


def top_units(probe: ModelProbe, k: int) -> np.ndarray:
    """The k units that matter most for the first kept sequence's prediction:
    |readout weight| x |unit output at T| (h_T; an LSTMP's o_T tanh(c_T), before its projection)."""
    outputs = kind_of(probe.kind).unit_outputs(probe.states_of(0))[-1].astype(float)
    importance = probe.readout_norms * np.abs(outputs)
    return np.argsort(importance)[::-1][:k]


def state_trajectory(probe: ModelProbe, kind: str, key_steps, k: int, title: str,
                     names: tuple[str, ...] = ()) -> go.Figure:
    """One model's memory state over time (the LSTM's c_t, the others' h_t), for the k units
    its prediction leans on most, on each kept sequence: solid the first, dashed the second
    (``names`` labels them, e.g. by their right answers)."""
    state = kind_of(kind).memory_state
    units = top_units(probe, k)
    traces = []
    for i, dash in zip(range(len(probe.sequences)), ("solid", "dash")):
        values = probe.states[state][i].astype(float)
        times = np.arange(1, values.shape[0] + 1)
        label = names[i] if i < len(names) else t("figures.sequence", n=probe.sequences[i] + 1)
        traces += [go.Scatter(x=times, y=values[:, unit], mode="lines", legendgroup=f"{kind}{i}",
                              showlegend=rank == 0, name=f"{kind_label(kind)}, {label}",
                              opacity=1.0 - 0.6 * rank / max(k, 1),
                              line=dict(color=kind_color(kind), width=2 if rank == 0 else 1.2,
                                        dash=dash),
                              hovertemplate=t("figures.state_hover", unit=unit + 1, label=label,
                                              t="%{x}", value="%{y:.3f}") + "<extra></extra>")
                   for rank, unit in enumerate(units)]
    layout = dict(xaxis=time_axis(probe.states[state].shape[1]),
                  yaxis=dict(title=dict(text=state_title(state))), **key_step_lines(key_steps))
    return figure(traces, layout, title, height=340)


def gradient_norms(probes: dict[str, ModelProbe], key_steps, diverged: dict[str, int],
                   title: str, aggregation: str = "", y_range: list | None = None) -> go.Figure:
    """||dL/dh_t|| (and the LSTM's ||dL/dc_t||) against t on a log scale at one moment;
    ``aggregation`` says how the probe sequences are combined; ``y_range`` (log10) lets two
    moments share one scale."""
    traces = []
    for kind, probe in probes.items():
        times = np.arange(1, len(probe.grad_h) + 1)
        name = f"{model_name(kind, diverged)} ‖∂L/∂h_t‖"
        if (gone := _underflowed_until(probe.grad_h)) is not None:
            name = t("figures.below_float64_until", model=name, t=gone)
        traces.append(go.Scatter(x=times, y=positive_or_gap(probe.grad_h), mode="lines",
                                 legendgroup=kind, name=name,
                                 line=dict(color=kind_color(kind), width=2)))
        if probe.grad_c is not None:
            traces.append(go.Scatter(x=times, y=positive_or_gap(probe.grad_c), mode="lines",
                                     legendgroup=kind + "c",
                                     name=t("figures.grad_c", model=kind_label(kind)),
                                     line=dict(color=kind_color(kind), width=2, dash="dot")))
    steps = max(len(p.grad_h) for p in probes.values()) if probes else 1
    drawn = [a for p in probes.values() for a in (p.grad_h, p.grad_c) if a is not None]
    axis_title = with_aggregation(aggregation, log_scale(t("figures.gradient_norm")))
    yaxis = dict(title=dict(text=axis_title),
                 **log_axis(np.concatenate(drawn + [10.0 ** np.array(y_range or [])])))
    if y_range:
        yaxis["range"] = y_range
    layout = dict(xaxis=time_axis(steps, t("figures.time_step_loss")), yaxis=yaxis,
                  **key_step_lines(key_steps, note=False))
    return figure(traces + [key_steps_entry(t("figures.key_steps_all"))], layout, title,
                   height=400)


def _underflowed_until(grad: np.ndarray) -> int | None:
    """The last step t (1-based) up to which the error signal fell below float64 (exactly 0
    on its way back from a finite, non-zero end), or None if it never did."""
    if not (np.isfinite(grad[-1]) and grad[-1] > 0) or grad[0] > 0:
        return None
    return int(np.flatnonzero(grad > 0)[0])


def reach_text(ratio: float) -> str:
    """||dL/dh_1|| / ||dL/dh_T|| as the pages write it: two digits, or 'below 1e-300' where
    it is smaller (float64 may have rounded it to 0), as the bar chart draws it."""
    if not np.isfinite(ratio):
        return t("figures.below_float64")
    return t("figures.below", floor=f"{FLOOR:.0e}") if ratio < FLOOR else f"{ratio:.2g}"


def log_range(arrays: list[np.ndarray]) -> list[float] | None:
    """[log10 min, log10 max] over the positive finite values of several arrays (a shared log
    axis for charts drawn side by side), or None when there are none."""
    values = np.concatenate([a[np.isfinite(a) & (a > 0)] for a in arrays] + [np.ones(0)])
    if not values.size:
        return None
    low, high = np.log10(values.min()), np.log10(values.max())
    return [low - 0.3, high + 0.3]


def gradient_history(snapshots: list, kind: str, z_range: tuple[float, float],
                     title: str) -> go.Figure:
    """log10 ||dL/dh_t|| of one model over training step (rows) x time step (columns)."""
    rows = [(s.step, s.probes[kind].grad_h) for s in snapshots if kind in s.probes]
    steps = [step for step, _ in rows]
    with np.errstate(divide="ignore"):
        z = np.log10(np.stack([g for _, g in rows]).astype(float)) if rows else np.zeros((0, 1))
    z[~np.isfinite(z)] = np.nan
    heat = go.Heatmap(z=z, x=np.arange(1, z.shape[1] + 1), y=steps, colorscale=MAGMA,
                      zmin=z_range[0], zmax=max(z_range[1], z_range[0] + 1e-9),
                      name=kind_label(kind), colorbar=dict(title=dict(text="log10"), thickness=12),
                      hovertemplate=t("figures.history_hover", step="%{y}", t="%{x}",
                                      value="10^%{z:.1f}")
                      + "<extra>" + kind_label(kind) + "</extra>")
    yaxis = dict(title=dict(text=t("figures.training_step")))
    if len(steps) <= 8:  # few rows: label each snapshot's step, not a range around it
        yaxis.update(tickmode="array", tickvals=steps, type="category")
    layout = dict(xaxis=time_axis(z.shape[1]), yaxis=yaxis)
    return figure([heat], layout, title, height=330)


def log10_range(snapshots: list, kinds: list[str]) -> tuple[float, float]:
    """The log10 range of ||dL/dh_t|| over every snapshot of these models (one colour scale)."""
    values = [s.probes[k].grad_h for s in snapshots for k in kinds if k in s.probes]
    bounds = log_range(values)
    return (bounds[0] + 0.3, bounds[1] - 0.3) if bounds else (-1.0, 0.0)


def multiplier_factors(probes: dict[str, ModelProbe], title: str,
                       aggregation: str = "") -> go.Figure:
    """Per-step gradient multiplier of each model (RNN: with Pascanu et al.'s worst case)."""
    traces = []
    for kind, probe in probes.items():
        times = np.arange(1, len(probe.multiplier) + 1)
        traces.append(go.Scatter(x=times, y=probe.multiplier, mode="lines", legendgroup=kind,
                                 name=multiplier_label(kind),
                                 line=dict(color=kind_color(kind), width=2)))
        if probe.multiplier_bound is not None:
            traces.append(go.Scatter(x=times, y=probe.multiplier_bound, mode="lines",
                                     legendgroup=kind,
                                     name=t("figures.worst_case", model=kind_label(kind),
                                            slope=look(kind).slope),
                                     line=dict(color=kind_color(kind), width=1.5, dash="dot")))
    steps = max(len(p.multiplier) for p in probes.values())
    factors = np.concatenate([p.multiplier[np.isfinite(p.multiplier)] for p in probes.values()]
                             + [np.ones(1)])
    top = 1.15 * max(1.2, float(factors.max()))  # a worst case far above the factors is cut
    for trace in traces:
        bound = np.asarray(trace.y, dtype=float)
        if trace.line.dash == "dot" and np.nanmax(bound, initial=0) > top:
            trace.name += t("figures.up_to", value=f"{np.nanmax(bound):.3g}")
    one = dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=1, y1=1,
               line=dict(color=REFERENCE_COLOR, dash="dash"))
    note = dict(text=t("figures.no_loss_no_gain"), x=1, xref="paper", y=1, yref="y",
                xanchor="right", yanchor="bottom", showarrow=False,
                font=dict(size=11, color=REFERENCE_COLOR))
    layout = dict(xaxis=time_axis(steps), shapes=[one], annotations=[note],
                  yaxis=dict(range=[0, top], title=dict(
                      text=with_aggregation(aggregation, t("figures.multiplier")))))
    return figure(traces, layout, title, height=400)


def multiplier_products(probes: dict[str, ModelProbe], title: str) -> go.Figure:
    """The product of the factors from step T back to step t (log scale): at t, the product
    of the factor chart's values at t+1..T."""
    traces = [go.Scatter(x=np.arange(1, len(p.multiplier_product) + 1),
                         y=positive_or_gap(p.multiplier_product), mode="lines", legendgroup=kind,
                         name=kind_label(kind), line=dict(color=kind_color(kind), width=2))
              for kind, p in probes.items()]
    steps = max(len(p.multiplier_product) for p in probes.values())
    layout = dict(xaxis=time_axis(steps), yaxis=dict(
        title=dict(text=log_scale(t("figures.product"))),
        **log_axis(np.concatenate([p.multiplier_product for p in probes.values()]))))
    return figure(traces, layout, title, height=400)


def sigma_figure(rows: dict[str, tuple[list[int], list[float]]], title: str) -> go.Figure:
    """Largest singular value of W_hh over training, per model without gates (steps, values),
    against the threshold 1/γ = 1, where γ bounds the activation's slope."""
    traces = [go.Scatter(x=steps, y=sigmas, mode="lines+markers",
                         name=f"{kind_label(kind)} σ_max(W_hh)",
                         line=dict(color=kind_color(kind), width=2))
              for kind, (steps, sigmas) in rows.items()]
    every = [step for steps, _ in rows.values() for step in steps]
    threshold = go.Scatter(x=[min(every), max(every)] if every else [0, 1], y=[1, 1], mode="lines",
                           name=t("figures.sigma_threshold"),
                           line=dict(color=REFERENCE_COLOR, dash="dash"))
    layout = dict(xaxis=dict(title=dict(text=t("figures.training_step"))),
                  yaxis=dict(title=dict(text=t("figures.sigma_axis")), rangemode="tozero"))
    return figure([*traces, threshold], layout, title, height=360)


def connectivity_figure(probes: dict[str, ModelProbe], key_steps, title: str,
                        aggregation: str = "") -> go.Figure:
    """||d prediction / d x_t|| against t (log scale): which inputs the prediction uses."""
    traces = [go.Scatter(x=np.arange(1, len(p.connectivity) + 1),
                         y=positive_or_gap(p.connectivity), mode="lines", name=kind_label(kind),
                         line=dict(color=kind_color(kind), width=2))
              for kind, p in probes.items()]
    steps = max(len(p.connectivity) for p in probes.values())
    layout = dict(xaxis=time_axis(steps), yaxis=dict(
        title=dict(text=with_aggregation(aggregation, log_scale(t("figures.connectivity")))),
        **log_axis(np.concatenate([p.connectivity for p in probes.values()]))),
        **key_step_lines(key_steps, note=False))
    return figure(traces + [key_steps_entry(t("figures.key_steps_all"))], layout, title,
                   height=380)


def power_curves(w: float, steps: int, title: str, log: bool) -> go.Figure:
    """w^t beside the additive path (1^t) of the LSTM cell state, on a linear or a log axis."""
    steps_back = np.arange(0, steps + 1)
    powers = float(w) ** steps_back.astype(float)
    traces = [go.Scatter(x=steps_back, y=powers if not log else positive_or_gap(powers),
                         mode="lines", name=t("figures.power", w=f"{w:g}"),
                         line=dict(color=kind_color("rnn"), width=2)),
              go.Scatter(x=steps_back, y=np.ones_like(steps_back, dtype=float), mode="lines",
                         name=t("figures.power_one"),
                         line=dict(color=kind_color("lstm"), width=2, dash="dash"))]
    factor = t("figures.factor")
    yaxis = dict(title=dict(text=log_scale(factor) if log else factor))
    if log:
        yaxis.update(log_axis(np.append(powers, 1.0)))
    layout = dict(xaxis=dict(title=dict(text=t("figures.steps_back"))), yaxis=yaxis)
    return figure(traces, layout, title, height=360)


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = plotly.colors.hex_to_rgb(hex_color)
    return f"rgba({r}, {g}, {b}, {alpha})"


def horizon_figure(results: dict[str, dict[int, list[float]]], metric_label: str,
                   references: dict[str, float], threshold: float, title: str) -> go.Figure:
    """Held-out metric against sequence length: the median over seeds per model (line) and the
    spread from the worst to the best seed (band), with the chance and 'solved' lines."""
    traces = []
    for n, (kind, rows) in enumerate(results.items()):
        lengths = sorted(length for length, values in rows.items() if values)
        if not lengths:
            continue
        color, label = kind_color(kind), kind_label(kind)
        low = [min(rows[n]) for n in lengths]
        high = [max(rows[n]) for n in lengths]
        traces.append(go.Scatter(x=lengths + lengths[::-1], y=high + low[::-1], fill="toself",
                                 mode="lines", fillcolor=_rgba(color, 0.18), line=dict(width=0),
                                 legendgroup=kind, name=t("figures.seed_band", model=label),
                                 hoverinfo="skip"))
        counts = [len(rows[n]) for n in lengths]
        seeds = (f"{min(counts)}–{max(counts)}" if min(counts) < max(counts)  # a sweep part done
                 else str(counts[0]))
        traces.append(go.Scatter(
            x=lengths, y=[float(np.median(rows[n])) for n in lengths], mode="lines+markers",
            name=t("figures.median_seeds" if max(counts) > 1 else "figures.median_seed",
                   model=label, seeds=seeds), legendgroup=kind,
            line=dict(color=color, width=2.5, dash=MEDIAN_DASHES[n % len(MEDIAN_DASHES)]),
            marker=dict(size=9 - 2 * (n % 3), symbol=MEDIAN_MARKERS[n % len(MEDIAN_MARKERS)]),
            hovertemplate="T=%{x}: %{y:.3f}<extra>" + label + "</extra>"))
    shapes = []
    lines = [(label, y, REFERENCE_DASHES[i % 3]) for i, (label, y) in enumerate(references.items())]
    solved = t("figures.solved", value=f"{threshold:.3g}")
    for name, y, dash in lines + [(solved, threshold, "dot")]:
        shapes.append(dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=y, y1=y,
                           line=dict(color=REFERENCE_COLOR, dash=dash)))
        traces.append(go.Scatter(x=[None], y=[None], mode="lines", name=name,
                                 line=dict(color=REFERENCE_COLOR, dash=dash)))
    every = sorted({n for rows in results.values() for n, values in rows.items() if values})
    layout = dict(xaxis=dict(type="log", tickmode="array", tickvals=every,
                             title=dict(text=log_scale(t("figures.lengths")))),
                  yaxis=dict(title=dict(text=t("figures.at_the_end", metric=metric_label))),
                  shapes=shapes)
    return figure(traces, layout, title, height=440)


def forget_gate_strip(forget: np.ndarray, key_steps, title: str) -> go.Figure:
    """A small unit x time heatmap of the LSTM's forget gate f on one probe sequence."""
    z = forget.T  # (H, T)
    heat = go.Heatmap(z=z, x=np.arange(1, z.shape[1] + 1), y=np.arange(1, z.shape[0] + 1),
                      zmin=0, zmax=1, colorscale="Viridis", name=t("figures.forget_gate"),
                      colorbar=dict(title=dict(text="f"), thickness=12),
                      hovertemplate=_unit_hover("f = %{z:.3f}") + "<extra></extra>")
    shapes = [dict(type="line", xref="x", yref="paper", x0=s + 1, x1=s + 1, y0=0, y1=1,
                   line=dict(color="white", dash="dot", width=1.5)) for s in sorted(set(key_steps))]
    layout = dict(xaxis=dict(title=dict(text=t("figures.time_step_key"))),
                  yaxis=dict(title=dict(text=t("figures.unit"))), shapes=shapes)
    return figure([heat], layout, title, height=300)


def gradient_reach(probes: dict[str, ModelProbe], title: str) -> go.Figure:
    """How much of the error signal reaches step 1: ||dL/dh_1|| / ||dL/dh_T|| per model, as
    bars on a log axis from a stated floor, the whole decade below the smallest share, up to
    1 (or the largest share, where the signal grew; the room above it for the bars' words has
    no ticks). A bar's height is how many orders of
    magnitude the share stands above that floor, not a share of anything; each bar says its
    share as '1 in N'. (An axis down to 10^-126 made 3.7e-21 look almost as tall as 0.004.)"""
    kinds = list(probes)
    ratios = np.array([probes[k].grad_ratio for k in kinds])
    shown = np.where(np.isfinite(ratios) & (ratios < FLOOR), FLOOR, ratios)  # underflowed
    low, high = reach_range(shown)
    bar = go.Bar(x=[kind_label(k) for k in kinds], y=positive_or_gap(shown),
                 marker=dict(color=[kind_color(k) for k in kinds]),
                 name="‖∂L/∂h_1‖ / ‖∂L/∂h_T‖",
                 text=[reach_share(r) for r in ratios], textposition="outside", cliponaxis=False,
                 showlegend=False, hovertemplate="%{x}: %{y:.2e}<extra></extra>")
    every = max(1, int(np.ceil((high - low) / 6)))  # at most about six labelled decades, 1 one
    decades = [k for k in range(low, high + 1) if k % every == 0]
    layout = dict(yaxis=dict(title=dict(text=t("figures.reach_axis", floor=_power(low))),
                             type="log", exponentformat="power", tickmode="array",
                             tickvals=[10.0 ** k for k in decades],
                             ticktext=["1" if k == 0 else _power(k) for k in decades],
                             range=[low, high + 0.12 * (high - low)]),
                  xaxis=dict(title=dict(text=t("figures.model"))))
    return figure([bar], layout, title, height=300)


def reach_range(shares: np.ndarray) -> tuple[int, int]:
    """log10 of the reach chart's floor (the whole decade below the smallest share) and top
    (1, or the decade above the largest share where the signal grew)."""
    drawn = shares[np.isfinite(shares) & (shares > 0)]
    if not drawn.size:
        return -1, 0
    return int(np.floor(np.log10(drawn.min()))) - 1, max(0, int(np.ceil(np.log10(drawn.max()))))


def reach_share(ratio: float) -> str:
    """A share of the error signal as the reach chart labels it: '0.004: 1 in 250', '×2.5'
    where it grew, 'below 1e-300' where float64 lost it."""
    if not np.isfinite(ratio) or ratio < FLOOR:
        return reach_text(ratio)
    if ratio >= 1:
        return f"×{ratio:.2g}"
    return t("figures.reach_share", ratio=reach_text(ratio), n=_count(1 / ratio))


def _count(n: float) -> str:
    """A large number to two digits, as a reader says it: '2.9', '250', '2.7 × 10²⁰'."""
    if n < 10_000:
        return f"{float(f'{n:.2g}'):g}"
    exponent = int(np.floor(np.log10(n)))
    return f"{n / 10.0 ** exponent:.2g} × {_power(exponent)}"


def _power(exponent: int) -> str:
    """10^exponent as the axis labels write it: '10⁻²²'."""
    return "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def next_char_bars(top: list[tuple[str, float]], kind: str, title: str) -> go.Figure:
    """One model's most probable next characters as horizontal bars, the most probable on top
    (a space is shown as '␣')."""
    chars = [visible_char(c) for c, _ in top][::-1]
    probs = [p for _, p in top][::-1]
    trace = go.Bar(x=probs, y=chars, orientation="h", name=kind_label(kind),
                   marker=dict(color=kind_color(kind)), text=[f"{p:.2f}" for p in probs],
                   textposition="outside", cliponaxis=False,
                   hovertemplate="'%{y}': p = %{x:.3f}<extra>" + kind_label(kind) + "</extra>")
    layout = dict(xaxis=dict(range=[0, 1.15], title=dict(text=t("figures.next_probability"))),
                  yaxis=dict(title=dict(text=t("figures.next_character")), type="category",
                             tickfont=dict(size=16)),
                  showlegend=True)
    return figure([trace], layout, title, height=300)


def forecast_figure(truth: np.ndarray, forecasts: dict[str, np.ndarray], diverged: dict[str, int],
                    title: str, shown: int = FORECASTS_SHOWN) -> go.Figure:
    """Held-out forecasts of every model against the truth, window by window in time order
    (normalised units: change from each window's last price, in typical changes): the first
    ``shown`` windows (hundreds of noisy windows drawn at once cannot be read)."""
    x = np.arange(1, min(shown, len(truth)) + 1)
    traces = [go.Scatter(x=x, y=truth[: len(x)], mode="lines+markers", name=t("figures.truth"),
                         line=dict(color=REFERENCE_COLOR, width=2), marker=dict(size=4))]
    for kind, values in forecasts.items():
        traces.append(go.Scatter(x=x, y=values[: len(x)], mode="lines",
                                 name=model_name(kind, diverged),
                                 line=dict(color=kind_color(kind), width=1.5)))
    layout = dict(xaxis=dict(title=dict(text=t("figures.held_out_window"))),
                  yaxis=dict(title=dict(text=t("figures.change"))))
    return figure(traces, layout, title)


def memory_trace(probes: dict[str, ModelProbe], title: str, height: int = 420) -> go.Figure:
    """The memory trace (probes.memory_trace): ||s_t(A) − s_t(B)|| of each model's states from
    the flipped step on, on a log scale; h_t solid, the other states (the LSTM's c_t) dotted,
    one legend entry per model. A line that stops has fallen below what float64 resolves, and
    its legend entry says where. Small copies (a story page) pass a smaller ``height``."""
    memories = {kind: p.memory for kind, p in probes.items() if p.memory is not None}
    traces, values = [], [np.ones(0)]
    for kind, memory in memories.items():
        times = np.arange(memory.step + 1, len(memory.distance["h"]) + 1)
        lost = memory.lost_at
        label = (kind_label(kind) if lost is None
                 else t("figures.below_float64_from", model=kind_label(kind), t=lost + 1))
        for n, (name, dash) in enumerate(zip(kind_of(kind).state_names, ("solid", "dot", "dash"))):
            distance = memory.distance[name][memory.step :]
            values.append(distance)
            traces.append(go.Scatter(
                x=times, y=positive_or_gap(distance), mode="lines", legendgroup=kind, name=label,
                showlegend=n == 0, line=dict(color=kind_color(kind), width=2, dash=dash),
                hovertemplate=f"t=%{{x}}: ‖Δ{name}‖ = %{{y:.2e}}<extra>{kind_label(kind)}</extra>"))
    first = next(iter(memories.values()), None)
    step = first.step if first else 0
    steps = len(first.distance["h"]) if first else 1
    xaxis = time_axis(steps)
    xaxis["range"] = [step + 0.5, steps + 0.5]
    layout = dict(xaxis=xaxis, yaxis=dict(title=dict(text=t("figures.state_distance")),
                                          **log_axis(np.concatenate(values))),
                  **key_step_lines([step] if first else [], t("figures.flipped_here")))
    return figure(traces, layout, title, height=height)


def gate_saturation(probes: dict[str, ModelProbe], gate: str, title: str,
                    height: int = 440) -> go.Figure:
    """Each unit's ``gate`` as one point: the fraction of the probe batch's steps it spends
    right-saturated (> 0.9, x) against left-saturated (< 0.1, y), the axes of Karpathy, Johnson
    & Fei-Fei's (2015) saturation plots; one colour per model, each model's markers smaller
    than the one before, so that units of several models on one spot all show. Points on the
    diagonal x + y = 1 are never in between; a forget gate far right keeps its cell for long."""
    low, high = SATURATION
    traces = [go.Scatter(x=[0, 1], y=[1, 0], mode="lines", name=t("figures.always_saturated"),
                         line=dict(color=REFERENCE_COLOR, dash="dash", width=1), hoverinfo="skip")]
    drawn = [(kind, p.saturation[gate]) for kind, p in probes.items() if gate in p.saturation]
    for n, (kind, fractions) in enumerate(drawn):
        left, right = fractions.astype(float)
        traces.append(go.Scatter(
            x=right, y=left, mode="markers",
            name=t("figures.units", model=kind_label(kind), n=len(left)),
            marker=dict(color=kind_color(kind), size=max(5, 14 - 3 * n), opacity=0.8,
                        line=dict(width=1, color="white")),
            customdata=np.arange(1, len(left) + 1),
            hovertemplate=t("figures.saturation_hover", unit="%{customdata}", high=high, low=low,
                            right="%{x:.0%}", left="%{y:.0%}")
                          + f"<extra>{kind_label(kind)}</extra>"))
    axis = dict(range=[-0.05, 1.05], tickformat=".0%", dtick=0.25, constrain="domain")
    layout = dict(xaxis=dict(title=dict(text=t("figures.right_saturated", high=high)), **axis),
                  yaxis=dict(title=dict(text=t("figures.left_saturated", low=low)), scaleanchor="x",
                             **axis))
    return figure(traces, layout, title, height=height)
