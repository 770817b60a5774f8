"""Words for staff, roles and audited record kinds, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.domain.enums import Role
from sellerdesk.ui import labels

KIND_NAMES = {
    "database": QT_TRANSLATE_NOOP("StaffTexts", "Database"),
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

FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("StaffTexts", "Title"),
    "category": QT_TRANSLATE_NOOP("StaffTexts", "Category"),
    "brand": QT_TRANSLATE_NOOP("StaffTexts", "Brand"),
    "role": QT_TRANSLATE_NOOP("StaffTexts", "Role"),
    "lifecycle": QT_TRANSLATE_NOOP("StaffTexts", "Lifecycle stage"),
    "shelf_status": QT_TRANSLATE_NOOP("StaffTexts", "Shelf status"),
    "notes": QT_TRANSLATE_NOOP("StaffTexts", "Notes"),
    "seller_code": QT_TRANSLATE_NOOP("StaffTexts", "Seller code"),
    "spec": QT_TRANSLATE_NOOP("StaffTexts", "Variant"),
    "barcode": QT_TRANSLATE_NOOP("StaffTexts", "Barcode"),
    "cost_cents": QT_TRANSLATE_NOOP("StaffTexts", "Cost"),
    "price_cents": QT_TRANSLATE_NOOP("StaffTexts", "Price"),
    "weight_g": QT_TRANSLATE_NOOP("StaffTexts", "Weight (g)"),
    "supplier": QT_TRANSLATE_NOOP("StaffTexts", "Supplier"),
    "lead_time_days": QT_TRANSLATE_NOOP("StaffTexts", "Lead time (days)"),
    "min_order_qty": QT_TRANSLATE_NOOP("StaffTexts", "Minimum order qty"),
    "safety_stock": QT_TRANSLATE_NOOP("StaffTexts", "Safety stock"),
    "reorder_point": QT_TRANSLATE_NOOP("StaffTexts", "Reorder point"),
    "negative_stock_policy": QT_TRANSLATE_NOOP("StaffTexts", "Negative stock"),
    "active": QT_TRANSLATE_NOOP("StaffTexts", "Active"),
    "login": QT_TRANSLATE_NOOP("StaffTexts", "Login"),
    "name": QT_TRANSLATE_NOOP("StaffTexts", "Name"),
    "password_hash": QT_TRANSLATE_NOOP("StaffTexts", "Password"),
    "status": QT_TRANSLATE_NOOP("StaffTexts", "Status"),
    "carrier": QT_TRANSLATE_NOOP("StaffTexts", "Carrier"),
    "tracking_no": QT_TRANSLATE_NOOP("StaffTexts", "Tracking number"),
    "shipped_at": QT_TRANSLATE_NOOP("StaffTexts", "Shipped at"),
    "value": QT_TRANSLATE_NOOP("StaffTexts", "Value"),
    "key": QT_TRANSLATE_NOOP("StaffTexts", "Setting"),
    "kind": QT_TRANSLATE_NOOP("StaffTexts", "Kind"),
    "on_hand_delta": QT_TRANSLATE_NOOP("StaffTexts", "On hand change"),
    "reserved_delta": QT_TRANSLATE_NOOP("StaffTexts", "Reserved change"),
    "reason": QT_TRANSLATE_NOOP("StaffTexts", "Reason"),
    "ref": QT_TRANSLATE_NOOP("StaffTexts", "Reference"),
    "fee_rate_bp": QT_TRANSLATE_NOOP("StaffTexts", "Platform fee"),
    "ship_deadline_hours": QT_TRANSLATE_NOOP("StaffTexts", "Shipping deadline (hours)"),
    "seller_memo": QT_TRANSLATE_NOOP("StaffTexts", "Seller memo"),
    # a performance review (the review editor's conflicts)
    "manager_comment": QT_TRANSLATE_NOOP("StaffTexts", "Manager's comment"),
    "self_comment": QT_TRANSLATE_NOOP("StaffTexts", "Self-review"),
    "actual": QT_TRANSLATE_NOOP("StaffTexts", "Actual"),
    "manual_score": QT_TRANSLATE_NOOP("StaffTexts", "Score"),
    "note": QT_TRANSLATE_NOOP("StaffTexts", "Remark"),
    "items": QT_TRANSLATE_NOOP("StaffTexts", "Items"),
}

MOVEMENT_KINDS = {
    "receipt": QT_TRANSLATE_NOOP("StaffTexts", "Receipt"),
    "correction": QT_TRANSLATE_NOOP("StaffTexts", "Correction"),
    "stocktake": QT_TRANSLATE_NOOP("StaffTexts", "Stocktake"),
    "transfer_out": QT_TRANSLATE_NOOP("StaffTexts", "Transfer out"),
    "transfer_in": QT_TRANSLATE_NOOP("StaffTexts", "Transfer in"),
    "return": QT_TRANSLATE_NOOP("StaffTexts", "Return"),
    "sale_reserve": QT_TRANSLATE_NOOP("StaffTexts", "Reserved for a sale"),
    "sale_release": QT_TRANSLATE_NOOP("StaffTexts", "Reservation released"),
    "sale_out": QT_TRANSLATE_NOOP("StaffTexts", "Shipped out"),
}

_YES_NO = (QT_TRANSLATE_NOOP("StaffTexts", "Yes"), QT_TRANSLATE_NOOP("StaffTexts", "No"))  # for lupdate

AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("StaffTexts", "Created"),
    "update": QT_TRANSLATE_NOOP("StaffTexts", "Changed"),
    "delete": QT_TRANSLATE_NOOP("StaffTexts", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("StaffTexts", "Restored"),
    "demo.generate": QT_TRANSLATE_NOOP("StaffTexts", "Demo data created"),
}


def _tr(table: dict[str, object] | dict[Role, object], key: str) -> str:
    source = table.get(key)  # type: ignore[call-overload]
    return QCoreApplication.translate("StaffTexts", str(source)) if source is not None else key


def role_name(role: str) -> str:
    return labels.staff_role(role)  # the one label table (domain.labels), shared with the workbook


def kind_name(kind: str) -> str:
    return _tr(KIND_NAMES, kind)


def audit_action(action: str) -> str:
    return _tr(AUDIT_ACTIONS, action)


def field_name(name: str) -> str:
    return _tr(FIELD_NAMES, name)


def field_value(name: str, value: object, entity: str = "products") -> str:
    """A stored value as people read it: money in yuan, yes/no, codes by their names, "—" for nothing."""
    from sellerdesk.ui import formatting as fmt
    from sellerdesk.ui.dialogs import product_editor as pe  # here: that module imports this one

    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("StaffTexts", "Yes" if value else "No")
    if name.endswith("_cents") and isinstance(value, int):
        return fmt.money(value)
    if isinstance(value, str):
        if name == "role" and entity in ("staff_users", "kpi_templates"):
            return role_name(value)
        tables = {"role": pe.ROLES, "lifecycle": pe.LIFECYCLES, "shelf_status": pe.SHELF_STATUSES}
        tables["negative_stock_policy"] = pe.POLICIES
        if name in tables:
            return pe.label(tables[name], value)
        if name == "status" and entity == "orders":
            return labels.order_status(value)
        if name == "kind" and entity == "stock_movements":
            return _tr(MOVEMENT_KINDS, value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def describe_changes(action: str, changes: tuple[tuple[str, object, object], ...], entity: str = "") -> str:
    """An audit entry's changes: "Title: old → new; …" (a new record: its filled-in fields only)."""
    parts = []
    for name, old, new in changes:
        if name == "deleted_at" and action in ("delete", "restore"):
            continue  # the action says it already
        if action == "create":
            if new not in (None, "", 0, False) and not name.endswith("_id"):
                parts.append(f"{field_name(name)}: {field_value(name, new, entity)}")
        elif action in ("update", "restore"):
            before, after = field_value(name, old, entity), field_value(name, new, entity)
            parts.append(f"{field_name(name)}: {before} → {after}")
    return "; ".join(parts)


def nobody() -> str:
    """Who changed something when no account was signed in (sign-in off, the command line)."""
    return QCoreApplication.translate("StaffTexts", "(owner, not signed in)")
