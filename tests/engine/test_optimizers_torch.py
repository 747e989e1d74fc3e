"""Adam and RMSProp against PyTorch: 100 iterations of BP Studio's training equal torch.optim.Adam and
torch.optim.RMSprop (same hyper-parameters, float64, L2 as ``weight_decay`` on a parameter group of the weights
only: BP Studio does not decay biases) to 1e-10 — the same batches, the forward and backward pass by autograd."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec

torch = pytest.importorskip("torch")

SPEC = NetworkSpec(3, (LayerSpec(5, "tanh"), LayerSpec(4, "sigmoid"), LayerSpec(2, "identity")), "squared_error")


def stepper(training: TrainingSpec) -> Stepper:
    rng = np.random.default_rng(11)
    x = rng.normal(size=(3, 14))
    y = np.vstack([np.sin(x[0] + x[1]), x[2] * x[0]])
    return Stepper(SPEC, x, y, training, InitSpec("xavier"))


def torch_optimizer(training: TrainingSpec, weights: list, biases: list):
    groups = [{"params": weights, "weight_decay": training.l2}, {"params": biases, "weight_decay": 0.0}]
    if training.optimizer == "adam":
        return torch.optim.Adam(groups, lr=training.learning_rate, betas=(training.beta1, training.beta2),
                                eps=training.eps)
    return torch.optim.RMSprop(groups, lr=training.learning_rate, alpha=training.alpha, eps=training.eps)


def torch_loss(weights: list, biases: list, x: np.ndarray, y: np.ndarray):
    a = torch.tensor(np.array(x))
    for W, b, f in zip(weights, biases, (torch.tanh, torch.sigmoid, lambda z: z), strict=True):
        a = f(W @ a + b)
    return (0.5 * ((a - torch.tensor(np.array(y))) ** 2).sum(dim=0)).mean()  # ½‖a − y‖², batch mean


@pytest.mark.parametrize("training", [
    TrainingSpec(0.01, 4, seed=2, optimizer="adam"),
    TrainingSpec(0.005, 3, seed=5, optimizer="adam", beta1=0.8, beta2=0.99, eps=1e-6, l2=0.01),
    TrainingSpec(0.01, 4, seed=2, optimizer="rmsprop"),
    TrainingSpec(0.002, 0, optimizer="rmsprop", alpha=0.9, eps=1e-5, l2=0.05),
], ids=["adam", "adam, L2 and other betas", "rmsprop", "rmsprop, full batch and L2"])
def test_100_iterations_equal_pytorchs_optimizer(training: TrainingSpec) -> None:
    s = stepper(training)
    weights = [torch.tensor(W.copy(), dtype=torch.float64, requires_grad=True) for W, _ in s.parameters]
    biases = [torch.tensor(b.copy(), dtype=torch.float64, requires_grad=True) for _, b in s.parameters]
    opt = torch_optimizer(training, weights, biases)
    largest = 0.0
    for _ in range(100):
        x, y = s.current_batch()  # the batch BP Studio's next iteration takes
        snap = s.finish_iteration()
        opt.zero_grad()
        loss = torch_loss(weights, biases, x, y)
        assert abs(loss.item() - snap.loss) <= 1e-10
        loss.backward()
        opt.step()
        for (W, b), tW, tb in zip(s.parameters, weights, biases, strict=True):
            np.testing.assert_allclose(W, tW.detach().numpy(), rtol=0, atol=1e-10)
            np.testing.assert_allclose(b, tb.detach().numpy(), rtol=0, atol=1e-10)
            largest = max(largest, float(np.abs(W - tW.detach().numpy()).max()))
    moments = s.checkpoint().moments  # type: ignore[attr-defined]
    state = opt.state[weights[0]]
    np.testing.assert_allclose(moments.s[0][0], state["square_avg" if training.optimizer == "rmsprop"
                                                      else "exp_avg_sq"].numpy(), rtol=0, atol=1e-10)
    if training.optimizer == "adam":
        assert moments.t == int(state["step"]) == 100
        np.testing.assert_allclose(moments.v[0][0], state["exp_avg"].numpy(), rtol=0, atol=1e-10)
    moved = max(float(np.abs(W - W0).max()) for (W, _), (W0, _) in zip(s.parameters, stepper(training).parameters,
                                                                          strict=True))
    assert moved > 0.05 and largest < 1e-10  # the weights went somewhere, and both went to the same place
