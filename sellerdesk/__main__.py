"""``python -m sellerdesk`` runs the command line (the GUI by default)."""

# Guarded: a process started with "spawn" may import this module again, and must not run the program.
if __name__ == "__main__":
    from sellerdesk.platforms.worker import frozen_support

    frozen_support()
    from sellerdesk.cli import main

    raise SystemExit(main())
