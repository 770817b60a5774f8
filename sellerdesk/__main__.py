"""``python -m sellerdesk`` runs the command line (the GUI by default)."""

from sellerdesk.cli import main

raise SystemExit(main())
