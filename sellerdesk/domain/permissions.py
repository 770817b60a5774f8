"""Who may do what: one table from role to allowed actions, and one check, ``require``.

Services that read or change guarded data take the acting staff member (an ``Actor``) and call
``require`` (or ``can`` to mask a field) before touching it; the UI asks ``can`` only to hide what a
role cannot use. A check in the UI alone is no check.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sellerdesk.domain.enums import Role
from sellerdesk.domain.errors import PermissionDenied


class Action(StrEnum):
    VIEW_COSTS = "view_costs"  # cost prices, margins and the figures built on them
    EDIT_PRODUCTS = "edit_products"  # catalog, prices, title words, catalog import
    DELETE_PRODUCTS = "delete_products"  # to the recycle bin
    EDIT_STOCK = "edit_stock"  # receipts, corrections, transfers, stocktakes
    AFTER_SALE_STOCK = "after_sale_stock"  # a ticket's returned parcel in, its follow-up shipment out
    VIEW_BUYER_CONTACT = "view_buyer_contact"  # receivers' phone and address
    IMPORT_ORDERS = "import_orders"  # platform exports in, and undoing an import
    SHIP_ORDERS = "ship_orders"  # tracking numbers, batch-ship files, shipping deadlines
    VIEW_REPORTS = "view_reports"  # monthly figures and workbook (they hold margins)
    EDIT_REVIEWS = "edit_reviews"
    VIEW_OTHERS_REVIEWS = "view_others_reviews"
    EDIT_KPI_TEMPLATES = "edit_kpi_templates"
    MANAGE_STAFF = "manage_staff"  # accounts, roles, passwords, sign-in and lock settings
    MANAGE_BACKUPS = "manage_backups"
    MANAGE_DATABASE = "manage_database"  # which database, shared settings of the whole shop
    MANAGE_SHOPS = "manage_shops"  # shops: names, fee rates, time zones, the default shop per platform
    VIEW_AUDIT = "view_audit"
    DELETE_WORK_ITEMS = "delete_work_items"  # tickets and tasks, to the recycle bin
    RESTORE_DELETED = "restore_deleted"  # the recycle bin


_MANAGER = frozenset(Action) - {
    Action.MANAGE_STAFF,
    Action.MANAGE_BACKUPS,
    Action.MANAGE_DATABASE,
    Action.VIEW_AUDIT,
    Action.RESTORE_DELETED,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OWNER: frozenset(Action),
    Role.MANAGER: _MANAGER,
    Role.OPERATIONS: frozenset(
        {
            Action.VIEW_COSTS,
            Action.EDIT_STOCK,
            Action.AFTER_SALE_STOCK,
            Action.VIEW_BUYER_CONTACT,
            Action.IMPORT_ORDERS,
            Action.SHIP_ORDERS,
            Action.VIEW_REPORTS,
        }
    ),
    Role.PRODUCT: frozenset(
        {Action.VIEW_COSTS, Action.EDIT_PRODUCTS, Action.DELETE_PRODUCTS, Action.EDIT_STOCK, Action.AFTER_SALE_STOCK}
    ),
    Role.MARKETING: frozenset({Action.VIEW_COSTS, Action.VIEW_REPORTS}),
    # Tickets (with their after-sale returns) and their own review; no costs, margins or receivers' contact.
    Role.SERVICE: frozenset({Action.AFTER_SALE_STOCK}),
}


@dataclass(frozen=True)
class Actor:
    """The staff member a service acts for; ``staff_id`` is None for the owner of a shop without accounts."""

    staff_id: int | None
    role: Role
    name: str = ""
    login: str = ""


# A shop that has switched sign-in off (or has no accounts yet), and the command line, act as the owner.
OWNER = Actor(staff_id=None, role=Role.OWNER)


def can(actor: Actor, action: Action) -> bool:
    return action in PERMISSIONS.get(Role(actor.role), frozenset())


def require(actor: Actor, action: Action) -> None:
    """Raise ``PermissionDenied`` unless ``actor``'s role allows ``action``."""
    if not can(actor, action):
        raise PermissionDenied(
            f"{actor.login or actor.role} may not {action.value}.", code="permission", action=action.value
        )


def mask_name(name: str) -> str:
    """A receiver's name as a role without contact rights sees it: the first character, then stars."""
    return name[:1] + "*" * min(len(name) - 1, 2) if name else ""


def mask_phone(phone: str) -> str:
    """The last four digits only (as the platforms show them to service staff)."""
    digits = phone.strip()
    return "*" * 7 + digits[-4:] if len(digits) > 4 else "*" * len(digits)
