"""What a mutation touched, so screens can refresh (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    products: bool = False
    stock: bool = False
    orders: bool = False
    tickets: bool = False
    tasks: bool = False
    reviews: bool = False
    staff: bool = False
    shops: bool = False
    imports: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__})

    @property
    def any(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__)


ALL = Changes(**dict.fromkeys(Changes.__dataclass_fields__, True))
