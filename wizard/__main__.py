from wizard.cli.app import main

main()
