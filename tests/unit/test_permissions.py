"""The permission table, enforced in the services: every guarded service, every role, allowed and refused."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import Platform, Role
from sellerdesk.domain.errors import PermissionDenied
from sellerdesk.domain.permissions import PERMISSIONS, Action, Actor, can, mask_name, mask_phone
from sellerdesk.models import Order, Product, Review, Shop, Sku, StaffUser
from sellerdesk.services import audit, browse, imports, orders, products, recycle, reports, shipping, shops, staff
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.orders import OrderFilter, OrderSort

NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)
ROLES = [r for r in Role]


def actor_of(role: Role) -> Actor:
    return Actor(staff_id=None, role=role, login=role.value)


@pytest.fixture
def shop_data(session: Session) -> dict[str, int]:
    shop = Shop(platform="taobao", name="旗舰店")
    product = Product(title="纯棉T恤")
    session.add_all([shop, product])
    session.flush()
    sku = Sku(product_id=product.id, seller_code="TS-1", price_cents=9900, cost_cents=4000)
    order = Order(
        shop_id=shop.id, platform="taobao", platform_order_id="T1", status="paid", paid_at=NOW, paid_cents=9900,
        receiver_name="张小明", receiver_phone="13812345678", receiver_address="北京市朝阳区建国路1号",
    )  # fmt: skip
    session.add_all([sku, order])
    session.flush()
    return {"product": product.id, "order": order.id, "shop": shop.id}


# Each guarded service: the action it needs, and a call that succeeds (or fails for another reason) when allowed.
GUARDED: dict[str, tuple[Action, Callable[[Session, Actor, dict[str, int], Path], Any]]] = {
    "products.save_product": (
        Action.EDIT_PRODUCTS,
        lambda s, a, d, _p: products.save_product(
            s, products.ProductData(title="新品", skus=(products.SkuData("N-1"),)), actor=a
        ),
    ),
    "products.sku_margins": (Action.VIEW_COSTS, lambda s, a, d, _p: products.sku_margins(s, actor=a)),
    "products.below_cost": (Action.VIEW_COSTS, lambda s, a, d, _p: products.below_cost(s, actor=a)),
    "products.sku_page sorted by cost": (
        Action.VIEW_COSTS,
        lambda s, a, d, _p: products.sku_page(s, PageRequest("cost"), actor=a),
    ),
    "products.export_purchase_list": (
        Action.VIEW_COSTS,
        lambda s, a, d, p: products.export_purchase_list(s, p / "buy.xlsx", actor=a, as_of=NOW),
    ),
    "products.set_banned_words": (
        Action.EDIT_PRODUCTS,
        lambda s, a, d, _p: products.set_banned_words(
            s, ["最"], expected_version=products.banned_words_version(s), actor=a
        ),
    ),
    "products.delete_product": (
        Action.DELETE_PRODUCTS,
        lambda s, a, d, _p: products.delete_product(s, d["product"], 1, actor=a),
    ),
    "shipping.mark_shipped": (
        Action.SHIP_ORDERS,
        lambda s, a, d, _p: shipping.mark_shipped(
            s, [shipping.ShipEntry(d["order"], "顺丰速运", "SF1234567890", 1)], NOW, actor=a
        ),
    ),
    "shops.save_shop": (
        Action.MANAGE_SHOPS,
        lambda s, a, _d, _p: shops.save_shop(s, shops.ShopEdit(Platform.JD, "京东自营店"), actor=a),
    ),
    "orders.set_ship_deadlines": (
        Action.SHIP_ORDERS,
        lambda s, a, d, _p: orders.set_ship_deadlines(s, {"taobao": 24}, 0, actor=a),
    ),
    "imports.import_paths": (Action.IMPORT_ORDERS, lambda s, a, d, p: imports.import_paths(s, [], actor=a)),
    "imports.undo_batch": (Action.IMPORT_ORDERS, lambda s, a, d, _p: imports.undo_batch(s, 0, actor=a)),
    "reports.monthly_figures": (Action.VIEW_REPORTS, lambda s, a, d, _p: reports.monthly_figures(s, 2026, 8, actor=a)),
    "staff.list_staff": (Action.MANAGE_STAFF, lambda s, a, d, _p: staff.list_staff(s, a)),
    "staff.add_staff": (
        Action.MANAGE_STAFF,
        lambda s, a, d, _p: staff.add_staff(s, a, "boss", "老板", Role.OWNER, "owner pw 1"),
    ),
    "audit.audit_rows": (Action.VIEW_AUDIT, lambda s, a, d, _p: audit.audit_rows(s, a, audit.AuditFilter())),
    "recycle.recycle_bin": (Action.RESTORE_DELETED, lambda s, a, d, _p: recycle.recycle_bin(s, a)),
    "recycle.restore_record": (
        Action.RESTORE_DELETED,
        lambda s, a, d, _p: recycle.restore_record(s, a, "products", d["product"]),
    ),
}


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
@pytest.mark.parametrize("service", sorted(GUARDED))
def test_guarded_service_allows_and_refuses_by_role(
    session: Session, shop_data: dict[str, int], tmp_path: Path, service: str, role: Role
) -> None:
    action, call = GUARDED[service]
    actor = actor_of(role)
    if can(actor, action):
        try:
            call(session, actor, shop_data, tmp_path)
        except PermissionDenied:  # pragma: no cover - the failure message says which
            pytest.fail(f"{role} was refused {service}")
        except Exception:
            pass
    else:
        with pytest.raises(PermissionDenied) as caught:
            call(session, actor, shop_data, tmp_path)
        assert caught.value.code == "permission" and caught.value.params["action"] == action.value


def test_the_table_says_what_the_issue_asks() -> None:
    service, manager = PERMISSIONS[Role.SERVICE], PERMISSIONS[Role.MANAGER]
    assert not {Action.VIEW_COSTS, Action.VIEW_OTHERS_REVIEWS, Action.VIEW_BUYER_CONTACT} & service
    assert {Action.EDIT_REVIEWS, Action.EDIT_KPI_TEMPLATES} <= manager
    only_owner = {Action.MANAGE_STAFF, Action.MANAGE_BACKUPS, Action.MANAGE_DATABASE, Action.VIEW_AUDIT}
    for role in Role:
        assert (only_owner <= PERMISSIONS[role]) == (role == Role.OWNER)
        for action in (Action.EDIT_REVIEWS, Action.EDIT_KPI_TEMPLATES):
            assert (action in PERMISSIONS[role]) == (role in (Role.OWNER, Role.MANAGER))
        shipping = Action.SHIP_ORDERS in PERMISSIONS[role]
        assert (Action.VIEW_BUYER_CONTACT in PERMISSIONS[role]) == shipping  # contact only for roles that ship


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_costs_are_hidden_from_roles_without_them(session: Session, shop_data: dict[str, int], role: Role) -> None:
    actor = actor_of(role)
    (row,) = products.sku_page(session, PageRequest("seller_code"), actor=actor)
    (line,) = browse.product_page(session, PageRequest("seller_code"), actor=actor)
    detail = products.get_product(session, shop_data["product"], actor=actor)
    expected = 4000 if can(actor, Action.VIEW_COSTS) else None
    assert row.cost_cents == line.cost_cents == detail.skus[0].cost_cents == expected


def test_a_save_without_costs_keeps_the_stored_cost(session: Session, shop_data: dict[str, int]) -> None:
    editor = Actor(staff_id=None, role=Role.PRODUCT)
    blind = Actor(staff_id=None, role=Role.SERVICE)
    data = products.get_product(session, shop_data["product"], actor=blind)
    sku = data.skus[0]
    changed = products.ProductData(title="纯棉T恤 新款", skus=(sku,), id=data.id, version=data.version)
    products.save_product(session, changed, actor=editor)  # cost None: left as stored
    assert products.get_product(session, shop_data["product"], actor=editor).skus[0].cost_cents == 4000


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_receiver_contact_only_for_roles_that_ship(session: Session, shop_data: dict[str, int], role: Role) -> None:
    actor = actor_of(role)
    detail = orders.order_detail(session, shop_data["order"], NOW, actor=actor)
    (row,) = orders.orders_by_ids(session, [shop_data["order"]], NOW, actor=actor)
    (exported,) = orders.iter_view(session, OrderFilter(), OrderSort(), NOW, actor=actor)
    if can(actor, Action.VIEW_BUYER_CONTACT):
        assert (detail.receiver_phone, detail.receiver_address) == ("13812345678", "北京市朝阳区建国路1号")
        assert row.receiver_name == exported.receiver_name == "张小明"
        assert row.receiver_phone == exported.receiver_phone == "13812345678"
    else:
        assert (detail.receiver_phone, detail.receiver_address) == ("*******5678", "")
        assert row.receiver_name == exported.receiver_name == detail.row.receiver_name == "张**"
        assert row.receiver_phone == exported.receiver_phone == "*******5678"  # the export view too


def test_masks() -> None:
    assert (mask_name("张小明"), mask_name("李"), mask_name("")) == ("张**", "李", "")
    assert (mask_phone("13812345678"), mask_phone("123")) == ("*******5678", "***")


def test_service_staff_see_only_their_own_reviews(session: Session) -> None:
    fang = StaffUser(login="fang", name="王芳", role=Role.SERVICE)
    lei = StaffUser(login="lei", name="小雷", role=Role.SERVICE)
    session.add_all([fang, lei])
    session.flush()
    session.add_all([Review(staff_id=fang.id, month="2026-07"), Review(staff_id=lei.id, month="2026-07")])
    session.flush()
    request = PageRequest("staff")
    me = Actor(staff_id=fang.id, role=Role.SERVICE, name="王芳")
    assert [r.staff for r in browse.review_page(session, request, actor=me)] == ["王芳"]
    assert browse.count_reviews(session, actor=me) == 1
    assert browse.count_reviews(session, actor=Actor(staff_id=None, role=Role.SERVICE)) == 0
    manager = Actor(staff_id=None, role=Role.MANAGER)
    assert [r.staff for r in browse.review_page(session, request, actor=manager)] == ["小雷", "王芳"]


@pytest.mark.parametrize("role", list(Role))
def test_stock_edits_are_refused_in_the_service_for_roles_without_stock_rights(session: Session, role: Role) -> None:
    """The Products tab hides receipts and corrections from these roles; the stock service refuses them anyway."""
    from sellerdesk.db.tracking import act_as
    from sellerdesk.models import Product, Sku
    from sellerdesk.services import stock

    product = Product(title="眼罩")
    session.add(product)
    session.flush()
    sku = Sku(product_id=product.id, seller_code="LJ-1", price_cents=100)
    session.add(sku)
    session.flush()
    sku_id = sku.id
    act_as(session, Actor(staff_id=None, role=role))
    if can(Actor(staff_id=None, role=role), Action.EDIT_STOCK):
        stock.receive_stock(session, sku_id, 5, staff_id=None, reason="到货")
    else:
        with pytest.raises(PermissionDenied):
            stock.receive_stock(session, sku_id, 5, staff_id=None, reason="到货")


@pytest.mark.parametrize("role", ROLES, ids=[r.value for r in ROLES])
def test_a_tickets_returned_parcel_is_received_by_whoever_handles_after_sale(session: Session, role: Role) -> None:
    """Receiving a ticket's return is ticket work (customer service does it); receipts and corrections are not."""
    from sellerdesk.db.tracking import act_as
    from sellerdesk.models import Order, OrderItem, Product, Shop, Sku, Ticket
    from sellerdesk.services import stock
    from sellerdesk.services import tickets as svc

    shop = Shop(platform="taobao", name="店")
    product = Product(title="眼罩")
    session.add_all([shop, product])
    session.flush()
    sku = Sku(product_id=product.id, seller_code="LJ-1", price_cents=100)
    order = Order(shop_id=shop.id, platform="taobao", platform_order_id="T1", status="shipped", paid_cents=100)
    session.add_all([sku, order])
    session.flush()
    item = OrderItem(order_id=order.id, sub_order_id="a", seller_code="LJ-1", title="眼罩", qty=1, sku_id=sku.id)
    session.add(item)
    session.flush()
    new = svc.create_ticket(session, svc.TicketDraft("退货", category="return_refund", order_id=order.id))
    ticket = session.get(Ticket, new.id)
    assert ticket is not None
    svc.update_ticket(
        session,
        ticket.id,
        svc.TicketEdit("退货", "return_refund", "normal", "", "", "", aftersale_type="return_refund"),
        expected_version=1,
    )
    session.refresh(ticket)
    act_as(session, Actor(staff_id=None, role=role))
    assert can(Actor(staff_id=None, role=Role.SERVICE), Action.AFTER_SALE_STOCK)
    if can(Actor(staff_id=None, role=role), Action.AFTER_SALE_STOCK):
        svc.receive_return(session, ticket.id, item.id, 1, expected_version=ticket.version)
        assert stock.sku_balance(session, sku.id, stock.ensure_warehouses(session)[stock.RETURNS]).on_hand == 1
    else:
        with pytest.raises(PermissionDenied):
            svc.receive_return(session, ticket.id, item.id, 1, expected_version=ticket.version)
    stock_work = can(Actor(staff_id=None, role=role), Action.EDIT_STOCK)
    with nullcontext() if stock_work else pytest.raises(PermissionDenied):  # a walk-in return: stock work
        stock.return_stock(session, sku.id, 1, staff_id=None, reason="退回")
