"""The training child's BLAS threads follow the run's speed: both cores at full speed, one otherwise."""

from __future__ import annotations

import ctypes
import os

import pytest

from bpstudio.session import blas_threads


def _get_threads() -> int:
    for path in blas_threads._loaded_openblas():
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
                     "openblas_get_num_threads64_", "openblas_get_num_threads"):
            fn = getattr(lib, name, None)
            if fn is not None:
                return int(fn())
    pytest.skip("NumPy here is not built on OpenBLAS")


def test_full_speed_uses_both_cores_and_slower_speeds_one() -> None:
    before = _get_threads()
    try:
        assert blas_threads.use_cores(True)
        assert _get_threads() == min(2, os.cpu_count() or 1)
        assert blas_threads.use_cores(False)
        assert _get_threads() == 1
    finally:
        blas_threads._setter()(before)  # type: ignore[misc]
