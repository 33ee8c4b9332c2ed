"""One-step-ahead forecasting of a price series: the stock-price example of RNN-against-LSTM
studies, with honest baselines.

A window of ``seq_len`` log prices predicts the log price ``horizon`` steps after its end.
Windows are made relative to their last price and scaled by the standard deviation of the
``horizon``-step change on the training part, so the naive forecast ("next = last") scores an
RMSE near 1. Training windows have their targets in the first 80 % of the series, held-out
windows in the last 20 % (time order, no look-ahead).

The default series is synthetic (prices.synthetic_prices): a geometric Brownian motion times a
seasonal factor whose period (60 steps) is longer than a vanilla RNN's memory horizon, so only
a model that sees far back can tell where in its season the price is. A user's upload replaces
it (``UPLOADS``, keyed by a hash of the values). On real prices the naive forecast is hard to
beat; the page says so.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict

import numpy as np
import torch
import torch.nn.functional as F

from lstm_viz.message import Problem
from lstm_viz.tasks import prices
from lstm_viz.tasks.base import MAX_SEQ_LEN, Batch, Task

SYNTHETIC = "synthetic"
SYNTHETIC_LENGTH = 5000
SERIES_SEED = 2017
PERIOD = 60  # the synthetic series' season, in steps
DRIFT, VOLATILITY, AMPLITUDE = 0.0002, 0.005, 0.1  # its trend, noise and seasonal fall
TRAIN_SHARE = 0.8
MAX_UPLOADS = 16  # uploaded series kept in this process (least recently used dropped)


class _Uploads:
    """Uploaded series by id, shared by every session of this process (so a link with an id
    works for a whole class on the same server); bounded, least recently used dropped."""

    def __init__(self, size: int):
        self._size, self._lock, self._series = size, threading.Lock(), OrderedDict()

    def add(self, values: np.ndarray) -> str:
        """Keep a series and return its id: 'upload-' and 12 hex digits of its hash."""
        key = "upload-" + hashlib.sha256(values.astype("<f8").tobytes()).hexdigest()[:12]
        with self._lock:
            self._series[key] = values
            self._series.move_to_end(key)
            while len(self._series) > self._size:
                self._series.popitem(last=False)
        return key

    def get(self, key: str) -> np.ndarray:
        with self._lock:
            if key not in self._series:
                raise Problem("prices.task.gone", key=key)
            self._series.move_to_end(key)
            return self._series[key]

    def __contains__(self, key: str) -> bool:
        with self._lock:
            return key in self._series


UPLOADS = _Uploads(MAX_UPLOADS)


@functools.cache
def _synthetic() -> np.ndarray:
    values = prices.synthetic_prices(SYNTHETIC_LENGTH, SERIES_SEED, period=PERIOD, drift=DRIFT,
                                     volatility=VOLATILITY, amplitude=AMPLITUDE)
    values.flags.writeable = False  # shared by every task built on it
    return values


def series_values(series: str) -> np.ndarray:
    """The prices a series id names: the synthetic series (made once), or an upload."""
    return _synthetic() if series == SYNTHETIC else UPLOADS.get(series)


MIN_SEASON_CORRELATION = 0.3  # a lag less autocorrelated than this is no season


def seasonal_period(log_prices: np.ndarray, longest: int) -> int | None:
    """An upload's season: the lag (2 to ``longest``) at which the training part's detrended
    log price is most autocorrelated, or None when even that lag's autocorrelation is below
    MIN_SEASON_CORRELATION (a random walk has no season to find)."""
    train = log_prices[: int(len(log_prices) * TRAIN_SHARE)]
    x = train[2:-2] - np.convolve(train, np.ones(5) / 5, mode="valid")  # minus the local mean
    lags = [k for k in range(2, max(3, longest + 1)) if k < len(x) - 2]
    if not lags or not x.any():
        return None
    correlation = {k: float(np.corrcoef(x[:-k], x[k:])[0, 1]) for k in lags}
    best = max(lags, key=lambda k: correlation[k])
    return best if correlation[best] >= MIN_SEASON_CORRELATION else None


# -- windows: the task and the exported script make them with these (Series.script_code) -------
def typical_change(train: np.ndarray, horizon: int) -> float:
    """The standard deviation of the ``horizon``-step change of the training log prices (1 where
    they never change): the unit of the windows."""
    return float(np.std(train[horizon:] - train[:-horizon])) or 1.0


def training_targets(batch_size: int, seq_len: int, horizon: int, split: int,
                     generator: torch.Generator) -> np.ndarray:
    """Forecast targets drawn uniformly from those before ``split`` that have a whole window."""
    low = seq_len - 1 + horizon
    return torch.randint(low, split, (batch_size,), generator=generator).numpy()


def relative_windows(log_prices: np.ndarray, targets: np.ndarray, seq_len: int, horizon: int,
                     scale: float) -> tuple[torch.Tensor, torch.Tensor]:
    """The windows x (B, T, 1) whose targets y (B,) sit at ``targets``: log prices relative to
    each window's last one, in units of ``scale``."""
    ends = targets - horizon  # index of each window's last price
    steps = ends[:, None] + np.arange(-seq_len + 1, 1)[None, :]
    last = log_prices[ends][:, None]
    x = (log_prices[steps] - last) / scale
    y = (log_prices[targets] - last[:, 0]) / scale
    return torch.tensor(x, dtype=torch.float32)[..., None], torch.tensor(y, dtype=torch.float32)


