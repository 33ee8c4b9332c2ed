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

And two looks at the forward pass:

- ``memory``: the memory trace, an intervention. Probe sequence 1 (A) and the same sequence
  with only the remembered input flipped (B, ``Task.flipped``) run through the kind's own
  ``step`` in float64; ||s_t(A) - s_t(B)|| over t for each of the kind's states (h, and the
  LSTM's c), and how each ends: the probability of the right answer, or the prediction of a
  regression. A model that remembers carries the difference to the last step; one that forgets
  lets it fade, down to where float64 cannot tell the two passes apart (``RESOLUTION``).
- ``saturation``: per unit and sigmoid gate, the fraction of (sequence, step) pairs of the probe
  batch where the gate is below 0.1 (left-saturated) and above 0.9 (right-saturated), as in
  Karpathy, Johnson & Fei-Fei (2015), "Visualizing and understanding recurrent networks", on
  gate activation statistics: a forget gate that is often right-saturated keeps its cell for
  a long time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from lstm_viz.core.internals import input_projection, trace
from lstm_viz.core.kinds import ModelKind
from lstm_viz.core.models import RecurrentModel
from lstm_viz.tasks import Batch, Task

# Two float64 passes differ by rounding alone up to about machine epsilon (2.2e-16) times the
# state's size; differences below this share of max(1, ||s_t(A)||) are not told apart from that
# (the margin covers rounding accumulated over the steps; tests/test_memory_trace.py checks it
# against a 40-digit computation).
RESOLUTION = 1e-12
SATURATION = (0.1, 0.9)  # left- and right-saturated below / above these (Karpathy et al. 2015)


@dataclass
class MemoryTrace:
    """The flip of one probe sequence, as each model carries it. ``step``: the flipped step
    (0-based); ``distance``: state name -> ||s_t(A) - s_t(B)|| (T,) float64, 0 where float64 cannot
    resolve it (always before ``step``, and at every step after the whole state first fell below
    ``RESOLUTION``); ``answers`` (2,): the probability of the right answer on A and on B, or for
    a regression the prediction on each; ``targets`` (2,): the right answers of A and B."""

    sequence: int
    step: int
    distance: dict[str, np.ndarray]
    answers: np.ndarray
    targets: np.ndarray
    classifier: bool

    @property
    def lost_at(self) -> int | None:
        """The first step (0-based) from which the passes cannot be told apart, or None."""
        resolved = np.any([d > 0 for d in self.distance.values()], axis=0)
        lost = np.flatnonzero(~resolved[self.step :])
        return self.step + int(lost[0]) if len(lost) else None


@dataclass
class ModelProbe:
    """One model's probe at one training step. Arrays are numpy, indexed by time step (0-based).

    ``sequences`` are the probe sequences whose traces are kept: the first, and the first
    with a different answer (so a page can show memory carrying different values).
    ``states`` holds their traces, each (S, T, H) in float16 (for drawing): h, and c plus gates
    for the LSTM or gates for the GRU. ``answers`` (S, out) are the model's predictions for
    them; ``readout_norms`` (H,) is each unit's readout weight norm (through the projection
    of a kind that has one, ``ModelKind.unit_readout``).
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
    memory: MemoryTrace | None = None  # None where the task has no flip
    # sigmoid gate -> (2, H) float32: the fractions left- and right-saturated per unit
    saturation: dict[str, np.ndarray] = field(default_factory=dict)

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
    x = batch.x.double().requires_grad_(True)
    h0 = x.new_zeros(x.shape[0], model.state_sizes["h"], requires_grad=True)
    kept = unroll(model, x, h0)
    pred = _readout(model, kept["h"][-1])
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


def unroll(model: RecurrentModel, x: torch.Tensor,
           h0: torch.Tensor) -> dict[str, list[torch.Tensor]]:
    """Every state of every step, name -> T tensors (B, its width), from one float64 pass of x
    through the kind's own ``step`` from h = h0 and the other states 0."""
    spec = model.spec
    w = {k: v.detach().double() for k, v in model.weights().items()}
    state = {name: h0 if name == "h" else h0.new_zeros(h0.shape[0], model.state_sizes[name])
             for name in spec.state_names}
    kept = {name: [] for name in spec.state_names}
    # unbind, not xw[:, t]: each index's backward would write a zero tensor the size of xw
    for xw_t in input_projection(w, x).unbind(1):
        state = spec.step(w, xw_t, state)
        for name in spec.state_names:
            kept[name].append(state[name])
    return kept


