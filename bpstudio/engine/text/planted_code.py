"""A planted mistake in the reference program: the buggy lines (``mistakes``) swapped in with ``with_line``, in
the column or the row notation, each the NumPy the engine then runs (``mistake_ops``), up to rounding."""

from __future__ import annotations

from bpstudio.engine.mistake_ops import AT_A
from bpstudio.engine.mistakes import mistake, roles_in
from bpstudio.engine.spec import NetworkSpec

from .code_snippets import activation_lines, times_derivative
from .reference_code import CodeLine, Names, with_line


def planted_lines(lines: tuple[CodeLine, ...], id_: str, spec: NetworkSpec, convention: str
                  ) -> tuple[tuple[CodeLine, ...], tuple[int, ...]]:
    """(the program with mistake ``id_``'s lines, the numbers of the lines changed)."""
    roles, n = roles_in(mistake(id_), spec), Names(convention)
    changed = []
    for i, line in enumerate(lines):
        if line.role in roles:
            code = buggy_code(id_, line, n, spec)
            if code is not None and code.strip() != line.code.strip():
                lines = with_line(lines, i, code)
                changed.append(i)
    return lines, tuple(changed)


def _back(n: Names, l: int, transposed: bool = True) -> str:
    """(Wˡ⁺¹)ᵀ δˡ⁺¹ (or without the ᵀ) in the notation."""
    t = ".T" if transposed else ""
    return f"({n.delta(l + 1)} @ W{l + 1}{t})" if n.row else f"(W{l + 1}{t} @ {n.delta(l + 1)})"


def _f_of_a(name: str, a: str, U: int, l: int) -> str:  # noqa: N803 - the axis
    """f applied to a (the expression of ``activation_lines`` with a in place of z)."""
    return "(" + activation_lines(name, a, "_", U, l)[0].split(" = ", 1)[1] + ")"


def buggy_code(id_: str, line: CodeLine, n: Names, spec: NetworkSpec) -> str | None:
    """The buggy code of ``line`` (None: the line stays)."""
    l, L, role = line.layer, spec.depth, line.role
    U, B = (1, 0) if n.row else (0, 1)
    d, z, a, y, ga = n.delta(l), n.z(l), n.a(l), n.y, n.grad_a
    act = spec.activation(l).name if l else ""
    grad = ga if role == "BP1" else _back(n, l)
    a_prev = n.a(l - 1)
    product = f"({a_prev}.T @ {d})" if n.row else f"({d} @ {a_prev}.T)"
    if id_ == "no_fprime_bp1":
        return f"{d} = {ga}"
    if id_ == "no_fprime_bp2":
        return f"{d} = {_back(n, l)}"
    if id_ == "fprime_of_a":
        if act not in AT_A or (role == "BP1" and spec.fused_output):
            return None
        return f"{d} = {times_derivative(act, grad, a, _f_of_a(act, a, U, l), U)}"
    if id_ == "w_not_transposed":
        return f"{d} = {times_derivative(act, _back(n, l, transposed=False), z, a, U)}"
    if id_ in ("no_mean", "mean_twice"):
        by = "" if id_ == "no_mean" else " / m / m"
        return f"dW{l} = {product}{by}" if role == "BP4" else f"db{l} = {d}.sum(axis={B}, keepdims=True){by}"
    if id_ == "update_sign":
        return line.code.replace("-=", "+=").replace("- lr", "+ lr")
    if id_ == "delta_mean_bp4":
        if n.row:
            return f"dW{l} = {a_prev}.mean(axis=0, keepdims=True).T @ {d}.mean(axis=0, keepdims=True)"
        return f"dW{l} = {d}.mean(axis=1, keepdims=True) @ {a_prev}.mean(axis=1, keepdims=True).T"
    if id_ == "grad_y_minus_a":
        return f"{ga} = {y} - {n.a(L)}" if role == "grad_a" else f"{n.delta(L)} = {y} - {n.a(L)}"
    if id_ == "half_dropped":
        return line.code.replace("0.5 * ", "") if line.code.strip().startswith("losses") else None
    if id_ == "two_forgotten":
        return f"{ga} = {n.a(L)} - {y}"
    if id_ == "sum_for_mean":
        return "loss = float(np.sum(losses))"
    if id_ == "bias_forgotten":
        return line.code.replace(f" + b{l}", "")
    if id_ == "sigmoid_sign":
        return line.code.replace("np.exp(-", "np.exp(") if act == "sigmoid" else None
    if id_ == "softmax_elementwise":
        if act != "softmax":
            return None
        if role == "BP1" and spec.fused_output:
            return f"{d} = (-{y} / {a}) * ({a} * (1.0 - {a}))"
        return f"{d} = {grad} * ({a} * (1.0 - {a}))"
    if id_ == "order_swapped":
        swapped = f"({d}.T @ {a_prev})" if n.row else f"({a_prev} @ {d}.T)"
        return f"dW{l} = {swapped} / m"
    return None
