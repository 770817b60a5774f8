"""Taobao / Tmall: everything SellerDesk knows about the platform, as one ``PlatformSpec``.

parser.py reads its exports (header aliases, layouts, amounts rule), status.py maps its status texts,
samples.py writes its export files; the batch-ship layout, carriers and back-end link are stated here.
"""

from __future__ import annotations

from sellerdesk.domain.carriers import COMMON
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.texts import QT_TRANSLATE_NOOP
from sellerdesk.platforms.spec import PlatformSpec
from sellerdesk.platforms.taobao import samples
from sellerdesk.platforms.taobao.parser import AMOUNT_COLUMNS, TaobaoParser
from sellerdesk.sheets.shipping import ShipLayout

SPEC = PlatformSpec(
    Platform.TAOBAO,
    display_name=QT_TRANSLATE_NOOP("Labels", "Taobao/Tmall"),
    default_shop_name="淘宝/天猫店铺",
    parser=TaobaoParser(),
    amount_columns=AMOUNT_COLUMNS,
    # Batch-ship upload (platform-formats.md §8): our header first, then the names its template uses.
    ship=ShipLayout(
        order_id=("订单编号", "主订单编号", "订单号"),
        carrier=("物流公司", "物流公司名称", "快递公司"),
        tracking=("运单号", "物流单号", "运单编号", "快递单号"),
        carriers=COMMON,
    ),
    seller_url="https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={id}",
    samples=samples.EXPORTS,
)
