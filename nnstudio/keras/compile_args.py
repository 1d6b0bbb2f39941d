"""Turn what Keras's compile() accepts (names, classes, objects) into the engine's terms."""

from ..engine import losses as losses_mod
from ..engine import optimizers as optimizers_mod


def optimizer(value):
    if isinstance(value, type) and issubclass(value, optimizers_mod.Optimizer):
        return value()
    return value


def loss(value):
    if isinstance(value, type) and issubclass(value, losses_mod.Loss):
        return value()
    return value


def metrics(value):
    """Metric names stay names; metric objects and functions become their names."""
    if value is None or isinstance(value, str):
        return value
    out = []
    for m in value:
        if isinstance(m, str):
            out.append(m)
        elif isinstance(m, type):
            out.append(m().name)
        else:
            out.append(getattr(m, "name", None) or getattr(m, "__name__", m))
    return out
