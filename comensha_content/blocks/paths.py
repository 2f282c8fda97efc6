"""Stable dotted paths for block classes, so moving a block between modules changes no migration.

Wagtail stores a block's class path in every migration that uses it, and takes that path from
``DECONSTRUCT_ALIASES`` in the class's module when the module has one (Wagtail's own blocks
deconstruct to ``wagtail.blocks.CharBlock`` this way). Each block module ends with
``DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")``: its public block
classes then deconstruct to the package that re-exports them.
"""

import sys

from wagtail import blocks


def stable_paths(module_name, package):
    """``{block class: "package.ClassName"}`` for the public block classes of ``module_name``."""
    namespace = vars(sys.modules[module_name])
    return {
        obj: f"{package}.{name}"
        for name, obj in namespace.items()
        if isinstance(obj, type)
        and issubclass(obj, blocks.Block)
        and obj.__module__ == module_name
        and not name.startswith("_")
    }
