"""Model kinds: one object per type, chrono and constant memory init, loud failure on unknowns."""

import math

import pytest
import torch

from lstm_viz.models import KINDS, MemoryInit, build_model, kind_of


def _effective(model, chunk):
    h = model.hidden_size
    return (model.rnn.bias_ih_l0 + model.rnn.bias_hh_l0)[chunk * h : (chunk + 1) * h].detach()


@pytest.mark.parametrize("horizon", [2, 3, 10, 100, 500])
def test_chrono_lstm_forget_bias_is_log_uniform_and_input_gate_is_its_negative(horizon):
    model = build_model("lstm", 3, 64, 2, seed=0, init=MemoryInit("chrono", horizon=horizon))
    forget, inputs = _effective(model, 1), _effective(model, 0)
    assert forget.min() >= 0 and forget.max() <= math.log(max(1, horizon - 1)) + 1e-6
    torch.testing.assert_close(inputs, -forget)
    torch.testing.assert_close(model.memory_bias(), forget)
    if horizon >= 100:  # spread over the range, one value per unit
        assert forget.max() > math.log(horizon - 1) - 1 and forget.min() < 1
        assert len(set(forget.tolist())) == 64


def test_chrono_gru_sets_the_update_gate_only():
    chrono = build_model("gru", 3, 32, 2, seed=4, init=MemoryInit("chrono", horizon=200))
    plain = build_model("gru", 3, 32, 2, seed=4, init=MemoryInit("constant", 0.0))
    z = _effective(chrono, 1)
    assert z.min() >= 0 and z.max() <= math.log(199) + 1e-6 and z.max() > 3
    for chunk in (0, 2):  # r and n keep PyTorch's init
        torch.testing.assert_close(_effective(chrono, chunk), _effective(plain, chunk))


@pytest.mark.parametrize("kind,chunk", [("lstm", 1), ("gru", 1)])
def test_constant_init_sets_the_memory_gate_of_every_unit(kind, chunk):
    model = build_model(kind, 3, 8, 2, seed=0, init=MemoryInit("constant", 3.0))
    torch.testing.assert_close(_effective(model, chunk), torch.full((8,), 3.0))
    assert model.spec.memory_gate == ("f" if kind == "lstm" else "z")


def test_rnn_has_no_memory_gate_and_chrono_changes_nothing():
    a = build_model("rnn", 3, 8, 2, seed=1, init=MemoryInit("chrono", horizon=100))
    b = build_model("rnn", 3, 8, 2, seed=1)
    assert a.memory_bias() is None
    for (name, p), q in zip(a.named_parameters(), b.parameters()):
        torch.testing.assert_close(p, q, msg=name)


def test_chrono_is_deterministic_per_seed():
    init = MemoryInit("chrono", horizon=50)
    a, b, c = (build_model("lstm", 2, 16, 2, seed=s, init=init) for s in (3, 3, 4))
    torch.testing.assert_close(a.memory_bias(), b.memory_bias())
    assert not torch.equal(a.memory_bias(), c.memory_bias())


def test_unknown_kinds_and_inits_fail_loudly():
    with pytest.raises(ValueError, match="unknown model 'transformer'"):
        kind_of("transformer")
    with pytest.raises(ValueError, match="unknown model"):
        build_model("lstm2", 3, 8, 2, seed=0)
    with pytest.raises(ValueError, match="unknown memory init"):
        build_model("lstm", 3, 8, 2, seed=0, init=MemoryInit("orthogonal"))


def test_every_kind_is_complete():
    for name, kind in KINDS.items():
        assert kind.name == name and kind.label and kind.color.startswith("#")
        assert kind.multiplier_label.startswith(kind.label) and kind.equations
        assert set(kind.tanh_gates) <= set(kind.gate_names)
        assert (kind.memory_gate is None) == (name == "rnn")
        assert kind.memory_state in kind.state_names
    assert len({kind.color for kind in KINDS.values()}) == len(KINDS)  # one colour per model


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_the_1997_cell_keeps_its_forget_gate_shut_out_through_training(optimizer):
    """lstm-cec: the forget gate's weights stay 0 and its bias 30 through training, so f is
    exactly 1 at every step and unit, while the other gates learn."""
    from lstm_viz import LockstepTrainer, RunConfig
    from lstm_viz.internals import trace

    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=6, models=("lstm-cec",),
                                        optimizer=optimizer, lr=0.05, max_steps=40))
    model = trainer.models["lstm-cec"]
    before = {k: v.clone() for k, v in model.rnn.state_dict().items()}
    trainer.step(40)
    forget = slice(6, 12)
    for name, value in model.rnn.state_dict().items():
        assert torch.equal(value[forget], before[name][forget])
        assert not torch.equal(value, before[name])  # the other gates did learn
    assert model.memory_bias().tolist() == [30.0] * 6
    assert (trace(model, trainer.probe_batch.x)["f"] == 1.0).all()


def _gradients(module, x):
    module.zero_grad()
    outputs, _ = module(x)
    (outputs ** 2).sum().backward()
    return {name: p.grad.clone() for name, p in module.named_parameters()}


def test_the_cut_lstm_computes_the_lstms_values_and_cuts_only_the_cell_path():
    """lstm-cut: the fused LSTM's forward values, and the gradients of an independent unroll of
    nn.LSTMCell with c_{t-1} detached; at one step (nothing to cut) the LSTM's own gradients."""
    cut, lstm = (build_model(k, 3, 5, 2, seed=4, init=MemoryInit("chrono", horizon=7))
                 for k in ("lstm-cut", "lstm"))
    assert all(torch.equal(a, b) for a, b in zip(cut.state_dict().values(), lstm.state_dict().values()))
    x = torch.randn(4, 7, 3, generator=torch.Generator().manual_seed(0))
    (out_cut, (h_cut, c_cut)), (out, (h, c)) = cut.rnn(x), lstm.rnn(x)
    torch.testing.assert_close(out_cut, out)
    torch.testing.assert_close((h_cut, c_cut), (h, c))
    one = x[:, :1]
    for name, grad in _gradients(cut.rnn, one).items():
        torch.testing.assert_close(grad, _gradients(lstm.rnn, one)[name])
    cell = torch.nn.LSTMCell(3, 5)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in lstm.rnn.state_dict().items()})
    h_t = c_t = torch.zeros(4, 5)
    loss = 0
    for t in range(7):
        h_t, c_t = cell(x[:, t], (h_t, c_t.detach()))
        loss = loss + (h_t ** 2).sum()
    loss.backward()
    through_h = {f"{k}_l0": p.grad for k, p in cell.named_parameters()}
    cut_grads, lstm_grads = _gradients(cut.rnn, x), _gradients(lstm.rnn, x)
    for name, grad in cut_grads.items():
        torch.testing.assert_close(grad, through_h[name])
    assert not torch.allclose(cut_grads["weight_hh_l0"], lstm_grads["weight_hh_l0"])
    assert kind_of("lstm-cut").memory_factor({}) is None  # the probes measure the h path
