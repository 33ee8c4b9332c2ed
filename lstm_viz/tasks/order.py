"""Experiment 6 of Hochreiter & Schmidhuber (1997): temporal order."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from lstm_viz.tasks.base import Batch, Classification, one_hot


def bands(seq_len: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Experiment 6a's two bands, 0-based and inclusive: [⌊T/10⌋, ⌊T/5⌋] and [⌊T/2⌋, ⌊3T/5⌋]
    (steps 10–20 and 50–60 of T = 100); disjoint and inside the sequence for every T ≥ 2."""
    return (seq_len // 10, seq_len // 5), (seq_len // 2, 3 * seq_len // 5)


def paper_positions(batch_size: int, seq_len: int, generator: torch.Generator) -> torch.Tensor:
    """One step drawn uniformly in each of the two bands: (B, 2), ascending."""
    steps = [torch.randint(low, high + 1, (batch_size,), generator=generator)
             for low, high in bands(seq_len)]
    return torch.stack(steps, dim=1)


def relevant_pair(batch_size: int, seq_len: int,
                  generator: torch.Generator) -> tuple[torch.Tensor, ...]:
    """One-hot inputs (B, T, 6): distractors 0-3, and X (4) or Y (5) at one step in each band;
    the class of the ordered pair, XX 0 to YY 3 (B,); the two steps (B, 2)."""
    symbols = torch.randint(0, 4, (batch_size, seq_len), generator=generator)
    positions = paper_positions(batch_size, seq_len, generator)
    relevant = torch.randint(0, 2, (batch_size, 2), generator=generator)
    symbols.scatter_(1, positions, 4 + relevant)
    target = 2 * relevant[:, 0] + relevant[:, 1]
    return F.one_hot(symbols, 6).float(), target, positions


class TemporalOrder(Classification):
    """Experiment 6 of Hochreiter & Schmidhuber (1997): the order of two relevant symbols.

    Each step holds one of 4 distractor symbols, except two steps that hold X or Y, placed as in
    experiment 6a: the first in [0.1T, 0.2T], the second in [0.5T, 0.6T] (``bands``). The class
    is the ordered pair: XX, XY, YX or YY, so chance accuracy is 0.25. Nothing relevant comes
    in the last 40% of the sequence, so the second symbol is always at least 0.4T steps back.
    """

    name = "order"
    chance = 0.25
    class_names = ("XX", "XY", "YX", "YY")
    input_size = 6  # 4 distractors, then X and Y
    output_size = 4
    min_seq_len = 2
    script_code = (bands, paper_positions, relevant_pair)

    def sample(self, batch_size, generator):
        return Batch(*relevant_pair(batch_size, self.seq_len, generator))

    def bands(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The 0-based steps (first, last) each relevant symbol can take."""
        return bands(self.seq_len)

    def flipped(self, batch):
        """The first of the two relevant symbols swapped (X ↔ Y); the class follows
        (XY ↔ YY, XX ↔ YX)."""
        rows, first = torch.arange(len(batch.y)), batch.key_steps[:, 0]
        relevant = batch.x[rows, first].argmax(dim=-1) - 4  # 0: X, 1: Y
        x = batch.x.clone()
        x[rows, first] = one_hot(5 - relevant, self.input_size)
        return Batch(x, batch.y + 2 * (1 - 2 * relevant), batch.key_steps)
