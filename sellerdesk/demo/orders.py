"""Demo orders, their lines, buyers and refunds: a year of a four-platform shop, generated day by day.

This is the hot loop of the demo (a million orders): rows are tuples, instants are int epoch seconds, an order's
state lives in one slotted object, statuses are plain strings, and random picks use ``random()`` with look-up
tables instead of ``choices`` per value. What reaches the database follows the app's own rules: order and line
rows come from the import's row builders (``services.order_merge``), each linked line's stock movements are what
the stock sync would post (``services.stock``).
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from sellerdesk.demo.base import (
    DAY,
    HOUR,
    Batch,
    Ids,
    NumberSource,
    OptionalTimeText,
    Progress,
    Sink,
    TimeText,
    day_of_number,
    local_day_number,
)
from sellerdesk.demo.catalog import BLOCK_DAYS, PLATFORMS, Catalog, SkuInfo
from sellerdesk.demo.data import (
    ALNUM,
    AUTO_CONFIRM_DAYS,
    BUYER_MESSAGES,
    CARRIER_WEIGHTS,
    CARRIERS,
    FAR_PROVINCES,
    HOUR_WEIGHTS,
    LETTERS,
    MONTH_FACTOR,
    NEW_YEAR,
    NICK_CHARS,
    ORDER_ID_RANGE,
    ORDER_STATUS_TEXT,
    PEAK_HOUR_WEIGHTS,
    PLACES,
    PLATFORM_SHARE_END,
    PLATFORM_SHARE_START,
    REFUND_ID_RANGE,
    REFUND_ONLY,
    REFUND_REASON_WEIGHTS,
    REFUND_REASONS,
    REFUND_STATUS_TEXT,
    RETURN_REFUND,
    SELLER_MEMOS,
    STREETS,
    SURNAMES,
    TRACKING_FORMAT,
    WEEKDAY_FACTOR,
)
from sellerdesk.demo.ledger import Movements
from sellerdesk.domain.enums import MovementKind, OrderStatus, Platform, RefundState, TicketCategory
from sellerdesk.domain.records import ItemRecord, OrderRecord
from sellerdesk.services import order_merge as om
from sellerdesk.services.stock import (
    MAIN,
    OUT_REASON,
    RESERVE_REASON,
    RETURN_REASON,
    RETURNS,
    desired_line_stock,
    line_stock_state,
)

# The import's own columns (services.order_merge); the builders leave the times to the demo clock's text.
ORDER_COLUMNS = om.NEW_ORDER_COLUMNS
ITEM_COLUMNS = om.NEW_ITEM_COLUMNS
_ORDER_TIMES_AT = len(om.ORDER_COLUMNS) - len(om.ORDER_TIME_FIELDS)  # new_order_row ends with the times
assert (
    om.ORDER_COLUMNS[_ORDER_TIMES_AT:]
    == om.ORDER_TIME_FIELDS
    == ("created_at", "paid_at", "shipped_at", "completed_at")
)
_ITEM_SHIPPED_AT = om.ITEM_COLUMNS.index("shipped_at")
_STATUS = {status.value: status for status in OrderStatus}
_REFUND_STATE = {state.value: state for state in RefundState}
REFUND_COLUMNS = (
    "id",
    "shop_id",
    "platform_refund_id",
    "platform_order_id",
    "order_id",
    "amount_cents",
    "state",
    "status_raw",
    "kind",
    "reason",
    "seller_code",
    "title",
    "applied_at",
    "finished_at",
)
BUYER_COLUMNS = ("id", "platform", "nick")

# Shares and rates that make the year look like a real shop's.
UNPAID_SHARE = 0.04  # orders never paid (closed after the timeout, or still waiting when recent)
REFUND_SHARE = 0.085  # paid orders with an after-sale case (some rejected, some withdrawn, some open)
# The demo shop has a backlog (some items out of stock, a short-handed warehouse): of the last two weeks'
# paid orders this share is still unshipped past the deadline, ~1 % of the year's paid orders.
LATE_SHARE = 0.15
LATE_WINDOW = 14 * DAY
REPEAT_SHARE = 0.22  # orders by a buyer seen before on the same platform
UNLINKED_SHARE = 0.04  # lines whose seller code is empty or unknown (sku_id NULL)
TICKET_RATE = 1 / 25
TICKET_CAP = 20_000

# Plain strings in the hot loop: enum attribute access costs too much a million times over.
PENDING, PAID, SHIPPED, COMPLETED, CLOSED, REFUNDING, REFUNDED = (
    OrderStatus.PENDING_PAYMENT.value,
    OrderStatus.PAID.value,
    OrderStatus.SHIPPED.value,
    OrderStatus.COMPLETED.value,
    OrderStatus.CLOSED.value,
    OrderStatus.REFUNDING.value,
    OrderStatus.REFUNDED.value,
)
R_NONE, R_REFUNDING, R_REFUNDED, R_REJECTED, R_CLOSED = (
    RefundState.NONE.value,
    RefundState.REFUNDING.value,
    RefundState.REFUNDED.value,
    RefundState.REJECTED.value,
    RefundState.CLOSED.value,
)
_RESERVE, _OUT, _BACK = MovementKind.SALE_RESERVE.value, MovementKind.SALE_OUT.value, MovementKind.RETURN.value
# Enum members are looked up once: ``Platform.PDD`` costs ~0.2 µs per access, a million orders over.
_TAOBAO, _JD, _PDD, _DOUYIN = Platform.TAOBAO, Platform.JD, Platform.PDD, Platform.DOUYIN
_CANCEL, _RETURN, _COMPENSATE = "cancel", "return", "compensate"  # refund before shipping / goods back / money


def _table(weights: dict[int, float], size: int = 200) -> tuple[int, ...]:
    """A look-up table: ``table[int(random() * len(table))]`` draws a value with the given weights."""
    total = sum(weights.values())
    table: list[int] = []
    for value, weight in weights.items():
        table += [value] * round(size * weight / total)
    return tuple(table)


_LINES = _table({1: 70, 2: 20, 3: 7, 4: 3})
_QTY = _table({1: 80, 2: 13, 3: 5, 4: 1.5, 5: 0.5})


@dataclass
class TicketSeed:
    """An order (or buyer) that made someone contact customer service, and when."""

    category: TicketCategory
    at: int
    shop_id: int
    buyer_id: int
    order_id: int | None
    platform_order_id: str


@dataclass
class OrderStats:
    """What later steps need from the orders, without reading a million rows back."""

    orders: int = 0
    items: int = 0
    refunds: int = 0
    buyers: int = 0
    # What the order lines took out of main and put into returns (as the stock sync books them), per day.
    sold: dict[tuple[int, int], int] = field(default_factory=dict)  # (sku index, China day) → units out
    returned: dict[tuple[int, int], int] = field(default_factory=dict)  # (sku index, China day) → units back
    monthly: dict[str, list[int]] = field(default_factory=dict)  # YYYY-MM → [orders, gmv, refund, refunded]
    tickets: list[TicketSeed] = field(default_factory=list)
    late_orders: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Shop:
    """Everything the loop needs about one platform's shop, looked up once."""

    platform: Platform
    value: str
    id: int
    deadline: int  # seconds from payment to the latest allowed shipment
    status_text: dict[str, str]
    refund_text: dict[str, str]
    order_ids: NumberSource
    refund_ids: NumberSource
    carriers: tuple[int, ...]
    auto_confirm: int
    buyers: dict[str, int] = field(default_factory=dict)  # masked nick → buyer id
    known: list[tuple[int, str]] = field(default_factory=list)  # buyers for repeat orders


