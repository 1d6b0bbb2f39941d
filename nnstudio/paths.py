"""Where the bundled resources live (the repository's top-level ``resources/``)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES = PACKAGE_DIR.parent / "resources"
EXAMPLES = RESOURCES / "examples"
DATASETS = RESOURCES / "datasets"
TRANSLATIONS = RESOURCES / "translations"
