"""Every page under streamlit.testing's AppTest: loads, steps, draws every model, URL round trip."""

import base64
import json
import time
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.kinds import MODEL_KINDS
from lstm_viz.core.training import TICK_SECONDS
from lstm_viz.present.controls import SIDEBAR
from lstm_viz.present.labels import LOOKS
from lstm_viz.present.links import check_url, share_query

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = ["views/race.py", "views/inside.py", "views/gradients.py", "views/horizon.py",
         "views/primer.py"]
LABELS = {kind: look.label for kind, look in LOOKS.items()}  # every kind, as drawn
REFERENCE_KINDS = json.loads((Path(__file__).parents[1] / "lstm_viz" / "data" /
                              "horizon_reference.json").read_text())["results"]


def open_app(params=None, page=None):
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def view_of(at):
    """What this session sees: its cursor's view of the (shared) run."""
    return at.session_state["cursor"].view()


def chart_specs(at):
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(data):
    """A plotly JSON array: a plain list, or numpy's base64 'bdata' encoding."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
    return np.asarray(data, dtype=float)


def trace_names(spec):
    return " ".join(str(t.get("name", "")) for t in spec["data"])


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_steps_and_draws_every_model(page):
    at = open_app({"seq_len": "12", "hidden_size": "8", "models": list(LABELS)}, page)
    at.button(key="step").click().run()
    assert not at.exception, at.exception
    trainer = view_of(at)
    assert trainer.steps == 10
    assert all(len(trainer.history[k]["step"]) == 10 for k in LABELS)
    specs = chart_specs(at)
    assert specs, "no chart on the page"
    for spec in specs:
        assert spec["layout"]["title"]["text"]
        assert all(len(t["x"]) if isinstance(t["x"], list) else len(values(t["x"]))
                   for t in spec["data"] if "x" in t)
    if page != "views/primer.py":
        names = " ".join(trace_names(s) for s in specs)
        drawn = REFERENCE_KINDS if page == "views/horizon.py" else LABELS  # the shipped sweep's
        for label in (LABELS[k] for k in drawn):
            assert label in names, f"{label} missing from the charts of {page}"
    assert len(at.markdown[0].value) > 120 and at.title[0].value  # the page's opening text
    alternatives = [m.value for m in at.markdown if 'class="chart-alt"' in m.value]
    assert len(alternatives) == len(specs)  # each chart's text alternative (test_chart_text.py)
    assert all('<p class="chart-alt">Chart: ' in a for a in alternatives)


def test_race_curves_hold_the_live_history():
    at = open_app({"seq_len": "10", "hidden_size": "8"})
    at.button(key="step").click().run()
    metric, loss = chart_specs(at)[:2]
    by_name = {t["name"]: t for t in loss["data"]}
    trainer = view_of(at)
    for kind in ("rnn", "lstm"):
        np.testing.assert_allclose(values(by_name[LABELS[kind]]["y"]),
                                   trainer.history[kind]["loss"])
    assert "chance (0.50)" in trace_names(metric)
    assert "**step 10 / 2000**" in " ".join(m.value for m in at.markdown)


def _session_values(at):
    """The session's settings as its widgets hold them (what the share box writes)."""
    return {s.name: at.session_state[s.name] for s in SIDEBAR if s.name in at.session_state}


def test_query_params_round_trip():
    params = {"task": "order", "seq_len": "40", "hidden_size": "16", "lr": "0.01",
              "batch_size": "64", "forget_bias": "3.5", "clip": "0", "seed": "123",
              "models": ["lstm", "gru"], "max_steps": "600", "optimizer": "sgd"}
    at = open_app(params)
    config = view_of(at).config
    assert (config.task, config.seq_len, config.hidden_size, config.lr, config.batch_size) == (
        "order", 40, 16, 0.01, 64)
    assert (config.forget_bias, config.clip, config.seed, config.models, config.max_steps) == (
        3.5, 0.0, 123, ("lstm", "gru"), 600)
    assert config.optimizer == "sgd"
    assert not at.info  # nothing was rejected
    written = share_query(_session_values(at)).split("&")
    expected = [f"{k}={v}" for k, vs in params.items()
                for v in (vs if isinstance(vs, list) else [vs])]
    assert written[0] == "v=3" and sorted(written[1:]) == sorted(expected)
    again = {}
    for pair in written:
        key, value = pair.split("=")
        again.setdefault(key, []).append(value)
    assert view_of(open_app(again)).config == config


