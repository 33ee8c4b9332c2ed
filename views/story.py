"""The story: eight scenes, each a run to predict, watch and explain (lstm_viz.present.story)."""

import streamlit as st

from lstm_viz.i18n import t
from lstm_viz.present import controls, links, panels, story
from lstm_viz.serving.sessions import FIGURES, run_key, tally_for
from views import address, language, shared, state, teacher

st.title(t("story.title"))
st.markdown(t("story.intro"))

NUMBERS = tuple(str(n) for n in range(1, len(story.SCENES) + 1))
number = int(st.segmented_control(t("story.scene"), NUMBERS, default=NUMBERS[0], required=True,
                                  key=state.SCENE.name, bind="query-params") or 1)
scene = story.scene_at(number)
cursor = state.CURSOR.get()


def _go_to(n: int) -> None:
    """A button's callback: scene ``n`` with its settings (the buttons that call it are drawn
    outside the live fragment, so the whole page takes the change)."""
    state.put_settings(links.widget_values(story.scene_at(n).config))
    state.SCENE.set(str(n))


def may_go_to(n: int) -> bool:
    """True if scene ``n``'s button may be offered: it changes no setting the link hides."""
    return teacher.may_set(links.widget_values(story.scene_at(n).config))


def _keep_prediction(scene_key: str, widget: state.Key) -> None:
    """A prediction outlives the radio that took it (a new language draws a new radio), and
    counts in the class's tally of this run (a changed prediction moves its count)."""
    predictions = state.PREDICTIONS.setdefault({})
    before, choice = predictions.get(scene_key), widget.get()
    if choice is not None and choice != before:
        tally_for(cursor.run).predict(scene_key, choice, before)
    predictions[scene_key] = choice


def class_tally() -> None:
    """How every session on this run predicted this scene so far (shown once this reader has
    predicted)."""
    counts, slot = tally_for(cursor.run).counts(scene.key), st.empty()  # its place kept
    if not counts:
        return
    choices, total = scene.choices(), sum(counts.values())
    said = ", ".join(
        t("story.class_item", n=n, total=total, choice=story.choice_text(scene, choices[c]))
        for c, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    slot.caption(t("story.class", said=said), help=t("story.class_help"))


def scene_link(n: int) -> str:
    """The link that opens scene ``n`` set up, in this language."""
    values = links.widget_values(story.scene_at(n).config)
    values.update(scene=str(n), lang=language.link_language())
    return f"{address.base()}?{links.share_query(values)}"


def set_up() -> bool:
    """The scene's setup text, and its one-click button while the settings differ from it."""
    st.header(t("story.scene_of", n=number, total=len(story.SCENES),
                   title=t(f"story.{scene.key}.title")))
    st.markdown(t(f"story.{scene.key}.setup"))
    ready = cursor.run.config == run_key(scene.config) and cursor.cap == scene.config.max_steps
    if not ready:
        changes = controls.changes(cursor.run.config.replace(max_steps=cursor.cap), scene.config)
        st.info(t("story.differs", changes=changes))
        if may_go_to(number):
            st.button(t("story.set_up", n=number), key=state.SET_UP, type="primary",
                      on_click=_go_to, args=(number,), help=t("story.set_up_help"),
                      icon=":material/tune:")
        else:
            st.caption(t("hidden.no_shortcut"))
    st.caption(t("story.link"))
    st.code(scene_link(number), language=None, wrap_lines=True)
    return ready


def predict() -> int | None:
    """The reader's prediction for this scene (None until made), kept for the session."""
    choices = scene.choices()
    widget = state.prediction(scene.key, state.LANG.get())
    return st.radio(t("story.predict"), range(len(choices)),
                    index=state.PREDICTIONS.get().get(scene.key),
                    format_func=lambda i: story.choice_text(scene, choices[i]), key=widget.name,
                    horizontal=True, on_change=_keep_prediction, args=(scene.key, widget))


def draw(view):
    """The scene's chart and, once the run has stopped, what it shows."""
    for key in scene.charts:
        build, every_step = story.CHARTS[key]
        figs = FIGURES.get(view, build, moment=None if every_step else view.snapshots[-1].step)
        shared.chart(figs.get(key), f"story_{key.removeprefix('race_')}")
        if key == "error_signal":  # what the chart shows, in its place from the first tick
            st.empty().caption(panels.error_signal_note(view))
    if not view.done:
        st.caption(t("story.running", cap=view.config.max_steps))
        class_tally()
        return
    choice = state.PREDICTIONS.get().get(scene.key)
    prediction = None if choice is None else scene.choices()[choice]
    said = "\n\n".join(story.explanation(scene, view, prediction))
    if prediction is not None and not story.predicted_right(scene, view, prediction):
        st.warning(said, icon=":material/close:")  # a wrong guess is no success
    else:
        st.success(said, icon=":material/check:")
    class_tally()
    st.caption(story.measured(scene))
    snapshot, note = view.snapshots[-1], st.empty()
    trace = None
    if any(p.memory is not None for p in snapshot.probes.values()):
        note.caption(panels.memory_note(view, snapshot))
        trace = panels.memory_trace(snapshot, height=320)
    shared.chart(trace, "story_memory")
    if number == len(story.SCENES):
        st.markdown(t("story.end"))


if set_up():
    if predict() is None:
        st.info(t("story.predict_first"))
    else:
        shared.live(draw)
        if cursor.view().done and number < len(story.SCENES) and may_go_to(number + 1):
            st.button(t("story.next", n=number + 1), key=state.NEXT_SCENE, type="primary",
                      on_click=_go_to, args=(number + 1,), icon=":material/arrow_forward:")
