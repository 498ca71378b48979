"""Reading: bytes to data with file, line and column (YAML, the loader, git blobs, CSV)."""