def test_an_old_link_opens_the_same_scene_as_its_new_form_with_the_same_numbers():
    """Links made before the settings schema (old keys, models by label) keep working."""
    old = open_app({"T": "40", "cap": "300", "models": ["LSTM", "GRU"], "seed": "7",
                    "fbias": "2", "memory_init": "constant"})
    new = open_app({"seq_len": "40", "max_steps": "300", "models": ["lstm", "gru"], "seed": "7",
                    "forget_bias": "2", "memory_init": "constant", "v": "2"})
    assert not old.info and not new.info  # no "ignored" note for either
    assert view_of(old).config == view_of(new).config
    for at in (old, new):
        at.button(key="step").click().run()
    for kind in ("lstm", "gru"):
        np.testing.assert_array_equal(view_of(old).history[kind]["loss"],
                                      view_of(new).history[kind]["loss"])
    assert share_query(_session_values(old)) == share_query(_session_values(new))


@pytest.mark.parametrize("params,fragment", [
    ({"seq_len": "abc"}, "seq_len='abc' (not a number)"),
    ({"T": "abc"}, "T='abc' (not a number)"),  # an old key is named as the link wrote it
    ({"seq_len": "100000"}, "outside 1 to 1000"),
    ({"hidden_size": "-2"}, "hidden_size='-2' (outside 1 to 128)"),
    ({"hidden": "-2"}, "hidden='-2' (outside 1 to 128)"),
    ({"lr": "70"}, "lr='70' (outside 0.0001 to 10)"),
    ({"batch_size": "many"}, "batch_size='many' (not a number)"),
    ({"task": "copy"}, "task='copy'"),
    ({"models": ["Transformer"]}, f"models='Transformer' (not among {', '.join(MODEL_KINDS)})"),
    ({"nonsense": "1"}, "unknown link parameter 'nonsense'"),
    ({"seed": "9" * 500}, "seed='999999999999999999999999'"),
    ({"v": "9"}, "v='9' (not one of 1, 2, 3)"),
])
def test_bad_links_open_with_defaults_and_a_note(params, fragment):
    at = open_app(params)
    notes = " ".join(i.value for i in at.info)
    assert fragment in notes
    assert view_of(at).config == RunConfig()


def test_unknown_models_in_a_link_are_dropped_with_a_note():
    at = open_app({"models": ["GRU", "Transformer"]})
    assert "ignored Transformer in models" in at.info[0].value
    assert view_of(at).config.models == ("gru",)


def test_a_fractional_whole_number_is_truncated_like_streamlit_does():
    at = open_app({"hidden_size": "2.5", "seq_len": "1e1"})
    assert not at.info
    assert view_of(at).config.hidden_size == 2
    assert view_of(at).config.seq_len == 10


def test_a_task_picked_in_the_sidebar_starts_from_its_own_defaults():
    """Text starts at its learning rate 0.01 (tasks.Task.defaults) and the address says the
    task only (v3); another task goes back to RunConfig's 0.002; a rate moved by hand stays
    until the task changes."""
    at = open_app({"seq_len": "40"})
    at.selectbox(key="task").set_value("text").run()
    assert view_of(at).config.lr == 0.01 and "lr" not in at.query_params
    at.select_slider(key="lr").set_value(0.03).run()
    assert view_of(at).config.lr == 0.03 and at.query_params["lr"] in ("0.03", ["0.03"])
    at.selectbox(key="task").set_value("adding").run()
    assert view_of(at).config.lr == 0.002 and "lr" not in at.query_params


