"""Fixtures of the reader-safety tests: none shared by several modules (see test_safety.py)."""
