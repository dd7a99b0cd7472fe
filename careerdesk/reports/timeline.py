"""The timeline chart, drawn on a matplotlib ``Figure`` (no pyplot, any backend; Agg in tests
and exports, the Qt canvas in the window).

Lanes from top to bottom: achievements (marker size by scope, shape by kind, highlights
named), experiences (bars; ongoing ones fade out into an arrow), conversations (all of
them counted, then one row of ticks per person), cycle events and negotiation windows
(bands coloured by kind), and pay with title changes (steps).

It stays readable at any density: labels are placed by importance and left out when
they would overlap (``labels.place_labels``), and above a threshold achievements and
conversations are counted per week or month and drawn as bars in one artist each, so the
whole history of a large journal draws as fast as a quiet year.

matplotlib is imported inside the functions: this module is on no start-up path, but a
caller importing it to read a constant must not pay for matplotlib.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from careerdesk.domain.enums import AchievementKind, Scope
from careerdesk.planner.rules import WindowKind
from careerdesk.planner.words import MONTHS, day, day_range
from careerdesk.reports import palette
from careerdesk.reports.labels import Candidate, place_labels, shorten, text_width_px
from careerdesk.reports.timeline_data import Lane, TimelineData

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

AGGREGATE_ABOVE = 300
"""More achievements than this in view are counted per week or month instead of drawn one by one."""
PERSON_TICKS_ABOVE = 200
"""A person row with more conversations than this is counted per week or month too."""
MAX_BAR_ROWS = 5
"""Experiences or windows needing more rows than this are counted instead (experiences) or
drawn over each other (windows)."""
FONT = 8.0
SMALL_FONT = 7.0
LABEL_CHARS = 34

SCOPE_SIZE: dict[Scope | None, float] = {
    None: 26.0, Scope.TEAM: 26.0, Scope.DEPARTMENT: 48.0, Scope.COMPANY: 80.0, Scope.EXTERNAL: 120.0}
SCOPE_RANK: dict[Scope | None, int] = {
    None: 0, Scope.TEAM: 1, Scope.DEPARTMENT: 2, Scope.COMPANY: 3, Scope.EXTERNAL: 4}
KIND_MARKER: dict[AchievementKind, str] = {
    AchievementKind.QUANTIFIED: "D", AchievementKind.STORY: "o", AchievementKind.INVISIBLE: "s"}

# Each lane's height in rows (one row is one line of text and a little air).
ACHIEVEMENT_ROWS = 3.4
ACHIEVEMENT_LABEL_TIERS = 3
PAY_ROWS = 3.8
ROW_INCHES = 0.24


@dataclass(frozen=True)
class TimelineItem:
    """Something drawn that hovering names and clicking opens.

    ``kind`` is the record kind as search prints it (``achievement``, ``cycle_event``...), or
    ``period`` for a bar that counts several records (clicking it zooms into ``start``..``end``).
    Positions are in data coordinates: x in matplotlib's date numbers, y in lane rows.
    """

    kind: str
    uid: str | None
    title: str
    when: str
    x0: float
    x1: float
    y0: float
    y1: float
    start: date
    end: date
    point: bool = False
    """A marker (hit within a few pixels of its centre) rather than a band."""


@dataclass
class TimelineDrawing:
    axes: Axes
    items: list[TimelineItem] = field(default_factory=list)
    lane_rows: dict[Lane, tuple[float, float]] = field(default_factory=dict)
    """Each lane's first and last row (top and bottom, rows grow downwards)."""
    aggregated: set[Lane] = field(default_factory=set)
    """Lanes drawn as counts per week or month."""
    bucket: str = ""
    """``week`` or ``month`` when something is counted."""

    def item_at(self, x: float, y: float, tolerance: float = 6.0) -> TimelineItem | None:
        """The item under the display position (pixels, matplotlib's origin bottom left).

        Markers win over bars and bands when both are under the pointer; among markers the
        nearest wins.
        """
        return item_at(self, x, y, tolerance)


class Drawn(Protocol):
    axes: Axes
    items: list[TimelineItem]


