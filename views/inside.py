"""Inside the LSTM: gates and cell state on one probe sequence, at any moment of training."""

import streamlit as st

from lstm_viz.core.kinds import kind_of
from lstm_viz.i18n import t
from lstm_viz.present import figures, panels, texts
from lstm_viz.present.labels import kind_label, look
from lstm_viz.present.verdict import answer_text, target_text
from views import settings, shared

st.title(t("inside.title"))
st.markdown(texts.inside_intro(st.session_state.cursor.run.config.models))


def _hold_latest(step: int) -> None:
    """Turning 'Follow training' off holds the snapshot on screen, not the first one."""
    if not st.session_state.follow:
        st.session_state.snapshot_choice = step


def pick_snapshot(view):
    """The latest probe snapshot or, with 'Follow training' off, the one chosen among the
    snapshots that exist. The choice holds across steps and ticks and is kept in the link."""
    snapshots = view.snapshots
    follow = st.toggle(t("inside.follow"), key="follow", help=t("inside.follow_help"),
                       on_change=_hold_latest, args=(snapshots[-1].step,))
    if follow:
        st.query_params.pop("snapshot", None)
        return snapshots[-1]
    if len(snapshots) < 2:
        st.caption(t("inside.one_snapshot"))
        return snapshots[-1]
    steps = [s.step for s in snapshots]
    wanted = st.session_state.get("snapshot_choice", 0)
    shown = max([s for s in steps if s <= wanted], default=steps[0])
    chosen = st.select_slider(t("setting.snapshot"), steps, value=shown,
                              help=t("setting.snapshot.help"))
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
        answers = ", ".join(
            t("inside.answer", n=i + 1, right=target_text(task, task.last(batch.y)[i]),
              answer=answer_text(task, probe.answers[n]))
            for n, i in enumerate(probe.sequences))
        st.markdown(t("inside.answers", model=kind_label(kind), step=snapshot.step,
                      answers=answers))
    for kind in view.diverged:
        st.warning(t("inside.no_probes", model=figures.model_name(kind, view.diverged)))
    if not any(kind_of(k).gate_names for k in view.models):
        st.info(t("inside.no_gates"))
    st.markdown("  \n".join(f"**{kind_label(kind)}**: ${look(kind).equations}$"
                             for kind in view.models))
    gates = [key for key in figs if key.startswith("gate_")]
    for pair in range(0, len(gates), 2):  # two gates a row on a desktop; on a phone one under
        for column, key in zip(st.columns(2), gates[pair:pair + 2]):  # the other, in order
            with column:
                shared.chart(figs[key], key)
    st.header(t("inside.memory"))
    st.caption(t("inside.memory_caption"))
    for key in (k for k in figs if k.startswith("state_")):
        shared.chart(figs[key], key)
    st.header(t("inside.flipped"))
    st.caption(panels.memory_note(view, snapshot))
    if "memory_trace" in figs:
        shared.chart(figs["memory_trace"], "memory_trace")
    saturation = [key for key in figs if key.startswith("saturation_")]
    if saturation:
        st.header(t("inside.saturation"))
        st.caption(t("inside.saturation_note"))
    for pair in range(0, len(saturation), 2):
        for column, key in zip(st.columns(2), saturation[pair:pair + 2]):
            with column:
                shared.chart(figs[key], key)


follow_from_link()
shared.live(draw)
