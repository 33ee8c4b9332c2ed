"""Pure figure builders: data in, plotly Figure out. No Streamlit, no training.

Every model keeps one colour on every chart (Okabe & Ito's colour-blind-safe palette); every
chart has a title, axis labels and a legend. Time steps are shown 1-based (t = 1..T), as in the
papers; the steps that carry the information to remember are marked with dotted lines.
"""

from __future__ import annotations

import re

import numpy as np
import plotly.colors
import plotly.graph_objects as go

from lstm_viz.core.kinds import kind_of
from lstm_viz.core.probes import SATURATION, ModelProbe
from lstm_viz.i18n import t
from lstm_viz.present.labels import kind_color, kind_label, kind_of_color, look, multiplier_label

REFERENCE_COLOR = "#666666"
MAX_POINTS = 2000  # longer histories are thinned for drawing
TITLE_WIDTH = 48  # characters of a title line: a phone's chart holds about this many
LEGEND_WIDTH = 40  # characters of a legend entry's line, beside its line sample
FORECASTS_SHOWN = 60  # held-out windows a forecast chart draws
FLOOR = 1e-300  # a log chart draws what underflowed below this at this, labelled
SMOOTHING = 25  # training steps in the running mean of the batch metric
# Magma as rgb() stops: plotly.js draws its first stop, "#000004", as pink in heatmaps.
MAGMA = [[i / (len(plotly.colors.sequential.Magma) - 1), "rgb(%d, %d, %d)" % plotly.colors.hex_to_rgb(c)]
         for i, c in enumerate(plotly.colors.sequential.Magma)]


def model_name(kind: str, diverged: dict[str, int] | None = None) -> str:
    """'LSTM', or 'RNN (diverged at step 12)'."""
    if diverged and kind in diverged:
        return t("figures.diverged", model=kind_label(kind), step=diverged[kind])
    return kind_label(kind)


def state_title(state: str) -> str:
    """A state's axis title: 'hidden state h_t' (h) or 'cell state c_t' (c)."""
    return t("figures.state_c") if state == "c" else t("figures.state_h")


def _log_scale(label: str) -> str:
    """'loss (log scale)'."""
    return t("figures.log_scale", label=label)


def _frame(title: str, height: int) -> dict:
    """The layout every chart shares: the title on top with room for each of its lines (and
    for Korean glyphs, which the CJK font draws taller than plotly measures), the legend in rows
    under the plot and its axis title (a phone's narrow chart wraps it)."""
    title = _wrapped(title)
    lines = title.count("<br>") + 1
    return dict(
        height=height, margin=dict(l=60, r=20, t=22 + 24 * lines, b=40),
        title=dict(text=title, x=0, xanchor="left", yref="container", y=1, yanchor="top",
                   pad=dict(t=16)),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.3, yanchor="top"),
    )


def _wrapped(title: str, width: int = TITLE_WIDTH) -> str:
    """A title's first line broken at a space before ``width`` characters (plotly never wraps
    a title, and a phone's chart is narrow); its other lines (a <sub> note) are left as they
    are."""
    head, sep, rest = title.partition("<br>")
    lines = []
    while len(head) > width and " " in head[:width]:
        cut = head[:width].rindex(" ")
        lines.append(head[:cut])
        head = head[cut + 1:]
    return "<br>".join(lines + [head]) + sep + rest


def _with(aggregation: str, label: str) -> str:
    """An axis title with how the probe sequences were combined, on its own line."""
    return f"{label}<br><sub>{aggregation}</sub>" if aggregation else label


