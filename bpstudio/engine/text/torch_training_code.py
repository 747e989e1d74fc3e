"""The PyTorch training program's code: the layers, the loss, the optimizer and the training loop, in torch.

``torch_training.py`` puts these pieces together with the data, the weights and the settings. Each table maps one
thing BP Studio computes onto the PyTorch code that computes the same (to ~1e-15 a step: PyTorch's matrix products
add in another order than NumPy's, so the numbers agree closely but not to the last bit).
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.engine.activations import LEAKY_SLOPE

# aˡ = f(zˡ) in torch, per activation of activations.py, on a batch with a sample per row (softmax: over dim 1)
ACTIVATIONS = {
    "identity": "{z}",
    "sigmoid": "torch.sigmoid({z})",
    "tanh": "torch.tanh({z})",
    "relu": "torch.relu({z})",
    "leaky_relu": f"F.leaky_relu({{z}}, negative_slope={LEAKY_SLOPE!r})",
    "softmax": "torch.softmax({z}, dim=1)",
}

# the batch loss from the model's output (aᴸ, or zᴸ for a fused loss) and y: per sample summed over the outputs,
# then the mean over the samples, as losses.py; with what the comment in the program says about it
LOSSES = {
    "squared_error": ("0.5 * ((y - out) ** 2).sum(dim=1).mean()",
                      "L = 1/2 ||y - a||^2 per sample (nn.MSELoss has no 1/2 and averages over every entry)"),
    "squared_error_no_half": ("((out - y) ** 2).sum(dim=1).mean()",
                              "L = ||a - y||^2 per sample (nn.MSELoss would also divide by the outputs)"),
    "cross_entropy": ("F.cross_entropy(out, y)",
                      "L = -sum_i y_i log softmax(z)_i per sample: F.cross_entropy on the logits z, with y as class "
                      "probabilities (one-hot rows), softmax inside it"),
    "binary_cross_entropy": ('F.binary_cross_entropy_with_logits(out, y, reduction="none").sum(dim=1).mean()',
                             "L = -sum_i [y_i log s(z_i) + (1 - y_i) log(1 - s(z_i))] per sample, from the logits z "
                             "(the default reduction would also divide by the outputs)"),
}


@dataclass(frozen=True)
class TorchOptimizer:
    """How one of BP Studio's update rules is written with ``torch.optim``."""

    name: str  # in the header
    make: str  # the constructor, given the parameter groups ``groups``
    state: str  # the optimizer's state of parameter ``p`` from BP Studio's (``v``, ``s``: NumPy arrays of p's shape)
    when: str  # the condition under which that state is loaded
    notes: str  # the header's lines on how BP Studio's rule maps onto it


# BP Studio's update rule → torch.optim; one entry per rule (a new optimizer is one more entry)
OPTIMIZERS = {
    "sgd": TorchOptimizer(
        name="SGD",
        make="torch.optim.SGD(groups, lr=LEARNING_RATE, momentum=MOMENTUM)",
        state='{"momentum_buffer": torch.from_numpy(-v / LEARNING_RATE).reshape(p.shape)}',
        when="MOMENTUM != 0",
        notes="""\
# - Momentum: BP Studio writes v <- mu v - lr (dL/dW + l2 W), W <- W + v; PyTorch's SGD keeps
#   buf <- mu buf + (dL/dW + l2 W), W <- W - lr buf (dampening 0, nesterov off: its defaults). With one learning
#   rate these are the same steps, v = -lr buf, so the velocity BP Studio had is loaded as buf = -v / lr (zero
#   before the first update). They would part if the learning rate changed during training.
"""),
    "rmsprop": TorchOptimizer(
        name="RMSProp",
        make="torch.optim.RMSprop(groups, lr=LEARNING_RATE, alpha=ALPHA, eps=EPS)",
        state='{"step": torch.tensor(float(T_START)), "square_avg": torch.from_numpy(s.copy()).reshape(p.shape)}',
        when="True",
        notes="""\
# - RMSProp: BP Studio's s <- alpha s + (1 - alpha) g^2, p <- p - lr g / (sqrt(s) + eps) is torch.optim.RMSprop's
#   (momentum 0, not centered: its defaults); alpha and eps are BP Studio's, and s is loaded as square_avg (zeros
#   before the first update, as RMSprop starts).
"""),
    "adam": TorchOptimizer(
        name="Adam",
        make="torch.optim.Adam(groups, lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPS)",
        state=('{"step": torch.tensor(float(T_START)), "exp_avg": torch.from_numpy(v.copy()).reshape(p.shape), '
               '"exp_avg_sq": torch.from_numpy(s.copy()).reshape(p.shape)}'),
        when="T_START > 0",
        notes="""\
# - Adam: BP Studio's rule (v, s, the bias corrections 1 - beta^t) is torch.optim.Adam's with amsgrad off; its
#   L2 adds l2 W to the gradient, as Adam's weight_decay does (not AdamW's decoupled decay). v, s and t are
#   loaded as exp_avg, exp_avg_sq and step.
"""),
}