def item_at(drawing: Drawn, x: float, y: float,
            tolerance: float = 6.0) -> TimelineItem | None:
    import numpy as np

    if not drawing.items:
        return None
    data = np.array([[i.x0, i.y0, i.x1, i.y1] for i in drawing.items], dtype=float)
    transform = drawing.axes.transData
    corner_a = transform.transform(data[:, 0:2])
    corner_b = transform.transform(data[:, 2:4])
    left = np.minimum(corner_a[:, 0], corner_b[:, 0]) - tolerance
    right = np.maximum(corner_a[:, 0], corner_b[:, 0]) + tolerance
    low = np.minimum(corner_a[:, 1], corner_b[:, 1]) - tolerance
    high = np.maximum(corner_a[:, 1], corner_b[:, 1]) + tolerance
    inside = (left <= x) & (x <= right) & (low <= y) & (y <= high)
    if not inside.any():
        return None
    points = np.array([i.point for i in drawing.items])
    centre_x = (corner_a[:, 0] + corner_b[:, 0]) / 2
    centre_y = (corner_a[:, 1] + corner_b[:, 1]) / 2
    distance = np.hypot(centre_x - x, centre_y - y)
    # Points first, then the narrowest band: the most specific thing under the pointer.
    width = right - left
    rank = np.where(points, distance, 1e6 + width)
    rank = np.where(inside, rank, np.inf)
    return drawing.items[int(np.argmin(rank))]


# -- dates as matplotlib numbers ---------------------------------------------------------------

@cache
def _epoch_ordinal() -> int:
    import matplotlib.dates as mdates

    epoch = str(mdates.get_epoch())  # type: ignore[no-untyped-call]  # "1970-01-01T00:00:00" unless the user changed it
    return date.fromisoformat(epoch[:10]).toordinal()


def date_number(value: date) -> float:
    """``value`` as matplotlib's date number, without building a datetime."""
    return float(value.toordinal() - _epoch_ordinal())


class _Days:
    """Converts dates to x positions (matplotlib date numbers) in bulk, without datetimes."""

    def __init__(self) -> None:
        self.offset = _epoch_ordinal()

    def __call__(self, value: date) -> float:
        return float(value.toordinal() - self.offset)


# -- the drawing ---------------------------------------------------------------------------------

@dataclass
class _Layout:
    rows: float = 0.0
    lane_rows: dict[Lane, tuple[float, float]] = field(default_factory=dict)

    def take(self, lane: Lane, rows: float) -> float:
        top = self.rows
        self.rows += rows
        self.lane_rows[lane] = (top, self.rows)
        return top


def timeline_rows(data: TimelineData) -> float:
    """How many rows the chart needs, for sizing an exported figure."""
    return _plan_layout(data).rows


