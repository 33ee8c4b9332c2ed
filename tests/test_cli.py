"""The command line: JSON report, readable table, one-line errors."""

import json
import subprocess
import sys

import pytest

from lstm_viz.cli import main

KEYS = {"final_metric", "metric_name", "chance", "steps", "diverged", "ms_per_step", "grad_ratio"}


def test_race_json_reports_every_model(capsys):
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


def test_race_table_is_readable(capsys):
    assert main(["race", "--task", "adding", "--seq-len", "5", "--steps", "10", "--hidden", "4"]) == 0
    out = capsys.readouterr().out
    assert "task adding, T=5" in out and "MSE" in out and "lstm" in out and "rnn" in out


@pytest.mark.parametrize("argv,message", [
    (["race", "--seq-len", "-3"], "seq_len"),
    (["race", "--task", "copy"], "unknown task"),
    (["race", "--lr", "0"], "lr must be"),
    (["race", "--lr", "abc"], "invalid float"),
    (["race", "--models", "rnn,transformer"], "models must be"),
    (["race", "--steps", "0"], "max_steps"),
])
def test_bad_arguments_get_one_line_and_exit_2(argv, message):
    result = subprocess.run([sys.executable, "-m", "lstm_viz", *argv], capture_output=True, text=True)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
