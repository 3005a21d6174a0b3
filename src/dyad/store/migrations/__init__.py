"""Alembic migrations for the Dyad store, shipped with the package."""
