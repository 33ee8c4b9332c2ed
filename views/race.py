"""Race: the home page. The models train on the same batches; who remembers across the lag?"""

import streamlit as st

from lstm_viz import panels
from lstm_viz.sessions import FIGURES
from lstm_viz.verdict import verdict
from views import shared

st.title("Race: RNN vs LSTM on the same batches")
st.markdown(
    "The models see exactly the same sequences and must report, at the last step, something "
    "that happened many steps earlier. Press **Start the race** and watch the held-out curves "
    "(solid, on sequences no model trains on): a model that remembers climbs away from the "
    "chance line, one that forgets stays on it. Then try a longer lag, or close the forget gate "
    "and see the LSTM fail too."
)
shared.close_forget_gate_button(st.session_state.cursor.run.config)


def draw(view):
    task = view.task
    figs = FIGURES.get(view, panels.race)
    st.markdown(f"**Verdict:** {verdict(view)}")
    st.caption(f"Task: {task.describe()} Source: {task.source}.")
    seconds = view.seconds_per_step()
    if seconds > 1:
        st.warning(f"At these settings one training step takes {seconds:.1f} s, so the charts "
                   "move once per step. Shorter sequences or fewer units speed it up.")
    left, right = st.columns(2)  # side by side on a desktop, stacked on a phone
    with left:
        shared.chart(figs["race_metric"], "race_metric")
    with right:
        shared.chart(figs["race_loss"], "race_loss")


shared.live(draw)
