"""``irnn``: ReLU units, W_hh = I and biases 0 at initialisation (Le, Jaitly & Hinton 2015)."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.rnn import RNNKind


class ReLURNN(nn.RNN):
    """h_t = max(0, x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh): nn.RNN with rectified linear
    units (nonlinearity='relu')."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, nonlinearity="relu", **kwargs)


def start_as_identity(rnn):
    """W_hh = I and biases 0: a positive unit keeps what it holds and adds its input."""
    with torch.no_grad():
        rnn.weight_hh_l0.copy_(torch.eye(rnn.hidden_size))
        rnn.bias_ih_l0.zero_()
        rnn.bias_hh_l0.zero_()


class IRNNKind(RNNKind):
    """The IRNN of Le, Jaitly & Hinton (2015), "A Simple Way to Initialize Recurrent Networks
    of Rectified Linear Units": ReLU units, h_t = max(0, x_t W_ih^T + h_{t-1} W_hh^T + b), with
    W_hh initialised to the identity and the biases to 0, so at first a positive unit keeps
    what it holds and adds its input, and the error passes back unchanged through it. W_ih keeps
    PyTorch's initialisation, as in the other kinds (the Keras reproduction of the paper's
    pixel-MNIST experiment draws it from N(0, 0.001^2) instead). The ReLU's slope is 1[h > 0]."""

    name = "irnn"
    summary = "ReLU units, W_hh = I and biases 0 at the start (Le, Jaitly & Hinton 2015)"
    fused = ReLURNN
    script_code = (ReLURNN, start_as_identity, *RNNKind.script_code)

    def activation(self, z):
        return torch.relu(z)

    def derivative(self, h):
        """relu'(z) = 1[z > 0] = 1[h > 0] (0 at z = 0, as autograd takes it)."""
        return (h > 0).to(h.dtype)

    def init_weights(self, rnn, seed):
        start_as_identity(rnn)

    def script_init(self):
        return ["start_as_identity(model.rnn)"] + super().script_init()
