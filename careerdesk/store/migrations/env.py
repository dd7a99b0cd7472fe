"""Alembic environment: migrations run in-process on the journal's own connection.

Batch mode is on because SQLite alters most tables by copying them; the connection comes
from careerdesk with transactional DDL working, so a killed migration leaves the journal
at the old revision rather than half-copied.
"""

from alembic import context

from careerdesk.store.models import Base
from careerdesk.store.search_index import TABLE as SEARCH_TABLE


def include_object(obj, name, type_, reflected, compare_to):
    # The FTS5 table and its shadow tables are made by hand, not by the models.
    return not (type_ == "table" and name.startswith(SEARCH_TABLE))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("careerdesk runs its migrations itself, on an open journal")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
