"""The Orders tab's services: filters, sorts, paging, late-to-ship, detail, shipping, tickets, export rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import ConflictError, ValidationError
from sellerdesk.domain.permissions import OWNER
from sellerdesk.domain.timeutil import shop_time
from sellerdesk.models import AppSetting, Order, OrderItem, Shop, Ticket
from sellerdesk.models.imports import ImportBatch, ImportChange
from sellerdesk.services import orders as svc
from sellerdesk.services import shipping
from sellerdesk.services.orders import OrderFilter, OrderSort
from sellerdesk.services.search import rebuild_search
from sellerdesk.services.shipping import ShipEntry

NOW = datetime(2026, 8, 10, 12, 0, tzinfo=UTC)


def _shop(session: Session) -> tuple[Shop, Shop]:
    tb = Shop(platform="taobao", name="淘宝店")
    jd = Shop(platform="jd", name="京东店")
    session.add_all([tb, jd])
    session.flush()
    return tb, jd


def _fill(session: Session) -> list[Order]:
    tb, jd = _shop(session)
    session.add(AppSetting(key="late_ship_hours", value={"jd": 24}))
    orders = []
    for n in range(12):
        shop = tb if n % 2 == 0 else jd
        paid = NOW - timedelta(hours=10 * n)
        orders.append(
            Order(
                shop_id=shop.id,
                platform=shop.platform,
                platform_order_id=f"10000{n:02d}",
                status="paid" if n < 8 else "completed",
                refund_state="refunding" if n == 3 else "none",
                created_at=paid - timedelta(minutes=5),
                paid_at=paid,
                paid_cents=1000 * (n + 1),
                buyer_nick="小明" if n in (1, 5) else f"buyer{n}",
                tracking_no=f"SF{n:010d}",
            )
        )
    session.add_all(orders)
    session.flush()
    session.add_all(
        [
            OrderItem(order_id=orders[0].id, sub_order_id="a", seller_code="LJ-1", title="纯棉四件套", qty=1),
            OrderItem(order_id=orders[1].id, sub_order_id="b", seller_code="NOPE", title="枕套", qty=2),
        ]
    )
    session.flush()
    rebuild_search(session)
    return orders


def test_filters_each_narrow_the_list(session: Session) -> None:
    orders = _fill(session)
    assert svc.count_orders(session, OrderFilter(), NOW) == 12
    assert svc.count_orders(session, OrderFilter(platform="jd"), NOW) == 6
    assert svc.count_orders(session, OrderFilter(shop_id=orders[0].shop_id), NOW) == 6
    assert svc.count_orders(session, OrderFilter(status="completed"), NOW) == 4
    assert svc.count_orders(session, OrderFilter(refund_state="refunding"), NOW) == 1
    window = OrderFilter(date_field="paid", date_from=NOW - timedelta(hours=25), date_to=NOW + timedelta(hours=1))
    assert svc.count_orders(session, window, NOW) == 3
    assert svc.count_orders(session, OrderFilter(unlinked_only=True), NOW) == 2  # no SKU linked at all here
    assert svc.count_orders(session, OrderFilter(search="四件套"), NOW) == 1
    assert svc.count_orders(session, OrderFilter(search="1000011"), NOW) == 1


def test_late_to_ship_follows_each_platforms_deadline(session: Session) -> None:
    orders = _fill(session)
    # Paid orders n=0..7 are 0..70 h old; taobao (even n) 48 h → n=6; jd (odd n) 24 h → n=3, 5, 7.
    late = svc.order_ids(session, OrderFilter(late_only=True), OrderSort("paid_at", True), NOW)
    assert set(late) == {orders[n].id for n in (3, 5, 6, 7)}
    assert svc.late_to_ship_count(session, NOW) == 4
    rows = svc.orders_by_ids(session, [orders[6].id, orders[4].id], NOW, actor=OWNER)
    assert [r.late for r in rows] == [True, False]
    assert rows[1].ship_by == orders[4].paid_at + timedelta(hours=48)


@pytest.mark.parametrize("key", sorted(svc.sort_columns()))
def test_every_sort_pages_the_same_rows_by_position_and_by_id_list(session: Session, key: str) -> None:
    _fill(session)
    for descending in (False, True):
        sort = OrderSort(key, descending)
        ids = list(svc.order_ids(session, OrderFilter(), sort, NOW))
        assert len(ids) == 12
        by_offset = [r.id for off in (0, 5, 10) for r in _page(session, sort, off)]
        assert by_offset == ids  # the back half is walked in reverse from the end, same order


def _page(session: Session, sort: OrderSort, offset: int) -> tuple[svc.OrderListRow, ...]:
    return svc.order_page(session, OrderFilter(), sort, NOW, offset=offset, limit=5, total=12, actor=OWNER)


def test_detail_has_items_buyer_orders_tickets_batches_and_timeline(session: Session) -> None:
    orders = _fill(session)
    batch = ImportBatch(file_name="jd.xlsx", file_hash="x", platform="jd", file_kind="orders")
    session.add(batch)
    session.flush()
    session.add(ImportChange(batch_id=batch.id, table_name="orders", row_id=orders[0].id, action="created",
                             before={"to": orders[3].id}))  # fmt: skip
    session.flush()
    ticket = svc.create_ticket_for_order(session, orders[1].id, "催发货", "logistics")
    assert ticket.changes == Changes(tickets=True, orders=True)
    ticket_id = ticket.id
    detail = svc.order_detail(session, orders[1].id, NOW, actor=OWNER)
    assert [i.seller_code for i in detail.items] == ["NOPE"]
    assert detail.items[0].sku_id is None
    assert [o.id for o in detail.buyer_orders] == [orders[5].id]  # same nick on the same platform
    assert [t.id for t in detail.tickets] == [ticket_id]
    assert [b.file_name for b in detail.batches] == ["jd.xlsx"]
    kinds = [e.kind for e in detail.timeline]
    assert kinds[:2] == ["created", "paid"] and "ticket" in kinds
    ticket = session.get(Ticket, ticket_id)
    assert ticket is not None and ticket.shop_id == orders[1].shop_id and ticket.status == "new"


def test_mark_shipped_checks_versions_and_carriers(session: Session) -> None:
    orders = _fill(session)
    a, b, done = orders[0], orders[1], orders[9]
    with pytest.raises(ValidationError):
        shipping.mark_shipped(session, [ShipEntry(done.id, "顺丰", "SF1234567890", done.version)], NOW, actor=OWNER)
    with pytest.raises(ConflictError):
        shipping.mark_shipped(session, [ShipEntry(a.id, "顺丰", "SF1234567890", a.version + 5)], NOW, actor=OWNER)
    changes = shipping.mark_shipped(
        session,
        [ShipEntry(a.id, "顺丰", "SF1234567890", a.version), ShipEntry(b.id, "京东", "JD0000111122", b.version)],
        NOW,
        actor=OWNER,
    )
    assert changes.orders
    session.expire_all()
    shipped = session.scalars(select(Order).where(Order.id.in_([a.id, b.id])).order_by(Order.id)).all()
    assert [(o.status, o.carrier) for o in shipped] == [("shipped", "顺丰速运"), ("shipped", "京东物流")]
    assert all(o.shipped_at == NOW for o in shipped)


def test_pasted_tracking_lines_are_matched_and_checked(session: Session) -> None:
    orders = _fill(session)
    text = "1000000\t圆通\tYT1234567890\n1000001, 火星快递, X99999999\n9999999 顺丰 SF1\n1000009\t中通\tZT12345678\n"
    rows = shipping.parse_tracking_rows(session, shipping.split_pasted_text(text))
    assert [(r.order_id, r.problem) for r in rows] == [
        (orders[0].id, ""),
        (orders[1].id, "unknown_carrier"),
        (None, "not_found"),  # split on spaces too; no such order
        (orders[9].id, "not_shippable"),
    ]
    assert rows[0].carrier == "圆通速递"


def test_export_rows_walk_the_whole_view_in_order(session: Session) -> None:
    _fill(session)
    seen: list[tuple[int, int]] = []
    by_paid = OrderSort("paid_cents", True)
    rows = list(
        svc.iter_view(
            session, OrderFilter(), by_paid, NOW, progress=lambda d, t: seen.append((d, t)), chunk=5, actor=OWNER
        )
    )
    assert [r.paid_cents for r in rows] == sorted((r.paid_cents for r in rows), reverse=True)
    assert len(rows) == 12 and seen[-1] == (12, 12)


def test_late_to_ship_takes_a_shops_own_deadline_and_the_dashboard_counts_the_same(session: Session) -> None:
    from sellerdesk.services.dashboard import count_work_queues

    orders = _fill(session)
    slow = Shop(platform="pdd", name="拼多多店", ship_deadline_hours=72)
    session.add(slow)
    session.flush()
    session.add_all(
        [
            Order(shop_id=slow.id, platform="pdd", platform_order_id=f"PDD{h}", status="paid",
                  paid_at=NOW - timedelta(hours=h), paid_cents=100)
            for h in (30, 80)
        ]
    )  # fmt: skip
    session.flush()
    late = set(svc.order_ids(session, OrderFilter(late_only=True), OrderSort(), NOW))
    assert late == {orders[n].id for n in (3, 5, 6, 7)} | {
        session.scalar(select(Order.id).where(Order.platform_order_id == "PDD80"))
    }
    assert svc.late_to_ship_count(session, NOW) == 5
    assert count_work_queues(session, NOW).late_to_ship == 5  # the home page shows the list's count


def test_detail_items_carry_their_skus_product(session: Session) -> None:
    from sellerdesk.models import Product, Sku

    orders = _fill(session)
    product = Product(title="纯棉四件套")
    session.add(product)
    session.flush()
    sku = Sku(product_id=product.id, seller_code="LJ-1")
    session.add(sku)
    session.flush()
    session.execute(OrderItem.__table__.update().where(OrderItem.seller_code == "LJ-1").values(sku_id=sku.id))
    (line,) = svc.order_detail(session, orders[0].id, NOW, actor=OWNER).items
    assert (line.sku_id, line.product_id) == (sku.id, product.id)
    assert svc.count_orders(session, OrderFilter(unlinked_only=True), NOW) == 1  # only the NOPE line is left


def test_shipping_deadlines_are_set_per_platform_and_move_the_late_list(session: Session) -> None:
    orders = _fill(session)
    current = svc.ship_deadlines(session)
    assert current.hours["jd"] == 24 and current.hours["taobao"] == 48 and current.hours["douyin"] == 48
    svc.set_ship_deadlines(session, {**current.hours, "taobao": 12}, current.version, actor=OWNER)
    late = set(svc.order_ids(session, OrderFilter(late_only=True), OrderSort(), NOW))
    # Taobao orders (even n) 20 h and older are now late too.
    assert late == {orders[n].id for n in (2, 3, 4, 5, 6, 7)}
    saved = svc.ship_deadlines(session)
    assert saved.hours["taobao"] == 12 and saved.version == current.version + 1


def test_shipping_deadlines_refuse_a_stale_version_and_nonsense_hours(session: Session) -> None:
    _fill(session)
    current = svc.ship_deadlines(session)
    svc.set_ship_deadlines(session, {"jd": 36}, current.version, actor=OWNER)
    with pytest.raises(ConflictError):
        svc.set_ship_deadlines(session, {"jd": 12}, current.version, actor=OWNER)  # someone saved meanwhile
    fresh = svc.ship_deadlines(session)
    for bad in (0, -5, svc.MAX_SHIP_HOURS + 1):
        with pytest.raises(ValidationError) as caught:
            svc.set_ship_deadlines(session, {"jd": bad}, fresh.version, actor=OWNER)
        assert caught.value.code == "ship_hours_invalid"
    assert svc.ship_deadlines(session).hours["jd"] == 36


def _zoned_orders(session: Session) -> dict[str, Order]:
    """Orders of a Shanghai shop and a Berlin shop around 10 August (Berlin is UTC+2 in summer)."""
    cn = Shop(platform="taobao", name="淘宝店")
    de = Shop(platform="other", name="Berlin", timezone="Europe/Berlin")
    session.add_all([cn, de])
    session.flush()
    paid = {
        "cn-10": (cn, datetime(2026, 8, 9, 16, 30, tzinfo=UTC)),  # 10 Aug 00:30 in Shanghai
        "cn-11": (cn, datetime(2026, 8, 10, 16, 30, tzinfo=UTC)),  # 11 Aug 00:30 in Shanghai (10 Aug in Berlin)
        "de-10": (de, datetime(2026, 8, 9, 22, 30, tzinfo=UTC)),  # 10 Aug 00:30 in Berlin
        "de-09": (de, datetime(2026, 8, 9, 20, 0, tzinfo=UTC)),  # 9 Aug 22:00 in Berlin (10 Aug in Shanghai)
    }
    orders = {
        key: Order(shop_id=shop.id, platform=shop.platform, platform_order_id=key, status="completed", paid_at=at)
        for key, (shop, at) in paid.items()
    }
    session.add_all(orders.values())
    session.flush()
    return orders


def _listed(session: Session, flt: OrderFilter) -> set[str]:
    ids = svc.order_ids(session, flt, OrderSort(), NOW)
    return {r.platform_order_id for r in svc.orders_by_ids(session, list(ids), NOW, actor=OWNER)}


def test_the_date_filter_counts_each_order_on_its_own_shops_days(session: Session) -> None:
    _zoned_orders(session)
    tenth = OrderFilter(date_field="paid", days=(date(2026, 8, 10), date(2026, 8, 10)))
    assert _listed(session, tenth) == {"cn-10", "de-10"}
    assert svc.count_orders(session, tenth, NOW) == 2
    ninth_to_tenth = OrderFilter(date_field="paid", days=(date(2026, 8, 9), date(2026, 8, 10)))
    assert _listed(session, ninth_to_tenth) == {"cn-10", "de-10", "de-09"}


def test_a_shop_in_one_other_zone_filters_and_lists_in_that_zone(session: Session) -> None:
    tokyo = Shop(platform="jd", name="東京", timezone="Asia/Tokyo")  # the only shop: no China day anywhere
    session.add(tokyo)
    session.flush()
    for key, at in {
        "t-10": datetime(2026, 8, 9, 15, 30, tzinfo=UTC),
        "t-09": datetime(2026, 8, 9, 14, 30, tzinfo=UTC),
    }.items():
        session.add(Order(shop_id=tokyo.id, platform="jd", platform_order_id=key, status="completed", paid_at=at))
    session.flush()
    assert _listed(session, OrderFilter(date_field="paid", days=(date(2026, 8, 10), date(2026, 8, 10)))) == {"t-10"}
    rows = svc.orders_by_ids(session, list(svc.order_ids(session, OrderFilter(), OrderSort(), NOW)), NOW, actor=OWNER)
    assert {r.timezone for r in rows} == {"Asia/Tokyo"}
    ten = next(r for r in rows if r.platform_order_id == "t-10")
    assert ten.paid_at is not None
    assert shop_time(ten.paid_at, ten.timezone) == datetime(2026, 8, 10, 0, 30)  # 00:30 in Tokyo, 23:30 in China


def test_list_rows_carry_their_shops_zone(session: Session) -> None:
    _zoned_orders(session)
    rows = svc.orders_by_ids(session, list(svc.order_ids(session, OrderFilter(), OrderSort(), NOW)), NOW, actor=OWNER)
    assert {r.platform_order_id: r.timezone for r in rows} == {
        "cn-10": "Asia/Shanghai",
        "cn-11": "Asia/Shanghai",
        "de-10": "Europe/Berlin",
        "de-09": "Europe/Berlin",
    }
