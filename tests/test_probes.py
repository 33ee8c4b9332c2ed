"""Gradient probes against torch autograd on independent unrolled nn.*Cell copies."""

import math
from functools import partial

import numpy as np
import pytest
import torch
from torch import nn

from lstm_viz.core.kinds import KINDS, MemoryInit
from lstm_viz.core.models import build_model
from lstm_viz.core.probes import norm, probe
from lstm_viz.tasks import make_task

CELLS = {"rnn": nn.RNNCell, "lstm": nn.LSTMCell, "gru": nn.GRUCell, "lstm-cec": nn.LSTMCell,
         "lstm-cut": nn.LSTMCell, "lstm-i1": nn.LSTMCell, "lstm-o1": nn.LSTMCell,
         "rnn-orth": nn.RNNCell, "irnn": partial(nn.RNNCell, nonlinearity="relu")}
SLOPES = {"rnn": lambda h: 1 - h ** 2, "rnn-orth": lambda h: 1 - h ** 2,  # tanh'
          "irnn": lambda h: (h > 0).astype(float)}  # relu'
CASES = [("latch", 12, 5), ("adding", 9, 7), ("order", 15, 4), ("latch", 1, 3)]


def test_every_kind_has_an_autograd_reference():
    """A new kind needs its reference cell here (the LSTMP's projected cell: test_lstmp.py)."""
    assert set(CELLS) | {"lstmp"} == set(KINDS)
    assert set(SLOPES) == {k for k, kind in KINDS.items() if kind.memory_gate is None}


def _setup(kind, task_name, seq_len, hidden, seed=0):
    task = make_task(task_name, seq_len)
    model = build_model(kind, task.input_size, hidden, task.output_size, seed,
                        MemoryInit("constant", 1.5))
    batch = task.sample(6, torch.Generator().manual_seed(seed))
    cell = CELLS[kind](task.input_size, hidden)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in model.rnn.state_dict().items()})
    return task, model, batch, cell


def _unroll(kind, cell, x):
    """Hidden (and cell) states of an nn.*Cell, every one kept in the graph."""
    h = x.new_zeros(x.shape[0], cell.hidden_size)
    c = torch.zeros_like(h)
    hs, cs = [], []
    for t in range(x.shape[1]):
        if isinstance(cell, nn.LSTMCell):  # lstm-cut: c_{t-1} detached, by definition
            h, c = cell(x[:, t], (h, c.detach() if kind == "lstm-cut" else c))
            c.retain_grad()
            cs.append(c)
        else:
            h = cell(x[:, t], h)
        h.retain_grad()
        hs.append(h)
    return hs, cs


@pytest.mark.parametrize("kind", list(CELLS))
@pytest.mark.parametrize("task_name,seq_len,hidden", CASES)
def test_hidden_and_cell_gradients_match_autograd(kind, task_name, seq_len, hidden):
    task, model, batch, cell = _setup(kind, task_name, seq_len, hidden)
    hs, cs = _unroll(kind, cell, batch.x)
    task.loss(model.readout(hs[-1]), batch.y, reduction="sum").backward()
    expected_h = np.array([h.grad.norm(dim=-1).mean().item() for h in hs])
    result = probe(model, task, batch)
    np.testing.assert_allclose(result.grad_h, expected_h, rtol=1e-4, atol=1e-9)
    if cs:  # the LSTM and the 1997 cell
        expected_c = np.array([c.grad.norm(dim=-1).mean().item() for c in cs])
        np.testing.assert_allclose(result.grad_c, expected_c, rtol=1e-4, atol=1e-9)
    else:
        assert result.grad_c is None
    assert result.grad_ratio == pytest.approx(expected_h[0] / expected_h[-1], rel=1e-4)


