"""Weight penalties added to the loss: L1 (l1 * sum|w|) and L2 (l2 * sum w^2), Keras default 0.01."""

import numpy as np


class Regularizer:
    """Base class: `penalty(w) -> float` and `gradient(w) -> array` (d penalty / d w)."""

    class_name = "Regularizer"

    def penalty(self, w):
        raise NotImplementedError

    def gradient(self, w):
        raise NotImplementedError

    def get_config(self):
        raise NotImplementedError

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"{self.class_name}({self.get_config()})"


def _factor(name, value):
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float, np.floating, np.integer))
        or value < 0
    ):
        raise ValueError(f"{name} must be a non-negative number, received: {name}={value!r}")
    return float(value)


class L1(Regularizer):
    """penalty = l1 * sum(|w|) ;  d/dw = l1 * sign(w)"""

    class_name = "L1"

    def __init__(self, l1=0.01):
        self.l1 = _factor("l1", l1)

    def penalty(self, w):
        return self.l1 * float(np.abs(w).sum())

    def gradient(self, w):
        return self.l1 * np.sign(w)

    def get_config(self):
        return {"l1": self.l1}


class L2(Regularizer):
    """penalty = l2 * sum(w^2) ;  d/dw = 2 * l2 * w"""

    class_name = "L2"

    def __init__(self, l2=0.01):
        self.l2 = _factor("l2", l2)

    def penalty(self, w):
        return self.l2 * float(np.square(w).sum())

    def gradient(self, w):
        return (2 * self.l2) * w

    def get_config(self):
        return {"l2": self.l2}


class L1L2(Regularizer):
    """penalty = l1 * sum(|w|) + l2 * sum(w^2)"""

    class_name = "L1L2"

    def __init__(self, l1=0.0, l2=0.0):
        self.l1, self.l2 = _factor("l1", l1), _factor("l2", l2)

    def penalty(self, w):
        return self.l1 * float(np.abs(w).sum()) + self.l2 * float(np.square(w).sum())

    def gradient(self, w):
        return self.l1 * np.sign(w) + (2 * self.l2) * w

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


REGULARIZERS = {"l1": L1, "l2": L2, "l1_l2": L1L2}
_BY_CLASS_NAME = {cls.class_name.lower(): cls for cls in REGULARIZERS.values()}


def get(identifier):
    """Regularizer from None, "l1"/"l2"/"l1_l2", a {"class_name", "config"} dict or an instance."""
    if identifier is None or isinstance(identifier, Regularizer):
        return identifier
    if isinstance(identifier, str) and identifier.lower() in REGULARIZERS:
        return REGULARIZERS[identifier.lower()]()
    if isinstance(identifier, dict):
        cls = _BY_CLASS_NAME.get(str(identifier.get("class_name", "")).lower())
        if cls is not None:
            try:
                return cls.from_config(dict(identifier.get("config") or {}))
            except TypeError as exc:
                raise ValueError(f"Bad regularizer config {identifier!r}: {exc}") from None
    raise ValueError(f"Unknown regularizer: received: {identifier!r}; choose one of: l1, l2, l1_l2")


def serialize(regularizer):
    """None, or {"class_name": "L2", "config": {"l2": 0.01}}."""
    if regularizer is None:
        return None
    return {"class_name": regularizer.class_name, "config": regularizer.get_config()}
