"""TypeScript declarations from JSON Schemas: pure Python, no Node.js needed.

Covers the JSON Schema the package generates (``comensha_content.schema``): objects, arrays, ``$ref`` to
named definitions, ``enum``/``const``, ``oneOf``/``anyOf``/``allOf``, type lists and null. A
named array of tagged objects (a StreamBlock) also gets a named union of its children, so a
front end can narrow ``child.type`` in a ``switch``::

    export type StoryBodyBlockChild =
      | { type: "chapter"; value: ChapterBlock; id: string }
      | { type: "paragraph"; value: string; id: string };
    export type StoryBodyBlock = StoryBodyBlockChild[];

Output is deterministic: declarations sorted by name, properties in schema order.
"""

import json
import re

IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
INDENT = "  "


def type_name(name):
    """A TypeScript identifier for a definition or model name ("comensha_content.X" -> "X")."""
    name = name.rsplit(".", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9_$]", "_", name)
    return name if IDENTIFIER.match(name) else f"_{name}"


def _key(name):
    return name if IDENTIFIER.match(name) else json.dumps(name)


def _comment(schema, indent=""):
    """A JSDoc comment from ``title`` and ``description``, or an empty string."""
    parts = [str(schema[key]).strip() for key in ("title", "description") if schema.get(key)]
    if not parts:
        return ""
    lines = []
    for part in parts:
        lines.extend(part.replace("*/", "*\\/").splitlines())
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */\n"
    body = "".join(f"{indent} * {line}\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def _literal(value):
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _union(types):
    unique = []
    for item in types:
        if item not in unique:
            unique.append(item)
    if "unknown" in unique:
        return "unknown"
    return " | ".join(unique) if unique else "never"


def _is_compound(type_text):
    """Whether ``type_text`` has a ``|``, ``&`` or ``=>`` outside brackets, strings and comments.

    Such a type needs parentheses before ``[]``: ``A | B[]`` means ``A | (B[])`` in TypeScript.
    """
    depth, index, length = 0, 0, len(type_text)
    while index < length:
        char = type_text[index]
        if type_text.startswith("/*", index):  # JSDoc inside an object type
            end = type_text.find("*/", index + 2)
            index = length if end < 0 else end + 2
            continue
        if char == '"':  # a JSON string literal or key
            index += 1
            while index < length and type_text[index] != '"':
                index += 2 if type_text[index] == "\\" else 1
        elif type_text.startswith("=>", index):
            if depth == 0:
                return True
            index += 1
        elif char in "{[(<":
            depth += 1
        elif char in "}])>":
            depth -= 1
        elif depth == 0 and char in "|&":
            return True
        index += 1
    return False


def _is_tagged_union(schema):
    """An array item schema that is a ``oneOf`` of objects with a ``const`` ``type``."""
    options = schema.get("oneOf") if isinstance(schema, dict) else None
    return bool(options) and all(
        option.get("type") == "object" and "const" in option.get("properties", {}).get("type", {})
        for option in options
    )


class TypeScriptGenerator:
    """Turns named schemas into TypeScript; ``$ref: #/$defs/Name`` refers to ``Name``."""

    def __init__(self, definitions):
        self.definitions = definitions
        self.names = {name: type_name(name) for name in definitions}

    def ref_name(self, ref):
        name = ref.rsplit("/", 1)[-1]
        return self.names.get(name, type_name(name))

    # -- types ---------------------------------------------------------------------------------

    def type(self, schema, indent=""):
        """The TypeScript type of ``schema``."""
        if schema is True or schema == {} or not isinstance(schema, dict):
            return "unknown"
        if "$ref" in schema:
            return self.ref_name(schema["$ref"])
        if "const" in schema:
            return _literal(schema["const"])
        if "enum" in schema:
            return _union([_literal(value) for value in schema["enum"]])
        for keyword in ("oneOf", "anyOf"):
            if keyword in schema:
                return _union([self._member(option, indent) for option in schema[keyword]])
        if "allOf" in schema:
            return " & ".join(self._member(option, indent) for option in schema["allOf"])
        kind = schema.get("type")
        if isinstance(kind, list):
            return _union(
                [
                    "null" if item == "null" else self._member({**schema, "type": item}, indent)
                    for item in kind
                ]
            )
        if kind == "object" or (kind is None and "properties" in schema):
            return self.object(schema, indent)
        if kind == "array":
            item_type = self.type(schema.get("items", {}), indent)
            return f"({item_type})[]" if _is_compound(item_type) else f"{item_type}[]"
        return {
            "string": "string",
            "integer": "number",
            "number": "number",
            "boolean": "boolean",
            "null": "null",
        }.get(kind, "unknown")

    def _member(self, schema, indent):
        member = self.type(schema, indent)
        return f"({member})" if " => " in member else member

    def object(self, schema, indent=""):
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        extra = schema.get("additionalProperties")
        if not properties:
            if isinstance(extra, dict) and extra:
                return f"Record<string, {self.type(extra, indent)}>"
            return "Record<string, unknown>"
        inner = indent + INDENT
        lines = ["{"]
        for name, child in properties.items():
            comment = _comment(child, inner) if isinstance(child, dict) else ""
            optional = "" if name in required else "?"
            lines.append(f"{comment}{inner}{_key(name)}{optional}: {self.type(child, inner)};")
        if isinstance(extra, dict) and extra:
            lines.append(f"{inner}[key: string]: {self.type(extra, inner)};")
        lines.append(f"{indent}}}")
        return "\n".join(lines)

    # -- declarations --------------------------------------------------------------------------

    def declaration(self, name, schema):
        """``export interface`` for an object, ``export type`` for anything else."""
        ts_name = self.names.get(name, type_name(name))
        comment = _comment(schema)
        kind = schema.get("type")
        if (
            kind == "array"
            and _is_tagged_union(schema.get("items", {}))
            and f"{ts_name}Child" not in self.names.values()
        ):
            child = f"{ts_name}Child"
            members = [self.type(option, INDENT) for option in schema["items"]["oneOf"]]
            union = "".join(f"\n{INDENT}| {member}" for member in members)
            return (
                f"/** One child of {ts_name}: narrow on `type`. */\n"
                f"export type {child} ={union};\n\n"
                f"{comment}export type {ts_name} = {child}[];\n"
            )
        if (kind == "object" or (kind is None and "properties" in schema)) and schema.get(
            "properties"
        ):
            return f"{comment}export interface {ts_name} {self.object(schema)}\n"
        return f"{comment}export type {ts_name} = {self.type(schema)};\n"

    def module(self, roots=(), header=""):
        """Every definition, then ``roots`` (``[(name, schema)]``), as one .d.ts text."""
        parts = [header] if header else []
        for name in sorted(self.definitions):
            parts.append(self.declaration(name, self.definitions[name]))
        for name, schema in roots:
            parts.append(self.declaration(name, schema))
        return "\n".join(parts)


def generate(definitions, roots=(), header=""):
    """TypeScript declarations of ``definitions`` (``{name: schema}``) and ``roots``."""
    generator = TypeScriptGenerator(definitions)
    for name, _schema in roots:
        generator.names.setdefault(name, type_name(name))
    return generator.module(roots, header)


def endpoint_type_name(endpoint):
    """A response type's name: ``recommendations.detail`` -> ``RecommendationsDetailResponse``."""
    words = re.split(r"[^A-Za-z0-9]+", endpoint)
    return type_name("".join(word[:1].upper() + word[1:] for word in words) + "Response")


def schema_set_typescript(schema_set, header=""):
    """The declarations of a ``schema.SchemaSet``: its definitions, each page type, each other
    endpoint's response (``RecommendationsDetailResponse``, ...), and ``ComenshaPage`` (a union of the page types) with ``ComenshaPageTypes`` (by ``meta.type``).
    """
    pages = sorted(schema_set.pages.items())
    taken = set(schema_set.builder.defs)
    roots, names = [], {}
    for label, schema in pages:
        name = type_name(label)
        if name in taken:
            name = type_name(label.replace(".", "_"))
        taken.add(name)
        names[label] = name
        roots.append((name, schema))
    for endpoint, schema in sorted(getattr(schema_set, "endpoints", {}).items()):
        name = endpoint_type_name(endpoint)
        taken.add(name)
        roots.append((name, schema))
    text = generate(schema_set.builder.defs, roots, header)
    if pages:
        members = "".join(f"\n{INDENT}| {names[label]}" for label, _schema in pages)
        entries = "".join(f"{INDENT}{json.dumps(label)}: {names[label]};\n" for label, _ in pages)
        text += (
            "\n/** Any page type of the package, told apart by `meta.type`. */\n"
            f"export type ComenshaPage ={members};\n"
            "\n/** Page types by their `meta.type`. */\n"
            f"export interface ComenshaPageTypes {{\n{entries}}}\n"
        )
    return text
