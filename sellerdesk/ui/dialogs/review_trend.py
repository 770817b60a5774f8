"""One person's overall review scores over the months, with the grade thresholds (pyqtgraph, as on Home)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sellerdesk.services import reviews as svc
from sellerdesk.services.reviews.cycle import score_trend  # not in the package's __all__ yet
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sellerdesk.ui.charts.review_trend import ReviewTrendChart
    from sellerdesk.ui.runner import Runner


class ReviewTrendDialog(QDialog):
    def __init__(self, runner: Runner, staff_id: int, months: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewTrend")
        from sellerdesk.ui.charts.review_trend import ReviewTrendChart  # pyqtgraph loads with the first chart

        with runner.session_factory() as session:
            self.trend = score_trend(session, runner.actor, staff_id, months)
            thresholds = svc.grade_settings(session).thresholds
        self.setWindowTitle(self.tr("Score trend · {name}").format(name=self.trend.staff_name))
        title = named(
            QLabel(self.tr("{name}: overall review score by month").format(name=self.trend.staff_name)), "pageTitle"
        )
        scored = [p.score_bp for p in self.trend.points if p.score_bp is not None]
        if scored:
            summary = self.tr("%n month(s) scored · average {average} · last {last}", "", len(scored)).format(
                average=fmt.score_bp(round(sum(scored) / len(scored))), last=fmt.score_bp(scored[-1])
            )
        else:
            summary = self.tr("No scored review yet.")
        self.summary = named(QLabel(summary), "pageSubtitle")
        self.chart: ReviewTrendChart = ReviewTrendChart()
        self.chart.set_points(self.trend.points, list(thresholds.as_dict().items()))
        note = named(
            QLabel(self.tr("Dashed lines: the lowest score of each grade. Months without a review are left out.")),
            "hint",
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 440)
