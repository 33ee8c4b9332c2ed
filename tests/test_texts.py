"""Every page sentence that depends on the run says what the run is."""

import pytest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.present import texts
from lstm_viz.present.task_words import words
from lstm_viz.tasks import TASKS, make_task

COMBOS = [("rnn",), ("lstm",), ("gru",), ("rnn", "lstm"), ("lstm", "gru"), ("rnn", "lstm", "gru")]


@pytest.mark.parametrize("kinds", COMBOS)
def test_titles_and_intros_name_the_models_that_race(kinds):
    title, intro = texts.race_title(kinds), texts.race_intro(kinds, make_task("latch", 10))
    labels = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}
    for kind, label in labels.items():
        assert (label in title) == (kind in kinds)
    assert ("The models" in intro) == (len(kinds) > 1)
    assert "Both" not in intro and "Press Play" not in intro
    inside = texts.inside_intro(kinds)
    assert ("forget gate" in inside) == ("lstm" in kinds)
    assert ("RNN's h_t" in inside) == ("rnn" in kinds)
    view = LockstepTrainer(RunConfig(seq_len=5, hidden_size=4, models=kinds)).view()
    assert ("close the forget gate" in texts.race_next(view)) == ("lstm" in kinds)
    if "lstm" not in kinds:  # names the models it would race against, not "these"
        named = " and ".join(labels[k] for k in kinds)
        assert texts.race_next(view) == ("Next: add the LSTM in the sidebar's Models and race it "
                                         f"against the {named}.")


def test_units_phrase_never_promises_more_units_than_the_model_has():
    assert texts.units_phrase(6, 32) == "the 6 units"
    assert texts.units_phrase(6, 2) == "the 2 units"
    assert texts.units_phrase(6, 1) == "the unit"


def test_race_title_for_one_model():
    assert texts.race_title(("lstm",)) == "Race: the LSTM alone"
    assert texts.race_title(("rnn", "lstm")) == "Race: RNN vs LSTM"


@pytest.mark.parametrize("name", list(TASKS))
def test_race_intro_says_what_each_task_asks_and_which_way_is_better(name):
    task = make_task(name, max(40, TASKS[name].min_seq_len))
    intro = texts.race_intro(("rnn", "lstm"), task)
    assert words(task).goal in intro
    assert ("climbs away from" in intro) == task.higher_is_better
    assert words(task).reference_line in intro and "the the" not in intro


def _view(diverged=None, **changes):
    trainer = LockstepTrainer(RunConfig(**{"seq_len": 5, "hidden_size": 4, **changes}))
    trainer.diverged = diverged or {}
    return trainer.view()


def test_the_next_step_follows_where_the_run_stands():
    assert "longer lag" in texts.race_next(_view())
    longest = texts.race_next(_view(seq_len=1000))
    assert "longest lag" in longest and "longer lag" not in longest
    closed = texts.race_next(_view(memory_init="constant", forget_bias=0.0))
    assert "back to chrono" in closed and "close the forget gate" not in closed
    blown = texts.race_next(_view({"rnn": 0}, optimizer="sgd", lr=10.0, clip=0.0))
    assert "gradient clipping on" in blown and "(10)" in blown and "longer lag" not in blown
    assert "lower the learning rate (10)" in texts.race_next(_view({"lstm": 0}, lr=10.0))
