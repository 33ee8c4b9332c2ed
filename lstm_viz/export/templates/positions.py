"""The exported script's two marked positions, shared by the adding and temporal-order tasks."""

import torch

from lstm_viz.export.templates.names import SEQ_LEN

# ---- script ----


def two_positions(batch_size, generator):
    """One step in the first half of the sequence and one in the second: (B, 2)."""
    half = SEQ_LEN // 2
    first = torch.randint(0, half, (batch_size,), generator=generator)
    second = torch.randint(half, SEQ_LEN, (batch_size,), generator=generator)
    return torch.stack([first, second], dim=1)
