"""The database password goes to the OS keyring, never into the settings; without a keyring, nowhere."""

from __future__ import annotations

from fake_keyring import MemoryKeyring

from sellerdesk.db.credentials import (
    SERVICE,
    remember_password,
    stored_password,
    with_stored_password,
    without_password,
)

URL = "postgresql+psycopg://shop:s%40cret@db.example:5432/sellerdesk"
BARE = "postgresql+psycopg://shop@db.example:5432/sellerdesk"


def test_the_address_without_its_password() -> None:
    assert without_password(URL) == BARE
    assert without_password(BARE) == BARE
    assert without_password("sqlite:////tmp/shop.sqlite") == "sqlite:////tmp/shop.sqlite"
    assert without_password("shop.sqlite") == "shop.sqlite"


def test_a_keyring_keeps_the_password_under_the_address(memory_keyring: MemoryKeyring) -> None:
    assert remember_password(URL)
    assert memory_keyring.entries == {(SERVICE, BARE): "s@cret"}
    assert stored_password(BARE) == "s@cret"
    assert with_stored_password(BARE) == URL
    assert with_stored_password(URL) == URL  # a password typed wins
    assert with_stored_password("sqlite:////tmp/shop.sqlite") == "sqlite:////tmp/shop.sqlite"
    assert not remember_password(BARE)  # nothing to keep


def test_without_a_keyring_nothing_is_kept() -> None:  # the tests' default: no keyring
    assert not remember_password(URL)
    assert stored_password(BARE) is None
    assert with_stored_password(BARE) == BARE  # the dialog asks for it
