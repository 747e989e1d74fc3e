"""The lines of the NumPy export that do the maths: each one the very expression the engine evaluates.

``activations.py``, ``losses.py`` and ``backprop.py`` are the source; every expression here is copied from
there operation for operation (the same order of additions, the same in-place updates), so a script built
from them computes the same float64 bits. ``tests/engine/test_numpy_export.py`` runs the scripts to prove it.
"""

from __future__ import annotations

from bpstudio.engine.activations import LEAKY_SLOPE

# f(z) and f′(z) (given z and a) per activation, as in activations.py
ACTIVATIONS = {
    "identity": ("z.copy()", "np.ones_like(z)"),
    "sigmoid": ("1.0 / (1.0 + np.exp(-z))", "a * (1.0 - a)"),
    "tanh": ("np.tanh(z)", "1.0 - a * a"),
    "relu": ("np.maximum(z, 0.0)", "(z > 0).astype(z.dtype)"),
    "leaky_relu": (f"np.where(z > 0, z, {LEAKY_SLOPE!r} * z)", f"np.where(z > 0, 1.0, {LEAKY_SLOPE!r})"),
    "softmax": ("softmax(z)", None),
}

SOFTMAX = '''

def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
'''

# per-sample loss from (a, y), and ∇ₐL, for the losses that are not fused (losses.py)
LOSSES = {
    "squared_error": ("0.5 * np.sum((y - a) ** 2, axis=0)", "a - y"),
    "squared_error_no_half": ("np.sum((a - y) ** 2, axis=0)", "2.0 * (a - y)"),
}

# per-sample loss from z for the fused outputs (softmax + cross-entropy, sigmoid + binary cross-entropy); δᴸ = a − y
FUSED_LOSSES = {
    "cross_entropy": '''

def logsumexp(z):
    zmax = np.max(z, axis=0, keepdims=True)
    return (zmax + np.log(np.sum(np.exp(z - zmax), axis=0, keepdims=True)))[0]


def loss_per_sample(z, a, y):
    """-sum_i y_i log softmax(z)_i per sample, from z (stable), as BP Studio computes it."""
    return np.sum(y * (logsumexp(z)[None, :] - z), axis=0)
''',
    "binary_cross_entropy": '''

def loss_per_sample(z, a, y):
    """-sum_i [y_i log sigmoid(z_i) + (1 - y_i) log(1 - sigmoid(z_i))] per sample, from z (stable)."""
    return np.sum(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))), axis=0)
''',
}


def functions(acts: list[str], loss: str, fused: bool) -> str:
    """The script's f, f′, loss and BP1 functions for these activations (f¹ … fᴸ) and this loss."""
    out = [SOFTMAX] if "softmax" in acts else []
    for name in dict.fromkeys(acts):
        f, df = ACTIVATIONS[name]
        out.append(f"\n\ndef f_{name}(z):\n    return {f}\n")
        if df is not None:
            out.append(f"\n\ndef df_{name}(z, a):\n    return {df}\n")
    if fused:
        out.append(FUSED_LOSSES[loss])
        out.append('\n\ndef output_delta(z, a, y):\n    """BP1, fused: delta^L = a - y."""\n    return a - y\n')
    else:
        per_sample, grad = LOSSES[loss]
        last = acts[-1]
        if last == "softmax":  # softmax's Jacobian is full: delta = a ⊙ (g − Σₖ aₖ gₖ), per sample
            delta = "a * (grad_a - (a * grad_a).sum(axis=0, keepdims=True))"
        else:
            delta = f"grad_a * df_{last}(z, a)"
        out.append(f"\n\ndef loss_per_sample(z, a, y):\n    return {per_sample}\n")
        out.append(f'\n\ndef output_delta(z, a, y):\n    """BP1: delta^L = grad_a L * f\'(z^L)."""\n'
                   f"    grad_a = {grad}\n    return {delta}\n")
    return "".join(out)


