"""A model made with nnstudio.keras as a studio project (.nnproj), for ModelCheckpoint."""

from ..engine import activations as activations_mod
from ..engine import losses as losses_mod
from ..engine import optimizers as optimizers_mod
from ..project.schema import LayerSpec, Project, TrainingSpec


def project_from_model(model, logs=None):
    """Network, training settings, weights, optimizer state and history of `model` (plus
    `logs`, the epoch that just ended when a callback saves)."""
    if model.loss is None or not isinstance(model.loss, str) or model.loss not in losses_mod.LOSSES:
        raise ValueError(
            f"A project stores its loss by name; this model's loss ({model.loss!r}, with "
            "options such as from_logits) cannot be stored: save the weights (.npz) instead."
        )
    specs = []
    for layer in model.layers:
        config = {k: v for k, v in layer.get_config().items() if k != "name"}
        act = config.get("activation")
        if act is not None and act not in activations_mod.ACTIVATIONS:
            raise ValueError(
                f"The studio has no {act!r} activation (layer {layer.name}): save the weights "
                "(.npz) instead."
            )
        specs.append(LayerSpec(type=type(layer).__name__, config=config, id=layer.name))
    past = model.history.history if model.history is not None else {}
    epochs = len(next(iter(past.values()), [])) + (1 if logs else 0)
    history = {}
    for key in dict.fromkeys([*past, *(logs or {})]):
        values = [float(v) for v in past.get(key, [])]
        if logs:
            values.append(float(logs.get(key, float("nan"))))
        history[key] = [float("nan")] * (epochs - len(values)) + values
    return Project(
        title=model.name,
        layers=specs,
        input_shape=tuple(model._input_shape),
        training=TrainingSpec(
            loss=model.loss,
            optimizer=optimizers_mod.serialize(model.optimizer),
            metrics=list(model._metric_names),
            seed=int(model.seed),
        ),
        history=history,
        epochs_trained=epochs,
        weights=model.weight_dict(),
        optimizer_state=model.optimizer.get_state(),
    )
