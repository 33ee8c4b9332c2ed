"""Placeholders for the names the exported script defines in its header and sections, so that
each template imports and lints on its own; the script holds the run's real values. The
settings' names come from the schema (``SEQ_LEN``, ``MAX_STEPS``, ...: each run setting's name
in capitals, with its default)."""

from lstm_viz.core.config import LINKED

globals().update({setting.name.upper(): setting.default for setting in LINKED})

INPUT_SIZE = OUTPUT_SIZE = 1
EVERY_STEP = False
N_SIGNALS, N_DISTRACTORS = 2, 4
MIN_SENTENCE = 24
LENGTH, SERIES_SEED, PERIOD, TRAIN_SHARE = 5000, 2017, 60, 0.8
LANGUAGES: tuple = ()
INDEX: dict = {}
RECURRENT: dict = {}
LAYER_OPTIONS: dict = {}


def sample(batch_size, generator):
    """The task section's batches."""
    raise NotImplementedError


def loss_fn(pred, y):
    """The task section's loss."""
    raise NotImplementedError


def build(kind):
    """The models section's models."""
    raise NotImplementedError