def _thin(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    step = max(1, int(np.ceil(len(x) / MAX_POINTS)))
    return x[::step], y[::step]


def _positive(values) -> np.ndarray:
    """Values for a log axis: zeros (float underflow) and non-finite values become gaps (NaN,
    which Plotly leaves undrawn). An array, not a list: Plotly copies and sends it whole
    (every session's chart of every tick goes through its copy and its JSON)."""
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values) & (values > 0), values, np.nan)


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
        x, y = _thin(data["step"], running_mean(data["metric"], SMOOTHING))
        traces.append(go.Scatter(x=x, y=y, mode="lines", legendgroup=kind, showlegend=False,
                                 name=t("figures.training_batches", model=kind_label(kind)),
                                 line=dict(color=color, width=1.2, dash="dot")))
    last = _last_step(histories, min_steps)
    traces += _reference_lines(references, last)
    traces.append(go.Scatter(x=[None], y=[None], mode="lines", line=dict(color=REFERENCE_COLOR,
                             dash="dot", width=1.2),
                             name=t("figures.dotted_batches", n=SMOOTHING)))
    held = np.array([m for rows in evals.values() for _, m in rows] + list(references.values()))
    if metric_axis == "log":  # an MSE that spans decades
        drawn = [np.asarray(tr.y, dtype=float) for tr in traces if tr.y is not None]
        yaxis = dict(title=dict(text=_log_scale(metric_label)),
                     **_log_axis(np.concatenate([held] + drawn)))  # the batches' curve too
    elif metric_axis == "linear":  # an RMSE near its baselines
        finite = held[np.isfinite(held)]
        yaxis = dict(range=[0, 1.1 * min(finite.max(), 3 * max(references.values()))],
                     title=dict(text=metric_label))
    else:  # an accuracy
        yaxis = dict(range=[0, 1.03], title=dict(text=metric_label))
    layout = dict(xaxis=dict(range=[0, last], title=dict(text=t("figures.training_step"))),
                  yaxis=yaxis, shapes=_diverged_lines(diverged))
    return _figure(traces + _ends(traces, diverged), layout,
                   t("figures.on_held_out", title=title, n=held_out_size))


REFERENCE_DASHES = ("dash", "dashdot", "longdash")
# Models that reach the same value (1.0 at every length) would hide one another: each median
# line has its own dash and marker, drawn smaller from one model to the next.
MEDIAN_DASHES = ("solid", "dash", "dot")
MEDIAN_MARKERS = ("circle", "diamond", "square", "triangle-up")


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
    return _figure(traces + _ends(traces, diverged), layout, title)


def training_loss(histories: dict[str, dict[str, np.ndarray]], diverged: dict[str, int],
                  min_steps: int = 100) -> go.Figure:
    """The training batches' loss of every model, per step, on a log scale."""
    traces = [_history_line(kind, data, "loss", diverged, 2) for kind, data in histories.items()]
    values = np.concatenate([d["loss"] for d in histories.values()] + [np.ones(0)])
    layout = _log_history_layout(values, t("figures.loss_axis"), _last_step(histories, min_steps),
                                 diverged)
    return _figure(traces + _ends(traces, diverged), layout, t("figures.loss"))


def _history_line(kind: str, data: dict[str, np.ndarray], column: str, diverged: dict[str, int],
                  width: float) -> go.Scatter:
    """One model's recorded ``column`` per training step (thinned for drawing)."""
    x, y = _thin(data["step"], data[column])
    return go.Scatter(x=x, y=_positive(y), mode="lines", legendgroup=kind,
                      name=model_name(kind, diverged), line=dict(color=kind_color(kind), width=width))


