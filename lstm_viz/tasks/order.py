"""Experiment 6 of Hochreiter & Schmidhuber (1997): temporal order."""

from __future__ import annotations

import torch

from lstm_viz.tasks.base import Batch, Classification, one_hot, two_positions


class TemporalOrder(Classification):
    """Experiment 6 of Hochreiter & Schmidhuber (1997): the order of two relevant symbols.

    Each step holds one of 4 distractor symbols, except two steps (one in each half) that hold
    X or Y. The class is the ordered pair: XX, XY, YX or YY, so chance accuracy is 0.25.
    """

    name = "order"
    chance = 0.25
    class_names = ("XX", "XY", "YX", "YY")
    input_size = 6  # 4 distractors, then X and Y
    output_size = 4
    min_seq_len = 2

    def sample(self, batch_size, generator):
        symbols = torch.randint(0, 4, (batch_size, self.seq_len), generator=generator)
        positions = two_positions(batch_size, self.seq_len, generator)
        relevant = torch.randint(0, 2, (batch_size, 2), generator=generator)
        symbols.scatter_(1, positions, 4 + relevant)
        target = 2 * relevant[:, 0] + relevant[:, 1]
        return Batch(one_hot(symbols, self.input_size), target, positions)

    def flipped(self, batch):
        """The first of the two relevant symbols swapped (X ↔ Y); the class follows
        (XY ↔ YY, XX ↔ YX)."""
        rows, first = torch.arange(len(batch.y)), batch.key_steps[:, 0]
        relevant = batch.x[rows, first].argmax(dim=-1) - 4  # 0: X, 1: Y
        x = batch.x.clone()
        x[rows, first] = one_hot(5 - relevant, self.input_size)
        return Batch(x, batch.y + 2 * (1 - 2 * relevant), batch.key_steps)

