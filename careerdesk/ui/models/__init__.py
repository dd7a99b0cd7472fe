"""Qt item models over the journal: lazy, sorted and filtered in SQL."""
