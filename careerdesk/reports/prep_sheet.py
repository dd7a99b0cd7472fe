"""The negotiation prep sheet as HTML for Qt's rich text (a subset of HTML 4 and CSS).

One or two printed pages to take into the meeting: what to ask and what to settle for,
why now, the evidence, the people, what to say and how to answer. Everything the user
typed goes through ``text()`` (``html.escape``), so a note holding ``<b>`` prints as those
characters; the only markup taken from user text is ``**bold**``, applied after escaping.

The chart is an ``<img>`` named ``CHART_NAME``: the window or the command line adds the
picture to the QTextDocument as a resource of that name before printing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from careerdesk.domain.enums import Stance
from careerdesk.domain.metrics import describe as describe_metric
from careerdesk.domain.records import Achievement, Benchmark, Position
from careerdesk.planner import words
from careerdesk.planner.people import influence
from careerdesk.reports import equity as eq
from careerdesk.reports.prep_data import PrepSheetData

CHART_NAME = "careerdesk-prep-chart.png"
MAX_LISTED = 8
"""Lateral experiences and pieces of invisible work listed at the most: the latest."""

INK = "#1f2328"
MUTED = "#5c6670"
ACCENT = "#2f6f9f"
RULE = "#c9d1d9"
SHADE = "#eef3f7"
STANCE_COLOURS = {Stance.CHAMPION: "#1a7f37", Stance.SUPPORTER: "#2f8f4f", Stance.NEUTRAL: MUTED,
                  Stance.SKEPTIC: "#9a6700", Stance.BLOCKER: "#b42318", Stance.UNKNOWN: MUTED}

_BOLD = re.compile(r"\*\*(.+?)\*\*")

STYLE = f"""
body {{ font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 8.4pt; color: {INK}; }}
h1 {{ font-size: 15pt; font-weight: 600; margin-top: 0; margin-bottom: 1px; color: {INK}; }}
h2 {{ font-size: 10pt; font-weight: 700; color: {ACCENT}; margin-top: 8px; margin-bottom: 2px; }}
p {{ margin: 0 0 2px 0; }}
td {{ vertical-align: top; }}
th {{ text-align: left; font-weight: 600; color: {MUTED}; font-size: 7.6pt; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 7.6pt; }}
.big {{ font-size: 11pt; font-weight: 700; }}
ul, ol {{ margin-top: 0; margin-bottom: 0; }}
li {{ margin-bottom: 2px; }}
"""


def text(value: object) -> str:
    """User text made safe for rich text: escaped, line breaks kept, ``**bold**`` kept."""
    escaped = html.escape(str(value), quote=True)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return escaped.replace("\n\n", "<br/><br/>").replace("\n", "<br/>")


def _more(count: int, one: str, many: str) -> str:
    """The last item of a cut list: how many were left out."""
    if count <= 0:
        return ""
    return f'<li class="muted">and {count:,} {one if count == 1 else many} in the period</li>'


def _h2(title: str) -> str:
    return f"<h2>{html.escape(title)}</h2>"


def _none(what: str) -> str:
    return f'<p class="muted">{html.escape(what)}</p>'


def _money(amount: float | None, currency: str | None) -> str:
    return "—" if amount is None else text(eq.format_money(amount, currency))


def _position(position: Position) -> str:
    parts = [text(position.title) if position.title else "",
             text(position.level) if position.level else ""]
    head = " · ".join(p for p in parts if p) or '<span class="muted">not filled in</span>'
    return f"{head}<br/><b>{_money(position.base, position.currency)}</b>"


_CELL = re.compile(r"<(td|th)(?=[ >])")


def _table(rows: Iterable[str], header: str = "", widths: tuple[int, ...] = ()) -> str:
    body = header + "".join(rows)
    if widths:
        # Qt's rich text takes column widths from the cells of the first row (not <col>).
        first_end = body.find("</tr>")
        counter = iter(widths)

        def width(match: re.Match[str]) -> str:
            share = next(counter, None)
            return match.group(0) if share is None else f'<{match.group(1)} width="{share}%"'

        body = _CELL.sub(width, body[:first_end]) + body[first_end:]
    return (f'<table width="100%" cellspacing="0" cellpadding="3" '
            f'style="border-collapse: collapse; border-color: {RULE};" border="0">'
            f"{body}</table>")


def _row(cells: Iterable[str], shade: bool = False) -> str:
    bg = f' bgcolor="{SHADE}"' if shade else ""
    return f"<tr{bg}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _header(*titles: str) -> str:
    return ("<tr>" + "".join(f'<th style="border-bottom: 1px solid {RULE};">{html.escape(t)}</th>'
                             for t in titles) + "</tr>")


# ---------------------------------------------------------------- sections


def _title(data: PrepSheetData) -> str:
    plan = data.plan
    bits = [plan.strategy.label]
    if plan.meeting_date:
        bits.insert(0, f"Meeting {words.day(plan.meeting_date)}")
    if data.target is not None:
        level = f" ({data.target.level})" if data.target.level else ""
        bits.append(f"target: {data.target.title}{level}")
    names = [p.person.name for p in data.people]
    if names:
        bits.append("with " + ", ".join(names))
    return (f"<h1>{text(plan.title)}</h1>"
            f'<p class="muted">{text(" · ".join(bits))}</p>')


def _ask(data: PrepSheetData) -> str:
    plan = data.plan
    gap = data.equity
    gap_text = ""
    if gap.gap is not None:
        sign = "+" if gap.gap >= 0 else "−"
        percent = f"<br/>{sign}{abs(gap.gap_percent):.1f} %" if gap.gap_percent is not None else ""
        gap_text = f"{sign}{_money(abs(gap.gap), gap.currency)}{percent}"
    scope = (f'<p><span class="muted">Scope:</span> {text(plan.ask.scope)}</p>'
             if plan.ask.scope else "")
    table = _table([
        _header("Now", "The ask", "Change"),
        _row([_position(plan.current), f'<span class="big">{_position(plan.ask)}</span>',
              f"<b>{gap_text}</b>" if gap_text else "—"], shade=True),
    ], widths=(34, 42, 24))
    return _h2("The ask") + table + scope


def _fallbacks(data: PrepSheetData) -> str:
    plan = data.plan
    out = _h2("If not the full ask: fallbacks")
    if plan.fallbacks:
        out += "<ol>" + "".join(f"<li>{text(f)}</li>" for f in plan.fallbacks) + "</ol>"
    else:
        out += _none("No fallbacks written down yet.")
    return out


def _walk_away(data: PrepSheetData) -> str:
    body = text(data.plan.walk_away) if data.plan.walk_away else \
        '<span class="muted">Not decided yet: decide it before the meeting.</span>'
    return _h2("Walk-away point") + _table([_row([body], shade=True)])


def _why_now(data: PrepSheetData) -> str:
    out = _h2("Why now")
    if not data.windows:
        return out + _none("No window of the planner falls around this meeting.")
    meeting = data.plan.meeting_date
    rows = []
    for window in data.windows:
        when = words.day_range(window.start, window.end)
        if meeting is None:
            note = window.countdown(data.today)
        elif window.start <= meeting <= window.end:
            note = "open on the meeting day"
        elif window.start > meeting:
            note = f"opens {(window.start - meeting).days} days after the meeting"
        else:  # it ends before the meeting: what matters is how long it is open from now
            note = window.countdown(data.today)
        rows.append(_row([f"<b>{text(window.kind.label)}</b><br/>"
                          f'<span class="small muted">{text(when)}<br/>{text(note)}</span>',
                          f'<span class="small">{text(window.reason)}</span>']))
    return out + _table(rows, widths=(38, 62))


def _achievement_line(a: Achievement, data: PrepSheetData) -> str:
    metrics = "; ".join(describe_metric(x) for x in a.metrics)
    bits = []
    if a.scope:
        bits.append(a.scope.label)
    if a.experience and a.experience in data.experiences:
        bits.append(f"in {data.experiences[a.experience].title}")
    out = f"<b>{text(a.title)}</b>"
    if metrics:
        out += f"<br/>{text(metrics)}"
    if bits:
        out += f'<br/><span class="small muted">{text(" · ".join(bits))}</span>'
    return out


def _evidence(data: PrepSheetData) -> str:
    out = _h2("Evidence")
    if not data.evidence:
        return out + _none("No achievements chosen as evidence yet.")
    rows = [_header("", "When", "What, and what changed")]
    for i, a in enumerate(data.evidence, 1):
        mark = " ★" if a.highlight else ""
        rows.append(_row([f"<b>{i}</b>", f'<span class="small">{text(words.day(a.date))}{mark}</span>',
                          _achievement_line(a, data)], shade=i % 2 == 0))
    return out + _table(rows, widths=(3, 15, 82))


def _growth(data: PrepSheetData) -> str:
    # The latest of each, so that a busy year still prints on one or two pages.
    recent = data.lateral[-MAX_LISTED:]
    lateral = "".join(
        f"<li><b>{text(e.title)}</b> <span class=\"muted\">({text(e.kind.label.lower())}, "
        f"{text(words.day_range(e.start, e.end) if e.end else 'since ' + words.day(e.start))})</span>"
        "</li>"
        for e in recent) + _more(len(data.lateral) - len(recent), "earlier experience",
                                 "earlier experiences")
    invisible = "".join(
        f"<li><b>{text(a.title)}</b> <span class=\"muted\">({text(words.day(a.date))})</span></li>"
        for a in data.invisible[:MAX_LISTED]) + _more(
            len(data.invisible) - MAX_LISTED, "earlier piece", "earlier pieces")
    left = f"<ul>{lateral}</ul>" if lateral else _none("No lateral experience in the period.")
    right = f"<ul>{invisible}</ul>" if invisible else _none(
        "No invisible work recorded beyond the evidence.")
    return (_h2("Lateral growth and invisible work")
            + _table([_header("Lateral experiences", "Invisible work"), _row([left, right])],
                     widths=(50, 50)))


def _benchmark_cells(b: Benchmark, is_band: bool) -> list[str]:
    source = f"<b>{text(b.source)}</b>" + (' <span class="small muted">(the band)</span>'
                                           if is_band else "")
    if b.note:
        source += f'<br/><span class="small muted">{text(b.note)}</span>'
    return [source, _money(b.low, b.currency), _money(b.mid, b.currency),
            _money(b.high, b.currency)]


def _benchmarks(data: PrepSheetData) -> str:
    out = _h2("Benchmarks and internal equity")
    plan = data.plan
    if plan.benchmarks:
        rows = [_header("Source", "Low", "Mid", "High")]
        rows += [_row(_benchmark_cells(b, i == data.equity.band_index), shade=i % 2 == 1)
                 for i, b in enumerate(plan.benchmarks)]
        out += _table(rows, widths=(52, 16, 16, 16))
    else:
        out += _none("No benchmarks yet.")
    figures = [f"<b>{text(x)}</b>" for x in eq.figures(data.equity)]
    problems = [f'<span class="muted">{text(x)}</span>' for x in eq.problem_sentences(data.equity)]
    if figures or problems:
        out += "<p>" + " · ".join(figures + problems) + "</p>"
    return out


def _people(data: PrepSheetData) -> str:
    out = _h2("In the room")
    if not data.people:
        return out + _none("No participants chosen yet.")
    rows = [_header("Who", "Stance", "Influence", "Last contact", "Open follow-ups")]
    for i, entry in enumerate(data.people):
        p = entry.person
        role = p.title or (", ".join(r.label for r in p.roles) if p.roles else "")
        who = f"<b>{text(p.name)}</b>" + (f'<br/><span class="small muted">{text(role)}</span>'
                                          if role else "")
        colour = STANCE_COLOURS[p.stance]
        stance = f'<span style="color: {colour}; font-weight: 600;">{text(p.stance.label)}</span>'
        level = f"{influence(p)}/5" if p.influence is not None else '<span class="muted">?</span>'
        last = text(words.day(entry.last_contact)) if entry.last_contact else "—"
        follow = "<br/>".join(text(f) for f in entry.open_follow_ups) or "—"
        rows.append(_row([who, stance, level, f'<span class="small">{last}</span>',
                          f'<span class="small">{follow}</span>'], shade=i % 2 == 1))
    return out + _table(rows, widths=(26, 12, 10, 14, 38))


def _talking_points(data: PrepSheetData) -> str:
    out = _h2("Talking points")
    points = data.plan.talking_points
    if not points:
        return out + _none("No talking points yet.")
    return out + "<ol>" + "".join(f"<li>{text(p)}</li>" for p in points) + "</ol>"


def _objections(data: PrepSheetData) -> str:
    out = _h2("Objections and responses")
    objections = data.plan.objections
    if not objections:
        return out + _none("No objections prepared yet.")
    rows = [_header("If they say", "Answer")]
    rows += [_row([f"<i>{text(o.objection)}</i>",
                   text(o.response) if o.response else '<span class="muted">—</span>'],
                  shade=i % 2 == 1)
             for i, o in enumerate(objections)]
    return out + _table(rows, widths=(38, 62))


def _chart(data: PrepSheetData) -> str:
    period = words.day_range(data.period_start, data.period_end)
    width, height = data.chart_size_px
    return (_h2(f"The period: {period}")
            + f'<p><img src="{CHART_NAME}" width="{width}" height="{height}"/></p>')


def _notes(data: PrepSheetData) -> str:
    if not data.plan.notes:
        return ""
    return _h2("Notes") + f"<p>{text(data.plan.notes)}</p>"


def _two_columns(left: str, right: str, split: int = 50) -> str:
    return (f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="{split}%" style="padding-right: 10px;">{left}</td>'
            f'<td width="{100 - split}%" style="padding-left: 10px;">{right}</td></tr></table>')


def prep_sheet_html(data: PrepSheetData) -> str:
    """The whole sheet; user text escaped throughout."""
    sections = [
        _title(data),
        # The notes (what to do before, how to open) sit beside the ask, where the page has room.
        _two_columns(_ask(data) + _fallbacks(data) + _walk_away(data),
                     _why_now(data) + _notes(data), 52),
        _talking_points(data),
        _evidence(data),
        _objections(data),
        _people(data),
        _benchmarks(data),
        _growth(data),
        _chart(data),
    ]
    return (f'<html><head><meta charset="utf-8"/><title>{text(data.plan.title)}</title>'
            f"<style>{STYLE}</style></head><body>{''.join(sections)}</body></html>")


def sheet_title(data: PrepSheetData) -> str:
    """The PDF's title: ``Prep sheet: Promotion to Lead Data Analyst``."""
    return f"Prep sheet: {data.plan.title}"


