"""Turn what Keras's compile() accepts (names, classes, objects) into the engine's terms."""

from ..engine import losses as losses_mod
from ..engine import optimizers as optimizers_mod


def optimizer(value):
    if isinstance(value, type) and issubclass(value, optimizers_mod.Optimizer):
        return value()
    return value


def loss(value):
    if isinstance(value, type) and issubclass(value, losses_mod.Loss):
        value = value()
    if callable(value) and not isinstance(value, losses_mod.Loss):
        name = getattr(value, "__name__", None)  # keras.losses.mean_squared_error and friends
        if name in losses_mod.LOSSES:
            return name
    reduction = getattr(value, "reduction", "sum_over_batch_size")
    if reduction not in ("sum_over_batch_size", "mean"):
        raise ValueError(
            f"Training here averages the loss over the batch; reduction={reduction!r} is "
            "only supported when you call the loss object yourself."
        )
    return value


def metrics(value):
    """(engine metric names, {position: per-sample function} for metrics the engine's names
    do not cover (keras.metrics.Accuracy's exact equality), history names)."""
    from . import metrics as keras_metrics

    if value is None:
        return None, {}
    if isinstance(value, (str, keras_metrics.Metric)) or isinstance(value, type):
        value = [value]
    names, custom = [], {}
    for i, m in enumerate(value):
        if isinstance(m, type) and issubclass(m, keras_metrics.Metric):
            m = m()
        if isinstance(m, keras_metrics.Metric):
            if m.engine_name is None:  # computed by the model from type(m).fn
                custom[i] = type(m).fn
                names.append(m.name)
            else:
                names.append(m.engine_name if m.name == m.default_name else m.name)
                if m.name != m.default_name:
                    custom[i] = type(m).fn
        elif isinstance(m, str):
            names.append(m)
        else:  # a function such as keras.metrics.binary_accuracy
            names.append(getattr(m, "__name__", m))
    return names, custom
