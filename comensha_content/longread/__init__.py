"""Longread stories: experience stories of victims and professionals, and their index."""