def test_task_minimum_length_is_enforced_with_a_note():
    at = open_app({"task": "adding", "seq_len": "1"})
    assert view_of(at).config.seq_len == 2
    assert "needs at least 2 steps" in " ".join(i.value for i in at.info)


def test_changing_a_setting_resets_the_run_cleanly():
    at = open_app({"seq_len": "10", "hidden_size": "8"})
    at.button(key="step").click().run()
    assert view_of(at).steps == 10
    at.slider(key="seq_len").set_value(20).run()
    trainer = view_of(at)
    assert trainer.steps == 0 and trainer.config.seq_len == 20
    assert all(len(h["step"]) == 0 for h in trainer.history.values())


def test_reset_and_new_seed():
    at = open_app({"seq_len": "10", "hidden_size": "8"})
    at.button(key="step").click().run()
    first = view_of(at).history["lstm"]["loss"].copy()
    at.button(key="reset").click().run()
    trainer = view_of(at)
    assert trainer.steps == 0 and len(trainer.history["lstm"]["step"]) == 0
    at.button(key="step").click().run()  # the same initial weights and batches: the same losses
    np.testing.assert_array_equal(view_of(at).history["lstm"]["loss"], first)
    run = at.session_state["cursor"].run
    at.button(key="new_seed").click().run()
    assert view_of(at).config.seed != 0 and at.session_state["cursor"].run is not run
    assert view_of(at).steps == 0
    notes = " ".join(i.value for i in at.info)
    assert "The race restarted at step 0 because you changed seed 0 → " in notes


def test_verdict_on_a_short_run():
    at = open_app({"seq_len": "5"})
    at.select_slider(key="step_n").set_value(50).run()
    for _ in range(3):
        at.button(key="step").click().run()
    text = " ".join(m.value for m in at.markdown)
    solved = view_of(at).solved_step("lstm")
    assert solved is not None
    assert f"LSTM solved the lag-5 latch at step {solved}" in text


def test_diverged_model_is_labelled_while_the_other_trains():
    at = open_app({"task": "adding", "seq_len": "20", "optimizer": "sgd", "lr": "0.3", "clip": "0"})
    at.select_slider(key="step_n").set_value(50).run()
    at.button(key="step").click().run()
    trainer = view_of(at)
    assert "rnn" in trainer.diverged and "lstm" not in trainer.diverged
    assert len(trainer.history["lstm"]["step"]) == 50
    assert "RNN diverged at step" in " ".join(m.value for m in at.markdown)
    assert "diverged at step" in trainer_names(at)
    for page in PAGES[1:3]:
        at.switch_page(page).run()
        assert not at.exception
        assert any("diverged" in w.value for w in at.warning)


def trainer_names(at):
    return " ".join(trace_names(s) for s in chart_specs(at))


def test_no_model_selected_asks_for_one():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.multiselect(key="models").set_value([]).run()
    assert not at.exception
    assert "Pick at least one model" in at.warning[0].value


def test_extreme_settings_work():
    for params in ({"seq_len": "1", "hidden_size": "1", "batch_size": "1"},
                   {"seq_len": "1000", "hidden_size": "128", "batch_size": "256", "lr": "10",
                    "clip": "0", "forget_bias": "10", "models": ["RNN", "LSTM", "GRU"]}):
        at = open_app(params)
        at.select_slider(key="step_n").set_value(1).run()
        at.button(key="step").click().run()
        assert not at.exception, at.exception
        assert view_of(at).steps == 1


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_start_pause_step_and_reset_in_its_main_area(page):
    at = open_app({"seq_len": "10", "hidden_size": "8"}, page)
    assert at.button(key="start").label == at.button(key="play").label == "Start"  # one name
    at.button(key="start").click().run()
    assert at.session_state["playing"] is True
    assert at.button(key="start").label == "Pause" and at.button(key="play").label == "Pause"
    for _ in range(25):  # a live tick shows what the worker has trained by then: under
        if view_of(at).steps:  # load, nothing yet (the worker trains ahead of the next one)
            break
        time.sleep(TICK_SECONDS)
        at.run()
    assert view_of(at).steps > 0, "25 live ticks and not one step"
    at.button(key="play").click().run()  # the sidebar's button does the same
    assert at.session_state["playing"] is False
    played = view_of(at).steps
    at.button(key="bar_step").click().run()
    assert at.button(key="start").label == at.button(key="play").label == "Resume"
    assert view_of(at).steps == played + 10
    assert f"**step {played + 10} / 2000**" in " ".join(m.value for m in at.markdown)
    at.button(key="bar_reset").click().run()
    assert view_of(at).steps == 0


