"""The exported script's next-character text (the char-RNN of Karpathy 2015)."""

import bisect  # noqa: F401 (the task's own code uses it)
import random  # noqa: F401 (the task's own code uses it)

import torch.nn.functional as F

from lstm_viz.export.templates.names import LANGUAGES, MIN_SENTENCE, SEQ_LEN
from lstm_viz.tasks.text import characters, encode, seeded_random, window


def values(task, config) -> dict:
    """The sentences' building blocks (lstm_viz/data/text_ko.txt and text_en.txt)."""
    from lstm_viz.tasks import text

    return {"MIN_SENTENCE": task.min_seq_len, "LANGUAGES": text.building_blocks()}


# ---- script ----
# ---- The task: the next character (the char-RNN of Karpathy 2015) ---------------------------
# Korean and English sentences built from the building blocks above (written for the app): per
# language, cue classes {name: (cues, ending)}, fillers, verbs and tails. In each sentence one
# character can only be predicted from its start: who is spoken to sets the Korean ending
# (갔습니다 / 갔어요 / 갔다), the subject's number was/were. Each window of SEQ_LEN characters
# ends at that character; the model predicts every next one.


# script: the task's own code


def sample(batch_size, generator):
    """A batch: one-hot characters x (B, T, V) and each next character y (B, T)."""
    rng = seeded_random(generator)
    texts = [window(rng, LANGUAGES, SEQ_LEN, MIN_SENTENCE)[0] for _ in range(batch_size)]
    return encode(texts, INDEX)


def loss_fn(pred, y):
    """Cross-entropy (nats) of every predicted character, plus that of the long-range (last)
    character once more: it is what the task scores, and without it 1 character in SEQ_LEN
    carries the long-range signal."""
    last = F.cross_entropy(pred[:, -1], y[:, -1])
    every = F.cross_entropy(pred.transpose(1, 2), y, reduction="none").mean(dim=1)
    return last + every.mean()


VOCABULARY = characters(LANGUAGES)
INDEX = {c: i for i, c in enumerate(VOCABULARY)}
INPUT_SIZE = OUTPUT_SIZE = len(VOCABULARY)
