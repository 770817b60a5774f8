"""JD: everything SellerDesk knows about the platform, as one ``PlatformSpec``.

parser.py reads its order export (header aliases, layout, amounts rule), status.py maps its status texts,
samples.py writes its export file; the batch-ship layout, carriers and back-end link are stated here.
"""

from __future__ import annotations

from sellerdesk.domain.carriers import COMMON
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.texts import QT_TRANSLATE_NOOP
from sellerdesk.platforms.jd import samples
from sellerdesk.platforms.jd.parser import AMOUNT_COLUMNS, JdParser
from sellerdesk.platforms.spec import PlatformSpec
from sellerdesk.sheets.shipping import ShipLayout

SPEC = PlatformSpec(
    Platform.JD,
    display_name=QT_TRANSLATE_NOOP("Labels", "JD"),
    default_shop_name="京东店铺",
    parser=JdParser(),
    amount_columns=AMOUNT_COLUMNS,
    ship=ShipLayout(
        order_id=("订单号", "订单编号"),
        carrier=("物流公司", "快递公司"),
        tracking=("运单号", "运单编号", "快递单号"),
        # JD lists its own logistics first; 京东/JD typed on a JD order means it, not 京东快递.
        carriers=("京东物流", *COMMON),
        carrier_renames={"京东快递": "京东物流"},
    ),
    seller_url="https://neworder.shop.jd.com/order/orderDetail?orderId={id}",
    samples=samples.EXPORTS,
)
