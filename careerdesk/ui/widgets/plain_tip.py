"""Tooltips that show the user's words as typed.

Qt renders a tooltip as rich text when it merely looks like HTML, so a note such as
"<b>ask</b>" would turn bold. Wrapped here, a tooltip is always rich text whose
content is escaped: it shows exactly what was typed, line breaks included.
"""

from __future__ import annotations

import html

PLAIN_TIP_START = "<p style='white-space:pre-wrap'>"


def plain_tip(text: str | None) -> str:
    """The tooltip for ``text``; empty (no tooltip) for no text."""
    if not text:
        return ""
    return PLAIN_TIP_START + html.escape(text) + "</p>"
