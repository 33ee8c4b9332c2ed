"""A long lag sets expectations (issue 32, item 5): the race says how many steps the LSTM
usually needs at its lag, from the reference sweep, and how long the rest takes at the page's
pace; the slow warning counts the time the run still needs, not only the seconds per step.
Every sentence is checked against the numbers it comes from: the reference's runs, a race
trained here, the pace given."""

from types import SimpleNamespace

import pytest

from lstm_viz import i18n
from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import LockstepTrainer
from lstm_viz.present import expectation
from lstm_viz.present.expectation import pace_note, usual_steps
from lstm_viz.serving.sweep import load_reference

REFERENCE = load_reference()
STOPPED = REFERENCE["stopped_at"]


def view_at(step: int, **settings) -> SimpleNamespace:
    """A run standing at ``step`` whose LSTM has not solved (what a lag-1000 race shows for
    minutes), without training to it."""
    config = RunConfig(**settings)
    return SimpleNamespace(config=config, steps=step, done=step >= config.max_steps, diverged={},
                           first_solved_step=lambda kind: None, seconds_per_step=lambda: 0.1)


@pytest.mark.parametrize("lag", [int(n) for n in STOPPED["lstm"]])
def test_at_a_measured_lag_the_usual_steps_are_the_reference_seeds_range(lag):
    usual = usual_steps(RunConfig(seq_len=lag), REFERENCE)
    steps = STOPPED["lstm"][str(lag)]
    assert (usual.kind, usual.low, usual.high, usual.between) == \
        ("lstm", min(steps), max(steps), None)
    text = pace_note(view_at(0, seq_len=lag), REFERENCE, None).text
    steps_said = (f"{min(steps)}–{max(steps)} steps" if min(steps) < max(steps)
                  else f"{min(steps)} steps")
    assert f"At lag {lag} the LSTM usually needs {steps_said}" in text
    assert f"each of its {len(REFERENCE['seeds'])} seeds solved it within that" in text


def test_between_measured_lags_the_range_is_interpolated_and_the_note_says_so():
    usual = usual_steps(RunConfig(seq_len=400), REFERENCE)
    low = (min(STOPPED["lstm"]["300"]) + min(STOPPED["lstm"]["500"])) / 2  # 237.5
    high = (max(STOPPED["lstm"]["300"]) + max(STOPPED["lstm"]["500"])) / 2  # 275
    assert (usual.low, usual.high, usual.between) == (250, 275, (300, 500))
    assert abs(usual.low - low) <= 12.5 and abs(usual.high - high) <= 12.5  # to the 25-step grid
    text = pace_note(view_at(0, seq_len=400), REFERENCE, None).text
    assert "usually needs about 250–275 steps" in text and "between lags 300 and 500" in text


@pytest.mark.parametrize("settings", [
    dict(seq_len=1000, hidden_size=128),  # another size: the reference does not hold
    dict(seq_len=1000, lr=0.01),
    dict(seq_len=1000, memory_init="constant", forget_bias=0.0),
    dict(seq_len=100, task="order"),  # another task
    dict(seq_len=1000, models=("rnn",)),  # no model the page names
    dict(seq_len=5),  # below the shortest measured lag
])
def test_where_no_reference_applies_nothing_is_said_of_it(settings):
    assert usual_steps(RunConfig(**settings), REFERENCE) is None
    note = pace_note(view_at(0, **settings), REFERENCE, None)
    assert note is None or "usually" not in note.text


def test_the_seed_the_cap_and_the_other_models_keep_the_reference():
    for settings in (dict(seed=7), dict(max_steps=5000), dict(models=("lstm",)),
                     dict(models=("rnn", "lstm", "gru"))):
        assert usual_steps(RunConfig(seq_len=1000, **settings), REFERENCE).low == 325
    gru = usual_steps(RunConfig(seq_len=1000, models=("rnn", "gru")), REFERENCE)
    assert (gru.kind, gru.low, gru.high) == ("gru", 325, 375)  # without the LSTM, the GRU's