def test_a_second_click_on_a_pause_the_page_has_not_relabelled_yet_stays_paused():
    """Under load the rerun after Pause can come late: the button still says Pause, the user
    (or a browser test) clicks it again, and that click must pause, not resume."""
    at = open_app({"seq_len": "10", "hidden_size": "8"})
    at.button(key="start").click().run()
    assert at.button(key="start").label == "Pause"
    at.session_state["playing"] = False  # the first click's pause, not yet drawn in the browser
    at.button(key="start").click().run()
    assert at.session_state["playing"] is False
    assert at.button(key="start").label == "Resume"


def test_memory_init_is_a_setting_in_the_link_and_the_forget_gate_closes_in_one_click():
    at = open_app({"seq_len": "10", "hidden_size": "8"})
    assert view_of(at).config.memory_init == "chrono"
    at.button(key="close_gate").click().run()
    config = view_of(at).config
    assert (config.memory_init, config.forget_bias) == ("constant", 0.0)
    # the run's models, built as the worker builds them
    lstm = LockstepTrainer(config).models["lstm"]
    assert float(lstm.memory_bias().abs().max()) == 0.0
    assert "close_gate" not in {b.key for b in at.button}  # closed: the button opens it again
    assert "**Memory init back to chrono** below" in " ".join(m.value for m in at.markdown)
    assert "memory_init=constant" in share_query(_session_values(at)).split("&")
    again = open_app({"seq_len": "10", "hidden_size": "8", "memory_init": "constant",
                      "forget_bias": "0"})
    assert view_of(again).config == config
    at.button(key="open_gate").click().run()
    assert view_of(at).config.memory_init == "chrono" and at.button(key="close_gate")


def test_race_chart_draws_held_out_beside_training_batches():
    at = open_app({"seq_len": "10", "hidden_size": "8", "models": ["LSTM"]})
    at.button(key="step").click().run()
    spec = chart_specs(at)[0]
    held_out = next(t for t in spec["data"] if t["name"] == "LSTM, held-out")
    assert at.get("plotly_chart")[0].proto.config == '{"displayModeBar": false}'
    trainer = view_of(at)
    assert list(values(held_out["x"])) == [s for s, _ in trainer.evals["lstm"]]
    assert "LSTM, training batches" in trace_names(spec)


