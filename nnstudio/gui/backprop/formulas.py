"""The side panel's formulas, written with the step's real numbers (HTML, translated).

Every function takes the StepTrace, the session's columns and what was clicked, and returns
a short HTML text: the textbook formula first, then the same formula with the numbers of
this step, then the result.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from nnstudio.engine.trace import local_derivative_name

MAX_TERMS = 6  # a sum longer than this is shortened with "+ …"


def tr(text: str) -> str:
    return QCoreApplication.translate("backprop", text)


def num(v) -> str:
    """A number as a student reads it: 4 significant digits, − for minus."""
    v = float(v)
    if v == 0:
        return "0"
    text = f"{v:.4g}"
    return text.replace("-", "−")


def short(v) -> str:
    """A number for a circle: 3 significant digits."""
    v = float(v)
    return "0" if v == 0 else f"{v:.3g}".replace("-", "−")


def par(v) -> str:
    """A number in parentheses when negative: 0.5 × (−0.2)."""
    s = num(v)
    return f"({s})" if s.startswith("−") else s


def _sum(terms: list[str]) -> str:
    if len(terms) > MAX_TERMS:
        terms = terms[: MAX_TERMS - 1] + ["…"]
    return " + ".join(terms) if terms else "0"


def derivative_name(activation: str | None, fused: bool = False) -> str:
    """f'(z) in words and symbols, translated (the ReLU step reads as a sentence)."""
    if fused:
        return tr("fused with the loss: ŷ − y")
    text = local_derivative_name(activation)
    return text.replace("1 if z > 0 else 0", tr("1 if z > 0 else 0 (the ReLU step)")).replace(
        "1 if z > 0 else", tr("1 if z > 0 else")
    )


def _head(title: str) -> str:
    return f"<p><b>{title}</b></p>"


def _eq(*parts: str) -> str:
    return "<p style='font-family: monospace'>" + "<br>&nbsp;&nbsp;= ".join(parts) + "</p>"


def forward_unit(tr_, cols, c: int, j: int, s: int) -> str:
    """z = Σ a_i w_ij + b, a = f(z) for unit j of column c, sample s."""
    col, prev = cols[c], cols[c - 1]
    a_prev = prev.a(tr_)[s]
    W = tr_.updates[f"{col.name}/kernel"].before
    b_key = f"{col.name}/bias"
    b = tr_.updates[b_key].before[j] if b_key in tr_.updates else 0.0
    terms = [f"{par(a_prev[i])}×{par(W[i, j])}" for i in range(len(a_prev))]
    z = col.z()[s, j]
    a = col.a(tr_)[s, j]
    act = col.activation or "linear"
    out = _head(tr("Forward: unit {unit} of {layer}").format(unit=j + 1, layer=col.name))
    out += _eq("z = Σᵢ aᵢ·wᵢⱼ + b", _sum(terms) + f" + {par(b)}", f"<b>{num(z)}</b>")
    out += _eq(f"a = {act}(z) = {act}({num(z)})", f"<b>{num(a)}</b>")
    return out


def loss_text(tr_, s: int) -> str:
    y, t = tr_.y[s], tr_.targets[s]
    name = tr_.loss_name
    per = tr_.per_sample_loss
    out = _head(tr("The loss ({name})").format(name=name))
    if np.ndim(t) == 0:  # sparse: a class index
        out += _eq(f"L = −log ŷ[{int(t)}] = −log {num(y[int(t)])}", f"<b>{num(per[s])}</b>")
    elif name == "binary_crossentropy":
        terms = [
            f"−[{num(ti)}×log {num(yi)} + {num(1 - ti)}×log {num(1 - yi)}]" for ti, yi in zip(t, y)
        ]
        mean = terms[0] if len(terms) == 1 else "mean(" + ", ".join(terms[:MAX_TERMS]) + ")"
        out += _eq("L = −mean [t·log ŷ + (1 − t)·log(1 − ŷ)]", mean, f"<b>{num(per[s])}</b>")
    elif name == "categorical_crossentropy":
        k = int(np.argmax(t))
        out += _eq("L = −Σⱼ tⱼ·log ŷⱼ", f"−log ŷ[{k}] = −log {num(y[k])}", f"<b>{num(per[s])}</b>")
    elif name in ("mean_squared_error", "sse"):
        factor = "mean" if name == "mean_squared_error" else "½ Σ"
        out += _eq(
            f"L = {factor} (ŷ − t)²",
            ", ".join(f"({num(yi)} − {par(ti)})²" for ti, yi in zip(t, y)),
            f"<b>{num(per[s])}</b>",
        )
    else:
        out += _eq("L = mean |ŷ − t|", f"<b>{num(per[s])}</b>")
    out += (
        "<p>"
        + tr("The batch loss is the mean over its {n} samples: <b>{loss}</b>").format(
            n=len(per), loss=num(tr_.loss)
        )
        + "</p>"
    )
    return out


