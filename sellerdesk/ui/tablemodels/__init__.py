"""Qt item models (Qt "models" live here, never in ``sellerdesk.models``)."""
