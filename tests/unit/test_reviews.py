"""Monthly performance reviews: scoring against hand-computed scorecards, actuals equal to the month's
figures and frozen at submit, who sees and does what, the improvement plan as tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import ReviewStatus, Role
from sellerdesk.domain.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.domain.reviews import (
    Band,
    GradeThresholds,
    LineRule,
    ScoringRule,
    Step,
    grade_for,
    overall_score,
    score_line,
)
from sellerdesk.domain.timeutil import local_to_utc
from sellerdesk.models import Order, Shop, StaffUser, Task, Ticket
from sellerdesk.services import browse, task_rules
from sellerdesk.services import reviews as rv
from sellerdesk.services.reports.monthly import late_shipments, monthly_figures
from sellerdesk.services.reports.team import compute_team_figures
from sellerdesk.services.tickets.figures import agent_month_figures

MONTH = "2026-08"
NOW = datetime(2026, 9, 3, 4, tzinfo=UTC)


def cn(y: int, m: int, d: int, h: int = 12) -> datetime:
    return local_to_utc(datetime(y, m, d, h), "Asia/Shanghai")


# ---------------------------------------------------------------- scoring rules (pure, by hand)


def test_linear_scores_by_hand() -> None:
    higher = LineRule(ScoringRule.LINEAR, target=200, higher_is_better=True, cap_bp=12_000)
    assert score_line(higher, 150) == 7_500  # 150 / 200 = 75.00 points
    assert score_line(higher, 260) == 12_000  # 130 points, capped at 120
    assert score_line(higher, 0) == 0
    assert score_line(higher, None) is None  # no data: not scorable
    odd = LineRule(ScoringRule.LINEAR, target=3)
    assert score_line(odd, 2) == 6_667  # 66.666… → 66.67 (half up)
    lower = LineRule(ScoringRule.LINEAR, target=60, higher_is_better=False)
    assert score_line(lower, 80) == 7_500  # 60 / 80 = 75 points
    assert score_line(lower, 30) == 10_000  # 200 points, capped at 100
    assert score_line(lower, 0) == 10_000  # nothing to wait for: the cap
    assert score_line(LineRule(ScoringRule.LINEAR, target=0), 5) == 10_000  # any actual meets a 0 target


def test_band_scores_by_hand() -> None:
    # 首响: ≤ 6 s → 100, ≤ 10 s → 80, ≤ 20 s → 60, slower → 0
    response = LineRule(
        ScoringRule.BANDS, higher_is_better=False, bands=(Band(6, 10_000), Band(10, 8_000), Band(20, 6_000))
    )
    assert [score_line(response, s) for s in (4, 6, 7, 10, 20, 21)] == [10_000, 10_000, 8_000, 8_000, 6_000, 0]
    # 询单转化率: ≥ 60 % → 100, ≥ 50 % → 85, ≥ 40 % → 70
    conversion = LineRule(ScoringRule.BANDS, bands=(Band(6_000, 10_000), Band(5_000, 8_500), Band(4_000, 7_000)))
    assert [score_line(conversion, bp) for bp in (6_500, 5_000, 4_999, 3_000)] == [10_000, 8_500, 7_000, 0]


def test_manual_scores_and_overall_grade_by_hand() -> None:
    manual = LineRule(ScoringRule.MANUAL, cap_bp=10_000)
    assert score_line(manual, None, 9_000) == 9_000
    assert score_line(manual, None, 12_000) == 10_000
    assert score_line(manual, None, None) is None
    # 30 % × 75 + 15 % × 100 + 15 % × 80 + 40 % × 90 = 22.5 + 15 + 12 + 36 = 85.50
    lines = [(7_500, 3_000), (10_000, 1_500), (8_000, 1_500), (9_000, 4_000)]
    assert overall_score(lines) == 8_550
    assert grade_for(8_550) == "A" and grade_for(8_499) == "B" and grade_for(9_500) == "S" and grade_for(5_999) == "D"
    assert overall_score([(None, 5_000), (10_000, 5_000)]) is None
    assert grade_for(8_550, GradeThresholds(9_000, 8_600, 7_000, 5_000)) == "B"


# ---------------------------------------------------------------- the shop


@dataclass
class Team:
    owner: Actor
    manager: Actor
    manager2: Actor
    agent: Actor
    agent2: Actor
    product: Actor
    marketing: Actor
    ops: Actor
    shop: Shop


def _person(session: Session, login: str, name: str, role: Role) -> Actor:
    user = StaffUser(login=login, name=name, role=role)
    session.add(user)
    session.flush()
    return Actor(user.id, role, name, login)


@pytest.fixture
def team(session: Session) -> Team:
    shop = Shop(platform="taobao", name="旗舰店", timezone="Asia/Shanghai")
    session.add(shop)
    session.flush()
    return Team(
        owner=_person(session, "boss", "老板", Role.OWNER),
        manager=_person(session, "mgr", "王经理", Role.MANAGER),
        manager2=_person(session, "mgr2", "赵经理", Role.MANAGER),
        agent=_person(session, "kf1", "小李", Role.SERVICE),
        agent2=_person(session, "kf2", "小张", Role.SERVICE),
        product=_person(session, "sp", "周敏", Role.PRODUCT),
        marketing=_person(session, "yx", "陈静", Role.MARKETING),
        ops=_person(session, "yy", "林晓", Role.OPERATIONS),
        shop=shop,
    )


def _ticket(session: Session, agent: Actor, resolved: datetime, **kw: object) -> Ticket:
    values: dict[str, object] = {
        "subject": "问题",
        "category": "logistics",
        "status": "resolved",
        "created_at": resolved,
        "resolved_at": resolved,
        "handled_by_id": agent.staff_id,
        "assignee_id": agent.staff_id,
    }
    values.update(kw)
    ticket = Ticket(**values)
    session.add(ticket)
    session.flush()
    return ticket


def _order(session: Session, shop: Shop, oid: str, paid: datetime, cents: int, **kw: object) -> Order:
    order = Order(
        shop_id=shop.id,
        platform=shop.platform,
        platform_order_id=oid,
        status="completed",
        paid_at=paid,
        created_at=paid,
        paid_cents=cents,
        **kw,
    )
    session.add(order)
    session.flush()
    return order


SERVICE_LINES = (
    rv.TemplateLine("解决工单数", "tickets_handled", target=4, weight_bp=3_000),
    rv.TemplateLine(
        "首次响应",
        "first_response_median_s",
        weight_bp=2_500,
        scoring=ScoringRule.BANDS,
        higher_is_better=False,
        bands=(Band(30, 10_000), Band(60, 8_000), Band(120, 6_000)),
    ),
    rv.TemplateLine("SLA达成率", "sla_hit_rate_bp", target=8_000, weight_bp=2_500, cap_bp=12_000),
    rv.TemplateLine("服务态度", "", target=100, weight_bp=2_000, scoring=ScoringRule.MANUAL, unit="score"),
)
OPS_LINES = (
    rv.TemplateLine("月度销售额", "gmv_cents", target=100_000, weight_bp=5_000),
    rv.TemplateLine("退款率", "refund_rate_bp", target=2_500, weight_bp=2_500, higher_is_better=False),
    rv.TemplateLine("发货超时率", "late_shipment_rate_bp", target=1_000, weight_bp=2_500, higher_is_better=False),
)
EVERYONE_LINES = (
    rv.TemplateLine("按时完成任务", "tasks_on_time_bp", target=10_000, weight_bp=6_000),
    rv.TemplateLine("完成任务数", "tasks_done", target=2, weight_bp=4_000),
)


def _templates(session: Session, t: Team) -> None:
    rv.save_kpi_template(session, t.manager, "service", SERVICE_LINES, ())
    rv.save_kpi_template(session, t.manager, "operations", OPS_LINES, ())
    for role in ("product", "marketing"):
        rv.save_kpi_template(session, t.manager, role, EVERYONE_LINES, ())
    rv.save_kpi_template(session, t.owner, "manager", OPS_LINES, ())


def _month_data(session: Session, t: Team) -> None:
    # 小李: 3 tickets resolved in August; first responses 20, 50, 90 s (median 50); one breached.
    _ticket(session, t.agent, cn(2026, 8, 3), first_response_s=20, satisfaction=5)
    _ticket(session, t.agent, cn(2026, 8, 10), first_response_s=50, satisfaction=4)
    _ticket(session, t.agent, cn(2026, 8, 31, 23), first_response_s=90, response_breached=True)
    _ticket(session, t.agent, cn(2026, 9, 1, 1), first_response_s=5)  # September (China time)
    _ticket(session, t.agent2, cn(2026, 8, 12), first_response_s=15)
    # Orders paid in August: 80,000 + 40,000 = 120,000 cents, one refunded; one shipped late (48 h).
    _order(session, t.shop, "A1", cn(2026, 8, 1), 80_000, shipped_at=cn(2026, 8, 2))
    _order(session, t.shop, "A2", cn(2026, 8, 20), 40_000, refund_cents=40_000, shipped_at=cn(2026, 8, 24))
    _order(session, t.shop, "B1", cn(2026, 9, 1), 99_000)  # September
    # 周敏: two tasks due in August, one on time; a third done in August, due in September.
    session.add_all(
        [
            Task(title="a", assignee_id=t.product.staff_id, due_date=date(2026, 8, 10), completed_at=cn(2026, 8, 9)),
            Task(title="b", assignee_id=t.product.staff_id, due_date=date(2026, 8, 12), completed_at=cn(2026, 8, 14)),
            Task(title="c", assignee_id=t.product.staff_id, due_date=date(2026, 9, 12), completed_at=cn(2026, 8, 20)),
        ]
    )
    session.flush()


def _review_of(session: Session, actor: Actor, staff: Actor) -> rv.ReviewDetail:
    found = [s for s in rv.review_summaries(session, actor, MONTH) if s.staff_id == staff.staff_id]
    assert len(found) == 1
    return rv.get_review(session, actor, found[0].id, NOW)


# ---------------------------------------------------------------- templates


def test_template_weights_must_total_100(session: Session, team: Team) -> None:
    lines = (rv.TemplateLine("A", "tickets_handled", 10, 6_000), rv.TemplateLine("B", "", 100, 3_500))
    with pytest.raises(ValidationError) as err:
        rv.save_kpi_template(session, team.manager, "service", lines, ())
    assert (err.value.code, err.value.params["total"]) == ("kpi_weights_total", "95")
    with pytest.raises(ValidationError) as err:
        rv.save_kpi_template(session, team.manager, "service", (rv.TemplateLine("A", "gmv_cents", 1, 10_000),), ())
    assert err.value.code == "kpi_metric_role"
    bands = (rv.TemplateLine("A", "tickets_handled", weight_bp=10_000, scoring=ScoringRule.BANDS),)
    with pytest.raises(ValidationError, match="bands"):
        rv.save_kpi_template(session, team.manager, "service", bands, ())
    rv.save_kpi_template(session, team.manager, "service", SERVICE_LINES, ())
    saved = rv.kpi_template(session, team.agent, "service")  # everyone reads templates
    assert [line.name for line in saved.lines] == [line.name for line in SERVICE_LINES]
    assert saved.lines[1].bands == SERVICE_LINES[1].bands and saved.lines[0].unit == "count"


def test_template_edit_rights_and_stale_save(session: Session, team: Team) -> None:
    for who in (team.agent, team.product, team.ops, team.marketing):
        with pytest.raises(PermissionDenied):
            rv.save_kpi_template(session, who, "service", SERVICE_LINES, ())
    rv.save_kpi_template(session, team.manager, "service", SERVICE_LINES, ())
    read = rv.kpi_template(session, team.manager, "service")
    changed = (rv.TemplateLine("X", "tickets_handled", 1, 10_000),)
    rv.save_kpi_template(session, team.owner, "service", changed, read.read_versions)
    with pytest.raises(ConflictError):  # the manager saves what they read before the owner's save
        rv.save_kpi_template(session, team.manager, "service", SERVICE_LINES, read.read_versions)


# ---------------------------------------------------------------- filling, scoring, freezing


def test_month_reviews_are_made_once_for_everyone_reviewed(session: Session, team: Team) -> None:
    _templates(session, team)
    made = rv.create_month_reviews(session, team.manager, MONTH, NOW)
    # A manager reviews the five specialists, not themselves nor the other manager.
    assert len(made.created) == 5 and made.existing == 0
    again = rv.create_month_reviews(session, team.manager, MONTH, NOW)
    assert again.created == () and again.existing == 5
    by_owner = rv.create_month_reviews(session, team.owner, MONTH, NOW)
    assert len(by_owner.created) == 2 and by_owner.existing == 5  # the two managers
    with pytest.raises(ValidationError):
        rv.create_month_reviews(session, team.manager, "2026-13", NOW)


def test_actuals_equal_the_months_figures_and_freeze_at_submit(session: Session, team: Team) -> None:
    _templates(session, team)
    _month_data(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)

    agent = _review_of(session, team.manager, team.agent)
    figures = {a.staff_id: a for a in agent_month_figures(session, 2026, 8).agents}[team.agent.staff_id]
    actual = {line.metric: line.actual for line in agent.lines}
    assert actual["tickets_handled"] == figures.handled == 3
    assert actual["first_response_median_s"] == figures.first_response_median_s == 50
    assert actual["sla_hit_rate_bp"] == figures.sla_hit_rate_bp == 6_667
    handled = agent.lines[0].source
    assert handled.kind == "tickets" and len(handled.ids) == 3

    ops = _review_of(session, team.manager, team.ops)
    month = monthly_figures(session, 2026, 8).total
    late = late_shipments(session, 2026, 8, NOW)
    actual = {line.metric: line.actual for line in ops.lines}
    assert actual["gmv_cents"] == month.gmv_cents == 120_000
    assert actual["refund_rate_bp"] == month.refund_rate_bp == 5_000
    assert actual["late_shipment_rate_bp"] == late.ratio.bp == 5_000
    assert ops.lines[0].source.scope == rv.OrderScope(date(2026, 8, 1), date(2026, 8, 31))
    assert ops.lines[2].source.kind == "orders" and len(ops.lines[2].source.ids) == 1

    product = _review_of(session, team.manager, team.product)
    person = {p.staff_id: p for p in compute_team_figures(session, 2026, 8, NOW)}[team.product.staff_id]
    actual = {line.metric: line.actual for line in product.lines}
    assert actual["tasks_on_time_bp"] == person.on_time.bp == 5_000
    assert actual["tasks_done"] == person.tasks_completed == 3

    # The agent's scorecard by hand:
    #   tickets 3 / 4 → 75.00; first response 50 s → band ≤ 60 s → 80.00; SLA 66.67 % / 80 % → 83.34 (half up:
    #   6667 × 10000 / 8000 = 8333.75 → 8334); manual 90.00.
    #   30 % × 7500 + 25 % × 8000 + 25 % × 8334 + 20 % × 9000 = 2250 + 2000 + 2083.5 + 1800 = 8133.5 → 8134 → B
    edit = rv.ReviewEdit(
        lines=tuple(rv.LineEdit(line.id, manual_score_bp=9_000 if line.metric == "" else None) for line in agent.lines),
        manager_comment="继续努力",
    )
    rv.save_review(session, team.manager, agent.id, edit, expected_version=agent.version, now=NOW)
    agent = rv.get_review(session, team.manager, agent.id, NOW)
    assert [line.score_bp for line in agent.lines] == [7_500, 8_000, 8_334, 9_000]
    assert (agent.score_bp, agent.grade) == (8_134, "B")
    rv.move_review(session, team.manager, agent.id, Step.SKIP_SELF_REVIEW, expected_version=agent.version, now=NOW)
    agent = rv.get_review(session, team.manager, agent.id, NOW)
    rv.move_review(session, team.manager, agent.id, Step.SUBMIT, expected_version=agent.version, now=NOW)

    # The data changes after the submit: a late ticket of August, a big August order.
    _ticket(session, team.agent, cn(2026, 8, 15), first_response_s=500, response_breached=True)
    _order(session, team.shop, "A3", cn(2026, 8, 25), 500_000)
    frozen = rv.get_review(session, team.manager, agent.id, NOW)
    assert frozen.submitted and [line.actual for line in frozen.lines[:3]] == [3, 50, 6_667]
    assert (frozen.score_bp, frozen.grade) == (8_134, "B") and len(frozen.lines[0].source.ids) == 3
    # An unsubmitted review moves with the data.
    live = rv.get_review(session, team.manager, ops.id, NOW)
    assert live.lines[0].actual == 620_000 == monthly_figures(session, 2026, 8).total.gmv_cents


def test_submit_needs_every_line_scored_and_typed_actuals_only_without_data(session: Session, team: Team) -> None:
    _templates(session, team)
    _month_data(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    agent = _review_of(session, team.manager, team.agent)
    rv.move_review(session, team.manager, agent.id, Step.SKIP_SELF_REVIEW, expected_version=agent.version, now=NOW)
    agent = rv.get_review(session, team.manager, agent.id, NOW)
    with pytest.raises(ValidationError) as err:
        rv.move_review(session, team.manager, agent.id, Step.SUBMIT, expected_version=agent.version, now=NOW)
    assert err.value.code == "review_unscored" and "服务态度" in err.value.params["lines"]
    edit = rv.ReviewEdit(lines=(rv.LineEdit(agent.lines[0].id, actual=99),))
    with pytest.raises(ValidationError) as err:
        rv.save_review(session, team.manager, agent.id, edit, expected_version=agent.version, now=NOW)
    assert err.value.code == "review_actual_from_data"
    # The marketing person has no task due in August: no data, so the reviewer enters the actual.
    marketing = _review_of(session, team.manager, team.marketing)
    on_time = marketing.lines[0]
    assert on_time.metric == "tasks_on_time_bp" and on_time.actual is None and on_time.score_bp is None
    edit = rv.ReviewEdit(lines=(rv.LineEdit(on_time.id, actual=10_000),))
    rv.save_review(session, team.manager, marketing.id, edit, expected_version=marketing.version, now=NOW)
    marketing = rv.get_review(session, team.manager, marketing.id, NOW)
    assert marketing.lines[0].actual_entered and marketing.lines[0].score_bp == 10_000


def test_stale_save_is_a_conflict(session: Session, team: Team) -> None:
    _templates(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    review = _review_of(session, team.manager, team.agent)
    rv.save_review(
        session, team.manager, review.id, rv.ReviewEdit(manager_comment="一"), expected_version=review.version
    )
    with pytest.raises(ConflictError):
        rv.save_review(
            session, team.owner, review.id, rv.ReviewEdit(manager_comment="二"), expected_version=review.version
        )


# ---------------------------------------------------------------- who sees and does what


def test_who_sees_which_reviews(session: Session, team: Team) -> None:
    _templates(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    rv.create_month_reviews(session, team.owner, MONTH, NOW)
    names = {a.login: a for a in (team.owner, team.manager, team.agent, team.product)}

    def seen(actor: Actor) -> set[str]:
        return {s.staff_name for s in rv.review_summaries(session, actor, MONTH)}

    specialists = {"小李", "小张", "周敏", "陈静", "林晓"}
    assert seen(team.owner) == specialists | {"王经理", "赵经理"}
    assert seen(OWNER) == specialists | {"王经理", "赵经理"}  # sign-in off: the owner
    assert seen(team.manager) == specialists | {"王经理"}  # the team and their own, not the other manager's
    assert seen(team.agent) == {"小李"}
    assert seen(team.product) == {"周敏"}
    # The browse listing follows the same rule.
    request = browse.PageRequest("staff")
    assert {r.staff for r in browse.review_page(session, request, actor=names["kf1"])} == {"小李"}
    assert browse.count_reviews(session, actor=team.manager) == 6
    other = _review_of(session, team.owner, team.manager2)
    for actor in (team.manager, team.agent):
        with pytest.raises(NotFoundError):
            rv.get_review(session, actor, other.id, NOW)
    with pytest.raises(NotFoundError):
        rv.score_trend(session, team.agent, team.agent2.staff_id or 0)
    assert [p.month for p in rv.score_trend(session, team.agent, team.agent.staff_id or 0).points] == [MONTH]


def test_who_takes_each_step(session: Session, team: Team) -> None:
    _templates(session, team)
    _month_data(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    review = _review_of(session, team.agent, team.agent)
    assert review.steps == () and not review.can_edit_person  # a draft: the reviewer's turn

    def step(actor: Actor, s: Step) -> rv.ReviewDetail:
        current = rv.get_review(session, actor, review.id, NOW)
        rv.move_review(session, actor, review.id, s, expected_version=current.version, now=NOW)
        return rv.get_review(session, actor, review.id, NOW)

    with pytest.raises(PermissionDenied):
        step(team.agent, Step.OPEN_SELF_REVIEW)
    with pytest.raises(NotFoundError):  # another specialist does not even see it
        rv.move_review(session, team.agent2, review.id, Step.OPEN_SELF_REVIEW, expected_version=review.version)
    assert step(team.manager, Step.OPEN_SELF_REVIEW).status == ReviewStatus.SELF_REVIEW
    mine = rv.get_review(session, team.agent, review.id, NOW)
    assert mine.steps == (Step.SUBMIT_SELF_REVIEW,) and mine.can_edit_person and not mine.can_edit_reviewer
    with pytest.raises(PermissionDenied):  # the person cannot save the reviewer's part
        rv.save_review(session, team.agent, review.id, rv.ReviewEdit(), expected_version=mine.version)
    rv.save_self_review(session, team.agent, review.id, "本月尽力了", expected_version=mine.version)
    with pytest.raises(PermissionDenied):  # the reviewer cannot write the self comment
        rv.save_self_review(session, team.manager, review.id, "x", expected_version=mine.version + 1)
    assert [s.staff_name for s in rv.reviews_waiting_for(session, team.agent)] == ["小李"]
    assert step(team.agent, Step.SUBMIT_SELF_REVIEW).status == ReviewStatus.MANAGER_REVIEW
    assert rv.count_reviews_waiting(session, team.agent) == 0
    with pytest.raises(ValidationError) as err:  # not submitted yet: nothing to acknowledge
        step(team.agent, Step.ACKNOWLEDGE)
    assert err.value.code == "review_step_not_allowed"
    current = rv.get_review(session, team.manager, review.id, NOW)
    edit = rv.ReviewEdit(tuple(rv.LineEdit(line.id, manual_score_bp=8_000) for line in current.lines))
    rv.save_review(session, team.manager, review.id, edit, expected_version=current.version, now=NOW)
    done = step(team.manager, Step.SUBMIT)
    assert done.submitted and done.steps == (Step.REOPEN,)
    assert rv.get_review(session, team.agent, review.id, NOW).steps == (Step.ACKNOWLEDGE,)
    assert rv.count_reviews_waiting(session, team.agent) == 1
    with pytest.raises(ValidationError):  # frozen
        rv.save_review(session, team.manager, review.id, rv.ReviewEdit(), expected_version=done.version)
    final = step(team.agent, Step.ACKNOWLEDGE)
    assert final.status == ReviewStatus.ACKNOWLEDGED and final.steps == () and final.acknowledged_at is not None
    with pytest.raises(ValidationError):
        step(team.manager, Step.REOPEN)


# ---------------------------------------------------------------- plan → tasks


def test_plan_items_become_one_task_each(session: Session, team: Team) -> None:
    _templates(session, team)
    _month_data(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    review = _review_of(session, team.manager, team.product)
    plan = (rv.PlanItem(None, "每周复盘库存差异", date(2026, 9, 15)), rv.PlanItem(None, "熟悉盘点流程"))
    edit = rv.ReviewEdit(plan=plan)
    rv.save_review(session, team.manager, review.id, edit, expected_version=review.version, now=NOW)
    review = rv.get_review(session, team.manager, review.id, NOW)
    assert [p.task_id for p in review.plan] == [None, None]  # no tasks before the submit
    rv.move_review(session, team.manager, review.id, Step.SKIP_SELF_REVIEW, expected_version=review.version, now=NOW)
    review = rv.get_review(session, team.manager, review.id, NOW)
    changes = rv.move_review(session, team.manager, review.id, Step.SUBMIT, expected_version=review.version, now=NOW)
    assert changes.tasks
    review = rv.get_review(session, team.manager, review.id, NOW)
    task_ids = [p.task_id for p in review.plan]
    assert None not in task_ids and len(set(task_ids)) == 2
    made = session.scalars(select(Task).where(Task.id.in_(task_ids)).order_by(Task.id)).all()
    assert [(t.title, t.assignee_id, t.due_date) for t in made] == [
        ("每周复盘库存差异", team.product.staff_id, date(2026, 9, 15)),
        ("熟悉盘点流程", team.product.staff_id, made[1].due_date),
    ]
    assert all(t.link_kind == "review" or t.cause for t in made)
    # Running the rules again (as imports do) makes nothing twice, even after the person finished one.
    made[0].status, made[0].completed_at = "done", NOW
    session.flush()
    assert task_rules.run_task_rules(session, NOW).opened == 0
    count = len(session.scalars(select(Task).where(Task.cause.like("review_plan:%"))).all())
    assert count == 2
    # Reopened, one item removed: its task closes; resubmitted: the kept item keeps its task.
    rv.move_review(session, team.manager, review.id, Step.REOPEN, expected_version=review.version, now=NOW)
    review = rv.get_review(session, team.manager, review.id, NOW)
    edit = rv.ReviewEdit(lines=tuple(rv.LineEdit(line.id) for line in review.lines), plan=(review.plan[0],))
    rv.save_review(session, team.manager, review.id, edit, expected_version=review.version, now=NOW)
    assert session.get(Task, task_ids[1]).status == "done"  # type: ignore[union-attr]
    review = rv.get_review(session, team.manager, review.id, NOW)
    rv.move_review(session, team.manager, review.id, Step.SUBMIT, expected_version=review.version, now=NOW)
    review = rv.get_review(session, team.manager, review.id, NOW)
    assert [p.task_id for p in review.plan] == [task_ids[0]]


def test_plan_rule_switched_off_makes_no_tasks(session: Session, team: Team) -> None:
    _templates(session, team)
    _month_data(session, team)
    settings = task_rules.rule_settings(session)
    settings["review_plan"] = task_rules.RuleSetting(False, Role.MANAGER)
    task_rules.save_rule_settings(session, settings, task_rules.rules_version(session))
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    review = _review_of(session, team.manager, team.product)
    edit = rv.ReviewEdit(plan=(rv.PlanItem(None, "改进"),))
    rv.save_review(session, team.manager, review.id, edit, expected_version=review.version, now=NOW)
    review = rv.get_review(session, team.manager, review.id, NOW)
    rv.move_review(session, team.manager, review.id, Step.SKIP_SELF_REVIEW, expected_version=review.version, now=NOW)
    review = rv.get_review(session, team.manager, review.id, NOW)
    rv.move_review(session, team.manager, review.id, Step.SUBMIT, expected_version=review.version, now=NOW)
    assert rv.get_review(session, team.manager, review.id, NOW).plan[0].task_id is None


def test_grade_thresholds_are_editable(session: Session, team: Team) -> None:
    settings = rv.grade_settings(session)
    assert settings.version == 0 and settings.thresholds == GradeThresholds()
    with pytest.raises(ValidationError):
        rv.save_grade_thresholds(session, team.manager, GradeThresholds(9_000, 9_000, 7_000, 6_000), expected_version=0)
    with pytest.raises(PermissionDenied):
        rv.save_grade_thresholds(session, team.agent, GradeThresholds(9_000, 8_000, 7_000, 6_000), expected_version=0)
    rv.save_grade_thresholds(session, team.manager, GradeThresholds(9_000, 8_000, 7_000, 6_000), expected_version=0)
    assert rv.grade_settings(session).thresholds.a_bp == 8_000
    with pytest.raises(ConflictError):
        rv.save_grade_thresholds(session, team.owner, GradeThresholds(9_000, 8_000, 7_000, 5_000), expected_version=0)


# ---------------------------------------------------------------- exports


def test_exported_scorecards(session: Session, team: Team, tmp_path: object) -> None:
    from pathlib import Path

    from openpyxl import load_workbook

    _templates(session, team)
    _month_data(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    review = _review_of(session, team.manager, team.agent)
    edit = rv.ReviewEdit(
        lines=tuple(rv.LineEdit(line.id, manual_score_bp=9_000, note='=HYPERLINK("x")') for line in review.lines),
        manager_comment="=1+1 继续努力",
        plan=(rv.PlanItem(None, "+熟练快捷回复", date(2026, 9, 30)),),
    )
    rv.save_review(session, team.manager, review.id, edit, expected_version=review.version, now=NOW)
    path = Path(str(tmp_path)) / "one.xlsx"
    rv.export_review(session, team.manager, review.id, path, "zh_CN")
    ws = load_workbook(path).active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)  # text that looks like a formula stays text
    texts = {c.value for c in cells}
    assert "=1+1 继续努力" in texts and "绩效考核表  2026-08" in texts and "员工签字：" in texts
    detail = rv.get_review(session, team.manager, review.id, NOW)
    total = next(c for c in cells if c.value == "得分" and c.column == 8 and c.row > 8)
    assert ws.cell(row=total.row, column=9).value * 100 == detail.score_bp
    team_path = Path(str(tmp_path)) / "team.xlsx"
    assert rv.export_team_month(session, team.agent, MONTH, team_path, "en") == 1  # only their own
    assert rv.export_team_month(session, team.manager, MONTH, team_path, "en") == 5
    book = load_workbook(team_path)
    assert book.sheetnames[0] == "Monthly performance summary" and len(book.sheetnames) == 6


def test_review_changes_are_in_the_audit_log(session: Session, team: Team) -> None:
    from sellerdesk.models import AuditEntry

    _templates(session, team)
    rv.create_month_reviews(session, team.manager, MONTH, NOW)
    review = _review_of(session, team.manager, team.agent)
    manual = next(line for line in review.lines if line.scoring == ScoringRule.MANUAL)
    edit = rv.ReviewEdit((rv.LineEdit(manual.id, manual_score_bp=8_800),), "好", (rv.PlanItem(None, "复盘"),))
    rv.save_review(session, team.manager, review.id, edit, expected_version=review.version, now=NOW)
    entries = session.scalars(select(AuditEntry).where(AuditEntry.staff_id == team.manager.staff_id)).all()
    kinds = {(e.entity, e.action) for e in entries}
    assert {
        ("reviews", "create"),
        ("reviews", "update"),
        ("review_lines", "update"),
        ("review_plan_items", "create"),
    } <= kinds
    assert {("kpi_templates", "create")} <= kinds
    # One save, one entry per changed line: the entered score and the score it gives together.
    (line,) = [e for e in entries if e.entity == "review_lines" and e.action == "update"]
    assert line.entity_id == manual.id and "source" not in line.details
    assert line.details["manual_score_bp"] == [None, 8_800] and line.details["score_bp"] == [None, 8_800]


def test_marketing_and_product_actuals_equal_their_figures(session: Session, team: Team) -> None:
    from sellerdesk.models import OrderItem, Product, Sku, StockMovement, Warehouse
    from sellerdesk.services.products import check_titles, set_banned_words
    from sellerdesk.services.promotions import PromotionDraft, create_promotion, promotion_effect
    from sellerdesk.services.tasks import TaskDraft

    product = Product(title="最好的枕头")  # a banned word
    session.add(product)
    session.flush()
    sku, other = Sku(product_id=product.id, seller_code="P1"), Sku(product_id=product.id, seller_code="P2")
    session.add_all([sku, other, Warehouse(code="main", name="主仓")])
    session.flush()
    set_banned_words(session, ["最"], expected_version=0, actor=OWNER)
    session.add(StockMovement(sku_id=sku.id, warehouse_id=session.scalar(select(Warehouse.id)), kind="receipt",
                              on_hand_delta=5, at=cn(2026, 7, 1)))  # fmt: skip
    # Before the promotion (Aug 1-5): 2 units, 10,000 cents; during (Aug 5-10): 3 units, 13,000 cents.
    for oid, paid_at, qty, cents in (("O1", cn(2026, 8, 2), 2, 10_000), ("O2", cn(2026, 8, 7), 3, 13_000)):
        order = _order(session, team.shop, oid, paid_at, cents)
        session.add(OrderItem(order_id=order.id, sub_order_id=oid, sku_id=sku.id, seller_code="P1", qty=qty,
                              paid_cents=cents, title="t"))  # fmt: skip
    session.flush()
    draft = TaskDraft("满减活动", assignee_id=team.marketing.staff_id, due_date=date(2026, 8, 5))
    promo = PromotionDraft("discount", cn(2026, 8, 5, 0), cn(2026, 8, 10, 0), (sku.id,))
    task = create_promotion(session, draft, promo)
    lines = (
        rv.TemplateLine("活动提升", "promo_uplift_bp", 2_000, 5_000, cap_bp=12_000),
        rv.TemplateLine("按时完成", "tasks_on_time_bp", 10_000, 5_000),
    )
    rv.save_kpi_template(session, team.manager, "marketing", lines, ())
    product_lines = (
        rv.TemplateLine("违规标题", "titles_failing", 0, 5_000, higher_is_better=False),
        rv.TemplateLine("缺货", "skus_out_of_stock", 1, 5_000, higher_is_better=False),
    )
    rv.save_kpi_template(session, team.manager, "product", product_lines, ())
    rv.create_month_reviews(session, team.manager, MONTH, NOW)

    marketing = _review_of(session, team.manager, team.marketing)
    effect = promotion_effect(session, task.task_id, NOW)
    assert effect is not None and effect.gmv_uplift_bp == 3_000  # (13,000 − 10,000) / 10,000
    uplift = marketing.lines[0]
    assert uplift.actual == 3_000 and uplift.source.ids == (task.task_id,)
    assert uplift.score_bp == 12_000  # 30 % against 20 %: 150 points, capped at 120
    on_time = marketing.lines[1]
    assert on_time.actual == 0 and on_time.score_bp == 0  # the promotion task was due in August, not done

    mine = _review_of(session, team.manager, team.product)
    assert mine.lines[0].actual == len(check_titles(session)) == 2  # both SKUs carry the product's title
    assert mine.lines[1].actual == 1 and mine.lines[1].source.ids == (other.id,)  # P1 has 5 on hand, P2 none
