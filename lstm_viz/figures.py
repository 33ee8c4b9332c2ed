"""Pure figure builders: data in, plotly Figure out. No Streamlit, no training.

Every model keeps one colour on every chart (Okabe & Ito's colour-blind-safe palette); every
chart has a title, axis labels and a legend. Time steps are shown 1-based (t = 1..T), as in the
papers; the steps that carry the information to remember are marked with dotted lines.
"""

from __future__ import annotations

import numpy as np
import plotly.colors
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .models import KINDS, MODEL_LABELS, kind_of
from .probes import ModelProbe

COLORS = {name: kind.color for name, kind in KINDS.items()}
REFERENCE_COLOR = "#666666"
MAX_POINTS = 2000  # longer histories are thinned for drawing
STATE_TITLES = {"h": "hidden state h_t", "c": "cell state c_t"}
KEY_STEPS_ALL = "key steps (all probe sequences)"
SMOOTHING = 25  # training steps in the running mean of the batch metric
# Magma as rgb() stops: plotly.js draws its first stop, "#000004", as pink in heatmaps.
MAGMA = [[i / (len(plotly.colors.sequential.Magma) - 1), "rgb(%d, %d, %d)" % plotly.colors.hex_to_rgb(c)]
         for i, c in enumerate(plotly.colors.sequential.Magma)]


def model_name(kind: str, diverged: dict[str, int] | None = None) -> str:
    """'LSTM', or 'RNN (diverged at step 12)'."""
    if diverged and kind in diverged:
        return f"{MODEL_LABELS[kind]} (diverged at step {diverged[kind]})"
    return MODEL_LABELS[kind]


def _frame(title: str, height: int) -> dict:
    """The layout every chart shares: the title on top with room for each of its lines, the
    legend in rows under the plot and its axis title (a phone's narrow chart wraps it)."""
    lines = title.count("<br>") + 1
    return dict(
        height=height, margin=dict(l=60, r=20, t=16 + 24 * lines, b=40),
        title=dict(text=title, x=0, xanchor="left", yref="container", y=1, yanchor="top",
                   pad=dict(t=10)),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.3, yanchor="top"),
    )


def _finish(fig: go.Figure, title: str, height: int = 400) -> go.Figure:
    """Apply the shared layout to a figure built step by step."""
    fig.update_layout(**_frame(title, height))
    return fig


def _with(aggregation: str, label: str) -> str:
    """An axis title with how the probe sequences were combined, on its own line."""
    return f"{label}<br><sub>{aggregation}</sub>" if aggregation else label


