"""Race: the home page. The models train on the same batches; who remembers across the lag?"""

import streamlit as st

from lstm_viz import panels, texts
from lstm_viz.sessions import FIGURES
from lstm_viz.verdict import verdict
from views import shared

config = st.session_state.cursor.run.config
st.title(texts.race_title(config.models))
st.markdown(texts.race_intro(config.models, st.session_state.cursor.run.task))




def draw(view):
    task = view.task
    figs = FIGURES.get(view, panels.race)
    glimpses = FIGURES.get(view, panels.race_glimpses, moment=view.snapshots[-1].step)
    left, right = st.columns(2)  # side by side on a desktop, stacked on a phone
    with left:
        shared.chart(figs["race_metric"], "race_metric")
    with right:
        shared.chart(figs["race_loss"], "race_loss")
    st.markdown(f"**Verdict:** {verdict(view)}")
    left, right = st.columns(2)
    for column, key in ((left, "race_forget"), (right, "race_reach")):
        if key in glimpses:
            with column:
                shared.chart(glimpses[key], key)
    seconds = view.seconds_per_step()
    if seconds > 1:
        st.warning(f"At these settings one training step takes {seconds:.1f} s, so the charts "
                   "move once per step. Shorter sequences or fewer units speed it up.")
    st.caption(f"Task: {task.describe()} Source: {task.source}.")
    st.markdown(texts.race_next(view.models))
    if "lstm" in view.models:
        shared.close_forget_gate_button(view.config)


shared.live(draw)
