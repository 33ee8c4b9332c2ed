"""The command line: JSON report, readable table, one-line errors."""

import json
import subprocess
import sys
import types

import pytest

from lstm_viz import cli
from lstm_viz.cli import main

KEYS = {"final_metric", "metric_name", "chance", "steps", "diverged", "ms_per_step", "grad_ratio"}


@pytest.fixture
def terminal(monkeypatch):
    """stderr taken for a terminal: the progress bars are drawn (a captured stderr is none)."""
    monkeypatch.setattr(cli, "on_terminal", lambda: True)


def test_race_json_reports_every_model(capsys, terminal):
    code = main(["race", "--task", "order", "--seq-len", "6", "--steps", "12", "--hidden", "8",
                 "--models", "rnn,lstm,gru", "--json"])
    assert code == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert set(report["models"]) == {"rnn", "lstm", "gru"}
    for r in report["models"].values():
        assert KEYS <= set(r)
        assert r["steps"] == 12 and r["chance"] == 0.25 and r["metric_name"] == "accuracy"
        assert 0 <= r["final_metric"] <= 1 and r["grad_ratio"] > 0 and not r["diverged"]
    assert "12/12 steps" in captured.err  # progress bar on stderr


def test_race_json_reports_the_ablations_and_inits_with_the_same_keys(capsys):
    models = "lstm-cec,lstm-cut,lstm-i1,lstm-o1,rnn-orth,irnn"
    assert main(["race", "--task", "latch", "--seq-len", "8", "--steps", "5", "--hidden", "4",
                 "--models", models, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report["models"]) == models.split(",")
    for r in report["models"].values():
        assert KEYS <= set(r) and r["steps"] == 5 and r["grad_ratio_init"] > 0


@pytest.mark.parametrize("task,chance", [("text", 5 / 12), ("series", None)])
def test_text_and_series_races_report_the_same_keys(task, chance, capsys):
    assert main(["race", "--task", task, "--seq-len", "30", "--steps", "6", "--hidden", "4",
                 "--horizon", "2", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    for r in report["models"].values():
        assert KEYS <= set(r) and r["steps"] == 6 and r["held_out_loss"] > 0
        assert chance is None or r["chance"] == pytest.approx(chance)
    assert report["references"] and (task == "text") == bool(report["loss_references"])


def test_race_table_is_readable(capsys):
    assert main(["race", "--task", "adding", "--seq-len", "5", "--steps", "10",
                 "--hidden", "4"]) == 0
    out = capsys.readouterr().out
    assert "task adding, T=5" in out and "MSE" in out and "lstm" in out and "rnn" in out


@pytest.mark.parametrize("argv,message", [
    (["race", "--seq-len", "-3"], "seq_len"),
    (["race", "--task", "copy"], "unknown task"),
    (["race", "--lr", "0"], "lr must be"),
    (["race", "--lr", "abc"], "--lr takes a number"),
    (["race", "--models", "rnn,transformer"], "unknown models 'transformer'"),
    (["race", "--steps", "0"], "max_steps"),
])
def test_bad_arguments_get_one_line_and_exit_2(argv, message, capsys):
    code, err = run_cli(argv, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def run_cli(argv, capsys) -> tuple[int, str]:
    """The exit status and stderr of ``python -m lstm_viz argv``, run in this process."""
    try:
        code = main(argv)
    except SystemExit as done:  # argparse's own errors
        code = done.code
    return code, capsys.readouterr().err


def test_a_bad_argument_in_a_real_process_gets_one_line_and_exit_2():
    result = subprocess.run([sys.executable, "-m", "lstm_viz", "race", "--lr", "abc"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "--lr takes a number" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


RACE_12 = [sys.executable, "-m", "lstm_viz", "race", "--seq-len", "6", "--steps", "12",
           "--hidden", "4", "--json"]


def test_progress_bars_are_drawn_on_a_terminal_and_never_into_a_redirected_log():
    """Issue 32: ``\\r`` frames made a redirected log one long line of bars. The same race in a
    real process, its stderr a pseudo-terminal, then a pipe (a log)."""
    import os
    import pty

    main_end, terminal_end = pty.openpty()
    try:
        result = subprocess.run(RACE_12, stdout=subprocess.PIPE, stderr=terminal_end, timeout=120)
        os.close(terminal_end)
        drawn = b""
        while True:
            try:
                chunk = os.read(main_end, 4096)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(main_end)
    assert result.returncode == 0 and b"\r[" in drawn and b"12/12 steps" in drawn
    logged = subprocess.run(RACE_12, capture_output=True, text=True, timeout=120)
    assert logged.returncode == 0 and json.loads(logged.stdout)["models"]
    assert "\r" not in logged.stderr and "steps" not in logged.stderr, logged.stderr


def test_sweep_json_schema_and_early_stop(capsys, terminal):
    code = main(["sweep", "--task", "latch", "--lengths", "4,30", "--seeds", "2", "--models",
                 "lstm,rnn", "--steps", "200", "--hidden", "8", "--json"])
    assert code == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert {"task", "metric_name", "chance", "steps", "results"} <= set(report)
    assert report["task"] == "latch" and report["chance"] == 0.5 and report["steps"] == 200
    assert set(report["results"]) == {"lstm", "rnn"}
    for kind in ("lstm", "rnn"):
        assert set(report["results"][kind]) == {"4", "30"}
        assert all(len(v) == 2 for v in report["results"][kind].values())
    # lag 4 is easy: both stop early, at a held-out evaluation (every 25 steps), solved
    for kind in ("lstm", "rnn"):
        for metric, stopped in zip(report["results"][kind]["4"], report["stopped_at"][kind]["4"]):
            assert metric >= 0.95 and stopped < 200 and stopped % 25 == 0
    assert "8/8 runs" in captured.err  # progress bar on stderr


def test_sweep_takes_a_comma_list_of_seeds_and_matches_a_race(capsys):
    """A sweep cell is the race of that model alone: same batches, same held-out number."""
    assert main(["sweep", "--lengths", "6", "--seeds", "41,42", "--models", "gru", "--steps", "20",
                 "--hidden", "4", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["seeds"] == [41, 42] and len(report["results"]["gru"]["6"]) == 2
    assert main(["race", "--seq-len", "6", "--seed", "42", "--models", "gru,rnn", "--steps", "20",
                 "--hidden", "4", "--json"]) == 0
    race = json.loads(capsys.readouterr().out)
    assert report["stopped_at"]["gru"]["6"][1] == 20  # held-out checks at 0 and 20 only
    assert race["models"]["gru"]["final_metric"] == report["results"]["gru"]["6"][1]


SMALL_SWEEP = ["sweep", "--task", "latch", "--lengths", "4,12", "--seeds", "2",
               "--models", "lstm,rnn", "--steps", "60", "--hidden", "6", "--json"]


@pytest.fixture
def plain_main(monkeypatch):
    """A plain ``__main__``: spawned processes re-import the parent's main script, and a page
    test (AppTest) leaves app.py there, which a pool's process must not run."""
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


def test_a_sweep_in_two_local_processes_gives_the_serial_numbers(capsys, plain_main, terminal):
    assert main(SMALL_SWEEP) == 0
    serial = json.loads(capsys.readouterr().out)
    assert main(SMALL_SWEEP + ["--jobs", "2"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == serial and "8/8 runs" in captured.err


def test_a_sweep_on_a_dask_cluster_of_two_worker_processes_gives_the_serial_numbers(
        capsys, plain_main, terminal):
    from distributed import LocalCluster

    assert main(SMALL_SWEEP) == 0
    serial = json.loads(capsys.readouterr().out)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        assert main(SMALL_SWEEP + ["--scheduler", cluster.scheduler_address]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == serial and "8/8 runs" in captured.err


@pytest.mark.parametrize("argv,message", [
    (["sweep", "--lengths", "10,x"], "--lengths takes whole numbers"),
    (["sweep", "--jobs", "0"], "--jobs takes a whole number of at least 1"),
    (["sweep", "--seeds", "0"], "--seeds needs"),
    (["sweep", "--lengths", "10,1900"], "seq_len"),
    (["sweep", "--memory-init", "magic"], "memory_init"),
])
def test_bad_sweep_arguments_get_one_line(argv, message, capsys):
    code, err = run_cli(argv, capsys)
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) == 1


def test_every_setting_has_its_flag_named_as_in_the_link_and_the_older_flags_still_work():
    """The flags come from the settings schema: --name-with-dashes for every run setting."""
    from lstm_viz.cli import _config, _parser
    from lstm_viz.core.config import LINKED

    race = _parser()._subparsers._group_actions[0].choices["race"]
    flags = {option for action in race._actions for option in action.option_strings}
    assert {s.flag for s in LINKED if s.cli} <= flags
    assert {"--steps", "--hidden"} <= flags  # older names, kept for good
    new = _config(_parser().parse_args(["race", "--max-steps", "40", "--hidden-size", "9",
                                        "--models", "lstm,gru", "--forget-bias", "2"]))
    old = _config(_parser().parse_args(["race", "--steps", "40", "--hidden", "9",
                                        "--models", "lstm,gru", "--forget-bias", "2"]))
    assert new == old and (new.max_steps, new.hidden_size, new.forget_bias) == (40, 9, 2.0)


def test_model_names_on_the_command_line_are_read_in_any_case(capsys):
    assert main(["race", "--seq-len", "4", "--max-steps", "2", "--hidden-size", "3",
                 "--models", "LSTM,Gru", "--json"]) == 0
    assert list(json.loads(capsys.readouterr().out)["models"]) == ["lstm", "gru"]