def _thin(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    step = max(1, int(np.ceil(len(x) / MAX_POINTS)))
    return x[::step], y[::step]


def _positive(values: np.ndarray) -> list:
    """Values for a log axis: zeros (float underflow) and non-finite values become gaps."""
    return [float(v) if np.isfinite(v) and v > 0 else None for v in values]


def _mark_steps(fig: go.Figure, key_steps, panels=((None, None),), label="key step") -> None:
    """Dotted vertical lines at the (0-based) key steps, drawn at t = step + 1, labelled once."""
    for i, step in enumerate(sorted(set(int(s) for s in key_steps))):
        for j, (row, col) in enumerate(panels):
            text = dict(annotation_text=label, annotation_position="top right") if i == j == 0 else {}
            fig.add_vline(x=step + 1, line=dict(color=REFERENCE_COLOR, dash="dot", width=1.5),
                          row=row, col=col, **text)


def running_mean(values: np.ndarray, window: int) -> np.ndarray:
    """Trailing mean of the last ``window`` values at each point (fewer at the start)."""
    sums = np.cumsum(np.concatenate([[0.0], values]))
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(0, ends - window)
    return (sums[ends] - sums[starts]) / (ends - starts)


TRAINING_PANELS = {
    "loss": ("Training loss", "loss on training batches (log scale)"),
    "grad_norm": ("Gradient norm", "‖gradient‖ before clipping (log scale)"),
}


def metric_curves(
    histories: dict[str, dict[str, np.ndarray]],
    evals: dict[str, list[tuple[int, float]]],
    diverged: dict[str, int],
    metric_name: str,
    chance: float,
    chance_label: str,
    title: str,
    held_out_size: int,
    metric_log: bool = False,
    min_steps: int = 100,
) -> go.Figure:
    """The metric against training step: held-out (solid, dots) and the training batches'
    running mean (dotted), with the chance line. The step axis spans at least ``min_steps``, so
    an empty race already shows its axes, legend and chance line. Built in one go (no
    make_subplots): this chart redraws on every tick of every session."""
    traces = []
    for kind, data in histories.items():
        color = COLORS[kind]
        if evals.get(kind):
            steps, metrics = zip(*evals[kind])
            traces.append(go.Scatter(x=steps, y=metrics, mode="lines+markers", legendgroup=kind,
                                     name=f"{model_name(kind, diverged)}, held-out",
                                     line=dict(color=color, width=2.5), marker=dict(size=5)))
        x, y = _thin(data["step"], running_mean(data["metric"], SMOOTHING))
        traces.append(go.Scatter(x=x, y=y, mode="lines", legendgroup=kind, showlegend=False,
                                 name=f"{MODEL_LABELS[kind]}, training batches",
                                 line=dict(color=color, width=1.2, dash="dot")))
    last = _last_step(histories, min_steps)
    traces.append(go.Scatter(x=[0, last], y=[chance, chance], mode="lines", name=chance_label,
                             line=dict(color=REFERENCE_COLOR, dash="dash")))
    traces.append(go.Scatter(x=[None], y=[None], mode="lines", line=dict(color=REFERENCE_COLOR,
                             dash="dot", width=1.2),
                             name=f"dotted: training batches, mean of last {SMOOTHING} steps"))
    held = np.array([m for rows in evals.values() for _, m in rows] + [chance])
    yaxis = (dict(title=dict(text=f"{metric_name} (log scale)"), **_log_axis(held))
             if metric_log else dict(range=[0, 1.03], title=dict(text=metric_name)))
    layout = dict(xaxis=dict(range=[0, last], title=dict(text="training step")), yaxis=yaxis,
                  shapes=_diverged_lines(diverged))
    return _figure(traces, layout, f"{title}<br><sub>on {held_out_size} held-out sequences</sub>")


def training_signal(histories: dict[str, dict[str, np.ndarray]], diverged: dict[str, int],
                    left: str, title: str, min_steps: int = 100) -> go.Figure:
    """A training-batch quantity on a log scale: the loss, or the gradient norm where the loss
    is the metric itself (adding: the MSE)."""
    traces = []
    for kind, data in histories.items():
        x, y = _thin(data["step"], data[left])
        traces.append(go.Scatter(x=x, y=_positive(y), mode="lines", legendgroup=kind,
                                 name=model_name(kind, diverged),
                                 line=dict(color=COLORS[kind], width=2)))
    values = np.concatenate([d[left] for d in histories.values()] + [np.ones(0)])
    layout = dict(xaxis=dict(range=[0, _last_step(histories, min_steps)],
                             title=dict(text="training step")),
                  yaxis=dict(title=dict(text=TRAINING_PANELS[left][1]), **_log_axis(values)),
                  shapes=_diverged_lines(diverged))
    return _figure(traces, layout, title)


def _log_axis(values: np.ndarray) -> dict:
    """A log axis labelled at whole decades only when the data span more than one (no cluttered
    minor labels), with a sensible range before there is any data."""
    positive = values[np.isfinite(values) & (values > 0)]
    axis = dict(type="log", exponentformat="power")
    if not positive.size:
        return {**axis, "range": [-1, 1], "dtick": 1}
    if positive.max() / positive.min() > 10:
        axis["dtick"] = 1
    return axis


def _last_step(histories: dict, min_steps: int) -> int:
    return max([min_steps] + [int(d["step"][-1]) for d in histories.values() if len(d["step"])])


def _diverged_lines(diverged: dict[str, int]) -> list[dict]:
    return [dict(type="line", xref="x", yref="paper", x0=step, x1=step, y0=0, y1=1,
                 line=dict(color=COLORS[kind], dash="dash")) for kind, step in diverged.items()]


def _figure(traces: list, layout: dict, title: str, height: int = 380) -> go.Figure:
    """A figure built in one constructor call, with the layout every chart shares."""
    return go.Figure(data=traces, layout={**_frame(title, height), **layout})


def gate_heatmaps(states: dict[str, np.ndarray], kind: str, key_steps, title: str) -> go.Figure:
    """One unit x time heatmap per gate (LSTM: i, f, g, o; GRU: r, z, n) for one sequence; one
    colour scale for the sigmoid gates (0 to 1) and one for the tanh-valued ones (-1 to 1)."""
    spec = kind_of(kind)
    gates, titles = spec.gate_names, spec.gate_titles
    cols = 2
    rows = (len(gates) + 1) // cols
    fig = make_subplots(rows=rows, cols=cols, shared_xaxes=True, vertical_spacing=0.14,
                        horizontal_spacing=0.12, subplot_titles=[titles[g] for g in gates])
    positions = []
    for n, gate in enumerate(gates):
        row, col = n // cols + 1, n % cols + 1
        positions.append((row, col))
        values = states[gate].T  # (H, T)
        fig.add_trace(go.Heatmap(
            z=values, x=np.arange(1, values.shape[1] + 1), y=np.arange(1, values.shape[0] + 1),
            coloraxis="coloraxis2" if gate in spec.tanh_gates else "coloraxis", name=titles[gate],
            hovertemplate="t=%{x}, unit %{y}: %{z:.3f}<extra>" + titles[gate] + "</extra>",
        ), row=row, col=col)
        fig.update_yaxes(title_text="unit", row=row, col=col)
    fig.update_layout(
        coloraxis=dict(cmin=0, cmax=1, colorscale="Viridis",
                       colorbar=dict(title="gate value", len=0.45, y=1, yanchor="top", x=1.02)),
        coloraxis2=dict(cmin=-1, cmax=1, colorscale="RdBu",
                        colorbar=dict(title="tanh value", len=0.45, y=0, yanchor="bottom", x=1.02)))
    fig.update_xaxes(title_text="time step t", row=rows)
    _mark_steps(fig, key_steps, positions)
    return _finish(fig, title, height=260 * rows + 120)


def top_units(probe: ModelProbe, k: int) -> np.ndarray:
    """The k units that matter most for this sequence's prediction: |readout weight| x |h_T|."""
    importance = probe.readout_norms * np.abs(probe.states["h"][-1])
    return np.argsort(importance)[::-1][:k]


def state_trajectories(probes: dict[str, ModelProbe], key_steps, k: int, title: str) -> go.Figure:
    """Each model's memory state (k most important units: the LSTM's c_t, the others' h_t),
    one panel a model, one time axis."""
    panels = [(kind, kind_of(kind).memory_state) for kind in probes]
    fig = make_subplots(
        rows=len(panels), cols=1, shared_xaxes=True, vertical_spacing=0.08,
        subplot_titles=[f"{MODEL_LABELS[k_]} {STATE_TITLES[s]}" for k_, s in panels])
    for row, (kind, state) in enumerate(panels, start=1):
        values = probes[kind].states[state]
        t = np.arange(1, values.shape[0] + 1)
        for rank, unit in enumerate(top_units(probes[kind], k)):
            fig.add_trace(go.Scatter(
                x=t, y=values[:, unit], mode="lines", legendgroup=kind, showlegend=rank == 0,
                name=f"{MODEL_LABELS[kind]} units (top {k})", opacity=1.0 - 0.6 * rank / max(k, 1),
                line=dict(color=COLORS[kind], width=2 if rank == 0 else 1.2),
                hovertemplate=f"unit {unit + 1}" + ", t=%{x}: %{y:.3f}<extra></extra>"), row=row, col=1)
        fig.update_yaxes(title_text=state + "_t", row=row, col=1)
    fig.update_xaxes(title_text="time step t", row=len(panels), col=1)
    _mark_steps(fig, key_steps, [(r, 1) for r in range(1, len(panels) + 1)])
    return _finish(fig, title, height=230 * len(panels) + 140)


def gradient_norms(
    initial: dict[str, ModelProbe], current: dict[str, ModelProbe], current_step: int,
    key_steps, diverged: dict[str, int], title: str, aggregation: str = "",
) -> go.Figure:
    """||dL/dh_t|| (and the LSTM's ||dL/dc_t||) against t on a log scale, at init and now;
    ``aggregation`` says how the probe sequences are combined (in the y-axis title)."""
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.05,
                        subplot_titles=("at initialisation (step 0)", f"now (step {current_step})"))
    for col, probes in ((1, initial), (2, current)):
        for kind, probe in probes.items():
            t = np.arange(1, len(probe.grad_h) + 1)
            fig.add_trace(go.Scatter(
                x=t, y=_positive(probe.grad_h), mode="lines", legendgroup=kind, showlegend=col == 1,
                name=f"{model_name(kind, diverged)} ‖∂L/∂h_t‖", line=dict(color=COLORS[kind], width=2)),
                row=1, col=col)
            if probe.grad_c is not None:
                fig.add_trace(go.Scatter(
                    x=t, y=_positive(probe.grad_c), mode="lines", legendgroup=kind + "c",
                    showlegend=col == 1, name=f"{MODEL_LABELS[kind]} ‖∂L/∂c_t‖ (cell state)",
                    line=dict(color=COLORS[kind], width=2, dash="dot")), row=1, col=col)
    fig.update_yaxes(type="log", exponentformat="power")
    fig.update_yaxes(title_text=_with(aggregation, "gradient norm (log scale)"), row=1, col=1)
    fig.update_xaxes(title_text="time step t (loss at t = T)")
    _mark_steps(fig, key_steps, [(1, 1), (1, 2)], KEY_STEPS_ALL)
    return _finish(fig, title, height=440)


