"""``lstm-cut``: the LSTM with its cell-state gradient path cut, an ablation."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.lstm import LSTMKind
from lstm_viz.core.kinds.unrolled import tanh_, time_major


class CutCellPath(torch.autograd.Function):
    """nn.LSTM's fused forward, and the backward pass of the same LSTM with c_{t-1} detached at
    every step, written out (Hochreiter & Schmidhuber 1997's cell, forget gate of Gers et al.
    2000). With the cut, dc_t reaches no earlier cell state, so the error flows back through
    h alone: dz_t = K_t ⊙ δh_t with per-step factors K_t known from the forward values, and
    δh_{t-1} = ∂L/∂h_{t-1} + dz_t W_hh. That is two small ops per step; every other part of the
    backward pass is one batched matmul over all steps. Batch first, one layer."""

    @staticmethod
    def forward(ctx, lstm, x, h0, c0, w_ih, w_hh, b_ih, b_hh):
        outputs, (h_last, c_last) = nn.LSTM.forward(lstm, x, (h0[None], c0[None]))
        (batch, steps, _), hidden = x.shape, h0.shape[-1]
        x, h_prev = time_major(x, h0, outputs)
        z = torch.addmm(b_ih + b_hh, x, w_ih.T).addmm_(h_prev, w_hh.T).view(steps, batch, 4, hidden)
        i, f, o = z[:, :, [0, 1, 3]].sigmoid_().unbind(2)
        g = tanh_(z[:, :, 2])
        ig = i * g
        c = torch.cat([c0[None], ig])  # c_0 .. c_T, as the fused kernel computes them:
        c_steps = c.unbind(0)
        for c_prev, c_t, f_t in zip(c_steps, c_steps[1:], f):
            c_t.addcmul_(f_t, c_prev)  # c_t = i_t g_t + f_t c_{t-1}, in place (out= is slower)
        tanh_c = tanh_(c[1:].clone())
        k = torch.empty_like(z)  # dz_t/dh_t's factor per gate: σ' or tanh' times what it gates
        torch.addcmul(i, i, i, value=-1, out=k[:, :, 0]).mul_(g)
        torch.addcmul(f, f, f, value=-1, out=k[:, :, 1]).mul_(c[:-1])
        torch.addcmul(i, ig, g, value=-1, out=k[:, :, 2])
        into_last_c = k[-1, :, :3].clone()  # (B, 3, H): dz_T/dc_T, for a gradient on c_T
        k[:, :, :3] *= torch.addcmul(o, o * tanh_c, tanh_c, value=-1)[:, :, None]  # dc_t/dh_t
        torch.addcmul(o, o, o, value=-1, out=k[:, :, 3]).mul_(tanh_c)
        ctx.save_for_backward(x, h_prev, w_ih, w_hh, k, into_last_c)
        return outputs, h_last, c_last

    @staticmethod
    def backward(ctx, d_outputs, d_h_last, d_c_last):
        x, h_prev, w_ih, w_hh, k, into_last_c = ctx.saved_tensors
        d_h = d_outputs.transpose(0, 1).contiguous()  # (T, B, H): ∂L/∂h_t from the readout
        d_h[-1] += d_h_last[0]
        dz = k.clone()  # (T, B, 4, H), each step then multiplied by its δh_t in place
        dz_steps, dz_rows = dz.unbind(0), dz.flatten(2).unbind(0)
        d_h_steps, d_h_rows = d_h[:, :, None].unbind(0), d_h.unbind(0)
        last = len(k) - 1
        dz_steps[last].mul_(d_h_steps[last])
        dz_steps[last][:, :3] += into_last_c * d_c_last[0][:, None]  # from ∂L/∂c_T
        for t in range(last, 0, -1):
            d_h_rows[t - 1].addmm_(dz_rows[t], w_hh)  # δh_{t-1} = ∂L/∂h_{t-1} + dz_t W_hh
            dz_steps[t - 1].mul_(d_h_steps[t - 1])
        rows = dz.view(-1, w_hh.shape[0])  # (T·B, 4H)
        d_bias = rows.sum(0)
        d_x = (rows @ w_ih).view(len(k), -1, w_ih.shape[1]).transpose(0, 1)
        return (None, d_x, dz[0].flatten(1) @ w_hh, None, rows.T @ x, rows.T @ h_prev,
                d_bias, d_bias.clone())


class CutLSTM(nn.LSTM):
    """nn.LSTM's parameters and forward values, with c_{t-1} detached at every step in the
    backward pass (``CutCellPath``): the error reaches earlier steps only through h, as in an
    RNN with gates. Batch first, one layer."""

    def forward(self, x, hx=None):
        if not torch.is_grad_enabled():  # no backward pass to write: the fused module alone
            return super().forward(x, hx)
        if hx is None:
            h0 = c0 = x.new_zeros(x.shape[0], self.hidden_size)
        else:
            h0, c0 = hx[0][0], hx[1][0]
        outputs, h, c = CutCellPath.apply(self, x, h0, c0, self.weight_ih_l0, self.weight_hh_l0,
                                          self.bias_ih_l0, self.bias_hh_l0)
        return outputs, (h, c)


class CutKind(LSTMKind):
    """The LSTM with its cell-state gradient path cut: c_t = f_t c_{t-1} + i_t g_t in value, but
    c_{t-1} is detached, so the error reaches the past only through h, as in an RNN with gates.
    Same weights, initialisation and forward values as the LSTM: if the LSTM's memory comes from
    its additive cell-state path (Hochreiter & Schmidhuber 1997), this one must fail where the
    LSTM succeeds."""

    name = "lstm-cut"
    script_code = (time_major, tanh_, CutCellPath, CutLSTM)
    summary = "the LSTM with its cell-state gradient path cut"
    fused = CutLSTM

    def step(self, w, xw, state):
        c, h = self.cell(self.gates(w, xw, state["h"]), state["c"].detach())
        return {"h": h, "c": c}

    def memory_factor(self, internals):
        """None: the cell path is cut, so the probes measure the gain on the actual gradient,
        which flows through h only (as for the RNN)."""
        return None
