"""Links that last (lstm_viz/core/link.py): names, ids, versions and their defaults."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core import link
from lstm_viz.core.config import LINKED, starting_config
from lstm_viz.i18n import say
from lstm_viz.tasks import TASKS

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SCENE = RunConfig(task="order", seq_len=40, hidden_size=16, optimizer="sgd", lr=0.01,
                  batch_size=64, memory_init="constant", forget_bias=3.5, clip=0.0, seed=123,
                  models=("lstm", "gru", "lstmp"), proj_size=5, max_steps=600)


def params(query: str) -> dict[str, list[str]]:
    """A query string as Streamlit hands it over: key -> every value."""
    found: dict[str, list[str]] = {}
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        found.setdefault(key, []).append(value)
    return found


def test_the_current_version_holds_today_s_defaults():
    """A default cannot change without a new version: the current version's table and
    RunConfig agree on every setting it names (a setting added later opens old links with its
    first default, the behaviour from before it existed)."""
    defaults = RunConfig()
    table = link.DEFAULTS[link.VERSION]
    assert {name: getattr(defaults, name) for name in table} == table
    for version, names in link.DEFAULTS.items():
        assert set(names) <= {s.name for s in LINKED}, version


def test_each_task_starts_from_its_own_defaults_from_v3_and_older_links_keep_theirs():
    """v3 gives the text task its measured learning rate (tasks.Task.defaults, frozen in
    link.TASK_DEFAULTS); a v2 link to the text task keeps the 0.002 it was made with."""
    assert link.TASK_DEFAULTS[link.VERSION] == {name: task.defaults for name, task in TASKS.items()
                                                if task.defaults}
    assert link.config_of(link.read(params("v=3&task=text&seq_len=40"))).lr == 0.01
    assert link.config_of(link.read(params("v=2&task=text&seq_len=40"))).lr == 0.002
    assert link.config_of(link.read(params("task=text&seq_len=40"))).lr == 0.002  # v1
    assert link.config_of(link.read(params("v=3&task=latch"))).lr == 0.002
    assert link.write({**dataclasses.asdict(starting_config("text"))}) == "v=3&task=text"
    assert link.write({**dataclasses.asdict(RunConfig(task="text"))}) == "v=3&task=text&lr=0.002"
    reading = link.read(params(link.write(dataclasses.asdict(RunConfig(task="text")))))
    assert link.config_of(reading) == RunConfig(task="text")


def test_a_written_link_reads_back_as_the_same_run():
    query = link.write(dataclasses.asdict(SCENE))
    assert query.startswith("v=3&task=order&seq_len=40&")
    assert "models=lstm&models=gru&models=lstmp" in query
    reading = link.read(params(query))
    assert reading.notes == [] and not reading.stale
    assert link.config_of(reading) == SCENE


def test_the_defaults_alone_still_name_the_version():
    assert link.write(dataclasses.asdict(RunConfig())) == "v=3"
    assert link.config_of(link.read(params("v=3"))) == RunConfig()
    assert link.read({}).version == link.VERSION  # the plain address


def test_old_keys_and_labels_read_as_the_new_names_and_ids():
    old = link.read(params("T=40&cap=300&models=LSTM&models=GRU&seed=7&fbias=2"
                           "&memory_init=constant&hidden=16&batch=64&opt=sgd"))
    new = link.read(params("seq_len=40&max_steps=300&models=lstm&models=gru&seed=7"
                           "&forget_bias=2&memory_init=constant&hidden_size=16&batch_size=64"
                           "&optimizer=sgd&v=2"))
    assert old.notes == [] and new.notes == []
    assert old.values == new.values and old.version == 1 and new.version == 2
    assert old.stale == {"T", "cap", "fbias", "hidden", "batch", "opt"}  # rewritten as new keys
    assert link.read(params("models=lstm%20(c%20cut)".replace("%20", " "))).given["models"] \
        == ("lstm-cut",)


def test_a_setting_s_own_name_wins_over_an_older_key():
    reading = link.read(params("T=40&seq_len=50"))
    assert reading.values["seq_len"] == 50 and "T" in reading.stale


def test_bad_values_are_noted_by_the_key_the_link_used():
    reading = link.read(params("T=abc&v=7&nonsense=1&models=Transformer"))
    notes = [say(n) for n in reading.notes]
    assert any("T='abc' (not a number)" in n for n in notes)
    assert any("v='7' (not one of 1, 2, 3)" in n for n in notes)
    assert any("unknown link parameter 'nonsense'" in n for n in notes)
    assert any("models='Transformer'" in n for n in notes)
    assert link.config_of(reading) == RunConfig()
    assert {"T", "v", "nonsense", "models"} <= reading.stale


NEXT = link.VERSION + 1


def _future(monkeypatch, lr: float) -> None:
    """A later version whose learning-rate default is ``lr``."""
    monkeypatch.setattr(link, "DEFAULTS", {**link.DEFAULTS, NEXT: {**link.DEFAULTS[link.VERSION],
                                                                   "lr": lr}})
    monkeypatch.setattr(link, "TASK_DEFAULTS", {**link.TASK_DEFAULTS,
                                                NEXT: link.TASK_DEFAULTS[link.VERSION]})
    monkeypatch.setattr(link, "VERSION", NEXT)


def test_a_link_written_today_opens_the_same_run_after_a_default_changes(monkeypatch):
    today = link.write(dataclasses.asdict(RunConfig(seq_len=12, hidden_size=6, seed=4)))
    assert "lr=" not in today  # the default is not written: the version stands for it
    before = LockstepTrainer(link.config_of(link.read(params(today))))
    before.step(3)
    _future(monkeypatch, lr=0.01)
    after_change = link.config_of(link.read(params(today)))
    assert after_change.lr == 0.002  # read with the defaults of its own version
    again = LockstepTrainer(after_change)
    again.step(3)
    for kind in before.kinds:
        np.testing.assert_array_equal(before.history[kind].arrays()["loss"],
                                      again.history[kind].arrays()["loss"])
    newer = link.read(params(f"v={NEXT}&seq_len=12"))  # a link made under the new default
    assert newer.values["lr"] == 0.01
    assert link.write({**newer.values, "lr": 0.002}).startswith(f"v={NEXT}&seq_len=12&lr=0.002")


def test_the_app_opens_an_old_link_with_the_defaults_it_was_made_under(monkeypatch):
    """_clean_link gives the widgets the link's version defaults where they differ."""
    monkeypatch.setattr(link, "DEFAULTS", {**link.DEFAULTS, 1: {**link.DEFAULTS[1], "lr": 0.01,
                                                                "seq_len": 30}})
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"seed": "5", "hidden": "4"})  # no v: made under v1
    at.run()
    assert not at.exception and not at.info
    config = at.session_state["cursor"].run.config
    assert (config.lr, config.seq_len, config.seed, config.hidden_size) == (0.01, 30, 5, 4)
    at2 = AppTest.from_file(APP, default_timeout=120)
    at2.query_params.update({"seed": "5", "hidden_size": "4", "v": "2"})
    at2.run()
    config = at2.session_state["cursor"].run.config
    assert (config.lr, config.seq_len) == (0.002, 100)
