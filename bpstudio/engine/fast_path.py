"""The fast path: many whole iterations without stage records.

The same loop as the stages (``backprop.forward``, ``backprop.backward``, then the update, in the same order),
so the weights end bit-identical to stepping; only the bookkeeping is lighter: one shuffle per epoch, no stage
records, and the update written into private copies of the weights rather than into new arrays.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import backprop as bp
from .batches import Batches
from .mistake_ops import run_iteration
from .readonly import read_only_pairs
from .spec import TrainingSpec
from .step_history import State

Array = np.ndarray
Observer = Callable[[int, list[Array], list[Array]], None]


def run_fast(plan: bp.Plan, training: TrainingSpec, batches: Batches, state: State, begun: bool, count: int,
             should_stop: Callable[[], bool] | None, observe: Observer | None, positions: int) -> tuple[State, int]:
    """``count`` iterations from ``state`` at an iteration boundary (``begun``: its batch has been used already).
    Returns the state after the last one (``positions`` stages done) and how many ran: fewer when
    ``should_stop``, polled after each, says so. ``observe(completed, Ws, bs)`` sees the weights after each."""
    params, buffers = state.writable(training.optimizer)
    Ws, bs = [W for W, _ in params], [b for _, b in params]  # the same arrays, for observe
    epoch, batch, iteration = state.epoch, state.batch, state.iteration
    order, order_epoch = None, -1  # the samples' order in epoch order_epoch
    done = 0
    while done < count:
        if begun:
            epoch, batch = batches.following(epoch, batch)
            iteration += 1
        begun = True
        if epoch != order_epoch and not batches.full:
            order, order_epoch = batches.order(epoch), epoch
        x, y = batches.get(epoch, batch, order)
        if plan.mistake:  # a planted mistake's buggy operations (``mistake_ops``)
            run_iteration(plan, params, buffers, x, y, training)
        else:
            zs, activations = bp.forward(plan, params, x)
            bp.update_layers(params, bp.backward(plan, params, zs, activations, y), buffers, training)
        done += 1
        if observe is not None:
            observe(iteration + 1, Ws, bs)
        if should_stop is not None and should_stop():
            break
    moments = buffers.frozen(not training.plain)
    state = State(read_only_pairs(params), positions, iteration, epoch, batch, moments=moments, ledger=state.ledger)
    return state, done  # (the ledger records stepped updates only: the fast ones keep no numbers to measure)
