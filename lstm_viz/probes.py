"""Gradient probes: how much of the error signal reaches each earlier time step, and why.

On a small fixed probe batch, driven by the live model's own weights, in one unrolled pass in
float64 (the RNN's gradient falls below float32's smallest number within a lag of 100, and a
vanished gradient should read 1e-60, not 0):

- ``grad_h[t]`` = ||dL/dh_t||, and for the LSTM ``grad_c[t]`` = ||dL/dc_t||, batch means, with
  L the summed (not averaged) loss, so the numbers do not depend on the probe batch size
  (Hochreiter 1991; Bengio, Simard & Frasconi 1994 on vanishing gradients).
- ``connectivity[t]`` = ||d prediction / d x_t||: which past inputs the model actually uses
  (Madsen 2019, "Visualizing memorization in RNNs", Distill). For a classifier the prediction
  is the logit of the class it picks.
- ``multiplier[t]``, the factor of one step back (t -> t-1), and ``multiplier_product[t]``, the
  product of those factors from step T back to step t. Per sequence (and unit):
  RNN: the gain ||dL/dh_{t-1}|| / ||dL/dh_t|| that W_hh^T diag(1 - h_t^2) has on the actual
  gradient, so the product is exactly ||dL/dh_t|| / ||dL/dh_T||; ``multiplier_bound`` is
  Pascanu, Mikolov & Bengio's (2013, section 2.1) worst case, max(1 - h_t^2) * sigma_max(W_hh).
  Gated kinds: the memory path's own factor (``ModelKind.memory_factor``): the LSTM's forget
  gate f_t = dc_t/dc_{t-1} along the cell state (Gers et al. 2000), the GRU's update gate z_t,
  the direct term of dh_t/dh_{t-1} (Cho et al. 2014).
  Both are aggregated as geometric means over the probe sequences (and units), so the product
  panel is exactly the product of the factor panel: a product of geometric means is the
  geometric mean of the products.
- ``sigma_max``: the largest singular value of the RNN's W_hh. Below 1 (1/gamma for tanh) is
  sufficient for vanishing gradients, above it necessary for exploding (Pascanu et al. 2013).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from .internals import input_projection, trace
from .models import RecurrentModel
from .tasks import Batch, Task

AGGREGATION = "mean over the {n} probe sequences"
GEOMETRIC = "geometric mean over the {n} probe sequences"


@dataclass
class ModelProbe:
    """One model's probe at one training step. Arrays are numpy, indexed by time step (0-based).

    ``sequences`` are the probe sequences whose traces are kept: the first, and the first
    with a different answer (so a page can show memory carrying different values).
    ``states`` holds their traces, each (S, T, H) in float16 (for drawing): h, and c plus gates
    for the LSTM or gates for the GRU. ``answers`` (S, out) are the model's predictions for
    them; ``readout_norms`` (H,) is each unit's readout weight norm.
    """

    kind: str
    grad_h: np.ndarray
    grad_c: np.ndarray | None
    connectivity: np.ndarray
    multiplier: np.ndarray
    multiplier_product: np.ndarray
    multiplier_bound: np.ndarray | None
    sigma_max: float | None
    sequences: tuple[int, ...]
    states: dict[str, np.ndarray]
    answers: np.ndarray
    readout_norms: np.ndarray

    def states_of(self, i: int) -> dict[str, np.ndarray]:
        """The trace of the i-th kept sequence, each (T, H)."""
        return {name: values[i] for name, values in self.states.items()}

    @property
    def typical_multiplier(self) -> float:
        """The factor w whose power w^(T-1) is the product from step T back to step 1: the
        geometric mean of the factors at steps 2..T (nan for T = 1: no step back)."""
        steps = len(self.multiplier) - 1
        return float(self.multiplier_product[0] ** (1 / steps)) if steps else float("nan")

    @property
    def grad_ratio(self) -> float:
        """||dL/dh_1|| / ||dL/dh_T||: the fraction of the error signal that reaches step 1."""
        return float(self.grad_h[0] / self.grad_h[-1]) if self.grad_h[-1] > 0 else float("nan")


def unrolled_gradients(model: RecurrentModel, task: Task, batch: Batch) -> dict[str, torch.Tensor]:
    """Per-sequence gradients from one unrolled float64 pass through the kind's own ``step``.

    ``h0`` (B, H) and ``h`` (B, T, H): dL/dh_0 and dL/dh_t; ``c`` (LSTM): dL/dc_t; ``x``
    (B, T, I): d prediction / d x_t; ``states`` (B, T, H): the hidden states themselves.
    """
    spec = model.spec
    w = {k: v.detach().double() for k, v in model.weights().items()}
    x = batch.x.double().requires_grad_(True)
    h0 = x.new_zeros(x.shape[0], model.hidden_size, requires_grad=True)
    state = {name: h0 if name == "h" else torch.zeros_like(h0) for name in spec.state_names}
    xw = input_projection(w, x)
    kept = {name: [] for name in spec.state_names}
    for t in range(x.shape[1]):
        state = spec.step(w, xw[:, t], state)
        for name in spec.state_names:
            kept[name].append(state[name])
    pred = torch.nn.functional.linear(state["h"], model.readout.weight.detach().double(),
                                      model.readout.bias.detach().double())
    y = task.last(batch.y)
    y = y.double() if y.is_floating_point() else y
    loss = task.loss(pred, y, reduction="sum")
    flat = [h0] + [s for name in spec.state_names for s in kept[name]]
    grads = torch.autograd.grad(loss, flat, retain_graph=True)
    chosen = pred[:, 0] if pred.shape[1] == 1 else pred.max(dim=1).values
    (grad_x,) = torch.autograd.grad(chosen.sum(), x)
    steps = x.shape[1]
    result = {"h0": grads[0], "x": grad_x, "states": torch.stack(kept["h"], dim=1).detach()}
    for n, name in enumerate(spec.state_names):
        result[name] = torch.stack(grads[1 + n * steps : 1 + (n + 1) * steps], dim=1)
    return result


def step_multipliers(model: RecurrentModel, internals: dict, grads: dict) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-step factor (T,) and the product from step T back to t (T,): geometric means over
    the probe sequences (and units), float64. product[t] = prod of factor[s] for s > t."""
    factor = model.spec.memory_factor(internals)
    if factor is None:  # the RNN: the gain on the actual gradient, h_0 included
        norms = torch.cat([grads["h0"][:, None], grads["h"]], dim=1).norm(dim=-1)  # (B, T+1)
        log_factor = torch.log(norms[:, :-1]) - torch.log(norms[:, 1:])  # nan where both are 0
    else:
        log_factor = torch.log(factor.double()).transpose(1, 2).reshape(-1, factor.shape[1])
    mean_log = log_factor.nanmean(dim=0)
    shifted = torch.cat([mean_log[1:], mean_log.new_zeros(1)])
    return torch.exp(mean_log), torch.exp(shifted.flip(0).cumsum(0).flip(0))


