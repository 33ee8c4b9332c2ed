"""The exported script's price forecast (a synthetic series with a season)."""

import math  # noqa: F401 (the task's own code uses it)

import numpy as np
import torch.nn.functional as F

from lstm_viz.export.templates.names import (
    HORIZON,
    LENGTH,
    PERIOD,
    SEQ_LEN,
    SERIES_SEED,
    TRAIN_SHARE,
)
from lstm_viz.tasks.prices import synthetic_prices
from lstm_viz.tasks.series import relative_windows, training_targets, typical_change

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


# script: the task's own code


LOG_PRICES = np.log(synthetic_prices(LENGTH, SERIES_SEED, period=PERIOD, drift=DRIFT,
                                     volatility=VOLATILITY, amplitude=AMPLITUDE))
SPLIT = int(LENGTH * TRAIN_SHARE)  # training targets lie before it
SCALE = typical_change(LOG_PRICES[:SPLIT], HORIZON)


def sample(batch_size, generator):
    """A batch of training windows x (B, T, 1) and their targets y (B,)."""
    targets = training_targets(batch_size, SEQ_LEN, HORIZON, SPLIT, generator)
    return relative_windows(LOG_PRICES, targets, SEQ_LEN, HORIZON, SCALE)


def loss_fn(pred, y):
    """Mean squared error, in typical changes squared."""
    return F.mse_loss(pred[:, 0], y)
