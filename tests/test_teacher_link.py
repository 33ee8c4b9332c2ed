"""A teacher's link: hide= hides settings by name (or all of them), keeps their values, always
keeps the play controls and says that settings are hidden; lock=1 takes away "Show all
settings"; the share box writes the choice. In Streamlit's AppTest (the browser tests click
the same)."""

from __future__ import annotations

import pytest
from test_pages import open_app, view_of

from lstm_viz.present import story
from lstm_viz.present.controls import SIDEBAR
from lstm_viz.present.links import ALL_BUT_LENGTH, share_query, widget_values
from lstm_viz.serving.sessions import tally_for

SETTING_KEYS = {s.name for s in SIDEBAR}


def drawn_settings(at) -> set[str]:
    """The settings whose sidebar widgets this page drew."""
    kinds = ("slider", "select_slider", "selectbox", "multiselect", "number_input")
    keys = {w.key for kind in kinds for w in at.sidebar.get(kind)}
    return keys & SETTING_KEYS


def test_hide_takes_setting_names_and_keeps_the_links_values():
    at = open_app({"seq_len": "40", "lr": "0.01", "hide": "seq_len,lr"})
    assert "seq_len" not in drawn_settings(at) and "lr" not in drawn_settings(at)
    assert {"task", "models", "seed"} <= drawn_settings(at)
    config = view_of(at).config
    assert (config.seq_len, config.lr) == (40, 0.01)
    notice = " ".join(i.value for i in at.sidebar.info)
    assert "sequence length" in notice and "learning rate" in notice
    assert not [k for k in ("seq_len_bar",) if k in {w.key for w in at.get("slider")}]
    assert at.button(key="bar_step") and at.button(key="start")  # the play controls stay
    at.button(key="show_all_settings").click().run()
    assert {"seq_len", "lr"} <= drawn_settings(at)
    assert at.slider(key="seq_len").value == 40 and at.select_slider(key="lr").value == 0.01
    assert view_of(at).config == config  # showing them changes no setting


def test_hide_settings_hides_every_setting_and_start_still_works():
    at = open_app({"hide": "settings", "seq_len": "30"})
    assert drawn_settings(at) == set()
    assert not [h for h in at.sidebar.header if h.value == "Settings"]
    step = at.session_state["cursor"].step
    at.button(key="bar_step").click().run()
    assert at.session_state["cursor"].step > step and view_of(at).config.seq_len == 30
    at.button(key="start").click().run()
    assert at.session_state["playing"]
    assert at.button(key="show_all_settings")


def test_lock_takes_the_show_all_button_away():
    at = open_app({"hide": "settings", "lock": "1"})
    assert drawn_settings(at) == set()
    assert "show_all_settings" not in {b.key for b in at.button}
    assert "locks them" in " ".join(i.value for i in at.sidebar.info)


@pytest.mark.parametrize("hide, note", [
    ("nonsense", "hide='nonsense' (not among settings"),
    ("seq_len,nonsense", "ignored nonsense in hide"),
])
def test_an_unknown_name_in_hide_gets_a_polite_note(hide, note):
    at = open_app({"hide": hide})
    assert note in " ".join(i.value for i in at.info)
    assert ("seq_len" in drawn_settings(at)) == (hide == "nonsense")


def test_the_share_box_writes_what_to_hide_and_says_what_students_see():
    at = open_app({"seq_len": "40"})
    at.multiselect(key="share_hide").set_value(
        [s.name for s in SIDEBAR if s.name != "seq_len"]).run()
    link = at.code[0].value
    assert "hide=" in link and "lock" not in link
    assert "students see: play controls, sequence length" in at.sidebar.caption[-1].value
    at.multiselect(key="share_hide").set_value(["seq_len", "lr"]).run()
    at.checkbox(key="share_lock").check().run()
    link = at.code[0].value
    assert "hide=seq_len,lr" in link and "lock=1" in link
    caption = at.sidebar.caption[-1].value
    assert "hidden from students: sequence length (lag), learning rate (locked)" in caption
    # the link it wrote opens that scene, hidden and locked
    query = dict(pair.split("=") for pair in link.split("?")[1].split("&"))
    student = open_app(query)
    assert "seq_len" not in drawn_settings(student) and view_of(student).config.seq_len == 40
    assert "show_all_settings" not in {b.key for b in student.button}


def test_a_shortcut_that_changes_a_hidden_setting_is_not_offered():
    at = open_app({"hide": "memory_init"})
    assert "close_gate" not in {b.key for b in at.button}
    shown = open_app({"hide": "seq_len"})
    assert "close_gate" in {b.key for b in shown.button}
    closed = open_app({"hide": "memory_init", "memory_init": "constant", "forget_bias": "0"})
    assert "open_gate" not in {b.key for b in closed.button}
    assert "in the sidebar" in " ".join(m.value for m in closed.markdown)  # no button named


def test_new_seed_keeps_a_hidden_seed():
    """The report: New seed moved a hidden seed 0 -> 1236011167, so a student's numbers left
    the class. With the seed hidden there is no New seed; with it shown there is."""
    at = open_app({"hide": "settings"})
    assert "new_seed" not in {b.key for b in at.button}
    assert view_of(at).config.seed == 0
    assert "new_seed" in {b.key for b in open_app({"hide": "lr"}).button}


