"""Words for staff, roles and audited record kinds, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.enums import Role

ROLE_NAMES = {
    Role.OWNER: QT_TRANSLATE_NOOP("StaffTexts", "Owner"),
    Role.MANAGER: QT_TRANSLATE_NOOP("StaffTexts", "Operations manager"),
    Role.OPERATIONS: QT_TRANSLATE_NOOP("StaffTexts", "Operations / warehouse"),
    Role.PRODUCT: QT_TRANSLATE_NOOP("StaffTexts", "Product specialist"),
    Role.MARKETING: QT_TRANSLATE_NOOP("StaffTexts", "Marketing specialist"),
    Role.SERVICE: QT_TRANSLATE_NOOP("StaffTexts", "Customer service"),
}

KIND_NAMES = {
    "products": QT_TRANSLATE_NOOP("StaffTexts", "Product"),
    "skus": QT_TRANSLATE_NOOP("StaffTexts", "SKU"),
    "orders": QT_TRANSLATE_NOOP("StaffTexts", "Order"),
    "stock_movements": QT_TRANSLATE_NOOP("StaffTexts", "Stock movement"),
    "warehouses": QT_TRANSLATE_NOOP("StaffTexts", "Warehouse"),
    "staff_users": QT_TRANSLATE_NOOP("StaffTexts", "Staff account"),
    "app_settings": QT_TRANSLATE_NOOP("StaffTexts", "Setting"),
    "shops": QT_TRANSLATE_NOOP("StaffTexts", "Shop"),
    "tickets": QT_TRANSLATE_NOOP("StaffTexts", "Service ticket"),
    "tasks": QT_TRANSLATE_NOOP("StaffTexts", "Task"),
    "reviews": QT_TRANSLATE_NOOP("StaffTexts", "Performance review"),
    "kpi_templates": QT_TRANSLATE_NOOP("StaffTexts", "KPI template"),
}

AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("StaffTexts", "Created"),
    "update": QT_TRANSLATE_NOOP("StaffTexts", "Changed"),
    "delete": QT_TRANSLATE_NOOP("StaffTexts", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("StaffTexts", "Restored"),
}


def _tr(table: dict[str, object] | dict[Role, object], key: str) -> str:
    source = table.get(key)  # type: ignore[call-overload]
    return QCoreApplication.translate("StaffTexts", str(source)) if source is not None else key


def role_name(role: str) -> str:
    return _tr(ROLE_NAMES, role)


def kind_name(kind: str) -> str:
    return _tr(KIND_NAMES, kind)


def audit_action(action: str) -> str:
    return _tr(AUDIT_ACTIONS, action)


def nobody() -> str:
    """Who changed something when no account was signed in (sign-in off, the command line)."""
    return QCoreApplication.translate("StaffTexts", "(owner, not signed in)")