# the data written as exact bytes, read back (the NumPy and PyTorch exports write large arrays so)
UNPACK = '''def unpack(text, shape):
    """An array written as its exact float64 bytes (little-endian), zlib-compressed, base64-encoded."""
    return np.frombuffer(zlib.decompress(base64.b64decode(text)), dtype="<f8").reshape(shape).copy()
'''

# each epoch's order of the samples, as batches.py draws it (the NumPy and PyTorch exports both use it)
EPOCH_ORDER = '''def epoch_order(epoch):
    """The samples' order in an epoch: shuffled from (SEED, epoch) by NumPy's default generator, as BP Studio
    does (so every epoch's order can be rebuilt on its own); a full batch is never shuffled."""
    if SHUFFLE and BATCH_SIZE < SAMPLES:
        return np.random.default_rng([SEED, epoch]).permutation(SAMPLES)
    return np.arange(SAMPLES)
'''

START_MOMENTS = '''def start_moments():
    """The optimizer's state where BP Studio is: v (velocity or first moment), s (mean of squares), t (Adam's
    updates so far); private copies for the updates to write into."""
    return {"t": T_START, "v": [(v.copy(), u.copy()) for v, u in zip(VW_START, VB_START)],
            "s": [(v.copy(), u.copy()) for v, u in zip(SW_START, SB_START)]}


'''

UPDATES = {
    "sgd": START_MOMENTS + '''def update(params, grads, moments):
    """W <- W - lr dW (or, with momentum mu and L2 lambda: v <- mu v - lr (dW + lambda W), W <- W + v; biases
    get no lambda), written into the arrays."""
    for (W, b), (dW, db), (vW, vb) in zip(params, grads, moments["v"]):
        if PLAIN:
            W -= LEARNING_RATE * dW
            b -= LEARNING_RATE * db
        else:
            vW[...] = MOMENTUM * vW - LEARNING_RATE * (dW + L2 * W)
            vb[...] = MOMENTUM * vb - LEARNING_RATE * db
            W += vW
            b += vb


''',
    "rmsprop": START_MOMENTS + '''def update(params, grads, moments):
    """RMSProp (as torch.optim.RMSprop): s <- alpha s + (1 - alpha) g^2, p <- p - lr g / (sqrt(s) + eps), with
    g = dW + L2 W for a weight and db for a bias; written into the arrays."""
    for (W, b), (dW, db), (sW, sb) in zip(params, grads, moments["s"]):
        gW = dW + L2 * W if L2 else dW
        for p, g, s in ((W, gW, sW), (b, db, sb)):
            s[...] = ALPHA * s + (1 - ALPHA) * (g * g)
            p -= LEARNING_RATE * g / (np.sqrt(s) + EPS)


''',
    "adam": START_MOMENTS + '''def update(params, grads, moments):
    """Adam (as torch.optim.Adam): v <- beta1 v + (1 - beta1) g, s <- beta2 s + (1 - beta2) g^2, t <- t + 1,
    p <- p - lr v_hat / (sqrt(s_hat) + eps) with the bias corrections v_hat = v / (1 - beta1^t),
    s_hat = s / (1 - beta2^t); g = dW + L2 W for a weight, db for a bias; written into the arrays."""
    moments["t"] += 1
    t = moments["t"]
    for (W, b), (dW, db), (vW, vb), (sW, sb) in zip(params, grads, moments["v"], moments["s"]):
        gW = dW + L2 * W if L2 else dW
        for p, g, v, s in ((W, gW, vW, sW), (b, db, vb, sb)):
            v[...] = BETA1 * v + (1 - BETA1) * g
            s[...] = BETA2 * s + (1 - BETA2) * (g * g)
            v_hat, s_hat = v / (1.0 - BETA1 ** t), s / (1.0 - BETA2 ** t)
            p -= LEARNING_RATE * v_hat / (np.sqrt(s_hat) + EPS)


''',
}