def test_memory_horizon_page_runs_a_bounded_sweep_with_progress_and_cancel():
    at = open_app({"seq_len": "10", "hidden_size": "4", "max_steps": "100",
                   "models": ["RNN", "LSTM"]}, "views/horizon.py")
    assert "Memory horizon" in at.title[0].value
    reference = chart_specs(at)[0]
    assert "default settings" in reference["layout"]["title"]["text"]
    at.multiselect(key="sweep_lengths").set_value([2, 5]).run()
    at.segmented_control(key="sweep_seeds").set_value(1).run()
    plan = " ".join(m.value for m in at.markdown)
    assert "**4 runs**" in plan and "Expected time on an idle server: **at most" in plan
    at.button(key="sweep_run").click().run()
    assert at.session_state["sweep_running"] is not None and not at.exception
    at.run()
    assert at.get("progress"), "no progress bar while sweeping"
    at.button(key="sweep_cancel").click().run()
    assert at.session_state["sweep_running"] is None
    done_before = len(at.session_state["sweep_job"].finished)
    at.run()
    assert len(at.session_state["sweep_job"].finished) == done_before  # cancelled: no more work
    captions = " ".join(c.value for c in at.caption)
    assert (f"So far {done_before} of 4 runs" in captions) == (0 < done_before < 4)
    assert ("carries on from here" in captions) == (0 < done_before < 4)
    at.button(key="sweep_run").click().run()
    deadline = time.monotonic() + 120  # the cells train in the sweep worker meanwhile
    while at.session_state["sweep_running"] is not None and time.monotonic() < deadline:
        time.sleep(0.2)
        at.run()
    job = at.session_state["sweep_job"]
    assert job.done and not at.exception
    yours = chart_specs(at)[-1]
    assert "your settings" in yours["layout"]["title"]["text"]
    medians = {t["name"]: list(values(t["y"])) for t in yours["data"] if "median" in str(t["name"])}
    assert medians["LSTM: median over 1 seed"] == [job.results()["lstm"][n][0] for n in (2, 5)]


def test_large_seeds_are_written_in_full_in_the_link_and_the_notes():
    values = {"seed": 1377260012.0}
    assert share_query(values) == "v=3&seed=1377260012"
    notes = check_url({"seed": ["-1"]})
    assert "outside 0 to 2147483647" in notes[0]
    at = open_app({"seed": "1234567"})
    assert view_of(at).config.seed == 1234567
    shown = " ".join(c.value for c in at.get("code"))
    assert "seed=1234567" in shown and "e+" not in shown


def scrubber(at):
    return next(s for s in at.select_slider if s.label == "Training step to look at")


def test_the_snapshot_scrubber_holds_across_steps_and_ticks_and_is_in_the_link():
    at = open_app({"seq_len": "10", "hidden_size": "4", "seed": "31"}, "views/inside.py")
    at.select_slider(key="step_n").set_value(50).run()
    at.button(key="step").click().run()
    at.button(key="step").click().run()
    steps = [s.step for s in view_of(at).snapshots]
    assert steps[:3] == [0, 25, 50] and steps[-1] == 100
    at.toggle(key="follow").set_value(False).run()
    slider = scrubber(at)
    assert list(slider.options) == [str(s) for s in steps]  # only snapshots that exist
    assert slider.value == 100  # turning Follow off holds the snapshot on screen
    slider.set_value(25).run()
    assert at.query_params["snapshot"] in ("25", ["25"])
    at.button(key="step").click().run()  # a Step ...
    at.button(key="start").click().run()  # ... and a live tick
    at.button(key="start").click().run()
    assert scrubber(at).value == 25
    assert "(step 25)" in chart_specs(at)[0]["layout"]["title"]["text"]
    again = open_app({"seq_len": "10", "hidden_size": "4", "seed": "31", "snapshot": "25"},
                     "views/inside.py")
    assert again.session_state["follow"] is False and again.session_state["snapshot_choice"] == 25


def test_a_step_moves_inside_and_the_primer_at_once():
    """At the run's head (a fresh scene: seed 32), a Step takes a probe for this session."""
    at = open_app({"seq_len": "10", "hidden_size": "4", "seed": "32"}, "views/inside.py")
    at.button(key="bar_step").click().run()  # 10 steps: between the scheduled probes (25)
    assert view_of(at).snapshots[-1].step == 10
    assert "(step 10)" in chart_specs(at)[0]["layout"]["title"]["text"]
    at.switch_page("views/primer.py").run()
    assert "training step 10" in " ".join(m.value for m in at.markdown)