@pytest.mark.parametrize("kind", list(CELLS))
@pytest.mark.parametrize("task_name,seq_len,hidden", CASES)
def test_connectivity_matches_autograd(kind, task_name, seq_len, hidden):
    task, model, batch, cell = _setup(kind, task_name, seq_len, hidden, seed=2)
    x = batch.x.clone().requires_grad_(True)
    hs, _ = _unroll(kind, cell, x)
    pred = model.readout(hs[-1])
    chosen = pred[:, 0] if task.output_size == 1 else pred.max(dim=1).values
    chosen.sum().backward()
    expected = x.grad.norm(dim=-1).mean(dim=0).numpy()
    np.testing.assert_allclose(probe(model, task, batch).connectivity, expected, rtol=1e-4,
                               atol=1e-9)


def _suffix_products(m):
    """Closed form, written out: P[b, t] = prod_{s > t} m[b, s]."""
    out = np.ones_like(m)
    for t in range(m.shape[1]):
        out[:, t] = np.prod(m[:, t + 1 :], axis=1)
    return out


def test_rnn_multiplier_is_the_gain_on_the_actual_gradient():
    """gain_t = ||dL/dh_{t-1}|| / ||dL/dh_t|| from autograd, h_0 included; product = ratio."""
    task, model, batch, cell = _setup("rnn", "adding", 10, 6)
    h0 = torch.zeros(batch.x.shape[0], 6, requires_grad=True)
    hs, h = [], h0
    for t in range(batch.x.shape[1]):
        h = cell(batch.x[:, t], h)
        h.retain_grad()
        hs.append(h)
    task.loss(model.readout(hs[-1]), batch.y, reduction="sum").backward()
    norms = np.stack([g.norm(dim=-1).numpy() for g in [h0.grad] + [h.grad for h in hs]], axis=1)
    gains = norms[:, :-1] / norms[:, 1:]  # (B, T): step t back to t-1
    result = probe(model, task, batch)
    np.testing.assert_allclose(result.multiplier, _geometric_mean(gains), rtol=1e-4)
    np.testing.assert_allclose(result.multiplier_product,
                               _geometric_mean(norms[:, 1:] / norms[:, -1:]), rtol=1e-4)
    np.testing.assert_allclose(result.multiplier_product, _geometric_mean(_suffix_products(gains)),
                               rtol=1e-4)


def _geometric_mean(values, axis=0):
    return np.exp(np.log(values).mean(axis=axis))


@pytest.mark.parametrize("kind", list(CELLS))
def test_product_panel_is_the_product_of_the_factor_panel(kind):
    """Under one aggregation (geometric mean over sequences and units) the right panel is
    exactly the product of the left panel's values at t+1..T."""
    task, model, batch, _ = _setup(kind, "order", 30, 7)
    result = probe(model, task, batch)
    expected = [np.prod(result.multiplier[t + 1 :]) for t in range(len(result.multiplier))]
    np.testing.assert_allclose(result.multiplier_product, expected, rtol=1e-9)
    assert result.typical_multiplier == \
        pytest.approx(_geometric_mean(result.multiplier[1:]), rel=1e-9)


@pytest.mark.parametrize("kind", list(SLOPES))
def test_rnn_multiplier_bound_is_pascanus_and_bounds_the_jacobian(kind):
    """bound_t = max(slope_t) * sigma_max(W_hh) >= ||dh_t/dh_{t-1}||_2 >= the actual gain, with
    the slope of the kind's own activation (tanh: 1 - h^2, ReLU: 1[h > 0])."""
    task, model, batch, cell = _setup(kind, "latch", 10, 6)
    sigma = np.linalg.svd(model.rnn.weight_hh_l0.detach().numpy(), compute_uv=False)[0]
    norms = np.zeros((batch.x.shape[0], batch.x.shape[1]))
    bounds = np.zeros_like(norms)
    for b in range(batch.x.shape[0]):
        h = torch.zeros(1, 6)
        for t in range(batch.x.shape[1]):
            jac = torch.autograd.functional.jacobian(lambda hh: cell(batch.x[b : b + 1, t], hh), h)
            norms[b, t] = np.linalg.svd(jac.reshape(6, 6).numpy(), compute_uv=False)[0]
            h = cell(batch.x[b : b + 1, t], h).detach()
            bounds[b, t] = SLOPES[kind](h.numpy()).max() * sigma
    result = probe(model, task, batch)
    np.testing.assert_allclose(result.multiplier_bound, bounds.mean(axis=0), rtol=1e-5)
    assert np.all(bounds >= norms * (1 - 1e-6))
    assert np.all(result.multiplier <= norms.mean(axis=0) * (1 + 1e-6))
    assert result.sigma_max == pytest.approx(sigma, rel=1e-5)