LOOP = '''

F = [{f_names}]
DF = [{df_names}]


def forward(params, x):
    """zs = [z^1 ... z^L], activations = [a^0 = x, a^1 ... a^L]."""
    zs, activations = [], [x]
    for (W, b), f in zip(params, F):
        z = W @ activations[-1] + b
        zs.append(z)
        activations.append(f(z))
    return zs, activations


def mean_loss(zs, activations, y):
    """The loss of a batch: the mean of the per-sample losses."""
    return float(np.mean(loss_per_sample(zs[-1], activations[-1], y)))


def backward(params, zs, activations, y):
    """[(dL/dW^1, dL/db^1), ...], from the output layer down (BP1, BP2, BP3, BP4)."""
    grads, delta = [], None
    for l in range(len(params), 0, -1):
        z, a = zs[l - 1], activations[l]
        if l == len(params):
            delta = output_delta(z, a, y)  # BP1
        else:
            delta = (params[l][0].T @ delta) * DF[l - 1](z, a)  # BP2
        dW = (delta @ activations[l - 1].T) / delta.shape[1]  # BP4
        db = delta.sum(axis=1, keepdims=True) / delta.shape[1]  # BP3
        grads.append((dW, db))
    grads.reverse()
    return grads


{update}''' + EPOCH_ORDER + '''

def train(epochs):
    """Run until ``epochs`` epochs have ended (the current one, begun or not, counts as the first); returns
    the batch loss of every iteration and the training-set loss after every epoch."""
    params = [(W.copy(), b.copy()) for W, b in zip(W_START, B_START)]
    moments = start_moments()
    epoch, batch, iteration = START_EPOCH, START_BATCH, START_ITERATION
    per_epoch = -(-SAMPLES // BATCH_SIZE)
    count = (per_epoch - batch) + (epochs - 1) * per_epoch
    batch_losses, epoch_losses = [], []
    order = None
    for _ in range(count):
        if order is None or batch == 0:
            order = epoch_order(epoch)
        if BATCH_SIZE >= SAMPLES:
            x, y = X, Y
        else:
            cols = order[batch * BATCH_SIZE:(batch + 1) * BATCH_SIZE]
            x, y = X[:, cols], Y[:, cols]
        zs, activations = forward(params, x)
        batch_losses.append((iteration, epoch + 1, batch + 1, mean_loss(zs, activations, y)))
        update(params, backward(params, zs, activations, y), moments)
        batch += 1
        if batch == per_epoch:  # the training-set loss after the epoch's last update, as the loss plot shows it
            zs, activations = forward(params, X)
            epoch_losses.append((iteration, epoch + 1, mean_loss(zs, activations, Y)))
            epoch, batch = epoch + 1, 0
        iteration += 1
    return batch_losses, epoch_losses


def main():
    args = sys.argv[1:]
    epochs = int(args[args.index("--epochs") + 1]) if "--epochs" in args else EPOCHS
    batch_losses, epoch_losses = train(epochs)
    if "--json" in args:
        print(json.dumps({{"batch_loss": [row[3] for row in batch_losses],
                          "train_loss": [row[2] for row in epoch_losses]}}))
        return
    print(f"{{PROJECT or 'BP Studio network'}}: {{'-'.join(map(str, SIZES))}}, {{', '.join(ACTIVATIONS)}}, "
          f"loss {{LOSS}}; {{len(batch_losses)}} iterations")
    for iteration, epoch, batch, loss in batch_losses:
        if "--epochs-only" not in args:
            print(f"iteration {{iteration}}  epoch {{epoch}}  batch {{batch}}  batch loss {{loss!r}}")
        if epoch_losses and epoch_losses[0][0] == iteration:
            print(f"epoch {{epoch}} done (iteration {{iteration}}): training-set loss {{epoch_losses.pop(0)[2]!r}}")


if __name__ == "__main__":
    main()
'''
