"""Fixtures of the taxonomy tests: none of their own (``locales`` is in tests/conftest.py)."""