class Series(Task):
    """Forecast a price ``horizon`` steps after a window of ``seq_len`` prices."""

    name = "series"
    metric_name = "RMSE"
    higher_is_better = False
    min_seq_len = 2
    options = ("horizon", "series")
    script_code = (prices.synthetic_prices, typical_change, training_targets, relative_windows)

    def __init__(self, seq_len: int, horizon: int = 1, series: str = SYNTHETIC):
        super().__init__(seq_len)
        self.horizon, self.series = horizon, series
        self.log_prices = np.log(series_values(series))
        n = len(self.log_prices)
        self.split = int(n * TRAIN_SHARE)  # targets before it train, from it on are held out
        if seq_len > self.longest(horizon, series) or n - self.split < 10:
            raise Problem("prices.task.too_few", n=n, seq_len=seq_len, horizon=horizon)
        self.scale = typical_change(self.log_prices[: self.split], horizon)
        self.period = PERIOD if series == SYNTHETIC else seasonal_period(self.log_prices, seq_len)
        held = self._windows(self._held_out_targets())
        naive = float(torch.sqrt((held.y ** 2).mean()))
        self.chance = naive
        self.solved_threshold = 0.9 * naive
        self.seasonal_naive = self._seasonal_naive_rmse(held)

    @classmethod
    def longest(cls, horizon: int = 1, series: str = SYNTHETIC, **ignored) -> int:
        """The longest window that leaves at least 10 training targets before the split."""
        split = int(len(series_values(series)) * TRAIN_SHARE)
        return min(MAX_SEQ_LEN, split - horizon - 10)

    # -- windows ------------------------------------------------------------------------------
    def _windows(self, targets: np.ndarray) -> Batch:
        """Windows whose forecast targets sit at the given indices."""
        x, y = relative_windows(self.log_prices, targets, self.seq_len, self.horizon,
                                self.scale)
        back = self.seq_len - 1 + self.horizon - (self.period or self.seq_len + self.horizon)
        key = np.full((len(targets), 1), max(0, back))  # one season before the target
        return Batch(x, y, torch.tensor(key))

    def _held_out_targets(self) -> np.ndarray:
        first = max(self.split, self.seq_len - 1 + self.horizon)
        count = min(self.eval_batch_size, len(self.log_prices) - first)
        return np.linspace(first, len(self.log_prices) - 1, count).round().astype(int)

    def sample(self, batch_size, generator):
        """Training windows: targets drawn uniformly from the first 80 % of the series."""
        return self._windows(training_targets(batch_size, self.seq_len, self.horizon,
                                              self.split, generator))

    def held_out_sample(self, batch_size, generator):
        """The held-out windows (targets in the last 20 %), evenly spaced; always the same."""
        return self._windows(self._held_out_targets()[:batch_size])

    def _seasonal_naive_rmse(self, held: Batch) -> float:
        """RMSE of the seasonal naive forecast for prices: the last price plus the change over
        the same ``horizon`` steps one season earlier (Hyndman & Athanasopoulos, "Forecasting:
        principles and practice", the seasonal naive method applied to the changes)."""
        targets = self._held_out_targets()
        if self.period is None or (targets - self.horizon - self.period).min() < 0:
            return float("nan")
        log = self.log_prices
        guess = log[targets - self.period] - log[targets - self.horizon - self.period]
        return float(np.sqrt(np.mean((guess / self.scale - held.y.numpy()) ** 2)))

    # -- scoring ------------------------------------------------------------------------------
    def loss(self, pred, y, reduction="mean"):
        return F.mse_loss(pred[:, 0], y, reduction=reduction)

    def metric(self, pred, y):
        return F.mse_loss(pred[:, 0], y).sqrt().item()

