"""The benchmark runs and reports every figure it promises (quick mode, no browser)."""

import json

from lstm_viz.cli import main

KEYS = {"overhead_ratio", "probe_ratio", "tick_ms", "session_mb", "session_growth_mb", "cold_start_s"}


def test_bench_quick_json_reports_every_measure(capsys):
    assert main(["bench", "--quick", "--no-browser", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert KEYS <= set(result)
    assert 0.3 < result["overhead_ratio"] < 3  # a ratio of two measured rates, both running
    assert 0 < result["probe_ratio"] < 2
    assert 0 < result["tick_ms"] <= result["tick_ms_max"]
    assert result["session_mb"] < 150
    assert result["cold_start_s"] is None
