"""Every block of the package deconstructs to a stable path that imports the same class.

Migrations store these paths; ``blocks/paths.py`` makes them independent of the module a block
is defined in, so moving a block never changes a migration.
"""

import importlib

import pytest
from wagtail import blocks

from comensha_content.schema.discovery import package_block_modules

STABLE_PACKAGES = ("comensha_content.blocks", "comensha_content.kompas.blocks")


def block_classes():
    for module in package_block_modules():
        for name, cls in sorted(vars(module).items()):
            if (
                isinstance(cls, type)
                and issubclass(cls, blocks.Block)
                and cls.__module__ == module.__name__
                and not name.startswith("_")
            ):
                yield cls


@pytest.mark.parametrize("cls", list(block_classes()), ids=lambda cls: cls.__name__)
def test_block_deconstructs_to_a_stable_importable_path(cls):
    module = importlib.import_module(cls.__module__)
    path = module.DECONSTRUCT_ALIASES[cls]
    package, _, name = path.rpartition(".")
    assert package in STABLE_PACKAGES
    assert name == cls.__name__
    assert getattr(importlib.import_module(package), name) is cls


def test_migrations_name_blocks_by_their_stable_paths():
    from pathlib import Path

    import comensha_content

    migrations = Path(comensha_content.__file__).parent / "migrations"
    text = "".join(path.read_text() for path in migrations.glob("0*.py"))
    assert "comensha_content.blocks.RequiredCharBlock" in text
    for module in ("fields", "text", "facts", "sources", "media", "people", "navigation"):
        assert f"comensha_content.blocks.{module}." not in text