def _readout(model: RecurrentModel, h: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.linear(h, model.readout.weight.detach().double(),
                                      model.readout.bias.detach().double())


@torch.no_grad()
def memory_trace(model: RecurrentModel, task: Task, batch: Batch,
                 sequence: int = 0) -> MemoryTrace | None:
    """The memory trace of one probe sequence (see the module docstring); None where the task
    has no flip."""
    a, b = flip_pair(task, batch, sequence)
    if b is None:
        return None
    x = torch.cat([a.x, b.x]).double()
    kept = unroll(model, x, x.new_zeros(2, model.state_sizes["h"]))
    states = {name: torch.stack(values, dim=1) for name, values in kept.items()}  # (2, T, H)
    step = int(a.key_steps[0, 0])
    pred = _readout(model, states["h"][:, -1])
    targets = torch.cat([task.last(a.y), task.last(b.y)])
    if task.class_names:
        answers = torch.softmax(pred, dim=-1)[torch.arange(2), targets]
    else:
        answers = pred[:, 0]
    return MemoryTrace(sequence, step, resolved_distances(states, step), answers.numpy(),
                       targets.double().numpy(), bool(task.class_names))


def flip_pair(task: Task, batch: Batch, sequence: int = 0) -> tuple[Batch, Batch | None]:
    """One probe sequence as a batch of one (A), and its flip (B; None without one)."""
    a = Batch(batch.x[sequence : sequence + 1], batch.y[sequence : sequence + 1],
              batch.key_steps[sequence : sequence + 1])
    return a, task.flipped(a)


def resolved_distances(states: dict[str, torch.Tensor], step: int) -> dict[str, np.ndarray]:
    """||s_t(A) - s_t(B)|| per state (T,) from states (2, T, H), with 0 where float64 cannot
    resolve it: below RESOLUTION * max(1, ||s_t(A)||), and from the first step at or after
    ``step`` where every state is below it (the two passes are then one, up to rounding)."""
    distance, resolved = {}, []
    for name, s in states.items():
        d = (s[0] - s[1]).norm(dim=-1)
        resolved.append(d > RESOLUTION * s[0].norm(dim=-1).clamp(min=1.0))
        distance[name] = d
    any_resolved = torch.stack(resolved).any(dim=0)
    lost = (~any_resolved[step:]).nonzero()
    end = step + int(lost[0]) if len(lost) else any_resolved.shape[0]
    keep = torch.arange(any_resolved.shape[0]) < end
    return {name: torch.where(ok & keep, d, 0.0).numpy()
            for (name, d), ok in zip(distance.items(), resolved)}


def saturation(kind: ModelKind, internals: dict[str, torch.Tensor]) -> dict[str, np.ndarray]:
    """Per sigmoid gate, (2, H) float32: the fraction of the probe batch's (sequence, step)
    pairs where each unit's gate is below 0.1 (row 0) and above 0.9 (row 1)."""
    low, high = SATURATION
    return {gate: torch.stack([(internals[gate] < low).double().mean(dim=(0, 1)),
                               (internals[gate] > high).double().mean(dim=(0, 1))]).float().numpy()
            for gate in kind.gate_names if gate not in kind.tanh_gates}


def step_multipliers(model: RecurrentModel, internals: dict,
                     grads: dict) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-step factor (T,) and the product from step T back to t (T,): geometric means over
    the probe sequences (and units), float64. product[t] = prod of factor[s] for s > t."""
    factor = model.spec.memory_factor(internals)
    if factor is None:  # the RNN: the gain on the actual gradient, h_0 included
        norms = norm(torch.cat([grads["h0"][:, None], grads["h"]], dim=1))  # (B, T+1)
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
        states={k: _compact(v[list(kept)].numpy()) for k, v in internals.items()
                if k != "pred"},
        answers=internals["pred"][list(kept)].numpy(),
        readout_norms=model.spec.unit_readout(model).detach().norm(dim=0).numpy(),
        memory=memory_trace(model, task, batch),
        saturation=saturation(model.spec, internals),
    )


def _compact(values: np.ndarray) -> np.ndarray:
    """A trace kept for drawing: float16, or float32 where a value is beyond float16's 65504
    (an IRNN's ReLU units are unbounded)."""
    return values.astype(np.float16 if np.abs(values).max(initial=0) < 6e4 else np.float32)


def contrast_pair(y: torch.Tensor) -> tuple[int, ...]:
    """Sequence 0 and the first sequence whose target differs from it (one sequence if all
    targets are equal)."""
    different = (y != y[0]).nonzero().flatten()
    return (0, int(different[0])) if len(different) else (0,)


def _batch_mean_norm(grad: torch.Tensor) -> np.ndarray:
    return norm(grad).mean(dim=0).numpy()


def norm(x: torch.Tensor) -> torch.Tensor:
    """||x|| over the last dimension without underflow. A plain norm squares its entries, and
    float64's squares underflow to 0 below 1e-154, though float64 holds gradients down to
    5e-324 (at lag 1000 a vanilla RNN's error signal lies between). Each vector is first
    scaled by a power of two near its largest entry, which is exact: where the plain norm does
    not underflow, the two agree bit for bit."""
    _, exponent = torch.frexp(x.abs().amax(dim=-1, keepdim=True))
    # 2**1000 is finite; a subnormal largest entry is scaled by that
    exponent = exponent.clamp(-1000, 1000)
    return torch.ldexp(torch.ldexp(x, -exponent).norm(dim=-1), exponent.squeeze(-1))
