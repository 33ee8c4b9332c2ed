"""The exported script's training loop: the app's optimizer, clipping and stopping rule."""

import argparse
import math

import torch

from lstm_viz.export.templates.names import (
    BATCH_SIZE,
    CLIP,
    LR,
    MAX_STEPS,
    MODELS,
    OPTIMIZER,
    SEED,
    build,
    loss_fn,
    sample,
)

# ---- script ----


# ---- Training --------------------------------------------------------------------------------
def train_step(model, optimizer, x, y):
    """One step on a batch: the loss (a float), or None if the loss or the gradient is not
    finite (the model has diverged and stops training)."""
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    if not torch.isfinite(loss):
        return None
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP if CLIP > 0 else math.inf)
    if not math.isfinite(norm.item()):
        return None
    optimizer.step()
    return loss.item()


def main():
    parser = argparse.ArgumentParser(description="Reproduce a run of LSTM vs RNN, live.")
    parser.add_argument("--max-steps", "--steps", type=int, default=MAX_STEPS,
                        help="training steps to take (the app's step cap)")
    steps = parser.parse_args().max_steps
    torch.set_num_threads(1)  # as the app trains: the same sums in the same order
    models = {kind: build(kind) for kind in MODELS}
    optimizer = torch.optim.Adam if OPTIMIZER == "adam" else torch.optim.SGD
    optimizers = {kind: optimizer(model.parameters(), lr=LR) for kind, model in models.items()}
    generator = torch.Generator().manual_seed(SEED)  # the stream of training batches
    # A model stops once its loss or its gradient is not finite. The app also stops it when its
    # held-out metric or its weights are not finite, which it checks every few steps, so a
    # diverging model may be reported diverged at another step there.
    for step in range(1, steps + 1):
        if not models:
            break
        x, y = sample(BATCH_SIZE, generator)  # one batch, the same for every model
        losses = {kind: train_step(model, optimizers[kind], x, y) for kind, model in models.items()}
        print(f"step {step}: " + "  ".join(
            f"{kind} {'diverged' if loss is None else format(loss, '.9g')}"
            for kind, loss in losses.items()))
        models = {kind: models[kind] for kind, loss in losses.items() if loss is not None}


if __name__ == "__main__":
    main()
