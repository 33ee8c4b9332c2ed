"""Each chart's text alternative: the chart in one line, from its own numbers, for a screen
reader (``summary``), shown right before the chart on the page.
"""

from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go

from lstm_viz.i18n import t

ALT_ITEMS = 8  # the most traces or bars a chart's text alternative reads out


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
                               last=ends[-1]) if len(ends) > 1
                             else f"{_plain(trace.name)}: {ends[0]}")
    said = "; ".join(parts[:ALT_ITEMS]) + ("; …" if len(parts) > ALT_ITEMS else "")
    return t("figures.alt", title=_plain(fig.layout.title.text),
             said=said or t("figures.alt_empty"))


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
