"""A run's records as CSV and its models' weights as one file.

- ``history_csv``, ``evals_csv``, ``probes_csv``: what a reader sees of a run (a ``RunView``, so
  records up to the step on screen), one row per model and step (and time step t for probes).
  Units are in the column names: ``loss_nats`` is cross-entropy in nats (latch, order, text;
  text's training loss counts the long-range character once more, as ``Text.loss`` says),
  ``loss_mse`` a mean squared error (adding; series, in typical changes squared);
  ``rmse_in_typical_changes`` is the series' RMSE in units of the typical change.
- ``weights_at``: a question for ``trainer.answer`` (it runs where the models are, in the worker
  process or here) that returns the weights file of a step, or None once the run has trained
  past it (as ``training.probe_at``: only the latest weights are kept). The file is one
  ``torch.save`` of a dict ``{"step": int, "config": {setting: value}, "diverged": {model:
  step}, "models": {model: {name: tensor}}}`` where each ``models[kind]`` is a
  ``RecurrentModel.state_dict()`` (``rnn.weight_ih_l0``, ..., ``readout.bias``). It holds only
  tensors, strings and numbers, so ``torch.load(f, weights_only=True)`` reads it, and the
  exported script's models load it.
"""

from __future__ import annotations

import io
from dataclasses import asdict
from typing import NamedTuple

import numpy as np
import pandas as pd
import torch

from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import LockstepTrainer, RunView

GRAD_NORM = "grad_norm_before_clipping"


# -- records as CSV ---------------------------------------------------------------------------
def _loss_column(task) -> str:
    """'loss_nats' (cross-entropy) for a classifier, 'loss_mse' for a regression."""
    return "loss_nats" if task.class_names else "loss_mse"


def _metric_column(task) -> str:
    """The task's metric as a column name, with its unit where it has one."""
    name = task.metric_name.lower().replace(" ", "_").replace("-", "_")
    return "rmse_in_typical_changes" if name == "rmse" else name


def _csv(frames: list[pd.DataFrame], columns: list[str]) -> str:
    """The frames one under the other as CSV text (only the header if there are none)."""
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return table.to_csv(index=False, columns=columns)


def history_csv(view: RunView) -> str:
    """Per-step training records (one training batch each) of every model, up to the view's
    step: step, model, the batch's loss and metric, and the gradient norm before clipping."""
    columns = ["step", "model", _loss_column(view.task), _metric_column(view.task), GRAD_NORM]
    frames = [pd.DataFrame({"step": rows["step"].astype(int), "model": kind,
                            columns[2]: rows["loss"], columns[3]: rows["metric"],
                            GRAD_NORM: rows["grad_norm"]})
              for kind, rows in view.history.items()]
    return _csv(frames, columns)


def evals_csv(view: RunView) -> str:
    """The held-out evaluations up to the view's step: step, model, the metric and the loss on
    the fixed held-out batch (text: cross-entropy per character, without the extra term)."""
    metric, loss = "held_out_" + _metric_column(view.task), "held_out_" + _loss_column(view.task)
    rows = [(step, kind, value, held_out_loss) for kind in view.kinds  # recorded together
            for (step, value), (_, held_out_loss) in zip(view.evals[kind], view.eval_losses[kind])]
    return pd.DataFrame(rows, columns=["step", "model", metric, loss]).to_csv(index=False)


PROBE_COLUMNS = ["step", "model", "t", "grad_norm_dL_dh", "grad_norm_dL_dc",
                 "connectivity_dprediction_dx", "factor_one_step_back", "factor_product_T_to_t",
                 "pascanu_bound", "sigma_max_W_hh"]


def _probe_frame(step: int, probe) -> pd.DataFrame:
    """One model's probe at one step, one row per time step t (1 to T); NaN where a probe does
    not apply to the model (dL/dc_t is the LSTM's; the bound and sigma_max are the RNN's)."""
    length = len(probe.grad_h)
    nothing = np.full(length, np.nan)
    return pd.DataFrame({
        "step": step, "model": probe.kind, "t": np.arange(1, length + 1),
        "grad_norm_dL_dh": probe.grad_h,
        "grad_norm_dL_dc": nothing if probe.grad_c is None else probe.grad_c,
        "connectivity_dprediction_dx": probe.connectivity,
        "factor_one_step_back": probe.multiplier,
        "factor_product_T_to_t": probe.multiplier_product,
        "pascanu_bound": nothing if probe.multiplier_bound is None else probe.multiplier_bound,
        "sigma_max_W_hh": np.nan if probe.sigma_max is None else probe.sigma_max,
    })


def probes_csv(view: RunView) -> str:
    """The probe traces of every snapshot the view holds (the scheduled ones up to its step and
    any the session took itself), as probes.py defines them: ||dL/dh_t|| and ||dL/dc_t|| (batch
    means, L the summed loss; Hochreiter 1991, Bengio et al. 1994), the connectivity
    ||d prediction / d x_t|| (Madsen 2019), the per-step factor and its product from T back to
    t (geometric means over the probe sequences), Pascanu et al.'s (2013) worst-case factor and
    sigma_max(W_hh) for the RNN."""
    frames = [_probe_frame(s.step, probe) for s in view.snapshots for probe in s.probes.values()]
    return _csv(frames, PROBE_COLUMNS)


# -- weights ----------------------------------------------------------------------------------
class Weights(NamedTuple):
    """A weights file: the step its weights are of and the bytes of its ``torch.save`` file."""

    step: int
    data: bytes


def weights_at(trainer: LockstepTrainer, step: int | None = None) -> Weights | None:
    """Every model's weights at ``step`` (None: the step the run stands at) as a weights file,
    or None if the run stands elsewhere, as ``training.probe_at`` (it keeps only its latest
    weights). A question for ``trainer.answer``. The file is made where the
    models are: tensors cannot cross the worker's pipe (it pickles them through torch's
    shared-memory reductions), bytes can. A diverged model's weights are those it stopped with."""
    if step is not None and trainer.steps != step:
        return None
    settings = {k: v for k, v in asdict(trainer.config).items() if k != "max_steps"}
    content = {"step": trainer.steps, "config": settings, "diverged": dict(trainer.diverged),
               "models": {kind: dict(model.state_dict()) for kind, model in trainer.models.items()}}
    buffer = io.BytesIO()
    torch.save(content, buffer)
    return Weights(trainer.steps, buffer.getvalue())


def file_name(config: RunConfig, what: str, step: int | None = None) -> str:
    """'lstm-vs-rnn_latch_T100_seed0_step120_history.csv' (no step for the script)."""
    at = "" if step is None else f"_step{step}"
    return f"lstm-vs-rnn_{config.task}_T{config.seq_len}_seed{config.seed}{at}_{what}"
