"""Every chart carries a text alternative that a screen reader reads: the chart in one line,
from its own numbers (``chart_text.summary``), right before it on the page."""

from __future__ import annotations

import re

from test_pages import open_app, view_of

from lstm_viz.i18n import use
from lstm_viz.present import chart_text


def alternatives(at) -> list[str]:
    return [m.value for m in at.markdown if 'class="chart-alt"' in m.value]


def test_the_race_chart_says_each_models_held_out_metric_from_the_run():
    at = open_app({"seq_len": "10", "models": ["rnn", "lstm"]})
    at.select_slider(key="step_n").set_value(50).run()
    at.button(key="bar_step").click().run()
    view = view_of(at)
    assert len(view.evals["lstm"]) > 1
    said = next(a for a in alternatives(at) if "Held-out accuracy" in a)
    for kind, label in (("rnn", "RNN"), ("lstm", "LSTM")):
        step, metric = view.evals[kind][-1]
        assert f"{label}, held-out: from " in said
        assert f"to {metric:.3g} at training step {step}" in said, said
    assert len(alternatives(at)) == len(at.get("plotly_chart"))  # one per chart


def test_the_text_and_price_pages_give_each_chart_its_alternative():
    """(The other pages: test_pages.py's tour of every page checks the same.)"""
    pages = {"views/prompt.py": {"task": "text", "seq_len": "40"},
             "views/prices.py": {"task": "series", "seq_len": "60"}}
    for page, params in pages.items():
        at = open_app({"v": "2", "seq_len": "10", **params}, page=page)
        charts = at.get("plotly_chart")
        assert charts and len(alternatives(at)) == len(charts), page
        assert all(re.search(r"Chart: \S", a) for a in alternatives(at)), page


def test_a_heatmap_and_a_bar_chart_read_as_their_numbers():
    import numpy as np
    import plotly.graph_objects as go

    heat = go.Figure(go.Heatmap(z=np.array([[0.1, 0.5], [0.9, 0.2]])),
                     layout=dict(title=dict(text="forget gate<br>f")))
    assert chart_text.summary(heat) == ("Chart: forget gate f. a heatmap of 2 rows by 2 columns, "
                                     "values 0.1 to 0.9.")
    bars = go.Figure(go.Bar(x=["RNN", "LSTM"], y=[1e-25, 0.004]),
                     layout=dict(title=dict(text="reach")))
    assert chart_text.summary(bars) == "Chart: reach. RNN: 1e-25; LSTM: 0.004."
    sideways = go.Figure(go.Bar(x=[0.9, 0.05], y=["어", "다"], orientation="h"),
                         layout=dict(title=dict(text="next")))
    assert chart_text.summary(sideways) == "Chart: next. 어: 0.9; 다: 0.05."
    use("ko")
    try:
        assert chart_text.summary(bars).startswith("차트: reach.")
    finally:
        use(None)
