"""Experiment 2 of Hochreiter & Schmidhuber (1997): the latch."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from lstm_viz.tasks.base import Batch, Classification, one_hot


def signal_and_noise(batch_size: int, seq_len: int, n_signals: int, n_symbols: int,
                     generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One-hot sequences (B, T, n_symbols): a signal symbol (below ``n_signals``) at step 0,
    distractors after it; and the signal (B,)."""
    signal = torch.randint(0, n_signals, (batch_size,), generator=generator)
    noise = torch.randint(n_signals, n_symbols, (batch_size, seq_len - 1), generator=generator)
    symbols = torch.cat([signal[:, None], noise], dim=1)
    return F.one_hot(symbols, n_symbols).float(), signal


class Latch(Classification):
    """Experiment 2 of Hochreiter & Schmidhuber (1997): remember the first symbol.

    Step 0 holds one of ``n_signals`` signal symbols; steps 1..T-1 hold random distractor
    symbols. The target, read at the last step, is the signal symbol. Inputs are one-hot over
    signals + distractors. Chance accuracy is 1 / n_signals.
    """

    name = "latch"
    script_code = (signal_and_noise,)

    def __init__(self, seq_len: int, n_signals: int = 2, n_distractors: int = 4):
        super().__init__(seq_len)
        self.n_signals = n_signals
        self.n_distractors = n_distractors
        self.input_size = n_signals + n_distractors
        self.output_size = n_signals
        self.chance = 1.0 / n_signals
        self.class_names = tuple("ABCDEFGH"[:n_signals])

    def sample(self, batch_size, generator):
        x, signal = signal_and_noise(batch_size, self.seq_len, self.n_signals, self.input_size,
                                     generator)
        return Batch(x, signal, torch.zeros(batch_size, 1, dtype=torch.long))

    def flipped(self, batch):
        """The signal at step 0 replaced by the next signal symbol (A ↔ B for two signals); the
        target is the new signal."""
        other = (batch.x[:, 0, : self.n_signals].argmax(dim=-1) + 1) % self.n_signals
        x = batch.x.clone()
        x[:, 0] = one_hot(other, self.input_size)
        return Batch(x, other, batch.key_steps)

