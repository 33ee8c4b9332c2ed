"""The price-series task: windows and targets from the log prices, the time split, both naive
forecasts and the uploads, each against a direct computation."""

import numpy as np
import pytest
import torch

from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import LockstepTrainer
from lstm_viz.i18n import say
from lstm_viz.present.task_words import words
from lstm_viz.tasks import make_task, series


def _gen(seed=0):
    return torch.Generator().manual_seed(seed)


@pytest.mark.parametrize("seq_len,horizon", [(2, 1), (60, 1), (100, 7), (500, 50)])
def test_windows_are_relative_log_prices_and_targets_lie_horizon_steps_ahead(seq_len, horizon):
    task = make_task("series", seq_len, horizon=horizon)
    log = np.log(series.series_values(series.SYNTHETIC))
    batch = task.sample(16, _gen(4))
    targets = torch.randint(seq_len - 1 + horizon, task.split, (16,), generator=_gen(4)).numpy()
    assert targets.max() < task.split  # training targets lie before the held-out part
    for row, target, t in zip(batch.x[..., 0].numpy(), batch.y.numpy(), targets):
        end = t - horizon
        np.testing.assert_allclose(row, (log[end - seq_len + 1: end + 1] - log[end]) / task.scale,
                                   atol=1e-5)
        assert target == pytest.approx((log[t] - log[end]) / task.scale, abs=1e-5)
    train = log[: task.split]
    assert task.scale == pytest.approx(np.std(train[horizon:] - train[:-horizon]))


def test_the_held_out_part_is_the_last_fifth_and_fixed():
    task = make_task("series", 100, horizon=3)
    targets = task._held_out_targets()
    assert targets.min() >= task.split == int(0.8 * series.SYNTHETIC_LENGTH)
    assert len(targets) == len(set(targets)) == task.eval_batch_size
    held = task.held_out_sample(512, _gen(9))
    assert torch.equal(held.y, task.held_out_sample(512, _gen(1)).y)  # fixed, not random
    log = task.log_prices
    np.testing.assert_allclose(held.y.numpy(), (log[targets] - log[targets - 3]) / task.scale,
                               atol=1e-5)


def test_naive_and_seasonal_naive_rmse_match_a_direct_loop():
    task = make_task("series", 100, horizon=2)
    log = task.log_prices
    naive, seasonal = [], []
    for t in task._held_out_targets():
        truth = (log[t] - log[t - 2]) / task.scale
        naive.append(truth ** 2)
        seasonal.append(((log[t - 60] - log[t - 62]) / task.scale - truth) ** 2)
    assert task.chance == pytest.approx(np.sqrt(np.mean(naive)), rel=1e-5)
    assert task.seasonal_naive == pytest.approx(np.sqrt(np.mean(seasonal)), rel=1e-5)
    assert task.seasonal_naive < 0.7 * task.chance  # the season is there to be found
    assert task.metric(torch.zeros(len(naive), 1), task.held_out_sample(512, _gen()).y) == \
        pytest.approx(task.chance, rel=1e-5)
    labels = list(words(task).metric_references())
    assert labels[0].startswith("naive") and labels[1].startswith("seasonal naive")


def test_uploads_are_kept_by_id_bounded_and_an_unknown_id_says_what_to_do():
    uploads = series._Uploads(2)
    values = [np.linspace(1, 2, 300) + k for k in range(3)]
    keys = [uploads.add(v) for v in values]
    assert keys[0] == series._Uploads(2).add(values[0])  # the id follows from the values
    assert keys[0] not in uploads and keys[2] in uploads  # least recently used dropped
    np.testing.assert_array_equal(uploads.get(keys[2]), values[2])
    with pytest.raises(ValueError) as gone:
        uploads.get(keys[0])
    assert "upload the file again" in say(gone.value)


def test_an_uploaded_series_trains_and_its_season_is_estimated():
    t = np.arange(1200)
    prices = 50 * np.exp(0.2 * np.mod(t, 30) / 30 + 0.001 * np.sin(t))
    key = series.UPLOADS.add(prices)
    task = make_task("series", 40, horizon=1, series=key)
    assert task.period == 30
    config = RunConfig(task="series", seq_len=40, series=key, hidden_size=4, max_steps=3)
    trainer = LockstepTrainer(config)
    trainer.step(3)
    with torch.no_grad():
        pred = trainer.models["lstm"](trainer.eval_batch.x)[:, 0].numpy()
    step, recorded = trainer.view().forecast("lstm")
    assert step == 3 and np.allclose(recorded, pred)
    with pytest.raises(ValueError) as short:
        make_task("series", 300, series=series.UPLOADS.add(prices[:300]))
    assert "too few" in say(short.value)
    with pytest.raises(ValueError, match="series must be"):
        RunConfig(task="series", series="../etc/passwd")


def test_a_random_walk_upload_gets_no_invented_season():
    walk = 100 * np.exp(np.cumsum(0.01 * np.random.default_rng(3).standard_normal(400)))
    task = make_task("series", 50, series=series.UPLOADS.add(walk))
    assert task.period is None and np.isnan(task.seasonal_naive)
    assert list(words(task).metric_references()) == [f"naive, next = last: {task.chance:.3f}"]