@dataclass(slots=True)
class _Line:
    sku: SkuInfo
    index: int  # in catalog.skus
    linked: bool
    code: str
    qty: int
    unit: int
    item_ref: str  # the platform's item id
    sku_ref: str  # the platform's SKU id
    row_id: int = 0  # order_items.id once written
    status: str = PENDING  # the line's status as written
    paid: int = 0
    refund: int = 0
    state: str = R_NONE


@dataclass(slots=True)
class _Refund:
    kind: str  # _CANCEL, _RETURN, _COMPENSATE
    reason: str
    applied: int
    finished: int | None  # None: still open
    state: str
    full: bool
    line: int  # the refunded line when not full
    units: int  # units sent back (0 unless goods come back)

    def lines(self, lines: list[_Line]) -> list[_Line]:
        return lines if self.full else [lines[self.line]]


@dataclass(slots=True)
class _Order:
    id: int
    shop: _Shop
    created: int
    created_text: str
    place: tuple[str, str, str, float]
    buyer_id: int = 0
    nick: str = ""
    lines: list[_Line] = field(default_factory=list)
    goods: int = 0
    units: int = 0
    discount: int = 0
    shipping: int = 0
    paid: int | None = None
    shipped: int | None = None
    completed: int | None = None
    closed: bool = False  # never paid, closed by the timeout or the buyer
    refund: _Refund | None = None
    status: str = PENDING
    paid_total: int = 0
    refund_total: int = 0
    platform_order_id: str = ""
    carrier: str = ""
    tracking: str = ""


def daily_counts(rng: random.Random, first: date, days: int, orders: int, last_day_share: float) -> list[int]:
    """Orders per day: growth × month × weekday × festivals × noise, summing exactly to ``orders``."""
    weights = []
    for i in range(days):
        day = date.fromordinal(first.toordinal() + i)
        growth = 0.75 + 0.5 * i / max(days - 1, 1)
        weight = growth * MONTH_FACTOR[day.month - 1] * WEEKDAY_FACTOR[day.weekday()] * festival_factor(day)
        weights.append(weight * rng.uniform(0.9, 1.1))
    weights[-1] *= last_day_share  # the demo clock stops in the morning of the last day
    total = sum(weights)
    exact = [orders * w / total for w in weights]
    counts = [int(x) for x in exact]
    # The largest remainders get the orders lost to rounding down (ties go to the earlier day).
    for i in sorted(range(days), key=lambda i: counts[i] - exact[i])[: orders - sum(counts)]:
        counts[i] += 1
    return counts