@pytest.mark.parametrize("bias,slope", [(1.0, 1.0), (-5.0, 0.0)])
def test_the_irnn_bound_takes_the_relu_slope_not_tanhs(bias, slope):
    """Every unit above 0 (slope 1, where 1 - h^2 would be below 1), or every unit at 0 (slope
    0: no gradient gets back, where 1 - h^2 would say 1)."""
    task, model, batch, _ = _setup("irnn", "latch", 8, 3)
    with torch.no_grad():
        model.rnn.bias_hh_l0.fill_(bias)
    result = probe(model, task, batch)
    assert result.sigma_max == pytest.approx(1.0, rel=1e-6)  # W_hh = I
    np.testing.assert_array_equal(result.multiplier_bound, np.full(8, slope))
    if slope == 0:
        assert (result.grad_h[:-1] == 0).all()


def _gates(cell, x, h_prev, n_chunks):
    """An nn.*Cell's own gate pre-activations, split in PyTorch's order."""
    return ((x @ cell.weight_ih.T + cell.bias_ih).chunk(n_chunks, -1),
            (h_prev @ cell.weight_hh.T + cell.bias_hh).chunk(n_chunks, -1))


def _memory_path(kind, n_chunks, carry):
    """Unroll an nn.*Cell with its gates held fixed, so that
    state_t = gate_t * state_{t-1} + added_t.

    ``carry(gi, gh)`` gives (gate, added) from the cell's gate pre-activations. Returns the probe,
    autograd's d sum(state_T) / d state_t and the gate (T,), as geometric means over batch and
    units.
    """
    task, model, batch, cell = _setup(kind, "order", 11, 5)
    hs, _ = _unroll(kind, cell, batch.x)
    h_prev = [torch.zeros_like(hs[0])] + [h.detach() for h in hs[:-1]]
    state, states, gates = torch.zeros_like(hs[0]).requires_grad_(True), [], []
    for t in range(batch.x.shape[1]):
        gate, added = carry(*_gates(cell, batch.x[:, t], h_prev[t], n_chunks))
        state = gate.detach() * state + added.detach()
        state.retain_grad()
        states.append(state)
        gates.append(gate.detach())
    states[-1].sum().backward()
    derivative = np.array([_geometric_mean(s.grad.numpy().ravel()) for s in states])
    gate_mean = np.array([_geometric_mean(g.double().numpy().ravel()) for g in gates])
    return probe(model, task, batch), derivative, gate_mean


def _lstm_carry(gi, gh):
    i, f, g = (torch.sigmoid(gi[0] + gh[0]), torch.sigmoid(gi[1] + gh[1]),
               torch.tanh(gi[2] + gh[2]))
    return f, i * g


def _gru_carry(gi, gh):
    r, z = torch.sigmoid(gi[0] + gh[0]), torch.sigmoid(gi[1] + gh[1])
    return z, (1 - z) * torch.tanh(gi[2] + r * gh[2])


def test_lstm_multiplier_product_is_the_cell_state_derivative_along_the_memory_path():
    """With the gates held fixed, autograd's d sum(c_T) / d c_t is the product of f_{t+1..T}."""
    result, expected, forget = _memory_path("lstm", 4, _lstm_carry)
    np.testing.assert_allclose(result.multiplier_product, expected, rtol=1e-5)
    np.testing.assert_allclose(result.multiplier, forget, rtol=1e-5)
    assert result.sigma_max is None and result.multiplier_bound is None


