"""Memory horizon: how far back can each model remember? Held-out metric against the lag."""

import streamlit as st

from lstm_viz.core.training import TICK_SECONDS
from lstm_viz.i18n import t
from lstm_viz.present import panels, texts
from lstm_viz.present.labels import kind_label
from lstm_viz.serving import sweep
from views import shared, state

LENGTH_OPTIONS = (2, 5, 10, 20, 50, 100, 200, 300, 500, 750, 1000)
SEED_OPTIONS = (1, 2, 3)
MAX_SWEEP_MINUTES = 30  # a sweep estimated to take longer is not started

st.title(t("horizon.title"))
st.markdown(t("horizon.intro"))

shared.live(lambda view: None)  # the race's controls, as on every page

reference = sweep.load_reference()
if reference:
    shared.chart(panels.horizon_reference(reference), "horizon_reference")
    st.caption(t("horizon.reference", command=reference["command"], task=reference["task"]))

st.header(t("horizon.yours"))
config = state.CURSOR.get().view().config
task = state.CURSOR.get().run.task
longest = type(task).longest(**config.task_options)
options = [n for n in LENGTH_OPTIONS if task.min_seq_len <= n <= longest]
lengths = st.multiselect(t("horizon.lengths"), options,
                         default=[n for n in (10, 50, 100, 200) if n in options],
                         key=state.SWEEP_LENGTHS, help=t("horizon.lengths_help"))
seeds = st.segmented_control(t("horizon.seeds"), SEED_OPTIONS, default=2, key=state.SWEEP_SEEDS,
                             help=t("horizon.seeds_help"))
if not lengths or not seeds:
    st.info(t("horizon.pick"))
    st.stop()

key = (config, tuple(sorted(lengths)), seeds)
job = state.SWEEP_JOB.get()
if job is None or job.key != key:  # the running cell lives on between reruns
    if job is not None:
        job.cancel()
    job = sweep.Sweep(config, lengths, list(range(seeds)), cell=sweep.worker_cell)
    state.SWEEP_JOB.set(job)
seconds = sweep.worst_case_seconds(job)
runs_left = len(job.cells) - len(job.finished)
plan = t("horizon.plan", runs=len(job.cells), models=len(config.models), lengths=len(job.lengths),
         seeds=seeds, cap=config.max_steps)
if runs_left:
    st.markdown(t("horizon.pending", plan=plan, done=len(job.cells) - runs_left,
                  time=texts.duration(seconds)))
else:
    st.markdown(t("horizon.all_done", plan=plan))
too_long = seconds > 60 * MAX_SWEEP_MINUTES
if too_long:
    st.warning(t("horizon.too_long", minutes=MAX_SWEEP_MINUTES))
running = state.SWEEP_RUNNING.get() == key and not job.done
left, right = st.columns(2)
if left.button(t("horizon.run"), key=state.SWEEP_RUN, type="primary",
               disabled=running or too_long or job.done):
    state.SWEEP_RUNNING.set(key)
    st.rerun()
if right.button(t("horizon.cancel"), key=state.SWEEP_CANCEL, disabled=not running,
                help=t("horizon.cancel_help")):
    state.SWEEP_RUNNING.set(None)
    job.cancel()
    st.rerun()


@st.fragment(run_every=TICK_SECONDS if running else None)
def progress():
    """The sweep's progress and its chart so far, each in a place of its own, so the fragment
    keeps one layout from tick to tick (views/shared.py: ``live``)."""
    cell = trouble = None
    if state.SWEEP_RUNNING.get() == key and not job.done:
        try:
            cell = job.advance()  # what the sweep worker has trained
        except shared.TROUBLES as problem:  # a worker restart starts the cell again
            trouble = problem
        if job.done:
            state.SWEEP_RUNNING.set(None)
            st.rerun()
    bar = st.empty()
    if trouble is not None:
        bar.warning(shared.trouble_text(trouble), icon=":material/hourglass_empty:")
    elif cell is not None:
        bar.progress(job.progress, text=t("horizon.progress", model=kind_label(cell.models[0]),
                                          T=cell.seq_len, seed=cell.seed, done=len(job.finished),
                                          total=len(job.cells)))
    shared.chart(panels.horizon(job, config) if job.finished else None, "horizon_yours")
    note = st.empty()
    if job.finished and not job.done:
        stopped = state.SWEEP_RUNNING.get() != key
        note.caption(t("horizon.partial", done=len(job.finished), total=len(job.cells))
                     + (" " + t("horizon.resume") if stopped else ""))


progress()
