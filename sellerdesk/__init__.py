"""SellerDesk: the back office of a small multi-platform online shop."""

__version__ = "0.1.0"
APP_NAME = "SellerDesk"
ORG_NAME = "SellerDesk"
