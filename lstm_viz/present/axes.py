"""The axes and layout every chart shares: the frame (title, legend, size), log axes and their
ticks, time-step axes, key-step lines, and each model's marker beside its colour. The chart
builders (``figures``) draw their data on these.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lstm_viz.i18n import t
from lstm_viz.present.labels import kind_of_color, look

REFERENCE_COLOR = "#666666"
MAX_POINTS = 2000  # longer histories are thinned for drawing
TITLE_WIDTH = 48  # characters of a title line: a phone's chart holds about this many
LEGEND_WIDTH = 40  # characters of a legend entry's line, beside its line sample
CUE_MARKERS = 12  # a line's markers, at most: enough to tell models apart, few enough to read it
END_SYMBOL = "x"  # a diverged curve's end marker, kept as it is (no second cue)
MAX_CHAR_TICKS = 40  # a text axis labels at most this many steps with their characters


def figure(traces: list, layout: dict, title: str, height: int = 380) -> go.Figure:
    """A figure built in one constructor call, with the layout every chart shares, and each
    model's marker beside its colour. Long legend entries are broken into lines (plotly never
    wraps one, and on a phone it runs off the chart's edge)."""
    for trace in traces:
        if len(trace.name or "") > LEGEND_WIDTH:
            trace.name = _wrapped(trace.name, LEGEND_WIDTH)
    return go.Figure(data=_second_cue(traces), layout={**_frame(title, height), **layout})


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


def log_scale(label: str) -> str:
    """'loss (log scale)'."""
    return t("figures.log_scale", label=label)


def with_aggregation(aggregation: str, label: str) -> str:
    """An axis title with how the probe sequences were combined, on its own line."""
    return f"{label}<br><sub>{aggregation}</sub>" if aggregation else label


def thin(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every few points of a long history, at most about MAX_POINTS of them."""
    step = max(1, int(np.ceil(len(x) / MAX_POINTS)))
    return x[::step], y[::step]


def positive_or_gap(values) -> np.ndarray:
    """Values for a log axis: zeros (float underflow) and non-finite values become gaps (NaN,
    which Plotly leaves undrawn). An array, not a list: Plotly copies and sends it whole
    (every session's chart of every tick goes through its copy and its JSON)."""
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values) & (values > 0), values, np.nan)


def log_axis(values: np.ndarray, most: int = 6) -> dict:
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


def last_step(histories: dict, min_steps: int) -> int:
    """The training-step axis's end: the last recorded step, and at least ``min_steps``."""
    return max([min_steps] + [int(d["step"][-1]) for d in histories.values() if len(d["step"])])


def time_axis(steps: int, title: str | None = None, labels: list[str] | None = None) -> dict:
    """t = 1..T with half a step of room on each side (a key step at t = 1 is not on the edge),
    titled 'time step t' unless given. With ``labels`` (what each step reads, e.g. its
    character) the ticks show them instead, every step or every few."""
    title = t("figures.time_step") if title is None else title
    axis = dict(range=[0.5, steps + 0.5], title=dict(text=title))
    if labels:
        every = -(-steps // MAX_CHAR_TICKS)
        ticks = list(range(1, steps + 1, every))
        axis.update(tickmode="array", tickvals=ticks, tickangle=0,
                    ticktext=[visible_char(labels[tick - 1]) for tick in ticks],
                    title=dict(text=t("figures.characters_every", title=title, every=every)
                               if every > 1 else t("figures.characters", title=title)))
    return axis


def visible_char(char: str) -> str:
    """A character as a chart shows it, on an axis or a bar: a space as '␣'."""
    return "␣" if char == " " else char


def key_step_lines(key_steps, label: str | None = None, note: bool = True) -> dict:
    """Dotted vertical lines at the (0-based) key steps, drawn at t = step + 1, and one label
    ('key step' unless given) inside the plot beside the first line (readable even when the
    line is at t = 1); ``note=False``: no label in the plot (``key_steps_entry`` names the
    lines in the legend instead, where a curve runs along the plot's top)."""
    label = t("figures.key_step") if label is None else label
    steps = sorted(set(int(s) for s in key_steps))
    shapes = [dict(type="line", xref="x", yref="paper", x0=s + 1, x1=s + 1, y0=0, y1=1,
                   line=dict(color=REFERENCE_COLOR, dash="dot", width=1.5)) for s in steps]
    notes = [dict(text=label, x=steps[0] + 1, xref="x", y=1, yref="paper", xanchor="left",
                  yanchor="top", showarrow=False, xshift=4,
                  font=dict(size=11, color=REFERENCE_COLOR),
                  bgcolor="rgba(255, 255, 255, 0.7)")] if steps and note else []
    return dict(shapes=shapes, annotations=notes)


def key_steps_entry(label: str) -> go.Scatter:
    """The key steps' dotted lines as a legend entry."""
    return go.Scatter(x=[None], y=[None], mode="lines", name=label, hoverinfo="skip",
                      line=dict(color=REFERENCE_COLOR, dash="dot", width=1.5))
