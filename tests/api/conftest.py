"""Fixtures of the API tests: none shared by several modules yet (each module keeps its own;
the demo and ``superuser`` are in tests/conftest.py)."""
