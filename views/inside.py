"""Inside the LSTM: gates and cell state on one probe sequence, at any moment of training."""

import streamlit as st

from lstm_viz import figures, panels
from lstm_viz.models import MODEL_LABELS
from lstm_viz.verdict import answer_text, target_text
from views import shared

st.title("Inside the LSTM")
st.markdown(
    "The heatmaps show each LSTM gate for every unit at every step of one probe sequence, seen "
    "by every model; the dotted line marks the step that holds what must be remembered. Watch "
    "the forget gate **f** stay near 1 (memory kept) and the input gate **i** respond at the key "
    "step. Below, the LSTM's cell state c_t moves smoothly and still carries what the key step "
    "wrote, while the RNN's h_t is pushed around by every new input. Turn off *Follow training* "
    "to look back at the gates before training."
)


def pick_snapshot(trainer):
    """The latest probe snapshot, or, with 'follow' off, the last one at or before a chosen step."""
    snapshots = trainer.snapshots
    follow = st.toggle("Follow training", value=True, key="follow",
                       help="On: show the newest probe. Off: pick an earlier moment of training.")
    if follow or len(snapshots) < 2:
        if not follow:
            st.caption("Only one snapshot so far: train a few steps to look back in time.")
        return snapshots[-1]
    chosen = st.slider("Training step to look at", 0, snapshots[-1].step, key="snapshot_step",
                       help="Probes are taken every few training steps; the nearest earlier one is shown.")
    return [s for s in snapshots if s.step <= chosen][-1]


def draw(trainer):
    snapshot = pick_snapshot(trainer)
    figs = panels.inside(trainer, snapshot)
    task, batch = trainer.task, trainer.probe_batch
    answers = ", ".join(f"{MODEL_LABELS[k]} answers {answer_text(task, p.answer)}"
                        for k, p in snapshot.probes.items())
    st.markdown(f"**Probe sequence at step {snapshot.step}:** the right answer is "
                f"**{target_text(task, batch.y[0])}**; {answers or 'no live model'}.")
    for kind in trainer.diverged:
        st.warning(f"{figures.model_name(kind, trainer.diverged)}: it has no probes after that.")
    gated = [k for k in ("lstm", "gru") if k in trainer.models]
    if not gated:
        st.info("Add the LSTM (or GRU) in the sidebar's Models to see gates.")
    for key, fig in figs.items():
        st.plotly_chart(fig, key=key, width="stretch")


shared.live(draw)
