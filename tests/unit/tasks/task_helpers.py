"""Small builders shared by the team-task tests."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sellerdesk.models import Product, Shop, Sku, StaffUser, Warehouse


def staff(session: Session, login: str, role: str = "manager") -> StaffUser:
    person = StaffUser(login=login, name=login.title(), role=role)
    session.add(person)
    session.flush()
    return person


def sku(session: Session, code: str, *, reorder_point: int = 0) -> Sku:
    product = Product(title=f"商品 {code}")
    item = Sku(product=product, seller_code=code, reorder_point=reorder_point)
    session.add_all([product, item])
    session.flush()
    return item


def shop(session: Session, name: str = "旗舰店") -> Shop:
    found = Shop(platform="taobao", name=name)
    session.add(found)
    session.flush()
    return found


def warehouse(session: Session) -> Warehouse:
    found = Warehouse(code="main", name="主仓")
    session.add(found)
    session.flush()
    return found
