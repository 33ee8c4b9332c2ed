"""Gradient probes: how much of the error signal reaches each earlier time step, and why.

On a small fixed probe batch, driven by the live model's own weights:

- ``grad_h[t]`` = ||dL/dh_t||, and for the LSTM ``grad_c[t]`` = ||dL/dc_t||, batch means, with
  L the summed (not averaged) loss, so the numbers do not depend on the probe batch size. They
  need every h_t as a node of the graph, so the cell is unrolled in Python (Hochreiter 1991;
  Bengio, Simard & Frasconi 1994 on vanishing gradients).
- ``connectivity[t]`` = ||d prediction / d x_t||: which past inputs the model actually uses
  (Madsen 2019, "Visualizing memorization in RNNs", Distill). For a classifier the prediction
  is the logit of the class it picks.
- ``multiplier[t]``: what one step back multiplies the gradient by. RNN: the gain of
  W_hh^T diag(1 - h_t^2) on the actual gradient, beside ``multiplier_bound``, an upper bound on
  that matrix's norm, max(1 - h_t^2) * sigma_max(W_hh) (Pascanu, Mikolov & Bengio 2013). LSTM:
  the forget gate f_t, since
  dc_t/dc_{t-1} = diag(f_t) along the cell state (Gers et al. 2000). GRU: the update gate z_t,
  the weight of h_{t-1} in h_t.
- ``sigma_max``: the largest singular value of the RNN's W_hh. Below 1 (1/gamma for tanh) is
  sufficient for vanishing gradients, above it necessary for exploding (Pascanu et al. 2013).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from .internals import gru_gates, gru_hidden, lstm_cell, lstm_gates, rnn_step, trace
from .models import RecurrentModel
from .tasks import Batch, Task

CARRY_GATE = {"lstm": "f", "gru": "z"}


@dataclass
class ModelProbe:
    """One model's probe at one training step. Arrays are numpy, indexed by time step (0-based).

    ``states`` holds the trace of the first probe sequence, each (T, H): h, and c plus gates
    for the LSTM or gates for the GRU. ``answer`` is the model's prediction for that sequence;
    ``readout_norms`` (H,) is each unit's readout weight norm. ``multiplier_bound`` (RNN only)
    is Pascanu et al.'s worst-case gain of one step back, max(1 - h_t^2) * sigma_max(W_hh).
    """

    kind: str
    loss: float
    grad_h: np.ndarray
    grad_c: np.ndarray | None
    connectivity: np.ndarray
    multiplier: np.ndarray
    multiplier_product: np.ndarray
    multiplier_bound: np.ndarray | None
    sigma_max: float | None
    states: dict[str, np.ndarray]
    answer: np.ndarray
    readout_norms: np.ndarray

    @property
    def typical_multiplier(self) -> float:
        """Geometric mean over t of the per-step multiplier: the 'w' of w^t for this model."""
        return float(np.exp(np.nanmean(np.log(np.maximum(self.multiplier, 1e-300)))))

    @property
    def grad_ratio(self) -> float:
        """||dL/dh_1|| / ||dL/dh_T||: the fraction of the error signal that reaches step 1."""
        return float(self.grad_h[0] / self.grad_h[-1]) if self.grad_h[-1] > 0 else float("nan")


def state_gradients(model: RecurrentModel, task: Task, batch: Batch) -> dict[str, torch.Tensor]:
    """dL/dh_t, and for the LSTM dL/dc_t, each (B, T, H), by an unrolled pass.

    Runs in float64: the RNN's gradient falls below float32's smallest number (1e-45) within
    a lag of 100, and a vanished gradient should read 1e-60, not 0.
    """
    w = {k: v.detach().double() for k, v in model.weights().items()}
    for v in w.values():
        v.requires_grad_(False)
    x = batch.x.double()
    y = batch.y.double() if batch.y.is_floating_point() else batch.y
    h = x.new_zeros(x.shape[0], model.hidden_size, requires_grad=True)
    c = torch.zeros_like(h)
    hs, cs = [], []
    for t in range(x.shape[1]):
        if model.kind == "rnn":
            h = rnn_step(w, x[:, t], h)
        elif model.kind == "lstm":
            c, h = lstm_cell(lstm_gates(w, x[:, t], h), c)
            cs.append(c)
        else:
            h = gru_hidden(gru_gates(w, x[:, t], h), h)
        hs.append(h)
    readout = model.readout.weight.detach().double(), model.readout.bias.detach().double()
    loss = task.loss(torch.nn.functional.linear(h, *readout), y, reduction="sum")
    grads = torch.autograd.grad(loss, hs + cs)
    result = {"h": torch.stack(grads[: len(hs)], dim=1)}
    if cs:
        result["c"] = torch.stack(grads[len(hs) :], dim=1)
    return result


def connectivity(model: RecurrentModel, x: torch.Tensor) -> torch.Tensor:
    """Batch-mean ||d prediction / d x_t|| (T,) through the fused module."""
    x = x.detach().clone().requires_grad_(True)
    pred = model(x)
    if pred.shape[1] == 1:
        chosen = pred[:, 0]
    else:
        chosen = pred.gather(1, pred.argmax(dim=1, keepdim=True))
    (grad,) = torch.autograd.grad(chosen.sum(), x)
    return grad.norm(dim=-1).mean(dim=0)


def suffix_product(m: torch.Tensor) -> torch.Tensor:
    """out[:, t] = product of m[:, s] for s > t (1 at the last step), along dim 1."""
    shifted = torch.cat([m[:, 1:], torch.ones_like(m[:, :1])], dim=1)
    return shifted.flip(1).cumprod(dim=1).flip(1)


def step_multipliers(
    model: RecurrentModel, internals: dict, grad_h: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Batch-mean per-step gradient multiplier (T,) and its suffix product (T,), in float64.

    RNN: the gain ||W_hh^T (d_t * g_t)|| / ||g_t|| that one step back applies to the actual
    gradient g_t = dL/dh_t (d_t = 1 - h_t^2), so the product is exactly ||dL/dh_t|| / ||dL/dh_T||
    per sequence. LSTM and GRU: the carry gate (f or z), averaged over units.
    """
    if model.kind == "rnn":
        d = 1 - internals["h"].double() ** 2
        back = (d * grad_h) @ model.weights()["w_hh"].detach().double()
        size = grad_h.norm(dim=-1)
        gain = torch.where(size > 0, back.norm(dim=-1) / size, torch.nan)
        return gain.nanmean(dim=0), suffix_product(gain).nanmean(dim=0)
    gate = internals[CARRY_GATE[model.kind]].double()
    return gate.mean(dim=(0, 2)), suffix_product(gate).mean(dim=(0, 2))


