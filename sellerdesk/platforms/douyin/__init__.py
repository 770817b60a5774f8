"""Douyin (抖店): everything SellerDesk knows about the platform, as one ``PlatformSpec``.

parser.py reads its order export (header aliases, layouts, amounts rule), status.py maps its status texts,
samples.py writes its export file; the batch-ship layout, carriers and back-end link are stated here.
"""

from __future__ import annotations

from sellerdesk.domain.carriers import COMMON
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.texts import QT_TRANSLATE_NOOP
from sellerdesk.platforms.douyin import samples
from sellerdesk.platforms.douyin.parser import AMOUNT_COLUMNS, DouyinParser
from sellerdesk.platforms.spec import PlatformSpec
from sellerdesk.sheets.shipping import ShipLayout

SPEC = PlatformSpec(
    Platform.DOUYIN,
    display_name=QT_TRANSLATE_NOOP("Labels", "Douyin"),
    default_shop_name="抖音小店",
    parser=DouyinParser(),
    amount_columns=AMOUNT_COLUMNS,
    ship=ShipLayout(
        order_id=("订单号", "订单ID", "主订单编号", "订单编号"),
        carrier=("快递公司", "物流公司"),
        tracking=("快递单号", "运单号"),
        carriers=COMMON,
    ),
    seller_url="https://fxg.jinritemai.com/ffa/morder/order/detail?id={id}",
    samples=samples.EXPORTS,
)
