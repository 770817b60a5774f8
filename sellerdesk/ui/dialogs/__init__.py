"""Dialogs. Each offers a classmethod ``ask()`` that tests can monkeypatch."""