def _experience_rows(data: TimelineData) -> list[int] | None:
    """The packed row of each experience, or None when they need more than MAX_BAR_ROWS."""
    ends: list[date] = []
    rows: list[int] = []
    for span in data.experiences:
        end = span.end or max(data.period.end, data.today)
        for n, last in enumerate(ends):
            if last < span.start:
                ends[n] = end + timedelta(days=max(data.period.days // 60, 1))
                rows.append(n)
                break
        else:
            ends.append(end + timedelta(days=max(data.period.days // 60, 1)))
            rows.append(len(ends) - 1)
    return rows if len(ends) <= MAX_BAR_ROWS else None


def _window_rows(data: TimelineData) -> list[int] | None:
    """The packed row of each window, or None when more than MAX_BAR_ROWS are open at once."""
    ends: list[date] = []
    rows: list[int] = []
    for window in data.windows:
        for n, last in enumerate(ends):
            if last < window.start:
                ends[n] = window.end
                rows.append(n)
                break
        else:
            if len(ends) == MAX_BAR_ROWS:
                return None
            ends.append(window.end)
            rows.append(len(ends) - 1)
    return rows


def _plan_layout(data: TimelineData) -> _Layout:
    layout = _Layout()
    if data.shows(Lane.ACHIEVEMENTS):
        layout.take(Lane.ACHIEVEMENTS, ACHIEVEMENT_ROWS)
    if data.shows(Lane.EXPERIENCES):
        packed = _experience_rows(data)
        count = (max(packed) + 1 if packed else 1) if packed is not None else 2
        layout.take(Lane.EXPERIENCES, count + 0.4)
    if data.shows(Lane.INTERACTIONS):
        layout.take(Lane.INTERACTIONS, 1.45 + len(data.people) + (0.9 if data.other_people else 0.5))
    if data.shows(Lane.CALENDAR):
        layout.take(Lane.CALENDAR, 2.4)
    if data.shows(Lane.WINDOWS):
        rows = _window_rows(data)
        layout.take(Lane.WINDOWS, (max(rows) + 1 if rows else 1) + 0.4 if rows is not None else 2.6)
    if data.shows(Lane.PAY):
        layout.take(Lane.PAY, PAY_ROWS)
    return layout


def suggested_size(data: TimelineData, width: float = 13.0) -> tuple[float, float]:
    """Inches for an exported figure: the lanes at a readable row height, plus margins."""
    return width, max(3.5, timeline_rows(data) * ROW_INCHES + 1.9)


class _Painter:
    """Draws one timeline; holds what every lane needs (axes, scale, the hit items)."""

    def __init__(self, fig: Figure, data: TimelineData, x_range: tuple[date, date],
                 titled: bool = True) -> None:
        self.fig = fig
        self.data = data
        self.x = _Days()
        self.first, self.last = x_range
        self.layout = _plan_layout(data)
        self.items: list[TimelineItem] = []
        self.aggregated: set[Lane] = set()
        width_in, height_in = fig.get_size_inches()
        self.dpi = float(fig.dpi)
        left_in, right_in, top_in, bottom_in = 1.75, 0.3, 0.55 if titled else 0.3, 0.95
        self.axes = fig.add_axes((left_in / width_in, bottom_in / height_in,
                                  max(1 - (left_in + right_in) / width_in, 0.1),
                                  max(1 - (top_in + bottom_in) / height_in, 0.1)))
        self.axes_width_px = max(self.axes.get_position().width * width_in * self.dpi, 50.0)
        span_days = max((self.last - self.first).days, 1) + 1
        # A little air at both ends so that the first and last marks (and today) are not
        # cut in half by the frame.
        self.pad_days = max(span_days * 0.012, 0.5)
        self.px_per_day = self.axes_width_px / (span_days + 2 * self.pad_days)
        self.bucket = "week" if span_days <= 800 else "month"

    # -- helpers -----------------------------------------------------------------------------

    def px(self, value: date) -> float:
        return float(((value - self.first).days + self.pad_days) * self.px_per_day)

    def text_px(self, text: str, size: float = FONT) -> float:
        return float(text_width_px(text, size, self.dpi))

    def chars_within(self, width: float, size: float = FONT) -> int:
        """How many characters surely fit in ``width`` pixels."""
        return int(width // max(self.text_px("x", size), 0.1))

    def fit_left(self, left: float, width: float) -> float:
        """A label's left edge moved left as far as needed to end inside the axes."""
        return float(max(min(left, self.axes_width_px - width - 2), 0.0))

    def x_at_px(self, left: float) -> float:
        return float(self.x(self.first) - self.pad_days + left / self.px_per_day)

    def bucket_of(self, value: date) -> date:
        if self.bucket == "week":
            return value - timedelta(days=value.weekday())
        return value.replace(day=1)

    def bucket_end(self, start: date) -> date:
        if self.bucket == "week":
            return start + timedelta(days=6)
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)

    def bucket_name(self, start: date) -> str:
        if self.bucket == "week":
            return f"week of {day(start)}"
        return f"{MONTHS[start.month - 1]} {start.year}"

    def add_item(self, kind: str, uid: str | None, title: str, start: date, end: date,
                 y0: float, y1: float, *, point: bool = False) -> None:
        when = day(start) if start == end else day_range(start, end)
        x0 = self.x(start)
        x1 = self.x(end) + (0.0 if point else 1.0)
        self.items.append(TimelineItem(kind, uid, title, when, x0, x1, y0, y1, start, end, point))

    def bars(self, counts: dict[date, int], y_base: float, height: float, color: str,
             alpha: float = 0.85, scale: int | None = None) -> Any:
        """Counted buckets as one collection of bars growing upwards from ``y_base``."""
        from matplotlib.collections import PolyCollection

        top = max(scale or 0, max(counts.values(), default=1), 1)
        shapes = []
        for start, n in sorted(counts.items()):
            x0, x1 = self.x(start) + 0.5, self.x(self.bucket_end(start)) + 0.5
            h = height * n / top
            shapes.append([(x0, y_base), (x1, y_base), (x1, y_base - h), (x0, y_base - h)])
        collection = PolyCollection(shapes, facecolors=color, edgecolors="white",
                                    linewidths=0.4, alpha=alpha)
        self.axes.add_collection(collection, autolim=False)
        return collection

    def lane_title(self, lane: Lane, text: str | None = None) -> None:
        top, _bottom = self.layout.lane_rows[lane]
        self.axes.text(-0.012, top + 0.55, text or lane.label, transform=self._blend(),
                       ha="right", va="center", fontsize=FONT + 1, fontweight="bold",
                       color=palette.TEXT)

    def row_title(self, y: float, text: str, color: str = palette.SECONDARY_TEXT) -> None:
        self.axes.text(-0.012, y, text, transform=self._blend(), ha="right", va="center",
                       fontsize=SMALL_FONT + 0.5, color=color)

    def _blend(self) -> Any:
        from matplotlib.transforms import blended_transform_factory

        return blended_transform_factory(self.axes.transAxes, self.axes.transData)

    # -- lanes -------------------------------------------------------------------------------

    def achievements(self) -> None:
        data = self.data
        top, bottom = self.layout.lane_rows[Lane.ACHIEVEMENTS]
        self.lane_title(Lane.ACHIEVEMENTS)
        marks = data.achievements
        self.row_title(top + 1.35, f"{len(marks):,} in view" if marks else "none in view")
        baseline = bottom - 0.35
        label_rows = [top + 0.55 + 0.62 * t for t in range(ACHIEVEMENT_LABEL_TIERS)]
        if len(marks) > AGGREGATE_ABOVE:
            self.aggregated.add(Lane.ACHIEVEMENTS)
            per_kind: dict[AchievementKind, Counter[date]] = defaultdict(Counter)
            totals: Counter[date] = Counter()
            for mark in marks:
                bucket = self.bucket_of(mark.date)
                per_kind[mark.kind][bucket] += 1
                totals[bucket] += 1
            height = 1.25
            peak = max(totals.values())
            stacked: Counter[date] = Counter()
            for kind in AchievementKind:  # stacked, one collection per kind
                counts = per_kind.get(kind)
                if not counts:
                    continue
                self._stacked_bars(counts, stacked, baseline, height, peak,
                                   palette.ACHIEVEMENT_KIND[kind])
                stacked.update(counts)
            for bucket, n in totals.items():
                self.add_item("period", None, f"{n:,} achievements", bucket, self.bucket_end(bucket),
                              baseline - height * n / peak, baseline)
            self.row_title(top + 1.85, f"counted per {self.bucket}")
            label_rows = label_rows[:2]
        else:
            for kind in AchievementKind:
                own = [a for a in marks if a.kind is kind]
                if not own:
                    continue
                self.axes.scatter(
                    [self.x(a.date) + 0.5 for a in own], [baseline - 0.45] * len(own),
                    s=[SCOPE_SIZE[a.scope] for a in own], marker=KIND_MARKER[kind],
                    c=palette.ACHIEVEMENT_KIND[kind], alpha=0.9, zorder=3,
                    edgecolors=[palette.HIGHLIGHT if a.highlight else "white" for a in own],
                    linewidths=[1.6 if a.highlight else 0.6 for a in own])
            for a in marks:
                self.add_item("achievement", a.uid, a.title, a.date, a.date, baseline - 0.45,
                              baseline - 0.45, point=True)
        # Highlights are named; the widest scope and the most recent first.
        named = [a for a in marks if a.highlight]
        texts = [shorten(a.title, LABEL_CHARS) for a in named]
        candidates = [Candidate(self.fit_left(self.px(a.date) - 2, self.text_px(t)), self.text_px(t),
                                SCOPE_RANK[a.scope] * 1e6 + a.date.toordinal())
                      for a, t in zip(named, texts, strict=True)]
        placed = place_labels(candidates, len(label_rows))
        for n, tier in placed.items():
            a = named[n]
            x = self.x(a.date) + 0.5
            self.axes.plot([x, x], [label_rows[tier] + 0.22, baseline - 0.75], color=palette.GRID,
                           linewidth=0.6, zorder=1)
            self.axes.text(self.x_at_px(candidates[n].left + 2), label_rows[tier], texts[n],
                           fontsize=FONT, ha="left", va="center", color=palette.TEXT,
                           clip_on=True, zorder=4)

    def _stacked_bars(self, counts: Counter[date], below: Counter[date], baseline: float,
                      height: float, peak: int, color: str) -> None:
        from matplotlib.collections import PolyCollection

        shapes = []
        for start, n in sorted(counts.items()):
            x0, x1 = self.x(start) + 0.5, self.x(self.bucket_end(start)) + 0.5
            y0 = baseline - height * below.get(start, 0) / peak
            y1 = y0 - height * n / peak
            shapes.append([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        self.axes.add_collection(PolyCollection(shapes, facecolors=color, edgecolors="white",
                                                linewidths=0.3, alpha=0.9), autolim=False)

    def experiences(self) -> None:
        from matplotlib.collections import PolyCollection

        data = self.data
        top, bottom = self.layout.lane_rows[Lane.EXPERIENCES]
        self.lane_title(Lane.EXPERIENCES)
        packed = _experience_rows(data)
        visible_end = max(self.last, data.today)
        if packed is None:  # too many at once to draw apart: how many were running
            self.aggregated.add(Lane.EXPERIENCES)
            running: Counter[date] = Counter()
            for span in data.experiences:
                first = self.bucket_of(max(span.start, self.first))
                last = min(span.end or visible_end, self.last)
                bucket = first
                while bucket <= last:
                    running[bucket] += 1
                    bucket = self.bucket_end(bucket) + timedelta(days=1)
            self.bars(running, bottom - 0.3, 1.6, palette.EXPERIENCE, alpha=0.7)
            for bucket, n in running.items():
                self.add_item("period", None, f"{n:,} experiences under way", bucket,
                              self.bucket_end(bucket), bottom - 1.9, bottom - 0.3)
            self.row_title(top + 1.35, f"{len(data.experiences):,}, counted per {self.bucket}")
            return
        if not data.experiences:
            self.row_title(top + 1.1, "none in view")
            return
        solid, faded, arrows = [], [], []
        obstacles: list[list[tuple[float, float]]] = [[] for _ in range(MAX_BAR_ROWS)]
        inside: list[tuple[int, str, float]] = []
        outside: list[tuple[int, str]] = []
        cands: list[Candidate] = []
        for n, (span, row) in enumerate(zip(data.experiences, packed, strict=True)):
            y = top + 0.55 + row
            x0 = self.x(span.start)
            if span.end is not None:
                x1 = self.x(span.end) + 1
                solid.append(_rect(x0, x1, y, 0.56))
            else:
                now = min(data.today, self.last)
                x1 = self.x(now) + 1
                solid.append(_rect(x0, x1, y, 0.56))
                tail = self.x(self.last) + 1
                if tail > x1:
                    faded.append(_rect(x1, tail, y, 0.56))
                arrows.append((tail, y))
            self.add_item("experience", span.uid, span.title, span.start,
                          span.end or data.today, y - 0.3, y + 0.3)
            left_px = self.px(max(span.start, self.first))
            right_px = self.px(min(span.end or visible_end, self.last)) + self.px_per_day
            obstacles[row].append((left_px, right_px))
            title = shorten(span.title, LABEL_CHARS)
            fitting = self.chars_within(right_px - left_px - 8)
            if self.text_px(title) + 8 <= right_px - left_px:
                inside.append((n, title, y))
            elif fitting >= 12:
                inside.append((n, shorten(span.title, fitting), y))  # shortened to its bar
            elif right_px + 4 + self.text_px(title) < self.axes_width_px:
                outside.append((n, title))
                cands.append(Candidate(right_px + 4, self.text_px(title), -span.start.toordinal(),
                                       (row,)))
        self.axes.add_collection(PolyCollection(solid, facecolors=palette.EXPERIENCE,
                                                edgecolors="none", alpha=0.85), autolim=False)
        if faded:
            self.axes.add_collection(PolyCollection(faded, facecolors=palette.EXPERIENCE,
                                                    edgecolors="none", alpha=0.3), autolim=False)
        if arrows:
            self.axes.scatter([a[0] for a in arrows], [a[1] for a in arrows], marker=">",
                              s=30, c=palette.EXPERIENCE, alpha=0.6, zorder=3, clip_on=False)
        for n, title, y in inside:
            x = self.x_at_px(self.px(max(data.experiences[n].start, self.first)) + 3)
            self.axes.text(x, y, title, fontsize=FONT, va="center",
                           ha="left", color="white", clip_on=True)
        placed = place_labels(cands, MAX_BAR_ROWS, obstacles=obstacles)
        for k, row in placed.items():
            n, title = outside[k]
            self.axes.text(self.x_at_px(cands[k].left), top + 0.55 + row,
                           title, fontsize=FONT, va="center", ha="left", color=palette.TEXT,
                           clip_on=True)

    def interactions(self) -> None:
        data = self.data
        top, bottom = self.layout.lane_rows[Lane.INTERACTIONS]
        self.lane_title(Lane.INTERACTIONS)
        all_row = top + 1.45
        per_bucket: Counter[date] = Counter()
        for when, n in data.conversations_per_day:
            per_bucket[self.bucket_of(when)] += n
        total = sum(per_bucket.values())
        if per_bucket:
            self.bars(per_bucket, all_row + 0.3, 0.75, palette.INTERACTION, alpha=0.55)
            for bucket, n in per_bucket.items():
                self.add_item("period", None, f"{n:,} conversations", bucket,
                              self.bucket_end(bucket), all_row - 0.45, all_row + 0.3)
        label = f"all, per {self.bucket} ({total:,})" if total else "none in view"
        self.row_title(all_row, label)
        by_person: dict[str, list[Any]] = defaultdict(list)
        for mark in data.interactions:
            by_person[mark.person].append(mark)
        names = {p.uid: p.name for p in data.people}
        xs: list[float] = []
        ys: list[float] = []
        for n, person in enumerate(data.people):
            y = all_row + 1 + n
            self.row_title(y, shorten(person.name, 24), palette.TEXT)
            marks = by_person.get(person.uid, [])
            if len(marks) > PERSON_TICKS_ABOVE:
                self.aggregated.add(Lane.INTERACTIONS)
                counts: Counter[date] = Counter(self.bucket_of(mk.date) for mk in marks)
                self.bars(counts, y + 0.35, 0.7, palette.INTERACTION, alpha=0.7)
                for bucket, c in counts.items():
                    self.add_item("period", None, f"{c:,} conversations with {person.name}",
                                  bucket, self.bucket_end(bucket), y - 0.35, y + 0.35)
                continue
            for mk in marks:
                xs.append(self.x(mk.date) + 0.5)
                ys.append(y)
                title = mk.summary or f"{mk.kind.label} with {names.get(mk.person, '')}"
                self.add_item("interaction", mk.uid, title, mk.date, mk.date, y, y, point=True)
        if xs:
            self.axes.scatter(xs, ys, marker="|", s=90, linewidths=1.4, c=palette.INTERACTION,
                              zorder=3)
        if data.other_people:
            self.row_title(bottom - 0.35, f"and {data.other_people:,} other people")

    def calendar(self) -> None:
        from matplotlib.collections import PolyCollection

        data = self.data
        top, _bottom = self.layout.lane_rows[Lane.CALENDAR]
        self.lane_title(Lane.CALENDAR)
        y = top + 1.55
        shapes, colors, dots_x, dots_c = [], [], [], []
        cands: list[Candidate] = []
        for band in data.events:
            color = palette.CYCLE_EVENT_KIND[band.kind]
            x0, x1 = self.x(band.start), self.x(band.end) + 1
            if (x1 - x0) * self.px_per_day >= 3:
                shapes.append(_rect(x0, x1, y, 0.5))
                colors.append(color)
            else:
                dots_x.append((x0 + x1) / 2)
                dots_c.append(color)
            self.add_item("cycle_event", band.uid, band.name, band.start, band.end, y - 0.3,
                          y + 0.3, point=band.start == band.end)
            name = shorten(band.name, 26)
            importance = 2 if band.kind.value in ("performance_review", "budget_planning",
                                                  "compensation_review", "promotion_committee") else 1
            width = self.text_px(name, SMALL_FONT)
            cands.append(Candidate(self.fit_left(self.px(max(band.start, self.first)), width), width,
                                   importance * 1e6 - band.start.toordinal()))
        if shapes:
            self.axes.add_collection(PolyCollection(shapes, facecolors=colors, edgecolors="none",
                                                    alpha=0.75), autolim=False)
        if dots_x:
            self.axes.scatter(dots_x, [y] * len(dots_x), marker="d", s=36, c=dots_c, zorder=3)
        placed = place_labels(cands, 2)
        for n, tier in placed.items():
            band = data.events[n]
            self.axes.text(self.x_at_px(cands[n].left), top + 0.45 + 0.55 * tier,
                           shorten(band.name, 26), fontsize=SMALL_FONT, va="center", ha="left",
                           color=palette.CYCLE_EVENT_KIND[band.kind], clip_on=True)
        if not data.events:
            self.row_title(top + 1.1, "none in view")

    def windows(self) -> None:
        from matplotlib.collections import PolyCollection

        data = self.data
        top, _bottom = self.layout.lane_rows[Lane.WINDOWS]
        self.lane_title(Lane.WINDOWS)
        if not data.windows:
            self.row_title(top + 1.1, "none in view")
            return
        rows = _window_rows(data)
        if rows is None:
            self._counted_windows(top)
            return
        shapes, colors = [], []
        obstacles: list[list[tuple[float, float]]] = [[] for _ in range(MAX_BAR_ROWS)]
        texts: list[str] = []
        cands: list[Candidate] = []
        for window, row in zip(data.windows, rows, strict=True):
            y = top + 0.55 + row
            shapes.append(_rect(self.x(window.start), self.x(window.end) + 1, y, 0.6))
            colors.append(palette.WINDOW_KIND[window.kind])
            kind = "opening" if window.kind is WindowKind.NETWORK else "cycle_event"
            self.add_item(kind, window.event, f"{window.kind.label}: {window.event_name}",
                          window.start, window.end, y - 0.3, y + 0.3)
            left = self.px(max(window.start, self.first))
            right = self.px(min(window.end, self.last)) + self.px_per_day
            obstacles[row].append((left, right))
            text = shorten(f"{window.kind.label} · {window.event_name}", LABEL_CHARS + 6)
            if self.text_px(text, SMALL_FONT) + 6 > right - left:
                text = shorten(window.kind.label, LABEL_CHARS)
            texts.append(text)
            width = self.text_px(text, SMALL_FONT)
            fits = width + 6 <= right - left
            if fits:
                where = left + 3
            elif right + 3 + width <= self.axes_width_px:
                where = right + 3  # after the bar
            elif left - 3 - width >= 0:
                where = left - 3 - width  # before it, when it runs to the edge
            else:
                cands.append(Candidate(0, 0, -1, ()))  # no room on either side: unnamed
                continue
            cands.append(Candidate(where, width, (2e6 if fits else 0) - window.start.toordinal(),
                                   (row,)))
        self.axes.add_collection(PolyCollection(shapes, facecolors=colors, edgecolors="white",
                                                linewidths=0.5, alpha=0.55), autolim=False)
        # A label inside its own bar is no obstacle to itself: bars of one row never overlap
        # (except when too many windows at once share the last row, where labels then yield).
        own_ok = [c for c in cands if c.priority >= 1e6]
        placed = place_labels(own_ok, MAX_BAR_ROWS)
        others = [c for c in cands if c.priority < 1e6]
        taken = [list(o) for o in obstacles]
        for k, tier in placed.items():
            c = own_ok[k]
            taken[tier].append((c.left, c.left + c.width))
        placed_out = place_labels(others, MAX_BAR_ROWS, obstacles=taken)
        inside_ids = [n for n, c in enumerate(cands) if c.priority >= 1e6]
        outside_ids = [n for n, c in enumerate(cands) if c.priority < 1e6]
        chosen = [(inside_ids[k], t, True) for k, t in placed.items()] + \
                 [(outside_ids[k], t, False) for k, t in placed_out.items()]
        for n, row, within in chosen:
            window = data.windows[n]
            self.axes.text(self.x_at_px(cands[n].left), top + 0.55 + row,
                           texts[n], fontsize=SMALL_FONT, va="center", ha="left",
                           color=palette.TEXT if within else palette.WINDOW_KIND[window.kind],
                           clip_on=True)

    def _counted_windows(self, top: float) -> None:
        """Too many windows at once to draw apart: how many of each kind were open, per
        week or month, stacked in the kinds' colours."""
        self.aggregated.add(Lane.WINDOWS)
        per_kind: dict[WindowKind, Counter[date]] = defaultdict(Counter)
        totals: Counter[date] = Counter()
        for window in self.data.windows:
            bucket = self.bucket_of(max(window.start, self.first))
            last = min(window.end, self.last)
            while bucket <= last:
                per_kind[window.kind][bucket] += 1
                totals[bucket] += 1
                bucket = self.bucket_end(bucket) + timedelta(days=1)
        if not totals:
            return
        baseline, height = top + 2.3, 1.7
        peak = max(totals.values())
        stacked: Counter[date] = Counter()
        for kind in WindowKind:
            counts = per_kind.get(kind)
            if counts:
                self._stacked_bars(counts, stacked, baseline, height, peak, palette.WINDOW_KIND[kind])
                stacked.update(counts)
        for bucket, n in totals.items():
            self.add_item("period", None, f"{n:,} windows open", bucket, self.bucket_end(bucket),
                          baseline - height * n / peak, baseline)
        self.row_title(top + 1.35, f"{len(self.data.windows):,}, open per {self.bucket}")

    def pay(self) -> None:
        data = self.data
        top, bottom = self.layout.lane_rows[Lane.PAY]
        self.lane_title(Lane.PAY)
        steps = [s for s in data.pay if s.base is not None]
        if not steps:
            self.row_title(top + 1.1, "no pay records")
            return
        low = min(s.base or 0 for s in steps)
        high = max(s.base or 0 for s in steps)
        y_low, y_high = bottom - 0.3, top + 1.5

        def y_of(value: float) -> float:
            return y_low if high == low else y_low - (value - low) / (high - low) * (y_low - y_high)

        xs = [max(self.x(s.date), self.x(self.first)) for s in steps]
        ys = [y_of(s.base or 0) for s in steps]
        end_x = self.x(max(self.last, data.today)) + 1
        self.axes.step([*xs, end_x], [*ys, ys[-1]], where="post", color=palette.PAY_BASE,
                       linewidth=1.6, zorder=3)
        self.axes.scatter(xs, ys, s=14, c=palette.PAY_BASE, zorder=4)
        cands: list[Candidate] = []
        texts: list[str] = []
        for n, (step, y) in enumerate(zip(steps, ys, strict=True)):
            amount = _money(step.base, step.currency)
            if step.promotion or n == 0:  # the title held at the start, then each change
                held = ", ".join(v for v in (step.title, step.level) if v)
                text = f"{shorten(held, 30)} · {amount}" if held else amount
            else:
                text = amount
            texts.append(text)
            start = max(step.date, self.first)
            width = self.text_px(text, SMALL_FONT)
            # Promotions on the upper line, pay rises below; the latest first.
            cands.append(Candidate(self.fit_left(self.px(start) + 3, width), width,
                                   (1e6 if step.promotion or n == 0 else 0) + step.date.toordinal(),
                                   (0, 1) if step.promotion or n == 0 else (1,)))
            what = f"{step.title or 'Pay'}{', ' + step.level if step.level else ''}: {amount}"
            self.add_item("compensation", step.uid, what, step.date, step.date, y, y, point=True)
        placed = place_labels(cands, 2, gap=12)
        for n, tier in placed.items():
            step = steps[n]
            self.axes.text(self.x_at_px(cands[n].left), top + 0.45 + 0.55 * tier, texts[n],
                           fontsize=SMALL_FONT, ha="left", va="center", clip_on=True,
                           color=palette.TEXT if step.promotion or n == 0 else palette.SECONDARY_TEXT,
                           fontweight="bold" if step.promotion else "normal")


def _rect(x0: float, x1: float, y: float, height: float) -> list[tuple[float, float]]:
    return [(x0, y - height / 2), (x1, y - height / 2), (x1, y + height / 2), (x0, y + height / 2)]


def _money(value: float | None, currency: str | None) -> str:
    if value is None:
        return "—"
    text = f"{value / 1000:,.1f}k" if value >= 10_000 else f"{value:,.0f}"
    text = text.replace(".0k", "k")
    return f"{text} {currency}" if currency else text


def draw_timeline(fig: Figure, data: TimelineData, *, x_range: tuple[date, date] | None = None,
                  title: str | None = None) -> TimelineDrawing:
    """Draws ``data`` on ``fig`` (cleared first) and returns what was drawn where.

    ``x_range`` (default: the data's period) is the span of days laid out; the labels are
    placed for it.
    """
    import matplotlib.dates as mdates

    fig.clear()
    fig.set_facecolor("white")
    first, last = x_range or (data.period.start, data.period.end)
    painter = _Painter(fig, data, (first, last), titled=title != "")
    ax = painter.axes
    layout = painter.layout
    total_rows = max(layout.rows, 1.0)
    ax.set_xlim(painter.x(first) - painter.pad_days, painter.x(last) + 1 + painter.pad_days)
    ax.set_ylim(total_rows, 0)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(palette.GRID)
    locator = mdates.AutoDateLocator(minticks=5, maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.tick_params(axis="x", labelsize=FONT, colors=palette.SECONDARY_TEXT, length=3)
    ax.grid(axis="x", color=palette.GRID, linewidth=0.6)
    ax.set_axisbelow(True)

    for n, (lane, (top, bottom)) in enumerate(layout.lane_rows.items()):
        if n % 2 == 0:
            ax.axhspan(top, bottom, color=palette.LANE_SHADE, zorder=0, linewidth=0)
        ax.axhline(bottom, color=palette.GRID, linewidth=0.6, zorder=0)
        getattr(painter, lane.value)()

    if first <= data.today <= last:
        x_today = painter.x(data.today) + 0.5
        ax.axvline(x_today, color=palette.TODAY, linewidth=1.1, linestyle=(0, (4, 3)), zorder=5)
        near_end = painter.px(data.today) > painter.axes_width_px - painter.text_px("Today") - 6
        ax.text(x_today, 0, "Today " if near_end else " Today", color=palette.TODAY, fontsize=FONT,
                fontweight="bold", ha="right" if near_end else "left", va="bottom", clip_on=False,
                zorder=6)

    heading = title if title is not None else f"Timeline · {data.period.title}"
    if heading:
        fig.text(0.012, 1 - 0.12 / fig.get_size_inches()[1], heading, ha="left", va="top",
                 fontsize=FONT + 3, fontweight="bold", color=palette.TEXT)
    _legend(fig, data)
    return TimelineDrawing(axes=ax, items=painter.items, lane_rows=dict(layout.lane_rows),
                           aggregated=painter.aggregated, bucket=painter.bucket)


def _legend(fig: Figure, data: TimelineData) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    if data.shows(Lane.ACHIEVEMENTS):
        for kind in AchievementKind:
            handles.append(Line2D([], [], linestyle="none", marker=KIND_MARKER[kind], markersize=6,
                                  color=palette.ACHIEVEMENT_KIND[kind], label=kind.label))
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7,
                              markerfacecolor="white", markeredgecolor=palette.HIGHLIGHT,
                              markeredgewidth=1.6, label="Highlight (named)"))
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=9,
                              markerfacecolor="#c5ccd6", markeredgecolor="none",
                              label="Bigger: wider scope"))
    if data.shows(Lane.WINDOWS):
        kinds = sorted({w.kind for w in data.windows}, key=list(WindowKind).index)
        for wkind in kinds:
            handles.append(Patch(facecolor=palette.WINDOW_KIND[wkind], alpha=0.55,
                                 label=wkind.label))
    if not handles:
        return
    height = fig.get_size_inches()[1]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.04 / height * 2),
               ncol=min(len(handles), 6), fontsize=SMALL_FONT + 0.5, frameon=False,
               handlelength=1.4, columnspacing=1.4)


def visible_lanes(drawing: TimelineDrawing) -> Sequence[Lane]:
    return list(drawing.lane_rows)
