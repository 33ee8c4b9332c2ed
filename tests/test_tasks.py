"""Tasks: shapes, seeding, targets that follow from the inputs, baselines in closed form."""

import pytest
import torch

from lstm_viz.tasks import TASKS, make_task


def _gen(seed=0):
    return torch.Generator().manual_seed(seed)


@pytest.mark.parametrize("name", list(TASKS))
@pytest.mark.parametrize("seq_len", [2, 3, 17, 500])
def test_shapes_and_seeding(name, seq_len):
    seq_len = max(seq_len, TASKS[name].min_seq_len)
    task = make_task(name, seq_len)
    a = task.sample(8, _gen(1))
    b = task.sample(8, _gen(1))
    c = task.sample(8, _gen(2))
    assert a.x.shape == (8, seq_len, task.input_size)
    assert a.y.shape == ((8, seq_len) if task.every_step else (8,))
    assert torch.equal(a.x, b.x) and torch.equal(a.y, b.y)
    assert not torch.equal(a.x, c.x)
    assert ((a.key_steps >= 0) & (a.key_steps < seq_len)).all()


def test_latch_target_is_first_symbol_and_length_one_works():
    for seq_len in (1, 40):
        task = make_task("latch", seq_len)
        batch = task.sample(64, _gen())
        assert torch.equal(batch.x[:, 0].argmax(-1), batch.y)
        assert (batch.x[:, 1:].argmax(-1) >= task.n_signals).all()  # only distractors later
        assert (batch.key_steps == 0).all()
    assert task.chance == 0.5


def test_adding_target_is_sum_of_marked_values():
    task = make_task("adding", 30)
    batch = task.sample(64, _gen())
    assert (batch.x[..., 1].sum(dim=1) == 2).all()
    marked = (batch.x[..., 0] * batch.x[..., 1]).sum(dim=1)
    torch.testing.assert_close(marked, batch.y)
    assert (batch.key_steps[:, 0] < 15).all() and (batch.key_steps[:, 1] >= 15).all()


def test_adding_baseline_of_answering_one_is_one_sixth():
    task = make_task("adding", 50)
    batch = task.sample(20000, _gen())
    mse = task.metric(torch.ones(20000, 1), batch.y)
    assert mse == pytest.approx(1 / 6, abs=0.01)
    assert task.chance == pytest.approx(0.1667, abs=1e-3)
    assert task.is_solved(0.005) and not task.is_solved(0.05)


def test_temporal_order_class_encodes_the_two_relevant_symbols():
    task = make_task("order", 20)
    batch = task.sample(256, _gen())
    symbols = batch.x.argmax(-1)
    relevant = symbols.gather(1, batch.key_steps) - 4
    assert ((relevant == 0) | (relevant == 1)).all()
    torch.testing.assert_close(2 * relevant[:, 0] + relevant[:, 1], batch.y)
    assert ((symbols >= 4).sum(dim=1) == 2).all()
    assert set(batch.y.tolist()) == {0, 1, 2, 3}
    assert task.chance == 0.25


@pytest.mark.parametrize("seq_len", [2, 3, 4, 9, 10, 100, 110, 999, 1000])
def test_temporal_order_symbols_sit_in_the_papers_bands(seq_len):
    """Experiment 6a: the first relevant symbol in [0.1T, 0.2T], the second in [0.5T, 0.6T]
    (steps 10-20 and 50-60 of 100), every step of each band drawn."""
    task = make_task("order", seq_len)
    batch = task.sample(4000, _gen(3))
    first, second = batch.key_steps[:, 0], batch.key_steps[:, 1]
    (a, b), (c, d) = task.bands()
    assert (a, b, c, d) == (seq_len // 10, seq_len // 5, seq_len // 2, 3 * seq_len // 5)
    assert 0.1 * seq_len - 1 < a <= b <= 0.2 * seq_len < c <= d <= 0.6 * seq_len < seq_len
    assert set(first.tolist()) == set(range(a, b + 1))
    assert set(second.tolist()) == set(range(c, d + 1))
    assert (batch.x.argmax(-1)[:, d + 1:] < 4).all()  # only distractors after the second band
    assert task.bands() == ((10, 20), (50, 60)) or seq_len != 100


@pytest.mark.parametrize("name,seq_len", [("latch", 0), ("adding", 1), ("order", 1),
                                           ("latch", 10**6), ("text", 23), ("series", 1)])
def test_bad_lengths_are_rejected_with_a_message(name, seq_len):
    with pytest.raises(ValueError, match="sequence length"):
        make_task(name, seq_len)


def test_unknown_task_names_the_valid_ones():
    with pytest.raises(ValueError, match="latch, adding, order"):
        make_task("copy", 10)
