"""Streamlit glue shared by every page: the session's cursor into a shared run, the training
controls and the live tick. Pages import this; the library never does.

Sessions on equal settings share one trainer (lstm_viz.serving.sessions); each session keeps its
own ``Cursor`` in its state (``views/state.py``): the step it shows, its cap, its play state and
its snapshot choice. Live training is an ``st.fragment`` with ``run_every``: while playing, each
tick moves the cursor a bounded number of steps (the run trains in the worker process, asked to
stay ahead of the cursor), then draws (Streamlit 1.67 patterns; the timer lives in the browser, so
a closed tab stops asking).
"""

from __future__ import annotations

import html
import random
from typing import Callable

import streamlit as st

from lstm_viz.core.config import LIMITS, RunConfig
from lstm_viz.core.training import TICK_SECONDS, RunView
from lstm_viz.i18n import say, t
from lstm_viz.present import chart_text
from lstm_viz.present.controls import changes, counter_text, forget_gate_closed
from lstm_viz.serving.sessions import REGISTRY, Cursor, run_key, tick
from lstm_viz.serving.worker import RunFailed, WorkerError, WorkerLost
from views import sidebar, state, teacher

STEP_OPTIONS = (1, 5, 10, 25, 50, 100)
PAUSE_PROBE_SECONDS = 2  # Pause takes at once; a probe the worker cannot answer by then is skipped
# What can go wrong with the training worker, and what the page says of it.
TROUBLE = {WorkerLost: "worker.lost", RunFailed: "worker.failed", WorkerError: "worker.error"}
TROUBLES = tuple(TROUBLE)
# Live charts redraw on every tick; Streamlit dims the elements of a run in progress, which
# makes them flicker. Charts and the counter keep full opacity (the status widget still shows
# that the app is running).
LIVE_STYLE = """<style>
.stElementContainer[data-stale="true"]:has(.stPlotlyChart),
.stElementContainer[data-stale="true"]:has(.st-key-step-counter),
.stElementContainer[data-stale="true"].st-key-step-counter {opacity: 1 !important; \
transition: none !important;}
</style>"""


def cursor_for(config: RunConfig) -> Cursor:
    """This session's cursor. A new step cap keeps the run (the cap does not change its
    numbers); other changes move the session to the run of the new settings, with a note that
    names what changed since the run it last trained (a slider moved key by key passes through
    runs that never trained: the note names where it started, not the last key press)."""
    cursor = state.CURSOR.get()
    if cursor is not None and cursor.run.config == run_key(config):
        cursor.cap = config.max_steps
        cursor.step = min(cursor.step, cursor.cap)
    else:
        if cursor is not None:
            if cursor.step > 0 or not state.RESTART_FROM.is_set():
                state.RESTART_FROM.set(cursor.run.config)
            note = changes(state.RESTART_FROM.get(), run_key(config))
            state.RESTART_NOTE.set(note or None)
        try:
            cursor = Cursor(REGISTRY.run_for(config), config.max_steps)
        except TROUBLES as problem:
            st.error(trouble_text(problem), icon=":material/hourglass_empty:")
            st.stop()
        state.CURSOR.set(cursor)
    REGISTRY.touch(cursor.run)
    return cursor


def _play_or_pause(play: bool) -> None:
    """The play button's callback, with what the button said when it was clicked: a second
    click on a "Pause" that a slow rerun has not yet relabelled pauses again, never resumes."""
    if not play:
        _pause()
    elif not state.PLAYING.get():
        state.PLAYING.set(True)


def _pause() -> None:
    state.PLAYING.set(False)
    try:
        state.CURSOR.get().pause_here(PAUSE_PROBE_SECONDS)
    except TROUBLES as problem:
        _note_trouble(problem)


def take_steps(n: int) -> None:
    """A button's callback: this session's cursor ``n`` steps on, trained if need be, then a
    probe at that step."""
    cursor = state.CURSOR.get()
    try:
        REGISTRY.touch(cursor.run, cursor.advance(n))
        cursor.probe_here()
        state.WORKER_NOTE.set(None)
    except TROUBLES as problem:
        _note_trouble(problem)


