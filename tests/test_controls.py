"""The sidebar's settings and the training controls in words and widget values
(``lstm_viz.present.controls``), each against what a reader should see, without Streamlit."""

import pytest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.config import BY_NAME
from lstm_viz.present import controls


def test_the_sidebar_draws_every_setting_with_a_widget_in_the_schemas_order():
    names = [s.name for s in controls.SIDEBAR]
    assert names[:3] == ["task", "seq_len", "horizon"]
    assert "series" not in names  # kept in the link, chosen on the Prices page
    assert names[-1] == "max_steps"


def test_labels_and_help_come_from_the_language_table():
    assert controls.setting_label(BY_NAME["seq_len"]) == "Sequence length (lag)"
    assert controls.setting_help(BY_NAME["seq_len"]).startswith("How many time steps")


@pytest.mark.parametrize("name, said", [
    ("seq_len", "sequence length (lag)"),  # a label's capital goes inside a sentence
    ("memory_init", "memory init (LSTM f, GRU z)"),
    ("rnn_gain", "RNN gain σ_max(W_hh) at the start"),  # an acronym keeps its capitals
])
def test_a_label_inside_a_sentence(name, said):
    assert controls.in_sentence(BY_NAME[name]) == said


@pytest.mark.parametrize("name, value, held", [
    ("seed", 7, 7.0),  # the seed's number input holds a float
    ("models", ("rnn", "lstm"), ["rnn", "lstm"]),  # the multiselect holds a list
    ("lr", 0.01, 0.01),
    ("task", "order", "order"),
])
def test_widget_values_and_back(name, value, held):
    setting = BY_NAME[name]
    assert controls.widget_value(setting, value) == held
    assert type(controls.widget_value(setting, value)) is type(held)
    assert controls.config_value(setting, held) == value


def test_config_values_round_the_seed_and_race_models_in_the_schemas_order():
    assert controls.config_value(BY_NAME["seed"], 6.6) == 7
    assert controls.config_value(BY_NAME["models"], ["gru", "rnn"]) == ("rnn", "gru")


def test_a_slider_thumb_says_a_zero_that_means_off_in_words():
    assert controls.thumb_text(BY_NAME["clip"], 0) == "off"
    assert controls.thumb_text(BY_NAME["clip"], 2.5) == "2.5"
    assert controls.thumb_text(BY_NAME["seed"], 1377260012) == "1377260012"


@pytest.mark.parametrize("name, values, used", [
    ("seq_len", {"task": "latch", "models": ["rnn"]}, True),  # every task's setting
    ("horizon", {"task": "latch", "models": ["rnn"]}, False),  # only the series task's
    ("horizon", {"task": "series", "models": ["rnn"]}, True),
    ("rnn_gain", {"task": "latch", "models": ["lstm"]}, False),  # only while an RNN races
    ("rnn_gain", {"task": "latch", "models": ["lstm", "irnn"]}, True),
    ("proj_size", {"task": "latch", "models": ["lstmp"]}, True),
])
def test_a_setting_is_in_use_only_where_it_matters(name, values, used):
    assert controls.in_use(BY_NAME[name], values) is used


def test_changes_name_every_setting_that_differs_with_both_values():
    new = RunConfig(lr=0.01, seed=7, clip=0.0, models=("lstm", "gru"))
    assert controls.changes(RunConfig(), new) == (
        "learning rate 0.002 → 0.01, gradient clipping 1 → off, seed 0 → 7, "
        "models RNN, LSTM → LSTM, GRU")
    assert controls.changes(RunConfig(), RunConfig()) == ""


def test_a_changed_value_is_written_without_a_trailing_zero():
    assert controls.change_value(BY_NAME["forget_bias"], 5.0) == "5"
    assert controls.change_value(BY_NAME["forget_bias"], 0.0) == "0"  # no word for its 0
    assert controls.change_value(BY_NAME["clip"], 0.0) == "off"
    assert controls.change_value(BY_NAME["seq_len"], 40) == "40"


def test_the_step_counter_gives_each_models_held_out_metric_in_its_colour():
    view = LockstepTrainer(RunConfig(seq_len=5, hidden_size=4)).view()
    text = controls.counter_text(view)
    assert text.startswith("**step 0 / 2000** · ")
    assert text.endswith(" <small>(held-out accuracy)</small>")
    scores = text.split(" · ")[1:]
    assert [s.split("<b>")[1].split("</b>")[0] for s in scores] == ["RNN", "LSTM"]
    for score, kind in zip(scores, ("rnn", "lstm")):
        number = score.split("</b> ")[1].split("</span>")[0]
        assert number == f"{view.held_out(kind):.2f}"
    assert 'style="color:#' in scores[0]


@pytest.mark.parametrize("init, bias, closed", [
    ("chrono", 0.0, False), ("constant", 5.0, False), ("constant", 0.0, True),
    ("constant", -2.0, True),
])
def test_the_forget_gate_starts_closed_only_with_a_constant_bias_of_zero_or_below(
        init, bias, closed):
    assert controls.forget_gate_closed(RunConfig(memory_init=init, forget_bias=bias)) is closed
