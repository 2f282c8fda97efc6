"""Translatable terms shared by every capability: forms of exploitation, roles, organisations, helplines, Kader themes."""