def _log_history_layout(values: np.ndarray, axis: str, last: int, diverged: dict[str, int]) -> dict:
    """Training steps 0 to ``last`` across, ``values`` on a log axis named ``axis``."""
    return dict(xaxis=dict(range=[0, last], title=dict(text=t("figures.training_step"))),
                yaxis=dict(title=dict(text=_log_scale(axis)), **_log_axis(values)),
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
            cx, cy = _thin(data["step"][over], data["grad_norm"][over])
            traces.append(go.Scatter(
                x=cx, y=_positive(cy), mode="markers", legendgroup=kind,
                name=t("figures.clipped_steps", model=kind_label(kind), n=int(over.sum())),
                marker=dict(color=kind_color(kind), size=9, symbol=f"{look(kind).symbol}-open",
                            line=dict(width=2))))
    last = _last_step(histories, min_steps)
    values = np.concatenate([d["grad_norm"] for d in histories.values()] + [np.ones(0)])
    if clip > 0:
        traces.append(go.Scatter(x=[0, last], y=[clip, clip], mode="lines",
                                 name=t("figures.clip_line", clip=f"{clip:g}"),
                                 line=dict(color=REFERENCE_COLOR, dash="dash")))
        values = np.append(values, clip)
    layout = _log_history_layout(values, t("figures.grad_norm_axis"), last, diverged)
    return _figure(traces + _ends(traces, diverged), layout, title)


def _log_axis(values: np.ndarray, most: int = 6) -> dict:
    """A log axis with at least two labelled ticks inside the data's range, whatever it is:
    whole decades where two or more lie inside, at most about ``most`` of them (a diverged
    run's 35 decades stay readable); otherwise ``_ticks_within``'s, each written out (plotly's
    own minor labels read '2' for 0.2 and crowd a phone's axis); a sensible range before there
    is any data, and one around a single value."""
    positive = values[np.isfinite(values) & (values > 0)]
    axis = dict(type="log", exponentformat="power")
    if not positive.size:
        return {**axis, "range": [-1, 1], "dtick": 1}
    low, high = np.log10(positive.min()), np.log10(positive.max())
    if high - low < 0.1:  # one value, or nearly: a tenth of a decade around it
        low, high = (low + high) / 2 - 0.05, (low + high) / 2 + 0.05
        axis["range"] = [float(low), float(high)]
    if np.floor(high) - np.ceil(low) >= 1:  # two or more whole decades inside
        return {**axis, "dtick": max(1, int(np.ceil((high - low) / most)))}
    ticks = _ticks_within(low, high)
    return {**axis, "tickmode": "array", "tickvals": ticks, "ticktext": [f"{v:g}" for v in ticks]}


def _ticks_within(low: float, high: float) -> list[float]:
    """Ticks for a log axis from 10^low to 10^high (under two decades, at least a tenth of
    one): 1, 2, 3 and 5 times a power of ten where two of them lie inside, with those up to
    half a decade beyond the data (plotly pads the range); on a narrower range (a loss at
    chance, 0.66 to 0.74, has none inside) evenly spaced round values, 0.66, 0.68, 0.7, ...,
    as on a linear axis, which a range this narrow nearly is."""
    decades = range(int(np.floor(low)), int(np.ceil(high)) + 1)
    ticks = [float(f"{m * 10.0 ** k:.2g}") for k in decades for m in (1, 2, 3, 5)]
    if sum(low <= np.log10(v) <= high for v in ticks) >= 2:
        return [v for v in ticks if low - 0.5 <= np.log10(v) <= high + 0.5]
    bottom, top = 10.0 ** low, 10.0 ** high
    unit = 10.0 ** np.floor(np.log10(top - bottom))
    step = next(unit * m for m in (5, 2, 1, 0.5, 0.2, 0.1)
                if np.floor(top / (unit * m)) - np.ceil(bottom / (unit * m)) >= 1)
    first, last = int(np.ceil(bottom / step)) - 1, int(np.floor(top / step)) + 1
    return [float(f"{k * step:.12g}") for k in range(first, last + 1)]


def _last_step(histories: dict, min_steps: int) -> int:
    return max([min_steps] + [int(d["step"][-1]) for d in histories.values() if len(d["step"])])


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
                    legendgroup=kind, marker=dict(symbol=END_SYMBOL, size=11, color=kind_color(kind)),
                    hovertemplate=t("figures.diverged", model=kind_label(kind),
                                    step=diverged[kind]) + "<extra></extra>"))
    return ends


def _diverged_lines(diverged: dict[str, int]) -> list[dict]:
    return [dict(type="line", xref="x", yref="paper", x0=step, x1=step, y0=0, y1=1,
                 line=dict(color=kind_color(kind), dash="dash")) for kind, step in diverged.items()]


