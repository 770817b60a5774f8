"""The home dashboard and the five list tabs."""
