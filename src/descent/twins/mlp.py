"""The digits MLP of chapter ``layers`` in PyTorch, the twin of :mod:`descent.mlp_training`.

Like :mod:`descent.torch_examples`, this module imports without PyTorch; it runs in
``nox -s torch`` only. It trains in float64 from the very same start, on the very same
batches, so every loss can be compared with the hand-written and the engine's runs.
"""

from __future__ import annotations

import numpy as np

from descent.mlp_training import Run, index_batches
from descent.torch_examples import require_torch, torch


# --8<-- [start:torch-mlp]
def train_torch(
    params: list[np.ndarray],
    x: np.ndarray,
    y: np.ndarray,
    *,
    lr: float,
    epochs: int,
    batch_size: int,
    seed: int = 0,
    activation: str = "relu",
) -> Run:
    """nn.Linear, activation, nn.Linear; nn.CrossEntropyLoss; torch.optim.SGD."""
    require_torch()
    layers = []
    for k in range(0, len(params), 2):
        W, b = params[k], params[k + 1]
        linear = torch.nn.Linear(*W.shape, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(W.T))  # nn.Linear stores W as (d_out, d_in)
            linear.bias.copy_(torch.from_numpy(b))
        if k:
            layers.append({"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}[activation]())
        layers.append(linear)
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.CrossEntropyLoss()  # takes logits and class indices
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    X, Y = torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.int64)  # copies
    rng, losses = np.random.default_rng(seed), []
    for _ in range(epochs):
        for batch in index_batches(len(x), batch_size, rng):
            idx = torch.from_numpy(batch)
            loss = loss_fn(model(X[idx]), Y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    out = []
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            out += [layer.weight.detach().numpy().T.copy(), layer.bias.detach().numpy().copy()]
    return Run(losses, out)


# --8<-- [end:torch-mlp]


def digits_mlp() -> dict:
    """Chapter ``layers``' training in PyTorch: the loss after every epoch, the accuracy."""
    from descent.chapters.layers import examples as ex
    from descent.digits import load

    d = load()
    run = train_torch(ex.start(), d.x_train, d.y_train, **ex.settings())
    steps = len(run.losses) // ex.EPOCHS
    logits = d.x_test @ run.params[0] + run.params[1]
    hidden = np.maximum(logits, 0.0)
    predicted = (hidden @ run.params[2] + run.params[3]).argmax(axis=1)
    return {
        "epoch_losses": run.losses[steps - 1 :: steps],
        "test_accuracy": float(np.mean(predicted == d.y_test)),
    }
