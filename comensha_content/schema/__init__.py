"""JSON Schema and TypeScript engine for the API contract; imports nothing of the capabilities."""