def trouble_text(problem: Exception) -> str:
    """What the page says of a worker that is held up, a run that failed, a question that did."""
    key = next(key for kind, key in TROUBLE.items() if isinstance(problem, kind))
    return t(key, reason=say(problem))


def _note_trouble(problem: Exception) -> None:
    """Keep what went wrong for the step counter to say; a run that cannot train stops
    playing (the session keeps its place)."""
    state.WORKER_NOTE.set(trouble_text(problem))
    if isinstance(problem, RunFailed):
        state.PLAYING.set(False)


def _reset() -> None:
    state.PLAYING.set(False)
    state.RESTART_NOTE.set(None)
    state.CURSOR.get().reset()


def _new_seed() -> None:
    state.SETTINGS["seed"].set(float(random.randrange(LIMITS["seed"][1])))


def _play_label(view: RunView) -> str:
    if state.PLAYING.get() and not view.done:
        return t("controls.pause")
    return t("controls.start") if view.steps == 0 else t("controls.resume")


def training_controls(cursor: Cursor) -> None:
    """Play/pause, step xN, reset to the same weights, new seed (unless the link hides the
    seed); in the sidebar, every page."""
    view = cursor.view()
    live = state.PLAYING.get() and not view.done
    with st.container():
        st.header(t("controls.training"))
        left, right = st.columns(2)
        left.button(_play_label(view), key=state.PLAY,
                    on_click=_play_or_pause, args=(not live,),
                    type="primary", icon=":material/pause:" if live else ":material/play_arrow:",
                    disabled=view.done and not live, width="stretch",
                    help=t("controls.play.help"))
        n = st.select_slider(t("controls.steps_per_click"), STEP_OPTIONS,
                             value=state.STEP_N.default, key=state.STEP_N.name,
                             help=t("controls.steps_per_click.help"))
        right.button(t("controls.step", n=n), key=state.STEP, on_click=take_steps, args=(n,),
                     disabled=view.done, width="stretch", help=t("controls.step.help"))
        left, right = st.columns(2)
        left.button(t("controls.reset"), key=state.RESET, on_click=_reset, width="stretch",
                    icon=":material/restart_alt:", help=t("controls.reset.help"))
        if teacher.may_change("seed"):  # a teacher's hidden seed keeps the class's numbers
            right.button(t("controls.new_seed"), key=state.NEW_SEED, on_click=_new_seed,
                         width="stretch", icon=":material/casino:",
                         help=t("controls.new_seed.help"))


def control_bar(view: RunView) -> None:
    """The compact bar at the top of every page: start/pause, step and reset. It sits outside
    the live fragment, so a click reruns the whole app (the play timer and the sidebar's labels
    follow); the counter under it is redrawn on every tick."""
    n = state.STEP_N.get()
    live = state.PLAYING.get() and not view.done
    with st.container(horizontal=True, vertical_alignment="center", key=state.CONTROL_BAR):
        st.button(_play_label(view), key=state.START, type="primary", disabled=view.done,
                  on_click=_play_or_pause, args=(not live,),
                  icon=":material/pause:" if live else ":material/play_arrow:",
                  help=t("controls.start.help"))
        st.button(t("controls.step", n=n), key=state.BAR_STEP, on_click=take_steps, args=(n,),
                  disabled=view.done, help=t("controls.step.help"))
        st.button(t("controls.reset"), key=state.BAR_RESET, on_click=_reset,
                  icon=":material/restart_alt:", help=t("controls.reset.help"))
        sidebar.bar_settings()


def step_counter(view: RunView) -> None:
    """The step this session shows and each model's held-out metric (redrawn every tick), then
    the notes that come and go, each in a slot of its own (``fixed_layout``)."""
    with st.container(key=state.STEP_COUNTER):
        st.markdown(counter_text(view), unsafe_allow_html=True)
    restarted, trouble, busy = st.empty(), st.empty(), st.empty()
    note = state.RESTART_NOTE.get()
    if note and view.steps == 0:
        restarted.info(t("controls.restarted", changes=note), icon=":material/replay:")
    if state.WORKER_NOTE.get():
        trouble.warning(state.WORKER_NOTE.get(), icon=":material/hourglass_empty:")
    runs = REGISTRY.training_now()
    if state.PLAYING.get() and runs > 2:
        busy.caption(t("controls.busy", runs=runs))


