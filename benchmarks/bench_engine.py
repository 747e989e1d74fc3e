"""Headless engine speed and memory.

  1. The engine's fast path (``Stepper.run_iterations``) against a bare NumPy training loop written
     here: same network, same data, same batches in the same order (the engine's (seed, epoch)
     shuffle), same float64 maths (forward, δᴸ = a − y, BP2–BP4 with the batch mean, SGD). Both must
     end in the same weights, so the timings compare like with like. Target: engine ≤ 1.10 × bare.
  2. Memory stays flat: RSS before and after 100 000 fast iterations, and after 20 000 single stages
     (which fill the bounded step-back history). Target: < +20 MB.

Exit code 1 if any row misses its target.

    .venv/bin/python benchmarks/bench_engine.py
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bpstudio.engine import InitSpec, LayerSpec, NetworkSpec, Stepper, TrainingSpec

Array = np.ndarray
RATIO_TARGET = 1.10
MEMORY_TARGET_MB = 20.0
REPEATS = 21  # short runs, many of them: the best of each is what the code costs, not what else ran

# hidden activations as the bare loop writes them: f(z) and f′(z) given z and a = f(z)
HIDDEN: dict[str, tuple[Callable[[Array], Array], Callable[[Array, Array], Array]]] = {
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(z.dtype)),
}


def bare_training(
    x: Array, y: Array, params: list[tuple[Array, Array]], hidden: str, learning_rate: float,
    batch_size: int, seed: int, shuffle: bool, iterations: int,
) -> list[tuple[Array, Array]]:
    """Mini-batch SGD on a network of ``hidden`` layers and a softmax + cross-entropy output, in plain
    NumPy, column convention (x is (n⁰, N), y is (nᴸ, N)). Batches as the engine draws them: the
    samples in order, or shuffled per epoch with ``default_rng([seed, epoch])``; the last batch of an
    epoch may be smaller. Returns the trained [(W¹, b¹), …]."""
    f, df = HIDDEN[hidden]
    Ws = [W.copy() for W, _ in params]
    bs = [b.copy() for _, b in params]
    L, n = len(Ws), x.shape[1]
    done, epoch = 0, 0
    while done < iterations:
        if shuffle and batch_size < n:
            order = np.random.default_rng([seed, epoch]).permutation(n)
        else:
            order = np.arange(n)
        for start in range(0, n, batch_size):
            if done == iterations:
                break
            cols = order[start : start + batch_size]
            a, yb = x[:, cols], y[:, cols]
            zs, acts = [], [a]
            for l in range(L):  # forward: z = W a + b, a = f(z)
                z = Ws[l] @ a + bs[l]
                if l < L - 1:
                    a = f(z)
                else:  # softmax
                    e = np.exp(z - np.max(z, axis=0, keepdims=True))
                    a = e / np.sum(e, axis=0, keepdims=True)
                zs.append(z)
                acts.append(a)
            delta = a - yb  # BP1, softmax + cross-entropy
            m = delta.shape[1]
            for l in range(L - 1, -1, -1):
                dW = (delta @ acts[l].T) / m  # BP4
                db = np.sum(delta, axis=1, keepdims=True) / m  # BP3
                if l > 0:  # BP2, with the weights before their update
                    delta = (Ws[l].T @ delta) * df(zs[l - 1], acts[l])
                Ws[l] -= learning_rate * dW
                bs[l] -= learning_rate * db
            done += 1
        epoch += 1
    return list(zip(Ws, bs, strict=True))


@dataclass(frozen=True)
class Setup:
    name: str
    sizes: tuple[int, ...]
    hidden: str
    batch_size: int
    samples: int
    iterations: int  # per timed repeat
    learning_rate: float = 0.05
    seed: int = 1
    shuffle: bool = True

    def stepper(self) -> Stepper:
        rng = np.random.default_rng(self.seed)
        n_in, *hidden, n_out = self.sizes
        x = rng.normal(size=(n_in, self.samples))
        y = np.eye(n_out)[:, rng.integers(0, n_out, self.samples)]  # one-hot columns
        layers = (*(LayerSpec(u, self.hidden) for u in hidden), LayerSpec(n_out, "softmax"))
        spec = NetworkSpec(n_in, layers, "cross_entropy")
        init = InitSpec("xavier" if self.hidden == "tanh" else "he")
        training = TrainingSpec(self.learning_rate, self.batch_size, seed=self.seed, shuffle=self.shuffle)
        return Stepper(spec, x, y, training, init)

    def bare(self, stepper: Stepper, iterations: int) -> Callable[[], list[tuple[Array, Array]]]:
        """The bare loop, ready to start from the stepper's initial weights on the stepper's data."""
        stepper.reset()
        x, y, params = stepper.x, stepper.y, list(stepper.parameters)
        return lambda: bare_training(x, y, params, self.hidden, self.learning_rate, self.batch_size, self.seed,
                                     self.shuffle, iterations)


SETUPS = (
    Setup("2-8-8-2, batch 1", (2, 8, 8, 2), "tanh", 1, 200, 3000),
    Setup("64-128-128-10, batch 32", (64, 128, 128, 10), "relu", 32, 1000, 500),  # last batch of 8
    Setup("784-128-64-10, batch 64", (784, 128, 64, 10), "relu", 64, 640, 200),
)


def time_engine(stepper: Stepper, iterations: int) -> float:
    stepper.reset()
    t = time.perf_counter()
    stepper.run_iterations(iterations)
    return time.perf_counter() - t


def time_bare(setup: Setup, stepper: Stepper, iterations: int) -> float:
    run = setup.bare(stepper, iterations)
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def same_weights(setup: Setup, stepper: Stepper) -> str:
    """'identical', 'allclose' (to 1e-10) or 'DIFFERENT' after ``setup.iterations`` iterations of each."""
    stepper.reset()
    stepper.run_iterations(setup.iterations)
    engine = stepper.parameters
    bare = setup.bare(stepper, setup.iterations)()
    pairs = [(e, b) for (We, be), (Wb, bb) in zip(engine, bare, strict=True) for e, b in ((We, Wb), (be, bb))]
    if all(np.array_equal(e, b) for e, b in pairs):
        return "identical"
    return "allclose" if all(np.allclose(e, b, rtol=1e-10, atol=1e-12) for e, b in pairs) else "DIFFERENT"


def speed_row(setup: Setup) -> list[str]:
    stepper = setup.stepper()
    weights = same_weights(setup, stepper)  # also warms up both loops
    engine, bare = [], []
    for _ in range(REPEATS):  # interleaved, so drift in the machine's speed hits both alike
        engine.append(time_engine(stepper, setup.iterations))
        bare.append(time_bare(setup, stepper, setup.iterations))
    ratio = min(engine) / min(bare)
    ok = ratio <= RATIO_TARGET and weights != "DIFFERENT"
    n = setup.iterations
    return [
        setup.name, f"{n:,} × {REPEATS}", f"{n / min(engine):,.0f}", f"{n / min(bare):,.0f}",
        f"{ratio:.3f} (median {statistics.median(engine) / statistics.median(bare):.3f})",
        f"≤ {RATIO_TARGET:.2f}", weights, "yes" if ok else "NO",
    ]


def rss_mb() -> tuple[float, float]:
    """(resident set size now, its peak so far) in MB, from /proc/self/status."""
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


def memory_row(name: str, run: Callable[[], object]) -> list[str]:
    """RSS before and after ``run``; the peak counts too, so a rise that was freed again still shows."""
    gc.collect()
    before, peak_before = rss_mb()
    t = time.perf_counter()
    run()
    seconds = time.perf_counter() - t
    gc.collect()
    after, peak = rss_mb()
    grew, peak_grew = after - before, max(peak - peak_before, 0.0)
    ok = max(grew, peak_grew) < MEMORY_TARGET_MB
    return [name, f"{seconds:.1f} s", f"{before:.1f} MB", f"{after:.1f} MB",
            f"{grew:+.1f} MB (peak {peak_grew:+.1f} MB)", f"flat (< +{MEMORY_TARGET_MB:.0f} MB)", "yes" if ok else "NO"]


def step_stages(stepper: Stepper, count: int) -> None:
    for _ in range(count):
        stepper.step()


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def main() -> int:
    started = time.perf_counter()
    small = SETUPS[0].stepper()  # memory first, while the peak RSS still says something
    memory = [
        memory_row("run_iterations(100 000), 2-8-8-2", lambda: small.run_iterations(100_000)),
        memory_row("20 000 single stages, 2-8-8-2", lambda: step_stages(small, 20_000)),
    ]
    speed = [speed_row(s) for s in SETUPS]
    print(table(["engine fast path vs bare NumPy", "iterations", "engine it/s", "bare it/s",
                 "engine / bare: best (median)", "target", "weights", "ok"], speed))
    print()
    print(table(["memory", "time", "RSS before", "RSS after", "change", "target", "ok"], memory))
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0 if all(row[-1] == "yes" for row in speed + memory) else 1


if __name__ == "__main__":
    sys.exit(main())
