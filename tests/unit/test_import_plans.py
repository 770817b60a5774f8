"""The preview's parse is what the import writes (``import_paths(…, plans=…)``): each file is read once,
unless it changed since the preview or is to be read with other choices."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import sellerdesk.services.imports.plan as plan
from sellerdesk.models import ImportBatch, Order
from sellerdesk.services.imports import ImportOptions, ImportRefused, file_sha256, import_paths, preview_paths

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    read_export = plan.read_export

    def counted(path: Path):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name)
        return read_export(path)

    monkeypatch.setattr(plan, "read_export", counted)
    return seen


def _stored(session: Session) -> list[tuple[object, ...]]:
    rows = session.execute(select(Order.platform_order_id, Order.paid_cents, Order.status, Order.paid_at))
    return sorted(tuple(r) for r in rows)


def test_previewed_files_are_written_from_the_preview(session: Session, reads: list[str], tmp_path: Path) -> None:
    files = [SAMPLES / n for n in ("ExportOrderDetailList202609030915.csv", "ExportOrderList202609030915.csv")]
    previews = preview_paths(session, files)
    assert reads == [f.name for f in files]
    results = import_paths(session, files, plans=[p.plan for p in previews])
    assert reads == [f.name for f in files]
    assert [r.file_name for r in results] == [
        "ExportOrderList202609030915.csv",
        "ExportOrderDetailList202609030915.csv",
    ]
    batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id)).all()
    assert [b.file_hash for b in batches] == [file_sha256(files[1]), file_sha256(files[0])]
    planned = _stored(session)
    session.rollback()
    import_paths(session, files)  # read again: the same orders
    assert _stored(session) == planned


def test_a_file_changed_since_the_preview_is_read_again(session: Session, reads: list[str], tmp_path: Path) -> None:
    path = tmp_path / "pdd_orders.csv"
    shutil.copy(SAMPLES / "pdd_orders.csv", path)
    (preview,) = preview_paths(session, [path])
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text + text.splitlines()[1].replace("0.00,99.00,99.00", "0.00,九十九,99.00") + "\n", "utf-8-sig")
    with pytest.raises(ImportRefused):  # the new row's problem, which the preview never saw
        import_paths(session, [path], plans=[preview.plan])
    assert reads == ["pdd_orders.csv", "pdd_orders.csv"]


def test_other_choices_read_the_file_again(session: Session, reads: list[str]) -> None:
    path = SAMPLES / "jd_orders.csv"
    (preview,) = preview_paths(session, [path])
    import_paths(session, [path], options=ImportOptions(accept_fallbacks=True), plans=[preview.plan])
    assert reads == ["jd_orders.csv", "jd_orders.csv"]


def test_a_previewed_file_with_problems_is_refused_as_before(
    session: Session, reads: list[str], tmp_path: Path
) -> None:
    lines = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace("0.00,99.00,99.00", "0.00,九十九,99.00")
    path = tmp_path / "pdd_bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    (preview,) = preview_paths(session, [path])
    with pytest.raises(ImportRefused) as refused:
        import_paths(session, [path], plans=[preview.plan])
    with pytest.raises(ImportRefused) as again:
        import_paths(session, [path])
    assert refused.value.results == again.value.results
    accepted = import_paths(session, [path], options=ImportOptions(accept_valid_rows=True), plans=[preview.plan])
    assert accepted[0].created == preview.orders and accepted[0].refused == 1
    assert reads == ["pdd_bad.csv", "pdd_bad.csv"]
