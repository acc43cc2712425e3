"""The single-file build's entry point: the same command as the installed ``report-wizard``."""

from wizard.cli.app import main

if __name__ == "__main__":
    main()
