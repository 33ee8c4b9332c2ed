"""Memory horizon: how far back can each model remember? Held-out metric against the lag."""

import streamlit as st

from lstm_viz import panels, sweep
from lstm_viz.models import MODEL_LABELS
from lstm_viz.training import TICK_SECONDS
from views import shared

LENGTH_OPTIONS = (2, 5, 10, 20, 50, 100, 200, 300, 500)
SEED_OPTIONS = (1, 2, 3)
MAX_SWEEP_MINUTES = 30  # a sweep estimated to take longer is not started

st.title("Memory horizon")
st.markdown(
    "How far back can each model remember? Each point is a model trained alone on the same "
    "batches as in the race, at one sequence length, then scored on held-out sequences; a run "
    "stops early once it is solved. The line is the median over seeds, the band the spread "
    "from the worst to the best seed."
)

shared.live(lambda view: None)  # the race's controls, as on every page

reference = sweep.load_reference()
if reference:
    shared.chart(panels.horizon_reference(reference), "horizon_reference")
    st.caption(f"Measured on this project's machine with `{reference['command']}` "
               f"(default settings, {reference['task']} task).")

st.subheader("Your sweep, with the sidebar's settings")
config = st.session_state.cursor.view().config
task = st.session_state.cursor.run.task
longest = type(task).longest(**config.task_options)
options = [n for n in LENGTH_OPTIONS if task.min_seq_len <= n <= longest]
lengths = st.multiselect("Sequence lengths", options,
                         default=[n for n in (10, 50, 100, 200) if n in options], key="sweep_lengths",
                         help="Each length is one point on the chart, for every model.")
seeds = st.segmented_control("Seeds per point", SEED_OPTIONS, default=2, key="sweep_seeds",
                             help="More seeds show the spread between runs; each costs a run.")
if not lengths or not seeds:
    st.info("Pick at least one length and a number of seeds.")
    st.stop()

key = (config, tuple(sorted(lengths)), seeds)
job = st.session_state.get("sweep_job")
if job is None or job.key != key:  # the running cell lives on between reruns
    job = sweep.Sweep(config, lengths, list(range(seeds)))
    st.session_state.sweep_job = job
seconds = sweep.worst_case_seconds(job)
runs_left = len(job.cells) - len(job.finished)
plan = (f"**{len(job.cells)} runs** ({len(config.models)} models × {len(job.lengths)} lengths × "
        f"{seeds} seeds, up to {config.max_steps} steps each)")
if runs_left:
    st.markdown(f"{plan}; {len(job.cells) - runs_left} already done on this server. Expected "
                f"time: **at most {shared.duration(seconds)}** (runs that solve the task stop "
                "early, so usually much less).")
else:
    st.markdown(f"{plan}: all done on this server, so the chart below is ready.")
too_long = seconds > 60 * MAX_SWEEP_MINUTES
if too_long:
    st.warning(f"That is more than {MAX_SWEEP_MINUTES} minutes: pick fewer lengths or seeds, a "
               "lower step cap or fewer models.")
running = st.session_state.get("sweep_running") == key and not job.done
left, right = st.columns(2)
if left.button("Run the sweep", key="sweep_run", type="primary",
               disabled=running or too_long or job.done):
    st.session_state.sweep_running = key
    st.rerun()
if right.button("Cancel", key="sweep_cancel", disabled=not running,
                help="Stops after the current tick; finished runs are kept."):
    st.session_state.sweep_running = None
    st.rerun()


@st.fragment(run_every=TICK_SECONDS if running else None)
def progress():
    if st.session_state.get("sweep_running") == key and not job.done:
        cell = job.advance(sweep.steps_per_tick(job))
        if job.done:
            st.session_state.sweep_running = None
            st.rerun()
        st.progress(job.progress, text=f"Training {MODEL_LABELS[cell.models[0]]} at T = {cell.seq_len}, "
                    f"seed {cell.seed}: {len(job.finished)} of {len(job.cells)} runs done")
    if job.finished:
        shared.chart(panels.horizon(job, config), "horizon_yours")


progress()