def backward_unit(tr_, cols, c: int, j: int, s: int, flag: str = "") -> str:
    """δ_j for unit j of column c, sample s."""
    col = cols[c]
    delta = col.delta()[s, j]
    out = _head(tr("Backward: δ of unit {unit} of {layer}").format(unit=j + 1, layer=col.name))
    n = len(tr_.y)
    if col.fused:
        y = col.a(tr_)[s, j]
        t = tr_.targets[s]
        tj = (1.0 if int(t) == j else 0.0) if np.ndim(t) == 0 else t[j]
        scale = n * (tr_.y.shape[1] if tr_.loss_name == "binary_crossentropy" else 1)
        out += _eq(
            f"δ = ∂L/∂z = (ŷ − t) / {scale}",
            f"({num(y)} − {par(tj)}) / {scale}",
            f"<b>{num(delta)}</b>",
        )
        out += (
            "<p>"
            + tr(
                "{act} and {loss} together: their derivatives cancel to ŷ − y, so even a "
                "saturated output still gets its gradient."
            ).format(act=col.activation, loss=tr_.loss_name)
            + "</p>"
        )
        return out
    fname = derivative_name(col.activation)
    local = col.local()
    fprime = local[s, j] if local is not None else None
    if c == len(cols) - 1:
        upstream = col.act.dL_da[s, j] if col.act.dL_da is not None else col.dense.dL_da[s, j]
        first = (
            f"δ = ∂L/∂a · f′(z) = {par(upstream)} × {par(fprime)}"
            if fprime is not None
            else "δ = ∂L/∂z"
        )
        out += _eq(first, f"<b>{num(delta)}</b>")
    else:
        nxt = cols[c + 1]
        W = tr_.updates[f"{nxt.name}/kernel"].before
        dn = nxt.delta()[s]
        terms = [f"{par(W[j, k])}×{par(dn[k])}" for k in range(len(dn))]
        upstream = float(np.dot(W[j], dn))
        if fprime is not None:
            out += _eq(
                "δⱼ = (Σₖ wⱼₖ·δₖ) · f′(zⱼ)",
                f"({_sum(terms)}) × {par(fprime)}",
                f"{par(upstream)} × {par(fprime)}",
                f"<b>{num(delta)}</b>",
            )
        else:
            out += _eq("δ = softmax′(z) · ∂L/∂a", f"<b>{num(delta)}</b>")
    if fprime is not None:
        out += "<p>f′(z) = " + fname + f" = {num(fprime)}</p>"
    if flag == "dead":
        out += (
            "<p><b>"
            + tr(
                "Dead unit: z ≤ 0 for these samples, so f′(z) = 0 and its weights get no "
                "gradient: it stops learning."
            )
            + "</b></p>"
        )
    elif flag == "saturated":
        out += (
            "<p><b>"
            + tr("Saturated unit: f′(z) ≈ 0, so almost no gradient passes: it learns very slowly.")
            + "</b></p>"
        )
    return out


def backward_weight(tr_, cols, c: int, i: int, j: int, rows) -> str:
    """∂L/∂w_ij = Σ over the chosen samples of δ_j · a_i."""
    col, prev = cols[c], cols[c - 1]
    a = prev.a(tr_)[:, i]
    d = col.delta()[:, j]
    out = _head(
        tr("Backward: gradient of weight {i} → {j} of {layer}").format(
            i=i + 1, j=j + 1, layer=col.name
        )
    )
    if len(rows) == 1:
        s = rows[0]
        out += _eq("∂L/∂wᵢⱼ = δⱼ · aᵢ", f"{par(d[s])} × {par(a[s])}", f"<b>{num(d[s] * a[s])}</b>")
        out += (
            "<p>"
            + tr("This sample's share; the step uses the sum over the whole batch: {g}").format(
                g=num(tr_.updates[f"{col.name}/kernel"].grad[i, j])
            )
            + "</p>"
        )
    else:
        terms = [f"{par(d[s])}×{par(a[s])}" for s in rows]
        g = tr_.updates[f"{col.name}/kernel"].grad[i, j]
        out += _eq("∂L/∂wᵢⱼ = Σ_samples δⱼ · aᵢ  (= a_prevᵀ·δ)", _sum(terms), f"<b>{num(g)}</b>")
        plain = float(np.dot(a[rows], d[rows]))
        if abs(plain - g) > 1e-6 * max(1.0, abs(g)):
            out += "<p>" + tr("(+ the regularizer's term {r})").format(r=num(g - plain)) + "</p>"
    return out


