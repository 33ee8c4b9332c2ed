"""``lstm-cut``: the LSTM with its cell-state gradient path cut, an ablation."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.lstm import LSTMKind


class CutLSTM(nn.LSTM):
    """nn.LSTM's parameters and forward values, unrolled step by step with c_{t-1} detached: the
    error reaches earlier steps only through h, as in an RNN with gates. Batch first, one layer;
    slower than the fused kernel (a Python loop over the steps)."""

    def forward(self, x, hx=None):
        w_ih, w_hh = self.weight_ih_l0, self.weight_hh_l0
        b_ih, b_hh = self.bias_ih_l0, self.bias_hh_l0
        h = c = x.new_zeros(x.shape[0], self.hidden_size)
        if hx is not None:
            h, c = hx[0][0], hx[1][0]
        xw = x @ w_ih.T + b_ih
        outputs = []
        for t in range(x.shape[1]):
            z = xw[:, t] + h @ w_hh.T + b_hh
            i, f, g, o = z.chunk(4, dim=-1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * c.detach() + i * g  # the cut: no gradient flows along c_{t-1}
            h = o * torch.tanh(c)
            outputs.append(h)
        return torch.stack(outputs, dim=1), (h[None], c[None])


class CutKind(LSTMKind):
    """The LSTM with its cell-state gradient path cut: c_t = f_t c_{t-1} + i_t g_t in value, but
    c_{t-1} is detached, so the error reaches the past only through h, as in an RNN with gates.
    Same weights, initialisation and forward values as the LSTM: if the LSTM's memory comes from
    its additive cell-state path (Hochreiter & Schmidhuber 1997), this one must fail where the
    LSTM succeeds."""

    name = "lstm-cut"
    script_code = (CutLSTM,)
    summary = "the LSTM with its cell-state gradient path cut"
    fused = CutLSTM

    def step(self, w, xw, state):
        c, h = self.cell(self.gates(w, xw, state["h"]), state["c"].detach())
        return {"h": h, "c": c}

    def memory_factor(self, internals):
        """None: the cell path is cut, so the probes measure the gain on the actual gradient,
        which flows through h only (as for the RNN)."""
        return None