def pascanu_bound(w_hh: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
    """Batch-mean upper bound (T,) on ||diag(1 - h_t^2) W_hh||_2: max_i (1 - h_t,i^2) * sigma_max.

    Pascanu, Mikolov & Bengio (2013), section 3.2: with gamma bounding tanh', each step back
    scales the gradient by at most gamma * sigma_max(W_hh).
    """
    sigma = torch.linalg.matrix_norm(w_hh, ord=2)
    return ((1 - h.double() ** 2).amax(dim=-1) * sigma).mean(dim=0)


def largest_singular_value(model: RecurrentModel) -> float:
    """Spectral norm of the recurrent weight matrix W_hh."""
    return torch.linalg.matrix_norm(model.weights()["w_hh"].detach(), ord=2).item()


def probe(model: RecurrentModel, task: Task, batch: Batch) -> ModelProbe:
    """Every probe of one model on one batch."""
    grads = state_gradients(model, task, batch)
    internals = trace(model, batch.x)
    multiplier, product = step_multipliers(model, internals, grads["h"])
    rnn = model.kind == "rnn"
    w_hh = model.weights()["w_hh"].detach()
    return ModelProbe(
        kind=model.kind,
        loss=task.loss(internals["pred"], batch.y).item(),
        grad_h=_batch_mean_norm(grads["h"]),
        grad_c=_batch_mean_norm(grads["c"]) if "c" in grads else None,
        connectivity=connectivity(model, batch.x).numpy(),
        multiplier=multiplier.numpy(),
        multiplier_product=product.numpy(),
        multiplier_bound=pascanu_bound(w_hh, internals["h"]).numpy() if rnn else None,
        sigma_max=largest_singular_value(model) if rnn else None,
        states={k: v[0].numpy() for k, v in internals.items() if k != "pred"},
        answer=internals["pred"][0].numpy(),
        readout_norms=model.readout.weight.detach().norm(dim=0).numpy(),
    )


def _batch_mean_norm(grad: torch.Tensor) -> np.ndarray:
    return grad.norm(dim=-1).mean(dim=0).numpy()