def gradient_heatmap(snapshots: list, kinds: list[str], title: str) -> go.Figure:
    """log10 ||dL/dh_t|| over training step (rows) x time step (columns), one panel a model."""
    fig = make_subplots(rows=1, cols=len(kinds), shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=[MODEL_LABELS[k] for k in kinds])
    panels = {}
    for kind in kinds:
        rows = [(s.step, s.probes[kind].grad_h) for s in snapshots if kind in s.probes]
        if rows:
            with np.errstate(divide="ignore"):
                z = np.log10(np.stack([g for _, g in rows]).astype(float))
            z[~np.isfinite(z)] = np.nan
            panels[kind] = ([s for s, _ in rows], z)
    finite = [z[np.isfinite(z)] for _, z in panels.values()]
    low = float(min(v.min() for v in finite if v.size)) if any(v.size for v in finite) else -1.0
    high = float(max(v.max() for v in finite if v.size)) if any(v.size for v in finite) else 0.0
    for col, kind in enumerate(kinds, start=1):
        if kind not in panels:
            continue
        steps, z = panels[kind]
        fig.add_trace(go.Heatmap(
            z=z, x=np.arange(1, z.shape[1] + 1), y=steps, colorscale=MAGMA,
            zmin=low, zmax=max(high, low + 1e-9), showscale=col == len(kinds), name=MODEL_LABELS[kind],
            colorbar=dict(title="log10 ‖∂L/∂h_t‖"),
            hovertemplate="step %{y}, t=%{x}: 10^%{z:.1f}<extra>" + MODEL_LABELS[kind] + "</extra>"),
            row=1, col=col)
        fig.update_xaxes(title_text="time step t", row=1, col=col)
    fig.update_yaxes(title_text="training step", row=1, col=1)
    return _finish(fig, title, height=420)


