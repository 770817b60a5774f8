"""SQLAlchemy typed tables, one module per aggregate. Importing this package registers them all."""

from sellerdesk.models.audit import AuditEntry, ChangeCounter
from sellerdesk.models.base import Base
from sellerdesk.models.catalog import Listing, Product, Sku
from sellerdesk.models.imports import ColumnMapping, ImportBatch, ImportChange
from sellerdesk.models.order import Buyer, Order, OrderItem, Refund
from sellerdesk.models.rollup import DailySales
from sellerdesk.models.service import BusinessDayOverride, CannedReply, SlaPolicy, Ticket, TicketEvent
from sellerdesk.models.settings import AppSetting
from sellerdesk.models.shop import Shop, StaffUser
from sellerdesk.models.stock import StockMovement, Warehouse
from sellerdesk.models.team import (
    KpiTemplate,
    Promotion,
    PromotionSku,
    Review,
    ReviewLine,
    ReviewPlanItem,
    Task,
    TaskAttachment,
    TaskChecklistItem,
    TaskComment,
    TaskLink,
    TaskSeries,
)

__all__ = [
    "AppSetting",
    "AuditEntry",
    "Base",
    "BusinessDayOverride",
    "Buyer",
    "CannedReply",
    "ChangeCounter",
    "ColumnMapping",
    "DailySales",
    "ImportBatch",
    "ImportChange",
    "KpiTemplate",
    "Listing",
    "Order",
    "OrderItem",
    "Product",
    "Promotion",
    "PromotionSku",
    "Refund",
    "Review",
    "ReviewLine",
    "ReviewPlanItem",
    "Shop",
    "Sku",
    "SlaPolicy",
    "StaffUser",
    "StockMovement",
    "Task",
    "TaskAttachment",
    "TaskChecklistItem",
    "TaskComment",
    "TaskLink",
    "TaskSeries",
    "Ticket",
    "TicketEvent",
    "Warehouse",
]
