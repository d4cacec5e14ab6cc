"""Alembic environment: dateline always passes an open connection in ``config.attributes``."""

from alembic import context

from dateline.store.fulltext import include_name
from dateline.store.schema import include_object, metadata

connection = context.config.attributes["connection"]
# The full-text tables and indexes are made by hand (the metadata cannot describe them): autogenerate leaves
# them alone, and the metadata's indexes made for another database.
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    include_name=include_name,
    include_object=include_object(connection.dialect.name),
)
with context.begin_transaction():
    context.run_migrations()