def test_the_1997_cell_has_f_exactly_1_and_its_carousel_passes_the_error_unchanged():
    """No forget gate (Hochreiter & Schmidhuber 1997): f_t = 1 exactly, so with the gates held
    fixed autograd's d sum(c_T) / d c_t is exactly 1 at every t, as is the probe's product."""
    result, expected, forget = _memory_path("lstm-cec", 4, _lstm_carry)
    assert (forget == 1.0).all() and (expected == 1.0).all()
    assert (result.multiplier == 1.0).all() and (result.multiplier_product == 1.0).all()


def test_gru_multiplier_product_is_the_direct_path_derivative():
    """With z and n held fixed, autograd's d sum(h_T) / d h_t is the product of z_{t+1..T}."""
    result, expected, update = _memory_path("gru", 3, _gru_carry)
    np.testing.assert_allclose(result.multiplier_product, expected, rtol=1e-5)
    np.testing.assert_allclose(result.multiplier, update, rtol=1e-5)


def test_norm_reaches_as_far_down_as_float64_and_is_the_plain_norm_above():
    """A plain norm squares its entries, which underflow below 1e-154; math.hypot scales."""
    scales = 10.0 ** -np.arange(0, 321, 20)
    x = torch.randn(len(scales), 7, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    x = x * torch.tensor(scales)[:, None]
    expected = np.array([math.hypot(*row) for row in x.tolist()])
    np.testing.assert_allclose(norm(x).numpy(), expected, rtol=1e-12)
    plain = x.norm(dim=-1)
    assert (plain[:8] == norm(x)[:8]).all() and (plain[-5:] == 0).all()  # 1e-0 .. 1e-140; 1e-240 ..
    assert norm(torch.zeros(2, 3, dtype=torch.float64)).tolist() == [0.0, 0.0]


def test_a_vanilla_rnns_error_signal_is_measured_at_every_step_of_lag_1000():
    """At lag 1000 it falls to about 1e-240 by step 1: within float64 (to 5e-324), below what a
    plain norm reaches. Against an nn.RNNCell unrolled in float64 by autograd."""
    task, model, batch, cell = _setup("rnn", "latch", 1000, 32)
    cell = cell.double()
    hs, _ = _unroll("rnn", cell, batch.x.double())
    readout = nn.functional.linear(hs[-1], model.readout.weight.double(),
                                   model.readout.bias.double())
    task.loss(readout, batch.y, reduction="sum").backward()
    expected = np.array([np.mean([math.hypot(*g) for g in h.grad.tolist()]) for h in hs])
    result = probe(model, task, batch)
    assert expected[0] < 1e-154 and (expected > 0).all()
    np.testing.assert_allclose(result.grad_h, expected, rtol=1e-6)
    assert result.grad_ratio == pytest.approx(expected[0] / expected[-1], rel=1e-6)


def test_saturated_rnn_keeps_exact_products_not_nan():
    """Huge weights saturate tanh; the float64 product still equals the gradient-norm ratio."""
    task, model, batch, _ = _setup("rnn", "latch", 20, 6)
    with torch.no_grad():
        model.rnn.weight_hh_l0.mul_(40)
        model.rnn.weight_ih_l0.mul_(40)
    result = probe(model, task, batch)
    assert np.isfinite(result.multiplier_product).all()
    assert np.all(result.multiplier_product
                  <= result.multiplier_bound.max() ** np.arange(19, -1, -1) + 1e-300)


def test_typical_multiplier_to_the_power_t_minus_1_is_the_product():
    task, model, batch, _ = _setup("lstm", "latch", 9, 4)
    result = probe(model, task, batch)
    assert result.typical_multiplier ** 8 == pytest.approx(result.multiplier_product[0], rel=1e-9)
    task, model, batch, _ = _setup("rnn", "latch", 1, 4)
    assert np.isnan(probe(model, task, batch).typical_multiplier)  # T = 1: no step back
