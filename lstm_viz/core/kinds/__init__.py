"""The model kinds, each one file that keeps its equations, memory path and initialisation side by
side (as micrograd keeps each op's forward and backward together): the fused module it trains
with, its gates and one step of its recurrence, recomputed from the fused weights (equations and
gate order as in PyTorch's documentation), so the probes and the pages can unroll them.

- ``rnn``: Elman's tanh RNN (torch.nn.RNN).
- ``lstm``: Hochreiter & Schmidhuber (1997) with the forget gate of Gers, Schmidhuber &
  Cummins (2000) (torch.nn.LSTM).
- ``gru``: Cho et al. (2014) (torch.nn.GRU, its backward pass written out in ``gru_backward``).
- ``lstm-cec``: the 1997 cell without a forget gate (f = 1), an ablation of ``lstm``.
- ``lstm-cut``: the LSTM with its cell-state gradient path cut (c_{t-1} detached), an ablation.
- ``lstm-i1``, ``lstm-o1``: the LSTM with its input or output gate fixed at 1, ablations.
- ``rnn-orth``: the RNN with W_hh initialised orthogonal; ``irnn``: ReLU units, W_hh = I and
  biases 0 at initialisation (Le, Jaitly & Hinton 2015).
- ``lstmp``: the LSTM with a projection layer (Sak, Senior & Beaufays 2014; nn.LSTM's proj_size).

A kind's label, colour and words are its presentation entry (``lstm_viz.present.labels``).
"""

from __future__ import annotations

from lstm_viz.core.kinds.base import MEMORY_INITS, MemoryInit, ModelKind
from lstm_viz.core.kinds.fixed_gates import CECKind, InputOpenKind, OutputOpenKind
from lstm_viz.core.kinds.gru import GRUKind
from lstm_viz.core.kinds.irnn import IRNNKind
from lstm_viz.core.kinds.lstm import LSTMKind
from lstm_viz.core.kinds.lstm_cut import CutKind
from lstm_viz.core.kinds.lstmp import ProjectedLSTMKind, projection
from lstm_viz.core.kinds.rnn import RNNKind
from lstm_viz.core.kinds.rnn_orth import OrthogonalRNNKind

KINDS: dict[str, ModelKind] = {k.name: k for k in (
    RNNKind(), LSTMKind(), GRUKind(), CECKind(), CutKind(), InputOpenKind(), OutputOpenKind(),
    OrthogonalRNNKind(), IRNNKind(), ProjectedLSTMKind())}
MODEL_KINDS = tuple(KINDS)


def kind_of(name: str) -> ModelKind:
    """The ModelKind called ``name``; an unknown name fails loudly."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(MODEL_KINDS)}") from None


__all__ = ["KINDS", "MODEL_KINDS", "MEMORY_INITS", "MemoryInit", "ModelKind", "kind_of",
           "projection", "RNNKind", "LSTMKind", "GRUKind"]
