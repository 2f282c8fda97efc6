"""A page built only from Wagtail's core blocks: what the benchmarks compare our pages with.

Installed by ``benchmarks.settings`` only, without migrations (its table is made by
``migrate --run-syncdb`` in a throwaway database), so the package ships no model of it.
"""
