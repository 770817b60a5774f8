"""Promotions as tasks (services/promotions.py): the effect equals a hand computation on a fixed data set.
Every backend of tests/conftest.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session
from task_helpers import shop, sku

from sellerdesk.domain.errors import ValidationError
from sellerdesk.domain.figures import uplift_bp
from sellerdesk.domain.timeutil import local_to_utc
from sellerdesk.models import Order, OrderItem, Shop
from sellerdesk.services import promotions, tasks
from sellerdesk.services.promotions import PromotionDraft
from sellerdesk.services.reports import build_monthly_report
from sellerdesk.services.tasks import TaskDraft
from sellerdesk.sheets.report_workbook import write_monthly_workbook

START = local_to_utc(datetime(2026, 9, 10))  # Sep 10 00:00 China time
END = local_to_utc(datetime(2026, 9, 13))  # three days
BEFORE = START - (END - START)


def _order(
    session: Session, shop: Shop, n: int, paid_at: datetime, lines: list[tuple[int, int, int]], **kw: object
) -> None:
    order = Order(
        shop_id=shop.id, platform="taobao", platform_order_id=f"o-{n}", status="completed", paid_at=paid_at, **kw
    )
    order.items = [
        OrderItem(sub_order_id=f"{n}-{k}", sku_id=s, qty=q, paid_cents=c) for k, (s, q, c) in enumerate(lines)
    ]
    session.add(order)
    session.flush()


def _fixed_data(session: Session) -> tuple[int, Shop, tuple[int, int]]:
    """The data set of the hand computation; returns the promotion's task, its shop and SKUs A and B."""
    main, other = shop(session), shop(session, "二店")
    a, b, c = sku(session, "A"), sku(session, "B"), sku(session, "C")
    hour = timedelta(hours=1)
    # During [Sep 10, Sep 13): A×2 30.00 + B×1 15.00; A×1 14.00 (+ C, not promoted); A×1 10.00 right at the start.
    _order(session, main, 1, START + 5 * hour, [(a.id, 2, 3000), (b.id, 1, 1500)])
    _order(session, main, 2, START + 30 * hour, [(a.id, 1, 1400), (c.id, 5, 9900)])
    _order(session, main, 3, START, [(a.id, 1, 1000)])
    # Not counted: paid right at the end, another shop, an incomplete order, unpaid.
    _order(session, main, 4, END, [(a.id, 9, 9000)])
    _order(session, other, 5, START + hour, [(a.id, 9, 9000)])
    _order(session, main, 6, START + hour, [(a.id, 9, 9000)], incomplete=True)
    # Before [Sep 7, Sep 10): A×1 16.00; B×1 11.00 right at the window's start; one just too early.
    _order(session, main, 7, START - 2 * hour, [(a.id, 1, 1600)])
    _order(session, main, 8, BEFORE, [(b.id, 1, 1100)])
    _order(session, main, 9, BEFORE - hour, [(a.id, 5, 5000)])
    promo = PromotionDraft("full_reduction", START, END, (a.id, b.id), main.id)
    return promotions.create_promotion(session, TaskDraft("中秋满减"), promo).task_id, main, (a.id, b.id)


def test_uplift_equals_the_hand_computation(session: Session) -> None:
    task_id, _main, (a, b) = _fixed_data(session)
    hour = timedelta(hours=1)

    assert promotions.promotion_effect(session, task_id, END - hour) is None  # not over yet
    effect = promotions.promotion_effect(session, task_id, END)
    assert effect is not None
    assert (effect.during.units, effect.during.gmv_cents) == (2 + 1 + 1 + 1, 3000 + 1500 + 1400 + 1000)
    assert (effect.before.units, effect.before.gmv_cents) == (1 + 1, 1600 + 1100)
    assert effect.units_uplift_bp == 15_000  # (5 - 2) / 2 = +150 %
    assert effect.gmv_uplift_bp == 15_556  # (6900 - 2700) / 2700 = +155.555… % → 155.56 %

    everywhere = PromotionDraft("full_reduction", START, END, (a, b), None)
    detail = tasks.get_task(session, task_id)
    promotions.update_promotion(session, task_id, detail.draft(), everywhere, expected_version=detail.version)
    wider = promotions.promotion_effect(session, task_id, END)
    assert wider is not None and wider.during.units == 5 + 9  # the other shop's order counts now

    [row] = promotions.list_promotions_ended_in(session, 2026, 9, END + hour)
    assert (row.title, row.kind, row.sku_count, row.effect) == ("中秋满减", "full_reduction", 2, wider)
    assert promotions.list_promotions_ended_in(session, 2026, 8, END) == ()
    info = promotions.get_promotion(session, task_id)
    assert info is not None and [s.seller_code for s in info.skus] == ["A", "B"] and info.shop == ""
    assert tasks.get_task(session, task_id).kind == "promotion"


def test_uplift_rounding_and_nothing_before() -> None:
    assert uplift_bp(3, 0) is None
    assert uplift_bp(1, 3) == -6667  # -66.665 % rounds half up in size
    assert uplift_bp(2, 3) == -3333


def test_promotions_are_checked(session: Session) -> None:
    a = sku(session, "A")
    with pytest.raises(ValidationError):
        promotions.create_promotion(session, TaskDraft("x"), PromotionDraft("coupon", END, START, (a.id,)))
    with pytest.raises(ValidationError):
        promotions.create_promotion(session, TaskDraft("x"), PromotionDraft("coupon", START, END, ()))
    assert [s.seller_code for s in promotions.find_skus(session, "a")] == ["A"]


def test_the_monthly_workbook_lists_the_promotions_of_the_month(session: Session, tmp_path: Path) -> None:
    _fixed_data(session)
    report = build_monthly_report(session, 2026, 9, END + timedelta(days=20))
    path = write_monthly_workbook(tmp_path / "m.xlsx", report, "en")
    book = load_workbook(path, read_only=True)
    assert "Promotions" in book.sheetnames
    rows = [list(r) for r in book["Promotions"].iter_rows(values_only=True)]
    header, row = rows[0], rows[1]
    got = dict(zip(header, row, strict=True))
    assert got["Promotion"] == "中秋满减" and got["Kind"] == "Spend-and-save" and got["Shop"] == "旗舰店"
    assert (got["Units during"], got["Units before"], got["Units uplift"]) == (5, 2, 1.5)
    assert (got["GMV during"], got["GMV before"], got["GMV uplift"]) == (69, 27, 1.5556)
    assert got["Start"] == datetime(2026, 9, 10) and got["End"] == datetime(2026, 9, 13)