CUE_MARKERS = 12  # a line's markers, at most: enough to tell models apart, few enough to read it
END_SYMBOL = "x"  # a diverged curve's end (``_ends``), kept as it is


def _second_cue(traces: list) -> list:
    """Every line or marker trace drawn in a model's colour also gets that model's marker, so
    a reader who cannot tell the colours apart still can (WCAG 1.4.1: not colour alone)."""
    for trace in traces:
        if not isinstance(trace, go.Scatter):
            continue
        color = trace.line.color or trace.marker.color
        kind = kind_of_color(color) if isinstance(color, str) else None
        if kind is None or trace.marker.symbol == END_SYMBOL:
            continue
        if "markers" not in (trace.mode or ""):
            trace.mode = f"{trace.mode or 'lines'}+markers"
            trace.marker.maxdisplayed = CUE_MARKERS
        if not str(trace.marker.symbol or "").startswith(look(kind).symbol):  # keep its "-open"
            trace.marker.symbol = look(kind).symbol
        trace.marker.color = trace.marker.color or color
    return traces


def _figure(traces: list, layout: dict, title: str, height: int = 380) -> go.Figure:
    """A figure built in one constructor call, with the layout every chart shares, and each
    model's marker beside its colour. Long legend entries are broken into lines (plotly never
    wraps one, and on a phone it runs off the chart's edge)."""
    for trace in traces:
        if len(trace.name or "") > LEGEND_WIDTH:
            trace.name = _wrapped(trace.name, LEGEND_WIDTH)
    return go.Figure(data=_second_cue(traces), layout={**_frame(title, height), **layout})


def _key_steps(key_steps, label: str | None = None, note: bool = True) -> dict:
    """Dotted vertical lines at the (0-based) key steps, drawn at t = step + 1, and one label
    ('key step' unless given) inside the plot beside the first line (readable even when the
    line is at t = 1); ``note=False``: no label in the plot (``_key_steps_entry`` names the
    lines in the legend instead, where a curve runs along the plot's top)."""
    label = t("figures.key_step") if label is None else label
    steps = sorted(set(int(s) for s in key_steps))
    shapes = [dict(type="line", xref="x", yref="paper", x0=s + 1, x1=s + 1, y0=0, y1=1,
                   line=dict(color=REFERENCE_COLOR, dash="dot", width=1.5)) for s in steps]
    notes = [dict(text=label, x=steps[0] + 1, xref="x", y=1, yref="paper", xanchor="left",
                  yanchor="top", showarrow=False, xshift=4, font=dict(size=11, color=REFERENCE_COLOR),
                  bgcolor="rgba(255, 255, 255, 0.7)")] if steps and note else []
    return dict(shapes=shapes, annotations=notes)


def _key_steps_entry(label: str) -> go.Scatter:
    """The key steps' dotted lines as a legend entry."""
    return go.Scatter(x=[None], y=[None], mode="lines", name=label, hoverinfo="skip",
                      line=dict(color=REFERENCE_COLOR, dash="dot", width=1.5))


MAX_CHAR_TICKS = 40  # a text axis labels at most this many steps with their characters


