"""Activation functions: each forward formula sits beside its derivative.

An activation object has `forward(z) -> y` and `backward(dy, z, y) -> dz`, where z is the
input the layer computed (pre-activation) and y the output; both have shape (batch, units).
Look one up by name with `get(name)`; `ACTIVATIONS` is the registry.
"""

import numpy as np


class Activation:
    """Base class: identity. `in_place` activations may overwrite z with y (forward(z, out=z)):
    their backward needs only y, which lets a Dense layer skip one temporary array per step."""

    name = "linear"
    in_place = False

    def forward(self, z, out=None):
        return z

    def backward(self, dy, z, y):
        return dy

    def __repr__(self):
        return f"<activation {self.name}>"


class Linear(Activation):
    """y = z ;  dy/dz = 1"""

    name = "linear"


class Sigmoid(Activation):
    """y = 1 / (1 + exp(-z)) ;  dy/dz = y (1 - y)"""

    name = "sigmoid"

    def forward(self, z, out=None):
        e = np.exp(-np.abs(z))  # never overflows: exp of a non-positive number
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).astype(z.dtype, copy=False)

    def backward(self, dy, z, y):
        return dy * y * (1 - y)


class Tanh(Activation):
    """y = tanh(z) ;  dy/dz = 1 - y^2"""

    name = "tanh"

    def forward(self, z, out=None):
        return np.tanh(z)

    def backward(self, dy, z, y):
        return dy * (1 - y * y)


class ReLU(Activation):
    """y = max(0, z) ;  dy/dz = 1 if z > 0 else 0"""

    name = "relu"
    in_place = True

    def forward(self, z, out=None):
        return np.maximum(z, 0, out=out)

    def backward(self, dy, z, y):
        return dy * (y > 0)

    def backward_in_place(self, dy, y):
        """dy *= (y > 0), overwriting dy (y > 0 exactly where z > 0)."""
        return np.multiply(dy, y > 0, out=dy)


class LeakyReLU(Activation):
    """y = z if z > 0 else a*z  (Keras 3 default a = 0.2) ;  dy/dz = 1 if z > 0 else a"""

    name = "leaky_relu"
    negative_slope = 0.2

    def forward(self, z, out=None):
        return np.where(z > 0, z, self.negative_slope * z)

    def backward(self, dy, z, y):
        return dy * np.where(z > 0, 1.0, self.negative_slope).astype(dy.dtype)


class ELU(Activation):
    """y = z if z > 0 else a (exp(z) - 1), a = 1 ;  dy/dz = 1 if z > 0 else y + a"""

    name = "elu"
    alpha = 1.0

    def forward(self, z, out=None):
        return np.where(z > 0, z, self.alpha * np.expm1(np.minimum(z, 0)))

    def backward(self, dy, z, y):
        return dy * np.where(z > 0, 1.0, y + self.alpha).astype(dy.dtype)


class Softplus(Activation):
    """y = log(1 + exp(z)) ;  dy/dz = sigmoid(z)"""

    name = "softplus"

    def forward(self, z, out=None):
        return np.logaddexp(0, z).astype(z.dtype, copy=False)

    def backward(self, dy, z, y):
        return dy * SIGMOID.forward(z)


class Softmax(Activation):
    """y_i = exp(z_i) / sum_j exp(z_j) over the last axis ;  dz = y * (dy - sum(dy * y))"""

    name = "softmax"

    def forward(self, z, out=None):
        e = np.exp(z - z.max(axis=-1, keepdims=True))  # shift: same result, no overflow
        e /= e.sum(axis=-1, keepdims=True)
        return e

    def backward(self, dy, z, y):
        return y * (dy - (dy * y).sum(axis=-1, keepdims=True))


SIGMOID = Sigmoid()

ACTIVATIONS = {
    cls.name: cls() for cls in (Linear, Sigmoid, Tanh, ReLU, LeakyReLU, ELU, Softplus, Softmax)
}


class SELU(Activation):
    """y = s z if z > 0 else s a (exp(z) - 1) (s = 1.0507..., a = 1.6733...) ;
    dy/dz = s if z > 0 else y + s a"""

    name = "selu"
    scale, alpha = 1.0507009873554805, 1.6732632423543772

    def forward(self, z, out=None):
        return self.scale * np.where(z > 0, z, self.alpha * np.expm1(np.minimum(z, 0)))

    def backward(self, dy, z, y):
        return dy * np.where(z > 0, self.scale, y + self.scale * self.alpha).astype(dy.dtype)


def _erf(x):
    """erf(x) to 1.5e-7 (Abramowitz & Stegun 7.1.26): NumPy has no erf."""
    sign, x = np.sign(x), np.abs(x)
    t = 1 / (1 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1 - poly * np.exp(-x * x))


class GELU(Activation):
    """y = z Phi(z) = z (1 + erf(z / sqrt 2)) / 2 ;  dy/dz = Phi(z) + z phi(z)"""

    name = "gelu"

    def forward(self, z, out=None):
        return (0.5 * z * (1 + _erf(z / np.sqrt(2)))).astype(z.dtype, copy=False)

    def backward(self, dy, z, y):
        phi = np.exp(-0.5 * z * z) / np.sqrt(2 * np.pi)
        return dy * (0.5 * (1 + _erf(z / np.sqrt(2))) + z * phi).astype(dy.dtype, copy=False)


class Swish(Activation):
    """y = z sigmoid(z) (also called silu) ;  dy/dz = s (1 + z (1 - s)), s = sigmoid(z)"""

    name = "swish"

    def forward(self, z, out=None):
        return z * SIGMOID.forward(z)

    def backward(self, dy, z, y):
        s = SIGMOID.forward(z)
        return dy * s * (1 + z * (1 - s))


# Keras's further activations: usable by name (Dense(activation="gelu")), not listed in
# ACTIVATIONS, which the studio's palette, its Keras import and its exports go by.
MORE_ACTIVATIONS = {"selu": SELU(), "gelu": GELU(), "swish": Swish(), "silu": Swish()}


def get(identifier):
    """Activation object for a name ("relu"), None (linear) or an Activation instance."""
    if identifier is None:
        return ACTIVATIONS["linear"]
    if isinstance(identifier, Activation):
        return identifier
    if isinstance(identifier, str):
        key = identifier.lower()
        if key in ACTIVATIONS:
            return ACTIVATIONS[key]
        if key in MORE_ACTIVATIONS:
            return MORE_ACTIVATIONS[key]
    names = ", ".join(ACTIVATIONS)
    raise ValueError(
        f"Unknown activation: received: activation={identifier!r}; choose one of: {names}"
    )


def serialize(activation):
    """The name stored in configs."""
    return get(activation).name
