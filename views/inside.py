"""Inside the LSTM: gates and cell state on one probe sequence, at any moment of training."""

import streamlit as st

from lstm_viz import figures, panels, texts
from lstm_viz.models import MODEL_LABELS, kind_of
from lstm_viz.verdict import answer_text, target_text
from views import settings, shared

st.title("Inside the LSTM")
st.markdown(texts.inside_intro(st.session_state.cursor.run.config.models))


SATURATION_NOTE = (
    "As in Karpathy, Johnson & Fei-Fei (2015): a gate is left-saturated below 0.1 and "
    "right-saturated above 0.9. Each point is one unit, placed by the share of the probe "
    "sequences' steps it spends in each; points on the dashed diagonal are never in between. A "
    "memory gate far right (the LSTM's f, the GRU's z) keeps its memory for long.")


def pick_snapshot(view):
    """The latest probe snapshot or, with 'Follow training' off, the one chosen among the
    snapshots that exist. The choice holds across steps and ticks and is kept in the link."""
    snapshots = view.snapshots
    follow = st.toggle("Follow training", key="follow",
                       help="On: show the newest probe. Off: pick an earlier moment of training.")
    if follow:
        st.query_params.pop("snapshot", None)
        return snapshots[-1]
    if len(snapshots) < 2:
        st.caption("Only one snapshot so far: train a few steps to look back in time.")
        return snapshots[-1]
    steps = [s.step for s in snapshots]
    wanted = st.session_state.get("snapshot_choice", 0)
    shown = max([s for s in steps if s <= wanted], default=steps[0])
    chosen = st.select_slider("Training step to look at", steps, value=shown,
                              help="Probes are taken every few training steps (and when you pause "
                                   "or step); pick one of them.")
    if chosen != shown:
        st.session_state.snapshot_choice = chosen
    st.query_params["snapshot"] = str(chosen)
    return snapshots[steps.index(chosen)]


def follow_from_link() -> None:
    """A link with ?snapshot=N opens with Follow training off at that step."""
    if "follow" in st.session_state:
        return
    raw = st.query_params.get("snapshot")
    st.session_state.follow = raw is None
    if raw is not None:
        st.session_state.snapshot_choice = settings.whole_number(raw, 0)


def draw(view):
    snapshot = pick_snapshot(view)
    figs = panels.inside(view, snapshot)
    task, batch = view.task, view.probe_batch
    for kind, probe in snapshot.probes.items():
        answers = ", ".join(f"sequence {i + 1} (right answer **{target_text(task, task.last(batch.y)[i])}**): "
                            f"{answer_text(task, probe.answers[n])}"
                            for n, i in enumerate(probe.sequences))
        st.markdown(f"**{MODEL_LABELS[kind]} at step {snapshot.step}** answers {answers}.")
    for kind in view.diverged:
        st.warning(f"{figures.model_name(kind, view.diverged)}: it has no probes after that.")
    if not any(kind_of(k).gate_names for k in view.models):
        st.info("Add the LSTM (or GRU) in the sidebar's Models to see gates.")
    gates = [key for key in figs if key.startswith("gate_")]
    columns = st.columns(2)  # two gates a row on a desktop, one under the other on a phone
    for n, key in enumerate(gates):
        with columns[n % 2]:
            shared.chart(figs[key], key)
    st.subheader("Memory on two sequences with different answers")
    st.caption("Solid: probe sequence 1; dashed: the first probe sequence whose right answer "
               "differs. A model that remembers keeps the two apart until the last step.")
    for key in (k for k in figs if k.startswith("state_")):
        shared.chart(figs[key], key)
    st.subheader("What one flipped input leaves in memory")
    st.caption(panels.memory_note(view, snapshot))
    if "memory_trace" in figs:
        shared.chart(figs["memory_trace"], "memory_trace")
    saturation = [key for key in figs if key.startswith("saturation_")]
    if saturation:
        st.subheader("How often each gate saturates")
        st.caption(SATURATION_NOTE)
    columns = st.columns(2)
    for n, key in enumerate(saturation):
        with columns[n % 2]:
            shared.chart(figs[key], key)


follow_from_link()
shared.live(draw)
