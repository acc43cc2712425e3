"""The commands (typer); ``support`` is the one place errors become messages and exit codes."""