def multiplier_figure(probes: dict[str, ModelProbe], step: int, title: str,
                      aggregation: str = "") -> go.Figure:
    """Per-step gradient multiplier (left) and its running product back from T (right, log):
    the product at t is the product of the plotted factors at t+1..T."""
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1, subplot_titles=(
        "factor of one step back", "product of the factors from step T back to step t"))
    for kind, probe in probes.items():
        t = np.arange(1, len(probe.multiplier) + 1)
        fig.add_trace(go.Scatter(x=t, y=probe.multiplier, mode="lines", name=kind_of(kind).multiplier_label,
                                 legendgroup=kind, line=dict(color=COLORS[kind], width=2)), row=1, col=1)
        if probe.multiplier_bound is not None:
            fig.add_trace(go.Scatter(x=t, y=probe.multiplier_bound, mode="lines", legendgroup=kind,
                                     name="RNN worst case: max(1−h_t²)·σ_max(W_hh)",
                                     line=dict(color=COLORS[kind], width=1.5, dash="dot")),
                          row=1, col=1)
        fig.add_trace(go.Scatter(x=t, y=_positive(probe.multiplier_product), mode="lines",
                                 legendgroup=kind, showlegend=False, name=kind_of(kind).multiplier_label,
                                 line=dict(color=COLORS[kind], width=2)), row=1, col=2)
    fig.add_hline(y=1, line=dict(color=REFERENCE_COLOR, dash="dash"), row=1, col=1,
                  annotation_text="1: no loss, no gain")
    fig.update_xaxes(title_text="time step t")
    fig.update_yaxes(title_text=_with(aggregation, "multiplier per step"), row=1, col=1)
    fig.update_yaxes(title_text="running product (log scale)", type="log", exponentformat="power",
                     row=1, col=2)
    return _finish(fig, f"{title} (training step {step})", height=420)


