"""Models of comensha_content, one module per capability; public names re-exported here."""