@pytest.mark.parametrize("lag,seed", [(50, 0), (100, 1)])
def test_the_race_solves_where_the_reference_says_and_the_note_then_goes(lag, seed):
    """The race (RNN and LSTM in lockstep) trains the LSTM as the sweep did alone: it solves
    at the reference's step for this seed, inside the range the note quotes, and from then on
    the note says nothing of the usual steps."""
    trainer = LockstepTrainer(RunConfig(seq_len=lag, seed=seed))
    usual = usual_steps(trainer.config, REFERENCE)
    while trainer.view().first_solved_step("lstm") is None and trainer.steps < usual.high:
        assert "usually needs" in pace_note(trainer.view(), REFERENCE, 50.0).text
        trainer.step(25)
    solved = trainer.view().first_solved_step("lstm")
    assert solved == STOPPED["lstm"][str(lag)][seed]
    assert usual.low <= solved <= usual.high
    assert pace_note(trainer.view(), REFERENCE, 50.0) is None  # fast, and solved: no note


def test_the_wait_is_the_steps_left_over_the_pages_pace():
    """At lag 1000, 325-400 steps: at 2.9 steps a second 112-138 s from step 0 (both '2 min'),
    at 8 steps a second 41-50 s, and from step 131 at 2.9 steps a second 67-93 s (over 90 s reads
    in minutes)."""
    assert "At this page's pace, 2.9 steps a second, the rest takes about 2 min." in \
        pace_note(view_at(0, seq_len=1000), REFERENCE, 2.9).text
    assert "the rest takes about 41 s to 50 s." in \
        pace_note(view_at(0, seq_len=1000), REFERENCE, 8).text
    assert "the rest takes about 67 s to 2 min." in \
        pace_note(view_at(131, seq_len=1000), REFERENCE, 2.9).text
    assert "the rest takes up to about 21 s." in \
        pace_note(view_at(350, seq_len=1000), REFERENCE, 2.4).text
    past = pace_note(view_at(425, seq_len=1000), REFERENCE, 2.9).text
    assert "This run is at step 425, past those 400, and the LSTM has not solved it yet." in past
    assert "pace" not in past


def test_a_cap_below_the_usual_steps_is_named():
    assert "This run's step cap, 300, stops it before then." in \
        pace_note(view_at(0, seq_len=1000, max_steps=300), REFERENCE, None).text
    assert "step cap, 350, may stop it before then." in \
        pace_note(view_at(0, seq_len=1000, max_steps=350), REFERENCE, None).text


def test_a_run_that_needs_minutes_is_slow_though_a_step_takes_under_a_second():
    """Lag 1000 with 128 units at 1.05 steps a second: no reference, 2,000 steps to the cap,
    1,905 s: the slow warning, with the remedy (it came only above 1 s a step before)."""
    note = pace_note(view_at(0, seq_len=1000, hidden_size=128), REFERENCE, 1.05)
    assert note.slow
    assert note.text == ("At this page's pace, 1.1 steps a second, the 2000 steps to the step "
                         "cap take about 32 min. Shorter sequences or fewer units speed it up.")
    assert pace_note(view_at(0, seq_len=1000, hidden_size=128), REFERENCE, 50.0) is None  # 40 s
    slow_step = SimpleNamespace(**{**vars(view_at(0, seq_len=30, hidden_size=128)),
                                   "seconds_per_step": lambda: 1.5})
    assert pace_note(slow_step, REFERENCE, None).text.startswith(
        "At these settings one training step takes 1.5 s")


def test_the_default_lag_1000_race_is_slow_at_the_pace_seen_in_the_issue():
    """400 steps at 2.9 steps a second, 138 s: over SLOW_SECONDS, so the expectation comes as
    the slow warning, the remedy after it; at 8 steps a second (50 s) it is a plain note."""
    slow = pace_note(view_at(0, seq_len=1000), REFERENCE, 2.9)
    assert 400 / 2.9 >= expectation.SLOW_SECONDS and slow.slow
    assert slow.text.endswith("That is slow: shorter sequences or fewer units speed it up.")
    assert not pace_note(view_at(0, seq_len=1000), REFERENCE, 8).slow


def test_the_note_reads_in_korean_with_the_same_numbers():
    i18n.use("ko")
    try:
        text = pace_note(view_at(131, seq_len=1000), REFERENCE, 2.9).text
    finally:
        i18n.use("en")
    assert "지연 1000에서 LSTM이(가)" in text and "325–400단계" in text and "초당 2.9단계" in text
    assert "약 67초에서 2분" in text
