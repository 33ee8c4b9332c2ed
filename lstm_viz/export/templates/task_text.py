"""The exported script's next-character text (the char-RNN of Karpathy 2015)."""

import bisect
import random

import torch
import torch.nn.functional as F

from lstm_viz.export.templates.names import LANGUAGES, MIN_SENTENCE, SEQ_LEN


def values(task, config) -> dict:
    """The sentences' building blocks (lstm_viz/data/text_ko.txt and text_en.txt)."""
    from lstm_viz.tasks import text

    blocks = [{"classes": lang.classes, "fillers": lang.fillers, "verbs": lang.verbs,
               "tails": lang.tails} for lang in text.languages()]
    return {"MIN_SENTENCE": task.min_seq_len, "LANGUAGES": blocks}


# ---- script ----
# ---- The task: the next character (the char-RNN of Karpathy 2015) ---------------------------
# Korean and English sentences built from the building blocks above (written for the app): per
# language, cue classes {name: (cues, ending)}, fillers, verbs and tails. In each sentence one
# character can only be predicted from its start: who is spoken to sets the Korean ending
# (갔습니다 / 갔어요 / 갔다), the subject's number was/were. Each window of SEQ_LEN characters
# ends at that character; the model predicts every next one.


def characters(languages):
    """Every character the building blocks can produce, sorted: the models' inputs and
    outputs."""
    chars = {" "}
    for lang in languages:
        for cues, ending in lang["classes"].values():
            chars.update("".join(cues) + ending)
        chars.update("".join(lang["fillers"] + lang["verbs"] + lang["tails"]))
    return sorted(chars)


def sentence(rng, lang, budget):
    """A sentence of at most `budget` characters up to the character its cue decides: the cue,
    fillers drawn while they fit, a verb, the ending's first character. Returns (text, ending,
    tail): the rest of the ending and a tail follow it when an earlier sentence is complete."""
    cues, ending = lang["classes"][rng.choice(sorted(lang["classes"]))]
    cue, verb = rng.choice(cues), rng.choice(lang["verbs"])
    parts, length = [cue], len(cue) + 1 + len(verb) + 1
    unused = sorted(lang["fillers"], key=len)  # each filler once, until all have been used
    while True:
        fits = bisect.bisect_right([len(f) + 1 for f in unused], budget - length)
        if not fits:
            if len(unused) == len(lang["fillers"]):
                break
            unused = sorted(lang["fillers"], key=len)
            continue
        filler = unused.pop(rng.randrange(fits))
        parts.append(filler)
        length += len(filler) + 1
    return " ".join(parts + [verb]) + ending[0], ending, rng.choice(lang["tails"])


def window(rng):
    """SEQ_LEN + 1 characters ending at a long-range character. Its sentence fills the last
    half to all of the window; earlier complete sentences fill the start."""
    lang = rng.choice(LANGUAGES)
    margin = rng.randint(1, max(1, SEQ_LEN // 2))
    text, _, _ = sentence(rng, lang, SEQ_LEN - margin)
    while len(text) < SEQ_LEN + 1:
        before, ending, tail = sentence(rng, lang, rng.randint(MIN_SENTENCE, 80))
        text = before + ending[1:] + tail + " " + text
    return text[len(text) - (SEQ_LEN + 1):]


def sample(batch_size, generator):
    """A batch: one-hot characters x (B, T, V) and each next character y (B, T)."""
    rng = random.Random(int(torch.randint(2**62, (1,), generator=generator)))
    ids = torch.tensor([[INDEX[c] for c in window(rng)] for _ in range(batch_size)])
    return F.one_hot(ids[:, :-1], INPUT_SIZE).float(), ids[:, 1:]


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