def festival_factor(day: date) -> float:
    """618 and Double 11 peaks, Double 12, and the Spring Festival logistics stop."""
    md = (day.month, day.day)
    peaks = {
        (6, 18): 3.5,
        (6, 17): 1.6,
        (6, 16): 1.6,
        (5, 31): 1.8,
        (11, 11): 6.0,
        (11, 10): 1.8,
        (11, 12): 1.3,
        (10, 31): 2.5,
        (12, 12): 2.2,
    }
    if md in peaks:
        return peaks[md]
    if (day.month == 6 and day.day < 16) or (day.month == 11 and day.day < 10):
        return 1.3
    if day.month == 10 and day.day >= 20:
        return 1.2
    new_year = NEW_YEAR.get(day.year)
    if new_year is not None:
        delta = day.toordinal() - date(day.year, *new_year).toordinal()
        if -10 <= delta <= -3 or 7 <= delta <= 12:
            return 0.72
        if -2 <= delta <= 6:
            return 0.35
    return 1.0


def is_promotion(day: date) -> bool:
    """Days with shop-wide 满减 (618, Double 11, Double 12)."""
    md = (day.month, day.day)
    return (5, 31) <= md <= (6, 18) or (10, 20) <= md <= (11, 11) or (12, 10) <= md <= (12, 12)


def _big_peak(day: date) -> bool:
    return (day.month, day.day) in ((6, 18), (11, 11), (12, 12))


