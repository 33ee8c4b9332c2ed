"""Export a run: its records as CSV, its models' weights, and a standalone PyTorch script that
reproduces its training (``records.py``, ``standalone.py`` and the script's templates).
"""

from lstm_viz.export.records import (
    GRAD_NORM,
    Weights,
    evals_csv,
    file_name,
    history_csv,
    probes_csv,
    weights_at,
)
from lstm_viz.export.standalone import NotExportable, script

__all__ = ["GRAD_NORM", "NotExportable", "Weights", "evals_csv", "file_name", "history_csv",
           "probes_csv", "script", "weights_at"]
