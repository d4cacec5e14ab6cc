"""Alembic environment: dateline always passes an open connection in ``config.attributes``."""

from alembic import context

from dateline.store.fulltext import include_name
from dateline.store.schema import metadata

connection = context.config.attributes["connection"]
# The full-text tables and indexes are made by hand (the metadata cannot describe them): autogenerate leaves
# them alone.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, include_name=include_name)
with context.begin_transaction():
    context.run_migrations()
