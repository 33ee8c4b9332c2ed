"""Experiment 2 of Hochreiter & Schmidhuber (1997): the latch."""

from __future__ import annotations

import torch

from lstm_viz.tasks.base import Batch, Classification, one_hot


class Latch(Classification):
    """Experiment 2 of Hochreiter & Schmidhuber (1997): remember the first symbol.

    Step 0 holds one of ``n_signals`` signal symbols; steps 1..T-1 hold random distractor
    symbols. The target, read at the last step, is the signal symbol. Inputs are one-hot over
    signals + distractors. Chance accuracy is 1 / n_signals.
    """

    name = "latch"

    def __init__(self, seq_len: int, n_signals: int = 2, n_distractors: int = 4):
        super().__init__(seq_len)
        self.n_signals = n_signals
        self.n_distractors = n_distractors
        self.input_size = n_signals + n_distractors
        self.output_size = n_signals
        self.chance = 1.0 / n_signals
        self.class_names = tuple("ABCDEFGH"[:n_signals])

    def sample(self, batch_size, generator):
        signal = torch.randint(0, self.n_signals, (batch_size,), generator=generator)
        noise = torch.randint(
            self.n_signals, self.input_size, (batch_size, self.seq_len - 1), generator=generator
        )
        symbols = torch.cat([signal[:, None], noise], dim=1)
        key_steps = torch.zeros(batch_size, 1, dtype=torch.long)
        return Batch(one_hot(symbols, self.input_size), signal, key_steps)

    def flipped(self, batch):
        """The signal at step 0 replaced by the next signal symbol (A ↔ B for two signals); the
        target is the new signal."""
        other = (batch.x[:, 0, : self.n_signals].argmax(dim=-1) + 1) % self.n_signals
        x = batch.x.clone()
        x[:, 0] = one_hot(other, self.input_size)
        return Batch(x, other, batch.key_steps)