class OrderMaker:
    """Generates each day's orders in time order into the sink's buffers."""

    def __init__(
        self,
        rng: random.Random,
        catalog: Catalog,
        sink: Sink,
        clocks: tuple[TimeText, OptionalTimeText],
        ids: Ids,
        movements: Movements,
        *,
        orders: int,
        as_of: int,
    ) -> None:
        self.rng = rng
        self.random = rng.random
        self.catalog = catalog
        self.sink = sink
        self.text, self.opt_text = clocks
        self.as_of = as_of
        self.as_of_text = self.text(as_of)
        self.stats = OrderStats()
        self.first_day = local_day_number(catalog.start)
        self.shops = {p: self._shop(p, orders) for p in PLATFORMS}
        # What each platform sells in each two-week block: (SKU index, SKU, item id, SKU id, price) to draw from.
        self._offers = {
            (platform, block): ([(i, catalog.skus[i], *catalog.skus[i].listings[platform]) for i in indexes], cum)
            for (platform, block), (indexes, cum) in catalog.pickers.items()
        }
        self._bind_buffers()
        # Masked receiver details come from small pools: one random() per field instead of a format per order.
        self._names = [surname + "**" for surname in SURNAMES]
        self._phones = [f"1{rng.choice('3578')}{rng.randrange(10)}****{rng.randrange(10_000):04d}" for _ in range(3000)]
        self._addresses = [street + "**号" for street in STREETS]
        self._tracking = {c: NumberSource(rng, 10**12, 9 * 10**12 - 1, count=orders) for c in CARRIERS}
        self._place_weights = list(accumulate(p[3] for p in PLACES))
        # Problem orders reach service more often (the mean weight is ~1.5); some anchors fall outside the year.
        self._ticket_rate = min(TICKET_RATE, TICKET_CAP / max(orders, 1)) / 1.55
        self._month_keys: dict[int, str] = {}
        self._pdd_dates: dict[int, str] = {}
        self.ids = ids
        self.movements = movements
        self._stock_rules: dict[tuple[str, str, str, str, bool], tuple[int, int, int]] = {}
        self.next_order = ids.take("orders", orders)
        self.next_item = ids.peek("order_items")
        self.next_refund = ids.peek("refunds")
        self.next_buyer = ids.peek("buyers")

    def _shop(self, platform: Platform, orders: int) -> _Shop:
        shop = self.catalog.shops[platform]
        return _Shop(
            platform,
            platform.value,
            shop.id,
            shop.spec.ship_deadline_hours * HOUR,
            {k.value: v for k, v in ORDER_STATUS_TEXT[platform].items()},
            {k.value: v for k, v in REFUND_STATUS_TEXT[platform].items()},
            NumberSource(self.rng, *ORDER_ID_RANGE[platform], count=orders),
            NumberSource(self.rng, *REFUND_ID_RANGE[platform], count=orders),
            _table(dict(enumerate(CARRIER_WEIGHTS[platform]))),
            AUTO_CONFIRM_DAYS[platform] * DAY,
        )

    def _bind_buffers(self) -> None:
        rows = self.sink.rows
        self._order_rows, self._item_rows = rows["orders"], rows["order_items"]
        self._refund_rows, self._buyer_rows = rows["refunds"], rows["buyers"]

    def take(self) -> Batch:
        """Hand over the buffered rows (the sink starts new buffers)."""
        batch = self.sink.take()
        self._bind_buffers()
        return batch

    def claim_ids(self) -> None:
        self.ids.claim_until("order_items", self.next_item)
        self.ids.claim_until("refunds", self.next_refund)
        self.ids.claim_until("buyers", self.next_buyer)

    # --- a day -------------------------------------------------------------------------------------------

    def day(self, index: int, count: int) -> None:
        if count == 0:
            return
        rng = self.rng
        day = day_of_number(self.first_day + index)
        start = self.catalog.start + index * DAY
        hour_weights = PEAK_HOUR_WEIGHTS if _big_peak(day) else HOUR_WEIGHTS
        open_hours = min(24, (self.as_of - start) // HOUR)
        hours = rng.choices(range(open_hours), cum_weights=list(accumulate(hour_weights[:open_hours])), k=count)
        seconds = sorted(h * HOUR + int(self.random() * HOUR) for h in hours)
        shops = rng.choices([self.shops[p] for p in PLATFORMS], weights=self._platform_shares(index), k=count)
        places = rng.choices(PLACES, cum_weights=self._place_weights, k=count)
        promotion, peak = is_promotion(day), _big_peak(day)
        for second, shop, place in zip(seconds, shops, places, strict=True):
            created = start + second
            order = _Order(self.next_order, shop, created, self.text(created), place)
            self.next_order += 1
            self._order(order, index, promotion, peak)

    def _platform_shares(self, index: int) -> list[float]:
        position = index / max(self.catalog.days - 1, 1)
        return [
            PLATFORM_SHARE_START[p] + (PLATFORM_SHARE_END[p] - PLATFORM_SHARE_START[p]) * position for p in PLATFORMS
        ]

    # --- an order ----------------------------------------------------------------------------------------

    def _order(self, o: _Order, day_index: int, promotion: bool, peak: bool) -> None:
        self._buyer(o)
        self._lines(o, day_index)
        o.discount = self._discount(o.goods, o.shop.platform, promotion)
        o.shipping = 0 if o.goods >= 2900 or o.shop.platform is _PDD else 500
        if o.place[0] in FAR_PROVINCES:
            o.shipping += 1500
        self._timeline(o, peak)
        if o.paid is not None:
            o.paid_total = o.goods + o.shipping - o.discount
            self._allocate(o)
            o.refund = self._refund(o)
        if o.refund is not None:
            self._settle_refund(o, o.refund)
        o.status = self._status(o)
        o.platform_order_id = self._platform_order_id(o)
        if o.shipped is not None:
            self._ship(o)
        self._write_order(o)
        if o.refund is not None:
            self._write_refunds(o, o.refund)
        self._account(o)

    def _buyer(self, o: _Order) -> None:
        shop = o.shop
        if shop.known and self.random() < REPEAT_SHARE:
            o.buyer_id, o.nick = shop.known[int(self.random() * len(shop.known))]
            return
        nick = self._nick(shop.platform)
        buyer_id = shop.buyers.get(nick)
        if buyer_id is None:
            buyer_id = shop.buyers[nick] = self.next_buyer
            self.next_buyer += 1
            shop.known.append((buyer_id, nick))
            self._buyer_rows.append((buyer_id, shop.value, nick))
        # else: masked nicks collide, as they do on the platforms
        o.buyer_id, o.nick = buyer_id, nick

    def _nick(self, platform: Platform) -> str:
        """Masked the way exports show them: ``t***2``, ``小**``, ``jd_4e8b***``, ``用户123****45``."""
        r, pick = self.random(), self._pick
        if r < 0.02:
            return pick(NICK_CHARS) + "**"
        if r < 0.04:
            return pick(LETTERS) + "***" + pick(ALNUM)
        if platform is _JD and r < 0.5:
            return "jd_" + pick("0123456789abcdef") + pick("0123456789abcdef") + pick("0123456789abcdef") + "***"
        if platform is _DOUYIN and r < 0.5:
            return "用户" + pick("0123456789") + pick("0123456789") + pick("0123456789") + "****" + pick("0123456789")
        if r < 0.55 or (platform is _PDD and r < 0.7):
            return pick(NICK_CHARS) + pick(NICK_CHARS) + "**" + pick(NICK_CHARS)
        return pick(LETTERS) + pick(ALNUM) + "***" + pick(ALNUM) + pick(ALNUM)

    def _pick(self, chars: str) -> str:
        return chars[int(self.random() * len(chars))]

    def _lines(self, o: _Order, day_index: int) -> None:
        rnd, lines = self.random, o.lines
        choices, cum = self._offers[o.shop.platform, day_index // BLOCK_DAYS]
        count = 1 if o.shop.platform is _PDD else _LINES[int(rnd() * len(_LINES))]
        top, last = cum[-1], len(cum) - 1
        for _ in range(count):
            index, sku, item_ref, sku_ref, price = choices[min(bisect(cum, rnd() * top), last)]
            if count > 1 and any(line.index == index for line in lines):  # the same SKU twice is one line
                continue
            linked, code = True, sku.code
            if rnd() < UNLINKED_SHARE:
                linked, code = False, self._unknown_code(code)
            qty = _QTY[int(rnd() * len(_QTY))]
            o.goods += qty * price
            o.units += qty
            lines.append(_Line(sku, index, linked, code, qty, price, item_ref, sku_ref))

    def _unknown_code(self, code: str) -> str:
        """An empty code, a typo, or an old code the catalog no longer has."""
        r = self.random()
        if r < 0.5:
            return ""
        if r < 0.75:
            return code.replace("-", "")
        return f"LJ-0{int(self.random() * 900) + 100}"

    def _discount(self, goods: int, platform: Platform, promotion: bool) -> int:
        if promotion:  # 满减 during the big sales; PDD runs a 10% subsidy instead
            if platform is _PDD:
                discount = goods // 10 if self.random() < 0.5 else 0
            elif platform is _JD:
                discount = goods // 19_900 * 2_000
            else:
                discount = goods // 30_000 * 5_000
        elif self.random() < 0.25:  # a shop coupon
            discount = 3_000 if goods >= 29_900 else 2_000 if goods >= 19_900 else 1_000 if goods >= 9_900 else 300
            discount = discount if goods >= 2_900 else 0
        else:
            discount = 0
        return min(discount, goods // 2)

    # --- time line ---------------------------------------------------------------------------------------

    def _timeline(self, o: _Order, peak: bool) -> None:
        """Payment, shipping and completion, as far as the demo clock has got."""
        r, as_of = self.random(), self.as_of
        if r < UNPAID_SHARE:
            by_buyer = r < UNPAID_SHARE * 0.3
            closes = o.created + (300 + int(self.random() * 6 * HOUR) if by_buyer else DAY)
            o.closed = closes <= as_of
            return
        paid = o.created + self._pay_delay(o.shop.platform)
        if paid > as_of:
            return
        o.paid = paid
        if as_of - paid < LATE_WINDOW and paid + o.shop.deadline < as_of and self.random() < LATE_SHARE:
            return  # missed by the warehouse: late to ship
        shipped = self._dispatch(paid, o.shop.platform, peak)
        if shipped <= as_of:
            o.shipped = shipped
            completed = self._completion(shipped, o.shop)
            o.completed = completed if completed <= as_of else None

    def _pay_delay(self, platform: Platform) -> int:
        r = self.random()
        if r < 0.85 or (platform is _PDD and r < 0.95):
            return 10 + int(self.random() * 170)
        if r < 0.97:
            return 180 + int(self.random() * 3420)
        return HOUR + int(self.random() * 11 * HOUR)

    def _dispatch(self, paid: int, platform: Platform, peak: bool) -> int:
        """The warehouse ships at 16:00–19:00 China time (JD also at 11:00); peaks add a backlog."""
        local = paid + 8 * HOUR
        midnight, second = local - local % DAY, local % DAY
        if platform is _JD and second < 10 * HOUR:
            slot = midnight + 11 * HOUR
        elif second < 15 * HOUR:
            slot = midnight + 16 * HOUR
        else:
            slot = midnight + DAY + (11 if platform is _JD else 16) * HOUR
        if peak:
            slot += int(self.random() * 3) * DAY
        elif self.random() < 0.08:
            slot += DAY
        return slot + int(self.random() * 3 * HOUR) - 8 * HOUR

    def _completion(self, shipped: int, shop: _Shop) -> int:
        delivered = shipped + DAY + int(self.random() * 3 * DAY)
        if shop.platform is _PDD or self.random() < 0.4:  # PDD completes on signing
            return delivered + int(self.random() * 2 * DAY)
        return shipped + shop.auto_confirm + int(self.random() * HOUR)

    # --- refunds -----------------------------------------------------------------------------------------

    def _refund(self, o: _Order) -> _Refund | None:
        if self.random() >= REFUND_SHARE:
            return None
        assert o.paid is not None
        r, rnd = self.random(), self.random
        if r < 0.25:  # cancelled before shipping: refund only, whole order
            latest = o.shipped if o.shipped is not None else o.paid + 20 * HOUR
            applied = o.paid + 300 + int(rnd() * max(latest - o.paid - 600, 1))
            reason = "不想要了" if rnd() < 0.7 else "物流太慢"
            return self._case(_CANCEL, reason, applied, applied + 300 + int(rnd() * 4 * HOUR), True, 0, 0)
        if o.shipped is None:
            return None
        line = int(rnd() * len(o.lines))
        reason = self.rng.choices(REFUND_REASONS, weights=REFUND_REASON_WEIGHTS)[0]
        if r < 0.8:  # goods come back
            applied = o.shipped + 2 * DAY + int(rnd() * 7 * DAY)
            full = (len(o.lines) == 1 and (o.lines[0].qty == 1 or rnd() < 0.5)) or rnd() < 0.3
            units = 1 if not full and o.lines[line].qty > 1 else o.lines[line].qty
            return self._case(_RETURN, reason, applied, applied + 2 * DAY + int(rnd() * 6 * DAY), full, line, units)
        applied = o.shipped + DAY + int(rnd() * 5 * DAY)  # some money back, goods kept
        reason = "质量问题" if reason in ("不想要了", "尺码不合适") else reason
        return self._case(_COMPENSATE, reason, applied, applied + HOUR + int(rnd() * 2 * DAY), False, line, 0)

    def _case(
        self, kind: str, reason: str, applied: int, finished: int, full: bool, line: int, units: int
    ) -> _Refund | None:
        if applied > self.as_of:
            return None  # not asked yet
        if finished > self.as_of:
            return _Refund(kind, reason, applied, None, R_REFUNDING, full, line, units)
        r = self.random()
        if kind != _CANCEL and r < 0.05:
            return _Refund(kind, reason, applied, finished, R_REJECTED, full, line, 0)
        if kind != _CANCEL and r < 0.09:  # the buyer withdrew it
            return _Refund(kind, reason, applied, finished, R_CLOSED, full, line, 0)
        return _Refund(kind, reason, applied, finished, R_REFUNDED, full, line, units)

    def _settle_refund(self, o: _Order, refund: _Refund) -> None:
        """Per-line refunds, the order's refunded amount and what the case did to the trade."""
        if refund.kind == _CANCEL:
            o.shipped = o.completed = None  # the seller stopped the parcel
        elif refund.full and o.completed is not None and refund.applied < o.completed:
            if refund.state in (R_REFUNDING, R_REFUNDED):  # the case holds, then closes, the trade
                o.completed = None
        for line in refund.lines(o.lines):
            if refund.full:
                amount = line.paid
            elif refund.kind == _COMPENSATE:
                amount = min(line.paid, max(500, int(round(line.paid * (0.1 + 0.2 * self.random()), -2))))
            else:
                amount = line.paid if line.qty == 1 else line.paid // line.qty * refund.units
            line.state, line.refund = refund.state, amount
            if refund.state == R_REFUNDED:
                o.refund_total += amount
        if refund.full and refund.state == R_REFUNDED and refund.kind == _CANCEL:
            o.refund_total += o.shipping  # nothing was sent: the postage goes back too

    # --- status, ids, money ------------------------------------------------------------------------------

    @staticmethod
    def _status(o: _Order) -> str:
        refund = o.refund
        if o.paid is None:
            return CLOSED if o.closed else PENDING
        if refund is not None and refund.state == R_REFUNDING:
            return REFUNDING
        if refund is not None and refund.full and refund.state == R_REFUNDED and o.completed is None:
            return REFUNDED
        if o.completed is not None:
            return COMPLETED
        return SHIPPED if o.shipped is not None else PAID

    @staticmethod
    def _allocate(o: _Order) -> None:
        """Spread the order discount over the lines in proportion to their value (exact to the cent)."""
        left, last = o.discount, len(o.lines) - 1
        for i, line in enumerate(o.lines):
            payable = line.qty * line.unit
            share = left if i == last else o.discount * payable // o.goods
            left -= share
            line.paid = payable - share

    def _platform_order_id(self, o: _Order) -> str:
        number = o.shop.order_ids.next()
        if o.shop.platform is not _PDD:
            return number
        day = local_day_number(o.paid if o.paid is not None else o.created)  # PDD ids start with the date
        prefix = self._pdd_dates.get(day)
        if prefix is None:
            prefix = self._pdd_dates[day] = f"{day_of_number(day):%y%m%d}-"
        return prefix + number

    def _ship(self, o: _Order) -> None:
        table = o.shop.carriers
        o.carrier = CARRIERS[table[int(self.random() * len(table))]]
        o.tracking = TRACKING_FORMAT[o.carrier][0] + self._tracking[o.carrier].next()

    # --- rows --------------------------------------------------------------------------------------------

    def _write_order(self, o: _Order) -> None:
        """The order and its lines as an import's first write of them: the import's row builders make every
        value but the times, which the demo clock gives as stored text."""
        shop, rnd, optional = o.shop, self.random, self.opt_text
        status_raw = shop.status_text[self._base_status(o)]
        if shop.platform is _JD and o.status == REFUNDING and o.shipped is None:
            status_raw = "(锁定)" + status_raw  # locked while the refund is open
        elif shop.platform is _PDD and o.status == REFUNDED and o.shipped is None:
            status_raw = "未发货，退款成功"
        if shop.platform is not _PDD:  # PDD exports no receiver name, phone or address
            name = self._names[int(rnd() * len(self._names))]
            phone = self._phones[int(rnd() * len(self._phones))]
            address = self._addresses[int(rnd() * len(self._addresses))]
        else:
            name = phone = address = ""
        r = rnd()
        message = BUYER_MESSAGES[int(r * 1000) % len(BUYER_MESSAGES)] if r < 0.06 else ""
        memo = SELLER_MEMOS[int(r * 1000) % len(SELLER_MEMOS)] if 0.06 <= r < 0.08 else ""
        record = OrderRecord(
            shop.platform,
            o.platform_order_id,
            status=_STATUS[o.status],
            status_raw=status_raw,
            refund_state=_REFUND_STATE[o.refund.state if o.refund is not None else R_NONE],
            goods_cents=o.goods,
            shipping_cents=o.shipping,
            discount_cents=o.discount,
            paid_cents=o.paid_total,
            refund_cents=o.refund_total,
            buyer_nick=o.nick,
            receiver_name=name,
            receiver_phone=phone,
            receiver_province=o.place[0],
            receiver_city=o.place[1],
            receiver_district=o.place[2],
            receiver_address=address,
            buyer_message=message,
            seller_memo=memo,
            carrier=o.carrier,
            tracking_no=o.tracking,
            items=self._write_lines(o),
        )
        values = om.new_order_row(record, amounts_from_lines=False, buyer_id=o.buyer_id)
        times = (o.created_text, optional(o.paid), optional(o.shipped), optional(o.completed))
        head = (o.id, shop.id, shop.value, o.platform_order_id, self.as_of_text, 1, None)
        self._order_rows.append((*head, *values[:_ORDER_TIMES_AT], *times))

    @staticmethod
    def _base_status(o: _Order) -> str:
        """The trade status the platform prints (a refund in progress is shown beside it, not instead)."""
        if o.status != REFUNDING:
            return o.status
        return SHIPPED if o.shipped is not None else PAID

    def _write_lines(self, o: _Order) -> list[ItemRecord]:
        records: list[ItemRecord] = []
        shipped_text = self.opt_text(o.shipped)
        for k, line in enumerate(o.lines):
            status = o.status
            if line.state == R_REFUNDED and line.refund == line.paid and o.status != REFUNDED:
                status = REFUNDED  # one line returned, the rest went on
            line.row_id, line.status = self.next_item, status
            self.next_item += 1
            sub_order_id = self._sub_order_id(o, k)
            record = ItemRecord(
                sub_order_id,
                title=line.sku.title,
                spec=line.sku.spec,
                seller_code=line.code,
                platform_item_id=line.item_ref,
                platform_sku_id=line.sku_ref,
                qty=line.qty,
                unit_price_cents=line.unit,
                payable_cents=line.qty * line.unit,
                paid_cents=line.paid,
                refund_cents=line.refund,
                status=_STATUS[status],
                refund_state=_REFUND_STATE[line.state],
            )
            records.append(record)
            values = om.item_row(record, line.sku.id if line.linked else None)
            at = _ITEM_SHIPPED_AT
            self._item_rows.append((line.row_id, o.id, sub_order_id, *values[:at], shipped_text, *values[at + 1 :]))
        return records

    @staticmethod
    def _sub_order_id(o: _Order, k: int) -> str:
        platform = o.shop.platform
        if platform is _PDD or (len(o.lines) == 1 and platform is _TAOBAO):
            return o.platform_order_id  # PDD orders have one line; a single Taobao line shares the order's id
        if platform is _JD:
            return f"{o.platform_order_id}-{k + 1}"
        return str(int(o.platform_order_id) + k + 1)

    def _write_refunds(self, o: _Order, refund: _Refund) -> None:
        shop = o.shop
        kind = RETURN_REFUND if refund.kind == _RETURN else REFUND_ONLY
        raw = shop.refund_text[refund.state] or refund.state
        applied, finished = self.text(refund.applied), self.opt_text(refund.finished)
        postage = o.shipping if refund.kind == _CANCEL else 0  # refunded with the first line's case
        for line in refund.lines(o.lines):
            self._refund_rows.append(
                (
                    self.next_refund,
                    shop.id,
                    shop.refund_ids.next(),
                    o.platform_order_id,
                    o.id,
                    line.refund + postage,
                    refund.state,
                    raw,
                    kind,
                    refund.reason,
                    line.code,
                    line.sku.title,
                    applied,
                    finished,
                )
            )
            self.next_refund += 1
            postage = 0

    # --- what later steps need ---------------------------------------------------------------------------

    def _account(self, o: _Order) -> None:
        stats = self.stats
        if o.paid is not None:
            month = self._month_key(o.paid)
            figures = stats.monthly.get(month)
            if figures is None:
                figures = stats.monthly[month] = [0, 0, 0, 0]
            figures[0] += 1
            figures[1] += o.paid_total
            figures[2] += o.refund_total
            figures[3] += o.refund_total > 0
        self._stock(o)
        late = o.paid is not None and o.shipped is None and o.refund is None and o.paid + o.shop.deadline < self.as_of
        if late:
            stats.late_orders.append(o.id)
        weight = 6.0 if o.refund is not None else 8.0 if late else 1.0
        if self.random() < self._ticket_rate * weight:
            self._ticket(o, late)

    def _month_key(self, instant: int) -> str:
        number = local_day_number(instant)
        key = self._month_keys.get(number)
        if key is None:
            key = self._month_keys[number] = f"{day_of_number(number):%Y-%m}"
        return key

    def _stock(self, o: _Order) -> None:
        """Each linked line's movements, exactly what ``sync_order_stock`` would post for it (so a later sync
        posts nothing), dated when they happened: reserved on payment, out on shipping, back on the refund."""
        refund, add = o.refund, self.movements.add
        order_refund = refund.state if refund is not None else R_NONE
        back_at = refund.finished if refund is not None and refund.finished is not None else self.as_of
        shipped, rules = o.shipped is not None, self._stock_rules
        for line in o.lines:
            if not line.linked:
                continue
            key = (o.status, order_refund, line.status, line.state, shipped)
            rule = rules.get(key)
            if rule is None:  # the rule per unit (each figure is 0 or the quantity), asked once per case
                rule = rules[key] = desired_line_stock(*line_stock_state(*key[:4]), shipped, 1)
            reserved, out, back = rule[0] * line.qty, rule[1] * line.qty, rule[2] * line.qty
            sku, ref, item = line.sku.id, o.platform_order_id, line.row_id
            if reserved:
                assert o.paid is not None
                add(sku, MAIN, _RESERVE, 0, reserved, o.paid, RESERVE_REASON, ref=ref, item_id=item)
            if out:
                assert o.shipped is not None
                add(sku, MAIN, _OUT, -out, 0, o.shipped, OUT_REASON, ref=ref, item_id=item)
                _tally(self.stats.sold, line.index, o.shipped, out)
            if back:
                add(sku, RETURNS, _BACK, back, 0, back_at, RETURN_REASON, ref=ref, item_id=item)
                _tally(self.stats.returned, line.index, back_at, back)

    def _ticket(self, o: _Order, late: bool) -> None:
        category, at = self._ticket_topic(o, late)
        if at > self.as_of or at < self.catalog.start:
            return
        linked = o.paid is not None or category != TicketCategory.PRE_SALE
        self.stats.tickets.append(
            TicketSeed(
                category, at, o.shop.id, o.buyer_id, o.id if linked else None, o.platform_order_id if linked else ""
            )
        )

    def _ticket_topic(self, o: _Order, late: bool) -> tuple[TicketCategory, int]:
        """What the buyer contacts service about, and when."""
        r, rnd, refund = self.random(), self.random, o.refund
        if refund is not None:
            if refund.reason == "质量问题" and r < 0.6:
                return TicketCategory.QUALITY, refund.applied - int(rnd() * 2 * HOUR)
            return TicketCategory.RETURN_REFUND, refund.applied + int(rnd() * HOUR)
        if late and o.paid is not None:
            return TicketCategory.LOGISTICS, o.paid + 30 * HOUR + int(rnd() * DAY)
        if o.paid is None or r < 0.3:
            return TicketCategory.PRE_SALE, o.created - 600 - int(rnd() * 3 * HOUR)
        if o.shipped is None or r < 0.72:
            anchor = o.shipped if o.shipped is not None else o.paid
            return TicketCategory.LOGISTICS, anchor + DAY + int(rnd() * 3 * DAY)
        if r < 0.8:
            return TicketCategory.QUALITY, o.shipped + 2 * DAY + int(rnd() * 4 * DAY)
        if r < 0.88 and o.completed is not None:
            return TicketCategory.BAD_REVIEW, o.completed + int(rnd() * 2 * DAY)
        return TicketCategory.OTHER, o.created + int(rnd() * 5 * DAY)


def _tally(units: dict[tuple[int, int], int], index: int, at: int, qty: int) -> None:
    key = (index, local_day_number(at))
    units[key] = units.get(key, 0) + qty


def generate_orders(
    rng: random.Random,
    catalog: Catalog,
    sink: Sink,
    clocks: tuple[TimeText, OptionalTimeText],
    ids: Ids,
    movements: Movements,
    progress: Progress,
    *,
    orders: int,
    as_of: int,
) -> OrderStats:
    """All the year's orders, written in chunks as they are made; returns what the later steps need."""
    maker = OrderMaker(rng, catalog, sink, clocks, ids, movements, orders=orders, as_of=as_of)
    first = day_of_number(local_day_number(catalog.start))
    open_hours = (as_of - catalog.start - (catalog.days - 1) * DAY) // HOUR
    last_share = sum(HOUR_WEIGHTS[:open_hours]) / sum(HOUR_WEIGHTS)
    for index, count in enumerate(daily_counts(rng, first, catalog.days, orders, last_share)):
        maker.day(index, count)
        if sink.full():
            sink.write(maker.take())
        progress.advance(count)
    sink.write(maker.take())
    sink.drain()
    maker.claim_ids()
    stats = maker.stats
    if len(stats.tickets) > TICKET_CAP:  # thin evenly rather than stop early: the last weeks need tickets too
        keep = sorted(rng.sample(range(len(stats.tickets)), TICKET_CAP))
        stats.tickets = [stats.tickets[i] for i in keep]
    stats.orders = sink.counts["orders"]
    stats.items = sink.counts["order_items"]
    stats.refunds = sink.counts["refunds"]
    stats.buyers = sink.counts["buyers"]
    return stats