def test_raising_the_step_cap_lets_the_run_go_on():
    at = open_app({"seq_len": "10", "hidden_size": "4", "max_steps": "100"})
    at.select_slider(key="step_n").set_value(100).run()
    at.button(key="step").click().run()
    assert view_of(at).steps == 100 and view_of(at).done
    at.select_slider(key="max_steps").set_value(300).run()
    assert view_of(at).steps == 100 and not view_of(at).done
    assert not any("restarted" in i.value for i in at.info)
    at.select_slider(key="lr").set_value(0.01).run()  # a change that matters restarts, and says so
    assert view_of(at).steps == 0
    assert "restarted at step 0 because you changed learning rate 0.002 → 0.01" in \
        " ".join(i.value for i in at.info)


def test_an_empty_models_link_opens_the_default_models_without_a_warning():
    at = open_app({"models": ""})
    assert "the link selects no models; using the default rnn, lstm" in at.info[0].value
    assert not at.warning and view_of(at).kinds == ("rnn", "lstm")


def test_lowercase_model_names_in_a_link_are_accepted():
    at = open_app({"models": ["lstm", "gru"]})
    assert view_of(at).kinds == ("lstm", "gru") and not at.info


def test_primer_at_one_step_says_there_is_no_step_back():
    at = open_app({"seq_len": "1"}, "views/primer.py")
    text = " ".join(m.value for m in at.markdown)
    assert "no step back" in text and "nan" not in text


def test_the_primers_exploding_side_links_to_the_exploding_scene_set_up():
    """w > 1 offers story scene 7 (the RNN whose gradient explodes), its settings in the link;
    w < 1 does not."""
    from urllib.parse import parse_qs

    from lstm_viz.present import story
    links = {w: [e.proto for e in open_app({"w": w}, "views/primer.py").get("page_link")
                 if "story scene" in e.proto.label] for w in ("1.2", "0.9")}
    assert not links["0.9"]
    (scene_link,) = links["1.2"]
    assert scene_link.page == "story" and "story scene 7" in scene_link.label
    query = parse_qs(scene_link.query_string)
    assert query["scene"] == ["7"] and story.scene_at(7).key == "explode"
    assert (query["rnn_gain"], query["clip"], query["models"]) == (["2.5"], ["0"], ["rnn"])


def test_next_character_page_offers_text_then_answers_a_korean_prompt():
    at = open_app({"seq_len": "30", "hidden_size": "8"}, "views/prompt.py")
    at.button(key="use_text").click().run()
    assert (view_of(at).config.task, view_of(at).config.lr) == ("text", 0.01)
    assert at.session_state["playing"] is True  # one press: the task, its rate, and training
    at.button(key="play").click().run()  # paused, so that the numbers stand still to compare
    at.button(key="step").click().run()
    specs = chart_specs(at)
    assert [s["layout"]["title"]["text"].split(":")[0] for s in specs] == ["RNN", "LSTM"]
    view = view_of(at)
    trainer = LockstepTrainer(view.trainer.config)  # the worker's run, trained again here
    trainer.train_to(view.steps)
    from lstm_viz.tasks import text
    prompt = text.read_prompt(trainer.task, at.text_area(key="prompt").value)
    top = text.next_char(trainer.models["lstm"], trainer.task, prompt)
    np.testing.assert_allclose(values(specs[1]["data"][0]["x"])[::-1], [p for _, p in top],
                               rtol=1e-6)
    continues = [h.proto.body for h in at.get("html") if "continues" in h.proto.body]
    assert len(continues) == 2 and at.text_area(key="prompt").value[-5:] in continues[0]
    assert "temperature" not in {w.key for w in at.slider}  # greedy: no temperature to set
    at.radio(key="mode").set_value("sampled").run()
    assert at.slider(key="temperature").value == 0.8 and not at.exception
    at.text_area(key="prompt").input("선생님, 주말 내내 책을 읽었 🙂").run()
    assert "'🙂'" in " ".join(i.value for i in at.info)
    at.text_area(key="prompt").input("").run()
    assert "Type a prompt first" in " ".join(w.value for w in at.warning)
    at.text_area(key="prompt").input("가" * 700).run()
    assert "the limit is 600" in " ".join(w.value for w in at.warning)
    at.button(key="example_English: many").click().run()
    assert at.text_area(key="prompt").value == trainer.task.example("en", "many")
    assert not at.exception
    head = view_of(at).trainer.head
    at.button(key="bar_reset").click().run()  # this session at step 0, the weights further on
    assert f"come from the models at step {head}" in " ".join(i.value for i in at.info)


