"""Sample export files from a small demo shop (``sellerdesk demo --export-samples DIR``)."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.demo.generate import generate_demo
from sellerdesk.domain.scratch import temp_prefix
from sellerdesk.services.samples import exports, write_export


def export_samples(folder: Path, *, seed: int = 1, orders: int = 600) -> list[Path]:
    """A small demo shop's exports, one file per platform layout (Taobao as its order + item pair); the folder
    is made by the first file written (``domain/file_writes.writing``)."""
    with tempfile.TemporaryDirectory(prefix=temp_prefix("samples")) as tmp:
        engine = make_engine("sqlite:///" + str(Path(tmp) / "samples.sqlite"))
        ensure_schema(engine)
        written = []
        with make_session_factory(engine)() as session:
            generate_demo(session, orders=orders, seed=seed)
            session.flush()
            stamp = datetime.now().strftime("%Y%m%d%H%M")
            for stem, (_platform, export) in exports().items():
                name = f"{stem}{stamp}.csv" if export.stamped else f"{stem}.csv"
                write_export(session, stem, folder / name)
                written.append(folder / name)
            session.rollback()
        engine.dispose()
    return written