def sigma_figure(steps: list[int], sigmas: list[float], title: str, kind: str = "rnn") -> go.Figure:
    """Largest singular value of the RNN's W_hh over training, against the threshold 1."""
    fig = go.Figure(go.Scatter(x=steps, y=sigmas, mode="lines+markers",
                               name=f"{MODEL_LABELS[kind]} σ_max(W_hh)",
                               line=dict(color=COLORS[kind], width=2)))
    fig.add_hline(y=1, line=dict(color=REFERENCE_COLOR, dash="dash"),
                  annotation_text="1/γ = 1 for tanh (Pascanu et al. 2013)")
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name="threshold 1",
                             line=dict(color=REFERENCE_COLOR, dash="dash")))
    fig.update_xaxes(title_text="training step")
    fig.update_yaxes(title_text="largest singular value", rangemode="tozero")
    return _finish(fig, title, height=360)


def connectivity_figure(probes: dict[str, ModelProbe], key_steps, title: str,
                        aggregation: str = "") -> go.Figure:
    """||d prediction / d x_t|| against t (log scale): which inputs the prediction uses."""
    fig = go.Figure()
    for kind, probe in probes.items():
        t = np.arange(1, len(probe.connectivity) + 1)
        fig.add_trace(go.Scatter(x=t, y=_positive(probe.connectivity), mode="lines",
                                 name=MODEL_LABELS[kind], line=dict(color=COLORS[kind], width=2)))
    fig.update_yaxes(title_text=_with(aggregation, "‖∂ prediction / ∂x_t‖ (log scale)"),
                     type="log", exponentformat="power")
    fig.update_xaxes(title_text="time step t")
    _mark_steps(fig, key_steps, label=KEY_STEPS_ALL)
    return _finish(fig, title, height=380)


def power_curves(w: float, steps: int, title: str) -> go.Figure:
    """w^t on a linear and a log axis, beside the additive path (1^t) of the LSTM cell state."""
    t = np.arange(0, steps + 1)
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1,
                        subplot_titles=("linear axis", "log axis"))
    curves = ((f"w^t with w = {w:g}", float(w) ** t.astype(float), COLORS["rnn"], "solid"),
              ("1^t: the cell-state path with f = 1", np.ones_like(t, dtype=float), COLORS["lstm"], "dash"))
    for col in (1, 2):
        for name, y, color, dash in curves:
            fig.add_trace(go.Scatter(x=t, y=y if col == 1 else _positive(y), mode="lines",
                                     name=name, legendgroup=name, showlegend=col == 1,
                                     line=dict(color=color, width=2, dash=dash)), row=1, col=col)
    fig.update_xaxes(title_text="steps back t")
    fig.update_yaxes(title_text="factor w^t", row=1, col=1)
    fig.update_yaxes(title_text="factor w^t (log scale)", type="log", exponentformat="power",
                     row=1, col=2)
    return _finish(fig, title)


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = plotly.colors.hex_to_rgb(hex_color)
    return f"rgba({r}, {g}, {b}, {alpha})"