def update_param(tr_, key: str, index) -> str:
    """The optimizer's rule for one parameter, with its slots before and after."""
    u = tr_.updates[key]
    w0, g, w1 = u.before[index], u.grad[index], u.after[index]
    cfg = tr_.optimizer["config"]
    cls = tr_.optimizer["class_name"]
    lr = cfg.get("learning_rate", 0.0)
    sb = {k: v[index] for k, v in u.slots_before.items() if k != "iterations"}
    sa = {k: v[index] for k, v in u.slots_after.items() if k != "iterations"}
    label = key + "[" + ", ".join(str(int(i)) for i in np.atleast_1d(index)) + "]"
    out = _head(tr("Update ({optimizer}): {param}").format(optimizer=cls, param=label))
    if cfg.get("clipnorm") or cfg.get("clipvalue"):
        out += "<p>" + tr("The gradient is clipped first (clipnorm / clipvalue).") + "</p>"
    if cls == "SGD" and not cfg.get("momentum"):
        out += _eq("w ← w − η·g", f"{num(w0)} − {num(lr)} × {par(g)}", f"<b>{num(w1)}</b>")
    elif cls == "SGD":
        mu = cfg["momentum"]
        out += _eq(
            "v ← μ·v − η·g",
            f"{num(mu)} × {par(sb['momentum'])} − {num(lr)} × {par(g)}",
            f"{num(sa['momentum'])}",
        )
        rule = "w ← w + μ·v − η·g" if cfg.get("nesterov") else "w ← w + v"
        out += _eq(rule, f"<b>{num(w1)}</b>")
    elif cls == "RMSprop":
        rho = cfg["rho"]
        out += _eq(
            "v ← ρ·v + (1 − ρ)·g²",
            f"{num(rho)} × {num(sb['velocity'])} + {num(1 - rho)} × {par(g)}²",
            num(sa["velocity"]),
        )
        out += _eq(
            "w ← w − η·g / √(v + ε)",
            f"{num(w0)} − {num(lr)} × {par(g)} / √{num(sa['velocity'])}",
            f"<b>{num(w1)}</b>",
        )
    elif cls == "Adagrad":
        out += _eq(
            "acc ← acc + g²", f"{num(sb['accumulator'])} + {par(g)}²", num(sa["accumulator"])
        )
        out += _eq(
            "w ← w − η·g / √(acc + ε)",
            f"{num(w0)} − {num(lr)} × {par(g)} / √{num(sa['accumulator'])}",
            f"<b>{num(w1)}</b>",
        )
    elif cls == "Adam":
        b1, b2 = cfg["beta_1"], cfg["beta_2"]
        t = tr_.iterations_before + 1
        alpha = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        out += _eq(
            "m ← m + (g − m)(1 − β₁)",
            f"{num(sb['momentum'])} + ({par(g)} − {par(sb['momentum'])}) × {num(1 - b1)}",
            num(sa["momentum"]),
        )
        out += _eq(
            "v ← v + (g² − v)(1 − β₂)",
            f"{num(sb['velocity'])} + ({par(g)}² − {num(sb['velocity'])}) × {num(1 - b2)}",
            num(sa["velocity"]),
        )
        out += _eq(f"α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ), t = {t}", num(alpha))
        out += _eq(
            "w ← w − α·m / (√v + ε)",
            f"{num(w0)} − {num(alpha)} × {par(sa['momentum'])} / "
            f"({num(np.sqrt(sa['velocity']))} + ε)",
            f"<b>{num(w1)}</b>",
        )
    out += "<p>" + tr("step Δw = {step}").format(step=num(w1 - w0)) + "</p>"
    return out