HEADER_NOTES = """\
# What differs from PyTorch's defaults, and why:
# - float64 throughout (torch.set_default_dtype): BP Studio computes in float64; float32 would part from its
#   numbers in the 7th digit.
# - nn.Linear's random initialisation is overwritten with BP Studio's weights: weight is W^l as BP Studio has it,
#   (n^l, n^(l-1)); bias is b^l as a vector. PyTorch puts a sample in a row, so a layer computes x W^T + b, the
#   transpose of BP Studio's W a + b.
# - The loss: {loss_note}.
# - The batches: DataLoader with a batch sampler that takes each epoch's order from NumPy's generator seeded with
#   (SEED, epoch), as BP Studio does, cut into BATCH_SIZE samples, the last batch of an epoch smaller
#   (DataLoader(shuffle=True) would draw another order from PyTorch's generator).
# - L2 on the weights only: two parameter groups, the weights with weight_decay = L2 (the gradient of
#   (L2/2)||W||^2), the biases with none; SGD's weight_decay would decay every parameter.
{optimizer_notes}"""

PROGRAM = '''

class Net(nn.Module):
    """BP Studio's layers, with its weights."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(n_in, n_out) for n_in, n_out in zip(SIZES, SIZES[1:]))
        with torch.no_grad():
            for layer, W, b in zip(self.layers, W_START, B_START):
                layer.weight.copy_(torch.from_numpy(W))
                layer.bias.copy_(torch.from_numpy(b[:, 0]))

    def forward(self, x):
        """x: (m, n^0), a sample per row. {returns}"""
        {unpack_layers} = self.layers
{forward}


def batch_loss(out, y):
    """The mean over the batch's samples of the per-sample loss."""
    return {loss}


class EpochBatches(Sampler):
    """One epoch's batches as BP Studio takes them (from batch ``first`` on): lists of sample indices."""

    def __init__(self, epoch, first=0):
        super().__init__()
        self.order, self.first = epoch_order(epoch), first

    def __len__(self):
        return PER_EPOCH - self.first

    def __iter__(self):
        for batch in range(self.first, PER_EPOCH):
            yield self.order[batch * BATCH_SIZE:(batch + 1) * BATCH_SIZE].tolist()


def train(epochs):
    """Train until ``epochs`` epochs have ended (the current one, begun or not, counts as the first); returns the
    batch loss of every iteration, the training-set loss after every epoch, and the model."""
    model = Net()
    weights = [layer.weight for layer in model.layers]
    biases = [layer.bias for layer in model.layers]
    groups = [{{"params": weights, "weight_decay": L2}}, {{"params": biases, "weight_decay": 0.0}}]
    optimizer = {make_optimizer}
    if {load_when}:  # where BP Studio's update rule is now
        for p, v, s in zip(weights + biases, VW_START + VB_START, SW_START + SB_START):
            optimizer.state[p].update({state})
    data = TensorDataset(X_ROWS, Y_ROWS)
    batch_losses, epoch_losses = [], []
    epoch, first, iteration = START_EPOCH, START_BATCH, START_ITERATION
    for _ in range(epochs):
        for batch, (x, y) in enumerate(DataLoader(data, batch_sampler=EpochBatches(epoch, first)), start=first):
            optimizer.zero_grad()
            loss = batch_loss(model(x), y)
            loss.backward()
            optimizer.step()
            batch_losses.append((iteration, epoch + 1, batch + 1, loss.item()))
            iteration += 1
        with torch.no_grad():  # the training-set loss after the epoch's last update, as the loss plot shows it
            epoch_losses.append((iteration - 1, epoch + 1, batch_loss(model(X_ROWS), Y_ROWS).item()))
        epoch, first = epoch + 1, 0
    return batch_losses, epoch_losses, model


def main():
    args = sys.argv[1:]
    epochs = int(args[args.index("--epochs") + 1]) if "--epochs" in args else EPOCHS
    batch_losses, epoch_losses, model = train(epochs)
    if "--json" in args:
        print(json.dumps({{"batch_loss": [row[3] for row in batch_losses],
                          "train_loss": [row[2] for row in epoch_losses],
                          "W": [layer.weight.tolist() for layer in model.layers],
                          "b": [layer.bias[:, None].tolist() for layer in model.layers]}}))
        return
    print(f"{{PROJECT or 'BP Studio network'}}: {{'-'.join(map(str, SIZES))}}, {{', '.join(ACTIVATIONS)}}, "
          f"loss {{LOSS}}; {{len(batch_losses)}} iterations in PyTorch")
    ends = {{row[0]: row for row in epoch_losses}}
    for iteration, epoch, batch, loss in batch_losses:
        if "--epochs-only" not in args:
            print(f"iteration {{iteration}}  epoch {{epoch}}  batch {{batch}}  batch loss {{loss!r}}")
        if iteration in ends:
            print(f"epoch {{epoch}} done (iteration {{iteration}}): training-set loss {{ends[iteration][2]!r}}")
    torch.set_printoptions(precision=10)
    for l, layer in enumerate(model.layers, start=1):
        print(f"\\nW{{l}} after training {{tuple(layer.weight.shape)}}:\\n{{layer.weight.data}}")
        print(f"b{{l}} after training:\\n{{layer.bias.data}}")


if __name__ == "__main__":
    main()
'''