def test_answers_of_untrained_models_say_so():
    at = open_app({"task": "text", "seq_len": "30", "hidden_size": "4", "seed": "8181"},
                  "views/prompt.py")  # a run no other test trains: at step 0
    assert view_of(at).steps == 0 and view_of(at).trainer.head == 0
    assert "untrained" in " ".join(i.value for i in at.info)
    assert at.get("plotly_chart")  # the answers are there, and said to be a guess


CSV = "일자,종가\n" + "\n".join(
    f"2024{i // 28 + 1:02d}{i % 28 + 1:02d},{100 + (i % 30) + 0.1 * i:.2f}"
    for i in range(330))  # dates that read as numbers, as KRX writes them


def test_prices_page_trains_on_an_upload_and_keeps_the_series_on_a_bad_one():
    at = open_app({"seq_len": "40", "hidden_size": "8"}, "views/prices.py")
    at.button(key="use_prices").click().run()
    config = view_of(at).config
    assert (config.task, config.series, config.horizon) == ("series", "synthetic", 5)
    at.button(key="play").click().run()  # one press started it: paused for the checks below
    at.file_uploader(key="upload").set_value(
        ("prices.csv", "name,city\nKim,Seoul\n".encode(), "text/csv")).run()
    assert "The series in use is unchanged" in " ".join(e.value for e in at.error)
    at.file_uploader(key="upload").set_value(("prices.csv", CSV.encode("cp949"), "text/csv")).run()
    assert at.selectbox(key="upload_column").options == ["일자", "종가"]
    assert at.selectbox(key="upload_column").value == "종가"  # not the date column
    at.button(key="use_upload").click().run()
    assert "column '종가' of prices.csv" in " ".join(c.value for c in at.caption)
    config = view_of(at).config
    assert (config.series.startswith("upload-")
            and at.query_params["series"] in (config.series, [config.series]))
    at.button(key="step").click().run()
    names = " ".join(trace_names(s) for s in chart_specs(at))
    assert "naive, next = last" in names and "truth" in names and not at.exception
    # longer than 330 prices allow: the longest that fits
    at.slider(key="seq_len").set_value(500).run()
    longest = int(330 * 0.8) - 5 - 10  # before the split, 5 steps ahead, 10 targets
    assert view_of(at).config.seq_len == longest and not at.exception
    assert f"at most {longest} steps" in " ".join(i.value for i in at.info)
    assert "Verdict" in " ".join(m.value for m in at.markdown)


def test_a_link_to_an_upload_the_server_no_longer_has_falls_back_politely():
    at = open_app({"task": "series", "series": "upload-0123456789ab"})
    assert "upload the file again" in " ".join(i.value for i in at.info)
    assert view_of(at).config.series == "synthetic"


def test_inside_writes_out_each_racing_models_equations():
    at = open_app({"seq_len": "10", "hidden_size": "4", "models": ["lstm", "gru", "irnn"]},
                  "views/inside.py")
    shown = " ".join(m.value for m in at.markdown)
    for kind in ("lstm", "gru", "irnn"):
        assert f"**{LOOKS[kind].label}**: ${LOOKS[kind].equations}$" in shown
    assert LOOKS["rnn"].equations not in shown  # only the models that race


@pytest.mark.parametrize("page", ["views/race.py", "views/inside.py", "views/primer.py"])
def test_the_page_bar_holds_the_sequence_length_in_step_with_the_sidebar(page):
    at = open_app({"seq_len": "12", "hidden_size": "4"}, page)
    assert at.slider(key="seq_len_bar").value == at.slider(key="seq_len").value == 12
    at.slider(key="seq_len_bar").set_value(15).run()
    assert view_of(at).config.seq_len == 15 and at.slider(key="seq_len").value == 15
    at.slider(key="seq_len").set_value(9).run()  # and the other way round
    assert at.slider(key="seq_len_bar").value == 9 and view_of(at).config.seq_len == 9