def _time_axis(steps: int, title: str | None = None, labels: list[str] | None = None) -> dict:
    """t = 1..T with half a step of room on each side (a key step at t = 1 is not on the edge),
    titled 'time step t' unless given. With ``labels`` (what each step reads, e.g. its
    character) the ticks show them instead, every step or every few."""
    title = t("figures.time_step") if title is None else title
    axis = dict(range=[0.5, steps + 0.5], title=dict(text=title))
    if labels:
        every = -(-steps // MAX_CHAR_TICKS)
        ticks = list(range(1, steps + 1, every))
        axis.update(tickmode="array", tickvals=ticks, tickangle=0,
                    ticktext=[_shown(labels[tick - 1]) for tick in ticks],
                    title=dict(text=t("figures.characters_every", title=title, every=every)
                               if every > 1 else t("figures.characters", title=title)))
    return axis


def _shown(char: str) -> str:
    """A character as an axis shows it: a space as '␣'."""
    return "␣" if char == " " else char


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
    layout = dict(xaxis=_time_axis(z.shape[1], labels=labels),
                  yaxis=dict(title=dict(text=t("figures.unit"))), **_key_steps(key_steps))
    return _figure([heat], layout, title, height=300)


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
                              line=dict(color=kind_color(kind), width=2 if rank == 0 else 1.2, dash=dash),
                              hovertemplate=t("figures.state_hover", unit=unit + 1, label=label,
                                              t="%{x}", value="%{y:.3f}") + "<extra></extra>")
                   for rank, unit in enumerate(units)]
    layout = dict(xaxis=_time_axis(probe.states[state].shape[1]),
                  yaxis=dict(title=dict(text=state_title(state))), **_key_steps(key_steps))
    return _figure(traces, layout, title, height=340)


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
        traces.append(go.Scatter(x=times, y=_positive(probe.grad_h), mode="lines", legendgroup=kind,
                                 name=name, line=dict(color=kind_color(kind), width=2)))
        if probe.grad_c is not None:
            traces.append(go.Scatter(x=times, y=_positive(probe.grad_c), mode="lines",
                                     legendgroup=kind + "c",
                                     name=t("figures.grad_c", model=kind_label(kind)),
                                     line=dict(color=kind_color(kind), width=2, dash="dot")))
    steps = max(len(p.grad_h) for p in probes.values()) if probes else 1
    drawn = [a for p in probes.values() for a in (p.grad_h, p.grad_c) if a is not None]
    yaxis = dict(title=dict(text=_with(aggregation, _log_scale(t("figures.gradient_norm")))),
                 **_log_axis(np.concatenate(drawn + [10.0 ** np.array(y_range or [])])))
    if y_range:
        yaxis["range"] = y_range
    layout = dict(xaxis=_time_axis(steps, t("figures.time_step_loss")), yaxis=yaxis,
                  **_key_steps(key_steps, note=False))
    return _figure(traces + [_key_steps_entry(t("figures.key_steps_all"))], layout, title,
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
    layout = dict(xaxis=_time_axis(z.shape[1]), yaxis=yaxis)
    return _figure([heat], layout, title, height=330)


def log10_range(snapshots: list, kinds: list[str]) -> tuple[float, float]:
    """The log10 range of ||dL/dh_t|| over every snapshot of these models (one colour scale)."""
    values = [s.probes[k].grad_h for s in snapshots for k in kinds if k in s.probes]
    bounds = log_range(values)
    return (bounds[0] + 0.3, bounds[1] - 0.3) if bounds else (-1.0, 0.0)


def multiplier_factors(probes: dict[str, ModelProbe], title: str, aggregation: str = "") -> go.Figure:
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
    layout = dict(xaxis=_time_axis(steps), shapes=[one], annotations=[note],
                  yaxis=dict(range=[0, top],
                             title=dict(text=_with(aggregation, t("figures.multiplier")))))
    return _figure(traces, layout, title, height=400)


def multiplier_products(probes: dict[str, ModelProbe], title: str) -> go.Figure:
    """The product of the factors from step T back to step t (log scale): at t, the product
    of the factor chart's values at t+1..T."""
    traces = [go.Scatter(x=np.arange(1, len(p.multiplier_product) + 1),
                         y=_positive(p.multiplier_product), mode="lines", legendgroup=kind,
                         name=kind_label(kind), line=dict(color=kind_color(kind), width=2))
              for kind, p in probes.items()]
    steps = max(len(p.multiplier_product) for p in probes.values())
    layout = dict(xaxis=_time_axis(steps), yaxis=dict(
        title=dict(text=_log_scale(t("figures.product"))),
        **_log_axis(np.concatenate([p.multiplier_product for p in probes.values()]))))
    return _figure(traces, layout, title, height=400)


def sigma_figure(rows: dict[str, tuple[list[int], list[float]]], title: str) -> go.Figure:
    """Largest singular value of W_hh over training, per model without gates (steps, values),
    against the threshold 1/γ = 1, where γ bounds the activation's slope."""
    traces = [go.Scatter(x=steps, y=sigmas, mode="lines+markers",
                         name=f"{kind_label(kind)} σ_max(W_hh)", line=dict(color=kind_color(kind), width=2))
              for kind, (steps, sigmas) in rows.items()]
    every = [step for steps, _ in rows.values() for step in steps]
    threshold = go.Scatter(x=[min(every), max(every)] if every else [0, 1], y=[1, 1], mode="lines",
                           name=t("figures.sigma_threshold"),
                           line=dict(color=REFERENCE_COLOR, dash="dash"))
    layout = dict(xaxis=dict(title=dict(text=t("figures.training_step"))),
                  yaxis=dict(title=dict(text=t("figures.sigma_axis")), rangemode="tozero"))
    return _figure([*traces, threshold], layout, title, height=360)


def connectivity_figure(probes: dict[str, ModelProbe], key_steps, title: str,
                        aggregation: str = "") -> go.Figure:
    """||d prediction / d x_t|| against t (log scale): which inputs the prediction uses."""
    traces = [go.Scatter(x=np.arange(1, len(p.connectivity) + 1), y=_positive(p.connectivity),
                         mode="lines", name=kind_label(kind), line=dict(color=kind_color(kind), width=2))
              for kind, p in probes.items()]
    steps = max(len(p.connectivity) for p in probes.values())
    layout = dict(xaxis=_time_axis(steps), yaxis=dict(
        title=dict(text=_with(aggregation, _log_scale(t("figures.connectivity")))),
        **_log_axis(np.concatenate([p.connectivity for p in probes.values()]))),
        **_key_steps(key_steps, note=False))
    return _figure(traces + [_key_steps_entry(t("figures.key_steps_all"))], layout, title,
                   height=380)


def power_curves(w: float, steps: int, title: str, log: bool) -> go.Figure:
    """w^t beside the additive path (1^t) of the LSTM cell state, on a linear or a log axis."""
    steps_back = np.arange(0, steps + 1)
    powers = float(w) ** steps_back.astype(float)
    traces = [go.Scatter(x=steps_back, y=powers if not log else _positive(powers), mode="lines",
                         name=t("figures.power", w=f"{w:g}"),
                         line=dict(color=kind_color("rnn"), width=2)),
              go.Scatter(x=steps_back, y=np.ones_like(steps_back, dtype=float), mode="lines",
                         name=t("figures.power_one"),
                         line=dict(color=kind_color("lstm"), width=2, dash="dash"))]
    factor = t("figures.factor")
    yaxis = dict(title=dict(text=_log_scale(factor) if log else factor))
    if log:
        yaxis.update(_log_axis(np.append(powers, 1.0)))
    layout = dict(xaxis=dict(title=dict(text=t("figures.steps_back"))), yaxis=yaxis)
    return _figure(traces, layout, title, height=360)


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
                             title=dict(text=_log_scale(t("figures.lengths")))),
                  yaxis=dict(title=dict(text=t("figures.at_the_end", metric=metric_label))),
                  shapes=shapes)
    return _figure(traces, layout, title, height=440)


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
    return _figure([heat], layout, title, height=300)


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
    bar = go.Bar(x=[kind_label(k) for k in kinds], y=_positive(shown),
                 marker=dict(color=[kind_color(k) for k in kinds]), name="‖∂L/∂h_1‖ / ‖∂L/∂h_T‖",
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
    return _figure([bar], layout, title, height=300)


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
    chars = [("␣" if c == " " else c) for c, _ in top][::-1]
    probs = [p for _, p in top][::-1]
    trace = go.Bar(x=probs, y=chars, orientation="h", name=kind_label(kind),
                   marker=dict(color=kind_color(kind)), text=[f"{p:.2f}" for p in probs],
                   textposition="outside", cliponaxis=False,
                   hovertemplate="'%{y}': p = %{x:.3f}<extra>" + kind_label(kind) + "</extra>")
    layout = dict(xaxis=dict(range=[0, 1.15], title=dict(text=t("figures.next_probability"))),
                  yaxis=dict(title=dict(text=t("figures.next_character")), type="category",
                             tickfont=dict(size=16)),
                  showlegend=True)
    return _figure([trace], layout, title, height=300)


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
    return _figure(traces, layout, title)


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
                x=times, y=_positive(distance), mode="lines", legendgroup=kind, name=label,
                showlegend=n == 0, line=dict(color=kind_color(kind), width=2, dash=dash),
                hovertemplate=f"t=%{{x}}: ‖Δ{name}‖ = %{{y:.2e}}<extra>{kind_label(kind)}</extra>"))
    first = next(iter(memories.values()), None)
    step = first.step if first else 0
    steps = len(first.distance["h"]) if first else 1
    xaxis = _time_axis(steps)
    xaxis["range"] = [step + 0.5, steps + 0.5]
    layout = dict(xaxis=xaxis, yaxis=dict(title=dict(text=t("figures.state_distance")),
                                          **_log_axis(np.concatenate(values))),
                  **_key_steps([step] if first else [], t("figures.flipped_here")))
    return _figure(traces, layout, title, height=height)


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
    return _figure(traces, layout, title, height=height)


