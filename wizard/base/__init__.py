"""The lowest floor: errors, files a user names, text cleaning, the safe expression form, TOML error positions, unit names."""