def pascanu_bound(sigma_max: float, slope: torch.Tensor) -> torch.Tensor:
    """Batch-mean upper bound (T,) on ||diag(slope_t) W_hh||_2: max_i slope_t,i * sigma_max.

    ``slope`` (B, T, H) is the activation's derivative at each unit and step
    (``ModelKind.derivative``: 1 - h_t^2 for tanh, 1[h_t > 0] for ReLU). Pascanu, Mikolov &
    Bengio (2013), section 2.1: with gamma bounding the activation's slope, each step back
    scales the gradient by at most gamma * sigma_max(W_hh).
    """
    return (slope.double().amax(dim=-1) * sigma_max).mean(dim=0)


def largest_singular_value(model: RecurrentModel) -> float:
    """Spectral norm of the recurrent weight matrix W_hh."""
    return torch.linalg.matrix_norm(model.weights()["w_hh"].detach(), ord=2).item()


def probe(model: RecurrentModel, task: Task, batch: Batch) -> ModelProbe:
    """Every probe of one model on one batch."""
    grads = unrolled_gradients(model, task, batch)
    internals = trace(model, batch.x)
    multiplier, product = step_multipliers(model, internals, grads)
    sigma = largest_singular_value(model) if model.spec.memory_gate is None else None
    kept = contrast_pair(task.last(batch.y))
    return ModelProbe(
        kind=model.kind,
        grad_h=_batch_mean_norm(grads["h"]),
        grad_c=_batch_mean_norm(grads["c"]) if "c" in grads else None,
        connectivity=_batch_mean_norm(grads["x"]),
        multiplier=multiplier.numpy(),
        multiplier_product=product.numpy(),
        multiplier_bound=None if sigma is None else pascanu_bound(
            sigma, model.spec.derivative(grads["states"])).numpy(),
        sigma_max=sigma,
        sequences=kept,
        states={k: v[list(kept)].numpy().astype(np.float16) for k, v in internals.items()
                if k != "pred"},
        answers=internals["pred"][list(kept)].numpy(),
        readout_norms=model.readout.weight.detach().norm(dim=0).numpy(),
    )


def contrast_pair(y: torch.Tensor) -> tuple[int, ...]:
    """Sequence 0 and the first sequence whose target differs from it (one sequence if all
    targets are equal)."""
    different = (y != y[0]).nonzero().flatten()
    return (0, int(different[0])) if len(different) else (0,)


def _batch_mean_norm(grad: torch.Tensor) -> np.ndarray:
    return grad.norm(dim=-1).mean(dim=0).numpy()
