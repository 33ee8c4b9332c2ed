"""Streamlit glue shared by every page: the per-session trainer, the training controls and
the live tick. Pages import this; the library never does.

The trainer lives in ``st.session_state`` (one per user, never shared). Live training is an
``st.fragment`` with ``run_every``: while playing, each tick trains a bounded number of steps,
all torch work first, then draws (Streamlit 1.67 patterns; the timer lives in the browser, so a
closed tab stops training).
"""

from __future__ import annotations

import random
from typing import Callable

import streamlit as st

from lstm_viz.config import LIMITS, RunConfig
from lstm_viz.training import TICK_SECONDS, LockstepTrainer

STEP_OPTIONS = (1, 5, 10, 25, 50, 100)


def trainer_for(config: RunConfig) -> LockstepTrainer:
    """This session's trainer; a changed config replaces it (a clean reset, no mixed data)."""
    trainer = st.session_state.get("trainer")
    if trainer is None or trainer.config != config:
        trainer = LockstepTrainer(config)
        st.session_state.trainer = trainer
    return trainer


def start_button() -> None:
    """Start / pause on the page itself: on a phone the sidebar with the controls is folded."""
    trainer = st.session_state.trainer
    playing = st.session_state.get("playing", False) and not trainer.done
    label = "Pause" if playing else "Start the race" if trainer.steps == 0 else "Resume"
    st.button(label, key="start", on_click=_toggle_play, type="primary", disabled=trainer.done,
              help="Train the models live, side by side, on the same batches.")


def close_forget_gate_button() -> None:
    """One click to PyTorch's default: a constant memory-gate bias of 0 (f about 0.5)."""
    config = st.session_state.trainer.config
    closed = config.memory_init == "constant" and config.forget_bias == 0
    st.button("Close the forget gate (bias 0)", key="close_gate", on_click=_close_forget_gate,
              disabled=closed, icon=":material/lock:",
              help="Constant memory-gate bias 0, PyTorch's default: the LSTM's forget gate starts "
                   "near 0.5, so its memory halves every step. Undo with the sidebar's Memory "
                   "init.")


def _close_forget_gate() -> None:
    st.session_state.memory_init = "constant"
    st.session_state.fbias = 0.0


def _toggle_play() -> None:
    st.session_state.playing = not st.session_state.get("playing", False)


def _step(n: int) -> None:
    st.session_state.trainer.step(n)


def _reset() -> None:
    st.session_state.playing = False
    st.session_state.trainer.reset()


def _new_seed() -> None:
    st.session_state.seed = float(random.randrange(LIMITS["seed"][1]))


def training_controls(trainer: LockstepTrainer) -> None:
    """Play/pause, step xN, reset to the same weights, new seed; in the sidebar, every page."""
    playing = st.session_state.get("playing", False) and not trainer.done
    with st.container():
        st.header("Training")
        left, right = st.columns(2)
        left.button("Pause" if playing else "Play", key="play", on_click=_toggle_play,
                    type="primary", icon=":material/pause:" if playing else ":material/play_arrow:",
                    disabled=trainer.done and not playing, width="stretch",
                    help="Train continuously, updating the charts about once a second.")
        n = st.select_slider("Steps per click", STEP_OPTIONS, value=10, key="step_n",
                             help="How many training steps the Step button takes.")
        right.button(f"Step ×{n}", key="step", on_click=_step, args=(n,), disabled=trainer.done,
                     width="stretch", help="Take that many training steps, then stop.")
        left, right = st.columns(2)
        left.button("Reset", key="reset", on_click=_reset, width="stretch",
                    icon=":material/restart_alt:",
                    help="Back to step 0 with the same initial weights and batches.")
        right.button("New seed", key="new_seed", on_click=_new_seed, width="stretch",
                     icon=":material/casino:", help="Start over with new initial weights.")


def live(draw: Callable[[LockstepTrainer], None]) -> None:
    """Run ``draw(trainer)`` in a fragment that, while playing, trains a bounded tick first."""
    playing = st.session_state.get("playing", False)

    @st.fragment(run_every=TICK_SECONDS if playing else None)
    def tick():
        trainer = st.session_state.trainer
        with trainer.lock:  # a newer run of this session waits instead of racing this one
            if st.session_state.get("playing", False):
                trainer.step(trainer.steps_within())
            # all torch work is done before the first st.* call of the tick
            if trainer.done and st.session_state.get("playing", False):
                st.session_state.playing = False
                st.rerun()  # the whole app: drops the timer and relabels the Play button
            draw(trainer)

    tick()


def duration(seconds: float) -> str:
    """'40 s', '3 min', '1 h 20 min'."""
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"
