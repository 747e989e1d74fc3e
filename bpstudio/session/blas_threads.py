"""How many cores the training child's matrix products may use, changed while it runs.

A run at full speed is worth both cores: on 784-128-64-10 one BLAS thread trains at about two thirds of the
headless rate. At the slower speeds the window draws every slice, and a product spread over every core makes the
window's thread wait for one (a 50 ms stall rather than 19), so those keep to one. OpenBLAS reads its thread count
once, when NumPy loads; afterwards only its own ``set_num_threads`` changes it, reached here through ctypes from
the library NumPy loaded. Where there is no such library (another BLAS, another platform), nothing changes."""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from functools import cache

NAMES = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
         "openblas_set_num_threads")


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux; elsewhere none are found)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return []
    return sorted(paths)


@cache
def _setter() -> Callable[[int], None] | None:
    import numpy  # noqa: F401 - the library is loaded with NumPy

    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in NAMES:
            fn = getattr(lib, name, None)
            if fn is not None:
                fn.argtypes, fn.restype = [ctypes.c_int], None
                return lambda n: fn(n)
    return None


def use_cores(full_speed: bool) -> bool:
    """Both cores (all, up to 2) for a run at full speed, one otherwise; False where the count cannot be set."""
    setter = _setter()
    if setter is None:
        return False
    setter(min(2, os.cpu_count() or 1) if full_speed else 1)
    return True
