"""The screens and the monthly workbook call every status, state and role by the same word, in both languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum

import pytest
from PySide6.QtWidgets import QApplication

from sellerdesk.domain import labels as table
from sellerdesk.domain.enums import (
    OrderStatus,
    Priority,
    RefundState,
    ReviewStatus,
    Role,
    TaskStatus,
    TicketCategory,
    TicketStatus,
)
from sellerdesk.sheets.report_workbook import enum_label
from sellerdesk.ui import labels
from sellerdesk.ui.i18n import install_translators

SHOWN: dict[str, tuple[type[StrEnum], Callable[[str], str]]] = {
    "order_status": (OrderStatus, labels.order_status),
    "refund_state": (RefundState, labels.refund_state),
    "ticket_status": (TicketStatus, labels.ticket_status),
    "ticket_category": (TicketCategory, labels.ticket_category),
    "priority": (Priority, labels.priority),
    "task_status": (TaskStatus, labels.task_status),
    "review_status": (ReviewStatus, labels.review_status),
    "staff_role": (Role, labels.staff_role),
}


@pytest.fixture
def language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    lang: str = request.param
    assert install_translators(lang)
    yield lang
    install_translators("en")


def test_every_table_covers_its_enum() -> None:
    assert set(SHOWN) == set(table.TABLES)
    for name, (enum, _) in SHOWN.items():
        assert set(table.TABLES[name]) == {e.value for e in enum}, name


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_screens_and_workbook_use_the_same_words(language: str) -> None:
    lang = "zh_CN" if language == "zh_CN" else "en"
    for name, (enum, on_screen) in SHOWN.items():
        for code in enum:
            in_workbook = enum_label(table.TABLES[name], code, lang)
            assert on_screen(code) == in_workbook, (language, name, code)
            assert in_workbook or code == RefundState.NONE, (language, name, code)


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_the_chosen_words(language: str) -> None:
    assert labels.order_status("paid") == "待发货"
    assert enum_label(table.ORDER_STATUSES, "paid", "en") == "Paid, to ship"
    assert labels.refund_state("refund_rejected") == "退款被拒"
    assert labels.order_status("someday_status") == "someday_status"  # a newer version's code, as it is
