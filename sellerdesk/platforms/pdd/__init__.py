"""Pinduoduo: everything SellerDesk knows about the platform, as one ``PlatformSpec``.

parser.py reads its order and after-sales exports (header aliases, layouts, amounts rule), status.py maps
its status texts, samples.py writes its export file; the batch-ship layout, carriers and back-end link are
stated here.
"""

from __future__ import annotations

from sellerdesk.domain.carriers import COMMON
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.texts import QT_TRANSLATE_NOOP
from sellerdesk.platforms.pdd import samples
from sellerdesk.platforms.pdd.parser import AMOUNT_COLUMNS, PddParser
from sellerdesk.platforms.spec import PlatformSpec
from sellerdesk.sheets.shipping import ShipLayout

SPEC = PlatformSpec(
    Platform.PDD,
    display_name=QT_TRANSLATE_NOOP("Labels", "Pinduoduo"),
    default_shop_name="拼多多店铺",
    parser=PddParser(),
    amount_columns=AMOUNT_COLUMNS,
    ship=ShipLayout(
        order_id=("订单号", "订单编号"),
        carrier=("快递公司", "物流公司"),
        tracking=("快递单号", "运单号"),
        carriers=COMMON,
    ),
    seller_url="https://mms.pinduoduo.com/orders/detail?type=0&sn={id}",
    samples=samples.EXPORTS,
)