def live(draw: Callable[[RunView], None]) -> None:
    """The control bar, then the step counter and ``draw(view)`` in a fragment that, while
    playing, first moves this session's cursor by one bounded tick.

    ``draw`` keeps one layout from tick to tick: the same blocks (columns, containers) at the
    same places, and every element that comes and goes in a slot of its own (``st.empty()``,
    ``chart(None, ...)``). Under load Streamlit's browser side can apply one tick's changes
    over the last tick's layout; where a block had moved, the page went blank with
    "'setIn' cannot be called on an ElementNode" (tests/test_layout.py checks every page)."""
    st.html(LIVE_STYLE)
    control_bar(state.CURSOR.get().view())

    @st.fragment(run_every=TICK_SECONDS if state.PLAYING.get() else None)
    def live_tick():
        cursor = state.CURSOR.get()
        was_playing = state.PLAYING.get()
        try:
            view = tick(cursor) if was_playing else cursor.view()
            if was_playing:
                state.WORKER_NOTE.set(None)
        except TROUBLES as problem:  # the page goes on drawing what the run has
            _note_trouble(problem)
            view = cursor.view()
        # torch work done before any st.* call
        if was_playing and (view.done or not state.PLAYING.get()):
            _pause()
            st.rerun()  # the whole app: drops the timer and relabels the buttons
        step_counter(view)
        draw(view)

    live_tick()


CHART_CONFIG = {"displayModeBar": False}  # zoom by dragging, reset by double-click


# A chart's text alternative: read by screen readers, not drawn (nor given a gap of its own).
# Captions and inline code in a grey that reads on white and on the sidebar (WCAG AA 4.5:1;
# Streamlit's own grey gave 3.9).
PAGE_STYLE = """<style>
.stElementContainer:has(> [data-testid="stMarkdown"] .chart-alt) {position: absolute !important; \
width: 1px; height: 1px;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; margin: 0; padding: 0;}
[data-testid="stCaptionContainer"] {color: #555555; opacity: 1;}
[data-testid="stMarkdownContainer"] code {color: #555555;}
</style>"""


def chart(fig, key: str) -> None:
    """A plotly chart, full width, without plotly's toolbar (it covered titles on phones;
    Streamlit's own toolbar still offers full screen), after its text alternative: the chart
    in one line from its own numbers (``chart_text.summary``), for a screen reader. ``fig`` None
    keeps both places empty (a chart that comes and goes in a live fragment)."""
    alt_slot, chart_slot = st.empty(), st.empty()
    if fig is None:
        return
    alt = getattr(fig, "_alt_text", None)  # once per figure: the cache shares it among pages
    if alt is None:
        alt = fig._alt_text = chart_text.summary(fig)
    alt_slot.markdown(f'<p class="chart-alt">{html.escape(alt)}</p>', unsafe_allow_html=True)
    chart_slot.plotly_chart(fig, key=key, width="stretch", config=CHART_CONFIG)


def close_forget_gate_button(config: RunConfig) -> None:
    """One click to PyTorch's default, a constant memory-gate bias of 0 (f about 0.5), and
    once it is closed one click back to chrono (the Next line names that button). Like every
    button that changes settings it is drawn outside the live fragment: a click inside it
    reruns only the fragment, and neither the sidebar nor the address would take the change."""
    if not teacher.may_change("memory_init", "forget_bias"):
        return  # a teacher's link hides them: the lesson keeps them
    if forget_gate_closed(config):
        st.button(t("controls.open_gate"), key=state.OPEN_GATE, on_click=_open_forget_gate,
                  icon=":material/lock_open:", help=t("controls.open_gate.help"))
    else:
        st.button(t("controls.close_gate"), key=state.CLOSE_GATE, on_click=_close_forget_gate,
                  icon=":material/lock:", help=t("controls.close_gate.help"))


def _close_forget_gate() -> None:
    state.put_settings({"memory_init": "constant", "forget_bias": 0.0})


def _open_forget_gate() -> None:
    state.SETTINGS["memory_init"].set("chrono")

