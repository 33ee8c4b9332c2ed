"""``rnn-orth``: the RNN with W_hh initialised orthogonal (Saxe, McClelland & Ganguli 2014)."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.rnn import RNNKind


def make_orthogonal(rnn, seed):
    """W_hh as a random orthogonal matrix drawn from ``seed`` (Saxe, McClelland & Ganguli 2014):
    every singular value is 1, the border between vanishing and exploding gradients (Pascanu,
    Mikolov & Bengio 2013). Training is free to move it."""
    nn.init.orthogonal_(rnn.weight_hh_l0, generator=torch.Generator().manual_seed(seed))


class OrthogonalRNNKind(RNNKind):
    """The RNN with W_hh initialised as a random orthogonal matrix (Saxe, McClelland & Ganguli
    2014), drawn from the run's seed: every singular value is 1, so at initialisation
    sigma_max(W_hh) = 1, the threshold of Pascanu, Mikolov & Bengio (2013) between vanishing and
    exploding, and only tanh' <= 1 shrinks the error signal. W_ih and the biases are the RNN's
    (same seed, same values); training is free to move W_hh away from orthogonal."""

    name = "rnn-orth"
    summary = "the RNN with W_hh started orthogonal (Saxe, McClelland & Ganguli 2014)"
    script_code = (make_orthogonal, *RNNKind.script_code)

    def init_weights(self, rnn, seed):
        make_orthogonal(rnn, seed)

    def script_init(self):
        return ["make_orthogonal(model.rnn, SEED)"] + super().script_init()
