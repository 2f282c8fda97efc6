"""Reader safety: quick exit, reader-safety settings, the browse-safely page and search visibility."""
