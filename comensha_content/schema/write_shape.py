"""The shape a client may send back: a read schema with nothing required but the block tags.

A client writes a block in the shape it reads (``{type, value, id?}``); the keys the server
derives are accepted and ignored, and a child left out keeps its default. So the write schema
of a StreamField is its read schema where only a stream item's ``type`` (its tag) stays
required.
"""

import copy


def write_shape(read_schema):
    """``read_schema`` (inlined, no ``$ref``) relaxed for writing; the argument is not changed."""
    schema = copy.deepcopy(read_schema)
    _relax(schema)
    return schema


def _relax(node):
    if isinstance(node, list):
        for item in node:
            _relax(item)
        return
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if isinstance(properties, dict) and "required" in node:
        tag = properties.get("type")
        keep = [name for name in node["required"] if name == "type" and isinstance(tag, dict)]
        keep = [name for name in keep if "const" in tag or "enum" in tag]
        if keep:
            node["required"] = keep
        else:
            del node["required"]
    for key, value in node.items():
        if key != "required":
            _relax(value)
