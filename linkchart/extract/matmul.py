"""Which library multiplies the language model's matrices.

spaCy's models run on thinc, whose CPU default multiplies with BLIS. BLIS picks a kernel for
the processor it finds; where it has none for the instruction set (recent AMD and Intel
processors with AVX-512, for instance), it falls back to a generic one, and numpy's OpenBLAS is
several times faster on the same matrices. Most of the model's time is such multiplications
(the maxout layers of its two token-to-vector networks), so on such a machine the whole parse
takes about 0.6 of the time, with the same parse.

Which one is faster is measured once per process, on matrices of the model's shape. OpenBLAS
must then be held to one thread: a worker is one core, and OpenBLAS's idle threads spin on the
others (two threads doubled the CPU time for a tenth off the wall time here). Only a clear win
switches library, so that two processes of one build never choose differently and read a text
differently by a rounding.
"""

from __future__ import annotations

import functools
import time
from typing import Any

# OpenBLAS must beat BLIS by this factor before it is used (see the module docstring).
_CLEAR_WIN = 1.5


def _seconds(multiply: Any, x: Any, w: Any, repeat: int = 3, calls: int = 4) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            multiply(x, w, trans2=True)
        best = min(best, time.perf_counter() - start)
    return best


@functools.cache
def model_ops() -> Any:
    """The thinc operations to build the model with: BLIS (thinc's default) or OpenBLAS through
    numpy, whichever multiplies a batch of the model's maxout layer clearly faster here."""
    import numpy
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    blis, openblas = NumpyOps(), NumpyOps(use_blis=False)
    rng = numpy.random.default_rng(0)
    # A window of three 96-wide token vectors in, three maxout pieces of 96 out: the shape of
    # the layers that take most of the parse.
    x = rng.random((512, 288), dtype=numpy.float32)
    w = rng.random((288, 288), dtype=numpy.float32)
    if _seconds(openblas.gemm, x, w) * _CLEAR_WIN < _seconds(blis.gemm, x, w):
        return openblas
    return blis
