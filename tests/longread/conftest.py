"""Fixtures of the longread tests: none of their own (``index``, ``photo`` and
``demo_admin_client`` are shared with tests/robustness, in tests/conftest.py)."""
