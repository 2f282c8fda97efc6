"""Settings, checks, the base page, locale resolution, text statistics and publishing rules."""
