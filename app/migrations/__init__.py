"""Alembic migrations: the only way the schema changes."""

# The newest revision in versions/ (a test keeps it equal to Alembic's head). Here rather than in
# app.migrate so that the quick look at start-up (app.quickstart) can compare it without SQLAlchemy.
HEAD_REVISION = "0013_person_links"
