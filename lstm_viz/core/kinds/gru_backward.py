"""``gru``'s fused module: nn.GRU with its backward pass written out (Cho et al. 2014), the same
values and gradients as autograd's through nn.GRU, at about the LSTM's time per step."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.unrolled import tanh_, time_major


class GRUSteps(torch.autograd.Function):
    """nn.GRU's own forward (Cho et al. 2014), and its backward pass written out. PyTorch's CPU
    GRU records each step's ops for autograd (unlike the LSTM, which has a fused oneDNN kernel),
    which makes a training step 2-4x the LSTM's. Here every gate's factor is computed for all
    steps at once from the forward values; only δh_{t-1} = ∂L/∂h_{t-1} + z_t δh_t
    + (K_t ⊙ δh_t) W_hh runs step by step (three small ops), and the weight gradients are one
    batched matmul each. Batch first, one layer."""

    @staticmethod
    def forward(ctx, gru, x, h0, w_ih, w_hh, b_ih, b_hh):
        outputs, h_last = nn.GRU.forward(gru, x, h0[None])
        (batch, steps, _), hidden = x.shape, h0.shape[-1]
        x, h_prev = time_major(x, h0, outputs)
        gi = torch.addmm(b_ih, x, w_ih.T).view(steps, batch, 3, hidden)
        gh = torch.addmm(b_hh, h_prev, w_hh.T).view(steps, batch, 3, hidden)
        r, z = (gi[:, :, :2] + gh[:, :, :2]).sigmoid_().unbind(2)
        hn = gh[:, :, 2]
        n = tanh_(torch.addcmul(gi[:, :, 2], r, hn))
        into_n = torch.addcmul(1 - z, (1 - z) * n, n, value=-1)  # dh_t/da_n = (1 - z)(1 - n²)
        k = torch.empty_like(gh)  # dh_t -> (da_r, da_z, d(h W_hn + b_hn)), per unit of δh_t
        torch.addcmul(r, r, r, value=-1, out=k[:, :, 0]).mul_(hn).mul_(into_n)
        torch.addcmul(z, z, z, value=-1, out=k[:, :, 1]).mul_(h_prev.view_as(n) - n)
        torch.mul(into_n, r, out=k[:, :, 2])
        ctx.save_for_backward(x, h_prev, w_ih, w_hh, k, into_n, z)
        return outputs, h_last

    @staticmethod
    def backward(ctx, d_outputs, d_h_last):
        x, h_prev, w_ih, w_hh, k, into_n, z = ctx.saved_tensors
        # δh_1 .. δh_T, then δh_0 last (so that step 0's "previous row", index -1, is δh_0)
        d_h = torch.cat([d_outputs.transpose(0, 1), torch.zeros_like(d_h_last)])
        d_h[-2] += d_h_last[0]
        dgh = k.clone()  # (T, B, 3, H), each step then multiplied by its δh_t in place
        dgh_steps, dgh_rows = dgh.unbind(0), dgh.flatten(2).unbind(0)
        d_h_steps, d_h_rows = d_h[:, :, None].unbind(0), d_h.unbind(0)
        for t in range(len(k) - 1, -1, -1):
            dgh_steps[t].mul_(d_h_steps[t])
            d_h_rows[t - 1].addmm_(dgh_rows[t], w_hh).addcmul_(z[t], d_h_rows[t])
        dgi = dgh.clone()
        torch.mul(into_n, d_h[:-1], out=dgi[:, :, 2])  # da_n: the input side of n is not gated by r
        rows_h, rows_i = dgh.flatten(0, 1).flatten(1), dgi.flatten(0, 1).flatten(1)
        d_x = (rows_i @ w_ih).view(len(k), -1, w_ih.shape[1]).transpose(0, 1)
        return (None, d_x, d_h[-1], rows_i.T @ x, rows_h.T @ h_prev, rows_i.sum(0), rows_h.sum(0))


class FastGRU(nn.GRU):
    """nn.GRU with its backward pass written out (``GRUSteps``): the same values and gradients,
    at about the LSTM's time per step. Batch first, one layer."""

    def forward(self, x, hx=None):
        if not torch.is_grad_enabled():  # no backward pass to write: nn.GRU alone
            return super().forward(x, hx)
        h0 = x.new_zeros(x.shape[0], self.hidden_size) if hx is None else hx[0]
        outputs, h = GRUSteps.apply(self, x, h0, self.weight_ih_l0, self.weight_hh_l0,
                                    self.bias_ih_l0, self.bias_hh_l0)
        return outputs, h