ALT_ITEMS = 8  # the most traces or bars a chart's text alternative reads out


def _plain(text: str | None) -> str:
    """A title as words: no HTML tags, line breaks as spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text or "")).strip()


def _ends_of(trace) -> list[tuple[object, float]]:
    """A line's first and last points with a finite value (one, or none); vectorised, as it
    runs for every chart of every page on every tick."""
    if trace.x is None or trace.y is None:
        return []
    x = np.asarray(trace.x, dtype=object)
    y = np.asarray(trace.y, dtype=object)
    y = np.array([np.nan if v is None else v for v in y], dtype=float) if y.dtype == object \
        else y.astype(float)
    finite = np.flatnonzero(np.isfinite(y[:len(x)]))
    if not len(finite):
        return []
    ends = dict.fromkeys((int(finite[0]), int(finite[-1])))
    return [(x[i], float(y[i])) for i in ends]


def _at(point: tuple[object, float], axis: str) -> str:
    x = f"{point[0]:.4g}" if isinstance(point[0], (int, float)) else str(point[0])
    return t("figures.alt_at", value=f"{point[1]:.3g}", axis=axis, x=x)


def summary(fig: go.Figure) -> str:
    """The chart in one line, from its own numbers, for a screen reader: its title, then each
    named line's first and last points ("LSTM, held-out: from 0.5 at training step 0 to 1 at
    training step 400"), each bar, or a heatmap's size and range."""
    axis = _plain(fig.layout.xaxis.title.text) or t("figures.alt_x")
    parts = []
    for trace in fig.data:
        if trace.type == "heatmap":
            z = np.asarray(trace.z, dtype=float)
            parts.append(t("figures.alt_heatmap", rows=z.shape[0], columns=z.shape[1],
                           low=f"{np.nanmin(z):.3g}", high=f"{np.nanmax(z):.3g}"))
        elif trace.type == "bar":
            names, values = ((trace.y, trace.x) if trace.orientation == "h"
                             else (trace.x, trace.y))
            parts += [f"{_plain(str(n))}: {float(v):.3g}" for n, v in zip(names, values)]
        elif trace.type == "scatter" and trace.showlegend is not False and trace.name:
            ends = [_at(point, axis) for point in _ends_of(trace)]
            if ends:
                parts.append(t("figures.alt_line", name=_plain(trace.name), first=ends[0],
                               last=ends[-1]) if len(ends) > 1 else f"{_plain(trace.name)}: {ends[0]}")
    said = "; ".join(parts[:ALT_ITEMS]) + ("; …" if len(parts) > ALT_ITEMS else "")
    return t("figures.alt", title=_plain(fig.layout.title.text), said=said or t("figures.alt_empty"))
