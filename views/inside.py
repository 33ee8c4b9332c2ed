"""Inside the LSTM: gates and cell state on one probe sequence, at any moment of training."""

import streamlit as st

from lstm_viz.core.kinds import kind_of
from lstm_viz.i18n import t
from lstm_viz.present import figures, panels, texts
from lstm_viz.present.labels import kind_label, look
from lstm_viz.present.links import whole_number
from lstm_viz.present.verdict import answer_text, target_text
from views import shared, state

st.title(t("inside.title"))
st.markdown(texts.inside_intro(state.CURSOR.get().run.config.models))


def _hold_latest(step: int) -> None:
    """Turning 'Follow training' off holds the snapshot on screen, not the first one."""
    if not state.FOLLOW.get():
        state.SNAPSHOT_CHOICE.set(step)


def pick_snapshot(view):
    """The latest probe snapshot or, with 'Follow training' off, the one chosen among the
    snapshots that exist. The choice holds across steps and ticks and is kept in the link.
    The scrubber and its note share one slot (the live fragment keeps its layout)."""
    snapshots = view.snapshots
    follow = st.toggle(t("inside.follow"), key=state.FOLLOW.name, help=t("inside.follow_help"),
                       on_change=_hold_latest, args=(snapshots[-1].step,))
    slot = st.empty()
    if follow:
        st.query_params.pop("snapshot", None)
        return snapshots[-1]
    if len(snapshots) < 2:
        slot.caption(t("inside.one_snapshot"))
        return snapshots[-1]
    steps = [s.step for s in snapshots]
    wanted = state.SNAPSHOT_CHOICE.get()
    shown = max([s for s in steps if s <= wanted], default=steps[0])
    chosen = slot.select_slider(t("setting.snapshot"), steps, value=shown,
                                help=t("setting.snapshot.help"))
    if chosen != shown:
        state.SNAPSHOT_CHOICE.set(chosen)
    st.query_params["snapshot"] = str(chosen)
    return snapshots[steps.index(chosen)]


def follow_from_link() -> None:
    """A link with ?snapshot=N opens with Follow training off at that step."""
    if state.FOLLOW.is_set():
        return
    raw = st.query_params.get("snapshot")
    state.FOLLOW.set(raw is None)
    if raw is not None:
        state.SNAPSHOT_CHOICE.set(whole_number(raw, 0))


def draw(view):
    """Every model keeps its places, its probe or not (a model that diverges leaves them
    empty with a note): the live fragment keeps its layout from tick to tick."""
    snapshot = pick_snapshot(view)
    figs = panels.inside(view, snapshot)
    task, batch = view.task, view.probe_batch
    for kind in view.kinds:
        probe = snapshot.probes.get(kind)
        if probe is None:
            st.warning(t("inside.no_probes", model=figures.model_name(kind, view.diverged)))
            continue
        answers = ", ".join(
            t("inside.answer", n=i + 1, right=target_text(task, task.last(batch.y)[i]),
              answer=answer_text(task, probe.answers[n]))
            for n, i in enumerate(probe.sequences))
        st.markdown(t("inside.answers", model=kind_label(kind), step=snapshot.step,
                      answers=answers))
    if not any(kind_of(k).gate_names for k in view.kinds):
        st.info(t("inside.no_gates"))
    st.markdown("  \n".join(f"**{kind_label(kind)}**: ${look(kind).equations}$"
                             for kind in view.kinds))
    gates = [f"gate_{kind}_{gate}" for kind in view.kinds for gate in kind_of(kind).gate_names]
    charts_in_pairs(figs, gates)
    st.header(t("inside.memory"))
    st.caption(t("inside.memory_caption"))
    for key in (f"state_{kind}" for kind in view.kinds):
        shared.chart(figs.get(key), key)
    st.header(t("inside.flipped"))
    st.caption(panels.memory_note(view, snapshot))
    shared.chart(figs.get("memory_trace"), "memory_trace")
    saturation = [f"saturation_{gate}" for gate in dict.fromkeys(
        g for kind in view.kinds for g in kind_of(kind).gate_names
        if g not in kind_of(kind).tanh_gates)]
    if saturation:
        st.header(t("inside.saturation"))
        st.caption(t("inside.saturation_note"))
    charts_in_pairs(figs, saturation)


def charts_in_pairs(figs, keys):
    """Two charts a row on a desktop; on a phone one under the other, in order."""
    for pair in range(0, len(keys), 2):
        for column, key in zip(st.columns(2), keys[pair:pair + 2]):
            with column:
                shared.chart(figs.get(key), key)


follow_from_link()
shared.live(draw)
