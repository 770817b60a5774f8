"""The desktop app (PySide6). Only this package (and ``sellerdesk.app``) imports Qt."""
