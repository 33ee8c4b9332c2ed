"""Race: the home page. The models train on the same batches; who remembers across the lag?"""

import streamlit as st

from lstm_viz import export
from lstm_viz.i18n import say, t
from lstm_viz.present import expectation, panels, texts
from lstm_viz.present.controls import forget_gate_closed
from lstm_viz.present.labels import headline
from lstm_viz.present.task_words import words
from lstm_viz.present.verdict import verdict
from lstm_viz.serving import sweep
from lstm_viz.serving.sessions import FIGURES
from views import shared, state, teacher

config = state.CURSOR.get().run.config
st.title(texts.race_title(config.models))
st.markdown(texts.race_intro(config.models, state.CURSOR.get().run.task))


def draw(view):
    task = view.task
    figs = FIGURES.get(view, panels.race)
    glimpses = FIGURES.get(view, panels.race_glimpses, moment=view.snapshots[-1].step)
    left, right = st.columns(2)  # side by side on a desktop, stacked on a phone
    with left:
        shared.chart(figs["race_metric"], "race_metric")
    with right:
        shared.chart(figs["race_loss"], "race_loss")
    st.markdown(f"**{t('verdict.label')}:** {verdict(view)}")
    pace = st.empty()  # a note that comes and goes keeps its place: how long the run takes
    note = expectation.pace_note(view, sweep.load_reference(), state.CURSOR.get().pace())
    if note and note.slow:
        pace.warning(note.text, icon=":material/hourglass_top:")
    elif note:  # a caption: at the default lag it shows from the first step
        pace.caption(f":material/schedule: {note.text}")
    left, right = st.columns(2)
    for column, key in ((left, "race_forget"), (right, "race_reach")):
        with column:
            shared.chart(glimpses.get(key), key)
    no_probes = st.empty()  # a note that comes and goes keeps its place
    if not glimpses and view.diverged:
        no_probes.caption(t("race.no_probes"))
    shared.chart(figs.get("race_grad"), "race_grad")
    st.caption(t("race.task", describe=words(task).describe(), source=words(task).source))
    offered = forget_gate_closed(view.config) and teacher.may_change(
        "memory_init", "forget_bias")  # the button under the page (``close_forget_gate_button``)
    st.markdown(texts.race_next(view, open_button=offered))


def download(label: str, data, name: str, mime: str, icon: str, tip: str) -> None:
    """A download button that does not rerun the page; ``data`` may be a function, called
    only when the button is clicked."""
    st.download_button(label, data, file_name=name, mime=mime, icon=icon, help=tip,
                       on_click="ignore")


def weights_of(run, step: int) -> export.Weights:
    """The weights of ``step`` if the run still stands there, else its latest weights (a run
    keeps only its latest weights; the file says which step they are of)."""
    return run.answer(export.weights_at, step) or run.answer(export.weights_at)


def weights_download(view, weights: export.Weights) -> None:
    """The weights file: of the step on screen, or named by the step it is of."""
    same = weights.step == view.steps
    download(t("export.weights") if same else t("export.weights_of", step=weights.step),
             weights.data, export.file_name(view.config, "weights.pt", weights.step),
             "application/octet-stream", ":material/neurology:",
             t("export.weights.help", step=weights.step))


def weights_note(view, weights: export.Weights) -> None:
    """Why the weights are not of the step on screen and, where the run has trained ahead of
    it, a button that moves the step on screen to theirs (as Step does)."""
    ahead = weights.step > view.steps
    st.caption(t("export.ahead" if ahead else "export.behind", step=weights.step,
                 shown=view.steps))
    if ahead and weights.step <= view.config.max_steps:
        st.button(t("export.go_to", step=weights.step), key=state.EXPORT_GO_TO,
                  on_click=shared.take_steps, args=(weights.step - view.steps,),
                  icon=":material/fast_forward:", help=t("export.go_to.help"))


def script_download(config) -> str:
    """The standalone PyTorch script's button; returns why there is none ('' if there is)."""
    try:
        code = export.script(config)
    except export.NotExportable as problem:
        return say(problem)
    download(t("export.script"), code, export.file_name(config, "script.py"),
             "text/x-python", ":material/code:", t("export.script.help"))
    return ""


RECORDS = (("history", export.history_csv, "history.csv"),
           ("held_out", export.evals_csv, "held_out.csv"),
           ("probes", export.probes_csv, "probes.csv"))


def record_downloads(view) -> None:
    """The three CSVs of what this session sees, each made when its button is clicked."""
    for key, make, what in RECORDS:
        download(t(f"export.{key}"), lambda make=make: make(view),
                 export.file_name(view.config, what, view.steps), "text/csv", ":material/table:",
                 t(f"export.{key}.help"))


def export_panel() -> None:
    """'Export this run', outside the live fragment: nothing is made while it is closed, and a
    file only when its button is clicked. The records and the weights are of the step on
    screen, so they are offered while the race is paused or done."""
    panel = st.expander(t("export.title"), key=state.EXPORT, on_change="rerun",
                        icon=":material/download:")
    if not panel.open:
        return
    cursor = state.CURSOR.get()
    view = cursor.view()
    with panel:
        if state.PLAYING.get() and not view.done:
            st.caption(t("export.playing"))
            problem = script_download(view.config)
        else:
            st.caption(t("export.paused", step=view.steps))
            try:
                weights = weights_of(cursor.run, view.steps)
            except shared.TROUBLES as trouble:  # the records and the script are still offered
                weights = None
                st.warning(shared.trouble_text(trouble), icon=":material/hourglass_empty:")
            with st.container(horizontal=True):  # wraps onto more rows on a phone
                record_downloads(view)
                if weights is not None:
                    weights_download(view, weights)
                problem = script_download(view.config)
            if weights is not None and weights.step != view.steps:
                weights_note(view, weights)
        if problem:
            st.caption(problem)


shared.live(draw)
if headline(state.CURSOR.get().run.config.models):  # a settings button: outside the fragment
    shared.close_forget_gate_button(state.CURSOR.get().run.config)
export_panel()
