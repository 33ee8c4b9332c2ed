"""What a link holds, in its query string and in words (``lstm_viz.present.links``), each
against the link a reader should get, without Streamlit."""

from urllib.parse import parse_qs

import pytest

from lstm_viz import RunConfig
from lstm_viz.core.link import VERSION
from lstm_viz.message import message
from lstm_viz.present import links


def test_a_scenes_widget_values_hold_every_sidebar_setting_as_its_widget_does():
    values = links.widget_values(RunConfig(seq_len=40, seed=3, models=("lstm",)))
    assert values["seq_len"] == 40
    assert values["seed"] == 3.0 and isinstance(values["seed"], float)
    assert values["models"] == ["lstm"]
    assert "series" not in values  # not a sidebar widget


def test_a_share_query_holds_the_version_and_what_differs_from_the_defaults():
    values = {**links.widget_values(RunConfig(seq_len=40, models=("lstm",))), "scene": "3"}
    assert links.share_query(values) == f"v={VERSION}&seq_len=40&models=lstm&scene=3"


def test_a_share_query_keeps_a_chosen_english_and_leaves_out_what_is_none():
    values = {"seq_len": None, "lang": "en", "w": None}
    assert links.share_query(values) == f"v={VERSION}&lang=en"
    assert parse_qs(links.share_query({"lang": "ko"}))["lang"] == ["ko"]


def test_a_share_query_writes_what_a_teachers_link_hides():
    query = links.share_query({"hide": ("seed", "lr"), "lock": 1})
    assert parse_qs(query)["hide"] == ["seed,lr"]  # as given, one comma-separated value
    assert parse_qs(query)["lock"] == ["1"]


def test_link_notes_name_every_parameter_the_app_cannot_use():
    assert links.check_url({"seed": ["-1"], "bogus": ["1"]}) == [
        "ignored seed='-1' (outside 0 to 2147483647); using the default 0",
        "ignored the unknown link parameter 'bogus'"]
    assert links.check_url({"seq_len": ["40"]}) == []


def test_a_long_list_of_notes_is_counted_after_the_first_five():
    notes = [message("link.unknown", key=f"k{n}") for n in range(8)]
    text = links.notes_text(notes)
    assert text.count("ignored the unknown link parameter") == 5
    assert text.endswith("'k4'; and 3 more")
    assert links.notes_text(notes[:2]).count(";") == 1


@pytest.mark.parametrize("raw, number", [("12", 12), ("1e3", 1000), ("7.9", 7), ("x", -1),
                                         ("1e400", -1), ("", -1)])
def test_a_links_whole_number(raw, number):
    assert links.whole_number(raw, -1) == number


def test_hide_groups_name_every_setting_or_every_one_but_the_length():
    every = {s.name for s in links.SIDEBAR}
    assert links.hidden_names(("settings",)) == every
    assert links.hidden_names(("all_but_seq_len",)) == every - {"seq_len"}
    assert links.hidden_names(("seed", "lr")) == {"seed", "lr"}
    assert links.hidden_names(()) == set()


def test_the_share_boxs_hide_choices_in_words():
    assert links.hide_label("settings") == "all settings"
    assert links.hide_label("all_but_seq_len") == (
        "all settings but the sequence length (students keep it and Start)")
    assert links.hide_label("seed") == "Seed"


LATCH = {"task": "latch", "models": ["rnn"]}


def test_students_are_told_what_is_hidden_in_few_words():
    assert links.hidden_words({"seed", "lr"}, LATCH) == "learning rate, seed"
    every_but_length = links.hidden_names(("all_but_seq_len",))
    assert links.hidden_words(every_but_length, LATCH) == (
        "all settings except sequence length (lag)")
    assert links.hidden_words(links.hidden_names(("settings",)), LATCH) == "all settings"
    # it hides only what the latch does not use: named all the same
    assert links.hidden_words({"horizon"}, LATCH) == "forecast horizon"


def test_a_link_described_in_words():
    assert links.describe_link(links.widget_values(RunConfig())) == "every setting at its default"
    values = {**links.widget_values(RunConfig(task="order", seq_len=40)),
              "hide": ("all_but_seq_len",), "lock": 1}
    assert links.describe_link(values) == (
        "task order; sequence length (lag) 40; every other setting at its default; "
        "students see: play controls, sequence length (lag) (locked)")
    assert links.describe_link({"models": ["lstm", "gru"], "w": 1.2}) == (
        "models LSTM, GRU; factor w applied at every step 1.2; every other setting at its default")


def test_what_students_see_is_the_shorter_list():
    assert links.students_see((), True) == ""
    assert links.students_see(("seed",), False) == "; hidden from students: seed"
    assert links.students_see(("all_but_seq_len",), False) == (
        "; students see: play controls, sequence length (lag)")
