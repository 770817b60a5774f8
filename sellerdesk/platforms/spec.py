"""What SellerDesk knows about one platform, in one value: each platform module builds its ``PlatformSpec``
and platforms/registry.py lists them. The command line, detection, the batch-ship writer, the sample writer
and the UI read the registry, so a platform's facts live in its own module and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.domain.carriers import COMMON, official_carrier
from sellerdesk.domain.enums import Platform
from sellerdesk.platforms.base import AmountColumn, LayoutParser
from sellerdesk.platforms.samples import SampleExport
from sellerdesk.sheets.shipping import ShipLayout


@dataclass(frozen=True)
class PlatformSpec:
    platform: Platform
    # English, marked with QT_TRANSLATE_NOOP("Labels", …) so lupdate collects it; the UI translates it.
    display_name: str
    default_shop_name: str  # the shop an import goes to when neither the file nor the user names one
    parser: LayoutParser | None = None  # None: its files are read only through a column mapping
    amount_columns: tuple[AmountColumn, ...] = ()  # what its money columns mean (docs/amounts.md)
    ship: ShipLayout | None = None  # None: SellerDesk writes no batch-ship file for it
    seller_url: str = ""  # an order's page in the seller back end; {id} is the platform's order id
    samples: tuple[SampleExport, ...] = ()  # export files it writes, for sample and benchmark data

    @property
    def carriers(self) -> tuple[str, ...]:
        """The full carrier names its shipping accepts."""
        return self.ship.carriers if self.ship is not None else COMMON

    def official_carrier(self, name: str) -> str | None:
        """Its full name for a carrier as typed (full, short or a code); None when it accepts no such carrier."""
        renames = self.ship.carrier_renames if self.ship is not None else None
        return official_carrier(name, self.carriers, renames)

    def order_url(self, order_id: str) -> str:
        """The order's page in the seller back end; "" when there is none."""
        return self.seller_url.format(id=order_id) if self.seller_url else ""
