"""The exported script's price forecast (a synthetic series with a season)."""

import math

import numpy as np
import torch
import torch.nn.functional as F

from lstm_viz.export.templates.names import (HORIZON, LENGTH, PERIOD, SEQ_LEN, SERIES_SEED,
                                             TRAIN_SHARE)

DRIFT = VOLATILITY = AMPLITUDE = 0.0


def values(task, config) -> dict:
    """The synthetic series' constants; an uploaded series is not embedded in the script."""
    from lstm_viz.export.standalone import NotExportable
    from lstm_viz.tasks import series

    if task.series != series.SYNTHETIC:
        raise NotExportable("export.no_upload_script")
    return {"HORIZON": task.horizon, "LENGTH": series.SYNTHETIC_LENGTH,
            "SERIES_SEED": series.SERIES_SEED, "PERIOD": series.PERIOD,
            "DRIFT": series.DRIFT, "VOLATILITY": series.VOLATILITY,
            "AMPLITUDE": series.AMPLITUDE, "TRAIN_SHARE": series.TRAIN_SHARE}


# ---- script ----
# ---- The task: forecast a price (a synthetic series with a season) ---------------------------
# A geometric Brownian motion times a sawtooth season of PERIOD steps (a slow rise, then a fall
# of AMPLITUDE). A window of SEQ_LEN log prices, relative to its last one and scaled by the
# typical HORIZON-step change, predicts the log price HORIZON steps after it. Training targets
# lie in the first TRAIN_SHARE of the series.
INPUT_SIZE, OUTPUT_SIZE = 1, 1


def synthetic_prices():
    """log p_t = log 100 + DRIFT t + VOLATILITY W_t + AMPLITUDE ((t mod PERIOD) / PERIOD), with
    W a standard random walk from NumPy's PCG64 generator."""
    rng = np.random.Generator(np.random.PCG64(SERIES_SEED))
    walk = np.concatenate(([0.0], np.cumsum(rng.standard_normal(LENGTH - 1))))
    t = np.arange(LENGTH, dtype=np.float64)
    season = AMPLITUDE * np.mod(t, PERIOD) / PERIOD
    return np.exp(math.log(100.0) + DRIFT * t + VOLATILITY * walk + season)


LOG_PRICES = np.log(synthetic_prices())
SPLIT = int(LENGTH * TRAIN_SHARE)  # training targets lie before it
TRAIN = LOG_PRICES[:SPLIT]
SCALE = float(np.std(TRAIN[HORIZON:] - TRAIN[:-HORIZON])) or 1.0  # the typical change


def sample(batch_size, generator):
    """A batch of training windows x (B, T, 1) and their targets y (B,)."""
    low = SEQ_LEN - 1 + HORIZON
    targets = torch.randint(low, SPLIT, (batch_size,), generator=generator).numpy()
    ends = targets - HORIZON  # each window's last price
    steps = ends[:, None] + np.arange(-SEQ_LEN + 1, 1)[None, :]
    last = LOG_PRICES[ends][:, None]
    x = (LOG_PRICES[steps] - last) / SCALE
    y = (LOG_PRICES[targets] - last[:, 0]) / SCALE
    return torch.tensor(x, dtype=torch.float32)[..., None], torch.tensor(y, dtype=torch.float32)


def loss_fn(pred, y):
    """Mean squared error, in typical changes squared."""
    return F.mse_loss(pred[:, 0], y)