def horizon_figure(results: dict[str, dict[int, list[float]]], metric_name: str, chance: float,
                   chance_label: str, threshold: float, title: str) -> go.Figure:
    """Held-out metric against sequence length: the median over seeds per model (line) and the
    spread from the worst to the best seed (band), with the chance and 'solved' lines."""
    fig = go.Figure()
    for kind, rows in results.items():
        lengths = sorted(length for length, values in rows.items() if values)
        if not lengths:
            continue
        color, label = COLORS[kind], MODEL_LABELS[kind]
        low = [min(rows[n]) for n in lengths]
        high = [max(rows[n]) for n in lengths]
        fig.add_trace(go.Scatter(x=lengths + lengths[::-1], y=high + low[::-1], fill="toself",
                                 fillcolor=_rgba(color, 0.18), line=dict(width=0), legendgroup=kind,
                                 name=f"{label}: worst to best seed", hoverinfo="skip"))
        seeds = max(len(rows[n]) for n in lengths)
        fig.add_trace(go.Scatter(
            x=lengths, y=[float(np.median(rows[n])) for n in lengths], mode="lines+markers",
            name=f"{label}: median over {seeds} seed{'s' * (seeds > 1)}", legendgroup=kind,
            line=dict(color=color, width=2.5), marker=dict(size=7),
            hovertemplate="T=%{x}: %{y:.3f}<extra>" + label + "</extra>"))
    fig.add_hline(y=chance, line=dict(color=REFERENCE_COLOR, dash="dash"))
    fig.add_hline(y=threshold, line=dict(color=REFERENCE_COLOR, dash="dot"))
    for name, dash in ((chance_label, "dash"), (f"solved ({threshold:g})", "dot")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=name,
                                 line=dict(color=REFERENCE_COLOR, dash=dash)))
    fig.update_xaxes(title_text="sequence length T, the lag to bridge (log scale)", type="log")
    fig.update_yaxes(title_text=f"held-out {metric_name} at the end")
    return _finish(fig, title, height=440)


def forget_gate_strip(forget: np.ndarray, key_steps, title: str) -> go.Figure:
    """A small unit x time heatmap of the LSTM's forget gate f on one probe sequence."""
    z = forget.T  # (H, T)
    heat = go.Heatmap(z=z, x=np.arange(1, z.shape[1] + 1), y=np.arange(1, z.shape[0] + 1),
                      zmin=0, zmax=1, colorscale="Viridis", name="forget gate f",
                      colorbar=dict(title=dict(text="f"), thickness=12),
                      hovertemplate="t=%{x}, unit %{y}: f = %{z:.3f}<extra></extra>")
    shapes = [dict(type="line", xref="x", yref="paper", x0=s + 1, x1=s + 1, y0=0, y1=1,
                   line=dict(color="white", dash="dot", width=1.5)) for s in sorted(set(key_steps))]
    layout = dict(xaxis=dict(title=dict(text="time step t (dotted: key step)")),
                  yaxis=dict(title=dict(text="unit")), shapes=shapes)
    return _figure([heat], layout, title, height=300)


def gradient_reach(probes: dict[str, ModelProbe], title: str) -> go.Figure:
    """How much of the error signal reaches step 1: ||dL/dh_1|| / ||dL/dh_T|| per model, on a
    log axis (a bar far below 1 is a vanished gradient)."""
    kinds = list(probes)
    ratios = [probes[k].grad_ratio for k in kinds]
    bar = go.Bar(x=[MODEL_LABELS[k] for k in kinds], y=_positive(np.array(ratios)),
                 marker=dict(color=[COLORS[k] for k in kinds]), name="‖∂L/∂h_1‖ / ‖∂L/∂h_T‖",
                 text=[f"{r:.1e}" if np.isfinite(r) else "below float64" for r in ratios],
                 textposition="outside", showlegend=False,
                 hovertemplate="%{x}: %{y:.2e}<extra></extra>")
    layout = dict(yaxis=dict(type="log", exponentformat="power",
                             title=dict(text="‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ (log scale)")),
                  xaxis=dict(title=dict(text="model")))
    return _figure([bar], layout, title, height=300)
