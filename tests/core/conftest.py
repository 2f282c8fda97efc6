"""Fixtures of the core tests: none of their own (the demo, ``kompas`` and ``superuser_client``
are in tests/conftest.py)."""
