"""Words of the team-task screens that name stored codes: link kinds, promotion kinds, repeat rules, weekdays,
the task rules. Marked for lupdate; translated when shown (like ui/labels.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sellerdesk.ui import labels


def _t(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("TaskTexts", text)


LINK_KIND_TEXTS = {
    "product": QT_TRANSLATE_NOOP("TaskTexts", "Product"),
    "order": QT_TRANSLATE_NOOP("TaskTexts", "Order"),
    "ticket": QT_TRANSLATE_NOOP("TaskTexts", "Service ticket"),
    "review": QT_TRANSLATE_NOOP("TaskTexts", "Performance review"),
    "task": QT_TRANSLATE_NOOP("TaskTexts", "Task"),
}
LINK_KINDS = tuple(LINK_KIND_TEXTS)
PROMOTION_KIND_TEXTS = {
    "discount": QT_TRANSLATE_NOOP("TaskTexts", "Discount"),
    "full_reduction": QT_TRANSLATE_NOOP("TaskTexts", "Spend-and-save (满减)"),
    "coupon": QT_TRANSLATE_NOOP("TaskTexts", "Coupon"),
    "flash_sale": QT_TRANSLATE_NOOP("TaskTexts", "Flash sale"),
    "gift": QT_TRANSLATE_NOOP("TaskTexts", "Gift with purchase"),
    "group_buy": QT_TRANSLATE_NOOP("TaskTexts", "Group buy"),
}
FREQUENCIES = {
    "daily": _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Every N days"))),
    "weekdays": _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Every working day"))),
    "weekly": _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Every N weeks, on the days ticked"))),
    "monthly": _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Every N months, on one day"))),
}
WEEKDAYS = [
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Mon"))),
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Tue"))),
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Wed"))),
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Thu"))),
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Fri"))),
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Sat"))),
    _t(str(QT_TRANSLATE_NOOP("TaskTexts", "Sun"))),
]
RULE_NAMES = {
    "reorder": QT_TRANSLATE_NOOP("TaskTexts", "A SKU falls below its reorder point: a reorder task"),
    "late_to_ship": QT_TRANSLATE_NOOP("TaskTexts", "More orders late to ship than the threshold: a task to chase them"),
    "ticket_breach": QT_TRANSLATE_NOOP("TaskTexts", "A ticket about to miss its deadline: a task for its assignee"),
    "review_plan": QT_TRANSLATE_NOOP(
        "TaskTexts", "A submitted review's improvement plan: a task per item for the reviewed person"
    ),
}
# Titles of the tasks the rules make ({placeholders} filled by services.task_rules), in the UI language.
RULE_TITLES = {
    "reorder": QT_TRANSLATE_NOOP("TaskTexts", "Reorder {code} ({title}): {available} available, reorder point {point}"),
    "late_to_ship": QT_TRANSLATE_NOOP("TaskTexts", "{count} orders are late to ship"),
    "ticket_breach": QT_TRANSLATE_NOOP("TaskTexts", "Ticket #{id} is about to miss its deadline: {subject}"),
}


def link_kind(code: str) -> str:
    return QCoreApplication.translate("TaskTexts", str(LINK_KIND_TEXTS.get(code, code)))


def promotion_kind(code: str) -> str:
    return QCoreApplication.translate("TaskTexts", str(PROMOTION_KIND_TEXTS.get(code, code)))


def role(code: str) -> str:
    return labels.staff_role(code)  # the one label table (domain.labels)


def rule_name(code: str) -> str:
    return QCoreApplication.translate("TaskTexts", str(RULE_NAMES.get(code, code)))


def rule_titles() -> dict[str, str]:
    return {key: QCoreApplication.translate("TaskTexts", str(text)) for key, text in RULE_TITLES.items()}
