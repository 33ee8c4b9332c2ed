"""Race: the home page. The models train on the same batches; who remembers across the lag?"""

import streamlit as st

from lstm_viz import panels
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
    figs = panels.race(view)
    st.markdown(f"**Verdict:** {verdict(view)}")
    st.caption(f"Task: {task.describe()} Source: {task.source}.")
    seconds = view.seconds_per_step()
    if seconds > 1:
        st.warning(f"At these settings one training step takes {seconds:.1f} s, so the charts "
                   "move once per step. Shorter sequences or fewer units speed it up.")
    st.plotly_chart(figs["race_curves"], key="race_curves", width="stretch")


shared.live(draw)