def test_the_storys_scene_buttons_keep_hidden_settings():
    """Setting up a scene changes its settings: not offered where the link hides one it
    would change; offered where the hidden ones already hold the scene's values."""
    at = open_app({"hide": "seq_len,seed", "seed": "7"}, page="views/story.py")
    assert "set_up" not in {b.key for b in at.button}
    assert "hides the settings that this page's button would change" in " ".join(
        c.value for c in at.caption)
    assert view_of(at).config.seed == 7
    params = story_scene_params(1)
    kept = open_app({**params, "hide": "seed", "seq_len": "30"}, page="views/story.py")
    assert "set_up" in {b.key for b in kept.button}  # the scene's seed is the hidden one's


def test_the_share_box_offers_only_the_length_and_start_in_one_choice():
    at = open_app()
    at.multiselect(key="share_hide").set_value([ALL_BUT_LENGTH]).run()
    link = at.code[0].value
    assert "hide=all_but_seq_len" in link
    assert "students see: play controls, sequence length (lag)" in at.sidebar.caption[-1].value
    student = open_app(dict(pair.split("=") for pair in link.split("?")[1].split("&")))
    assert drawn_settings(student) == {"seq_len"}
    assert student.slider(key="seq_len_bar")  # the bar's length, beside Start
    assert student.button(key="start")


def test_students_see_a_short_note_of_what_the_task_uses_and_no_hide_box():
    """A link hiding every setting by name (14 of them, the forecast horizon and LSTMP's
    projection among them) tells a student on the latch 'all settings except sequence
    length (lag)', naming nothing the latch does not use; the student's share box has no
    "Hide from students" and its link keeps the teacher's hide."""
    names = ",".join(s.name for s in SIDEBAR if s.name != "seq_len")
    at = open_app({"hide": names, "lock": "1"})
    notice = " ".join(i.value for i in at.sidebar.info)
    assert "all settings except sequence length (lag)" in notice
    assert "horizon" not in notice and "projection" not in notice
    assert "share_hide" not in {w.key for w in at.multiselect}
    assert "share_lock" not in {w.key for w in at.checkbox}
    assert "hide=" in at.code[0].value and "lock=1" in at.code[0].value
    few = open_app({"hide": "lr,horizon"})  # the horizon: not used on the latch, not named
    notice = " ".join(i.value for i in few.sidebar.info)
    assert "learning rate" in notice and "horizon" not in notice


def story_scene_params(number: int) -> dict:
    """The link to a story scene, set up (as the scene's own link box writes it)."""
    values = widget_values(story.scene_at(number).config)
    values.update(scene=str(number))
    return dict(pair.split("=") for pair in share_query(values).split("&"))


def test_the_class_tally_counts_every_sessions_prediction_and_names_nobody():
    scene = story.scene_at(1)
    widget = f"prediction_{scene.key}_en"
    params = story_scene_params(1)
    choices = [story.choice_text(scene, c) for c in scene.choices()]
    readers = [open_app(params, page="views/story.py") for _ in range(4)]
    run = readers[0].session_state["cursor"].run
    assert all(r.session_state["cursor"].run is run for r in readers)  # one shared run
    before = tally_for(run).counts(scene.key)
    for reader, choice in zip(readers[:3], (0, 0, 1)):
        assert not [c for c in reader.caption if "the class" in c.value]  # not before predicting
        reader.radio(key=widget).set_value(choice).run()
    readers[1].radio(key=widget).set_value(2).run()  # a changed mind moves its count
    fourth = readers[3]
    fourth.radio(key=widget).set_value(0).run()
    counts = tally_for(run).counts(scene.key)
    added = {c: counts.get(c, 0) - before.get(c, 0) for c in (0, 1, 2)}
    assert added == {0: 2, 1: 1, 2: 1}
    total = sum(counts.values())
    said = next(c.value for c in fourth.caption if "How the class predicted" in c.value)
    for choice, n in counts.items():
        assert f"{n} of {total} “{choices[choice]}”" in said
    assert set(vars(tally_for(run))) == {"_counts", "_lock"}  # counts only, nobody named


def test_a_tally_is_dropped_with_its_run():
    import gc

    from lstm_viz.core.config import RunConfig
    from lstm_viz.core.training import LockstepTrainer
    from lstm_viz.serving import sessions

    run = LockstepTrainer(RunConfig(seq_len=8, models=("rnn",)))
    sessions.tally_for(run).predict("race", 0)
    assert sessions.tally_for(run).counts("race") == {0: 1}
    held = len(sessions._TALLIES)
    del run
    gc.collect()
    assert len(sessions._TALLIES) == held - 1


def test_the_share_box_keeps_acronyms_in_setting_names():
    """A label starting with an acronym keeps its case in the sentence ('RNN gain σ_max(W_hh)',
    not 'rnn gain σ_max(w_hh)'); other labels start lower case."""
    at = open_app({"seq_len": "40", "rnn_gain": "2.5", "memory_init": "constant"})
    caption = at.sidebar.caption[-1].value
    assert "RNN gain σ_max(W_hh) at the start 2.5" in caption
    assert ("sequence length (lag) 40" in caption
            and "memory init (LSTM f, GRU z) constant" in caption)
