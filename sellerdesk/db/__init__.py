"""Engine and sessions, migrations, backups."""
