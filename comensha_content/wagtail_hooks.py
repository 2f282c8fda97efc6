"""Admin integration: snippet viewsets and editor features register here as capabilities land."""
