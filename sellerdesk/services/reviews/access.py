"""Whose reviews an actor reads and writes (the rules: ``domain.reviews``, ``domain.permissions``).

- their own review, always (the person's side: self comment, self-review submit, acknowledge);
- as reviewer (``EDIT_REVIEWS``), the reviews of the roles ``reviews_roles_of`` gives their role: the owner
  everyone's but their own, a manager the specialists'. Reading others' needs ``VIEW_OTHERS_REVIEWS`` too.

A review the actor may not read is "not found" — its existence is private too.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from sellerdesk.domain.errors import NotFoundError, PermissionDenied
from sellerdesk.domain.permissions import Action, Actor, can
from sellerdesk.domain.reviews import Side, reviews_roles_of
from sellerdesk.models import Review, StaffUser


def reviewed_roles(actor: Actor) -> frozenset[str]:
    """The roles whose reviews ``actor`` writes as reviewer."""
    if not can(actor, Action.EDIT_REVIEWS):
        return frozenset()
    return frozenset(str(r) for r in reviews_roles_of(actor.role))


def readable_roles(actor: Actor) -> frozenset[str]:
    """The roles whose reviews ``actor`` reads besides their own."""
    if not can(actor, Action.VIEW_OTHERS_REVIEWS):
        return frozenset()
    return frozenset(str(r) for r in reviews_roles_of(actor.role))


def sides(actor: Actor, staff_id: int, staff_role: str) -> frozenset[Side]:
    found = set()
    if actor.staff_id is not None and actor.staff_id == staff_id:
        found.add(Side.PERSON)
    elif staff_role in reviewed_roles(actor):
        found.add(Side.REVIEWER)
    return frozenset(found)


def can_read(actor: Actor, staff_id: int, staff_role: str) -> bool:
    own = actor.staff_id is not None and actor.staff_id == staff_id
    return own or staff_role in readable_roles(actor) or staff_role in reviewed_roles(actor)


def check_read(actor: Actor, review_id: int, staff_id: int, staff_role: str) -> None:
    if not can_read(actor, staff_id, staff_role):
        raise NotFoundError(f"Review {review_id} not found.", code="review_not_found")


def check_side(actor: Actor, staff_id: int, staff_role: str, side: Side) -> None:
    if side not in sides(actor, staff_id, staff_role):
        raise PermissionDenied(
            f"{actor.login or actor.role} may not act as the {side.value} of this review.",
            code="permission",
            action=Action.EDIT_REVIEWS.value if side == Side.REVIEWER else "own_review",
        )


def readable(actor: Actor) -> ColumnElement[bool]:
    """SQL: the reviews ``actor`` may read (own, and the roles they read or review)."""
    roles = sorted(readable_roles(actor) | reviewed_roles(actor))
    own = Review.staff_id == actor.staff_id if actor.staff_id is not None else false()
    if not roles:
        return own
    others: ColumnElement[bool] = Review.staff_id.in_(select(StaffUser.id).where(StaffUser.role.in_(roles)))
    if actor.staff_id is None:
        return others
    return or_(own, and_(others, Review.staff_id != actor.staff_id))


def reviewing(actor: Actor) -> ColumnElement[bool]:
    """SQL: the reviews ``actor`` writes as reviewer."""
    roles = sorted(reviewed_roles(actor))
    if not roles:
        return false()
    cond = Review.staff_id.in_(select(StaffUser.id).where(StaffUser.role.in_(roles)))
    return cond & (Review.staff_id != actor.staff_id) if actor.staff_id is not None else cond & true()
