"""Enumerations shared by every layer. Values are stored in the database as their strings."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    TAOBAO = "taobao"  # Tmall included
    JD = "jd"
    PDD = "pdd"
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    XIAOHONGSHU = "xiaohongshu"
    OTHER = "other"


class OrderStatus(StrEnum):
    """The generic trade status (platform-formats.md §0.1, §9)."""

    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"  # paid, waiting to be shipped
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CLOSED = "closed"  # cancelled / closed without money moving
    REFUNDING = "refunding"
    REFUNDED = "refunded"


class RefundState(StrEnum):
    """The refund overlay, kept apart from the trade status."""

    NONE = "none"
    REFUNDING = "refunding"
    REFUNDED = "refunded"
    REJECTED = "refund_rejected"
    CLOSED = "refund_closed"


class Role(StrEnum):
    """A staff member's role; what each may do is the table in ``domain.permissions``."""

    OWNER = "owner"  # 店主: everything, alone manages staff, backups and database settings
    MANAGER = "manager"  # 运营经理: the shop's work, reviews and KPI templates
    OPERATIONS = "operations"  # 运营/仓储: imports, shipping, stock
    PRODUCT = "product"  # 商品专员
    MARKETING = "marketing"  # 营销专员
    SERVICE = "service"  # 客服专员
    # The names before migration 0007 (values migrated there), kept as aliases for older callers.
    OPERATIONS_MANAGER = "manager"
    PRODUCT_SPECIALIST = "product"
    MARKETING_SPECIALIST = "marketing"
    SERVICE_SPECIALIST = "service"


class ProductRole(StrEnum):
    TRAFFIC = "traffic"  # 引流款
    PROFIT = "profit"  # 利润款
    HERO = "hero"  # 爆款
    IMAGE = "image"  # 形象款


class Lifecycle(StrEnum):
    INTRO = "intro"
    GROWTH = "growth"
    MATURE = "mature"
    DECLINE = "decline"


class ShelfStatus(StrEnum):
    ON_SHELF = "on_shelf"
    OFF_SHELF = "off_shelf"
    DRAFT = "draft"


class NegativeStockPolicy(StrEnum):
    WARN = "warn"
    BLOCK = "block"


class MovementKind(StrEnum):
    """Kinds of stock ledger movements."""

    RECEIPT = "receipt"
    SALE_RESERVE = "sale_reserve"  # paid, not shipped: reserved
    SALE_RELEASE = "sale_release"  # reservation released (cancelled / refunded before shipping)
    SALE_OUT = "sale_out"  # shipped: leaves stock
    RETURN = "return"
    STOCKTAKE = "stocktake"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    CORRECTION = "correction"


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"  # waiting for the buyer
    RESOLVED = "resolved"
    CLOSED = "closed"


class TicketCategory(StrEnum):
    PRE_SALE = "pre_sale"
    LOGISTICS = "logistics"
    RETURN_REFUND = "return_refund"
    RESEND_EXCHANGE = "resend_exchange"
    QUALITY = "quality"
    BAD_REVIEW = "bad_review"
    OTHER = "other"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TicketEventKind(StrEnum):
    NOTE = "note"
    REPLY = "reply"
    STATUS = "status"
    ASSIGN = "assign"
    EDIT = "edit"  # fields changed (category, priority, tags, after-sale case, ...)
    MERGE = "merge"
    RESTOCK = "restock"  # a returned parcel received into the returns warehouse
    RESHIP = "reship"  # the follow-up shipment of a resend or exchange
    SHIP_OUT = "ship_out"  # the units that follow-up shipment took out of the main warehouse


class TaskStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class ReviewStatus(StrEnum):
    """The monthly cycle (domain/reviews.py): before migration 0011, submitted and final."""

    DRAFT = "draft"  # made for the month; actuals fill themselves
    SELF_REVIEW = "self_review"  # the person writes their own comment
    MANAGER_REVIEW = "manager_review"  # the reviewer scores and comments, then submits (actuals freeze)
    ACKNOWLEDGED = "acknowledged"  # the person has read the submitted review


class ImportBatchStatus(StrEnum):
    DONE = "done"
    UNDONE = "undone"
