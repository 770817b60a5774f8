"""Demo shops, staff, warehouses, products, SKUs and platform listings; and which SKU sells when, where."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from itertools import accumulate

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.demo.base import DAY, Ids, NumberSource, aware, day_of_number, insert_rows, local_day_number
from sellerdesk.demo.data import (
    BRAND,
    MONTH_FACTOR,
    PRODUCTS,
    SEASON_FACTOR,
    SHOPS,
    STAFF,
    WAREHOUSES,
    ProductSpec,
    ShopSpec,
)
from sellerdesk.domain.enums import Lifecycle, NegativeStockPolicy, Platform, ProductRole, Role, ShelfStatus
from sellerdesk.models import Listing, Product, Shop, Sku, StaffUser, Warehouse

BLOCK_DAYS = 14  # SKU popularity is re-weighted every two weeks (season, product lifecycle)
PLATFORMS = tuple(spec.platform for spec in SHOPS)
_ROLE_WEIGHT = {ProductRole.HERO: 3.0, ProductRole.TRAFFIC: 2.0, ProductRole.PROFIT: 1.0, ProductRole.IMAGE: 0.3}
_PRICE_FACTOR = {Platform.TAOBAO: 1.0, Platform.JD: 1.0, Platform.PDD: 0.9, Platform.DOUYIN: 0.95}
_UNITS_PER_ORDER = 1.8  # lines per order × quantity per line, for sizing stock parameters
# Share of products each platform carries (Taobao carries all; PDD the cheaper ones, see _carries).
_COVERAGE = {Platform.TAOBAO: 1.0, Platform.JD: 0.7, Platform.PDD: 0.8, Platform.DOUYIN: 0.7}


@dataclass(frozen=True)
class ShopRow:
    id: int
    spec: ShopSpec


@dataclass(slots=True)
class SkuInfo:
    id: int
    product_index: int
    product_id: int
    code: str
    title: str
    spec: str
    price_cents: int
    cost_cents: int
    weight: float  # base popularity
    safety_stock: int = 0
    reorder_point: int = 0
    min_order_qty: int = 1
    lead_time_days: int = 7
    # platform → (platform item id, platform sku id, listed price in cents)
    listings: dict[Platform, tuple[str, str, int]] = field(default_factory=dict)


@dataclass
class Catalog:
    start: int  # UTC instant of the first demo day's China midnight
    days: int
    shops: dict[Platform, ShopRow]
    staff: dict[Role, list[int]]
    staff_names: dict[int, str]
    warehouses: dict[str, int]
    product_ids: list[int]
    skus: list[SkuInfo]
    # (platform, block) → (SKU indexes, cumulative weights) for random.choices
    pickers: dict[tuple[Platform, int], tuple[list[int], list[float]]] = field(default_factory=dict)

    @property
    def manager(self) -> int:
        return self.staff[Role.OPERATIONS_MANAGER][0]

    def staff_of(self, role: Role) -> int:
        return self.staff[role][0]


def build_catalog(session: Session, ids: Ids, rng: random.Random, *, start: int, days: int, orders: int) -> Catalog:
    """Write the catalog side of the demo; ``orders`` (per year) sizes safety stock and MOQs."""
    shops = _shops(session, ids, start)
    staff, names = _staff(session, ids, start)
    warehouses = _warehouses(session, ids)
    catalog = Catalog(start, days, shops, staff, names, warehouses, [], [])
    _products(session, ids, rng, catalog, daily_units=orders * _UNITS_PER_ORDER / 365)
    catalog.pickers = {
        (platform, block): _picker(catalog, platform, block)
        for platform in PLATFORMS
        for block in range(days // BLOCK_DAYS + 1)
    }
    return catalog


def _shops(session: Session, ids: Ids, start: int) -> dict[Platform, ShopRow]:
    existing = {(s.platform, s.name): s.id for s in session.scalars(select(Shop))}
    result, rows = {}, []
    for spec in SHOPS:
        shop_id = existing.get((spec.platform, spec.name))
        if shop_id is None:
            shop_id = ids.take("shops")
            rows.append(
                {
                    "id": shop_id,
                    "platform": spec.platform.value,
                    "name": spec.name,
                    "timezone": "Asia/Shanghai",
                    "fee_rate_bp": spec.fee_rate_bp,
                    "ship_deadline_hours": spec.ship_deadline_hours,
                    "active": True,
                    "created_at": aware(start - 400 * DAY),
                    "version": 1,
                }
            )
        result[spec.platform] = ShopRow(shop_id, spec)
    insert_rows(session, Shop, rows)
    return result


def _staff(session: Session, ids: Ids, start: int) -> tuple[dict[Role, list[int]], dict[int, str]]:
    existing = {u.login: u.id for u in session.scalars(select(StaffUser))}
    by_role: dict[Role, list[int]] = {role: [] for role in Role}
    names, rows = {}, []
    for login, name, role in STAFF:
        staff_id = existing.get(login)
        if staff_id is None:
            staff_id = ids.take("staff_users")
            created = aware(start - 300 * DAY)
            rows.append(
                {
                    "id": staff_id,
                    "login": login,
                    "name": name,
                    "role": role.value,
                    "active": True,
                    "created_at": created,
                    "version": 1,
                }
            )
        by_role[role].append(staff_id)
        names[staff_id] = name
    insert_rows(session, StaffUser, rows)
    return by_role, names


def _warehouses(session: Session, ids: Ids) -> dict[str, int]:
    result = {w.code: w.id for w in session.scalars(select(Warehouse))}
    rows = []
    for code, name in WAREHOUSES:
        if code not in result:
            result[code] = ids.take("warehouses")
            rows.append({"id": result[code], "code": code, "name": name, "active": True})
    insert_rows(session, Warehouse, rows)
    return result


def _products(session: Session, ids: Ids, rng: random.Random, catalog: Catalog, *, daily_units: float) -> None:
    product_rows, sku_rows = [], []
    created = aware(catalog.start - 200 * DAY)
    for index, spec in enumerate(PRODUCTS):
        product_id = ids.take("products")
        catalog.product_ids.append(product_id)
        product_rows.append(
            {
                "id": product_id,
                "title": spec.title,
                "category": spec.category,
                "brand": BRAND,
                "role": spec.role.value,
                "lifecycle": spec.lifecycle.value,
                "shelf_status": spec.shelf.value,
                "notes": "",
                "created_at": created,
                "updated_at": created,
                "version": 1,
            }
        )
        for sku in _variants(ids, rng, index, product_id, spec):
            catalog.skus.append(sku)
    _stock_parameters(catalog, rng, daily_units)
    _listings(rng, catalog)
    for sku in catalog.skus:
        sku_rows.append(_sku_row(sku, PRODUCTS[sku.product_index], created))
    insert_rows(session, Product, product_rows)
    insert_rows(session, Sku, sku_rows)
    insert_rows(session, Listing, _listing_rows(catalog, created))


def _variants(ids: Ids, rng: random.Random, index: int, product_id: int, spec: ProductSpec) -> list[SkuInfo]:
    skus = []
    cost_ratio = rng.uniform(0.38, 0.56)
    base = spec.popularity * _ROLE_WEIGHT[spec.role]
    for c_code, c_label, _, c_pop in spec.colours:
        for s_code, s_label, s_mult, s_pop in spec.sizes:
            price = _round_price(int(spec.price_yuan * s_mult)) * 100  # the scaled list price, whole yuan
            cost = round(price * min(0.6, max(0.35, cost_ratio + rng.uniform(-0.03, 0.03))), -1)
            suffix = f"{c_code}{s_code}" or "STD"
            parts = [f"颜色分类:{c_label}"] if c_label else []
            parts += [f"尺码:{s_label}"] if s_label else []
            skus.append(
                SkuInfo(
                    id=ids.take("skus"),
                    product_index=index,
                    product_id=product_id,
                    code=f"LJ-{1001 + index}-{suffix}",
                    title=spec.title,
                    spec=";".join(parts),
                    price_cents=price,
                    cost_cents=int(cost),
                    weight=base * c_pop * s_pop * rng.uniform(0.6, 1.4),
                )
            )
    return skus


def _round_price(yuan: int) -> int:
    """Shop prices end in 9 (¥259, ¥89): whole yuan in, whole yuan out."""
    return max(9, yuan - yuan % 10 + 9) if yuan >= 10 else 9


def _sku_row(sku: SkuInfo, spec: ProductSpec, created: object) -> dict[str, object]:
    return {
        "id": sku.id,
        "product_id": sku.product_id,
        "seller_code": sku.code,
        "title": sku.title,
        "spec": sku.spec,
        "barcode": _ean13(6_923_456_000_000 // 10 + sku.id),
        "cost_cents": sku.cost_cents,
        "price_cents": sku.price_cents,
        "weight_g": _weight(spec, sku),
        "supplier": spec.supplier,
        "lead_time_days": sku.lead_time_days,
        "min_order_qty": sku.min_order_qty,
        "safety_stock": sku.safety_stock,
        "reorder_point": sku.reorder_point,
        "negative_stock_policy": NegativeStockPolicy.WARN.value,
        "active": spec.shelf != ShelfStatus.OFF_SHELF,
        "created_at": created,
        "updated_at": created,
        "version": 1,
    }


def _weight(spec: ProductSpec, sku: SkuInfo) -> int:
    # Bigger sizes weigh more, roughly like their price.
    base_price = spec.price_yuan * 100
    return int(spec.weight_g * (sku.price_cents / base_price) ** 0.8) if base_price else spec.weight_g


def _ean13(twelve: int) -> str:
    digits = f"{twelve:012d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def sales_factor(spec: ProductSpec, day_index: int, month: int, days: int) -> float:
    """How well a product sells on a day of the window: season × lifecycle (0 when not on sale)."""
    season = SEASON_FACTOR[spec.season][month - 1] if spec.season else 1.0
    position = day_index / max(days - 1, 1)
    if spec.shelf == ShelfStatus.DRAFT:
        return 0.0
    if spec.shelf == ShelfStatus.OFF_SHELF:  # cleared out, then taken off the shelf
        return 0.0 if position > 0.65 else season * (1.0 - position)
    if spec.lifecycle == Lifecycle.INTRO:  # launched about two months ago, still ramping up
        launched = days - 60
        return 0.0 if day_index < launched else season * min(1.5, 0.3 + (day_index - launched) / 30)
    if spec.lifecycle == Lifecycle.GROWTH:
        return season * (0.5 + position)
    if spec.lifecycle == Lifecycle.DECLINE:
        return season * (1.3 - 0.9 * position)
    return season


def _picker(catalog: Catalog, platform: Platform, block: int) -> tuple[list[int], list[float]]:
    middle = min(block * BLOCK_DAYS + BLOCK_DAYS // 2, catalog.days - 1)
    month = _month_of(catalog, middle)
    indexes, weights = [], []
    for i, sku in enumerate(catalog.skus):
        if platform in sku.listings:
            factor = sales_factor(PRODUCTS[sku.product_index], middle, month, catalog.days)
            if factor > 0:
                indexes.append(i)
                weights.append(sku.weight * factor)
    return indexes, list(accumulate(weights))


def _month_of(catalog: Catalog, day_index: int) -> int:
    return day_of_number(local_day_number(catalog.start) + day_index).month


def _stock_parameters(catalog: Catalog, rng: random.Random, daily_units: float) -> None:
    """Safety stock, reorder point, MOQ and lead time from each SKU's expected demand."""
    yearly = {i: 0.0 for i in range(len(catalog.skus))}
    for month in range(1, 13):
        weights = [
            sku.weight
            * sales_factor(PRODUCTS[sku.product_index], catalog.days // 2, month, catalog.days)
            * MONTH_FACTOR[month - 1]
            for sku in catalog.skus
        ]
        total = sum(weights) or 1.0
        for i, w in enumerate(weights):
            yearly[i] += w / total / 12
    for i, sku in enumerate(catalog.skus):
        sku.lead_time_days = rng.choice((5, 7, 7, 10, 15, 20))
        daily = yearly[i] * daily_units
        sku.safety_stock = max(2, math.ceil(daily * 7))
        sku.reorder_point = sku.safety_stock + math.ceil(daily * sku.lead_time_days)
        sku.min_order_qty = _nice(daily * 20)


def _nice(quantity: float) -> int:
    for step in (10, 20, 50, 100, 200, 500):
        if quantity <= step:
            return step
    return int(math.ceil(quantity / 500) * 500)


def _carries(platform: Platform, spec: ProductSpec, rng: random.Random) -> bool:
    if spec.shelf == ShelfStatus.DRAFT:
        return False
    if platform == Platform.TAOBAO or spec.role == ProductRole.HERO:
        return True
    if platform == Platform.PDD and spec.price_yuan > 400:
        return False
    return rng.random() < _COVERAGE[platform]


def _listings(rng: random.Random, catalog: Catalog) -> None:
    for platform in PLATFORMS:
        item_ids = NumberSource(rng, *_ITEM_ID_FORMAT[platform], count=len(PRODUCTS))
        sku_ids = NumberSource(rng, *_SKU_ID_FORMAT[platform], count=len(catalog.skus))
        carried = {i for i, spec in enumerate(PRODUCTS) if _carries(platform, spec, rng)}
        item_of: dict[int, str] = {}
        for sku in catalog.skus:
            if sku.product_index not in carried:
                continue
            item = item_of.setdefault(sku.product_index, item_ids.next())
            factor = _PRICE_FACTOR[platform]
            price = sku.price_cents if factor == 1.0 else round(sku.price_cents * factor, -2) - 10
            sku.listings[platform] = (item, sku_ids.next(), int(price))


def _listing_rows(catalog: Catalog, created: object) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for sku in catalog.skus:
        for platform, (item, platform_sku, _) in sku.listings.items():
            rows.append(
                {
                    "platform": platform.value,
                    "platform_item_id": item,
                    "platform_sku_id": platform_sku,
                    "sku_id": sku.id,
                    "shop_id": catalog.shops[platform].id,
                    "title": sku.title,
                    "created_at": created,
                }
            )
    return rows


# (first value, width of the range): ids as the platforms print them, increasing, unique.
_ITEM_ID_FORMAT = {
    Platform.TAOBAO: (600_000_000_000, 99_999_999_999),  # 12 digits, 6…
    Platform.JD: (100_000_000_000, 9_999_999_999),  # 12 digits, 100…
    Platform.PDD: (500_000_000_000, 99_999_999_999),
    Platform.DOUYIN: (3_600_000_000_000_000_000, 99_999_999_999_999_999),  # 19 digits, 36…
}
_SKU_ID_FORMAT = {
    Platform.TAOBAO: (5_000_000_000_000, 999_999_999_999),  # 13 digits, 5…
    Platform.JD: (100_010_000_000, 9_999_999_999),
    Platform.PDD: (1_200_000_000_000, 99_999_999_999),
    Platform.DOUYIN: (1_700_000_000_000_000, 99_999_999_999_999),  # 16 digits, 17…
}
