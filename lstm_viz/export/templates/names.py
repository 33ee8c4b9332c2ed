"""Placeholders for the names the exported script defines in its header and sections, so that
each template imports and lints on its own; the script holds the run's real values."""

SEQ_LEN = 100
HIDDEN_SIZE = 32
OPTIMIZER = "adam"
LR = 0.002
BATCH_SIZE = 32
MEMORY_INIT = "chrono"
FORGET_BIAS = 5.0
CLIP = 1.0
SEED = 0
MODELS = ("rnn", "lstm")
MAX_STEPS = 2000
INPUT_SIZE = OUTPUT_SIZE = 1
EVERY_STEP = False
N_SIGNALS, N_DISTRACTORS = 2, 4
MIN_SENTENCE = 24
HORIZON = 1
LENGTH, SERIES_SEED, PERIOD, TRAIN_SHARE = 5000, 2017, 60, 0.8
PROJ_SIZE = 16
LANGUAGES: list = []
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
