"""nnstudio.paths.resource(): the packaged resources (wheel, bundle), else the checkout's."""

from pathlib import Path

from nnstudio import paths


def test_a_wheel_uses_the_resources_inside_the_package(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_RESOURCES, raising=False)
    installed = tmp_path / "site-packages" / "nnstudio"
    (installed / "resources" / "examples").mkdir(parents=True)
    monkeypatch.setattr(paths._importlib_resources, "files", lambda package: installed)
    assert paths.resources_root() == installed / "resources"
    assert (
        paths.resource("examples", "xor.nnproj")
        == installed / "resources" / "examples" / "xor.nnproj"
    )
    assert paths.EXAMPLES == installed / "resources" / "examples"  # the old names follow


def test_a_checkout_uses_the_top_level_folder(monkeypatch):
    monkeypatch.delenv(paths.ENV_RESOURCES, raising=False)
    root = paths.resources_root()
    if root == paths.PACKAGE_DIR / "resources":  # these tests run against an installed wheel
        assert (root / "examples" / "xor.nnproj").is_file()
        return
    assert root == Path(paths.PACKAGE_DIR).parent / "resources"
    assert (
        paths.resource("datasets", "mnist-5k").is_dir()
        and paths.TRANSLATIONS == root / "translations"
    )


def test_the_environment_variable_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_RESOURCES, str(tmp_path))
    assert paths.resource("examples") == tmp_path / "examples" == paths.EXAMPLES