def test_a_setting_moved_key_by_key_names_where_it_started():
    at = open_app({"seq_len": "10", "hidden_size": "4"})
    at.button(key="step").click().run()
    for value in (11, 12, 13):  # three key presses: three runs, two never trained
        at.slider(key="seq_len").set_value(value).run()
    notes = " ".join(i.value for i in at.info)
    assert "sequence length 10 → 13" in notes and "12 → 13" not in notes


def test_a_change_note_says_what_a_zero_means():
    """Clipping 0 is off and RNN gain 0 is PyTorch's own init: the note says so, not '0.0'."""
    at = open_app({"seq_len": "10", "hidden_size": "4", "models": ["rnn"]})
    at.button(key="step").click().run()
    at.select_slider(key="clip").set_value(0.0).run()
    at.select_slider(key="rnn_gain").set_value(2.5).run()
    notes = " ".join(i.value for i in at.info)
    assert ("gradient clipping 1 → off" in notes
            and "RNN gain σ_max(W_hh) PyTorch's init → 2.5" in notes)
    assert "0.0" not in notes and "1.0" not in notes


def test_a_hidden_setting_leaves_the_share_box_and_comes_back_with_its_value():
    at = open_app({"models": ["lstm", "lstmp"], "proj_size": "5", "seq_len": "8",
                   "hidden_size": "8"})
    assert "proj_size=5" in at.code[0].value
    at.multiselect(key="models").set_value(["lstm"]).run()  # the LSTMP leaves the race
    assert "proj_size" not in at.code[0].value and view_of(at).config.proj_size == 0
    at.multiselect(key="models").set_value(["lstm", "lstmp"]).run()
    assert at.select_slider(key="proj_size").value == 5 and "proj_size=5" in at.code[0].value


def test_the_plain_address_stays_plain_and_the_share_box_names_the_version():
    at = open_app()
    assert not dict(at.query_params)  # a newcomer's address is not rewritten
    assert at.code[0].value.endswith("?v=3")


def test_a_link_number_between_a_sliders_stops_takes_the_nearest_with_a_note():
    at = open_app({"lr": "7", "max_steps": "350", "batch_size": "64.0"})
    config = view_of(at).config
    assert (config.lr, config.max_steps, config.batch_size) == (10.0, 300, 64)
    notes = " ".join(i.value for i in at.info)
    assert "lr=7 is between the slider's stops, so it uses 10" in notes
    assert "max_steps=350" in notes and "batch_size" not in notes  # 64.0 is a stop
    exact = open_app({"lr": "2e-3", "seed": "5"})  # as the CLI and the README write it
    assert not exact.info and view_of(exact).config.lr == 0.002


def test_a_slider_whose_zero_means_something_says_it_in_words():
    """The RNN gain read 'σ_max 0.00' for PyTorch's initialisation: 0 is said in words on its
    slider (and on clipping's and LSTMP's projection's), other values as numbers."""
    at = open_app({"models": "rnn,lstmp", "clip": "0", "rnn_gain": "2.55"})
    gain, clip = at.select_slider(key="rnn_gain"), at.select_slider(key="clip")
    assert gain.value == 2.55 and view_of(at).config.rnn_gain == 2.55  # a link's value is kept
    assert gain.format_func(0.0) == "PyTorch's init" and gain.format_func(2.5) == "2.5"
    assert clip.format_func(clip.value) == "off"
    assert at.select_slider(key="proj_size").format_func(0) == "half the hidden size"


def test_a_link_with_many_bad_values_lists_a_few_and_counts_the_rest():
    at = open_app({f"junk{i}": "1" for i in range(200)})
    note = next(i.value for i in at.info if "could not use" in i.value)
    assert note.count("unknown") <= 6 and "and 195 more" in note
