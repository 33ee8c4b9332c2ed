"""notebooks/lstm_vs_rnn.ipynb: committed without outputs, reachable from the README's Colab
badge, and run top to bottom in a Jupyter kernel (``-m notebook``, its own CI step) with the
same numbers as the CLI gives for the same settings."""

from __future__ import annotations

import json
import re
import time
import tomllib
from pathlib import Path

import nbformat
import pytest

from lstm_viz import LockstepTrainer, RunConfig

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "lstm_vs_rnn.ipynb"
REPOSITORY = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
SLUG = REPOSITORY.removeprefix("https://github.com/")
MINUTES = 3  # the bound on two cores; the test's timeout is twice it


def read() -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_committed_notebook_has_no_outputs():
    notebook = read()
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_the_readme_badge_opens_this_notebook_on_colab():
    readme = (ROOT / "README.md").read_text()
    badge = re.search(r"\(https://colab\.research\.google\.com/github/([^)]+)\)", readme)
    assert badge, "the README has no Open in Colab badge"
    assert badge.group(1) == f"{SLUG}/blob/main/{NOTEBOOK.relative_to(ROOT)}"


def test_the_first_code_cell_installs_from_the_repository_only_on_colab():
    first = next(c for c in read().cells if c.cell_type == "code").source
    assert 'if "google.colab" in sys.modules:' in first
    assert f"git+https://github.com/{SLUG}" in first
    assert "download.pytorch.org/whl/cpu" in first  # a CPU build of PyTorch


def test_the_prose_gives_the_korean_terms_beside_the_english():
    prose = "\n".join(c.source for c in read().cells if c.cell_type == "markdown")
    for english, korean in (("hidden state", "은닉 상태"), ("cell state", "셀 상태"),
                            ("forget gate", "망각 게이트")):
        assert english in prose and korean in prose


@pytest.mark.notebook
def test_the_notebook_runs_top_to_bottom_with_the_clis_numbers():
    from nbclient import NotebookClient

    notebook = read()
    began = time.perf_counter()
    NotebookClient(notebook, timeout=MINUTES * 120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()  # raises on an error
    seconds = time.perf_counter() - began
    out = ROOT / "artifacts" / "notebook.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"seconds": round(seconds, 1)}))
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    charts = [o for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert len(charts) == 7  # race, two of Inside, two of gradient flow, trace, ablation
    assert not [o for o in outputs if o.output_type == "error"]
    # the race table, against the same run trained here
    trainer = LockstepTrainer(RunConfig(task="latch", seq_len=100, models=("rnn", "lstm"),
                                        max_steps=300, seed=0))
    trainer.train_to(300)
    table = next(o for o in outputs
                 if "held-out accuracy" in o.get("data", {}).get("text/plain", ""))
    for kind in ("rnn", "lstm"):
        row = next(line for line in table["data"]["text/plain"].splitlines()
                   if line.startswith(kind + " "))
        assert row.split()[1] == f"{trainer.view().held_out(kind):.2f}", row
