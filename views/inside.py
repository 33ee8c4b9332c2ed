"""Inside the LSTM: gates and cell state on one probe sequence, at any moment of training."""

import streamlit as st

from lstm_viz import figures
from lstm_viz.models import MODEL_LABELS
from lstm_viz.verdict import answer_text, target_text
from views import shared

TOP_UNITS = 6

st.title("Inside the LSTM")
st.markdown(
    "Here is one probe sequence, seen by every model. The heatmaps show each LSTM gate for "
    "every unit at every step; the dotted line marks the step that holds what must be "
    "remembered. Watch the forget gate **f** stay near 1 (memory kept) and the input gate "
    "**i** open at the key step; below, the cell state c_t holds the value flat across the lag "
    "while the RNN's h_t washes it out. Slide back in time to see the gates before training."
)


def pick_snapshot(trainer):
    """A slider over the kept probe snapshots; 'latest' follows live training."""
    steps = [s.step for s in trainer.snapshots]
    options = steps[:-1] + ["latest"]
    if st.session_state.get("snapshot") not in options:
        st.session_state.snapshot = "latest"
    choice = st.select_slider(
        "Training step of the snapshot", options, key="snapshot",
        format_func=lambda o: f"latest (step {steps[-1]})" if o == "latest" else str(o),
        help="Probes are taken every few training steps; pick one to see the model then.")
    return trainer.snapshots[-1] if choice == "latest" else trainer.snapshots[steps.index(choice)]


def draw(trainer):
    snapshot = pick_snapshot(trainer)
    task, batch = trainer.task, trainer.probe_batch
    key_steps = batch.key_steps[0].tolist()
    answers = ", ".join(f"{MODEL_LABELS[k]} answers {answer_text(task, p.answer)}"
                        for k, p in snapshot.probes.items())
    st.markdown(f"**Probe sequence at step {snapshot.step}:** the right answer is "
                f"**{target_text(task, batch.y[0])}**; {answers or 'no live model'}.")
    for kind in trainer.diverged:
        st.warning(f"{figures.model_name(kind, trainer.diverged)}: it has no probes after that.")
    for kind in ("lstm", "gru"):
        if kind in snapshot.probes:
            st.plotly_chart(figures.gate_heatmaps(
                snapshot.probes[kind].states, kind, key_steps,
                f"{MODEL_LABELS[kind]} gates on the probe sequence (training step {snapshot.step})"),
                key=f"gates_{kind}", width="stretch")
    if not any(k in snapshot.probes for k in ("lstm", "gru")):
        st.info("Add the LSTM (or GRU) in the sidebar's Models to see gates.")
    if snapshot.probes:
        st.plotly_chart(figures.state_trajectories(
            snapshot.probes, key_steps, TOP_UNITS,
            f"States over time, the {TOP_UNITS} units the prediction leans on most "
            f"(training step {snapshot.step})"), key="states", width="stretch")


shared.live(draw)
