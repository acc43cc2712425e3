"""The answers file: its bytes on disk and the typed document that owns its tables."""
